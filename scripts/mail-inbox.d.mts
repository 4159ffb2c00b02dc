// Types of scripts/mail-inbox.mjs (the local SMTP server with a web inbox), for the TypeScript that starts it in tests.
export interface MailInbox {
	smtpPort: number;
	httpPort: number;
	/** The web inbox, e.g. http://127.0.0.1:1080 */
	url: string;
	close(): Promise<void>;
}

export function startMailInbox(options?: { host?: string; smtpPort?: number; httpPort?: number; scriptable?: boolean }): Promise<MailInbox>;
