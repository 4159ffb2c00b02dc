/**
 * What every CSV import route shares (stats imports, the orders import): the CSV body kind
 * with the import limits, row errors as the API writes them, the 422 that lists them, and
 * the query choosing preview or importing the valid rows only.
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import type { AppEnv, Locale } from '../env';
import { isMessageKey, t, type MessageKey } from '../i18n';
import { problemBody, problemResponse } from '../problem';
import { csv } from '../body';
import { MAX_IMPORT_BYTES, type RowError } from '../domain/stats-import';

const msg = (locale: Locale, key: string) => (isMessageKey(key) ? t(locale, key as MessageKey) : key);

/** Row errors with their line, column and translated message. */
export const rowErrorsOut = (locale: Locale, errors: RowError[]) => errors.map((e) => ({ line: e.line, column: e.column, path: e.column, message: msg(locale, e.key) }));

/** A CSV import body (2 MB; its columns named in the documentation). */
export const importCsv = (columns: string) => csv({ maxBytes: MAX_IMPORT_BYTES, messages: { tooLarge: 'detail_import_too_large' }, description: `Columns: ${columns}` });

/** ?mode=preview saves nothing; ?importValid=1 imports the valid rows of a file with bad ones. */
export const ImportQuery = v.object({
	mode: v.optional(v.picklist(['preview', 'import'], 'invalid_type')),
	importValid: v.optional(v.picklist(['0', '1', 'true', 'false'], 'invalid_type'))
});

export const wantsValidRows = (query: v.InferOutput<typeof ImportQuery>) => query.importValid === '1' || query.importValid === 'true';

/** 422 listing each bad CSV row's line and column; nothing was saved. */
export function csvRowsProblem(c: Context<AppEnv>, errors: RowError[]) {
	const locale = c.get('locale');
	return problemResponse({ ...problemBody('unprocessable', locale, { detailKey: 'detail_import_rows', requestId: c.get('requestId') }), errors: rowErrorsOut(locale, errors) });
}
