/** Platform plumbing: the email outbox and its delivery, in-app notifications, job failures, notification preferences. */
import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';

/**
 * The email outbox, which is also the delivery queue (worker/services/mail/).
 * A row is written `queued` (or `suppressed` when the recipient turned that category's email
 * off) in the same D1 batch as the change it tells about; delivery claims it (`sending`, with
 * a lease), then marks it `sent`, or puts it back `queued` with a later `next_attempt_at`, or
 * `failed` after a permanent refusal or MAX attempts. Rows are never deleted by delivery.
 */
export const outbox = sqliteTable(
	'outbox',
	{
		id: text('id').primaryKey(),
		toEmail: text('to_email').notNull(),
		subject: text('subject').notNull(),
		text: text('text').notNull(),
		createdAt: integer('created_at').notNull(),
		sentAt: integer('sent_at'),
		/** A MessageKind (worker/domain/message-kinds.ts); NULL only for rows written before delivery existed. */
		kind: text('kind'),
		/** The recipient's language: the HTML part's lang and dir. */
		locale: text('locale', { enum: ['fr', 'ar', 'en'] })
			.notNull()
			.default('fr'),
		status: text('status', { enum: ['queued', 'sending', 'sent', 'failed', 'suppressed'] })
			.notNull()
			.default('queued'),
		/** Delivery attempts started (counted when claimed, so a crash mid-send counts too). */
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error'),
		/** When a `queued` row is due (epoch ms). */
		nextAttemptAt: integer('next_attempt_at').notNull().default(0),
		/** While `sending`: when the claim lapses and the row is due again (the sender died). */
		leaseUntil: integer('lease_until'),
		/** The Message-ID (without angle brackets), fixed at the first attempt and reused by every retry. */
		messageId: text('message_id'),
		/** When a request pushed a `deliver_email` job for this row (at most once). */
		announcedAt: integer('announced_at')
	},
	(t) => [index('outbox_created_idx').on(t.createdAt), index('outbox_due_idx').on(t.status, t.nextAttemptAt)]
);

/** In-app notifications (an application accepted, a message received, …). */
export const notifications = sqliteTable(
	'notifications',
	{
		id: text('id').primaryKey(),
		userId: text('user_id').notNull(),
		/** Template key, e.g. "application_accepted"; the UI writes the sentence. */
		kind: text('kind').notNull(),
		/** JSON parameters of the template (ids, names). */
		payload: text('payload').notNull().default('{}'),
		createdAt: integer('created_at').notNull(),
		readAt: integer('read_at')
	},
	(t) => [index('notifications_user_idx').on(t.userId, t.createdAt)]
);

/**
 * Queue jobs that failed, per (kind, subject): the truth the cron sweep reads, since a
 * queue message that exhausts its retries leaves the queue (to the dead-letter queue).
 * `dead_at` is set when the dead-letter consumer receives it: the sweep then leaves that
 * subject to an operator instead of retrying it forever.
 */
export const jobFailures = sqliteTable(
	'job_failures',
	{
		kind: text('kind').notNull(),
		/** What the job is about (an agreement id…), from `jobSubject`. */
		subject: text('subject').notNull(),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error').notNull().default(''),
		lastFailedAt: integer('last_failed_at').notNull(),
		deadAt: integer('dead_at')
	},
	(t) => [primaryKey({ columns: [t.kind, t.subject] })]
);

/**
 * How a person wants to hear about each category of message (worker/domain/message-kinds.ts):
 * 'email' (email and in-app), 'in_app' or 'off'. A missing row is the default ('email');
 * mandatory categories (account, signing) ignore what is stored here.
 */
export const notificationPreferences = sqliteTable(
	'notification_preferences',
	{
		userId: text('user_id').notNull(),
		category: text('category').notNull(),
		channel: text('channel', { enum: ['email', 'in_app', 'off'] }).notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.category] })]
);

/**
 * Reminders the cron has sent (worker/jobs/send-reminders.ts), one row per (kind, subject,
 * due moment): writing this row, the in-app notifications and the outbox emails in one D1
 * batch, with `INSERT … ON CONFLICT DO NOTHING` and the messages conditional on this run's
 * `token`, is what makes a reminder go out once however many runs, retries or overlapping
 * runs meet it. `subject` names what the reminder is about and for whom (an agreement and a
 * party, a brand); the recipient columns say who it went to.
 */
export const reminders = sqliteTable(
	'reminders',
	{
		/** A reminder kind of worker/domain/reminders.ts, e.g. "agreement_unsigned_reminder". */
		kind: text('kind').notNull(),
		/** What it is about, e.g. "<agreement id>:creator" or "<brand id>". */
		subject: text('subject').notNull(),
		/** The moment it became due (epoch ms): a new due moment (a re-sent agreement, a new week) is a new reminder. */
		dueAt: integer('due_at').notNull(),
		/** The user it went to, when it went to one person. */
		recipientUserId: text('recipient_user_id'),
		/** The brand whose members it went to, when it went to a team. */
		recipientBrandId: text('recipient_brand_id'),
		/** Random per attempt: the messages of a batch are written only if the stored row carries this run's token. */
		token: text('token').notNull(),
		/** When the run that wrote it (and its messages) believed it was. */
		sentAt: integer('sent_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.kind, t.subject, t.dueAt] })]
);
