/**
 * Email headers that no field can extend (issue 9, point 10). Pure: no Hono, no D1.
 *
 * - `mailSubject` flattens a subject to one line (see `headerText`) and bounds it; the
 *   outbox stores only flattened subjects.
 * - `isMailAddress` is the address rule of the API's `Email` schema (valibot's `email`,
 *   ASCII only, at most 254 characters): a recipient can hold no space, quote, comma,
 *   angle bracket or line break.
 * - `buildHeaderBlock` writes the header block of a plain-text message (RFC 5322, CRLF line
 *   ends, lines of at most 78 characters): non-ASCII text (an Arabic subject) goes out as
 *   RFC 2047 encoded-words (`=?UTF-8?B?…?=`), so every byte of the block is printable ASCII
 *   and the only line breaks are the ones it writes, each followed by a header name or by
 *   the space of a folded line. `buildMessage` adds a base64 body, so the body cannot hold
 *   a bare CR, a bare LF or a lone "." line either.
 * - `buildAlternativeMessage` is what delivery sends (issue 10, point 4): the same headers,
 *   then a multipart/alternative body with the text part and the HTML part, both base64.
 *   The SMTP client (worker/services/mail/smtp-client.ts) sends exactly these bytes.
 */
import * as v from 'valibot';
import { headerText } from './text';

/** Longest stored subject, in code points (a 120-character title plus two 80-character names fit). */
export const SUBJECT_MAX = 400;
/** Longest display name in a From header, in code points. */
const NAME_MAX = 100;
const LINE_MAX = 78;
/** UTF-8 bytes per encoded-word: 40 bytes → 56 base64 characters → a 68-character word, which fits after "Subject: ". */
const WORD_BYTES = 40;

const Address = v.pipe(v.string(), v.maxLength(254), v.email());

/** One email address as the API accepts it: ASCII, no whitespace or control character, at most 254 characters. */
export function isMailAddress(s: unknown): s is string {
	return v.is(Address, s);
}

/** A subject as the outbox stores it: one line (line breaks, controls and bidi controls become spaces), at most SUBJECT_MAX code points. */
export function mailSubject(s: string): string {
	return headerText(s, SUBJECT_MAX);
}

const utf8 = new TextEncoder();

function base64(bytes: Uint8Array): string {
	let s = '';
	for (const b of bytes) s += String.fromCharCode(b);
	return btoa(s);
}

/** Printable ASCII only (no controls, no line breaks). */
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/**
 * RFC 2047 B encoded-words for `text`, each holding whole characters (never part of a
 * UTF-8 sequence) and at most WORD_BYTES bytes.
 */
export function encodedWords(text: string): string[] {
	const words: string[] = [];
	let chunk: number[] = [];
	for (const ch of text) {
		const bytes = utf8.encode(ch);
		if (chunk.length + bytes.length > WORD_BYTES && chunk.length) {
			words.push(`=?UTF-8?B?${base64(Uint8Array.from(chunk))}?=`);
			chunk = [];
		}
		chunk.push(...bytes);
	}
	if (chunk.length) words.push(`=?UTF-8?B?${base64(Uint8Array.from(chunk))}?=`);
	return words;
}

/** `Name: value` as header lines: the value as is when it is short printable ASCII, else encoded-words folded one per line. */
function unstructured(name: string, value: string): string[] {
	const first = `${name}: ${value}`;
	if (PRINTABLE_ASCII.test(value) && !value.includes('=?') && first.length <= LINE_MAX) return [first];
	const words = encodedWords(value);
	if (!words.length) return [`${name}: `];
	return words.map((w, i) => (i === 0 ? `${name}: ${w}` : ` ${w}`));
}

