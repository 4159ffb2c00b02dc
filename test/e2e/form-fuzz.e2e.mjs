// Property-based fuzzing of every page form action over HTTP (issue 15, point 2), the pages'
// twin of test/api/fuzz.test.ts. The actions come from the routes themselves
// (test/node/form-actions.mjs reads every +page.server.ts), so a new action is fuzzed the day
// it lands. Each is posted by the users it is for — a brand and a creator of a fresh tenant
// with a signed agreement, its campaign, application and deliverables (not the demo tenant,
// which later browser tests read) — and by a guest, with fast-check bodies: the form fields
// the pages read (every name web/src passes to a form helper), missing, extra and repeated,
// with wrong-kind, huge, odd-Unicode, SQL and HTML values; multipart bodies with a junk file;
// broken and boundary-less multipart; JSON, text and no body; an oversized body; an odd query.
// Every answer must be the form's own page (its HTML error) or a 4xx problem+json, a redirect
// (to sign in, to confirm the password, or on success), never a 5xx. When every post of an
// action was refused, the tenant's objects read through the API are exactly as before.
//
// CI runs a fixed seed and FORM_FUZZ_RUNS (4) bodies per action and poster; `npm run fuzz` runs more with
// a random seed (FUZZ_SEED=random, printed so a failure can be replayed with FUZZ_SEED=<n>).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { sessionCookie } from './api-client.mjs';
import { PASSWORD } from './phone.mjs';
import { signedAgreement, ok } from './signed-agreement.mjs';
import { formActions, WEB_SRC } from '../node/form-actions.mjs';
import { ACTIONS } from './action-matrix.mjs';
import { FRAGMENTS, FORM_FRAGMENTS } from '../fuzz-fragments.mjs';

export const name = 'form actions fuzzed: odd bodies as owner and guest get the form error page or a 4xx, never a 5xx, and refusals change nothing';

const RUNS = Number(process.env.FORM_FUZZ_RUNS) || 4;
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED) || 20261206;

