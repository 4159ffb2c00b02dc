/**
 * Issue 9, point 11: a plain `wrangler deploy` is a production deploy. The configuration is
 * read by wrangler itself (`unstable_readConfig`, what `wrangler deploy` resolves), so the
 * test sees the vars a deploy would publish, with and without `--env production`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { experimental_readRawConfig, unstable_readConfig } from 'wrangler';

const config = 'wrangler.toml';

describe('wrangler.toml', () => {
	it('publishes APP_ENV = "production" from a plain deploy and from --env production', () => {
		expect(unstable_readConfig({ config }, { hideWarnings: true }).vars).toEqual({ APP_ENV: 'production' });
		expect(unstable_readConfig({ config, env: 'production' }, { hideWarnings: true }).vars).toEqual({ APP_ENV: 'production' });
	});

	it('says "development" nowhere, in no environment', () => {
		const { rawConfig } = experimental_readRawConfig({ config });
		const envs = Object.keys(rawConfig.env ?? {});
		for (const name of envs) expect(unstable_readConfig({ config, env: name }, { hideWarnings: true }).vars.APP_ENV, name).toBe('production');
		expect(readFileSync(config, 'utf8')).not.toMatch(/^\s*APP_ENV\s*=\s*"development"/m);
	});
});

describe('development is explicit', () => {
	it('npm start passes --var APP_ENV:development to wrangler dev, on its command line only', () => {
		const start = readFileSync('scripts/start.mjs', 'utf8');
		const dev = /\['dev',[^\]]*\]/.exec(start)?.[0] ?? '';
		expect(dev).toContain("'--var', 'APP_ENV:development'");
	});

	it('the tests bind APP_ENV = "development" themselves', () => {
		expect(readFileSync('vitest.config.ts', 'utf8')).toMatch(/APP_ENV: 'development'/);
	});
});
