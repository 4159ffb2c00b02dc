/** Reference data (the wilayas) and the health check. */
import type { wilayas } from '../../db/schema';
import type { SqlRow } from '../../db/schema/sql-row';
import type { ServiceContext } from '../context';
import type { Locale } from '../env';

/** Resolves once the database answers a query. */
export async function checkDatabase(ctx: ServiceContext) {
	await ctx.db.prepare('SELECT 1').first();
	return { ok: true as const };
}

/** The wilayas by official code, named in `lang` (Arabic, else French), with both names. */
export async function listWilayas(ctx: ServiceContext, input: { lang: Locale }) {
	const { results } = await ctx.db.prepare('SELECT code, name_fr, name_ar, parent_code FROM wilayas ORDER BY code').all<SqlRow<typeof wilayas>>();
	return {
		wilayas: results.map((w) => ({
			code: w.code,
			name: input.lang === 'ar' ? w.name_ar : w.name_fr,
			nameFr: w.name_fr,
			nameAr: w.name_ar,
			parentCode: w.parent_code
		}))
	};
}
