/** Data the campaign pages share: wilaya names in the viewer's language, brief templates. */
import type { Brief, Objective, Wilaya } from '$lib/campaigns';
import type { Locale } from '$lib/i18n';
import { apiJson } from './api';

export async function loadWilayas(fetch: typeof globalThis.fetch, locale: Locale): Promise<Wilaya[]> {
	const res = await apiJson<{ wilayas: Wilaya[] }>(fetch, `/wilayas?lang=${locale}`, 'GET');
	return res.ok ? res.data.wilayas.map((w) => ({ code: w.code, name: w.name })) : [];
}

/** The wilayas for a picker: each also with its name in the other script, so a search in either finds it. */
export async function loadWilayaChoices(fetch: typeof globalThis.fetch, locale: Locale): Promise<Wilaya[]> {
	const res = await apiJson<{ wilayas: (Wilaya & { nameFr: string; nameAr: string })[] }>(fetch, `/wilayas?lang=${locale}`, 'GET');
	return res.ok ? res.data.wilayas.map((w) => ({ code: w.code, name: w.name, alt: locale === 'ar' ? w.nameFr : w.nameAr })) : [];
}

export async function loadTemplates(fetch: typeof globalThis.fetch, locale: Locale): Promise<Partial<Record<Objective, Brief>>> {
	const res = await apiJson<{ templates: (Brief & { objective: Objective })[] }>(fetch, `/brief-templates?lang=${locale}`, 'GET');
	if (!res.ok) return {};
	return Object.fromEntries(res.data.templates.map(({ objective, keyMessages, dos, donts, angle }) => [objective, { keyMessages, dos, donts, angle }]));
}
