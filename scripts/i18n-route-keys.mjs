/**
 * Which UI messages each page can show, read from the source at build time, so a page is
 * sent only its own messages in its reader’s language (web/src/lib/server/route-messages.ts), not the
 * three whole catalogues (issue 14, point 12).
 *
 * A route's files are its +page / +layout / +error files (Svelte, universal and server) and
 * every module of web/src they import, followed transitively. A file's keys are:
 * - every dotted word that is a key, wherever it stands: `t('campaign.title')`,
 *   `key: 'agr.party.brand'`, a ternary, markup;
 * - every key under a dotted word that ends a string or a template's fixed start, the
 *   prefix of a key built at run time: `labelOf(t, 'agr.audit.actor.', party)`,
 *   `` t(`campaign.format.${f}`) `` (a template that starts with `${…}` is not seen).
 * Extra keys cost a few bytes; a missing one shows the key on the page, so the web layer logs
 * it (`i18n.missing_key`) and the every-page browser test fails on it.
 * The catalogue files themselves (web/src/lib/i18n) are never scanned: they name every key.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The files SvelteKit reads for a route directory, in the order it nests them. */
const LAYOUT_FILES = ['+layout.svelte', '+layout.ts', '+layout.server.ts', '+error.svelte'];
const PAGE_FILES = ['+page.svelte', '+page.ts', '+page.server.ts'];
const EXTENSIONS = ['', '.ts', '.js', '.svelte', '/index.ts', '/index.js'];

/**
 * Every route of `srcDir/routes` with the keys it can show: `routes` maps a route id as
 * SvelteKit writes it (`/`, `/campaigns/[id]/matches`) to its keys; `fallback` is what a page
 * outside every route (a 404) shows, the root layout and error page.
 * @param {string} srcDir web/src
 * @param {readonly string[]} keys every UI key (catalogueKeys)
 * @returns {{ routes: Map<string, Set<string>>, fallback: Set<string> }}
 */
export function routeKeys(srcDir, keys) {
	const routesDir = path.join(srcDir, 'routes');
	const scan = keyScanner(keys);
	/** @type {Map<string, Set<string>>} */
	const perFile = new Map();
	const keysOf = (/** @type {string} */ file) => {
		let found = perFile.get(file);
		if (!found) perFile.set(file, (found = scan(readFileSync(file, 'utf8'))));
		return found;
	};
	const reach = (/** @type {string[]} */ entries) => {
		/** @type {Set<string>} */
		const out = new Set();
		for (const file of moduleGraph(srcDir, entries)) for (const k of keysOf(file)) out.add(k);
		return out;
	};
	const rootEntries = LAYOUT_FILES.map((f) => path.join(routesDir, f)).filter((f) => existsSync(f));
	/** @type {Map<string, Set<string>>} */
	const routes = new Map();
	for (const dir of pageDirs(routesDir)) {
		/** @type {string[]} */
		const entries = [];
		const rel = path.relative(routesDir, dir);
		const parts = rel === '' ? [] : rel.split(path.sep);
		for (let i = 0; i <= parts.length; i++) {
			const d = path.join(routesDir, ...parts.slice(0, i));
			for (const f of LAYOUT_FILES) if (existsSync(path.join(d, f))) entries.push(path.join(d, f));
		}
		for (const f of PAGE_FILES) if (existsSync(path.join(dir, f))) entries.push(path.join(dir, f));
		routes.set('/' + parts.join('/'), reach(entries));
	}
	return { routes, fallback: reach(rootEntries) };
}

/**
 * Directories under `routesDir` holding a +page.svelte.
 * @param {string} routesDir
 */
function pageDirs(routesDir) {
	/** @type {string[]} */
	const out = [];
	const walk = (/** @type {string} */ dir) => {
		if (existsSync(path.join(dir, '+page.svelte'))) out.push(dir);
		for (const name of readdirSync(dir).sort()) {
			const full = path.join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
		}
	};
	walk(routesDir);
	return out;
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g;

/**
 * `entries` and every file of `srcDir` they import, transitively (packages, $app and files
 * outside src are left out).
 * @param {string} srcDir
 * @param {string[]} entries
 * @returns {Set<string>}
 */
export function moduleGraph(srcDir, entries) {
	const libDir = path.join(srcDir, 'lib');
	const catalogueDir = path.join(libDir, 'i18n') + path.sep;
	/** @type {Set<string>} */
	const seen = new Set();
	const queue = [...entries];
	while (queue.length > 0) {
		const file = /** @type {string} */ (queue.pop());
		if (seen.has(file) || file.startsWith(catalogueDir)) continue;
		seen.add(file);
		for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
			const spec = m[2];
			const base = spec.startsWith('$lib/') ? path.join(libDir, spec.slice(5)) : spec === '$lib' ? libDir : spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : null;
			if (base === null || !base.startsWith(srcDir + path.sep)) continue;
			const found = EXTENSIONS.map((ext) => base + ext).find((f) => existsSync(f) && statSync(f).isFile());
			if (found) queue.push(found);
		}
	}
	return seen;
}

