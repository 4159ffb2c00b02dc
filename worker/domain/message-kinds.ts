/**
 * Every message Wasla sends — in-app notification, email or both — has a kind, and every
 * kind belongs to one category. People choose per category how they want to hear about it
 * (issue 10, point 3): by email (and in-app), in-app only, or not at all. Account security
 * and signing messages cannot be turned off: a signing code that never arrives blocks a
 * contract, and a security notice is the point of having one.
 *
 * Pure data and rules; the choice is stored in `notification_preferences` (one row per
 * user and category that differs from the default) and applied where messages are written.
 */

export const MESSAGE_CATEGORIES = ['account', 'signing', 'applications', 'deliverables', 'messages', 'team'] as const;
export type MessageCategory = (typeof MESSAGE_CATEGORIES)[number];

/** How someone wants to hear about a category. */
export const CHANNELS = ['email', 'in_app', 'off'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What everyone gets until they choose otherwise. */
export const DEFAULT_CHANNEL: Channel = 'email';

/** Categories whose messages always go out by email and in-app, whatever is stored. */
export const MANDATORY_CATEGORIES: ReadonlySet<MessageCategory> = new Set(['account', 'signing']);

/**
 * Each kind of message and its category. A new kind of email or notification is added here
 * first; the compiler then asks for its category wherever kinds are listed.
 */
export const MESSAGE_KINDS = {
	// account security
	team_invitation: 'account',
	password_reset: 'account',
	email_change: 'account',
	email_changed: 'account',
	// signing
	agreement_sent: 'signing',
	signing_code: 'signing',
	agreement_signed: 'signing',
	agreement_completed: 'signing',
	agreement_unsigned_reminder: 'signing',
	agreement_details_needed: 'signing',
	// applications
	application_received: 'applications',
	application_shortlisted: 'applications',
	application_accepted: 'applications',
	application_declined: 'applications',
	applicants_waiting_reminder: 'applications',
	// a brand invites a creator from its matches to apply (issue 14, point 6)
	campaign_invitation: 'applications',
	// deliverables: drafts, reviews, publication, stats, withdrawals of signed agreements
	deliverable_update: 'deliverables',
	deliverable_draft_due: 'deliverables',
	deliverable_draft_late: 'deliverables',
	deliverable_review_waiting: 'deliverables',
	deliverable_publication_due: 'deliverables',
	deliverable_publication_late: 'deliverables',
	deliverable_stats_due: 'deliverables',
	deliverable_stats_late: 'deliverables',
	withdrawal_overdue: 'deliverables',
	reuse_rights_ending: 'deliverables',
	// payouts of signed agreements (issue 13): the work's payment, so the same category as the work
	payout_update: 'deliverables',
	payout_overdue: 'deliverables',
	payout_dispute_waiting: 'deliverables',
	// messages
	message_received: 'messages',
	// team
	team_invitation_received: 'team',
	team_invitation_accepted: 'team',
	team_invitation_declined: 'team',
	team_member_left: 'team'
} as const satisfies Record<string, MessageCategory>;

export type MessageKind = keyof typeof MESSAGE_KINDS;

export function categoryOf(kind: MessageKind): MessageCategory {
	return MESSAGE_KINDS[kind];
}

export function isMandatory(kind: MessageKind): boolean {
	return MANDATORY_CATEGORIES.has(categoryOf(kind));
}

/** The channel that applies to `kind` for someone whose stored choice for its category is `stored` (undefined: never chose). */
export function effectiveChannel(kind: MessageKind, stored: Channel | undefined): Channel {
	if (isMandatory(kind)) return 'email';
	return stored ?? DEFAULT_CHANNEL;
}

/** Whether a message of `kind` goes out by email under that choice. */
export function sendsEmail(kind: MessageKind, stored: Channel | undefined): boolean {
	return effectiveChannel(kind, stored) === 'email';
}

/** Whether a message of `kind` appears in the in-app inbox under that choice. */
export function showsInApp(kind: MessageKind, stored: Channel | undefined): boolean {
	return effectiveChannel(kind, stored) !== 'off';
}
