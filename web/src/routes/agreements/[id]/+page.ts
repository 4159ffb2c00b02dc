import { browser } from '$app/environment';
import type { PageLoad } from './$types';

/**
 * The parts of the agreement page that only some states show, loaded only in those states
 * (issue 15, point 5): a signed agreement fetches its workspace and none of the draft's
 * editing code, a draft its checklist (and the creator their details form) and no workspace;
 * the state's actions only while there are some.
 * This universal load runs in the server render too, so the page is whole without
 * JavaScript; in the browser the pieces arrive before the page hydrates. Their stylesheets
 * are in the server-rendered page either way (SvelteKit links a page's dynamic imports' CSS).
 */
export const load: PageLoad = async ({ data }) => {
	const a = data.agreement;
	const acts = a.canSign || a.canEdit || a.canSend || a.canPropose || a.canReopen || a.canVoid;
	const [Workspace, DraftChecklist, CreatorDetailsForm, TermsSummary, StateActions, OfferWindowForm] = await Promise.all([
		a.status === 'signed' ? import('$lib/components/agreements/Workspace.svelte').then((m) => m.default) : null,
		a.status === 'draft' || a.canSend ? import('$lib/components/agreements/DraftChecklist.svelte').then((m) => m.default) : null,
		a.canEditCreatorDetails ? import('$lib/components/agreements/CreatorDetailsForm.svelte').then((m) => m.default) : null,
		// The clauses come from the same generator as the PDF; only terms it cannot read fall back to this summary.
		data.document ? null : import('$lib/components/agreements/TermsSummary.svelte').then((m) => m.default),
		acts || (a.status !== 'signed' && a.status !== 'void') ? import('$lib/components/agreements/StateActions.svelte').then((m) => m.default) : null,
		// The workspace's offer-window form: in the server render only; the browser loads it when its details open (Workspace.svelte).
		a.status === 'signed' && !browser ? import('$lib/components/agreements/OfferWindowForm.svelte').then((m) => m.default) : null
	]);
	return { ...data, Workspace, DraftChecklist, CreatorDetailsForm, TermsSummary, StateActions, OfferWindowForm };
};
