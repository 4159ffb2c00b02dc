/** Bindings and variables the Worker receives (see wrangler.toml). */
export interface Env {
	DB: D1Database;
	FILES: R2Bucket;
	ASSETS?: Fetcher;
	/** "development" exposes /api/v1/dev/*; anything else hides it. */
	APP_ENV?: string;
	/** Extra origins allowed to send non-GET requests, comma-separated (the app's own is always allowed). */
	APP_ORIGINS?: string;
}

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	role: 'brand' | 'creator' | 'admin';
	locale: 'fr' | 'ar' | 'en';
}

export type Locale = 'fr' | 'ar' | 'en';

/** Per-request values set by middleware. */
export interface Vars {
	requestId: string;
	locale: Locale;
	user: SessionUser | null;
	/** SHA-256 of the current session token, when there is a session. */
	sessionHash: string | null;
}

export type AppEnv = { Bindings: Env; Variables: Vars };
