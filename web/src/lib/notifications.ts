/**
 * Message categories and channels as the UI shows them (the API's list is
 * worker/domain/message-kinds.ts; the pages ask the API which are locked).
 */
export const CATEGORIES = ['account', 'signing', 'applications', 'deliverables', 'messages', 'team'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CHANNELS = ['email', 'in_app', 'off'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Preference {
	category: Category;
	channel: Channel;
	locked: boolean;
}

export function isCategory(value: unknown): value is Category {
	return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

export function isChannel(value: unknown): value is Channel {
	return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
