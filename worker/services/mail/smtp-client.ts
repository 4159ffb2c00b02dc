/**
 * A minimal SMTP client (RFC 5321) over `cloudflare:sockets`: one connection per message —
 * greeting, EHLO, STARTTLS or implicit TLS, AUTH PLAIN or LOGIN, MAIL FROM, RCPT TO, DATA
 * with the message as built by worker/domain/mail.ts (dot-stuffed), QUIT.
 *
 * Every step has a deadline, and a connection the server closes ends the conversation with
 * an error instead of waiting: a server that answers 421 and hangs up is a normal event.
 * (worker-mailer, the maintained package for this, was tried first: its reader treats the
 * end of the stream as "no data yet" and spins, so one such server hangs the Worker; it also
 * writes its own MIME and reports replies only inside error messages.)
 */
// `cloudflare:sockets` is imported when a message is sent, not with this module: the
// SvelteKit build loads the server code in Node to analyse it, where that module does not exist.
type Connect = typeof import('cloudflare:sockets').connect;

/** Where a conversation stopped: what the server refused or where the connection failed. */
export type SmtpStage = 'connect' | 'greeting' | 'ehlo' | 'starttls' | 'auth' | 'mail' | 'rcpt' | 'data' | 'message';

export class SmtpError extends Error {
	constructor(
		readonly stage: SmtpStage,
		/** The server's reply code, or undefined when there was no reply (timeout, closed connection, refused connection). */
		readonly code: number | undefined,
		message: string
	) {
		super(message);
		this.name = 'SmtpError';
	}
}

export interface SmtpOptions {
	host: string;
	port: number;
	/** `tls`: TLS from the first byte; `starttls`: plain, then STARTTLS before anything else (required); `off`: plain throughout. */
	secure: 'tls' | 'starttls' | 'off';
	user?: string;
	password?: string;
	/** The name we give in EHLO (our domain). */
	clientName: string;
	/** Deadline of each step: connecting, and each reply. */
	timeoutMs: number;
}

export interface Envelope {
	from: string;
	to: string;
	/** The whole message, CRLF line ends, as it should arrive (dot-stuffing is done here). */
	data: string;
}

interface Reply {
	code: number;
	/** The reply's lines without their code, joined by a space. */
	text: string;
	lines: string[];
}

const utf8 = new TextEncoder();

function base64Utf8(s: string): string {
	let bin = '';
	for (const b of utf8.encode(s)) bin += String.fromCharCode(b);
	return btoa(bin);
}

/** A line in a reply: "250-…" continues, "250 …" or "250" ends it. */
const REPLY_LINE = /^(\d{3})([ -]?)(.*)$/;

class Connection {
	private socket: Socket;
	private reader: ReadableStreamDefaultReader<Uint8Array>;
	private writer: WritableStreamDefaultWriter<Uint8Array>;
	private decoder = new TextDecoder();
	private buffer = '';

	constructor(
		connect: Connect,
		private readonly options: SmtpOptions,
		private stage: SmtpStage = 'connect'
	) {
		this.socket = connect(
			{ hostname: options.host, port: options.port },
			{ secureTransport: options.secure === 'tls' ? 'on' : options.secure === 'starttls' ? 'starttls' : 'off', allowHalfOpen: false }
		);
		this.reader = this.socket.readable.getReader();
		this.writer = this.socket.writable.getWriter();
	}

	/** `promise`, or an SmtpError when the step's deadline passes first. */
	private async deadline<T>(promise: Promise<T>, what: string): Promise<T> {
		let timer: ReturnType<typeof setTimeout> | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new SmtpError(this.stage, undefined, `timed out after ${this.options.timeoutMs} ms waiting for ${what}`)), this.options.timeoutMs);
		});
		try {
			return await Promise.race([promise, timeout]);
		} finally {
			clearTimeout(timer);
		}
	}

	async open(): Promise<void> {
		try {
			await this.deadline(this.socket.opened, 'the connection');
		} catch (err) {
			if (err instanceof SmtpError) throw err;
			throw new SmtpError('connect', undefined, `cannot connect to ${this.options.host}:${this.options.port}: ${err instanceof Error ? err.message : String(err)}`);
		}
	}

	/** The next complete reply. The end of the stream is an error, never "no data yet". */
	async reply(): Promise<Reply> {
		const lines: string[] = [];
		for (;;) {
			const eol = this.buffer.indexOf('\n');
			if (eol >= 0) {
				const line = this.buffer.slice(0, eol).replace(/\r$/, '');
				this.buffer = this.buffer.slice(eol + 1);
				const m = REPLY_LINE.exec(line);
				if (!m) throw new SmtpError(this.stage, undefined, `unreadable reply line: ${line.slice(0, 200)}`);
				lines.push(m[3]);
				if (m[2] !== '-') return { code: Number(m[1]), text: lines.join(' ').trim(), lines };
				continue;
			}
			if (this.buffer.length > 64 * 1024) throw new SmtpError(this.stage, undefined, 'reply too long');
			const read = this.reader.read();
			// If the deadline wins, the socket is closed and this read settles unobserved.
			read.catch(() => undefined);
			let chunk: ReadableStreamReadResult<Uint8Array>;
			try {
				chunk = await this.deadline(read, 'a reply');
			} catch (err) {
				if (err instanceof SmtpError) throw err;
				throw new SmtpError(this.stage, undefined, `connection failed: ${err instanceof Error ? err.message : String(err)}`);
			}
			if (chunk.done) throw new SmtpError(this.stage, undefined, 'the server closed the connection');
			this.buffer += this.decoder.decode(chunk.value, { stream: true });
		}
	}

	async write(data: string): Promise<void> {
		try {
			await this.deadline(this.writer.write(utf8.encode(data)), 'the server to take our data');
		} catch (err) {
			if (err instanceof SmtpError) throw err;
			throw new SmtpError(this.stage, undefined, `connection failed: ${err instanceof Error ? err.message : String(err)}`);
		}
	}

	/** Sends `line` (without CRLF) at `stage` and expects a reply whose code passes `ok`. */
	async command(stage: SmtpStage, line: string, ok: (code: number) => boolean, shown = line): Promise<Reply> {
		this.stage = stage;
		await this.write(`${line}\r\n`);
		return this.expect(stage, ok, shown);
	}

	async expect(stage: SmtpStage, ok: (code: number) => boolean, after: string): Promise<Reply> {
		this.stage = stage;
		const r = await this.reply();
		if (!ok(r.code)) throw new SmtpError(stage, r.code, `${after}: ${r.code} ${r.text}`.slice(0, 500));
		return r;
	}

	/** STARTTLS: the same connection, now encrypted (the reply buffer must be empty: RFC 3207). */
	upgrade(): void {
		this.reader.releaseLock();
		this.writer.releaseLock();
		this.socket = this.socket.startTls();
		this.reader = this.socket.readable.getReader();
		this.writer = this.socket.writable.getWriter();
		this.buffer = '';
		this.decoder = new TextDecoder();
	}

	async close(): Promise<void> {
		try {
			await this.socket.close();
		} catch {
			/* already closed */
		}
	}
}

