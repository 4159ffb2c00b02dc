/**
 * The creator's first steps (issue 14, point 1): what the dashboard lists as a live checklist
 * — profile, stats, media kit, first application, first agreement — each done or not from
 * the account's real state, with where its button leads, and the step to do next. Pure: the
 * service reads the facts (worker/services/creator-checklist.ts).
 */

export const CHECKLIST_STEPS = ['profile', 'stats', 'mediaKit', 'application', 'agreement'] as const;
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number];

/** What the checklist is computed from, as stored. */
export interface ChecklistFacts {
	handle: string;
	displayName: string;
	wilaya: string | null;
	niches: number;
	/** Social accounts with their follower counts. */
	accounts: number;
	/** Posts imported (form or CSV). */
	posts: number;
	/** Formats with a price (the media kit shows them to brands). */
	pricedFormats: number;
	applications: number;
	/** The creator's agreements that are not void, newest first. */
	agreements: { id: string; status: 'draft' | 'awaiting_signatures' | 'signed'; creatorSigned: boolean }[];
}

/** What the step's button does: the page it opens, and which wording (`action`) it uses. */
export interface ChecklistItem {
	step: ChecklistStep;
	done: boolean;
	href: string;
	action: 'fill' | 'edit' | 'import' | 'view' | 'browse' | 'sign' | 'open';
	/** The missing parts of the profile (displayName, wilaya, niches, accounts), empty when done or for other steps. */
	missing: string[];
}

export interface Checklist {
	items: ChecklistItem[];
	/** The first step not done, or null when all are. */
	next: ChecklistStep | null;
	done: number;
	total: number;
}

function profileMissing(f: ChecklistFacts): string[] {
	const missing: string[] = [];
	if (!f.displayName.trim()) missing.push('displayName');
	if (!f.wilaya) missing.push('wilaya');
	if (f.niches === 0) missing.push('niches');
	if (f.accounts === 0) missing.push('accounts');
	return missing;
}

/**
 * The checklist: profile (a name, a wilaya, a niche and an account), stats (a post imported),
 * media kit (a priced format on top of those two: then the public kit at /c/<handle> has
 * something to show), first application, first agreement (signed by both). The agreement's
 * button goes to the one waiting for the creator's signature, else the latest one, else the
 * list.
 */
export function creatorChecklist(f: ChecklistFacts): Checklist {
	const missing = profileMissing(f);
	const profileDone = missing.length === 0;
	const statsDone = f.posts > 0;
	const kitDone = profileDone && statsDone && f.pricedFormats > 0;
	const signed = f.agreements.find((a) => a.status === 'signed');
	const toSign = f.agreements.find((a) => a.status === 'awaiting_signatures' && !a.creatorSigned);
	const latest = f.agreements[0];
	const agreementItem: ChecklistItem = signed
		? { step: 'agreement', done: true, href: `/agreements/${signed.id}`, action: 'open', missing: [] }
		: toSign
			? { step: 'agreement', done: false, href: `/agreements/${toSign.id}/sign`, action: 'sign', missing: [] }
			: { step: 'agreement', done: false, href: latest ? `/agreements/${latest.id}` : '/agreements', action: 'open', missing: [] };
	const items: ChecklistItem[] = [
		{ step: 'profile', done: profileDone, href: '/profile', action: profileDone ? 'edit' : 'fill', missing },
		{ step: 'stats', done: statsDone, href: '/profile/stats', action: 'import', missing: [] },
		{ step: 'mediaKit', done: kitDone, href: kitDone ? `/c/${f.handle}` : '/profile#sec-rates', action: kitDone ? 'view' : 'fill', missing: [] },
		{ step: 'application', done: f.applications > 0, href: f.applications > 0 ? '/applications' : '/campaigns', action: f.applications > 0 ? 'view' : 'browse', missing: [] },
		agreementItem
	];
	const done = items.filter((i) => i.done).length;
	return { items, next: items.find((i) => !i.done)?.step ?? null, done, total: items.length };
}
