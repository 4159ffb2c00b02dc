// A local SMTP server with a web inbox, for `npm start` and the tests: the app delivers to it
// over real SMTP (plain, no login, loopback only), and people read what arrived at its URL.
// Messages live in memory and go when the process stops.
//
//   startMailInbox({ host, smtpPort, httpPort, scriptable }) → { smtpPort, httpPort, url, close }
//
// Web:  GET /            the inbox (newest first)
//       GET /m/<id>      one message: headers, the HTML part (sandboxed, no script), the text part
//       GET /m/<id>.eml  the raw message as received
//       GET /api/messages[?to=address]  JSON: what arrived (parsed by mailparser) with the raw source
// Tests only (scriptable: true):
//       POST /api/rules {to, code, times, delayMs}  the next `times` RCPT TO for `to` get `code`
//            (e.g. 451, then accepted again), or are answered after `delayMs`.
//       DELETE /api/messages  forget everything received
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

const MAX_MESSAGES = 500;
const MAX_SIZE = 10 * 1024 * 1024;

const escapeHtml = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function listen(server, port, host) {
	return new Promise((resolve, reject) => {
		const onError = (err) => reject(err);
		server.once('error', onError);
		server.listen(port, host, () => {
			server.off('error', onError);
			resolve(server.address().port);
		});
	});
}

const addresses = (field) =>
	(Array.isArray(field) ? field : field ? [field] : [])
		.flatMap((a) => a.value ?? [])
		.map((a) => a.address)
		.filter(Boolean);

