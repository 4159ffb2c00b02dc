/**
 * The build-time choice of each page's messages (scripts/i18n-route-keys.mjs, issue 14
 * point 12): the key list it reads is the French catalogue's, its scanning rules, the files a
 * route reaches, and on the real app that a page gets its own messages and not the others'.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueKeys, keyScanner, routeKeys } from '../../scripts/i18n-route-keys.mjs';
import { fr } from '../../web/src/lib/i18n/fr';

const SRC = path.resolve('web/src');

describe('catalogueKeys', () => {
	it('reads exactly the French catalogue’s keys from the sources', () => {
		expect(catalogueKeys(SRC).sort()).toEqual(Object.keys(fr).sort());
	});
});

describe('keyScanner', () => {
	const scan = keyScanner(['a.title', 'a.lead', 'agr.status.draft', 'agr.status.signed', 'agr.party.brand', 'prefs.category.x.hint', 'prefs.category.y', 'other.thing']);
	const found = (source: string) => [...scan(source)].sort();

	it('keeps a key named anywhere: a call, a ternary, an object, markup', () => {
		expect(found(`t('a.title'); const k = ok ? "a.lead" : 'x'; <p>{t('agr.party.brand')}</p>`)).toEqual(['a.lead', 'a.title', 'agr.party.brand']);
	});

	it('keeps every key a template or a concatenation can build from a fixed start', () => {
		expect(found('t(`agr.status.${s}`)')).toEqual(['agr.status.draft', 'agr.status.signed']);
		expect(found("labelOf(t, 'agr.status.', s)")).toEqual(['agr.status.draft', 'agr.status.signed']);
		expect(found('t(`prefs.category.${c}.hint`)')).toEqual(['prefs.category.x.hint', 'prefs.category.y']);
	});

	it('is not thrown off by apostrophes, and a sentence ending in a word is not a prefix', () => {
		expect(found(`// the brand's 'a.title' isn't here\nconst s = "it's"; t('a.lead')`)).toEqual(['a.lead', 'a.title']);
		expect(found('// the agr.status. of a draft')).toEqual([]);
		expect(found('nothing.here and other.thing.')).toEqual(['other.thing']);
	});
});

describe('routeKeys', () => {
	it('follows a route’s layouts, page files and imports ($lib, relative, components), not the catalogues', () => {
		const src = mkdtempSync(path.join(tmpdir(), 'wasla-keys-'));
		const w = (file: string, text: string) => {
			mkdirSync(path.dirname(path.join(src, file)), { recursive: true });
			writeFileSync(path.join(src, file), text);
		};
		w('routes/+layout.svelte', "<script>import Nav from '$lib/Nav.svelte';</script>{t('k.layout')}");
		w('routes/+error.svelte', "{t('k.error')}");
		w('lib/Nav.svelte', "{t('k.nav')}");
		w('lib/i18n/fr.ts', "export const fr = { 'k.layout': 'x', 'k.page': 'y', 'k.other': 'z' };");
		w('routes/shop/+layout.server.ts', "import { labels } from './labels';");
		w('routes/shop/labels.ts', "export const labels = ['k.shopLayout'];");
		w('routes/shop/[id]/+page.svelte', "<script>import { fr } from '$lib/i18n/fr'; import { f } from '$lib/util';</script>{t('k.page')}");
		w('routes/shop/[id]/+page.server.ts', "fail(400, { error: 'k.server' })");
		w('lib/util.ts', 'export const f = () => t(`k.made.${x}`);');
		w('routes/other/+page.svelte', "{t('k.other')}");
		const keys = ['k.layout', 'k.error', 'k.nav', 'k.page', 'k.other', 'k.shopLayout', 'k.server', 'k.made.a', 'k.made.b'];
		const { routes, fallback } = routeKeys(src, keys);
		expect([...routes.keys()].sort()).toEqual(['/other', '/shop/[id]']);
		expect([...routes.get('/shop/[id]')!].sort()).toEqual(['k.error', 'k.layout', 'k.made.a', 'k.made.b', 'k.nav', 'k.page', 'k.server', 'k.shopLayout']);
		expect([...routes.get('/other')!].sort()).toEqual(['k.error', 'k.layout', 'k.nav', 'k.other']);
		expect([...fallback].sort()).toEqual(['k.error', 'k.layout', 'k.nav']);
	});

	it('on the app: each page gets its own messages and the layout’s, a small part of the catalogue', () => {
		const keys = catalogueKeys(SRC);
		const { routes, fallback } = routeKeys(SRC, keys);
		const matches = routes.get('/campaigns/[id]/matches')!;
		expect(matches.has('match.title') || [...matches].some((k) => k.startsWith('match.'))).toBe(true);
		expect(matches.has('campaign.format.reel')).toBe(true);
		expect(matches.has('verify.title')).toBe(false);
		for (const k of fallback) for (const [route, set] of routes) expect(set.has(k), `${route} has the layout's ${k}`).toBe(true);
		expect(fallback.has('error.404.title')).toBe(true);
		for (const [route, set] of routes) expect(set.size, route).toBeLessThan(keys.length / 4);
	});
});
