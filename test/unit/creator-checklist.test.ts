/** The creator's checklist as a pure function of the account's facts (issue 14, point 1). */
import { describe, expect, it } from 'vitest';
import { type ChecklistFacts, creatorChecklist } from '../../worker/domain/creator-checklist';

const EMPTY: ChecklistFacts = { handle: 'nour', displayName: 'Nour', wilaya: null, niches: 0, accounts: 0, posts: 0, pricedFormats: 0, applications: 0, agreements: [] };
const FULL_PROFILE: ChecklistFacts = { ...EMPTY, wilaya: '16', niches: 2, accounts: 1 };

describe('creatorChecklist', () => {
	it('a new account: nothing done, the profile first, and what it lacks', () => {
		const c = creatorChecklist(EMPTY);
		expect(c).toMatchObject({ next: 'profile', done: 0, total: 5 });
		expect(c.items[0]).toEqual({ step: 'profile', done: false, href: '/profile', action: 'fill', missing: ['wilaya', 'niches', 'accounts'] });
		expect(creatorChecklist({ ...EMPTY, displayName: '  ' }).items[0].missing).toContain('displayName');
	});

	it('the profile is done with a name, a wilaya, a niche and an account', () => {
		expect(creatorChecklist({ ...FULL_PROFILE, accounts: 0 }).items[0].done).toBe(false);
		expect(creatorChecklist(FULL_PROFILE).items[0]).toMatchObject({ done: true, action: 'edit', missing: [] });
		expect(creatorChecklist(FULL_PROFILE).next).toBe('stats');
	});

	it('stats are done with one post; the media kit needs the profile, stats and a price', () => {
		expect(creatorChecklist({ ...FULL_PROFILE, posts: 1 }).items[1].done).toBe(true);
		expect(creatorChecklist({ ...FULL_PROFILE, posts: 1 }).items[2]).toMatchObject({ done: false, href: '/profile#sec-rates' });
		expect(creatorChecklist({ ...EMPTY, posts: 1, pricedFormats: 2 }).items[2].done).toBe(false);
		expect(creatorChecklist({ ...FULL_PROFILE, posts: 1, pricedFormats: 1 }).items[2]).toMatchObject({ done: true, href: '/c/nour', action: 'view' });
	});

	it('the next step is the first not done, even when a later one is', () => {
		const c = creatorChecklist({ ...EMPTY, applications: 2 });
		expect(c.items[3]).toMatchObject({ done: true, href: '/applications' });
		expect(c).toMatchObject({ next: 'profile', done: 1 });
	});

	it('the agreement: signed is done; one waiting for the creator’s signature comes before the latest', () => {
		const draft = { id: 'a1', status: 'draft' as const, creatorSigned: false };
		const toSign = { id: 'a2', status: 'awaiting_signatures' as const, creatorSigned: false };
		const signedByMe = { id: 'a3', status: 'awaiting_signatures' as const, creatorSigned: true };
		const signed = { id: 'a4', status: 'signed' as const, creatorSigned: true };
		expect(creatorChecklist({ ...EMPTY, agreements: [draft] }).items[4]).toMatchObject({ done: false, href: '/agreements/a1', action: 'open' });
		expect(creatorChecklist({ ...EMPTY, agreements: [draft, toSign] }).items[4]).toMatchObject({ done: false, href: '/agreements/a2/sign', action: 'sign' });
		expect(creatorChecklist({ ...EMPTY, agreements: [signedByMe] }).items[4]).toMatchObject({ done: false, href: '/agreements/a3', action: 'open' });
		expect(creatorChecklist({ ...EMPTY, agreements: [toSign, signed] }).items[4]).toMatchObject({ done: true, href: '/agreements/a4' });
	});

	it('all done: no next step', () => {
		const c = creatorChecklist({ ...FULL_PROFILE, posts: 3, pricedFormats: 2, applications: 1, agreements: [{ id: 'a', status: 'signed', creatorSigned: true }] });
		expect(c).toMatchObject({ next: null, done: 5, total: 5 });
	});
});
