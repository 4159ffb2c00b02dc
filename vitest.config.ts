import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A throw-away sealing key and self-signed certificate per run, made by the same script
 * `npm start` uses for `.dev.vars` (run through tsx: the config loader does not resolve the
 * project's extensionless TypeScript imports).
 */
function testSealIdentity(): { key: string; cert: string } {
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'wasla-seal-')), 'seal.vars');
	execFileSync(path.resolve('node_modules/.bin/tsx'), ['scripts/dev-seal-key.ts', file], { stdio: 'ignore' });
	const vars = readFileSync(file, 'utf8');
	const read = (name: string) => JSON.parse(new RegExp(`^${name}=(".*")$`, 'm').exec(vars)![1]) as string;
	return { key: read('SEAL_PRIVATE_KEY'), cert: read('SEAL_CERTIFICATE') };
}

// Two projects:
// - `workers`: unit and API tests inside workerd with real D1 and R2 from miniflare,
//   migrated from the same db/migrations folder that `npm start` and deployments use.
// - `node`: tests that must run outside the Worker because they call system tools on
//   what the Worker code produced (pdftotext, pdftoppm, pdfsig from poppler-utils).
//   They import the same pure modules; nothing of ours is mocked. wrangler-config.test.ts
//   reads wrangler.toml through wrangler's own reader (what a deploy publishes).
export default defineConfig(async () => {
	const migrations = await readD1Migrations('db/migrations');
	const seal = testSealIdentity();
	return {
		test: {
			projects: [
				{
					plugins: [
						// SMTP_* point at the real SMTP server test/mail-inbox-setup.ts starts; INBOX_URL is where tests read what it received.
						cloudflareTest(({ inject }) => ({
							main: './worker/index.ts',
							wrangler: { configPath: './wrangler.toml' },
							miniflare: {
								// test/api/backup-restore.test.ts restores an export of DB into this empty database.
								d1Databases: { DB: 'wasla-test-db', RESTORE_DB: 'wasla-restore-db' },
								bindings: {
									TEST_MIGRATIONS: migrations,
									APP_ENV: 'development',
									APP_URL: 'http://wasla.test',
									SEAL_PRIVATE_KEY: seal.key,
									SEAL_CERTIFICATE: seal.cert,
									// A throw-away key per run for TOTP secrets at rest (worker/domain/two-factor.ts).
									MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
									SMTP_HOST: '127.0.0.1',
									SMTP_PORT: String(inject('smtpPort')),
									SMTP_SECURE: 'off',
									SMTP_FROM: 'Wasla <no-reply@wasla.test>',
									INBOX_URL: inject('inboxUrl'),
									// test/api/fuzz.test.ts: runs per route and seed (`npm run fuzz` sets more runs and a random seed).
									FUZZ_RUNS: process.env.FUZZ_RUNS ?? '',
									FUZZ_SEED: process.env.FUZZ_SEED ?? ''
								}
							}
						}))
					],
					test: {
						name: 'workers',
						globalSetup: ['./test/mail-inbox-setup.ts'],
						include: ['test/unit/**/*.test.ts', 'test/api/**/*.test.ts'],
						setupFiles: ['./test/setup.ts'],
						testTimeout: 30_000,
						// Hooks may wait up to 20 s to stay clear of a rate-limit window's edge
						// (test/api/helpers.ts awayFromRateWindowEdge); the 10 s default failed them.
						hookTimeout: 30_000
					}
				},
				{
					test: {
						name: 'node',
						environment: 'node',
						include: ['test/node/**/*.test.ts'],
						testTimeout: 60_000
					}
				}
			]
		}
	};
});
