/** Bindings and variables the Worker receives (see wrangler.toml). */
export interface Env {
	DB: D1Database;
	FILES: R2Bucket;
	ASSETS?: Fetcher;
	/** "development" exposes /api/v1/dev/*; anything else hides it. */
	APP_ENV?: string;
	/** Background work (worker/jobs): sealing, and the kinds later features add. */
	JOBS: Queue<Job>;
	/** The public origin (https://…), for links written by cron runs and queue jobs, which have no request. */
	APP_URL?: string;
	/** Extra origins allowed to send non-GET requests, comma-separated (the app's own is always allowed). */
	APP_ORIGINS?: string;
	/** The platform's sealing key (PKCS#8 PEM, ECDSA P-256) and its X.509 certificate (PEM): Worker secrets, `.dev.vars` locally. */
	SEAL_PRIVATE_KEY?: string;
	SEAL_CERTIFICATE?: string;
	/** Certificates of retired sealing keys (PEM, concatenated): their seals still verify. */
	SEAL_PREVIOUS_CERTIFICATES?: string;
	/**
	 * The secret the tracked links' daily salt is derived from (worker/domain/tracked-links.ts):
	 * a Worker secret. Without it the sealing key serves; in development, a fixed value.
	 */
	LINK_SALT_SECRET?: string;
	/**
	 * The secret the AES-GCM key for TOTP secrets at rest is derived from (worker/domain/two-factor.ts):
	 * a Worker secret (`wrangler secret put MFA_ENCRYPTION_KEY`; `.dev.vars` locally, written by
	 * `npm start`). Changing it makes every enrolled authenticator unreadable.
	 */
	MFA_ENCRYPTION_KEY?: string;
	/**
	 * Email delivery over SMTP (worker/services/mail/smtp.ts): the server's host and port
	 * (default 587, or 465 with SMTP_SECURE=tls), optional login (SMTP_USER, SMTP_PASSWORD:
	 * Worker secrets), the sender (`Wasla <no-reply@wasla.dz>` or a bare address) and the
	 * transport security: `starttls` (default: upgrade when the server offers it), `tls`
	 * (implicit TLS) or `off` (plain, for a local development server). Without SMTP_HOST and
	 * SMTP_FROM, messages stay queued in the outbox and nothing is sent.
	 */
	SMTP_HOST?: string;
	SMTP_PORT?: string;
	SMTP_USER?: string;
	SMTP_PASSWORD?: string;
	SMTP_FROM?: string;
	SMTP_SECURE?: string;
	/**
	 * The platform fee on confirmed payouts, in basis points (250 = 2.5 %), rounded down to the
	 * dinar (worker/domain/ledger.ts). Unset or invalid: 0, no fee.
	 */
	PLATFORM_FEE_BPS?: string;
}

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	role: 'brand' | 'creator' | 'admin';
	locale: 'fr' | 'ar' | 'en';
}

import type { Locale } from './i18n';
import type { Job } from './jobs/types';
export type { Locale };

/** Per-request values set by middleware. */
export interface Vars {
	requestId: string;
	/** The request's clock (epoch ms), read once when it arrives: sessions, handlers and services share it. */
	now: number;
	locale: Locale;
	user: SessionUser | null;
	/** The request's D1 handle: a D1 session started at the caller's bookmark (worker/d1-session.ts). */
	db: D1Database;
	/** SHA-256 of the current session token, when there is a session. */
	sessionHash: string | null;
	/** When the current session last proved its user (login or /reauth); null without a session. */
	reauthAt: number | null;
	/** `<user id>:<Idempotency-Key>` on an idempotent route once its key is claimed (worker/idempotency.ts). */
	idempotencyKey?: string;
	/**
	 * The API route this request matched and its raw path parameters, set by worker/route.ts
	 * before the role check: an authorization refusal is logged with them (worker/authz-log.ts).
	 */
	route?: { method: string; pattern: string; params: Record<string, string> };
}

export type AppEnv = { Bindings: Env; Variables: Vars };
