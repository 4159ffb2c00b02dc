/** What sending still needs and who fills it (worker/domain/agreement-details.ts, issue 14 point 4). */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { prefillTerms } from '../../worker/domain/agreement-terms';
import { CREATOR_DETAILS_NOTE, REQUIRED_TO_SEND, creatorDetailsOf, creatorLegalEntries, missingForSending, missingMessage, withCreatorDetails } from '../../worker/domain/agreement-details';

const draft = (creator: { legalName?: string } = {}) =>
	prefillTerms({
		brand: { id: 'b1', name: 'Atelier Lina' },
		creator: { id: 'c1', displayName: 'Nour', handle: 'nour', ...creator },
		campaign: { id: 'k1', title: 'Sérum', objective: 'whatsapp_sales', reuseRightsDays: 30, startsAt: null, endsAt: null },
		application: { formats: ['reel'], feeDzd: 20000, proposedDates: [] }
	});

describe('missingForSending', () => {
	it('lists every empty required field, in page order, with who fills it and its name in each language', () => {
		const terms = draft();
		expect(missingForSending(terms, 'fr')).toEqual([
			{ field: 'parties.brand.representative', party: 'brand', label: 'Signataire pour la marque' },
			{ field: 'publicationWindow.from', party: 'brand', label: 'Début de la fenêtre de publication' },
			{ field: 'publicationWindow.to', party: 'brand', label: 'Fin de la fenêtre de publication' },
			{ field: 'parties.creator.legalName', party: 'creator', label: 'Nom légal du créateur' }
		]);
		expect(missingForSending(terms, 'ar').at(-1)!.label).toBe('الاسم القانوني لصانع المحتوى');
		expect(missingForSending(terms, 'en').at(-1)!.label).toBe('Creator’s legal name');
	});

	it('is empty once both parties filled their part', () => {
		const terms = withCreatorDetails(draft(), { legalName: 'Nour Saidi', rcNumber: null, nif: null, autoEntrepreneurCard: null });
		terms.parties.brand.representative = 'Lina Benali';
		terms.publicationWindow = { from: '2026-12-10', to: '2026-12-20', proposedDates: [] };
		expect(missingForSending(terms, 'fr')).toEqual([]);
	});

	it('a legal name kept on the profile prefills the draft: the creator has nothing left to fill', () => {
		expect(missingForSending(draft({ legalName: 'Nour Saidi' }), 'fr').map((m) => m.party)).not.toContain('creator');
	});

	it('every required field belongs to one party, and the 422 message says who (no-break space before the French colon)', () => {
		expect(new Set(REQUIRED_TO_SEND.map((r) => r.field)).size).toBe(REQUIRED_TO_SEND.length);
		const [m] = missingForSending(draft(), 'fr').filter((x) => x.party === 'creator');
		expect(missingMessage(m, 'fr')).toBe('Nom légal du créateur\u00a0: à compléter par le créateur');
		const [en] = missingForSending(draft(), 'en').filter((x) => x.party === 'creator');
		expect(missingMessage(en, 'en')).toBe('Creator’s legal name: to be filled in by the creator');
		expect(Object.keys(CREATOR_DETAILS_NOTE).sort()).toEqual(['ar', 'en', 'fr']);
	});
});

describe('the creator’s details', () => {
	const schema = v.strictObject(creatorLegalEntries);

	it('trims, turns empty codes into none, and refuses malformed ones', () => {
		expect(v.parse(schema, { legalName: '  Nour Saidi ', rcNumber: '', nif: '0016 1234 5678 901', autoEntrepreneurCard: null })).toEqual({
			legalName: 'Nour Saidi',
			rcNumber: null,
			nif: '0016 1234 5678 901',
			autoEntrepreneurCard: null
		});
		expect(v.parse(schema, { legalName: 'Nour Saidi' })).toEqual({ legalName: 'Nour Saidi', rcNumber: null, nif: null, autoEntrepreneurCard: null });
		for (const bad of [{ legalName: '' }, { legalName: 'N' }, { legalName: 'Nour\nSaidi' }, { legalName: 'Nour', nif: '123' }, { legalName: 'Nour', rcNumber: '##' }]) {
			expect(v.safeParse(schema, bad).success, JSON.stringify(bad)).toBe(false);
		}
	});

	it('replace only the creator’s identity in the terms', () => {
		const before = draft();
		const details = { legalName: 'Nour Saidi', rcNumber: '16/00-1234567 B 19', nif: null, autoEntrepreneurCard: 'AE-2024-16-001' };
		const after = withCreatorDetails(before, details);
		expect(creatorDetailsOf(after)).toEqual(details);
		expect({ ...after, parties: { ...after.parties, creator: null } }).toEqual({ ...before, parties: { ...before.parties, creator: null } });
		expect(after.parties.creator).toMatchObject({ id: 'c1', displayName: 'Nour', handle: 'nour' });
		expect(before.parties.creator.legalName).toBe('');
	});
});
