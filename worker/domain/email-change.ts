/**
 * Changing the account's email address (issue 15, point 3): a sensitive change. The new
 * address gets a link like a password reset's (256 random bits, only their SHA-256 stored,
 * worker/domain/password-reset.ts), which works once, for 60 minutes, while it is the
 * account's latest; the address changes only when it is confirmed, and the old one is told.
 */
export const EMAIL_CHANGE = {
	/** How long the emailed link works. */
	ttlMs: 60 * 60 * 1000
} as const;

/** The page that opens from the email; the token is the last path segment. */
export const EMAIL_CHANGE_PAGE_PATH = '/email/confirm';

/** The link written into the email: `<origin>/email/confirm/<token>`. */
export function emailChangeLink(origin: string, token: string): string {
	return `${origin.replace(/\/+$/, '')}${EMAIL_CHANGE_PAGE_PATH}/${token}`;
}
