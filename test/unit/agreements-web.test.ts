/**
 * The agreement pages' pure helpers (web/src/lib/agreements.ts): the terms form round trip
 * against the real v2 terms schema and rules, blank rows, perpetual rights, error paths →
 * inputs, the status timeline, and the catalogue keys the pages need.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	actorLabel,
	applyTermsValues,
	getPath,
	labelOf,
	parseInteger,
	platformLabel,
	readTermsForm,
	rowIndexes,
	setPath,
	termsErrors,
	termsToValues,
	timeline,
	type Signature,
	type Terms,
	type TermsValues
} from '../../web/src/lib/agreements';
import { catalogues, translator } from '../../web/src/lib/server/i18n';
import {
	agreementTermsSchema,
	CRISIS_PAYMENTS,
	CRISIS_REQUESTERS,
	PAYMENT_MILESTONES,
	prefillTerms,
	REUSE_CHANNELS,
	validateTermsRules,
	type AgreementTerms
} from '../../worker/domain/agreement-terms';
import { AUDIT_ACTIONS } from '../../worker/domain/audit-chain';
import { AGREEMENT_STATUSES } from '../../worker/domain/signing';

function draft(): AgreementTerms {
	return prefillTerms({
		brand: { id: 'b1', name: 'Atelier Lina' },
		creator: { id: 'c1', displayName: 'Nour Beauty', handle: 'nour.beauty' },
		campaign: { id: 'k1', title: 'Sérum Blida', objective: 'whatsapp_sales', reuseRightsDays: 30, startsAt: Date.UTC(2026, 11, 1, 8), endsAt: Date.UTC(2026, 11, 14, 8) },
		application: { formats: ['reel', 'story'], feeDzd: 25_000, proposedDates: ['2026-12-05'] }
	});
}

/** What a browser posts for these values: one entry per input, checkboxes only when checked. */
function post(values: TermsValues, note = ''): FormData {
	const fd = new FormData();
	for (const [name, value] of Object.entries(values)) {
		if (Array.isArray(value)) for (const item of value) fd.append(name, item);
		else if (name === 'reuseRights.perpetual') {
			if (value) fd.append(name, 'on');
		} else fd.append(name, value);
	}
	fd.append('note', note);
	return fd;
}

function valid(terms: Terms) {
	const parsed = v.safeParse(agreementTermsSchema, terms);
	expect(parsed.issues?.map((i) => v.getDotPath(i)) ?? []).toEqual([]);
	return validateTermsRules(parsed.output as AgreementTerms);
}