/**
 * A function from source text to the catalogue keys it names (the rules in this file's header).
 * @param {readonly string[]} keys
 * @returns {(source: string) => Set<string>}
 */
export function keyScanner(keys) {
	const all = new Set(keys);
	return (source) => {
		/** @type {Set<string>} */
		const out = new Set();
		// Every dotted word, wherever it stands (a string, a template, markup): no quote pairing
		// for an apostrophe in a comment to throw off. A word ending in a dot right before a
		// quote or `${` is the fixed start of a key built at run time.
		for (const m of source.matchAll(/[A-Za-z][\w-]*(?:\.[\w-]+)*\.?/g)) {
			const word = m[0];
			if (!word.endsWith('.')) {
				if (all.has(word)) out.add(word);
				continue;
			}
			const after = source.slice(m.index + word.length, m.index + word.length + 2);
			if (all.has(word.slice(0, -1))) out.add(word.slice(0, -1));
			if (/^['"`]|^\$\{/.test(after)) for (const k of keys) if (k.startsWith(word)) out.add(k);
		}
		return out;
	};
}

const VIRTUAL = 'virtual:wasla/route-keys';

/**
 * Every UI key, read from the catalogue sources (web/src/lib/i18n/fr.ts, ar.ts, en.ts and
 * parts/*.ts: one `'key': …` line each) rather than imported, so the Vite config needs no
 * TypeScript of the app. test/node/i18n-route-keys.test.ts checks the list is the French
 * catalogue's.
 * @param {string} srcDir web/src
 * @returns {string[]}
 */
export function catalogueKeys(srcDir) {
	const dir = path.join(srcDir, 'lib', 'i18n');
	const files = ['fr.ts', 'ar.ts', 'en.ts'].map((f) => path.join(dir, f));
	for (const f of readdirSync(path.join(dir, 'parts')).sort()) if (f.endsWith('.ts')) files.push(path.join(dir, 'parts', f));
	/** @type {Set<string>} */
	const keys = new Set();
	for (const file of files) for (const m of readFileSync(file, 'utf8').matchAll(/^\s*'([A-Za-z][\w-]*(?:\.[\w-]+)+)':/gm)) keys.add(m[1]);
	return [...keys];
}

/**
 * The Vite plugin behind `virtual:wasla/route-keys`: the key list once, then per route the
 * indexes of its keys (route-messages.ts turns them into messages). Recomputed whenever a
 * file changes under the dev server.
 * @param {string} srcDir web/src
 */
export function routeKeysPlugin(srcDir) {
	const resolved = '\0' + VIRTUAL;
	return {
		name: 'wasla-route-keys',
		resolveId: (/** @type {string} */ id) => (id === VIRTUAL ? resolved : null),
		load(/** @type {string} */ id) {
			if (id !== resolved) return null;
			const keys = catalogueKeys(srcDir);
			const { routes, fallback } = routeKeys(srcDir, keys);
			const index = new Map(keys.map((k, i) => [k, i]));
			const indexes = (/** @type {Set<string>} */ set) => [...set].map((k) => Number(index.get(k))).sort((a, b) => a - b);
			const table = Object.fromEntries([...routes].map(([route, set]) => [route, indexes(set)]));
			return `export const keys = ${JSON.stringify(keys)};\nexport const routes = ${JSON.stringify(table)};\nexport const fallback = ${JSON.stringify(indexes(fallback))};\n`;
		},
		configureServer(/** @type {import('vite').ViteDevServer} */ server) {
			server.watcher.on('change', () => {
				const mod = server.moduleGraph.getModuleById(resolved);
				if (mod) server.moduleGraph.invalidateModule(mod);
			});
		}
	};
}
