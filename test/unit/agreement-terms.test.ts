/** Agreement terms v2: prefill, upgrade of stored v1 drafts, client schema, cross-field rules, canonical JSON and document hash. */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { documentCanonicalJson, documentHashInput, documentSha256 } from '../../contracts/hash';
import { TERMS_MESSAGE_KEYS, agreementTermsSchema, prefillTerms, upgradeTerms, validateTermsRules, type AgreementTerms, type TermsMessageKey } from '../../worker/domain/agreement-terms';
import { isMessageKey, t, type MessageKey } from '../../worker/i18n';

// Compile-time: every key the terms module uses is a key of the API catalogue.
const _keyCheck: MessageKey = '' as TermsMessageKey;
void _keyCheck;

const base = {
	brand: { id: 'b1', name: 'Atelier Lina' },
	creator: { id: 'c1', displayName: 'Nour Beauty', handle: 'nour.beauty.ab12' },
	campaign: { id: 'k1', title: 'Sérum Blida', objective: 'whatsapp_sales' as const, reuseRightsDays: 30, startsAt: Date.UTC(2026, 11, 1, 8), endsAt: Date.UTC(2026, 11, 14, 8) },
	application: { formats: ['reel', 'story'] as ('reel' | 'story')[], feeDzd: 25_000, proposedDates: ['2026-12-05', '2026-12-03'] }
};

/** A complete draft, as the brand would send it before the agreement goes out. */
function ready(): AgreementTerms {
	const terms = prefillTerms({
		...base,
		brand: {
			...base.brand,
			legalName: 'SARL Atelier Lina',
			rcNumber: '13/00-0123456 B 21',
			nif: '000213012345678',
			representative: 'Lina Benali',
			wilaya: { code: '13', nameFr: 'Tlemcen', nameAr: 'تلمسان' }
		},
		creator: { ...base.creator, legalName: 'Nour El Houda Saidi', autoEntrepreneurCard: 'AE-16-004512' }
	});
	return terms;
}

/** What prefillTerms v1 wrote into D1 (copied from the v1 module's own test expectation). */
const V1_STORED = {
	schemaVersion: 1,
	parties: { brand: { id: 'b1', name: 'Atelier Lina' }, creator: { id: 'c1', displayName: 'Nour Beauty', handle: 'nour.beauty.ab12' } },
	campaign: { id: 'k1', title: 'Sérum Blida', objective: 'whatsapp_sales' },
	deliverables: [
		{ format: 'reel', platform: 'instagram', count: 1 },
		{ format: 'story', platform: 'instagram', count: 1 }
	],
	publicationWindow: { from: '2026-12-01', to: '2026-12-14', proposedDates: ['2026-12-03', '2026-12-05'] },
	validation: { draftDaysBeforePublication: 2, reviewDays: 2, correctionRounds: 1 },
	fee: { amountDzd: 25_001, currency: 'DZD' },
	paymentSchedule: [
		{ milestone: 'signature', share: 0.5, amountDzd: 12_500 },
		{ milestone: 'approval', share: 0.5, amountDzd: 12_501 }
	],
	reuseRights: { days: 45, channels: ['instagram'] },
	disclosure: { platformLabel: true, hashtags: ['#sponsorisé', '#إشهار'] },
	crisis: { suspendOnCrisis: true, removalWithinHours: 48, noDisparagement: true },
	attribution: { promoCode: 'NOUR10', whatsappKeyword: 'INSTA-NOUR' }
};

