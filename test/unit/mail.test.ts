/** Email headers (worker/domain/mail.ts): no input can add a header line. */
import { describe, expect, it } from 'vitest';
import { buildHeaderBlock, buildMessage, HEADER_NAMES, isMailAddress, mailDate, mailSubject, SUBJECT_MAX, type MailHeaders } from '../../worker/domain/mail';

const base: MailHeaders = { from: { name: 'Wasla', address: 'no-reply@wasla.dz' }, to: 'lina@example.dz', subject: 'Hello', date: Date.UTC(2026, 10, 26, 9, 5, 0), messageId: 'abc-123@wasla.dz' };

/** RFC 2047 B words back to text (what a mail client shows). */
function decode(value: string): string {
	const bytes: number[] = [];
	const words = value.trim().split(/\r\n /);
	if (!words.every((w) => /^=\?UTF-8\?B\?[A-Za-z0-9+/=]*\?=$/.test(w))) return value.replace(/\r\n /g, ' ');
	for (const w of words) for (const c of atob(w.slice(10, -2))) bytes.push(c.charCodeAt(0));
	return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Uint8Array.from(bytes));
}

/** Header name → unfolded raw value, checking the shape of every line on the way. */
function parseBlock(block: string): Map<string, string> {
	expect(block.endsWith('\r\n')).toBe(true);
	// Only CRLF pairs: no bare CR, no bare LF.
	expect(block.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	// Printable ASCII only (non-ASCII went into encoded-words).
	expect(block.replace(/\r\n/g, '')).toMatch(/^[\x20-\x7E]*$/);
	const lines = block.slice(0, -2).split('\r\n');
	const headers = new Map<string, string>();
	let current: string | null = null;
	for (const line of lines) {
		expect(line.length).toBeLessThanOrEqual(998);
		if (line.startsWith(' ')) {
			expect(current, 'a continuation line follows a header').not.toBeNull();
			headers.set(current!, `${headers.get(current!)}\r\n${line}`);
			continue;
		}
		const m = /^([A-Za-z-]+): ?(.*)$/.exec(line);
		expect(m, line).not.toBeNull();
		const name = m![1];
		expect(headers.has(name), `${name} appears once`).toBe(false);
		headers.set(name, m![2]);
		current = name;
	}
	expect([...headers.keys()]).toEqual([...HEADER_NAMES]);
	return headers;
}

const NASTY = [
	'Soldes\r\nBcc: x@evil.dz',
	'a\nBcc: x@evil.dz',
	'a\rBcc: x@evil.dz',
	'\r\n\r\nbody injected',
	'x\u0000y',
	'x\u0085Bcc: y',
	'x\u2028Bcc: y',
	'\u202Etxt.exe',
	'=?UTF-8?B?QmNjOiB4QGV2aWwuZHo=?=',
	'عرض خاص\r\nBcc: x@evil.dz',
	'a'.repeat(2000),
	'ب'.repeat(2000),
	'😀'.repeat(300),
	'',
	'   ',
	' \t '
];

describe('buildHeaderBlock', () => {
	it('writes a short ASCII subject as is', () => {
		const block = buildHeaderBlock(base);
		expect(block).toBe(
			'From: "Wasla" <no-reply@wasla.dz>\r\nTo: lina@example.dz\r\nSubject: Hello\r\nDate: Thu, 26 Nov 2026 09:05:00 +0000\r\nMessage-ID: <abc-123@wasla.dz>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n'
		);
	});

	it('encodes an Arabic subject as UTF-8 encoded-words that decode back, whole characters per word', () => {
		const subject = 'اتفاق للتوقيع: «عرض رمضان» (متجر نور × إيمان بيوتي)';
		const headers = parseBlock(buildHeaderBlock({ ...base, subject }));
		const raw = headers.get('Subject')!;
		expect(raw.startsWith('=?UTF-8?B?')).toBe(true);
		for (const w of raw.split('\r\n ')) expect(() => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Uint8Array.from(atob(w.slice(10, -2)), (c) => c.charCodeAt(0)))).not.toThrow();
		expect(decode(raw)).toBe(subject);
		for (const line of buildHeaderBlock({ ...base, subject }).split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
	});

	it('no subject or display name adds a header line; the subject reads back as one flattened line', () => {
		for (const s of NASTY) {
			for (const name of [s, 'Wasla']) {
				const headers = parseBlock(buildHeaderBlock({ ...base, subject: s, from: { name, address: 'no-reply@wasla.dz' } }));
				expect(decode(headers.get('Subject')!)).toBe(mailSubject(s));
				expect(headers.get('To')).toBe('lina@example.dz');
			}
		}
	});

	it('holds for random strings too', () => {
		let seed = 2026;
		const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
		const alphabet = ['a', 'Z', ' ', ':', '"', '\\', '<', '>', '=', '?', '\r', '\n', '\t', '\u0000', '\u0085', '\u2028', '\u2029', '\u202E', '\u200B', '\uFEFF', '\uD800', 'é', 'ب', '😀', '\u200D'];
		for (let i = 0; i < 300; i++) {
			const gen = () => Array.from({ length: Math.floor(rnd() * 120) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
			const subject = gen();
			const headers = parseBlock(buildHeaderBlock({ ...base, subject, from: { name: gen(), address: 'no-reply@wasla.dz' } }));
			expect(decode(headers.get('Subject')!)).toBe(mailSubject(subject));
		}
	});

	it('refuses a recipient, sender or message id that could carry anything else', () => {
		for (const to of [
			'lina@example.dz\r\nBcc: x@evil.dz',
			'lina@example.dz, x@evil.dz',
			'Lina <lina@example.dz>',
			' lina@example.dz',
			'lina@example.dz\n',
			'lina',
			'',
			`${'a'.repeat(250)}@example.dz`
		]) {
			expect(() => buildHeaderBlock({ ...base, to }), JSON.stringify(to)).toThrow(TypeError);
			expect(() => buildHeaderBlock({ ...base, from: { address: to } }), JSON.stringify(to)).toThrow(TypeError);
		}
		expect(() => buildHeaderBlock({ ...base, messageId: 'a@b.dz>\r\nBcc: x@evil.dz' })).toThrow(TypeError);
		expect(() => buildHeaderBlock({ ...base, date: Number.NaN })).toThrow(TypeError);
	});
});

describe('buildMessage', () => {
	it('puts the text in base64 after a blank line, so the body cannot hold a bare CR, LF or a lone "." line', () => {
		const text = 'Bonjour,\n.\r\nMAIL FROM:<x@evil.dz>\rfin';
		const msg = buildMessage(base, text);
		const [head, body] = msg.split('\r\n\r\n');
		parseBlock(`${head}\r\n`);
		expect(body).toMatch(/^([A-Za-z0-9+/=]{1,76}\r\n)+$/);
		const decoded = new TextDecoder().decode(Uint8Array.from(atob(body.replace(/\r\n/g, '')), (c) => c.charCodeAt(0)));
		expect(decoded).toBe('Bonjour,\r\n.\r\nMAIL FROM:<x@evil.dz>\r\nfin');
	});
});

describe('mailSubject, isMailAddress, mailDate', () => {
	it('mailSubject flattens and bounds', () => {
		expect(mailSubject('Soldes\r\nBcc: x@evil.dz')).toBe('Soldes Bcc: x@evil.dz');
		expect(Array.from(mailSubject('ب'.repeat(1000))).length).toBe(SUBJECT_MAX);
	});

	it('isMailAddress is the API email rule', () => {
		expect(isMailAddress('demo.marque@wasla.dz')).toBe(true);
		expect(isMailAddress('a+b@sub.example.dz')).toBe(true);
		expect(isMailAddress('a@b.dz\r\n')).toBe(false);
		expect(isMailAddress(42)).toBe(false);
	});

	it('mailDate is RFC 5322 in UTC', () => {
		expect(mailDate(Date.UTC(2027, 0, 3, 23, 59, 7))).toBe('Sun, 03 Jan 2027 23:59:07 +0000');
	});
});
