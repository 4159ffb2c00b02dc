import { describe, expect, it } from 'vitest';
import { restoreOrder, splitSqlStatements } from '../../worker/domain/sql-dump';

describe('reading an export back into statements', () => {
	it('splits on ; outside strings, identifiers, comments and trigger bodies', () => {
		const sql = [
			'PRAGMA defer_foreign_keys=TRUE;',
			'CREATE TABLE IF NOT EXISTS "a;b" (\n\tid text PRIMARY KEY, -- a comment; with a semicolon\n\tnote text\n);',
			'INSERT INTO "a;b" ("id","note") VALUES(\'x\',\'it\'\'s; fine\');',
			'INSERT INTO "a;b" ("id","note") VALUES(\'y\',replace(\'one\\ntwo;\',\'\\n\',char(10)));',
			"CREATE TRIGGER `t` BEFORE DELETE ON `a;b`\nBEGIN\n\tSELECT RAISE(ABORT, 'no; never');\n\tSELECT 1;\nEND;",
			'/* trailing */ CREATE INDEX `i` ON `a;b` (`note`);'
		].join('\n');
		expect(splitSqlStatements(sql)).toEqual([
			'PRAGMA defer_foreign_keys=TRUE',
			'CREATE TABLE IF NOT EXISTS "a;b" (\n\tid text PRIMARY KEY, -- a comment; with a semicolon\n\tnote text\n)',
			'INSERT INTO "a;b" ("id","note") VALUES(\'x\',\'it\'\'s; fine\')',
			'INSERT INTO "a;b" ("id","note") VALUES(\'y\',replace(\'one\\ntwo;\',\'\\n\',char(10)))',
			"CREATE TRIGGER `t` BEFORE DELETE ON `a;b`\nBEGIN\n\tSELECT RAISE(ABORT, 'no; never');\n\tSELECT 1;\nEND",
			'CREATE INDEX `i` ON `a;b` (`note`)'
		]);
	});

	it('creates every table before the first row (a rebuilt parent table comes late in an export)', () => {
		const order = restoreOrder([
			'PRAGMA defer_foreign_keys=TRUE',
			'CREATE TABLE child (p REFERENCES parent(id))',
			'INSERT INTO child VALUES(1)',
			'CREATE TABLE parent (id)',
			'INSERT INTO parent VALUES(1)',
			'CREATE INDEX i ON child (p)'
		]);
		expect(order).toEqual([
			'PRAGMA defer_foreign_keys=TRUE',
			'CREATE TABLE child (p REFERENCES parent(id))',
			'CREATE TABLE parent (id)',
			'INSERT INTO child VALUES(1)',
			'INSERT INTO parent VALUES(1)',
			'CREATE INDEX i ON child (p)'
		]);
	});
});