describe('prefillTerms (v2)', () => {
	it('gives the defaults: 30 days of reuse, never perpetual, #sponsorisé/#إشهار for the life of the post, 50/50 schedule summing to the fee', () => {
		const terms = prefillTerms(base);
		expect(terms.schemaVersion).toBe(2);
		expect(terms.reuseRights).toEqual({ days: 30, perpetual: false, channels: ['website', 'catalogue', 'whatsapp_catalogue'] });
		expect(terms.disclosure).toEqual({ platformLabel: true, hashtags: ['#sponsorisé', '#إشهار'], wholeLifeOfPost: true });
		expect(terms.paymentSchedule).toEqual([
			{ milestone: 'signature', amountDzd: 12_500, dueDays: 7 },
			{ milestone: 'approval', amountDzd: 12_500, dueDays: 7 }
		]);
		expect(terms.deliverables.find((d) => d.format === 'story')!.storyHighlightHours).toBe(72);
		expect(terms.deliverables.find((d) => d.format === 'reel')!.storyHighlightHours).toBeNull();
		expect(terms.crisis).toEqual({ requestedBy: 'either', withdrawalWithinHours: 24, payment: 'pro_rata' });
		expect(terms.law).toEqual({ governingLaw: 'DZ', amicableDays: 30, courtWilaya: { code: '16', nameFr: 'Alger', nameAr: 'الجزائر' } });
		// A fresh draft is valid for the schema and the rules; only identities are missing for sending.
		expect(v.safeParse(agreementTermsSchema, terms).success).toBe(true);
		expect(validateTermsRules(terms)).toEqual([]);
		expect(validateTermsRules(terms, { forSending: true })).toEqual([
			{ path: 'parties.brand.representative', key: 'terms_required_to_send' },
			{ path: 'parties.creator.legalName', key: 'terms_required_to_send' }
		]);
	});

	it('falls back to 30 days when the campaign says 0, and takes the optional identities and court', () => {
		expect(prefillTerms({ ...base, campaign: { ...base.campaign, reuseRightsDays: 0 } }).reuseRights.days).toBe(30);
		const terms = ready();
		expect(terms.parties.brand).toEqual({ id: 'b1', name: 'Atelier Lina', legalName: 'SARL Atelier Lina', rcNumber: '13/00-0123456 B 21', nif: '000213012345678', representative: 'Lina Benali' });
		expect(terms.parties.creator.autoEntrepreneurCard).toBe('AE-16-004512');
		expect(terms.law.courtWilaya.nameAr).toBe('تلمسان');
		expect(validateTermsRules(terms, { forSending: true })).toEqual([]);
		const odd = prefillTerms({ ...base, application: { ...base.application, feeDzd: 33_333 } });
		expect(odd.paymentSchedule.reduce((s, m) => s + m.amountDzd, 0)).toBe(33_333);
		expect(validateTermsRules(odd)).toEqual([]);
	});
});

describe('upgradeTerms', () => {
	it('turns a stored v1 draft into v2 with the v1 values kept and the new clauses defaulted', () => {
		const up = upgradeTerms(JSON.parse(JSON.stringify(V1_STORED)));
		expect(up).toEqual({
			schemaVersion: 2,
			parties: {
				brand: { id: 'b1', name: 'Atelier Lina', legalName: 'Atelier Lina', rcNumber: null, nif: null, representative: '' },
				creator: { id: 'c1', displayName: 'Nour Beauty', handle: 'nour.beauty.ab12', legalName: '', rcNumber: null, nif: null, autoEntrepreneurCard: null }
			},
			campaign: { id: 'k1', title: 'Sérum Blida', objective: 'whatsapp_sales' },
			deliverables: [
				{ platform: 'instagram', format: 'reel', count: 1, storyHighlightHours: null },
				{ platform: 'instagram', format: 'story', count: 1, storyHighlightHours: 72 }
			],
			publicationWindow: { from: '2026-12-01', to: '2026-12-14', proposedDates: ['2026-12-03', '2026-12-05'] },
			validation: { draftDaysBeforePublication: 2, reviewDays: 2, correctionRounds: 1 },
			disclosure: { platformLabel: true, hashtags: ['#sponsorisé', '#إشهار'], wholeLifeOfPost: true },
			reuseRights: { days: 45, perpetual: false, channels: ['website', 'catalogue', 'whatsapp_catalogue'] },
			crisis: { requestedBy: 'either', withdrawalWithinHours: 48, payment: 'pro_rata' },
			fee: { amountDzd: 25_001, currency: 'DZD' },
			paymentSchedule: [
				{ milestone: 'signature', amountDzd: 12_500, dueDays: 7 },
				{ milestone: 'approval', amountDzd: 12_501, dueDays: 7 }
			],
			attribution: { promoCode: 'NOUR10', whatsappKeyword: 'INSTA-NOUR' },
			termination: { noticeDays: 7, cureDays: 3 },
			personalData: { law: '18-07', shared: ['identity', 'contact', 'payment_details', 'audience_stats'], retentionMonths: 12 },
			law: { governingLaw: 'DZ', amicableDays: 30, courtWilaya: { code: '16', nameFr: 'Alger', nameAr: 'الجزائر' } }
		});
		expect(v.safeParse(agreementTermsSchema, up).success).toBe(true);
		expect(validateTermsRules(up)).toEqual([]);
	});

	it('returns stored v2 terms as they are, and refuses unknown or malformed versions', () => {
		const terms = ready();
		expect(upgradeTerms(JSON.parse(JSON.stringify(terms)))).toEqual(terms);
		expect(() => upgradeTerms({ ...terms, schemaVersion: 3 })).toThrow(/schemaVersion 3/);
		expect(() => upgradeTerms({})).toThrow(TypeError);
		expect(() => upgradeTerms(null)).toThrow(TypeError);
		expect(() => upgradeTerms({ ...V1_STORED, fee: { amountDzd: '25000', currency: 'DZD' } })).toThrow(/v1 terms are malformed \(at fee.amountDzd\)/);
		expect(() => upgradeTerms({ ...terms, fee: { amountDzd: -1, currency: 'DZD' } })).toThrow(/terms_fee_range at fee.amountDzd/);
	});
});

