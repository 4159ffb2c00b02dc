/**
 * Accounts: users, brand organisations and their members, invitations, sessions.
 * Times are integer milliseconds since the epoch (UTC).
 */
import { sqliteTable, text, integer, primaryKey, index, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable(
	'users',
	{
		id: text('id').primaryKey(),
		/** Lower-cased, trimmed. */
		email: text('email').notNull(),
		name: text('name').notNull(),
		role: text('role', { enum: ['brand', 'creator', 'admin'] }).notNull(),
		/** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`; null = cannot log in (seeded profiles). */
		passwordHash: text('password_hash'),
		locale: text('locale', { enum: ['fr', 'ar', 'en'] })
			.notNull()
			.default('fr'),
		createdAt: integer('created_at').notNull(),
		passwordChangedAt: integer('password_changed_at'),
		/**
		 * The brand a brand user chose to work in (switched explicitly, or on accepting an
		 * invitation). Null, or a brand they no longer belong to, falls back to the brand they
		 * own, then their oldest membership (worker/services/accounts.ts `currentBrand`).
		 */
		currentBrandId: text('current_brand_id').references((): AnySQLiteColumn => brands.id),
		/**
		 * Second factor (issue 15): the TOTP secret, AES-GCM encrypted with the Worker secret
		 * MFA_ENCRYPTION_KEY (worker/domain/two-factor.ts, `v1.<iv>.<ciphertext>`); null while the factor is off.
		 */
		totpSecret: text('totp_secret'),
		/** When the factor was turned on (confirmed with a first code); null while off. */
		totpEnabledAt: integer('totp_enabled_at'),
		/** The last 30-second step a TOTP code was accepted for: a code of that step or an earlier one is a replay. */
		totpLastStep: integer('totp_last_step'),
		/** A secret being enrolled, encrypted like `totp_secret`, until a first code confirms it. */
		totpPendingSecret: text('totp_pending_secret'),
		/** When that enrolment started (it is refused after 15 minutes). */
		totpPendingAt: integer('totp_pending_at')
	},
	(t) => [uniqueIndex('users_email_uq').on(t.email)]
);

export const brands = sqliteTable(
	'brands',
	{
		id: text('id').primaryKey(),
		name: text('name').notNull(),
		ownerUserId: text('owner_user_id')
			.notNull()
			.references(() => users.id),
		/** The brand's WhatsApp Business number (E.164, +213…): where click-to-chat links open; null until given. */
		whatsappPhone: text('whatsapp_phone'),
		createdAt: integer('created_at').notNull()
	},
	// One owned brand per account is checked on this column (sign-up, POST /brands).
	(t) => [index('brands_owner_idx').on(t.ownerUserId)]
);

export const brandMembers = sqliteTable(
	'brand_members',
	{
		brandId: text('brand_id')
			.notNull()
			.references(() => brands.id),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		role: text('role', { enum: ['owner', 'member'] }).notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.brandId, t.userId] }), index('brand_members_user_idx').on(t.userId)]
);

export const brandInvitations = sqliteTable(
	'brand_invitations',
	{
		id: text('id').primaryKey(),
		brandId: text('brand_id')
			.notNull()
			.references(() => brands.id),
		email: text('email').notNull(),
		invitedBy: text('invited_by')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at').notNull(),
		expiresAt: integer('expires_at').notNull(),
		acceptedAt: integer('accepted_at'),
		acceptedBy: text('accepted_by').references(() => users.id),
		/** The invitee said no; the inviter sees it in the team list. */
		declinedAt: integer('declined_at'),
		/** The brand owner withdrew it before an answer. */
		revokedAt: integer('revoked_at')
	},
	(t) => [index('brand_invitations_email_idx').on(t.email), index('brand_invitations_brand_idx').on(t.brandId, t.createdAt)]
);

