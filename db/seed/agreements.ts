/**
 * Demo agreements (issue 14, point 2): every accepted application of the demo data gets its
 * agreement, and the agreements come in every state — draft, sent for signature, signed by
 * one party, signed by both — so no "see the agreement" link of the demo leads nowhere.
 *
 * Nothing here writes an agreement row by hand: each step calls the service the API calls
 * (accept, edit and propose terms, send, request a signing code and read it from the
 * outbox as a user reads their email, sign), so the versions, the hash-chained audit
 * events, the signatures with their consent hashes, the deliverables, payouts and codes of a
 * signed agreement, the notifications and the emails are exactly what the app writes. The
 * seal is the app's too: the sealing job's function runs for each signed agreement.
 *
 * It runs against any D1 binding: `npm run seed` (db/seed/cli.ts) through wrangler's
 * platform proxy on the local state, the seed test on the test D1. Idempotent: only accepted
 * applications without an agreement are taken.
 */
import type { CallerContext, JobQueue } from '../../worker/context';
import type { Env, SessionUser } from '../../worker/env';
import { acceptApplication } from '../../worker/services/applications';
import { editTerms, proposeTerms, requestSigningCode, sendAgreement, signAgreement } from '../../worker/services/agreements';
import { sealSignedAgreement } from '../../worker/services/agreement-documents';
import { DEMO_CREATOR_ID } from './generate';
import { COMPLETED_AGREEMENTS, COMPLETED_DELIVERABLES, COMPLETED_SIGNED_DAYS_AGO, completeAgreement } from './completed';

/** The states the demo shows, in the order they are handed out (the demo creator's agreements first get one of each). */
export const SEEDED_STATES = ['sent', 'signed', 'creator_signed', 'draft', 'brand_signed'] as const;
export type SeededState = (typeof SEEDED_STATES)[number];

interface Pending {
	application_id: string;
	campaign_id: string;
	creator_id: string;
	owner_user_id: string;
	creator_user_id: string;
}

/** Jobs are not queued from the seed: the sealing it needs runs inline below, the rest the cron redoes from D1. */
const NO_JOBS: JobQueue = { enqueue: async () => {}, enqueueAll: async () => {} };

export interface SeedAgreementsOptions {
	/** The clock of every step (epoch ms). */
	now: number;
	origin?: string;
	/** Seal the signed ones now (the sealing job's function); false leaves it to the cron's sweep. Default: when the platform key is configured. */
	seal?: boolean;
}

export interface SeededAgreement {
	agreementId: string;
	applicationId: string;
	creatorId: string;
	state: SeededState;
	/** Signed weeks ago and carried to the end: deliverables done, orders recorded (db/seed/completed.ts). */
	completed: boolean;
}

async function userOf(db: D1Database, id: string): Promise<SessionUser> {
	const u = await db.prepare('SELECT id, email, name, role, locale FROM users WHERE id = ?1').bind(id).first<SessionUser>();
	if (!u) throw new Error(`seed agreements: no user ${id}`);
	return u;
}

/** The newest signing code emailed to `email`: the seed reads its mail like the signer would. */
async function emailedCode(db: D1Database, email: string): Promise<string> {
	const { results } = await db.prepare('SELECT subject FROM outbox WHERE to_email = ?1 ORDER BY rowid DESC LIMIT 20').bind(email).all<{ subject: string }>();
	for (const r of results) {
		const m = /\b(\d{6})\b/.exec(r.subject);
		if (m) return m[1];
	}
	throw new Error(`seed agreements: no signing code emailed to ${email}`);
}