describe('agreementTermsSchema', () => {
	type Edit = (t: AgreementTerms & Record<string, unknown>) => void;
	const cases: [string, Edit, string, TermsMessageKey | 'unknown_field'][] = [
		['version', (x) => void ((x as { schemaVersion: number }).schemaVersion = 1), 'schemaVersion', 'terms_version_invalid'],
		['empty legal name of the brand', (x) => (x.parties.brand.legalName = '   '), 'parties.brand.legalName', 'required'],
		['representative too long', (x) => (x.parties.brand.representative = 'x'.repeat(121)), 'parties.brand.representative', 'too_long'],
		['RC with symbols', (x) => (x.parties.brand.rcNumber = '16/00;DROP'), 'parties.brand.rcNumber', 'terms_rc_invalid'],
		['NIF too short', (x) => (x.parties.creator.nif = '12345'), 'parties.creator.nif', 'terms_nif_invalid'],
		['NIF of 8 digits padded with spaces', (x) => (x.parties.brand.nif = '1 2 3 4 5 6 7 8'), 'parties.brand.nif', 'terms_nif_invalid'],
		['auto-entrepreneur card of 2 characters', (x) => (x.parties.creator.autoEntrepreneurCard = 'A1'), 'parties.creator.autoEntrepreneurCard', 'terms_card_invalid'],
		['no deliverable', (x) => (x.deliverables = []), 'deliverables', 'terms_deliverables_count'],
		['count 0', (x) => (x.deliverables[0].count = 0), 'deliverables.0.count', 'terms_count_range'],
		['count 21', (x) => (x.deliverables[0].count = 21), 'deliverables.0.count', 'terms_count_range'],
		['count 1.5', (x) => (x.deliverables[0].count = 1.5), 'deliverables.0.count', 'terms_count_range'],
		['unknown platform', (x) => ((x.deliverables[0] as { platform: string }).platform = 'myspace'), 'deliverables.0.platform', 'creator_platform_invalid'],
		['highlight 169 h', (x) => (x.deliverables[1].storyHighlightHours = 169), 'deliverables.1.storyHighlightHours', 'terms_hours_range'],
		['bad window day', (x) => (x.publicationWindow.from = '2026-02-30'), 'publicationWindow.from', 'date_invalid'],
		['review 0 days', (x) => (x.validation.reviewDays = 0), 'validation.reviewDays', 'terms_validation_days_range'],
		['6 rounds', (x) => (x.validation.correctionRounds = 6), 'validation.correctionRounds', 'terms_rounds_range'],
		['no platform label', (x) => ((x.disclosure as { platformLabel: boolean }).platformLabel = false), 'disclosure.platformLabel', 'terms_disclosure_required'],
		['mention removed after the campaign', (x) => ((x.disclosure as { wholeLifeOfPost: boolean }).wholeLifeOfPost = false), 'disclosure.wholeLifeOfPost', 'terms_disclosure_required'],
		['no hashtag', (x) => (x.disclosure.hashtags = []), 'disclosure.hashtags', 'terms_hashtags_count'],
		['6 hashtags', (x) => (x.disclosure.hashtags = ['#a', '#b', '#c', '#d', '#e', '#f']), 'disclosure.hashtags', 'terms_hashtags_count'],
		['hashtag of 41 characters', (x) => (x.disclosure.hashtags = ['#' + 'a'.repeat(40)]), 'disclosure.hashtags.0', 'terms_hashtag_invalid'],
		['hashtag without #', (x) => (x.disclosure.hashtags = ['sponsorisé']), 'disclosure.hashtags.0', 'terms_hashtag_invalid'],
		['reuse 3651 days', (x) => (x.reuseRights.days = 3651), 'reuseRights.days', 'terms_days_range'],
		['unknown channel', (x) => ((x.reuseRights.channels as string[]) = ['billboards']), 'reuseRights.channels.0', 'terms_option_invalid'],
		['crisis 0 hours', (x) => (x.crisis.withdrawalWithinHours = 0), 'crisis.withdrawalWithinHours', 'terms_hours_range'],
		['crisis payment unknown', (x) => ((x.crisis as { payment: string }).payment = 'half'), 'crisis.payment', 'terms_option_invalid'],
		['negative fee', (x) => (x.fee.amountDzd = -1), 'fee.amountDzd', 'terms_fee_range'],
		['fee above 100 000 000', (x) => (x.fee.amountDzd = 100_000_001), 'fee.amountDzd', 'terms_fee_range'],
		['fee in centimes with a fraction', (x) => (x.fee.amountDzd = 25_000.5), 'fee.amountDzd', 'terms_fee_range'],
		['5 instalments', (x) => (x.paymentSchedule = Array.from({ length: 5 }, () => ({ milestone: 'signature' as const, amountDzd: 5000, dueDays: 7 }))), 'paymentSchedule', 'terms_milestones_count'],
		['payment due in 91 days', (x) => (x.paymentSchedule[0].dueDays = 91), 'paymentSchedule.0.dueDays', 'terms_due_days_range'],
		['lower-case promo code', (x) => (x.attribution.promoCode = 'nour10'), 'attribution.promoCode', 'terms_promo_code_invalid'],
		['promo code of 21 characters', (x) => (x.attribution.promoCode = 'A'.repeat(21)), 'attribution.promoCode', 'terms_promo_code_invalid'],
		['keyword with a space', (x) => (x.attribution.whatsappKeyword = 'INSTA NOUR'), 'attribution.whatsappKeyword', 'terms_keyword_invalid'],
		['keyword of 31 characters', (x) => (x.attribution.whatsappKeyword = 'A'.repeat(31)), 'attribution.whatsappKeyword', 'terms_keyword_invalid'],
		['notice 91 days', (x) => (x.termination.noticeDays = 91), 'termination.noticeDays', 'terms_notice_range'],
		['cure 0 days', (x) => (x.termination.cureDays = 0), 'termination.cureDays', 'terms_cure_range'],
		['no personal data listed', (x) => (x.personalData.shared = []), 'personalData.shared', 'terms_pick_one'],
		['retention 121 months', (x) => (x.personalData.retentionMonths = 121), 'personalData.retentionMonths', 'terms_retention_range'],
		['foreign law', (x) => ((x.law as { governingLaw: string }).governingLaw = 'FR'), 'law.governingLaw', 'terms_law_invalid'],
		['amicable 0 days', (x) => (x.law.amicableDays = 0), 'law.amicableDays', 'terms_amicable_range'],
		['wilaya code of 3 digits', (x) => (x.law.courtWilaya.code = '016'), 'law.courtWilaya.code', 'terms_wilaya_unknown'],
		['extra field', (x) => (x.extra = 1), 'extra', 'unknown_field']
	];

	it.each(cases)('rejects %s', (_name, edit, path, key) => {
		const terms = structuredClone(ready()) as AgreementTerms & Record<string, unknown>;
		expect(v.safeParse(agreementTermsSchema, terms).success).toBe(true);
		edit(terms);
		const res = v.safeParse(agreementTermsSchema, terms);
		expect(res.success).toBe(false);
		const issue = res.issues![0];
		expect(v.getDotPath(issue)).toBe(path);
		if (key === 'unknown_field') expect(issue.type).toBe('strict_object');
		else expect(issue.message).toBe(key);
	});

	it('trims text, keeps null identifiers null and accepts a perpetual transfer when chosen explicitly', () => {
		const terms = structuredClone(ready());
		terms.parties.brand.representative = '  Lina Benali  ';
		terms.reuseRights = { days: null, perpetual: true, channels: ['ads', 'in_store'] };
		const raw = JSON.parse(JSON.stringify(terms)) as Record<string, unknown>;
		delete (raw.parties as { creator: Record<string, unknown> }).creator.nif;
		(raw.parties as { brand: Record<string, unknown> }).brand.nif = '000 213 012 345 678';
		const out = v.parse(agreementTermsSchema, raw);
		expect(out.parties.brand.representative).toBe('Lina Benali');
		expect(out.parties.creator.nif).toBeNull();
		expect(out.parties.brand.nif).toBe('000 213 012 345 678');
		expect(validateTermsRules(out)).toEqual([]);
	});

	it('uses message keys that exist in the API catalogue, translated in the three languages', () => {
		for (const key of TERMS_MESSAGE_KEYS) {
			expect(isMessageKey(key), key).toBe(true);
			const [fr, ar, en] = (['fr', 'ar', 'en'] as const).map((l) => t(l, key as MessageKey));
			expect(fr).not.toBe('');
			expect(ar, key).toMatch(/[\u0600-\u06ff]/);
			expect(en).not.toBe(fr);
		}
	});
});

