/**
 * The creator profile form: API profile ⇄ form values ⇄ PUT /creators/me body, and API
 * error paths → form field ids. Plain TypeScript, shared by the page and its action.
 * Percentages in the form, shares (0–1) in the API; an unparseable entry is sent as typed
 * so the API names the field in its answer (nothing the user typed is lost).
 */
import { AGE_BANDS, CONTENT_LANGUAGES, FORMATS, NICHES, PLATFORMS, type Format, type Platform } from '$worker/domain/taxonomy';
import type { ObservedNiche, NicheComparison as NicheCheck } from '$worker/domain/observed-niches';

export { AGE_BANDS, CONTENT_LANGUAGES, FORMATS, NICHES, PLATFORMS };
export type { Format, Platform };

/** Platform names are brands: the same in every language. */
export const PLATFORM_NAMES: Record<Platform, string> = { instagram: 'Instagram', tiktok: 'TikTok', facebook: 'Facebook', youtube: 'YouTube', snapchat: 'Snapchat' };

/** Audience wilaya rows the form shows. */
export const AUDIENCE_ROWS = 6;

export interface CreatorProfile {
	id: string;
	handle: string;
	displayName: string;
	wilaya: string | null;
	niches: string[];
	languages: string[];
	bio: string;
	accounts: { platform: Platform; handle: string; followers: number }[];
	followersTotal: number;
	audience: { wilayas?: Record<string, number>; ageBands?: Record<string, number>; gender?: { f?: number; m?: number }; countryShareDZ?: number };
	ratesPublic: boolean;
	rates: Partial<Record<Format, number>> | null;
	features: CreatorFeaturesOut | null;
	/** What the content is about (issue 16, point 2); absent before the first import. */
	observedNiches?: ObservedNiche[];
	nicheCheck?: NicheCheck;
	mediaKitUrl: string;
	phone?: string | null;
	payoutRip?: string | null;
}

/** A niche read from the captions and comments, and declared niches against observed ones (API.md). */
export type { ObservedNiche, NicheComparison as NicheCheck } from '$worker/domain/observed-niches';

export interface CreatorFeaturesOut {
	computedAt: string;
	engagementByFormat: Partial<Record<Format, { posts: number; engagementRate: number; avgViews: number; avgReach: number | null }>>;
	sponsoredShare: number;
	commentMix: Partial<Record<'purchase_intent' | 'positive' | 'negative' | 'generic' | 'spam', number>>;
	postsLast90d: number;
	followerGrowth30d: number | null;
}

export interface ProfileValues {
	displayName: string;
	/** The media kit's address, /c/<handle>. */
	handle: string;
	wilaya: string;
	bio: string;
	niches: string[];
	languages: string[];
	accounts: Record<string, { handle: string; followers: string }>;
	rates: Record<string, string>;
	ratesPublic: boolean;
	audWilayas: { code: string; pct: string }[];
	ages: Record<string, string>;
	f: string;
	m: string;
	dz: string;
	phone: string;
	payoutRip: string;
}

const pct = (share: number | undefined) => (share === undefined ? '' : String(Math.round(share * 1000) / 10));

export function valuesFromProfile(p: CreatorProfile): ProfileValues {
	const wilayas = Object.entries(p.audience.wilayas ?? {})
		.sort((a, b) => b[1] - a[1])
		.slice(0, AUDIENCE_ROWS);
	return {
		displayName: p.displayName,
		handle: p.handle,
		wilaya: p.wilaya ?? '',
		bio: p.bio,
		niches: p.niches,
		languages: p.languages,
		accounts: Object.fromEntries(
			PLATFORMS.map((pl) => {
				const a = p.accounts.find((x) => x.platform === pl);
				return [pl, { handle: a?.handle ?? '', followers: a ? String(a.followers) : '' }];
			})
		),
		rates: Object.fromEntries(FORMATS.map((f) => [f, p.rates?.[f] === undefined ? '' : String(p.rates[f])])),
		ratesPublic: p.ratesPublic,
		audWilayas: Array.from({ length: AUDIENCE_ROWS }, (_, i) => ({ code: wilayas[i]?.[0] ?? '', pct: pct(wilayas[i]?.[1]) })),
		ages: Object.fromEntries(AGE_BANDS.map((b) => [b, pct(p.audience.ageBands?.[b])])),
		f: pct(p.audience.gender?.f),
		m: pct(p.audience.gender?.m),
		dz: pct(p.audience.countryShareDZ),
		phone: p.phone ?? '',
		payoutRip: p.payoutRip ?? ''
	};
}

const text = (data: FormData, name: string, max = 600) => {
	const v = data.get(name);
	return typeof v === 'string' ? v.slice(0, max) : '';
};

