/**
 * One error class, one code → status table. Route and domain code throw AppError;
 * the single onError handler (app.ts) turns it into application/problem+json.
 */
export const ERRORS = {
	/** Input failed validation; `errors` lists each field. */
	invalid_request: { status: 400, title: 'Invalid request' },
	/** The body is not parseable JSON. */
	malformed_json: { status: 400, title: 'Malformed JSON' },
	/** A form post (multipart or URL-encoded) whose body does not parse: bad or missing boundary, truncated. */
	malformed_form: { status: 400, title: 'Malformed form data' },
	/** No session, or it has expired. */
	unauthenticated: { status: 401, title: 'Authentication required' },
	/** Email and password do not match an account. */
	invalid_credentials: { status: 401, title: 'Invalid credentials' },
	/** The password was right, but the account has a second factor: give a TOTP or recovery code (`otp`, or POST /auth/login/second-factor with the pending login's cookie). */
	mfa_required: { status: 401, title: 'Second factor required' },
	/** A sensitive change (password, payout details, team, second factor) needs the password (and the second factor, when on) again: POST /auth/reauth, then retry within 5 minutes. */
	reauth_required: { status: 403, title: 'Re-authentication required' },
	/** A password-reset link that is unknown, already used, replaced by a newer one, or older than 30 minutes: nothing changed. */
	reset_link_invalid: { status: 400, title: 'Reset link invalid' },
	/** Signed in, but this role or membership may not do this. */
	forbidden: { status: 403, title: 'Forbidden' },
	/** A state-changing request from another site's Origin. */
	cross_origin: { status: 403, title: 'Cross-origin request refused' },
	/** The object does not exist, or belongs to someone else. */
	not_found: { status: 404, title: 'Not found' },
	/** The route exists but not with this method. */
	method_not_allowed: { status: 405, title: 'Method not allowed' },
	/** A unique thing (email, membership) already exists. */
	already_exists: { status: 409, title: 'Already exists' },
	/** The object is not in a state that allows this. */
	invalid_state: { status: 409, title: 'Conflict' },
	/** The campaign was already published: a retried publish can be treated as success. */
	already_published: { status: 409, title: 'Already published' },
	/** The campaign was already closed: a retried close can be treated as success. */
	already_closed: { status: 409, title: 'Already closed' },
	/** The application or team invitation was already accepted: a retried accept can be treated as success. */
	already_accepted: { status: 409, title: 'Already accepted' },
	/** The team invitation was already declined: a retried decline can be treated as success. */
	already_declined: { status: 409, title: 'Already declined' },
	/** The caller's party already signed the current version: a retried signature can be treated as success. */
	already_signed: { status: 409, title: 'Already signed' },
	/** The Idempotency-Key was used by the caller for another request (another route or body): nothing was done. */
	idempotency_key_reused: { status: 422, title: 'Idempotency key reused' },
	/** A request with this Idempotency-Key is still running: retry shortly to get its answer. */
	idempotency_in_progress: { status: 409, title: 'Request in progress' },
	/** The payout is held while a publication of the agreement lacks its agreed disclosure. */
	payout_held: { status: 409, title: 'Payout held' },
	/** An agreement sent for signature with required fields still empty: `errors` names each, and who must fill it; nothing changed. */
	agreement_incomplete: { status: 422, title: 'Agreement incomplete' },
	/** Readable input with row-level errors (e.g. a stats CSV); `errors` lists line and column of each. */
	unprocessable: { status: 422, title: 'Unprocessable content' },
	/** The body is larger than the route accepts. */
	payload_too_large: { status: 413, title: 'Payload too large' },
	/** The Content-Type is not one the route accepts. */
	unsupported_media_type: { status: 415, title: 'Unsupported media type' },
	/** Too many attempts; `Retry-After` says when to try again. */
	rate_limited: { status: 429, title: 'Too many requests' },
	/** A feature the deployment is not configured for (a missing secret or APP_URL): the operator must set it; nothing was stored. */
	unavailable: { status: 503, title: 'Service unavailable' },
	/** Anything unexpected: logged with the request id, never described to the client. */
	internal: { status: 500, title: 'Internal error' }
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface FieldError {
	path: string;
	message: string;
	/** A `[…]` blank left in the field, as written (campaigns refused for placeholders). */
	placeholder?: string;
}

export class AppError extends Error {
	readonly code: ErrorCode;
	/** A message key from worker/i18n.ts, translated when the problem is written. */
	readonly detailKey?: string;
	readonly errors?: FieldError[];
	/** Field errors as message keys, translated when written (for code that has no locale). */
	readonly fieldKeys?: { path: string; key: string }[];
	readonly retryAfter?: number;

	constructor(code: ErrorCode, opts: { detailKey?: string; errors?: FieldError[]; fieldKeys?: { path: string; key: string }[]; retryAfter?: number } = {}) {
		super(code);
		this.code = code;
		this.detailKey = opts.detailKey;
		this.errors = opts.errors;
		this.fieldKeys = opts.fieldKeys;
		this.retryAfter = opts.retryAfter;
	}

	get status() {
		return ERRORS[this.code].status;
	}
}
