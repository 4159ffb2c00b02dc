// Pages never answer 5xx either: odd ids and queries, as a guest, the demo brand and the
// demo creator (server-rendered HTML, no browser needed).
export const name = 'pages answer 2xx/3xx/4xx for odd ids and queries';

const PATHS = [
	'/',
	'/campaigns?page=abc&niche=nope&minBudget=-5',
	'/campaigns/nope',
	'/campaigns/nope/edit',
	'/campaigns/nope/apply',
	'/campaigns/nope/applicants?status=zzz',
	'/campaigns/nope/matches',
	'/campaigns/seed-ca-02/matches?page=999999',
	'/campaigns/seed-ca-02/matches?page=abc',
	'/campaigns/seed-ca-02/matches/compare?ids=a,b,c,d,e',
	'/campaigns/seed-ca-02/matches/compare?ids=%00,..%2F,x',
	'/campaigns/seed-ca-01/matches',
	'/profile/signals',
	'/applications?page=-1',
	'/applications/nope',
	'/notifications?page=999999',
	'/profile',
	'/profile/stats?page=-3',
	'/c/nope',
	'/c/%E2%82%AC',
	'/dashboard',
	'/settings',
	'/invitations',
	'/signup?role=brand&invitation=nope&email=%00x',
	'/lang?to=xx&next=//evil.example',
	'/does-not-exist'
];

async function sessionCookie(baseURL, email, ip) {
	const res = await fetch(`${baseURL}/api/v1/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip },
		body: JSON.stringify({ email, password: 'wasla-demo-2026' })
	});
	return res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
}

export async function run({ baseURL, assert }) {
	const who = [
		['guest', ''],
		['brand', await sessionCookie(baseURL, 'demo.marque@wasla.dz', '10.64.0.1')],
		['creator', await sessionCookie(baseURL, 'demo.createur@wasla.dz', '10.64.0.2')]
	];
	const failures = [];
	for (const [role, cookie] of who) {
		for (const path of PATHS) {
			const res = await fetch(`${baseURL}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
			await res.arrayBuffer();
			if (res.status >= 500) failures.push(`${role} ${path} → ${res.status}`);
		}
	}
	assert.deepEqual(failures, []);
}
