/**
 * Form actions of the deliverable page, one module per part (drafts.ts, publication.ts,
 * stats.ts, crisis.ts), spread into routes/deliverables/[id]/+page.server.ts. Each action
 * calls the API and returns `fail(status, { <part>: {values, errors, detail} })` or
 * `{ <part>: { done: … } }`, so the page shows the part's own errors next to its form.
 */
import type { RequestEvent } from '@sveltejs/kit';

/** A form action of the deliverable page (params: the deliverable id). */
export type DeliverableAction = (event: RequestEvent<{ id: string }>) => Promise<unknown>;

/** The deliverable id of the page, encoded for an API path. */
export const deliverablePath = (event: RequestEvent<{ id: string }>, rest = '') => `/deliverables/${encodeURIComponent(event.params.id)}${rest}`;