/** Capabilities from an EHLO reply: keyword → its parameters. */
function capabilities(ehlo: Reply): Map<string, string[]> {
	const caps = new Map<string, string[]>();
	for (const line of ehlo.lines.slice(1)) {
		const [word, ...params] = line.trim().split(/\s+/);
		if (word)
			caps.set(
				word.toUpperCase(),
				params.map((p) => p.toUpperCase())
			);
	}
	return caps;
}

const is2xx = (c: number) => c >= 200 && c < 300;

async function hello(conn: Connection, name: string): Promise<Map<string, string[]>> {
	try {
		return capabilities(await conn.command('ehlo', `EHLO ${name}`, is2xx));
	} catch (err) {
		// A server without ESMTP: HELO, and no extension.
		if (err instanceof SmtpError && (err.code === 500 || err.code === 502)) {
			await conn.command('ehlo', `HELO ${name}`, is2xx);
			return new Map();
		}
		throw err;
	}
}

/** "." at the start of a line doubled, and the end-of-data line (RFC 5321 §4.5.2). */
export function dotStuff(data: string): string {
	const body = data.endsWith('\r\n') ? data : `${data}\r\n`;
	return `${body.replace(/^\./gm, '..')}.\r\n`;
}

/** Delivers one message, or throws an SmtpError saying where and why it was not accepted. */
export async function sendMail(options: SmtpOptions, envelope: Envelope): Promise<void> {
	const { connect } = await import('cloudflare:sockets');
	const conn = new Connection(connect, options);
	try {
		await conn.open();
		await conn.expect('greeting', (c) => c === 220, 'greeting');
		let caps = await hello(conn, options.clientName);
		if (options.secure === 'starttls') {
			if (!caps.has('STARTTLS')) throw new SmtpError('starttls', undefined, 'the server does not offer STARTTLS (set SMTP_SECURE=tls for implicit TLS, or off for a local server)');
			await conn.command('starttls', 'STARTTLS', (c) => c === 220);
			conn.upgrade();
			caps = await hello(conn, options.clientName);
		}
		if (options.user) {
			const mechanisms = caps.get('AUTH') ?? [];
			const password = options.password ?? '';
			if (mechanisms.includes('PLAIN')) {
				await conn.command('auth', `AUTH PLAIN ${base64Utf8(`\u0000${options.user}\u0000${password}`)}`, (c) => c === 235, 'AUTH PLAIN');
			} else if (mechanisms.includes('LOGIN')) {
				await conn.command('auth', 'AUTH LOGIN', (c) => c === 334);
				await conn.command('auth', base64Utf8(options.user), (c) => c === 334, 'AUTH LOGIN user');
				await conn.command('auth', base64Utf8(password), (c) => c === 235, 'AUTH LOGIN password');
			} else {
				throw new SmtpError('auth', undefined, `the server offers no login we speak (AUTH ${mechanisms.join(' ') || 'absent'})`);
			}
		}
		await conn.command('mail', `MAIL FROM:<${envelope.from}>`, is2xx);
		await conn.command('rcpt', `RCPT TO:<${envelope.to}>`, is2xx);
		await conn.command('data', 'DATA', (c) => c === 354);
		await conn.write(dotStuff(envelope.data));
		await conn.expect('message', is2xx, 'end of data');
		// Goodbye; the message is accepted whatever happens now.
		await conn.command('message', 'QUIT', () => true).catch(() => undefined);
	} finally {
		await conn.close();
	}
}
