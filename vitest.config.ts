import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// Unit and API tests run inside workerd with real D1 and R2 from miniflare, migrated
// from the same db/migrations folder that `npm start` and deployments use.
export default defineConfig(async () => {
	const migrations = await readD1Migrations('db/migrations');
	return {
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
			include: ['test/unit/**/*.test.ts', 'test/api/**/*.test.ts'],
			setupFiles: ['./test/setup.ts'],
			testTimeout: 30_000
		}
	};
});
