import adapter from '@sveltejs/adapter-cloudflare';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// A build-only wrangler config: the adapter writes its Worker to that config's `main`,
		// which worker/entry.ts (wrangler.toml's `main`) imports; see wrangler.build.toml.
		adapter: adapter({ config: '../wrangler.build.toml' }),
		// The Worker checks Origin itself for every non-GET request (forms and JSON alike),
		// so SvelteKit's own form-only check would be a second, narrower copy.
		csrf: { trustedOrigins: ['*'] },
		// Content-Security-Policy, sent as a response header on every rendered page (the
		// other security headers are set in hooks.server.ts; ARCHITECTURE.md explains the
		// choices). Scripts: our own files, plus SvelteKit's start script and the typing
		// recorder in app.html, which carry the per-response nonce; nothing injected runs.
		// Styles: our own stylesheets (and any <style> SvelteKit inlines, nonced); only
		// style="" attributes may be inline, because Svelte writes `style:` directives (the
		// bar charts) as attributes. Attributes hold no selectors, and a url() in them can
		// only reach img-src/font-src, which are 'self'.
		csp: {
			mode: 'nonce',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'frame-src': ['none'],
				'worker-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		alias: { $worker: '../worker' },
		// The server finds the page a link leads to (a small /…/__route.js answer, fetched when the
		// link is hovered or touched, as the page's data is), so no page carries the table of every
		// route and the files each needs: 2.8 KB (gzip) less JavaScript on every first visit,
		// growing with the app otherwise (issue 15, point 5). See ARCHITECTURE.md.
		router: { resolution: 'server' },
		// A page's own stylesheets (its components', all under 6 KB) are inlined in its <head>,
		// nonced like the scripts, so the only render-blocking request is app.css, which every
		// page shares and the browser caches (issue 15, point 5: first paint on a slow phone).
		inlineStyleThreshold: 6 * 1024
	}
};

export default config;
