/** Server-side helpers for calling our own API from load functions and form actions. */
export interface Me {
	user: { id: string; email: string; role: 'brand' | 'creator' | 'admin'; name: string; locale: 'fr' | 'ar' | 'en' };
	brand: { id: string; name: string; role: 'owner' | 'member' } | null;
	creator: { id: string; handle: string } | null;
	/** Unread notifications, for the header. */
	unread: number;
}

export interface Problem {
	title: string;
	status: number;
	code: string;
	detail: string;
	/** `placeholder`: a `[…]` blank left in the field (campaigns refused at publishing). */
	errors?: { path: string; message: string; placeholder?: string }[];
	requestId?: string;
}

/** Who is signed in: asked by hooks.server.ts for every page request. */
const ME_PATH = '/api/v1/me';

export async function loadMe(fetch: typeof globalThis.fetch): Promise<Me | null> {
	const res = await fetch(ME_PATH);
	return res.ok ? ((await res.json()) as Me) : null;
}

/**
 * Whether the API's answer to a page's call says the session is missing or has expired
 * (401 `unauthenticated`). Then hooks.server.ts sends the browser to the login page, for
 * every call of every load and form action. A 401 that is the answer asked for is not: a
 * wrong password (`invalid_credentials`), or "nobody" from the session probe `GET /me`.
 */
export async function sessionEnded(request: Request, res: Response): Promise<boolean> {
	if (res.status !== 401) return false;
	if (request.method === 'GET' && new URL(request.url).pathname === ME_PATH) return false;
	const problem = (await res
		.clone()
		.json()
		.catch(() => null)) as { code?: unknown } | null;
	return problem?.code === 'unauthenticated';
}

/**
 * Whether the API refused a sensitive change because the session has not confirmed the
 * password (and second factor) in the last 5 minutes (403 `reauth_required`). Then
 * hooks.server.ts sends the browser to /reauth, which brings it back to the page.
 */
export async function reauthRequired(res: Response): Promise<boolean> {
	if (res.status !== 403) return false;
	const problem = (await res
		.clone()
		.json()
		.catch(() => null)) as { code?: unknown } | null;
	return problem?.code === 'reauth_required';
}

/** POSTs JSON to the API and returns either the parsed body or the problem. */
export async function apiJson<T>(fetch: typeof globalThis.fetch, path: string, method: string, body?: unknown, headers: Record<string, string> = {}) {
	const res = await fetch(`/api/v1${path}`, {
		method,
		headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	if (res.ok) return { ok: true as const, status: res.status, data: (res.status === 204 ? null : await res.json()) as T };
	const problem = (await res.json().catch(() => ({ title: 'Error', status: res.status, code: 'internal', detail: '' }))) as Problem;
	return { ok: false as const, status: res.status, problem };
}

/** Field errors keyed by path, for forms. */
export function fieldMap(problem: Problem): Record<string, string> {
	return Object.fromEntries((problem.errors ?? []).map((e) => [e.path, e.message]));
}

/**
 * What a refused form shows: field errors by path, and the problem's detail unless a field
 * already says the same thing (so a message never appears twice).
 */
export function formProblem(problem: Problem): { errors: Record<string, string>; detail: string } {
	const errors = fieldMap(problem);
	return { errors, detail: Object.values(errors).includes(problem.detail) ? '' : problem.detail };
}
