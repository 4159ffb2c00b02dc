import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// Two projects:
// - `workers`: unit and API tests inside workerd with real D1 and R2 from miniflare,
//   migrated from the same db/migrations folder that `npm start` and deployments use.
// - `node`: tests that must run outside the Worker because they call system tools on
//   what the Worker code produced (pdftotext, pdftoppm, pdfsig from poppler-utils).
//   They import the same pure modules; nothing of ours is mocked.
export default defineConfig(async () => {
	const migrations = await readD1Migrations('db/migrations');
	return {
		test: {
			projects: [
				{
					plugins: [
						cloudflareTest({
							main: './worker/index.ts',
							wrangler: { configPath: './wrangler.toml' },
							miniflare: {
								bindings: { TEST_MIGRATIONS: migrations, APP_ENV: 'development' }
							}
						})
					],
					test: {
						name: 'workers',
						include: ['test/unit/**/*.test.ts', 'test/api/**/*.test.ts'],
						setupFiles: ['./test/setup.ts'],
						testTimeout: 30_000
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
