/** Job `seal_agreement`: render, seal and store an agreement's PDFs once both parties signed (issue 10, point 5). */
import type { ServiceContext } from '../context';
import { sealSignedAgreement } from '../services/agreement-documents';
import type { Job } from './types';

export async function sealAgreement(ctx: ServiceContext, job: Extract<Job, { kind: 'seal_agreement' }>): Promise<void> {
	await sealSignedAgreement(ctx, { agreementId: job.agreementId });
}
