/**
 * Writes db/migrations/0001_wilayas.sql from db/wilayas.csv (the shared reference file).
 * Run with `npm run db:wilayas` after the CSV changes; a test checks that both agree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseWilayasCsv } from './wilayas';

const rows = parseWilayasCsv(readFileSync(new URL('./wilayas.csv', import.meta.url), 'utf8'));
const q = (s: string | null) => (s === null ? 'NULL' : `'${s.replaceAll("'", "''")}'`);
const sql =
	'-- Reference data: the 69 wilayas, generated from db/wilayas.csv by db/wilayas-migration.ts.\n' +
	rows.map((w) => `INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES (${q(w.code)}, ${q(w.nameFr)}, ${q(w.nameAr)}, ${q(w.parentCode)});`).join('\n--> statement-breakpoint\n') +
	'\n';
writeFileSync(new URL('./migrations/0001_wilayas.sql', import.meta.url), sql);
console.log(`wrote ${rows.length} wilayas`);
