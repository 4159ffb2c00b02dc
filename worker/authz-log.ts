/**
 * The one log line of an authorization refusal (issue 15, point 1): when a matched API route
 * answers 401 (no session), 403 (wrong role or membership) or 404 for an object named in its
 * path (unknown, or another tenant's: the same answer by design), the error handler
 * (worker/app.ts) writes one structured `console.warn` line, so a probe across tenants shows up
 * in the logs whatever route it hits. Routes never log refusals themselves.
 */
import type { Context } from 'hono';
import type { AppEnv } from './env';
import type { ErrorCode } from './errors';

export const AUTHZ_DENIED = 'authz.denied';

/** What the line says: who, on which route (its pattern, not the concrete path), which object, when (UTC). */
export interface AuthzDenied {
	level: 'warn';
	event: typeof AUTHZ_DENIED;
	status: 401 | 403 | 404;
	code: ErrorCode;
	/** The caller's user id and role; null for a guest. */
	actor: { id: string; role: string } | null;
	/** `METHOD /api/v1/pattern/:id` as the router declares it. */
	route: string;
	/** The raw path parameters (`{ id }`, `{ id, taskId }`…); null when the path names none. */
	object: Record<string, string> | null;
	/** ISO 8601 in UTC, from the real clock. */
	at: string;
	requestId: string;
}

const STATUS: Partial<Record<ErrorCode, 401 | 403 | 404>> = { unauthenticated: 401, forbidden: 403, not_found: 404 };

/** Logs the refusal if `code` is one and the request matched an API route (a 404 only when the path names an object). */
export function logAuthzDenied(c: Context<AppEnv>, code: ErrorCode, prefix: string): void {
	const status = STATUS[code];
	const route = c.get('route');
	if (!status || !route) return;
	const hasObject = Object.keys(route.params).length > 0;
	if (status === 404 && !hasObject) return;
	const user = c.get('user');
	const line: AuthzDenied = {
		level: 'warn',
		event: AUTHZ_DENIED,
		status,
		code,
		actor: user ? { id: user.id, role: user.role } : null,
		route: `${route.method} ${prefix}${route.pattern}`,
		object: hasObject ? route.params : null,
		at: new Date().toISOString(),
		requestId: c.get('requestId')
	};
	console.warn(JSON.stringify(line));
}
