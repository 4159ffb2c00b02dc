/**
 * Cron task: agreements signed by both parties whose PDFs are not all stored yet. Signing
 * queues a `seal_agreement` job; this sweep is the safety net when that message was lost
 * or the queue was down. It skips agreements completed in the last few minutes (their job
 * is probably still on its way), those whose job failed recently (the queue retries them)
 * and dead ones (an operator must look), and seals a few per run inline.
 */
import type { ServiceContext } from '../context';
import { sealSignedAgreement } from '../services/agreement-documents';
import { clearJobFailure, recordJobFailure } from './failures';

const GRACE_MS = 5 * 60 * 1000;
const RETRY_AFTER_MS = 15 * 60 * 1000;
const PER_RUN = 3;

export async function sweepSealing(ctx: ServiceContext): Promise<{ sealed: number; failed: number }> {
	const { results } = await ctx.db
		.prepare(
			`SELECT g.id FROM agreements g
			 WHERE g.status = 'signed' AND g.completed_at <= ?1
			   AND (SELECT count(*) FROM agreement_documents d WHERE d.agreement_id = g.id) < 3
			   AND NOT EXISTS (SELECT 1 FROM job_failures f WHERE f.kind = 'seal_agreement' AND f.subject = g.id AND (f.dead_at IS NOT NULL OR f.last_failed_at > ?2))
			 ORDER BY g.completed_at LIMIT ?3`
		)
		.bind(ctx.now - GRACE_MS, ctx.now - RETRY_AFTER_MS, PER_RUN)
		.all<{ id: string }>();
	let sealed = 0;
	let failed = 0;
	for (const { id } of results) {
		const job = { kind: 'seal_agreement' as const, agreementId: id };
		try {
			await sealSignedAgreement(ctx, { agreementId: id });
			await clearJobFailure(ctx.db, job);
			sealed++;
		} catch (err) {
			failed++;
			console.error(JSON.stringify({ level: 'error', msg: 'sealing sweep failed', agreementId: id, error: String(err instanceof Error ? err.message : err) }));
			await recordJobFailure(ctx.db, job, err, ctx.now);
		}
	}
	return { sealed, failed };
}
