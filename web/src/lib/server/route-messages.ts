/**
 * The messages a page is sent: those its route's files can show (found at build time by
 * scripts/i18n-route-keys.mjs, see web/vite.config.ts), in the reader's language. A page
 * outside every route (a 404) gets the layout's and the error page's.
 */
import { keys, routes, fallback } from 'virtual:wasla/route-keys';
import type { Key, Locale, Messages } from '../i18n';
import { catalogues } from './i18n';

const cache = new Map<string, Messages>();

export function messagesFor(locale: Locale, routeId: string | null): Messages {
	const id = `${locale} ${routeId ?? ''}`;
	let messages = cache.get(id);
	if (messages) return messages;
	const indexes = (routeId !== null && routes[routeId]) || fallback;
	const catalogue = catalogues[locale];
	messages = {};
	for (const i of indexes) {
		const key = keys[i] as Key;
		messages[key] = catalogue[key];
	}
	cache.set(id, messages);
	return messages;
}

const scripts = new WeakMap<Messages, string>();

/**
 * A rendered page's messages as the text of app.html's `wasla-messages` script element
 * ($lib/i18n/page-messages.ts), written once per route and language (the messages objects
 * above are cached the same way). Every `<` is escaped, so no message can close the element.
 */
export function messagesJson(messages: Messages): string {
	let json = scripts.get(messages);
	if (json === undefined) {
		json = JSON.stringify(messages).replace(/</g, '\\u003c');
		scripts.set(messages, json);
	}
	return json;
}
