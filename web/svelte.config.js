import adapter from '@sveltejs/adapter-cloudflare';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ config: '../wrangler.toml' }),
		// The Worker checks Origin itself for every non-GET request (forms and JSON alike),
		// so SvelteKit's own form-only check would be a second, narrower copy.
		csrf: { trustedOrigins: ['*'] },
		alias: { $worker: '../worker' }
	}
};

export default config;
