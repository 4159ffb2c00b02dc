/**
 * Reading a SQL dump back into statements (issue 15, point 7), for the restore of an export
 * in the shape `wrangler d1 export` writes: one statement after another, INSERTs on one line
 * (newlines inside values written as `replace('…\n…','\n',char(10))`), CREATE TABLE and
 * CREATE TRIGGER over several lines, a trigger's body holding its own `;`s up to `END;`.
 */

/**
 * Splits `sql` into statements, each without its final `;`. A `;` ends a statement unless it
 * stands inside a quoted string or identifier ('…', "…", `…`, […]) or a comment, or inside
 * the body of a CREATE TRIGGER, which ends at the `;` right after its `END`. Comments and
 * blank text between statements are dropped.
 */
export function splitSqlStatements(sql: string): string[] {
	const out: string[] = [];
	let start = 0;
	let i = 0;
	const push = (end: number) => {
		const text = stripLeadingComments(sql.slice(start, end)).trim();
		if (text) out.push(text);
		start = end + 1;
	};
	while (i < sql.length) {
		const ch = sql[i];
		const close = ch === "'" || ch === '"' || ch === '`' ? ch : ch === '[' ? ']' : null;
		if (close) {
			i++;
			while (i < sql.length) {
				if (sql[i] === close) {
					// A doubled quote is an escaped quote (not for [ … ]).
					if (close !== ']' && sql[i + 1] === close) i += 2;
					else break;
				} else i++;
			}
			i++;
			continue;
		}
		if (ch === '-' && sql[i + 1] === '-') {
			const nl = sql.indexOf('\n', i);
			i = nl === -1 ? sql.length : nl + 1;
			continue;
		}
		if (ch === '/' && sql[i + 1] === '*') {
			const endComment = sql.indexOf('*/', i + 2);
			i = endComment === -1 ? sql.length : endComment + 2;
			continue;
		}
		if (ch === ';') {
			const sofar = stripLeadingComments(sql.slice(start, i)).trim();
			if (!/^CREATE\s+(TEMP\s+|TEMPORARY\s+)?TRIGGER\b/i.test(sofar) || /\bEND$/i.test(sofar)) push(i);
		}
		i++;
	}
	push(sql.length);
	return out;
}

function stripLeadingComments(text: string): string {
	let t = text.trimStart();
	for (;;) {
		if (t.startsWith('--')) {
			const nl = t.indexOf('\n');
			t = nl === -1 ? '' : t.slice(nl + 1).trimStart();
		} else if (t.startsWith('/*')) {
			const end = t.indexOf('*/');
			t = end === -1 ? '' : t.slice(end + 2).trimStart();
		} else return t;
	}
}

/**
 * The statements of an export in an order that imports: the PRAGMAs, every CREATE TABLE, then
 * everything else as it came (rows, then indexes, triggers and views). `wrangler d1 export`
 * writes each table's rows right after its CREATE, tables in creation order, so a table a
 * migration rebuilt (created again, later) comes after the tables that reference it, and their
 * rows fail with "no such table" (cloudflare/workers-sdk#5683, workerd#2471). Deferred foreign
 * keys cover rows whose parent comes later, not a parent table that does not exist yet.
 */
export function restoreOrder(statements: readonly string[]): string[] {
	const pragma = statements.filter((s) => /^PRAGMA\b/i.test(s));
	const tables = statements.filter((s) => /^CREATE\s+TABLE\b/i.test(s));
	const rest = statements.filter((s) => !/^PRAGMA\b/i.test(s) && !/^CREATE\s+TABLE\b/i.test(s));
	return [...pragma, ...tables, ...rest];
}

/** Tables of a database that a dump carries (sqlite_* and Cloudflare's _cf_* are the platform's). */
export function isUserTable(name: string): boolean {
	return !name.startsWith('sqlite_') && !name.startsWith('_cf_');
}
