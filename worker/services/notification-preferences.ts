/**
 * How each person wants to hear about each category of message (issue 10, point 3): by
 * email (and in-app), in-app only, or not at all. Only choices that differ from the default
 * are stored (`notification_preferences`); account and signing cannot be changed. In-app
 * notifications apply them where they are written (worker/services/notifications.ts).
 */
import type { CallerContext } from '../context';
import { type Channel, DEFAULT_CHANNEL, MANDATORY_CATEGORIES, MESSAGE_CATEGORIES, type MessageCategory } from '../domain/message-kinds';
import { AppError } from '../errors';

export interface Preference {
	category: MessageCategory;
	channel: Channel;
	locked: boolean;
}

/** Every category with the channel that applies to the caller, locked ones first as they are listed. */
export async function getPreferences(ctx: CallerContext): Promise<{ preferences: Preference[] }> {
	const { results } = await ctx.db.prepare('SELECT category, channel FROM notification_preferences WHERE user_id = ?1').bind(ctx.user.id).all<{ category: string; channel: Channel }>();
	const stored = new Map(results.map((r) => [r.category, r.channel]));
	return {
		preferences: MESSAGE_CATEGORIES.map((category) => {
			const locked = MANDATORY_CATEGORIES.has(category);
			return { category, channel: locked ? 'email' : (stored.get(category) ?? DEFAULT_CHANNEL), locked };
		})
	};
}

/**
 * Changes the caller's listed categories. A locked category in the request refuses the whole request
 * (422, naming the field) and nothing is written; the others are written in one batch (the
 * default channel removes the row).
 */
export async function setPreferences(ctx: CallerContext, input: { changes: Partial<Record<MessageCategory, Channel>> }): Promise<{ preferences: Preference[] }> {
	const { changes } = input;
	const userId = ctx.user.id;
	const entries = MESSAGE_CATEGORIES.flatMap((c) => (changes[c] === undefined ? [] : [[c, changes[c]] as const]));
	const locked = entries.filter(([c]) => MANDATORY_CATEGORIES.has(c));
	if (locked.length > 0) {
		throw new AppError('unprocessable', { detailKey: 'detail_preference_locked', fieldKeys: locked.map(([c]) => ({ path: c, key: 'preference_locked' })) });
	}
	if (entries.length > 0) {
		await ctx.db.batch(
			entries.map(([category, channel]) =>
				channel === DEFAULT_CHANNEL
					? ctx.db.prepare('DELETE FROM notification_preferences WHERE user_id = ?1 AND category = ?2').bind(userId, category)
					: ctx.db
							.prepare(
								`INSERT INTO notification_preferences (user_id, category, channel, updated_at) VALUES (?1, ?2, ?3, ?4)
								 ON CONFLICT (user_id, category) DO UPDATE SET channel = excluded.channel, updated_at = excluded.updated_at`
							)
							.bind(userId, category, channel, ctx.now)
			)
		);
	}
	return getPreferences(ctx);
}
