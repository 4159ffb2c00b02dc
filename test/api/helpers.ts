/** Test client for the API through the Worker's own fetch, with a cookie jar per client. */
import { exports } from 'cloudflare:workers';

export const ORIGIN = 'http://wasla.test';
let ipCounter = 0;

/** A distinct client IP per call, so rate limits in one test do not leak into another. */
export function freshIp(): string {
	ipCounter += 1;
	return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

export interface CallOptions {
	method?: string;
	json?: unknown;
	body?: BodyInit;
	headers?: Record<string, string>;
}

export class Client {
	cookies = new Map<string, string>();
	constructor(public ip: string = freshIp()) {}

	async call(path: string, opts: CallOptions = {}): Promise<Response> {
		const headers: Record<string, string> = { 'cf-connecting-ip': this.ip, ...opts.headers };
		if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		let body = opts.body;
		if (opts.json !== undefined) {
			body = JSON.stringify(opts.json);
			headers['content-type'] ??= 'application/json';
		}
		const res = await exports.default.fetch(`${ORIGIN}${path.startsWith('/api') ? path : `/api/v1${path}`}`, {
			method: opts.method ?? (body === undefined ? 'GET' : 'POST'),
			headers,
			body,
			redirect: 'manual'
		});
		for (const line of res.headers.getSetCookie()) {
			const [pair, ...attrs] = line.split(';');
			const [name, ...rest] = pair.split('=');
			const value = rest.join('=');
			const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()));
			if (!value || expired) this.cookies.delete(name.trim());
			else this.cookies.set(name.trim(), value);
		}
		return res;
	}

	get session() {
		return this.cookies.get('wasla_session');
	}
}

let emailCounter = 0;
export function uniqueEmail(prefix = 'user') {
	emailCounter += 1;
	return `${prefix}.${Date.now().toString(36)}.${emailCounter}@example.dz`;
}

/** Registers a user and returns a signed-in client. */
export async function signUp(opts: { role?: 'brand' | 'creator'; name?: string; email?: string; password?: string } = {}) {
	const client = new Client();
	const email = opts.email ?? uniqueEmail(opts.role ?? 'brand');
	const password = opts.password ?? 'motdepasse-sur';
	const res = await client.call('/auth/register', {
		json: { email, password, role: opts.role ?? 'brand', name: opts.name ?? 'Boutique Yasmine' }
	});
	if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
	const { user } = (await res.json()) as { user: { id: string; email: string; role: string; name: string } };
	return { client, user, email, password };
}

/**
 * Rate limits count in fixed windows (10 min, 15 min, 1 h — all boundaries fall on the
 * 5-minute marks). A test that counts hits up to a limit would see the count reset if it
 * straddled a boundary, so it first waits until the next mark is at least `marginMs` away.
 */
export async function awayFromRateWindowEdge(marginMs = 20_000): Promise<void> {
	const MARK = 5 * 60 * 1000;
	const untilMark = MARK - (Date.now() % MARK);
	if (untilMark < marginMs) await new Promise((r) => setTimeout(r, untilMark + 50));
}
