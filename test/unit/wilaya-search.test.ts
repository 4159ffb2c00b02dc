import { describe, expect, it } from 'vitest';
import wilayasCsv from '../../db/wilayas.csv?raw';
import { searchText, wilayaMatches } from '../../web/src/lib/wilaya-search';

describe('wilaya search', () => {
	it('reduces accents, case, harakat and alif forms', () => {
		expect(searchText('Béjaïa')).toBe('bejaia');
		expect(searchText('Aïn Témouchent')).toBe('ain temouchent');
		expect(searchText('الأغواط')).toBe('الاغواط');
		expect(searchText('عَيْن الدِّفْلَى')).toBe('عين الدفلي');
	});

	const oran = { code: '31', name: 'Oran', nameAr: 'وهران' };
	const ainDefla = { code: '44', name: 'Aïn Defla', nameAr: 'عين الدفلى' };
	const adrar = { code: '01', name: 'Adrar', nameAr: 'أدرار' };

	it('finds a wilaya by number, with or without the leading zero', () => {
		expect(wilayaMatches(adrar, '1')).toBe(true);
		expect(wilayaMatches(adrar, '01')).toBe(true);
		expect(wilayaMatches(oran, '3')).toBe(false);
		expect(wilayaMatches(oran, '31')).toBe(true);
	});

	it('finds a wilaya by the start of any word of its name, in either script', () => {
		expect(wilayaMatches(oran, 'or')).toBe(true);
		expect(wilayaMatches(oran, 'وهر')).toBe(true);
		expect(wilayaMatches(ainDefla, 'defla')).toBe(true);
		expect(wilayaMatches(ainDefla, 'ain')).toBe(true);
		expect(wilayaMatches(ainDefla, 'الدفلى')).toBe(true);
		expect(wilayaMatches(adrar, 'ادرار')).toBe(true);
		expect(wilayaMatches(oran, 'ad')).toBe(false);
		expect(wilayaMatches(oran, '')).toBe(true);
	});

	it('narrows the 69 wilayas of the reference data to the right ones', () => {
		const [header, ...lines] = wilayasCsv.trim().split('\n');
		const cols = header.split(',');
		const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
		const wilayas = rows.map((r) => ({ code: r.code, name: r.name_fr, nameAr: r.name_ar }));
		expect(wilayas).toHaveLength(69);
		const found = (q: string) => wilayas.filter((w) => wilayaMatches(w, q)).map((w) => w.name);
		expect(found('bej')).toEqual(['Bejaïa']);
		expect(found('ain')).toEqual(['Aïn Defla', 'Aïn Temouchent', 'Aïn Ouessara']);
		expect(found('عين')).toEqual(['Aïn Defla', 'Aïn Temouchent', 'Aïn Ouessara']);
		expect(found('tizi')).toEqual(['Tizi Ouzou']);
		expect(found('وهران')).toEqual(['Oran']);
	});
});
