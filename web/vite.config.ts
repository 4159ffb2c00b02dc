import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [sveltekit()],
	server: { fs: { allow: ['..'] } },
	// Runtime modules of workerd (the SMTP client's `cloudflare:sockets`, imported when a message is sent) stay imports.
	build: { rolldownOptions: { external: [/^cloudflare:/] } }
});