export const sessions = sqliteTable(
	'sessions',
	{
		/** SHA-256 (hex) of the cookie token; the token itself is never stored. */
		tokenHash: text('token_hash').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at').notNull(),
		lastSeenAt: integer('last_seen_at').notNull(),
		idleExpiresAt: integer('idle_expires_at').notNull(),
		absoluteExpiresAt: integer('absolute_expires_at').notNull(),
		ip: text('ip'),
		userAgent: text('user_agent'),
		/**
		 * When the user last proved who they are in this session (login, or the password and
		 * second factor again on /reauth): sensitive changes need it within 5 minutes.
		 */
		reauthAt: integer('reauth_at')
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/**
 * Single-use recovery codes of the second factor: 10 per user, shown once; only their
 * SHA-256 is stored. A used code keeps its row (`used_at`) until the codes are regenerated.
 */
export const recoveryCodes = sqliteTable(
	'recovery_codes',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		/** SHA-256 (hex) of the normalised code (upper case, no dashes or spaces). */
		codeHash: text('code_hash').notNull(),
		createdAt: integer('created_at').notNull(),
		usedAt: integer('used_at')
	},
	(t) => [primaryKey({ columns: [t.userId, t.codeHash] })]
);

/**
 * A login whose password was right but whose second factor is still awaited: the token in the
 * HttpOnly cookie `wasla_login` (only its SHA-256 here), valid 5 minutes; a session is issued
 * only once a TOTP or recovery code is given.
 */
export const loginChallenges = sqliteTable(
	'login_challenges',
	{
		tokenHash: text('token_hash').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at').notNull(),
		expiresAt: integer('expires_at').notNull(),
		/** Wrong codes given with this token; at 5 it is deleted and the password must be given again. */
		failures: integer('failures').notNull().default(0)
	},
	(t) => [index('login_challenges_user_idx').on(t.userId), index('login_challenges_expires_idx').on(t.expiresAt)]
);

/**
 * Passkeys (WebAuthn credentials), a second factor beside TOTP (issue 15, point 3): the
 * credential's id and COSE public key (base64url), the signature counter the authenticator
 * last reported (a lower one is refused: a cloned authenticator), its transports and a name
 * the user gave it. A user with at least one passkey gets the second-factor step at login.
 */
export const passkeys = sqliteTable(
	'passkeys',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		/** The credential id as the browser gives it (base64url); unique across accounts. */
		credentialId: text('credential_id').notNull(),
		/** The COSE public key (base64url). */
		publicKey: text('public_key').notNull(),
		counter: integer('counter').notNull().default(0),
		/** JSON array of transports (`internal`, `hybrid`, `usb`…), as hints for the browser. */
		transports: text('transports').notNull().default('[]'),
		name: text('name').notNull(),
		createdAt: integer('created_at').notNull(),
		lastUsedAt: integer('last_used_at')
	},
	(t) => [uniqueIndex('passkeys_credential_idx').on(t.credentialId), index('passkeys_user_idx').on(t.userId)]
);

/**
 * WebAuthn challenges waiting for their answer: one per purpose and binding (the session for
 * registering and re-authenticating, the pending login for signing in: only SHA-256 hashes of
 * those tokens here), valid 5 minutes and single use (deleted when an answer is checked, right or wrong).
 */
export const webauthnChallenges = sqliteTable(
	'webauthn_challenges',
	{
		/** `<purpose>:<hash of the session or pending-login token>`. */
		bindingKey: text('binding_key').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		/** base64url, as sent in the options and returned in clientDataJSON. */
		challenge: text('challenge').notNull(),
		createdAt: integer('created_at').notNull(),
		expiresAt: integer('expires_at').notNull()
	},
	(t) => [index('webauthn_challenges_user_idx').on(t.userId), index('webauthn_challenges_expires_idx').on(t.expiresAt)]
);

/**
 * Password-reset links (issue 14): one row per emailed link. Only the SHA-256 of the link's
 * token is stored. A link works once (`used_at`), for 30 minutes (`expires_at`), and only
 * while it is the user's latest: a new request deletes the older unused ones.
 */
export const passwordResets = sqliteTable(
	'password_resets',
	{
		/** SHA-256 (hex) of the token in the emailed link; the token itself is never stored. */
		tokenHash: text('token_hash').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at').notNull(),
		expiresAt: integer('expires_at').notNull(),
		/** When the link set a new password; null while unused. */
		usedAt: integer('used_at')
	},
	(t) => [index('password_resets_user_idx').on(t.userId), index('password_resets_expires_idx').on(t.expiresAt)]
);

/**
 * Email-address changes waiting for their confirmation (issue 15, point 3): the new address,
 * and the SHA-256 of the token in the link emailed to it. The address changes only when the
 * link is opened and confirmed, once, within its time and while it is the user's latest.
 */
export const emailChanges = sqliteTable(
	'email_changes',
	{
		tokenHash: text('token_hash').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		/** Lower-cased, trimmed. */
		newEmail: text('new_email').notNull(),
		createdAt: integer('created_at').notNull(),
		expiresAt: integer('expires_at').notNull(),
		usedAt: integer('used_at')
	},
	(t) => [index('email_changes_user_idx').on(t.userId), index('email_changes_expires_idx').on(t.expiresAt)]
);

/** Fixed-window counters for rate limits: one row per key, reset when the window moves. */
export const rateLimits = sqliteTable('rate_limits', {
	key: text('key').primaryKey(),
	windowStart: integer('window_start').notNull(),
	count: integer('count').notNull()
});

/**
 * What a user accepted, and when (issue 15, point 6): one row per document and version, written
 * at sign-up for the terms and the privacy notice (versions in worker/domain/legal.ts). Kept
 * after erasure with the pseudonymised `users` row: it is the proof the processing had a basis.
 */
export const userConsents = sqliteTable(
	'user_consents',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		document: text('document', { enum: ['terms', 'privacy'] }).notNull(),
		/** The document's version, `YYYY-MM-DD` of its text (LEGAL_DOCUMENTS). */
		version: text('version').notNull(),
		/** Epoch ms (UTC). */
		acceptedAt: integer('accepted_at').notNull(),
		/** The language the document was shown in. */
		locale: text('locale', { enum: ['fr', 'ar', 'en'] }).notNull(),
		/** `web`: the sign-up form's ticked box; `api`: a client that registered without `acceptTerms` (the current versions apply). */
		source: text('source', { enum: ['web', 'api'] }).notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.document, t.version] })]
);
