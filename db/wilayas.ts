/** Parsing of db/wilayas.csv (code,name_fr,name_ar,parent_code). Names contain no commas. */
export interface WilayaRow {
	code: string;
	nameFr: string;
	nameAr: string;
	parentCode: string | null;
}

export function parseWilayasCsv(csv: string): WilayaRow[] {
	const [header, ...lines] = csv.trim().split(/\r?\n/);
	if (header !== 'code,name_fr,name_ar,parent_code') throw new Error('unexpected wilayas.csv header');
	return lines.map((line) => {
		const [code, nameFr, nameAr, parent] = line.split(',');
		return { code, nameFr, nameAr, parentCode: parent ? parent : null };
	});
}
