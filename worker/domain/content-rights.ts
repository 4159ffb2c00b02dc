/**
 * The content library's rights (issue 11, point 7): approved content is a brand asset that
 * may be reused on the terms' channels from its publication for the terms' days, or for good
 * when the terms say perpetual. Pure: the SQL filters in worker/services/content-library.ts
 * say the same thing as `assetStatus`, and the tests hold both to it.
 */
export const DAY_MS = 86_400_000;

/**
 * Where an asset stands, in this order of precedence:
 * - `withdrawn`: its deliverable was withdrawn under the crisis clause (final);
 * - `expired`: the rights window ended (marked by the cron, or `rightsUntil` passed before it ran);
 * - `awaiting_publication`: approved, not online yet — the rights run from publication;
 * - `active`: online and within its rights (perpetual: for good).
 */
export const ASSET_STATUSES = ['active', 'awaiting_publication', 'expired', 'withdrawn'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

export interface AssetRights {
	perpetual: boolean;
	rightsFrom: number | null;
	rightsUntil: number | null;
	expiredAt: number | null;
	withdrawnAt: number | null;
}

/** The end of the rights window of content published at `publishedAt`: null when perpetual (or no days). */
export function rightsUntil(publishedAt: number, rights: { perpetual: boolean; days: number | null }): number | null {
	if (rights.perpetual || rights.days === null) return null;
	return publishedAt + rights.days * DAY_MS;
}

/** Whether the window is over at `now` (the end instant itself is over). A perpetual right never ends. */
export function rightsOver(a: Pick<AssetRights, 'perpetual' | 'rightsUntil' | 'expiredAt'>, now: number): boolean {
	if (a.expiredAt !== null) return true;
	if (a.perpetual) return false;
	return a.rightsUntil !== null && a.rightsUntil <= now;
}

export function assetStatus(a: AssetRights, now: number): AssetStatus {
	if (a.withdrawnAt !== null) return 'withdrawn';
	if (rightsOver(a, now)) return 'expired';
	if (a.rightsFrom === null) return 'awaiting_publication';
	return 'active';
}

/** The reuse download is served only while the rights are active; otherwise the reason it is refused. */
export function reuseRefusal(a: AssetRights, now: number): Exclude<AssetStatus, 'active'> | null {
	const status = assetStatus(a, now);
	return status === 'active' ? null : status;
}