export async function seedAgreements(env: Env, opts: SeedAgreementsOptions): Promise<SeededAgreement[]> {
	const db = env.DB;
	const { results: pending } = await db
		.prepare(
			`SELECT a.id AS application_id, a.campaign_id, a.creator_id, b.owner_user_id, cr.user_id AS creator_user_id
			 FROM applications a JOIN campaigns c ON c.id = a.campaign_id JOIN brands b ON b.id = c.brand_id JOIN creators cr ON cr.id = a.creator_id
			 LEFT JOIN agreements g ON g.application_id = a.id
			 WHERE a.status = 'accepted' AND g.id IS NULL
			 ORDER BY (a.creator_id = ?1) DESC, a.id`
		)
		.bind(DEMO_CREATOR_ID)
		.all<Pending>();
	let clock = opts.now;
	const context = (user: SessionUser): CallerContext => ({
		env,
		db,
		files: env.FILES,
		jobs: NO_JOBS,
		// One millisecond per step, so the history reads in order.
		now: (clock += 1),
		locale: user.locale,
		origin: opts.origin ?? 'http://localhost:8787',
		user,
		requestId: 'seed',
		ip: '127.0.0.1',
		userAgent: 'wasla-seed',
		sessionHash: null,
		reauthAt: null
	});
	const out: SeededAgreement[] = [];
	const users = new Map<string, SessionUser>();
	const user = async (id: string) => users.get(id) ?? users.set(id, await userOf(db, id)).get(id)!;
	// Without the platform key (a database seeded before .dev.vars exists) the cron's sweep seals them, with the same function.
	const seal = opts.seal ?? Boolean(env.SEAL_PRIVATE_KEY && env.SEAL_CERTIFICATE);
	let demoIndex = 0;
	let otherIndex = 0;
	let completedCount = 0;
	for (const p of pending) {
		const isDemo = p.creator_id === DEMO_CREATOR_ID;
		const state = SEEDED_STATES[(isDemo ? demoIndex++ : otherIndex++) % SEEDED_STATES.length];
		const brand = await user(p.owner_user_id);
		const creator = await user(p.creator_user_id);
		// A few signed agreements of other creators happen weeks ago and are carried to the end (track records).
		const completing = state === 'signed' && !isDemo && completedCount < COMPLETED_AGREEMENTS;
		const resume = clock;
		if (completing) clock = opts.now - COMPLETED_SIGNED_DAYS_AGO * 86_400_000;
		// The seed stored the outcome; the service makes the acceptance (and its draft agreement) happen.
		await db.prepare("UPDATE applications SET status = 'shortlisted' WHERE id = ?1 AND status = 'accepted'").bind(p.application_id).run();
		const accepted = await acceptApplication(context(brand), { applicationId: p.application_id });
		const agreementId = accepted.agreement.id;
		out.push({ agreementId, applicationId: p.application_id, creatorId: p.creator_id, state, completed: completing });
		if (state === 'draft') continue;

		// What sending needs: the brand's representative, then the creator's legal name.
		// A creator with several agreements of one brand gets a code per campaign, as a brand would set it.
		const drafted = withParty(await storedTerms(db, agreementId), 'brand', { representative: brand.name });
		const n = out.length;
		drafted.attribution = { promoCode: `${codeStem(drafted.attribution.promoCode)}${n}`, whatsappKeyword: `${codeStem(drafted.attribution.whatsappKeyword)}-${n}` };
		if (completing) drafted.deliverables = COMPLETED_DELIVERABLES;
		await editTerms(context(brand), { agreementId, terms: drafted, note: '' });
		await proposeTerms(context(creator), { agreementId, terms: withParty(await storedTerms(db, agreementId), 'creator', { legalName: creator.name }), note: '' });
		await sendAgreement(context(brand), { agreementId });
		const signers = state === 'signed' ? [creator, brand] : state === 'creator_signed' ? [creator] : state === 'brand_signed' ? [brand] : [];
		for (const signer of signers) {
			await requestSigningCode(context(signer), { agreementId });
			await signAgreement(context(signer), { agreementId, fullName: signer.name, code: await emailedCode(db, signer.email) });
		}
		if (state === 'signed' && seal) await sealSignedAgreement(context(brand), { agreementId });
		if (completing) {
			const at = (party: 'brand' | 'creator', ms: number) => {
				clock = ms - 1;
				return context(party === 'brand' ? brand : creator);
			};
			const hashtags = (await storedTerms(db, agreementId)) as { disclosure: { hashtags: string[] } };
			await completeAgreement(db, { agreementId, campaignId: p.campaign_id, creatorId: p.creator_id, index: completedCount++, hashtags: hashtags.disclosure.hashtags, at, signedAt: clock });
			clock = resume;
		}
	}
	return out;
}

/** The current terms as stored (read only: every write goes through the services). */
async function storedTerms(db: D1Database, agreementId: string): Promise<unknown> {
	const row = await db.prepare('SELECT terms FROM agreements WHERE id = ?1').bind(agreementId).first<{ terms: string }>();
	return JSON.parse(row!.terms) as unknown;
}

type TermsOut = {
	parties: Record<'brand' | 'creator', Record<string, unknown>>;
	attribution: { promoCode: string; whatsappKeyword: string };
	deliverables: unknown;
} & Record<string, unknown>;

function withParty(terms: unknown, party: 'brand' | 'creator', fields: Record<string, string>): TermsOut {
	const t = terms as TermsOut;
	return { ...t, parties: { ...t.parties, [party]: { ...t.parties[party], ...fields } } };
}

/** A prefilled code without its trailing digits ("NOUR10" → "NOUR"), kept short enough for the suffix. */
function codeStem(code: string): string {
	return code.replace(/[-\d]+$/, '').slice(0, 8) || 'DEMO';
}
