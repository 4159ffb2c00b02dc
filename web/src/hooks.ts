/**
 * Universal hooks. `transport`: how values that are not plain data cross from the server's
 * render to the browser. A PageMessages (the page's messages) crosses as an empty marker: the
 * messages themselves are in the page's HTML already ($lib/i18n/page-messages.ts says why).
 */
import type { Transport } from '@sveltejs/kit';
import { embeddedMessages, PageMessages } from '$lib/i18n/page-messages';

export const transport: Transport = {
	PageMessages: {
		encode: (value) => value instanceof PageMessages && [],
		decode: () => new PageMessages(embeddedMessages())
	}
};
