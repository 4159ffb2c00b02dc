/**
 * The content library page (issue 11, point 7): what GET /content returns, the filters read
 * from the page's URL, and an asset's rights in words. Plain TypeScript with relative imports
 * so unit tests load it inside workerd.
 */
import type { Key, Locale, Translate } from './i18n';
import { REUSE_CHANNELS, type ReuseChannel } from '../../../worker/domain/agreement-vocabulary';
import { ASSET_STATUSES, type AssetStatus } from '../../../worker/domain/content-rights';
import { FORMATS, type Format } from '../../../worker/domain/taxonomy';
import { formatDate } from './format';

export { ASSET_STATUSES, FORMATS, REUSE_CHANNELS };
export type { AssetStatus, ReuseChannel };

export interface ContentAsset {
	id: string;
	campaign: { id: string; title: string };
	creator: { id: string; displayName: string; handle: string };
	deliverableId: string;
	agreementId: string;
	platform: string;
	format: Format;
	ordinal: number;
	channels: ReuseChannel[];
	perpetual: boolean;
	rightsDays: number | null;
	rightsFrom: string | null;
	rightsUntil: string | null;
	expiredAt: string | null;
	withdrawnAt: string | null;
	status: AssetStatus;
	downloadable: boolean;
	file: { type: string; size: number; name: string };
	postUrl: string | null;
	createdAt: string;
}

export interface ContentList {
	assets: ContentAsset[];
	total: number;
	page: number;
	pageSize: number;
	options: { campaigns: { id: string; title: string }[]; creators: { id: string; displayName: string; handle: string }[] };
}

export interface LibraryFilters {
	campaignId: string;
	creatorId: string;
	format: Format | '';
	channel: ReuseChannel | '';
	status: AssetStatus | '';
}

const ID = /^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/;
const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | '' => (value && (allowed as readonly string[]).includes(value) ? (value as T) : '');

/** The filters of the page's URL; a value that cannot be one is ignored (the form never sends one), not an error page. */
export function readFilters(url: URL): { filters: LibraryFilters; page: number } {
	const p = url.searchParams;
	const id = (name: string) => {
		const v = p.get(name) ?? '';
		return ID.test(v) ? v : '';
	};
	const page = p.get('page') ?? '';
	return {
		filters: {
			campaignId: id('campaignId'),
			creatorId: id('creatorId'),
			format: oneOf(p.get('format'), FORMATS),
			channel: oneOf(p.get('channel'), REUSE_CHANNELS),
			status: oneOf(p.get('status'), ASSET_STATUSES)
		},
		page: /^\d{1,6}$/.test(page) && Number(page) >= 1 ? Number(page) : 1
	};
}

/** The API query of those filters: only the ones set. */
export function apiQuery(filters: LibraryFilters, page: number): string {
	const q = new URLSearchParams();
	for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
	if (page > 1) q.set('page', String(page));
	const s = q.toString();
	return s ? `?${s}` : '';
}

export const assetStatusLabel = (t: Translate, s: AssetStatus) => t(`library.status.${s}` as Key);
export const channelLabel = (t: Translate, c: string) => t(`agr.form.channel.${c}` as Key);

/** Badge colour per status: reusable green, awaiting amber, expired and withdrawn muted. */
export function assetStatusClass(s: AssetStatus): string {
	if (s === 'active') return 'badge';
	if (s === 'awaiting_publication') return 'badge badge-accent';
	return 'badge badge-muted';
}

/** The rights window in words: "Until 12 Feb 2027", "Perpetual", "Expired on …", "30 days from publication". */
export function rightsText(t: Translate, locale: Locale, a: Pick<ContentAsset, 'status' | 'perpetual' | 'rightsDays' | 'rightsUntil' | 'expiredAt' | 'withdrawnAt'>): string {
	switch (a.status) {
		case 'withdrawn':
			return a.withdrawnAt ? t('library.rights.withdrawn', { date: formatDate(a.withdrawnAt, locale) }) : t('library.status.withdrawn');
		case 'expired':
			return a.rightsUntil || a.expiredAt ? t('library.rights.expired', { date: formatDate((a.rightsUntil ?? a.expiredAt)!, locale) }) : t('library.status.expired');
		case 'awaiting_publication':
			return a.perpetual ? t('library.rights.awaitingPerpetual') : t('library.rights.awaitingDays', { days: a.rightsDays ?? 0 });
		case 'active':
			return a.perpetual || !a.rightsUntil ? t('library.rights.perpetual') : t('library.rights.until', { date: formatDate(a.rightsUntil, locale) });
	}
}
