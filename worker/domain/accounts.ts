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

/** Handles a creator may not take: words of the app's own addresses and of its roles. */
const RESERVED_HANDLES = new Set([
	'admin',
	'api',
	'wasla',
	'support',
	'help',
	'aide',
	'contact',
	'deleted',
	'login',
	'signup',
	'settings',
	'profile',
	'dashboard',
	'campaigns',
	'agreements',
	'verify',
	'c'
]);

/** Shortest and longest handle a creator may choose. */
export const HANDLE_MIN = 3;
export const HANDLE_MAX = 30;

/**
 * A handle as typed ("@Nour.Beauty ", "nour_beauty") in the form it is stored: no leading "@",
 * trimmed, lower case (issue 14, point 7: a creator chooses their media-kit address, since an
 * Arabic display name gives no Latin handle of its own).
 */
export function normaliseHandle(raw: string): string {
	return raw.trim().replace(/^@+/u, '').toLowerCase();
}

/**
 * Why a chosen (normalised) handle is refused, or null: 3 to 30 Latin letters, digits, ".", "_"
 * or "-", starting and ending with a letter or digit, no two punctuation marks in a row, not a
 * reserved word. Latin only: it is a web address (/c/<handle>) read the same in every language.
 */
export function handleProblem(handle: string): 'creator_handle_choice_invalid' | 'creator_handle_reserved' | null {
	if (handle.length < HANDLE_MIN || handle.length > HANDLE_MAX) return 'creator_handle_choice_invalid';
	if (!/^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/u.test(handle) || /[._-]{2}/u.test(handle)) return 'creator_handle_choice_invalid';
	if (RESERVED_HANDLES.has(handle) || handle.startsWith('deleted.')) return 'creator_handle_reserved';
	return null;
}

export const INVITATION_TTL_MS = 14 * 24 * 3600 * 1000;
