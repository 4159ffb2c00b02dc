/**
 * Vitest global setup (workers project): a real SMTP server with its inbox API
 * (scripts/mail-inbox.mjs) on free loopback ports for the whole run. The Worker under test
 * gets its address as SMTP_HOST/SMTP_PORT (vitest.config.ts), so every email the tests write
 * is delivered over SMTP; tests read what arrived from INBOX_URL (test/api/inbox.ts).
 */
import type { TestProject } from 'vitest/node';
import { startMailInbox } from '../scripts/mail-inbox.mjs';

declare module 'vitest' {
	export interface ProvidedContext {
		smtpPort: number;
		inboxUrl: string;
	}
}

export default async function setup(project: TestProject) {
	const inbox = await startMailInbox({ scriptable: true });
	project.provide('smtpPort', inbox.smtpPort);
	project.provide('inboxUrl', inbox.url);
	return () => inbox.close();
}
