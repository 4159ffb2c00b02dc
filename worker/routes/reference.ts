/** Reference data and health. */
import * as v from 'valibot';
import { type Router, route } from '../route';

const WilayasQuery = v.object({ lang: v.optional(v.picklist(['fr', 'ar', 'en'], 'locale_invalid')) });

const WilayasResponse = v.object({
	wilayas: v.array(v.object({ code: v.string(), name: v.string(), nameFr: v.string(), nameAr: v.string(), parentCode: v.nullable(v.string()) }))
});

export function referenceRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/health',
			summary: 'Liveness: 200 once the database answers',
			tags: ['system'],
			auth: 'public',
			responses: { 200: { description: 'OK', schema: v.object({ ok: v.literal(true) }) } }
		},
		async (c) => {
			await c.env.DB.prepare('SELECT 1').first();
			return c.json({ ok: true });
		}
	);

	route(
		r,
		{
			method: 'get',
			path: '/wilayas',
			summary: 'The 69 wilayas, official codes, names in French and Arabic',
			tags: ['reference'],
			auth: 'public',
			query: WilayasQuery,
			responses: { 200: { description: 'OK', schema: WilayasResponse } }
		},
		async (c, { query }) => {
			const lang = query.lang ?? c.get('locale');
			const { results } = await c.env.DB.prepare('SELECT code, name_fr, name_ar, parent_code FROM wilayas ORDER BY code').all<{
				code: string;
				name_fr: string;
				name_ar: string;
				parent_code: string | null;
			}>();
			c.header('cache-control', 'public, max-age=3600');
			return c.json({
				wilayas: results.map((w) => ({
					code: w.code,
					name: lang === 'ar' ? w.name_ar : w.name_fr,
					nameFr: w.name_fr,
					nameAr: w.name_ar,
					parentCode: w.parent_code
				}))
			});
		}
	);
}
