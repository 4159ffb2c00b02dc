/**
 * The campaign landing page `/o/<slug>` (issue 12, point 3): its limits and how a price reads.
 * Pure: no D1, no request objects.
 */
import type { Locale } from '../i18n';
import { IMAGE_TYPES } from './file-types';
import { formatInteger } from './numbers';

/** Products on one campaign's page: a dozen at most (counted in the INSERT itself). */
export const OFFER_PRODUCTS_MAX = 12;
/** A product's name: one line, 1 to 80 characters. */
export const PRODUCT_NAME_MAX = 80;
/** The delivery terms: at most 500 characters, several lines allowed. */
export const DELIVERY_TERMS_MAX = 500;
/** A product's price: whole dinars, up to 10 million. */
export const PRODUCT_PRICE_MAX_DZD = 10_000_000;
/** A product photo: PNG, JPEG or WebP detected from the bytes, at most 2 MiB. */
export const OFFER_PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const OFFER_PHOTO_TYPES = IMAGE_TYPES;

const NBSP = '\u00a0';

/**
 * A price as the app writes it (web/src/lib/format.ts formatDzd), Latin digits in every
 * language: fr "12 500 DA", ar "12 500 د.ج" (thousands by a narrow no-break space, which keeps
 * the number whole inside right-to-left text; a no-break space before the unit), en "DZD 12,500".
 */
export function formatPriceDzd(amount: number, locale: Locale): string {
	if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`formatPriceDzd: whole dinars expected, got ${String(amount)}`);
	if (locale === 'en') return `DZD${NBSP}${formatInteger(amount, locale)}`;
	return `${formatInteger(amount, locale)}${NBSP}${locale === 'ar' ? 'د.ج' : 'DA'}`;
}

/**
 * A price typed in a form ("12500", "12 500", "12.500", "12 500 DA"): whole dinars, or null
 * when it is not one (decimals, negative, over the maximum, anything else).
 */
export function parsePriceDzd(raw: string): number | null {
	const s = raw
		.trim()
		.replace(/\s*(DA|DZD|د\.ج)$/i, '')
		.replace(/[\s\u00a0\u202f]/g, '')
		.replace(/^(\d{1,3})((?:\.\d{3})+)$/, (_m, head: string, rest: string) => head + rest.replace(/\./g, ''));
	if (!/^\d{1,9}$/.test(s)) return null;
	const n = Number(s);
	return n <= PRODUCT_PRICE_MAX_DZD ? n : null;
}