export async function startMailInbox({ host = '127.0.0.1', smtpPort = 0, httpPort = 0, scriptable = false } = {}) {
	/** Newest last. */
	const messages = [];
	let nextId = 1;
	/** address → { code, times, delayMs } */
	const rules = new Map();

	const smtp = new SMTPServer({
		name: 'wasla-inbox.localhost',
		banner: 'Wasla development inbox',
		disabledCommands: ['AUTH', 'STARTTLS'],
		authOptional: true,
		disableReverseLookup: true,
		size: MAX_SIZE,
		logger: false,
		onRcptTo(address, _session, callback) {
			const rule = rules.get(address.address.toLowerCase());
			if (!rule || rule.times <= 0) return callback();
			rule.times -= 1;
			setTimeout(() => {
				if (!rule.code) return callback();
				const err = new Error(rule.code >= 500 ? 'Mailbox unavailable (scripted refusal)' : 'Try again later (scripted refusal)');
				err.responseCode = rule.code;
				callback(err);
			}, rule.delayMs ?? 0);
		},
		onData(stream, session, callback) {
			const chunks = [];
			stream.on('data', (c) => chunks.push(c));
			stream.on('end', async () => {
				if (stream.sizeExceeded) {
					const err = new Error('Message too large');
					err.responseCode = 552;
					return callback(err);
				}
				const raw = Buffer.concat(chunks);
				try {
					const parsed = await simpleParser(raw);
					messages.push({
						id: String(nextId++),
						receivedAt: new Date().toISOString(),
						envelope: { from: session.envelope.mailFrom?.address ?? '', to: session.envelope.rcptTo.map((r) => r.address) },
						from: parsed.from?.text ?? '',
						to: addresses(parsed.to),
						subject: parsed.subject ?? '',
						date: parsed.date?.toISOString() ?? null,
						messageId: parsed.messageId ?? null,
						contentType: parsed.headers.get('content-type')?.value ?? '',
						text: parsed.text ?? '',
						html: parsed.html || '',
						raw: raw.toString('utf8')
					});
					if (messages.length > MAX_MESSAGES) messages.splice(0, messages.length - MAX_MESSAGES);
					callback();
				} catch (err) {
					callback(err);
				}
			});
		}
	});
	smtp.on('error', (err) => console.error(`mail inbox (SMTP): ${err.message}`));

	const page = (title, body, { csp = "default-src 'none'; style-src 'unsafe-inline'" } = {}) => ({
		headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': `${csp}; frame-ancestors 'none'`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
		body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:960px;padding:16px;color:#1f2933}
table{border-collapse:collapse;width:100%}td,th{padding:6px 8px;border-bottom:1px solid #ddd;text-align:start;vertical-align:top}
a{color:#0b5cad}pre{white-space:pre-wrap;background:#f6f4ef;padding:12px}iframe{width:100%;height:520px;border:1px solid #ccc;background:#fff}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px}dt{font-weight:600}
</style></head><body>${body}</body></html>`
	});

	function inboxPage() {
		const rows = [...messages]
			.reverse()
			.map(
				(m) =>
					`<tr><td>${escapeHtml(m.receivedAt.replace('T', ' ').slice(0, 19))}</td><td>${escapeHtml(m.to.join(', ') || m.envelope.to.join(', '))}</td><td><a class="message" href="/m/${m.id}" data-to="${escapeHtml(m.envelope.to.join(' '))}"><bdi>${escapeHtml(m.subject || '(no subject)')}</bdi></a></td></tr>`
			)
			.join('');
		return page(
			'Wasla — development inbox',
			`<h1>Development inbox</h1><p>Every email the app sent to the local SMTP server, newest first (${messages.length}). <a href="/">Refresh</a></p>` +
				(rows ? `<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>` : '<p id="empty">No email yet.</p>')
		);
	}

	function messagePage(m) {
		// The HTML part is shown in a sandboxed frame (no script, no form, no navigation of this page).
		return page(
			m.subject,
			`<p><a href="/">← Inbox</a> · <a href="/m/${m.id}.eml">Raw</a></p>
<dl><dt>From</dt><dd>${escapeHtml(m.from)}</dd><dt>To</dt><dd>${escapeHtml(m.to.join(', '))}</dd><dt>Subject</dt><dd><bdi id="subject">${escapeHtml(m.subject)}</bdi></dd><dt>Date</dt><dd>${escapeHtml(m.date ?? '')}</dd><dt>Message-ID</dt><dd>${escapeHtml(m.messageId ?? '')}</dd></dl>
<h2>HTML</h2>${m.html ? `<iframe id="html-part" title="HTML part" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(m.html)}"></iframe>` : '<p>(none)</p>'}
<h2>Text</h2><pre id="text-part" dir="auto">${escapeHtml(m.text)}</pre>`,
			{ csp: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'" }
		);
	}

	const http = createServer(async (req, res) => {
		const send = (status, { headers, body }) => {
			res.writeHead(status, headers);
			res.end(body);
		};
		const json = (status, value) => send(status, { headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: JSON.stringify(value) });
		try {
			const url = new URL(req.url ?? '/', 'http://inbox.localhost');
			if (req.method === 'GET' && url.pathname === '/') return send(200, inboxPage());
			if (req.method === 'GET' && url.pathname === '/api/messages') {
				const to = url.searchParams.get('to')?.toLowerCase();
				return json(200, { messages: messages.filter((m) => !to || m.envelope.to.some((a) => a.toLowerCase() === to)) });
			}
			const one = /^\/m\/(\d+)(\.eml)?$/.exec(url.pathname);
			if (req.method === 'GET' && one) {
				const m = messages.find((x) => x.id === one[1]);
				if (!m) return json(404, { error: 'no such message' });
				if (one[2]) return send(200, { headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }, body: m.raw });
				return send(200, messagePage(m));
			}
			if (scriptable && req.method === 'POST' && url.pathname === '/api/rules') {
				let body = '';
				for await (const chunk of req) body += chunk;
				const { to, code = 0, times = 1, delayMs = 0 } = JSON.parse(body);
				rules.set(String(to).toLowerCase(), { code: Number(code), times: Number(times), delayMs: Number(delayMs) });
				return json(200, { ok: true });
			}
			if (scriptable && req.method === 'DELETE' && url.pathname === '/api/messages') {
				messages.length = 0;
				return json(200, { ok: true });
			}
			return json(404, { error: 'not found' });
		} catch (err) {
			return json(400, { error: String(err?.message ?? err) });
		}
	});

	const actualSmtpPort = await listen(smtp.server, smtpPort, host);
	let actualHttpPort;
	try {
		actualHttpPort = await listen(http, httpPort, host);
	} catch (err) {
		await new Promise((r) => smtp.close(r));
		throw err;
	}
	return {
		smtpPort: actualSmtpPort,
		httpPort: actualHttpPort,
		url: `http://${host}:${actualHttpPort}`,
		async close() {
			await Promise.all([new Promise((r) => smtp.close(r)), new Promise((r) => http.close(r))]);
		}
	};
}
