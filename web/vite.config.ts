import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { routeKeysPlugin } from '../scripts/i18n-route-keys.mjs';
import { preloadDepsPlugin } from '../scripts/preload-deps.mjs';

export default defineConfig({
	// Each page is sent only the UI messages its route can show (scripts/i18n-route-keys.mjs); a part
	// loaded on demand preloads only the files the page does not already have (scripts/preload-deps.mjs).
	plugins: [sveltekit(), routeKeysPlugin(fileURLToPath(new URL('./src', import.meta.url))), preloadDepsPlugin()],
	server: { fs: { allow: ['..'] } },
	// Runtime modules of workerd (the SMTP client's `cloudflare:sockets`, imported when a message is sent) stay imports.
	build: { rolldownOptions: { external: [/^cloudflare:/] } }
});
