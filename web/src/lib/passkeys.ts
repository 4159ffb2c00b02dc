/**
 * The browser's half of a passkey ceremony (issue 15, point 3): ask our API for the options,
 * run WebAuthn through @simplewebauthn/browser, and hand back its answer as JSON for a form
 * field — the form action then sends it to the API, like every other form. Only in the
 * browser: passkeys need JavaScript.
 */
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import type { SubmitFunction } from '@sveltejs/kit';

export type PasskeyStep =
	| { ok: true; json: string }
	/** `reauth`: the API asks for a fresh confirmation first (403 reauth_required); `detail`: its words, when it refused. */
	| { ok: false; reauth?: boolean; detail?: string };

/**
 * POSTs to the options route (`/auth/login/passkey/options`, `/auth/reauth/passkey/options` or
 * `/me/passkeys/options`), then creates (`register`) or uses (`authenticate`) a passkey with them.
 * A refusal of the API, a cancelled prompt or a browser without WebAuthn is `{ ok: false }`.
 */
export async function passkeyAnswer(kind: 'register' | 'authenticate', optionsPath: string): Promise<PasskeyStep> {
	const res = await fetch(`/api/v1${optionsPath}`, { method: 'POST', headers: { accept: 'application/json' } });
	if (!res.ok) {
		const problem = (await res.json().catch(() => null)) as { code?: string; detail?: string } | null;
		return { ok: false, reauth: res.status === 403 && problem?.code === 'reauth_required', detail: problem?.detail };
	}
	const { options } = (await res.json()) as { options: PublicKeyCredentialCreationOptionsJSON | PublicKeyCredentialRequestOptionsJSON };
	try {
		const { startAuthentication, startRegistration } = await import('@simplewebauthn/browser');
		const answer =
			kind === 'register'
				? await startRegistration({ optionsJSON: options as PublicKeyCredentialCreationOptionsJSON })
				: await startAuthentication({ optionsJSON: options as PublicKeyCredentialRequestOptionsJSON });
		return { ok: true, json: JSON.stringify(answer) };
	} catch {
		return { ok: false };
	}
}

export interface PasskeySubmitOptions {
	kind: 'register' | 'authenticate';
	/** The API route that gives the ceremony's options (see passkeyAnswer). */
	optionsPath: string;
	/** The form field that carries the browser's answer to the action. */
	field: string;
	pending: (busy: boolean) => void;
	/** No answer (a refusal of the API, a cancelled prompt): the API's words if any, and whether it asks for a re-authentication. */
	failed: (detail: string | undefined, reauth: boolean) => void | Promise<void>;
	/** Posts the form once the answer is in it. */
	submit: SubmitFunction;
}

/** A passkey button's submit handler: the ceremony first, then the form's own post with the answer, or nothing posted and `failed`. */
export function passkeySubmit({ kind, optionsPath, field, pending, failed, submit }: PasskeySubmitOptions): SubmitFunction {
	return async (input) => {
		pending(true);
		const step = await passkeyAnswer(kind, optionsPath);
		pending(false);
		if (!step.ok) {
			input.cancel();
			await failed(step.detail, step.reauth === true);
			return;
		}
		input.formData.set(field, step.json);
		return submit(input);
	};
}
