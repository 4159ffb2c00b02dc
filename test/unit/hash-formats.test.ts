/**
 * Every hash Wasla stores, pinned byte for byte on a fixed input. These are formats, not
 * implementation details: document hashes sit in agreement_versions, agreement_signatures,
 * the audit trail and every PDF footer; audit hashes chain every event; consent hashes are
 * signature evidence; code and session hashes are how codes and cookies are recognised.
 * A failing test here means the change would invalidate stored rows (or every open session):
 * it needs a migration, never a new expected value.
 */
import { describe, expect, it } from 'vitest';
import { documentHashInput, documentSha256, storedDocumentSha256 } from '../../contracts/hash';
import type { AgreementTerms } from '../../worker/domain/agreement-terms';
import { GENESIS_HASH, auditEventHashInput, eventHash } from '../../worker/domain/audit-chain';
import { sha256Hex } from '../../worker/domain/encoding';
import { hashSessionToken } from '../../worker/domain/session-policy';
import { consentSha256, consentText, hashSigningCode, signingCodeHashInput } from '../../worker/domain/signing';

const AGREEMENT_ID = '0b7c2f4e-6a1d-4f3b-9e8a-5c2d1f0e9a7b';

/** v2 terms as stored (keys in prefill order, Arabic, accents, quotes and nulls included). */
const TERMS = {
	schemaVersion: 2,
	parties: {
		brand: { id: 'b1', name: 'Atelier Lina', legalName: 'SARL Atelier Lina', rcNumber: '13/00-0123456 B 21', nif: '000213012345678', representative: 'Lina Benali' },
		creator: { id: 'c1', displayName: 'نور بيوتي', handle: 'nour.beauty.ab12', legalName: 'Nour El Houda Saïdi', rcNumber: null, nif: null, autoEntrepreneurCard: 'AE-16-004512' }
	},
	campaign: { id: 'k1', title: 'Sérum "Blida" – lancement', objective: 'whatsapp_sales' },
	deliverables: [
		{ platform: 'instagram', format: 'reel', count: 1, storyHighlightHours: null },
		{ platform: 'instagram', format: 'story', count: 1, storyHighlightHours: 72 }
	],
	publicationWindow: { from: '2026-12-01', to: '2026-12-14', proposedDates: ['2026-12-03', '2026-12-05'] },
	validation: { draftDaysBeforePublication: 2, reviewDays: 2, correctionRounds: 1 },
	disclosure: { platformLabel: true, hashtags: ['#sponsorisé', '#إشهار'], wholeLifeOfPost: true },
	reuseRights: { days: 30, perpetual: false, channels: ['website', 'catalogue', 'whatsapp_catalogue'] },
	fee: { amountDzd: 25000, currency: 'DZD' },
	paymentSchedule: [
		{ milestone: 'signature', amountDzd: 12500, dueDays: 7 },
		{ milestone: 'approval', amountDzd: 12500, dueDays: 7 }
	],
	attribution: { promoCode: 'NOUR10', whatsappKeyword: 'INSTA-NOUR' },
	crisis: { requestedBy: 'either', withdrawalWithinHours: 24, payment: 'pro_rata' },
	termination: { noticeDays: 7, cureDays: 3 },
	personalData: { law: '18-07', shared: ['identity', 'contact', 'payment_details', 'audience_stats'], retentionMonths: 12 },
	law: { governingLaw: 'DZ', amicableDays: 30, courtWilaya: { code: '13', nameFr: 'Tlemcen', nameAr: 'تلمسان' } }
} as unknown as AgreementTerms;

const DOCUMENT_INPUT =
	'{"agreementId":"0b7c2f4e-6a1d-4f3b-9e8a-5c2d1f0e9a7b","terms":{"attribution":{"promoCode":"NOUR10","whatsappKeyword":"INSTA-NOUR"},"campaign":{"id":"k1","objective":"whatsapp_sales","title":"Sérum \\"Blida\\" – lancement"},"crisis":{"payment":"pro_rata","requestedBy":"either","withdrawalWithinHours":24},"deliverables":[{"count":1,"format":"reel","platform":"instagram","storyHighlightHours":null},{"count":1,"format":"story","platform":"instagram","storyHighlightHours":72}],"disclosure":{"hashtags":["#sponsorisé","#إشهار"],"platformLabel":true,"wholeLifeOfPost":true},"fee":{"amountDzd":25000,"currency":"DZD"},"law":{"amicableDays":30,"courtWilaya":{"code":"13","nameAr":"تلمسان","nameFr":"Tlemcen"},"governingLaw":"DZ"},"parties":{"brand":{"id":"b1","legalName":"SARL Atelier Lina","name":"Atelier Lina","nif":"000213012345678","rcNumber":"13/00-0123456 B 21","representative":"Lina Benali"},"creator":{"autoEntrepreneurCard":"AE-16-004512","displayName":"نور بيوتي","handle":"nour.beauty.ab12","id":"c1","legalName":"Nour El Houda Saïdi","nif":null,"rcNumber":null}},"paymentSchedule":[{"amountDzd":12500,"dueDays":7,"milestone":"signature"},{"amountDzd":12500,"dueDays":7,"milestone":"approval"}],"personalData":{"law":"18-07","retentionMonths":12,"shared":["identity","contact","payment_details","audience_stats"]},"publicationWindow":{"from":"2026-12-01","proposedDates":["2026-12-03","2026-12-05"],"to":"2026-12-14"},"reuseRights":{"channels":["website","catalogue","whatsapp_catalogue"],"days":30,"perpetual":false},"schemaVersion":2,"termination":{"cureDays":3,"noticeDays":7},"validation":{"correctionRounds":1,"draftDaysBeforePublication":2,"reviewDays":2}},"version":3}';

