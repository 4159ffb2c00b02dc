/**
 * Rate limits on authentication. Fixed windows with exact counters in D1
 * (worker/rate-limit.ts); these numbers are the whole policy.
 */
export interface Limit {
	/** Prefix of the counter key. */
	name: string;
	max: number;
	windowMs: number;
}

export const LIMITS = {
	/** Sign-ups from one IP. */
	registerIp: { name: 'register:ip', max: 10, windowMs: 60 * 60 * 1000 },
	/** Sign-up attempts for one email (someone hammering an address). */
	registerAccount: { name: 'register:acct', max: 5, windowMs: 60 * 60 * 1000 },
	/** Login attempts from one IP, whatever the account. */
	loginIp: { name: 'login:ip', max: 30, windowMs: 15 * 60 * 1000 },
	/** Failed logins for one account, whatever the IP. */
	loginAccount: { name: 'login:acct', max: 5, windowMs: 15 * 60 * 1000 },
	/** Wrong second-factor codes for one user outside login (confirming enrolment, re-authenticating); a right one gives its slot back. */
	secondFactorUser: { name: '2fa:user', max: 10, windowMs: 15 * 60 * 1000 },
	/** Signing codes sent to one user for one agreement (keyed `<agreementId>:<userId>`). */
	signingCode: { name: 'sign-code', max: 5, windowMs: 60 * 60 * 1000 },
	/** Public PDF verifications from one IP (each one hashes and parses up to 10 MB). */
	verifyIp: { name: 'verify:ip', max: 30, windowMs: 10 * 60 * 1000 },
	/** Password-reset requests from one IP, whatever the address (each may send an email). */
	passwordResetIp: { name: 'pw-reset:ip', max: 20, windowMs: 60 * 60 * 1000 },
	/** Password-reset requests for one address, whether or not an account has it (someone flooding an inbox). */
	passwordResetAccount: { name: 'pw-reset:acct', max: 5, windowMs: 60 * 60 * 1000 },
	/** New passwords set from reset links, from one IP (each one hashes a password). */
	passwordResetConfirmIp: { name: 'pw-reset-confirm:ip', max: 30, windowMs: 15 * 60 * 1000 },
	/** Email-address changes asked by one account (each one emails the new address). */
	emailChangeUser: { name: 'email-change:user', max: 5, windowMs: 60 * 60 * 1000 },
	/** Email-change links confirmed from one IP. */
	emailChangeConfirmIp: { name: 'email-change-confirm:ip', max: 30, windowMs: 15 * 60 * 1000 },
	/** New campaign invitations sent by one brand per UTC day (each one emails a creator): a brand picks, it does not spam. */
	campaignInvitationsBrand: { name: 'campaign-invite:brand', max: 40, windowMs: 24 * 60 * 60 * 1000 }
} as const satisfies Record<string, Limit>;

export function windowStart(now: number, limit: Limit): number {
	return Math.floor(now / limit.windowMs) * limit.windowMs;
}

/** Seconds until the window that contains `now` ends (at least 1). */
export function retryAfterSeconds(now: number, limit: Limit): number {
	return Math.max(1, Math.ceil((windowStart(now, limit) + limit.windowMs - now) / 1000));
}
