/**
 * Finding a wilaya by what someone types (issue 14, point 13): its number ("31", "7"), or its
 * name in French or Arabic, whatever the script of the page. Accents, case, Arabic harakat,
 * tatweel and the hamza forms of alif do not matter ("bejaia" finds Béjaïa, "الاغواط" finds
 * الأغواط); "ain" finds "Aïn Defla" and "Ain Témouchent" at the start of any word.
 */
export interface SearchableWilaya {
	code: string;
	name: string;
	nameFr?: string;
	nameAr?: string;
}

/** Text reduced to what a search compares: lower case, no accents or harakat, one alif, hyphens as spaces. */
export function searchText(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/gu, '')
		.replace(/[أإآٱ]/gu, 'ا')
		.replace(/ى/gu, 'ي')
		.replace(/ة/gu, 'ه')
		.toLowerCase()
		.replace(/[-'’`.]/gu, ' ')
		.replace(/\s+/gu, ' ')
		.trim();
}

/** True when `query` is the wilaya's number or the start of a word of one of its names (empty query: every wilaya). */
export function wilayaMatches(wilaya: SearchableWilaya, query: string): boolean {
	const q = searchText(query);
	if (q === '') return true;
	if (/^\d+$/u.test(q)) return Number(q) === Number(wilaya.code);
	const names = [wilaya.name, wilaya.nameFr ?? '', wilaya.nameAr ?? ''].map(searchText).filter(Boolean);
	return names.some((name) => name.startsWith(q) || name.includes(` ${q}`) || (q.length >= 3 && name.includes(q)));
}
