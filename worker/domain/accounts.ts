/** Pure rules about accounts: email normalisation, creator handles, invitation validity. */

/** Emails are compared trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

/**
 * A public handle for the media kit (/c/<handle>): ASCII letters, digits, dots and dashes
 * from the display name, plus a suffix that keeps it unique.
 */
export function creatorHandle(displayName: string, suffix: string): string {
	const base = displayName
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '.')
		.replace(/^\.+|\.+$/g, '')
		.slice(0, 24);
	return `${base || 'createur'}.${suffix}`;
}

export const INVITATION_TTL_MS = 14 * 24 * 3600 * 1000;
