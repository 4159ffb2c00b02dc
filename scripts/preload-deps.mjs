/**
 * Issue 15, point 5: no page pays for a list of files it already has.
 *
 * A part of the client loaded on demand (a part of a page its state needs, the passkey
 * library) goes through Vite's preload helper with the list of the files it needs, so they
 * download side by side. That list named the shared files too: the Svelte runtime,
 * SvelteKit's client and the root layout's modules, which the browser has loaded before any
 * page runs (SvelteKit starts `entry/start`, `entry/app` and the root layout, node 0, first).
 * This plugin drops them from the lists (Vite's `modulePreload.resolveDependencies`); what is
 * left to fetch is still preloaded side by side, and stylesheets are untouched.
 */

/** The files every page loads first: the static imports of SvelteKit's entries and of the root layout. */
const FIRST = /^(entry\/start|entry\/app|nodes\/0)$/;

/** @returns {import('vite').Plugin} */
export function preloadDepsPlugin() {
	/** @type {Set<string>} */
	let loaded = new Set();
	return {
		name: 'wasla-preload-deps',
		apply: 'build',
		config(_, { isSsrBuild }) {
			if (isSsrBuild) return;
			return { build: { modulePreload: { resolveDependencies: (_file, deps) => deps.filter((dep) => !loaded.has(dep)) } } };
		},
		generateBundle: {
			// Before Vite's own generateBundle writes the lists.
			order: 'pre',
			handler(_, bundle) {
				loaded = new Set();
				/** @param {string} file */
				const add = (file) => {
					const chunk = bundle[file];
					if (loaded.has(file) || chunk?.type !== 'chunk') return;
					loaded.add(file);
					chunk.imports.forEach(add);
				};
				for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk' && chunk.isEntry && FIRST.test(chunk.name)) add(chunk.fileName);
			}
		}
	};
}