export function valuesFromForm(data: FormData): ProfileValues {
	return {
		displayName: text(data, 'displayName', 200),
		handle: text(data, 'handle', 100),
		wilaya: text(data, 'wilaya', 4),
		bio: text(data, 'bio', 2000),
		niches: data
			.getAll('niches')
			.filter((x): x is string => typeof x === 'string')
			.slice(0, 20),
		languages: data
			.getAll('languages')
			.filter((x): x is string => typeof x === 'string')
			.slice(0, 10),
		accounts: Object.fromEntries(PLATFORMS.map((pl) => [pl, { handle: text(data, `acc-${pl}-handle`, 100), followers: text(data, `acc-${pl}-followers`, 30) }])),
		rates: Object.fromEntries(FORMATS.map((f) => [f, text(data, `rate-${f}`, 30)])),
		ratesPublic: data.get('ratesPublic') === 'on',
		audWilayas: Array.from({ length: AUDIENCE_ROWS }, (_, i) => ({ code: text(data, `aud-w${i}-code`, 4), pct: text(data, `aud-w${i}-pct`, 10) })),
		ages: Object.fromEntries(AGE_BANDS.map((b) => [b, text(data, `age-${b}`, 10)])),
		f: text(data, 'gender-f', 10),
		m: text(data, 'gender-m', 10),
		dz: text(data, 'dz', 10),
		phone: text(data, 'phone', 40),
		payoutRip: text(data, 'payoutRip', 60)
	};
}

/** "15 000" → 15000; "" → undefined; anything else is sent as typed for the API to name. */
function integer(raw: string): number | string | undefined {
	const s = raw.replace(/[\s\u00a0\u202f]/g, '');
	if (s === '') return undefined;
	return /^\d{1,12}$/.test(s) ? Number(s) : raw;
}

/** "42", "42,5" (percent) → 0.42, 0.425. */
function share(raw: string): number | string | undefined {
	const s = raw.trim().replace(',', '.').replace(/\s*%$/, '');
	if (s === '') return undefined;
	return /^\d{1,3}(\.\d+)?$/.test(s) ? Math.round((Number(s) / 100) * 10_000) / 10_000 : raw;
}

const compact = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/**
 * The PUT body, plus the form field id of each accounts[] index and audience wilaya code
 * so that API error paths can be put back on the right input.
 */
export function bodyFromValues(v: ProfileValues) {
	const accounts = PLATFORMS.filter((pl) => v.accounts[pl].handle.trim() !== '' || v.accounts[pl].followers.trim() !== '');
	const wilayaRows = v.audWilayas.map((r, i) => ({ ...r, i })).filter((r) => r.code !== '' || r.pct.trim() !== '');
	const audWilayas: Record<string, number | string | undefined> = {};
	for (const r of wilayaRows) audWilayas[r.code || `row${r.i}`] = share(r.pct) ?? '';
	const ageBands = compact(Object.fromEntries(AGE_BANDS.map((b) => [b, share(v.ages[b])])));
	const gender = compact({ f: share(v.f), m: share(v.m) });
	const body = {
		displayName: v.displayName,
		handle: v.handle,
		wilaya: v.wilaya,
		niches: v.niches,
		languages: v.languages,
		bio: v.bio,
		accounts: accounts.map((pl) => ({ platform: pl, handle: v.accounts[pl].handle, followers: integer(v.accounts[pl].followers) ?? '' })),
		rates: compact(Object.fromEntries(FORMATS.map((f) => [f, integer(v.rates[f])]))),
		ratesPublic: v.ratesPublic,
		audience: compact({
			wilayas: wilayaRows.length ? audWilayas : undefined,
			ageBands: Object.keys(ageBands).length ? ageBands : undefined,
			gender: Object.keys(gender).length ? gender : undefined,
			countryShareDZ: share(v.dz)
		}),
		phone: v.phone.trim() === '' ? null : v.phone,
		payoutRip: v.payoutRip.trim() === '' ? null : v.payoutRip
	};
	return { body, accounts, wilayaRows };
}

/** API error path → form field id (the input the error belongs to). */
export function fieldIdFor(path: string, accounts: Platform[], wilayaRows: { code: string; i: number }[]): string {
	const acc = /^accounts\.(\d+)\.(handle|followers|platform)$/.exec(path);
	if (acc) return `acc-${accounts[Number(acc[1])] ?? 'instagram'}-${acc[2] === 'platform' ? 'handle' : acc[2]}`;
	if (path === 'accounts') return `acc-${accounts[0] ?? 'instagram'}-handle`;
	const w = /^audience\.wilayas\.(.+)$/.exec(path);
	if (w) {
		const row = wilayaRows.find((r) => (r.code || `row${r.i}`) === w[1]);
		return row ? `aud-w${row.i}-${row.code ? 'pct' : 'code'}` : 'aud-w0-code';
	}
	if (path === 'audience.wilayas') return 'aud-w0-code';
	const age = /^audience\.ageBands\.(.+)$/.exec(path);
	if (age) return `age-${age[1]}`;
	if (path === 'audience.ageBands') return `age-${AGE_BANDS[0]}`;
	if (path === 'audience.gender.f' || path === 'audience.gender') return 'gender-f';
	if (path === 'audience.gender.m') return 'gender-m';
	if (path === 'audience.countryShareDZ') return 'dz';
	const rate = /^rates\.(\w+)$/.exec(path);
	if (rate) return `rate-${rate[1]}`;
	if (path.startsWith('niches')) return `niche-${NICHES[0]}`;
	if (path.startsWith('languages')) return `lang-${CONTENT_LANGUAGES[0]}`;
	return path;
}
