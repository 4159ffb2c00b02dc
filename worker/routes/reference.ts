/** Reference data and health. */
import * as v from 'valibot';
import { type Router, route } from '../route';
import { checkDatabase, listWilayas } from '../services/reference';

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
		async (c, { ctx }) => c.json(await checkDatabase(ctx))
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
		async (c, { ctx, query }) => {
			const out = await listWilayas(ctx, { lang: query.lang ?? ctx.locale });
			c.header('cache-control', 'public, max-age=3600');
			return c.json(out);
		}
	);
}