describe('validateTermsRules', () => {
	it('requires instalments summing exactly to the fee, without a repeated milestone', () => {
		const terms = ready();
		terms.paymentSchedule[1].amountDzd -= 1;
		expect(validateTermsRules(terms)).toEqual([{ path: 'paymentSchedule', key: 'terms_milestones_sum' }]);
		terms.paymentSchedule = [
			{ milestone: 'signature', amountDzd: 10_000, dueDays: 0 },
			{ milestone: 'signature', amountDzd: 15_000, dueDays: 7 }
		];
		expect(validateTermsRules(terms)).toEqual([{ path: 'paymentSchedule.1.milestone', key: 'terms_duplicates' }]);
		terms.fee.amountDzd = 0;
		terms.paymentSchedule = [];
		expect(validateTermsRules(terms)).toEqual([]);
	});

	it('orders the window, ties days to perpetual, and highlight hours to stories', () => {
		const terms = ready();
		terms.publicationWindow.from = '2026-12-15';
		terms.reuseRights.perpetual = true; // days still 30
		terms.deliverables[0].storyHighlightHours = 24; // a reel
		terms.deliverables[1].storyHighlightHours = null; // the story
		expect(validateTermsRules(terms)).toEqual([
			{ path: 'publicationWindow.to', key: 'terms_window_order' },
			{ path: 'reuseRights.days', key: 'terms_perpetual_days' },
			{ path: 'deliverables.0.storyHighlightHours', key: 'terms_story_highlight_only' },
			{ path: 'deliverables.1.storyHighlightHours', key: 'terms_story_highlight_required' }
		]);
		const noDays = ready();
		noDays.reuseRights.days = null;
		expect(validateTermsRules(noDays)).toEqual([{ path: 'reuseRights.days', key: 'terms_days_range' }]);
	});

	it('finds repeats, unknown wilayas and changed ids', () => {
		const current = ready();
		const terms = structuredClone(current);
		terms.deliverables.push({ platform: 'instagram', format: 'reel', count: 2, storyHighlightHours: null });
		terms.disclosure.hashtags = ['#sponsorisé', '#Sponsorisé'];
		terms.reuseRights.channels = ['ads', 'ads'];
		terms.personalData.shared = ['identity', 'identity'];
		terms.law.courtWilaya.code = '70';
		terms.parties.creator.id = 'someone-else';
		terms.campaign.title = 'Autre';
		expect(validateTermsRules(terms, { current, wilayaExists: (c) => Number(c) >= 1 && Number(c) <= 69 })).toEqual([
			{ path: 'reuseRights.channels.1', key: 'terms_duplicates' },
			{ path: 'deliverables.2', key: 'terms_duplicates' },
			{ path: 'disclosure.hashtags.1', key: 'terms_duplicates' },
			{ path: 'personalData.shared.1', key: 'terms_duplicates' },
			{ path: 'law.courtWilaya.code', key: 'terms_wilaya_unknown' },
			{ path: 'parties.creator.id', key: 'terms_immutable' },
			{ path: 'campaign.title', key: 'terms_immutable' }
		]);
	});
});

