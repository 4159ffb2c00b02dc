/**
 * Seeds a local D1 database with the demo data (run by `npm start`, or `npm run seed`):
 *
 *   tsx db/seed/cli.ts --persist-to .state [--anchor YYYY-MM-DD] [--seed N] [--creators N] [--force]
 *
 * Writes the SQL to `<persist dir>/seed.sql` and runs it with `wrangler d1 execute --local`.
 * A database that already holds the seed is left alone ("already seeded"), which keeps the
 * second `npm start` fast; the statements are `INSERT OR IGNORE` anyway, so `--force` is safe.
 *
 * scripts/start.mjs shows every stdout line that starts with two spaces as a demo login:
 * only the two login lines below may start that way.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_CREATORS, DEFAULT_SEED, generateSeed, seedStatements, type SeedData } from './generate';
import { DEMO_BRAND_EMAIL, DEMO_CREATOR_EMAIL, DEMO_PASSWORD } from './demo-accounts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const wranglerBin = path.join(root, 'node_modules', '.bin', 'wrangler');
const env = {
	...process.env,
	// The project's Node 24 (the `node` devDependency) first, even when this runs outside npm:
	// wrangler refuses the system's Node 20.
	PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
	// Offline: no metrics, no Request.cf fetch.
	CLOUDFLARE_CF_FETCH_ENABLED: 'false',
	WRANGLER_SEND_METRICS: 'false',
	CI: process.env.CI ?? '1',
	// wrangler prints `--json` results at its "log" level (its default); an inherited quieter
	// WRANGLER_LOG would swallow them.
	WRANGLER_LOG: 'log'
};

function fail(message: string, detail?: string): never {
	console.error(message);
	if (detail) console.error(detail);
	process.exit(1);
}

function wrangler(args: string[]): string {
	const r = spawnSync(wranglerBin, ['d1', 'execute', 'DB', '--local', ...args], {
		cwd: root,
		env,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (r.status !== 0) fail(`wrangler d1 execute failed (exit ${r.status ?? r.signal})`, `${r.stdout ?? ''}${r.stderr ?? ''}`);
	return r.stdout;
}

/** Seeded creators already in the database (0 on a freshly migrated one). */
function seededCreators(persistTo: string): number {
	const out = wrangler(['--persist-to', persistTo, '--json', '--command', "SELECT count(*) AS n FROM creators WHERE id LIKE 'seed-%'"]);
	try {
		const [first] = JSON.parse(out) as { results: { n: number }[] }[];
		return Number(first.results[0].n);
	} catch {
		return fail('could not read the creators count; are the migrations applied?', out);
	}
}

function summary(data: SeedData): string {
	const n = (x: number) => x.toLocaleString('fr-FR').replace(/\s/g, ' ');
	return [
		`${n(data.creators.length)} creators`,
		`${n(data.posts.length)} posts`,
		`${n(data.postComments.length)} comments`,
		`${n(data.followerPoints.length)} follower points`,
		`${n(data.brands.length)} brands`,
		`${n(data.campaigns.length)} campaigns`,
		`${n(data.applications.length)} applications`,
		`${n(data.seedAnomalies.length)} injected anomalies`
	].join(', ');
}

async function main() {
	const { values } = parseArgs({
		options: {
			'persist-to': { type: 'string' },
			anchor: { type: 'string' },
			seed: { type: 'string' },
			creators: { type: 'string' },
			force: { type: 'boolean', default: false }
		}
	});
	const persistTo = path.resolve(root, values['persist-to'] ?? process.env.WASLA_STATE ?? '.state');
	// "Today" in UTC unless pinned, so the 90-day histories end on the day of the first seed.
	const anchorDate = values.anchor ?? new Date().toISOString().slice(0, 10);
	const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
	const creators = values.creators === undefined ? DEFAULT_CREATORS : Number(values.creators);
	if (!Number.isInteger(seed) || !Number.isInteger(creators) || creators < 1) fail('--seed and --creators take whole numbers');

	const started = Date.now();
	const present = values.force ? 0 : seededCreators(persistTo);
	// + 1 for the demo creator.
	if (present >= creators + 1) {
		console.log(`Demo data already seeded (${present} creators) in ${persistTo}; skipped. Use --force to re-apply.`);
	} else {
		const data = await generateSeed({ seed, anchorDate, creators });
		const statements = seedStatements(data);
		mkdirSync(persistTo, { recursive: true });
		const file = path.join(persistTo, 'seed.sql');
		writeFileSync(file, `${statements.join(';\n')};\n`);
		wrangler(['--persist-to', persistTo, '--yes', '--file', file]);
		console.log(`Seeded ${summary(data)} (seed ${seed}, anchored at ${anchorDate}) from ${file}.`);
	}
	// Agreements for the accepted applications, through the app's own services (db/seed/agreements.ts):
	// wrangler's platform proxy gives them the same local D1 and R2 that `wrangler dev` uses.
	const { getPlatformProxy } = await import('wrangler');
	process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
	process.env.WRANGLER_SEND_METRICS = 'false';
	// Loaded by a computed name: the module runs Worker code, type-checked with the Worker's types (tsconfig.json, through its test).
	const agreementsModule = './agreements';
	const { seedAgreements } = (await import(agreementsModule)) as { seedAgreements: (env: unknown, opts: { now: number }) => Promise<{ state: string }[]> };
	const proxy = await getPlatformProxy({ configPath: path.join(root, 'wrangler.toml'), persist: { path: path.join(persistTo, 'v3') } });
	try {
		const agreements = await seedAgreements(proxy.env, { now: Date.now() });
		if (agreements.length) {
			const byState = new Map<string, number>();
			for (const a of agreements) byState.set(a.state, (byState.get(a.state) ?? 0) + 1);
			console.log(`Seeded ${agreements.length} agreements (${[...byState].map(([state, n]) => `${n} ${state}`).join(', ')}).`);
		}
	} finally {
		await proxy.dispose();
	}
	console.log(`Seeding took ${((Date.now() - started) / 1000).toFixed(1)} s. Demo logins:`);
	console.log(`  Brand:   ${DEMO_BRAND_EMAIL} / ${DEMO_PASSWORD}`);
	console.log(`  Creator: ${DEMO_CREATOR_EMAIL} / ${DEMO_PASSWORD}`);
}

main().catch((err: unknown) => fail(err instanceof Error ? (err.stack ?? err.message) : String(err)));