describe('terms form round trip', () => {
	it('posting the form unchanged gives back exactly the stored terms, which the API schema accepts', () => {
		const terms = draft();
		const { values, note } = readTermsForm(post(termsToValues(terms), 'rien'));
		expect(note).toBe('rien');
		const back = applyTermsValues(terms, values);
		expect(back).toEqual(terms);
		expect(valid(back)).toEqual([]);
	});

	it('an edited fee with a matching schedule, legal names and codes becomes valid v2 terms', () => {
		const terms = draft();
		const values = termsToValues(terms);
		Object.assign(values, {
			'fee.amountDzd': '30 000',
			'paymentSchedule.0.amountDzd': '15.000',
			'paymentSchedule.1.amountDzd': '15000',
			'parties.brand.legalName': 'SARL Atelier Lina',
			'parties.brand.rcNumber': '  ',
			'parties.brand.nif': '000213012345678',
			'parties.creator.legalName': 'Nour El Houda Saidi',
			'reuseRights.channels': ['website', 'ads'],
			'disclosure.hashtags': '#sponsorisé  #إشهار، #collab'
		});
		const out = applyTermsValues(terms, readTermsForm(post(values)).values);
		expect(out.fee).toEqual({ amountDzd: 30_000, currency: 'DZD' });
		expect(out.paymentSchedule).toEqual([
			{ milestone: 'signature', amountDzd: 15_000, dueDays: 7 },
			{ milestone: 'approval', amountDzd: 15_000, dueDays: 7 }
		]);
		expect(getPath(out, 'parties.brand.rcNumber')).toBeNull(); // blank code → null, not ""
		expect(getPath(out, 'parties.brand.nif')).toBe('000213012345678');
		expect(getPath(out, 'reuseRights.channels')).toEqual(['website', 'ads']);
		expect(getPath(out, 'disclosure.hashtags')).toEqual(['#sponsorisé', '#إشهار', '#collab']);
		// Terms the form does not show are kept.
		expect(out.personalData).toEqual(terms.personalData);
		expect(out.law).toEqual(terms.law);
		expect(valid(out)).toEqual([]);
		expect(validateTermsRules(v.parse(agreementTermsSchema, out), { forSending: true }).map((p) => p.path)).toEqual(['parties.brand.representative']);
	});

	it('perpetual rights drop the days; unticking every channel sends an empty list', () => {
		const terms = draft();
		const values = { ...termsToValues(terms), 'reuseRights.perpetual': 'on', 'reuseRights.channels': [] };
		const out = applyTermsValues(terms, readTermsForm(post(values)).values);
		expect(out.reuseRights).toEqual({ days: null, perpetual: true, channels: [] });
		expect(valid(out)).toEqual([]);
		// And back: unticked perpetual with days typed.
		const again = applyTermsValues(out, readTermsForm(post({ ...termsToValues(out), 'reuseRights.perpetual': '', 'reuseRights.days': '60' })).values);
		expect(again.reuseRights).toEqual({ days: 60, perpetual: false, channels: [] });
	});

	it('adds a deliverable from the blank row, drops a cleared one, and keeps highlight hours for stories only', () => {
		const terms = draft();
		const values = termsToValues(terms);
		expect(rowIndexes(values, 'deliverables')).toEqual([0, 1]);
		expect(values['deliverables.1.storyHighlightHours']).toBe('72');
		Object.assign(values, {
			'deliverables.0.format': '',
			'deliverables.0.count': '',
			'deliverables.2.platform': 'tiktok',
			'deliverables.2.format': 'post',
			'deliverables.2.count': '2',
			'deliverables.2.storyHighlightHours': '24'
		});
		const out = applyTermsValues(terms, readTermsForm(post(values)).values);
		expect(out.deliverables).toEqual([
			{ platform: 'instagram', format: 'story', count: 1, storyHighlightHours: 72 },
			{ platform: 'tiktok', format: 'post', count: 2, storyHighlightHours: null }
		]);
		expect(valid(out)).toEqual([]);
	});

	it('passes what is not a number on as typed, so the API refuses it with its own message', () => {
		expect(parseInteger('')).toBeNull();
		expect(parseInteger(' 12 500 ')).toBe(12_500);
		expect(parseInteger('12.500')).toBe(12_500);
		expect(parseInteger('12,5')).toBe('12,5');
		const out = applyTermsValues(draft(), { 'fee.amountDzd': 'douze' });
		expect(getPath(out, 'fee.amountDzd')).toBe('douze');
		expect(v.safeParse(agreementTermsSchema, out).success).toBe(false);
	});

	it('ignores posted names that are not terms paths', () => {
		const fd = new FormData();
		fd.append('fee.amountDzd', '10');
		fd.append('__proto__.x', '1');
		fd.append('/send', '');
		fd.append('a', 'b');
		expect(Object.keys(readTermsForm(fd).values).sort()).toEqual(['fee.amountDzd', 'reuseRights.channels']);
	});
});

describe('errors and paths', () => {
	it('maps API paths to the form inputs, list items to their list', () => {
		const shown = ['fee.amountDzd', 'reuseRights.channels', 'disclosure.hashtags', 'deliverables.0.count'];
		expect(
			termsErrors(
				{
					'terms.fee.amountDzd': 'montant',
					'terms.reuseRights.channels.1': 'doublon',
					'terms.disclosure.hashtags.0': 'hashtag',
					'terms.deliverables.0.count': 'nombre',
					'terms.paymentSchedule': 'somme',
					note: 'note'
				},
				shown
			)
		).toEqual({ 'fee.amountDzd': 'montant', 'reuseRights.channels': 'doublon', 'disclosure.hashtags': 'hashtag', 'deliverables.0.count': 'nombre', paymentSchedule: 'somme', note: 'note' });
	});

	it('setPath copies and creates what is missing; getPath reads arrays by index', () => {
		const src = { a: { b: 1 } };
		const out = setPath(src, 'a.list.0.x', 5);
		expect(out).toEqual({ a: { b: 1, list: [{ x: 5 }] } });
		expect(src).toEqual({ a: { b: 1 } });
		expect(getPath(out, 'a.list.0.x')).toBe(5);
		expect(getPath(out, 'a.b.c')).toBeUndefined();
	});
});