describe('canonical JSON and document hash', () => {
	it('sorts keys at every depth, drops undefined members, writes no whitespace', () => {
		expect(documentCanonicalJson({ b: 1, a: { d: [1, { f: 2, e: null }], c: 'x y' }, u: undefined })).toBe('{"a":{"c":"x y","d":[1,{"e":null,"f":2}]},"b":1}');
		expect(documentCanonicalJson({ s: 'é"\n' })).toBe('{"s":"é\\"\\n"}');
		expect(() => documentCanonicalJson({ n: Number.NaN })).toThrow(TypeError);
		const terms = ready();
		expect(documentCanonicalJson(terms)).not.toMatch(/[:,]\s|^\s|\n/);
		expect(documentCanonicalJson(terms).startsWith('{"attribution":{"promoCode":"NOUR10","whatsappKeyword":"INSTA-NOUR"},"campaign":')).toBe(true);
	});

	it('hashes {agreementId, version, terms} the same way whatever the key order', async () => {
		const terms = ready();
		const shuffled = JSON.parse(JSON.stringify(terms, Object.keys(terms).reverse().concat(allKeys(terms)))) as AgreementTerms;
		expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(terms));
		const h = await documentSha256('ag-1', 2, terms);
		expect(h).toMatch(/^[0-9a-f]{64}$/);
		expect(await documentSha256('ag-1', 2, shuffled)).toBe(h);
		expect(documentHashInput('ag-1', 2, terms)).toBe(`{"agreementId":"ag-1","terms":${documentCanonicalJson(terms)},"version":2}`);
		// Independent check: SHA-256 computed by Python's hashlib over json.dumps(sort_keys=True, separators=(',', ':'), ensure_ascii=False).
		expect(await documentSha256('ag-1', 2, prefillTerms(base))).toBe(PYTHON_SHA256);
	});

	it('changes when one field, the version or the id changes', async () => {
		const terms = ready();
		const h = await documentSha256('ag-1', 2, terms);
		const fee = structuredClone(terms);
		fee.fee.amountDzd += 1;
		const code = structuredClone(terms);
		code.attribution.promoCode = 'NOUR15';
		const hours = structuredClone(terms);
		hours.crisis.withdrawalWithinHours = 12;
		const all = [
			await documentSha256('ag-1', 2, fee),
			await documentSha256('ag-1', 2, code),
			await documentSha256('ag-1', 2, hours),
			await documentSha256('ag-1', 3, terms),
			await documentSha256('ag-2', 2, terms)
		];
		expect(new Set([h, ...all]).size).toBe(6);
		await expect(documentSha256('ag-1', 0, terms)).rejects.toThrow(RangeError);
	});
});

/** Every key name used anywhere in a value (for a JSON.stringify replacer that keeps all of them). */
function allKeys(value: unknown, out = new Set<string>()): string[] {
	if (value && typeof value === 'object')
		for (const [k, x] of Object.entries(value)) {
			out.add(k);
			allKeys(x, out);
		}
	return [...out].reverse();
}

const PYTHON_SHA256 = '7f81de5b1caabc74dc6d3690cde1b8ec290ee97734043540ac0cf21c224d7544';
