/**
 * /settings/security: two-factor authentication (issue 15, point 3). Turning it on takes the
 * password (POST /api/v1/me/mfa/totp), shows the QR code and the key, and is confirmed with a
 * first code (…/totp/confirm), which answers the recovery codes shown this once. New codes and
 * turning it off are sensitive: without a recent confirmation the API answers 403
 * `reauth_required` and hooks.server.ts sends the browser to /reauth, then back here.
 * Every step is a plain form: it works without JavaScript. Passkeys are listed and removed the
 * same way; adding one needs the browser's WebAuthn (the page asks POST /api/v1/me/passkeys/options,
 * runs startRegistration() and posts its answer with the form, which `addPasskey` sends to
 * POST /api/v1/me/passkeys).
 */
import { fail } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { formString, jsonField, requireMe } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

interface Status {
	twoFactor: { enabled: boolean; enabledAt: string | null; recoveryCodesLeft: number };
}

interface Passkey {
	id: string;
	name: string;
	createdAt: string;
	lastUsedAt: string | null;
}

interface Enrolment {
	secret: string;
	secretGrouped: string;
	otpauthUrl: string;
	qrSvg: string;
}

export const load: PageServerLoad = async ({ locals, url, fetch }) => {
	const me = requireMe({ locals, url });
	const [status, passkeys] = await Promise.all([apiJson<Status>(fetch, '/me/mfa', 'GET'), apiJson<{ passkeys: Passkey[] }>(fetch, '/me/passkeys', 'GET')]);
	return { twoFactor: status.ok ? status.data.twoFactor : { enabled: false, enabledAt: null, recoveryCodesLeft: 0 }, passkeys: passkeys.ok ? passkeys.data.passkeys : [], email: me.user.email };
};

export const actions: Actions = {
	enrol: async ({ request, fetch }) => {
		const data = await request.formData();
		const res = await apiJson<Enrolment>(fetch, '/me/mfa/totp', 'POST', { password: formString(data, 'password', 1000) });
		if (!res.ok) return fail(res.status, { enrol: formProblem(res.problem) });
		return { enrolment: res.data };
	},
	/** The enrolment being confirmed comes back with the form (hidden fields), so a wrong code shows the same QR code again, also without JavaScript. */
	confirm: async ({ request, fetch }) => {
		const data = await request.formData();
		const res = await apiJson<{ recoveryCodes: string[] }>(fetch, '/me/mfa/totp/confirm', 'POST', { code: formString(data, 'code', 40) });
		if (!res.ok) {
			const secret = formString(data, 'secret', 64);
			const enrolment = res.status === 400 && /^[A-Z2-7]{16,64}$/.test(secret) ? await reshow(secret, formString(data, 'otpauthUrl', 400)) : null;
			return fail(res.status, { confirm: formProblem(res.problem), enrolment });
		}
		return { recoveryCodes: res.data.recoveryCodes, enabled: true as const };
	},
	regenerate: async ({ fetch }) => {
		const res = await apiJson<{ recoveryCodes: string[] }>(fetch, '/me/mfa/recovery-codes', 'POST');
		if (!res.ok) return fail(res.status, { manage: formProblem(res.problem) });
		return { recoveryCodes: res.data.recoveryCodes };
	},
	/** The browser's answer to the registration options comes as JSON in the hidden `response` field (filled by the page's script). */
	addPasskey: async ({ request, fetch }) => {
		const data = await request.formData();
		const res = await apiJson(fetch, '/me/passkeys', 'POST', { name: formString(data, 'name', 200), response: jsonField(formString(data, 'response', 40_000)) });
		if (!res.ok) return fail(res.status, { passkey: formProblem(res.problem) });
		return { passkeyAdded: true as const };
	},
	removePasskey: async ({ request, fetch }) => {
		const data = await request.formData();
		const id = formString(data, 'id', 64);
		const res = await apiJson(fetch, `/me/passkeys/${encodeURIComponent(id || '-')}`, 'DELETE');
		if (!res.ok) return fail(res.status, { passkeys: formProblem(res.problem) });
		return { passkeyRemoved: true as const };
	},
	/** A new address: the API emails it a confirmation link (a sensitive change: 403 sends the browser to /reauth first). */
	email: async ({ request, fetch }) => {
		const data = await request.formData();
		const res = await apiJson<{ pendingEmail: string }>(fetch, '/me/email', 'PUT', { email: formString(data, 'email', 300) });
		if (!res.ok) return fail(res.status, { email: formProblem(res.problem) });
		return { emailSent: res.data.pendingEmail };
	},
	disable: async ({ fetch }) => {
		const res = await apiJson(fetch, '/me/mfa/totp', 'DELETE');
		if (!res.ok) return fail(res.status, { manage: formProblem(res.problem) });
		return { disabled: true as const };
	}
};

/** The QR code and key of the enrolment being confirmed, drawn again from what the form carried. */
async function reshow(secret: string, otpauthUrl: string): Promise<Enrolment | null> {
	if (!otpauthUrl.startsWith('otpauth://totp/') || !otpauthUrl.includes(`secret=${secret}`)) return null;
	const { renderSVG } = await import('uqr');
	return { secret, secretGrouped: secret.match(/.{1,4}/g)?.join(' ') ?? secret, otpauthUrl, qrSvg: renderSVG(otpauthUrl, { border: 2 }) };
}
