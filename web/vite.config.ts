import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { routeKeysPlugin } from '../scripts/i18n-route-keys.mjs';

export default defineConfig({
	// Each page is sent only the UI messages its route can show (scripts/i18n-route-keys.mjs).
	plugins: [sveltekit(), routeKeysPlugin(fileURLToPath(new URL('./src', import.meta.url)))],
	server: { fs: { allow: ['..'] } },
	// Runtime modules of workerd (the SMTP client's `cloudflare:sockets`, imported when a message is sent) stay imports.
	build: { rolldownOptions: { external: [/^cloudflare:/] } }
});