/** `From`-style mailbox: an optional display name (quoted, or encoded-words) then `<address>`. */
function mailbox(name: string, displayName: string | undefined, address: string): string[] {
	if (!isMailAddress(address)) throw new TypeError(`${name}: not one email address`);
	const phrase = displayName === undefined ? '' : headerText(displayName, NAME_MAX);
	if (phrase === '') return [`${name}: ${address}`];
	if (PRINTABLE_ASCII.test(phrase) && !phrase.includes('=?')) {
		const quoted = `"${phrase.replace(/["\\]/g, (c) => `\\${c}`)}"`;
		const line = `${name}: ${quoted} <${address}>`;
		if (line.length <= LINE_MAX) return [line];
		return [`${name}: ${quoted}`, ` <${address}>`];
	}
	const words = encodedWords(phrase);
	return [...words.map((w, i) => (i === 0 ? `${name}: ${w}` : ` ${w}`)), ` <${address}>`];
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** RFC 5322 date-time in UTC, e.g. "Thu, 26 Nov 2026 09:05:00 +0000". */
export function mailDate(ms: number): string {
	const d = new Date(ms);
	if (Number.isNaN(d.getTime())) throw new TypeError('Date: not a time');
	return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** A Message-ID without its angle brackets: `local@domain`. */
export const MESSAGE_ID = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;

export interface MailHeaders {
	from: { name?: string; address: string };
	to: string;
	subject: string;
	/** Milliseconds since the epoch. */
	date: number;
	/** `local@domain`, written inside angle brackets. */
	messageId: string;
}

/** The header names `buildHeaderBlock` writes, in order. */
export const HEADER_NAMES = ['From', 'To', 'Subject', 'Date', 'Message-ID', 'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding'] as const;

/** The address headers, subject, date and id of a message: `[name, value]`, each value already encoded and folded (CRLF + space between lines). */
export type HeaderField = [name: 'From' | 'To' | 'Subject' | 'Date' | 'Message-ID', value: string];

/**
 * From, To, Subject, Date and Message-ID as header fields: what `buildHeaderBlock` writes
 * before the MIME lines, and what the SMTP adapter hands to its client so that no client
 * re-encodes a subject or invents another Message-ID. Same checks as `buildHeaderBlock`.
 */
export function headerFields(h: MailHeaders): HeaderField[] {
	if (!isMailAddress(h.to)) throw new TypeError('To: not one email address');
	if (!MESSAGE_ID.test(h.messageId)) throw new TypeError('Message-ID: malformed');
	const field = (name: HeaderField[0], lines: string[]): HeaderField => [name, lines.join('\r\n').slice(name.length + 2)];
	return [
		field('From', mailbox('From', h.from.name, h.from.address)),
		['To', h.to],
		field('Subject', unstructured('Subject', mailSubject(h.subject))),
		['Date', mailDate(h.date)],
		['Message-ID', `<${h.messageId}>`]
	];
}

/**
 * The header block of a plain-text UTF-8 message with a base64 body: each header once, in
 * HEADER_NAMES order, CRLF after every line (the blank line that ends the block is not
 * included). Throws a TypeError for a recipient or sender that is not one email address,
 * or a malformed message id; the subject and display name are flattened, never refused.
 */
export function buildHeaderBlock(h: MailHeaders): string {
	const lines = [...headerFields(h).map(([name, value]) => `${name}: ${value}`), 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64'];
	return lines.map((l) => `${l}\r\n`).join('');
}

/** Text as base64 of its UTF-8 bytes (CRLF line ends), in lines of 76 characters, each ending with CRLF. */
function base64Body(text: string): string {
	const body = base64(utf8.encode(text.replace(/\r\n?/g, '\n').replace(/\n/g, '\r\n')));
	return (body.match(/.{1,76}/g) ?? []).map((l) => `${l}\r\n`).join('');
}

/** A whole message: the header block, a blank line, then the text as base64 in lines of 76 characters. */
export function buildMessage(h: MailHeaders, text: string): string {
	return `${buildHeaderBlock(h)}\r\n${base64Body(text)}`;
}

/**
 * The boundary of `buildAlternativeMessage`. It starts with "=_", which base64 never writes,
 * so no part can contain it; being fixed, a retried message is the same bytes.
 */
export const ALTERNATIVE_BOUNDARY = '=_wasla-alternative';

/**
 * A whole multipart/alternative message (RFC 2046): the headers of `headerFields`, then the
 * text part and the HTML part (the preferred one, last), each UTF-8 in base64 lines of 76
 * characters. Printable ASCII and CRLF only, every line at most 78 characters: it goes over
 * SMTP as it is (after dot-stuffing).
 */
export function buildAlternativeMessage(h: MailHeaders, body: { text: string; html: string }): string {
	const part = (type: string, content: string) => `--${ALTERNATIVE_BOUNDARY}\r\nContent-Type: ${type}; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Body(content)}`;
	const head = [...headerFields(h).map(([name, value]) => `${name}: ${value}`), 'MIME-Version: 1.0', `Content-Type: multipart/alternative; boundary="${ALTERNATIVE_BOUNDARY}"`];
	return `${head.map((l) => `${l}\r\n`).join('')}\r\n${part('text/plain', body.text)}${part('text/html', body.html)}--${ALTERNATIVE_BOUNDARY}--\r\n`;
}
