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
	it('publishes APP_ENV = "production" from a plain deploy, the only deploy target', () => {
		expect(unstable_readConfig({ config }, { hideWarnings: true }).vars).toEqual({ APP_ENV: 'production' });
		expect(experimental_readRawConfig({ config }).rawConfig.env ?? {}).toEqual({});
	});

	it('runs worker/entry.ts with a cron, the jobs queue and its dead-letter queue (issue 10)', () => {
		const c = unstable_readConfig({ config }, { hideWarnings: true });
		expect(c.main).toMatch(/worker\/entry\.ts$/);
		expect(c.alias).toEqual({ 'sveltekit-worker': './web/.svelte-kit/cloudflare/_worker.js' });
		expect(c.triggers.crons).toEqual(['* * * * *']);
		expect(c.queues.producers).toEqual([expect.objectContaining({ binding: 'JOBS', queue: 'wasla-jobs' })]);
		const consumers = Object.fromEntries((c.queues.consumers ?? []).map((q: { queue: string }) => [q.queue, q]));
		expect(consumers['wasla-jobs']).toMatchObject({ dead_letter_queue: 'wasla-jobs-dlq', max_retries: 4 });
		expect(consumers['wasla-jobs-dlq']).toBeDefined();
	});

	it('bundles without keepNames (a __name() call per function created costs Worker CPU on every request: bench/workerd.mjs)', () => {
		expect(unstable_readConfig({ config }, { hideWarnings: true }).keep_names).toBe(false);
	});

	it('the adapter builds into the file the entry imports, from its own build-only config', () => {
		const build = unstable_readConfig({ config: 'wrangler.build.toml' }, { hideWarnings: true });
		expect(build.main).toMatch(/web\/\.svelte-kit\/cloudflare\/_worker\.js$/);
		expect(readFileSync('web/svelte.config.js', 'utf8')).toMatch(/adapter\(\{ config: '\.\.\/wrangler\.build\.toml' \}\)/);
	});

	it('says "development" nowhere, in no file', () => {
		const { rawConfig } = experimental_readRawConfig({ config });
		const envs = Object.keys(rawConfig.env ?? {});
		for (const name of envs) expect(unstable_readConfig({ config, env: name }, { hideWarnings: true }).vars.APP_ENV, name).toBe('production');
		expect(readFileSync(config, 'utf8')).not.toMatch(/^\s*APP_ENV\s*=\s*"development"/m);
	});
});

describe('development is explicit', () => {
	it('npm start passes --var APP_ENV:development to wrangler dev, on its command line only', () => {
		const start = readFileSync('scripts/start.mjs', 'utf8');
		const dev = (/\[\s*'dev',[^\]]*\]/.exec(start)?.[0] ?? '').replace(/\s+/g, ' ');
		expect(dev).toContain("'--var', 'APP_ENV:development'");
	});

	it('the tests bind APP_ENV = "development" themselves', () => {
		expect(readFileSync('vitest.config.ts', 'utf8')).toMatch(/APP_ENV: 'development'/);
	});
});
