/**
 * Rates are integer dinars. Algerians often quote prices in centimes ("50 000" meaning
 * 500 DA, "1 million" meaning 10 000 DA), so a rate 100× a typical price is more likely
 * centimes than dinars. Such a rate is accepted (a large creator may really charge it)
 * but answered with a `looks_like_centimes` warning that the UI shows next to the field.
 */
import type { Format } from './taxonomy';

/**
 * Typical price of one piece of content by a micro-creator (5k–60k followers), in DA.
 * The warning threshold is 100× this: story 500 000, post 800 000, reel 1 500 000,
 * live 2 000 000 DA — what a typical price typed in centimes gives.
 */
export const TYPICAL_RATE_DZD: Record<Format, number> = { story: 5_000, post: 8_000, reel: 15_000, live: 20_000 };

/** Multiplier between dinars and centimes. */
export const CENTIMES_PER_DINAR = 100;

/** Highest rate the API stores, in DA (a guard against typos, far above any real price). */
export const MAX_RATE_DZD = 100_000_000;

export interface RateWarning {
	format: Format;
	code: 'looks_like_centimes';
	/** The amount in dinars if the figure was meant in centimes. */
	asDinars: number;
}

/** True when a rate for this format is at or above 100× its typical price. */
export function looksLikeCentimes(format: Format, amountDzd: number): boolean {
	return amountDzd >= TYPICAL_RATE_DZD[format] * CENTIMES_PER_DINAR;
}

/** The centimes warnings for a set of rates, in format order. */
export function rateWarnings(rates: Partial<Record<Format, number>>): RateWarning[] {
	const out: RateWarning[] = [];
	for (const [format, amount] of Object.entries(rates) as [Format, number | undefined][]) {
		if (amount !== undefined && looksLikeCentimes(format, amount)) {
			out.push({ format, code: 'looks_like_centimes', asDinars: Math.round(amount / CENTIMES_PER_DINAR) });
		}
	}
	return out;
}

/** One of the creator's prices for a format the campaign asks for. */
export interface FormatRate {
	format: Format;
	amountDzd: number;
}

/**
 * The creator's prices for the campaign's formats (issue 14, point 6: on each match card),
 * in the campaign's order; formats the creator does not price (missing, zero, not a whole
 * number of dinars) are left out.
 */
export function ratesForFormats(rates: unknown, formats: readonly Format[]): FormatRate[] {
	if (!rates || typeof rates !== 'object' || Array.isArray(rates)) return [];
	const out: FormatRate[] = [];
	for (const format of formats) {
		const amount = (rates as Record<string, unknown>)[format];
		if (typeof amount === 'number' && Number.isSafeInteger(amount) && amount > 0 && !out.some((r) => r.format === format)) out.push({ format, amountDzd: amount });
	}
	return out;
}
