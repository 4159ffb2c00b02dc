import { fail } from '@sveltejs/kit';
import { MAX_VERIFY_BYTES } from '$worker/routes/agreement-documents';
import type { VerifyOutcome } from '$worker/services/agreement-documents';
import type { Actions, PageServerLoad } from './$types';

/** The same ceiling as the API (10 MB): refused here before the bytes travel further. */
const MAX_BYTES = MAX_VERIFY_BYTES;

export const load: PageServerLoad = () => ({});

/** The API's refusals (issue 9), as the page's own error messages. */
function apiError(status: number) {
	if (status === 400) return 'missing' as const;
	if (status === 413) return 'too_large' as const;
	if (status === 422) return 'not_a_pdf' as const;
	if (status === 429) return 'rate_limited' as const;
	return 'failed' as const;
}

export const actions: Actions = {
	default: async ({ request, fetch }) => {
		const data = await request.formData();
		const file = data.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { error: 'missing' as const });
		if (file.size > MAX_BYTES) return fail(413, { error: 'too_large' as const, fileName: file.name });
		const res = await fetch('/api/v1/verify', { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: await file.arrayBuffer() });
		if (!res.ok) return fail(res.status, { error: apiError(res.status), fileName: file.name });
		return { outcome: (await res.json()) as VerifyOutcome, fileName: file.name };
	}
};
