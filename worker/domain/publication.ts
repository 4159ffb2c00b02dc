/**
 * Recording a post and checking it (issue 11, point 3): when a publication time is
 * acceptable, whether the disclosure ticked is what the terms require, which steps are open
 * in which status, and a story's highlight against the terms' hours. Pure: no D1, no Hono.
 *
 * The brand's check of a post (`publication_review`): `pending` (awaiting the brand),
 * `confirmed`, or `flagged` — automatically when the disclosure is incomplete (flag
 * `disclosure_missing`), or by the brand with its reason. A flagged post holds the payout
 * tied to it. The creator clears a flag by recording the post again with a complete
 * disclosure (back to `pending`), which the brand then confirms.
 */
import type { DeliverableStatus } from './deliverables';

/** Clock skew allowed between the creator's phone and ours for a publication time "now". */
export const PUBLISHED_AT_SKEW_MS = 5 * 60_000;

/** The flag written when the post lacks the agreed disclosure. */
export const DISCLOSURE_MISSING = 'disclosure_missing';

export type PublicationReview = 'pending' | 'confirmed' | 'flagged';

/** Statuses in which the creator may record the post again (fixing the URL, time or disclosure) and the brand may review it. */
export const RECORDED_STATUSES: readonly DeliverableStatus[] = ['published', 'stats_d1', 'stats_d7'];

/** Statuses in which a story's highlight hours may be recorded: once it is online, until it is withdrawn. */
export const HIGHLIGHT_STATUSES: readonly DeliverableStatus[] = ['published', 'stats_d1', 'stats_d7', 'done'];

/** Highest number of highlight hours recorded (a year); more is a typing mistake. */
export const HIGHLIGHT_HOURS_MAX = 8760;

/** Why a publication time is refused. */
export type PublishedAtProblem = 'future' | 'before_signature';

/**
 * A post may be recorded after the fact, so the time may lie in the past, but never in the
 * future (beyond a few minutes of clock skew) and never before the agreement was signed.
 */
export function checkPublishedAt(publishedAt: number, opts: { now: number; signedAt: number | null }): PublishedAtProblem | null {
	if (publishedAt > opts.now + PUBLISHED_AT_SKEW_MS) return 'future';
	if (opts.signedAt !== null && publishedAt < opts.signedAt) return 'before_signature';
	return null;
}

/** What the creator ticked: the platform's paid-partnership label, and the hashtags used. */
export interface Disclosure {
	label: boolean;
	hashtags: string[];
}

/** A hashtag as compared: without its leading #, NFC, lower-cased (Arabic has no case and is unchanged). */
export const hashtagKey = (h: string) => h.trim().replace(/^#/, '').normalize('NFC').toLowerCase();

/**
 * The disclosure as stored: `hashtag` (one) and `hashtags` (several) merged, each with its
 * leading #, trimmed, without case-insensitive duplicates (the first spelling kept).
 */
export function normaliseDisclosure(input: { label: boolean; hashtag?: string; hashtags?: readonly string[] }): Disclosure {
	const all = [...(input.hashtag !== undefined ? [input.hashtag] : []), ...(input.hashtags ?? [])].map((h) => h.trim()).filter((h) => h !== '' && h !== '#');
	const seen = new Set<string>();
	const hashtags: string[] = [];
	for (const h of all) {
		const key = hashtagKey(h);
		if (seen.has(key)) continue;
		seen.add(key);
		hashtags.push(h.startsWith('#') ? h : `#${h}`);
	}
	return { label: input.label, hashtags };
}

/**
 * Complete when the platform label is ticked (the terms always require it) AND at least one
 * of the terms' hashtags was used, compared case-insensitively (#Sponsorisé = #sponsorisé).
 * Other hashtags the creator used are kept but count for nothing.
 */
export function disclosureComplete(required: { platformLabel: boolean; hashtags: readonly string[] }, d: Disclosure): boolean {
	if (required.platformLabel && !d.label) return false;
	if (required.hashtags.length === 0) return true;
	const used = new Set(d.hashtags.map(hashtagKey));
	return required.hashtags.some((h) => used.has(hashtagKey(h)));
}

/** The brand's check after the creator recorded (or recorded again) the post: pending when the disclosure is complete, flagged otherwise. */
export function reviewAfterRecording(complete: boolean): { review: PublicationReview; flag: string | null } {
	return complete ? { review: 'pending', flag: null } : { review: 'flagged', flag: DISCLOSURE_MISSING };
}

export type ReviewDecision = 'confirm' | 'flag';

/**
 * Whether the brand may take `decision` on a post whose check is `current`: confirm a
 * pending post; flag a pending or confirmed one (a label removed later breaks the "whole
 * life of the post" rule). A flagged post waits for the creator's fix, so both are refused.
 */
export function canReviewPublication(current: PublicationReview | null, decision: ReviewDecision): boolean {
	if (decision === 'confirm') return current === 'pending';
	return current === 'pending' || current === 'confirmed';
}

/** A story's highlight against the terms: short when it stayed highlighted fewer hours than agreed; null when nothing is recorded or nothing required. */
export function highlightShort(required: number | null, recorded: number | null): boolean | null {
	if (required === null || recorded === null) return null;
	return recorded < required;
}