describe('document hash (contracts/hash.ts)', () => {
	it('pins documentHashInput and its SHA-256', async () => {
		expect(documentHashInput(AGREEMENT_ID, 3, TERMS)).toBe(DOCUMENT_INPUT);
		expect(await documentSha256(AGREEMENT_ID, 3, TERMS)).toBe('f8cf6fc68b89bff6769761445140b6cca2b531cce22eb80fab388d53c70b07bf');
	});

	it('pins the hash of a stored column: canonical when it reads as terms, else the stored text itself', async () => {
		expect(await storedDocumentSha256(AGREEMENT_ID, 3, JSON.stringify(TERMS))).toBe('f8cf6fc68b89bff6769761445140b6cca2b531cce22eb80fab388d53c70b07bf');
		expect(await storedDocumentSha256(AGREEMENT_ID, 3, '{"schemaVersion":2,"fee":')).toBe('1c828d9e86896d88728cda11f25b4a84eace4608d8de3b089725d3fe85563d47');
	});
});

describe('audit event hash (worker/domain/audit-chain.ts)', () => {
	const event = {
		agreementId: AGREEMENT_ID,
		seq: 4,
		at: Date.UTC(2026, 11, 2, 9, 30, 15, 250),
		actor: { party: 'creator' as const, userId: 'u-creator-1' },
		action: 'signed',
		data: {
			version: 3,
			party: 'creator',
			signatureId: 's-1',
			fullName: 'نور الهدى سعيدي',
			documentSha256: 'a'.repeat(64),
			consentSha256: 'b'.repeat(64),
			consentLang: 'ar',
			ip: '10.0.0.7',
			userAgent: 'Mozilla/5.0 "test"',
			extra: { z: [3, 1, { y: null, x: 'é' }], a: true }
		}
	};

	it('pins auditEventHashInput and its SHA-256', async () => {
		const prev = 'c'.repeat(64);
		expect(auditEventHashInput(prev, event)).toBe(
			`${prev}{"action":"signed","actor":{"party":"creator","userId":"u-creator-1"},"agreementId":"0b7c2f4e-6a1d-4f3b-9e8a-5c2d1f0e9a7b","at":"2026-12-02T09:30:15.250Z","data":{"consentLang":"ar","consentSha256":"${'b'.repeat(64)}","documentSha256":"${'a'.repeat(64)}","extra":{"a":true,"z":[3,1,{"x":"é","y":null}]},"fullName":"نور الهدى سعيدي","ip":"10.0.0.7","party":"creator","signatureId":"s-1","userAgent":"Mozilla/5.0 \\"test\\"","version":3},"seq":4}`
		);
		expect(await eventHash(prev, event)).toBe('160fb8cb54725d13c3b1f6d83eabaf99a1aa179b046df197c83e46bb3e78d567');
	});

	it('pins the first link of a chain (after 64 zeros)', async () => {
		const created = { ...event, seq: 1, action: 'created', data: { version: 1, documentSha256: 'd'.repeat(64) } };
		expect(await eventHash(GENESIS_HASH, created)).toBe('6adc041be707e5521ace9d3ca32f243a0f1ba0a07871bddb31304f9954ebf6b1');
	});
});

describe('consent, signing code and session hashes', () => {
	const fingerprint = 'a'.repeat(64);
	const CONSENTS = {
		fr: [
			`Je confirme avoir lu l’accord (version 3, empreinte SHA-256 ${fingerprint}) et en accepter toutes les clauses, et que saisir mon nom complet et le code reçu par e-mail vaut signature électronique de ma part et m’engage.`,
			'9ceea7cba6de226a7c7bf6a9488102a73426ba2715c20dc18a0cfc120f9fd716'
		],
		ar: [
			`أقرّ بأنني قرأت الاتفاق (النسخة 3، البصمة SHA-256: ${fingerprint}) وأوافق على جميع بنوده، وأن كتابة اسمي الكامل وإدخال الرمز المرسل إلى بريدي الإلكتروني يُعدّان توقيعًا إلكترونيًا مني يُلزمني بهذا الاتفاق.`,
			'c4a66df4d25b6d04d12f5aab1a3ba4e0d4d623cc329347f5e938576881b215a4'
		],
		en: [
			`I confirm that I have read the agreement (version 3, SHA-256 fingerprint ${fingerprint}) and accept all its terms, and that typing my full name and entering the code sent to my email is my electronic signature, binding me to this agreement.`,
			'547ab33bda19847188535bd5e1b996c316fc8c0dc822236c0d70cccf432880e4'
		]
	} as const;

	it('pins the consent text in each language and its SHA-256', async () => {
		for (const lang of ['fr', 'ar', 'en'] as const) {
			const [text, hash] = CONSENTS[lang];
			expect(consentText(lang, { version: 3, documentSha256: fingerprint })).toBe(text);
			expect(await consentSha256(text)).toBe(hash);
		}
	});

	it('pins the salted signing code hash', async () => {
		expect(signingCodeHashInput('9f86d081884c7d659a2feaa0c55ad015', '042917')).toBe('9f86d081884c7d659a2feaa0c55ad015:042917');
		expect(await hashSigningCode('9f86d081884c7d659a2feaa0c55ad015', '042917')).toBe('130c31c096aae9b37dc6a209efd250934938fe983ae61956d7fb9e159b534b4f');
	});

	it('pins the session token hash', async () => {
		const token = 'q3P0v9xY7mN2bC8dE1fG4hJ6kL5sT0uW9zA3rQ7yX2o';
		expect(await hashSessionToken(token)).toBe('60dfd94966cd9d4ee53cc461846ca9fbd03d1e33e3477932eee899c1b0f4c214');
		expect(await hashSessionToken(token)).toBe(await sha256Hex(token));
	});
});
