import { LEGAL_DOCUMENTS } from '$worker/domain/legal';
import type { PageServerLoad } from './$types';

/** The version and date shown are the ones a sign-up records (worker/domain/legal.ts). */
export const load: PageServerLoad = () => ({ doc: LEGAL_DOCUMENTS.privacy });
