// The browser tests' set-up client: calls the running app's API from Node with a cookie jar,
// a fixed client IP (its own rate-limit bucket) and the app's Origin, as the pages would.

/**
 * A tiny API client with a cookie jar: `call(path, { method, json, headers })` → Response. `clock`,
 * when given, is called before each request for the instant to send as `x-wasla-dev-now`
 * (honoured by the development server only), to record what happened days ago.
 */
export function apiClient(baseURL, ip, clock) {
	const jar = new Map();
	return async (p, { method, json, headers: extra } = {}) => {
		const headers = { 'cf-connecting-ip': ip, origin: baseURL, ...extra };
		if (clock) headers['x-wasla-dev-now'] = new Date(clock()).toISOString();
		if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
		if (json !== undefined) headers['content-type'] = 'application/json';
		const res = await fetch(`${baseURL}/api/v1${p}`, { method: method ?? (json === undefined ? 'GET' : 'POST'), headers, body: json === undefined ? undefined : JSON.stringify(json) });
		for (const line of res.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const i = pair.indexOf('=');
			jar.set(pair.slice(0, i), pair.slice(i + 1));
		}
		return res;
	};
}

/** The session cookie (`wasla_session=…`) of an API login from client IP `ip`, for posting pages' forms as that user. */
export async function sessionCookie(baseURL, email, password, ip) {
	const res = await fetch(`${baseURL}/api/v1/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip },
		body: JSON.stringify({ email, password })
	});
	if (res.status !== 200) throw new Error(`login ${email} → ${res.status}`);
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('wasla_session='));
	if (!cookie) throw new Error(`login ${email}: no session cookie`);
	return cookie;
}
