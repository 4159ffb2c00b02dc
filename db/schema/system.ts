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
