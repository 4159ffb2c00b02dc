/**
 * How a page's messages reach the browser. On a server-rendered page they travel once, as JSON
 * in a `<script type="application/json">` of the HTML that the server writes once per route and
 * language (hooks.server.ts, $lib/server/route-messages.ts), instead of inside the page's
 * serialized data: SvelteKit serializes that data for every render (devalue), and the
 * messages are three quarters of it — measurable Worker CPU on every page (issue 15, point 4).
 * The root layout's server load hands them over wrapped in PageMessages, which the transport
 * hook (hooks.ts) serializes as an empty marker and the browser turns back into the messages
 * read from that script. A client-side navigation's data still carries them plainly.
 */
import type { Messages } from './index';

/** The id of the script element that holds a rendered page's messages (in web/src/app.html, nonced like every inline script). */
export const PAGE_MESSAGES_ID = 'wasla-messages';

/** A page's messages, sent through the HTML's JSON script rather than the page's serialized data. */
export class PageMessages {
	constructor(readonly messages: Messages) {}
}

/** The messages the server wrote into this page's HTML (none if the script is missing: the translator then reports each key). */
export function embeddedMessages(): Messages {
	const text = document.getElementById(PAGE_MESSAGES_ID)?.textContent?.trim();
	return text ? (JSON.parse(text) as Messages) : {};
}

/** The messages themselves, however the layout's data carried them. */
export function messagesOf(value: Messages | PageMessages): Messages {
	return value instanceof PageMessages ? value.messages : value;
}
