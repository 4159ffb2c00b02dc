/**
 * Email delivery, the pure parts and the SMTP edges (issue 10, point 4): backoff and bounds,
 * the multipart message, the HTML part, configuration, and what the SMTP client does with a
 * server that is not there, has no STARTTLS or refuses.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ALTERNATIVE_BOUNDARY, buildAlternativeMessage, type MailHeaders } from '../../worker/domain/mail';
import { afterFailure, MAX_ATTEMPTS, messageIdFor, retryDelayMs, signingCodeIn } from '../../worker/domain/mail-delivery';
import { escapeHtml, mailHtml } from '../../worker/domain/mail-html';
import { dotStuff, SmtpError, sendMail } from '../../worker/services/mail/smtp-client';
import { classifySmtpError, smtpConfig } from '../../worker/services/mail/smtp';
import type { Env } from '../../worker/env';

const MINUTE = 60_000;
const headers: MailHeaders = {
	from: { name: 'Wasla', address: 'no-reply@wasla.dz' },
	to: 'meriem@example.dz',
	subject: 'رمز التوقيع الخاص بك: 482913',
	date: Date.UTC(2026, 11, 4, 9, 0, 0),
	messageId: 'row-1@wasla.dz'
};

const fromBase64 = (b64: string) => new TextDecoder().decode(Uint8Array.from(atob(b64.replace(/\r\n/g, '')), (c) => c.charCodeAt(0)));

describe('backoff and bounds', () => {
	it('waits 1, 2, 4 … minutes after each failed attempt, at most an hour', () => {
		expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => retryDelayMs(n) / MINUTE)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
	});

	it('a retryable failure is retried until the last allowed attempt; a permanent one fails at once', () => {
		expect(afterFailure(1, true)).toBe('queued');
		expect(afterFailure(MAX_ATTEMPTS - 1, true)).toBe('queued');
		expect(afterFailure(MAX_ATTEMPTS, true)).toBe('failed');
		expect(afterFailure(1, false)).toBe('failed');
	});

	it('the Message-ID is the row id at the sender’s domain; the code comes from the subject’s end', () => {
		expect(messageIdFor('0b6f-42', 'no-reply@wasla.dz')).toBe('0b6f-42@wasla.dz');
		expect(signingCodeIn('Votre code de signature : 123456')).toBe('123456');
		expect(signingCodeIn('Accord « Promo 202612 » à signer')).toBeUndefined();
	});
});

describe('buildAlternativeMessage', () => {
	it('writes headers, then a text part and an HTML part in base64: ASCII only, CRLF, lines of at most 78 characters', () => {
		const text = 'مرحبًا،\n\nرمزك: 482913\n.\nfin';
		const html = '<p dir="rtl">مرحبًا</p>';
		const msg = buildAlternativeMessage(headers, { text, html });
		expect(msg).toMatch(/^[\x20-\x7E\r\n]*$/);
		expect(msg.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		for (const line of msg.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
		const [head, ...rest] = msg.split('\r\n\r\n');
		expect(head).toMatch(/^From: "Wasla" <no-reply@wasla\.dz>\r\nTo: meriem@example\.dz\r\nSubject: =\?UTF-8\?B\?/);
		expect(head).toContain('\r\nMessage-ID: <row-1@wasla.dz>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="=_wasla-alternative"');
		const body = rest.join('\r\n\r\n');
		const parts = body.split(`--${ALTERNATIVE_BOUNDARY}`);
		expect(parts[0]).toBe('');
		expect(parts[3]).toBe('--\r\n');
		const [textHead, textBody] = parts[1].split('\r\n\r\n');
		const [htmlHead, htmlBody] = parts[2].split('\r\n\r\n');
		expect(textHead).toBe('\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64');
		expect(htmlHead).toBe('\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64');
		expect(fromBase64(textBody)).toBe('مرحبًا،\r\n\r\nرمزك: 482913\r\n.\r\nfin');
		expect(fromBase64(htmlBody)).toBe(html);
		// Retries send the same bytes.
		expect(buildAlternativeMessage(headers, { text, html })).toBe(msg);
	});

	it('refuses a recipient that is not one address', () => {
		expect(() => buildAlternativeMessage({ ...headers, to: 'a@b.dz\r\nBcc: x@evil.dz' }, { text: '', html: '' })).toThrow(TypeError);
	});
});

describe('mailHtml', () => {
	it('Arabic is right to left on <html> and on the wrapper; links and the code stay left to right', () => {
		const html = mailHtml({ locale: 'ar', subject: 'رمز', text: 'مرحبًا،\n\nرمزك: 482913\nهنا: https://wasla.dz/agreements/a1/sign.', code: '482913' });
		expect(html).toContain('<html lang="ar" dir="rtl">');
		expect(html).toMatch(/<div lang="ar" dir="rtl" style="[^"]*text-align:right/);
		expect(html).toMatch(/<span dir="ltr" style="[^"]*font-size:28px[^"]*">482913<\/span>/);
		// The final full stop is not part of the link.
		expect(html).toContain('<a href="https://wasla.dz/agreements/a1/sign" dir="ltr"');
		expect(html).toContain('</a>.</p>');
	});

	it('escapes everything from the text; only http(s) URLs become links', () => {
		const html = mailHtml({ locale: 'fr', subject: '<i>x</i>', text: 'Savon <img src=x onerror=alert(1)> & "Co"\njavascript:alert(1) https://a.dz/?q="><script>' });
		expect(html).toContain('<html lang="fr" dir="ltr">');
		expect(html).toContain('<title>&lt;i&gt;x&lt;/i&gt;</title>');
		expect(html).toContain('Savon &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;');
		expect(html).not.toMatch(/<img|<script|<i>|href="javascript/);
		expect(html).toContain('<a href="https://a.dz/?q=" dir="ltr"');
		expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
	});

	it('shows no code unless it is six digits, and never turns other numbers into one', () => {
		const html = mailHtml({ locale: 'en', subject: 's', text: 'Campaign 1234567 and 123456', code: '123456' });
		expect(html).toContain('Campaign 1234567 and <span dir="ltr"');
		expect(mailHtml({ locale: 'en', subject: 's', text: 'x 12345', code: '12345' })).not.toContain('<span');
	});
});

describe('SMTP configuration', () => {
	const base = { SMTP_HOST: 'smtp.example.dz', SMTP_FROM: 'Wasla <no-reply@wasla.dz>' } as Partial<Env>;
	const cfg = (vars: Partial<Env>) =>
		smtpConfig({ ...env, SMTP_HOST: undefined, SMTP_PORT: undefined, SMTP_FROM: undefined, SMTP_SECURE: undefined, SMTP_USER: undefined, SMTP_PASSWORD: undefined, ...vars });

	it('reads host, port, security, login and sender, with defaults', () => {
		expect(cfg(base)).toEqual({
			ok: true,
			config: { host: 'smtp.example.dz', port: 587, secure: 'starttls', user: undefined, password: undefined, from: { name: 'Wasla', address: 'no-reply@wasla.dz' } }
		});
		expect(cfg({ ...base, SMTP_SECURE: 'tls' })).toMatchObject({ ok: true, config: { port: 465, secure: 'tls' } });
		expect(cfg({ ...base, SMTP_PORT: '2525', SMTP_SECURE: 'off', SMTP_FROM: 'bot@wasla.dz', SMTP_USER: 'bot', SMTP_PASSWORD: 's3cret' })).toMatchObject({
			ok: true,
			config: { port: 2525, secure: 'off', user: 'bot', password: 's3cret', from: { address: 'bot@wasla.dz' } }
		});
	});

	it('says what is missing or wrong, and never the password', () => {
		const reasons = [
			cfg({}),
			cfg({ SMTP_HOST: 'smtp.example.dz' }),
			cfg({ ...base, SMTP_FROM: 'Wasla <not an address>' }),
			cfg({ ...base, SMTP_FROM: 'a@b.dz\r\nBcc: x@evil.dz' }),
			cfg({ ...base, SMTP_PORT: '99999' }),
			cfg({ ...base, SMTP_SECURE: 'maybe' }),
			cfg({ ...base, SMTP_USER: 'bot' })
		].map((r) => (r.ok ? 'configured' : r.reason));
		expect(reasons).toEqual([
			'SMTP_HOST is not set',
			'SMTP_FROM is not set',
			'SMTP_FROM is not one address (Name <address> or address)',
			'SMTP_FROM is not one address (Name <address> or address)',
			'SMTP_PORT is not a port number',
			'SMTP_SECURE must be tls, starttls or off',
			'SMTP_USER is set without SMTP_PASSWORD'
		]);
	});
});

describe('the SMTP client at its edges', () => {
	const options = { host: '127.0.0.1', port: Number(env.SMTP_PORT), secure: 'off' as const, clientName: 'wasla.test', timeoutMs: 5000 };
	const envelope = { from: 'no-reply@wasla.test', to: 'edge@example.dz', data: 'Subject: x\r\n\r\nx\r\n' };

	it('doubles a leading dot and ends the data', () => {
		expect(dotStuff('a\r\n.\r\n..b\r\nc')).toBe('a\r\n..\r\n...b\r\nc\r\n.\r\n');
		expect(dotStuff('.x\r\n')).toBe('..x\r\n.\r\n');
	});

	it('no server listening: a connection error, retried later, and the batch stops', async () => {
		const err = await sendMail({ ...options, port: 1 }, envelope).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(SmtpError);
		expect((err as SmtpError).stage).toBe('connect');
		expect(classifySmtpError(err)).toMatchObject({ ok: false, retryable: true, stopBatch: true });
	});

	it('STARTTLS required but not offered: nothing is sent in clear, retried later', async () => {
		const err = await sendMail({ ...options, secure: 'starttls', user: 'bot', password: 'secret' }, envelope).catch((e: unknown) => e);
		expect((err as SmtpError).stage).toBe('starttls');
		expect(classifySmtpError(err)).toMatchObject({ retryable: true, stopBatch: true });
	});

	it('classifies replies by stage: 5xx to the message is permanent, 4xx and everything before it is not', () => {
		expect(classifySmtpError(new SmtpError('rcpt', 550, 'x'))).toMatchObject({ retryable: false, stopBatch: false });
		expect(classifySmtpError(new SmtpError('message', 554, 'x'))).toMatchObject({ retryable: false, stopBatch: false });
		expect(classifySmtpError(new SmtpError('rcpt', 451, 'x'))).toMatchObject({ retryable: true, stopBatch: false });
		expect(classifySmtpError(new SmtpError('rcpt', undefined, 'the server closed the connection'))).toMatchObject({ retryable: true, stopBatch: false });
		expect(classifySmtpError(new SmtpError('auth', 535, 'x'))).toMatchObject({ retryable: true, stopBatch: true });
		expect(classifySmtpError(new SmtpError('mail', 550, 'x'))).toMatchObject({ retryable: true, stopBatch: true });
		expect(classifySmtpError(new Error('boom'))).toMatchObject({ retryable: true, stopBatch: true });
	});
});
