/** Writes application/problem+json (RFC 9457) responses in the caller's language. */
import type * as v from 'valibot';
import { ERRORS, type ErrorCode, type FieldError } from './errors';
import { isMessageKey, t } from './i18n';
import type { Locale } from './env';

export interface ProblemBody {
	type: 'about:blank';
	title: string;
	status: number;
	code: ErrorCode;
	detail: string;
	errors?: FieldError[];
	requestId?: string;
}

export function problemBody(code: ErrorCode, locale: Locale, opts: { detailKey?: string; errors?: FieldError[]; requestId?: string } = {}): ProblemBody {
	const { status, title } = ERRORS[code];
	const key = opts.detailKey && isMessageKey(opts.detailKey) ? opts.detailKey : `detail_${code}`;
	const body: ProblemBody = {
		type: 'about:blank',
		title,
		status,
		code,
		detail: isMessageKey(key) ? t(locale, key) : title
	};
	if (opts.errors) body.errors = opts.errors;
	if (opts.requestId) body.requestId = opts.requestId;
	return body;
}

export function problemResponse(body: ProblemBody, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(body), {
		status: body.status,
		headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers }
	});
}

/**
 * Turns valibot issues into field errors. Schemas use message keys from worker/i18n.ts
 * (`v.email('email_invalid')`); valibot's own English defaults are replaced by a generic
 * translated message so the caller's input is never echoed back.
 */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[], locale: Locale): FieldError[] {
	const seen = new Set<string>();
	const out: FieldError[] = [];
	for (const issue of issues) {
		const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
		if (seen.has(path)) continue; // one message per field: the first failing rule
		seen.add(path);
		let message: string;
		if (issue.type === 'strict_object' && issue.expected === 'never') {
			message = t(locale, 'unknown_field');
		} else if (isMessageKey(issue.message)) {
			message = t(locale, issue.message, { requirement: String(issue.requirement ?? '') });
		} else if (issue.input === undefined && issue.kind === 'schema') {
			message = t(locale, 'required');
		} else {
			message = t(locale, 'invalid_type');
		}
		out.push({ path, message });
	}
	return out;
}