/** Every field name the pages read from a form: the second argument of formString(data, 'x') and the like, and data.get('x'). */
export function formFieldNames() {
	const names = new Set();
	const walk = (dir) => {
		for (const entry of readdirSync(dir)) {
			const full = path.join(dir, entry);
			if (statSync(full).isDirectory()) walk(full);
			else if (/\.(ts|svelte)$/.test(entry)) {
				const text = readFileSync(full, 'utf8');
				for (const m of text.matchAll(/\bform[A-Z]\w*\(\s*\w+\s*,\s*'([A-Za-z_][\w.]*)'/g)) names.add(m[1]);
				for (const m of text.matchAll(/\.(?:get|getAll|has)\(\s*'([A-Za-z_][\w.]*)'\s*\)/g)) names.add(m[1]);
			}
		}
	};
	walk(WEB_SRC);
	return [...names].sort();
}

/** The API fuzz's odd strings, and a form's own. */
const VALUES = [...FRAGMENTS, ...FORM_FRAGMENTS];

const oddString = fc.oneof(
	{ weight: 3, arbitrary: fc.constantFrom(...VALUES) },
	{ weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
	{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{ weight: 1, arbitrary: fc.string({ minLength: 3000, maxLength: 6000 }) }
);

/** Over the forms' size limit (MAX_FORM_BYTES in web/src/lib/server/security.ts). */
const OVERSIZED = `note=${'a'.repeat(2 * 1024 * 1024)}`;

function bodies(fields) {
	const field = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fields) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
	// Repeated names too: a form may send a field twice (checkboxes) where a page expects one.
	const pairs = fc.array(fc.tuple(field, oddString), { maxLength: 8 });
	const urlencoded = (list) => {
		const p = new URLSearchParams();
		for (const [k, v] of list) p.append(k, v);
		return p.toString();
	};
	return fc.oneof(
		{ weight: 5, arbitrary: pairs.map((list) => ({ body: urlencoded(list), contentType: 'application/x-www-form-urlencoded', what: 'form' })) },
		{
			weight: 2,
			arbitrary: fc
				.tuple(pairs, fc.uint8Array({ maxLength: 400 }), fc.constantFrom('image/png', 'image/jpeg', 'text/csv', 'application/pdf', 'application/x-msdownload', ''), oddString, field)
				.map(([list, bytes, type, fileName, fileField]) => {
					const fd = new FormData();
					for (const [k, v] of list) fd.append(k, v);
					fd.append(fileField, new Blob([bytes], { type }), fileName.slice(0, 200) || 'f');
					return { body: fd, what: `multipart with a ${type || 'typeless'} file` };
				})
		},
		{
			weight: 1,
			arbitrary: fc
				.string({ maxLength: 200 })
				.map((s) => ({ body: `--x\r\nContent-Disposition: form-data; name="note"\r\n\r\n${s}`, contentType: 'multipart/form-data; boundary=x', what: 'truncated multipart' }))
		},
		{ weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((s) => ({ body: s, contentType: 'multipart/form-data', what: 'multipart without boundary' })) },
		{ weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => ({ body: JSON.stringify(v), contentType: 'application/json', what: 'JSON' })) },
		{ weight: 1, arbitrary: oddString.map((s) => ({ body: s, contentType: 'text/plain', what: 'text' })) },
		{ weight: 1, arbitrary: fc.constant({ body: undefined, contentType: undefined, what: 'no body' }) },
		{ weight: 1, arbitrary: fc.constant({ body: OVERSIZED, contentType: 'application/x-www-form-urlencoded', what: 'oversized form' }) }
	);
}

/** An odd query string after the action's own (`?/name`): `&x=…`, usually nothing. */
const query = fc.oneof(
	{ weight: 4, arbitrary: fc.constant('') },
	{ weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', 'lang', 'page', 'next', 'id'), oddString).map(([k, v]) => `${k}=${encodeURIComponent(v)}`) }
);

export async function run({ baseURL, assert }) {
	// A fresh tenant: a brand and a creator with a signed agreement (campaign, application, deliverables).
	const scene = await signedAgreement(baseURL, { tag: 'fuzz', ips: ['10.110.0.1', '10.110.0.2'], brandName: 'Boutique Fuzz', creatorName: 'Créatrice Fuzz' });
	const { agreement } = await ok(await scene.brand(`/agreements/${scene.id}`));
	const { deliverables } = await ok(await scene.brand(`/agreements/${scene.id}/deliverables`));
	assert.ok(deliverables.length > 0, 'the signed agreement has deliverables');
	const { campaignId, applicationId } = agreement;
	assert.ok(campaignId && applicationId, 'the agreement names its campaign and application');
	const cookies = {
		brand: await sessionCookie(baseURL, scene.brandEmail, PASSWORD, '10.110.0.3'),
		creator: await sessionCookie(baseURL, scene.creatorEmail, PASSWORD, '10.110.0.4')
	};

	/** The tenant's objects as their owners read them through the API: unchanged by refused posts. */
	const reads = [
		[scene.brand, `/campaigns/${campaignId}`],
		[scene.brand, `/campaigns/${campaignId}/applications`],
		[scene.brand, `/campaigns/${campaignId}/offer-page`],
		[scene.brand, `/campaigns/${campaignId}/match-weights`],
		[scene.brand, `/campaigns/${campaignId}/tasks`],
		[scene.brand, `/applications/${applicationId}`],
		[scene.brand, `/applications/${applicationId}/messages`],
		[scene.brand, `/agreements/${scene.id}`],
		[scene.brand, `/agreements/${scene.id}/deliverables`],
		[scene.brand, `/agreements/${scene.id}/payouts`],
		[scene.brand, `/agreements/${scene.id}/audit`],
		[scene.brand, `/deliverables/${deliverables[0].id}`],
		[scene.brand, '/brands/me/team'],
		[scene.brand, '/me'],
		[scene.creator, '/me'],
		// Read by the creator too before the first comparison: a party's first read of a version
		// is recorded in the audit trail ('viewed'), and the pages the creator's posts answer with read it.
		[scene.creator, `/agreements/${scene.id}`],
		[scene.creator, '/creators/me'],
		[scene.creator, '/me/applications'],
		[scene.creator, '/notifications'],
		[scene.creator, '/me/notification-preferences']
	];
	const state = async () => {
		const out = [];
		for (const [call, p] of reads) {
			const res = await call(p);
			out.push(`${p} ${res.status} ${await res.text()}`);
		}
		return out;
	};

	await state(); // records the parties' first reads (see above) before anything is compared

	const actions = formActions({ 'campaigns/id': campaignId, 'applications/id': applicationId, 'agreements/id': scene.id, 'deliverables/id': deliverables[0].id, token: 'nope' })
		// Signing out last: it ends the session it is posted with, by design, whatever the body.
		.sort((a, b) => Number(a.url === '/logout') - Number(b.url === '/logout'));
	const fields = formFieldNames();
	assert.ok(actions.length > 80, `found ${actions.length} form actions`);
	assert.ok(fields.length > 60, `found ${fields.length} form field names`);

	const failures = [];
	const answers = new Map();
	let posts = 0;
	let compared = 0;
	let ip = 0;
	const arbitrary = fc.tuple(bodies(fields), query);
	for (const action of actions) {
		const entry = ACTIONS[action.key];
		assert.ok(entry, `${action.key} has an entry in action-matrix.mjs`);
		// Who posts: the users the action is for (their own objects), and a guest.
		const who = entry.as === 'brand' ? ['brand'] : entry.as === 'creator' ? ['creator'] : entry.as === 'user' ? ['brand', 'creator'] : [];
		const posters = [...who.map((w) => ({ name: w, cookie: cookies[w] })), { name: 'guest', cookie: '' }];
		const before = await state();
		let onlyRefusals = true;
		await fc.assert(
			fc.asyncProperty(arbitrary, fc.constantFrom(...posters), async ([sent, q], poster) => {
				posts++;
				ip = (ip + 1) % 250;
				const url = `${action.url}${q ? (action.url.includes('?') ? '&' : '?') + q : ''}`;
				const what = `${poster.name} ${url.slice(0, 120)} [${sent.what}]`;
				let res;
				try {
					res = await fetch(`${baseURL}${url}`, {
						method: 'POST',
						headers: {
							accept: 'text/html',
							origin: baseURL,
							'cf-connecting-ip': `10.110.${1 + Math.floor(ip / 50)}.${ip % 50}`,
							...(sent.contentType ? { 'content-type': sent.contentType } : {}),
							...(poster.cookie ? { cookie: poster.cookie } : {})
						},
						body: sent.body,
						redirect: 'manual'
					});
				} catch (e) {
					failures.push(`${what}: ${e.message}`);
					return;
				}
				const text = await res.text();
				const type = res.headers.get('content-type') ?? '';
				const location = res.headers.get('location') ?? '';
				answers.set(res.status, (answers.get(res.status) ?? 0) + 1);
				if (res.status >= 500) failures.push(`${what} → ${res.status} ${text.slice(0, 200)}`);
				else if (res.status >= 400) {
					// The form's page with its error, or the problem the hook answers for a body it cannot read.
					if (type.includes('application/problem+json')) {
						if (JSON.parse(text).status !== res.status) failures.push(`${what} → ${res.status}: problem with another status`);
					} else if (!type.includes('text/html') || !text.includes('<html')) failures.push(`${what} → ${res.status} ${type}: neither the form's page nor a problem`);
				} else if (res.status >= 300) {
					// Sent to sign in or to confirm the password is a refusal; any other redirect is a success.
					if (!/^\/(login|reauth)\b/.test(location)) onlyRefusals = false;
				} else onlyRefusals = false;
			}),
			{ numRuns: RUNS * posters.length, seed: SEED, endOnFailure: true }
		);
		if (onlyRefusals) {
			compared++;
			const after = await state();
			const changed = after.filter((line, i) => line !== before[i]).map((line) => line.slice(0, line.indexOf(' ')));
			if (changed.length > 0) failures.push(`${action.key}: refused posts changed ${changed.join(', ')}`);
		}
	}
	const statuses = [...answers]
		.sort((a, b) => a[0] - b[0])
		.map(([k, n]) => `${k}×${n}`)
		.join(' ');
	console.log(`form fuzz: ${posts} posts over ${actions.length} actions, seed ${SEED}, ${RUNS} runs per poster; answers ${statuses}; tenant compared after ${compared} actions answered only refusals`);
	assert.deepEqual(failures, []);
	// The run reached past the front door: most actions only refused, and their refusals were compared.
	assert.ok(compared > actions.length / 2, `${compared} of ${actions.length} actions compared`);
}