describe('timeline', () => {
	const base = { createdAt: '2026-11-20T09:00:00Z', sentAt: null, completedAt: null, voidedAt: null, signatures: [] as Signature[] };
	const states = (steps: ReturnType<typeof timeline>) => steps.map((s) => `${s.key}:${s.state}`);

	it('a draft is waiting to be sent', () => {
		expect(states(timeline({ ...base, status: 'draft' }))).toEqual(['draft:done', 'sent:current', 'signedBrand:todo', 'signedCreator:todo', 'completed:todo']);
	});

	it('signature steps follow the order the parties signed in', () => {
		const steps = timeline({ ...base, status: 'awaiting_signatures', sentAt: '2026-11-21T09:00:00Z', signatures: [{ party: 'creator', name: 'Nour Saidi', signedAt: '2026-11-21T10:00:00Z' }] });
		expect(states(steps)).toEqual(['draft:done', 'sent:done', 'signedCreator:done', 'signedBrand:current', 'completed:todo']);
		expect(steps[2]).toMatchObject({ name: 'Nour Saidi', at: '2026-11-21T10:00:00Z' });
	});

	it('signed is all done; void keeps what happened and ends with void', () => {
		const sigs: Signature[] = [
			{ party: 'brand', name: 'Lina', signedAt: '2026-11-21T10:00:00Z' },
			{ party: 'creator', name: 'Nour', signedAt: '2026-11-21T11:00:00Z' }
		];
		expect(states(timeline({ ...base, status: 'signed', sentAt: '2026-11-21T09:00:00Z', signatures: sigs })).every((s) => s.endsWith(':done'))).toBe(true);
		expect(states(timeline({ ...base, status: 'void', voidedAt: '2026-11-22T09:00:00Z' }))).toEqual(['draft:done', 'void:current']);
		expect(states(timeline({ ...base, status: 'void', sentAt: '2026-11-21T09:00:00Z', voidedAt: '2026-11-22T09:00:00Z' }))).toEqual(['draft:done', 'sent:done', 'void:current']);
	});
});

describe('catalogue', () => {
	it('has a label in fr, ar and en for every status, party, platform, channel, crisis option, milestone and audit action', () => {
		const keys = [
			...AGREEMENT_STATUSES.map((s) => `agr.status.${s}`),
			...REUSE_CHANNELS.map((c) => `agr.form.channel.${c}`),
			...CRISIS_REQUESTERS.map((c) => `agr.form.requestedBy.${c}`),
			...CRISIS_PAYMENTS.map((c) => `agr.form.crisisPay.${c}`),
			...PAYMENT_MILESTONES.map((m) => `agr.milestone.${m}`),
			...AUDIT_ACTIONS.map((a) => `agr.audit.action.${a}`),
			...['brand', 'creator'].map((p) => `agr.audit.actor.${p}`)
		];
		for (const lang of ['fr', 'ar', 'en'] as const) {
			const missing = keys.filter((k) => !(k in catalogues[lang]) || (catalogues[lang] as Record<string, string>)[k] === '');
			expect(missing, lang).toEqual([]);
		}
	});

	it('labels the signature as simple (non-qualified) under Law 15-04 in each language', () => {
		expect(translator('fr')('agr.legal')).toBe('Signature électronique simple (non qualifiée) — loi 15-04');
		expect(translator('ar')('agr.legal')).toContain('15-04');
		expect(translator('ar')('agr.legal')).toContain('غير موصوف');
		expect(translator('en')('agr.legal')).toBe('Simple (non-qualified) electronic signature — Law 15-04');
	});

	it('names platforms in the reader’s script and Wasla as the system actor', () => {
		expect(platformLabel('fr', 'instagram')).toBe('Instagram');
		expect(platformLabel('ar', 'tiktok')).toBe('تيك توك');
		expect(platformLabel('en', 'unknown')).toBe('unknown');
		expect(actorLabel(translator('ar'), 'system')).toBe('وصلة');
		expect(actorLabel(translator('fr'), 'creator')).toBe('Le créateur');
	});

	it('labelOf falls back to the raw value for something the catalogue does not know', () => {
		const t = translator('fr');
		expect(labelOf(t, 'agr.audit.action.', 'signed')).toBe('Signé');
		expect(labelOf(t, 'agr.audit.action.', 'teleported')).toBe('teleported');
	});
});
