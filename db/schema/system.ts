/** Platform plumbing: the email outbox (delivered by a mail provider in production). */
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const outbox = sqliteTable(
	'outbox',
	{
		id: text('id').primaryKey(),
		toEmail: text('to_email').notNull(),
		subject: text('subject').notNull(),
		text: text('text').notNull(),
		createdAt: integer('created_at').notNull(),
		sentAt: integer('sent_at')
	},
	(t) => [index('outbox_created_idx').on(t.createdAt)]
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
