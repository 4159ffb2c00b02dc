/** Schemas of the inbox query and the notification preferences (issue 10, point 3). */
import * as v from 'valibot';
import { CHANNELS, MESSAGE_CATEGORIES } from '../domain/message-kinds';

const PageParam = v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'page_invalid'), v.toNumber(), v.minValue(1, 'page_invalid')), '1');

export const NotificationsQuery = v.object({
	page: PageParam,
	category: v.optional(v.pipe(v.picklist(MESSAGE_CATEGORIES, 'category_invalid'), v.description('Only notifications of this category.')))
});

const ChannelValue = v.pipe(v.picklist(CHANNELS, 'channel_invalid'), v.description('email (email and in-app), in_app (in-app only) or off.'));

/**
 * PUT /me/notification-preferences: the categories to change, each to a channel; the others
 * keep their choice. Account and signing are accepted here only to be refused with a clear
 * answer (they cannot be changed).
 */
export const PreferencesBody = v.strictObject(
	Object.fromEntries(MESSAGE_CATEGORIES.map((c) => [c, v.optional(ChannelValue)])) as Record<(typeof MESSAGE_CATEGORIES)[number], v.OptionalSchema<typeof ChannelValue, undefined>>
);

export const PreferencesOut = v.object({
	preferences: v.array(
		v.object({
			category: v.picklist(MESSAGE_CATEGORIES),
			channel: v.picklist(CHANNELS),
			/** Account and signing: always by email and in-app. */
			locked: v.boolean()
		})
	)
});
