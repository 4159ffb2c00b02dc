/**
 * The SMTP adapter: configuration from Worker variables and secrets (SMTP_HOST, SMTP_PORT,
 * SMTP_USER, SMTP_PASSWORD, SMTP_FROM, SMTP_SECURE; see worker/env.ts), one connection per
 * message through our SMTP client (smtp-client.ts), and what a failure means for the
 * message: retry later, or give up.
 */
import type { Env } from '../../env';
import { isMailAddress } from '../../domain/mail';
import type { MailProvider, OutgoingMail, SendResult } from './provider';
import { type SmtpOptions, type SmtpStage, SmtpError, sendMail } from './smtp-client';

export interface SmtpConfig {
	host: string;
	port: number;
	/** `tls`: implicit TLS; `starttls`: STARTTLS, required before login and message; `off`: plain (a local development server). */
	secure: 'tls' | 'starttls' | 'off';
	user?: string;
	password?: string;
	from: { name?: string; address: string };
}

/** The sender: `Name <address>` or a bare address. */
function parseFrom(raw: string): SmtpConfig['from'] | null {
	const m = /^\s*(?:"?([^"<>]*?)"?\s*<([^<>\s]+)>|([^<>\s]+))\s*$/.exec(raw);
	if (!m) return null;
	const address = m[2] ?? m[3];
	if (!isMailAddress(address)) return null;
	const name = m[1]?.trim();
	return name ? { name, address } : { address };
}

/** The SMTP configuration in `env`, or why there is none (never the password). */
export function smtpConfig(env: Env): { ok: true; config: SmtpConfig } | { ok: false; reason: string } {
	const host = env.SMTP_HOST?.trim();
	if (!host) return { ok: false, reason: 'SMTP_HOST is not set' };
	const rawFrom = env.SMTP_FROM?.trim();
	if (!rawFrom) return { ok: false, reason: 'SMTP_FROM is not set' };
	const from = parseFrom(rawFrom);
	if (!from) return { ok: false, reason: 'SMTP_FROM is not one address (Name <address> or address)' };
	const secureRaw = (env.SMTP_SECURE?.trim().toLowerCase() || 'starttls') as SmtpConfig['secure'];
	if (!['tls', 'starttls', 'off'].includes(secureRaw)) return { ok: false, reason: 'SMTP_SECURE must be tls, starttls or off' };
	const portRaw = env.SMTP_PORT?.trim();
	const port = portRaw ? Number(portRaw) : secureRaw === 'tls' ? 465 : 587;
	if (!Number.isInteger(port) || port < 1 || port > 65535) return { ok: false, reason: 'SMTP_PORT is not a port number' };
	const user = env.SMTP_USER?.trim() || undefined;
	if (user && !env.SMTP_PASSWORD) return { ok: false, reason: 'SMTP_USER is set without SMTP_PASSWORD' };
	return { ok: true, config: { host, port, secure: secureRaw, user, password: user ? env.SMTP_PASSWORD : undefined, from } };
}

/** Deadline of each SMTP step (connecting, each reply): a conversation ends well within the claim's lease. */
const TIMEOUT_MS = 15_000;

/** Stages where a 5xx refuses this message (its recipient or content), not the server or our login. */
const MESSAGE_STAGES: ReadonlySet<SmtpStage> = new Set(['rcpt', 'data', 'message']);

/**
 * A failed conversation as a send result. A 5xx reply to RCPT, DATA or the end of the data
 * refuses this message: permanent. Anything else — a 4xx, a timeout, a closed or refused
 * connection, a greeting, TLS, login or MAIL FROM problem (the server or our configuration,
 * not the message) — is tried again later, and one that happened before the message was
 * handed over stops the batch: the next message would meet the same server.
 */
export function classifySmtpError(error: unknown): Extract<SendResult, { ok: false }> {
	if (!(error instanceof SmtpError)) return { ok: false, retryable: true, stopBatch: true, error: String(error instanceof Error ? error.message : error).slice(0, 500) };
	const messageStage = MESSAGE_STAGES.has(error.stage);
	const permanent = messageStage && error.code !== undefined && error.code >= 500;
	return { ok: false, retryable: !permanent, stopBatch: !messageStage, error: `${error.stage}: ${error.message}`.slice(0, 500) };
}

export function smtpProvider(config: SmtpConfig): MailProvider {
	const options: SmtpOptions = {
		host: config.host,
		port: config.port,
		secure: config.secure,
		user: config.user,
		password: config.password,
		clientName: config.from.address.slice(config.from.address.lastIndexOf('@') + 1),
		timeoutMs: TIMEOUT_MS
	};
	return {
		async send(mail: OutgoingMail): Promise<SendResult> {
			try {
				await sendMail(options, { from: mail.from, to: mail.to, data: mail.data });
				return { ok: true };
			} catch (err) {
				return classifySmtpError(err);
			}
		}
	};
}
