/**
 * The brief templates as a brand gets them (issue 14, point 5): the brand's own name and
 * the number of wilayas in the reference table filled in, never a literal of the template.
 */
import type { CallerContext } from '../context';
import { briefTemplate, type TemplateLang } from '../domain/brief-templates';
import type { Objective } from '../domain/taxonomy';
import { currentBrand } from './accounts';

/** The templates of the given objectives in `lang`, filled with what the app knows about the caller. */
export async function listBriefTemplates(ctx: CallerContext, input: { objectives: readonly Objective[]; lang: TemplateLang }) {
	const [brand, count] = await Promise.all([
		ctx.user.role === 'brand' ? currentBrand(ctx, ctx.user.id) : Promise.resolve(null),
		ctx.db.prepare('SELECT count(*) AS n FROM wilayas').first<{ n: number }>()
	]);
	const facts = { brandName: brand?.name ?? null, wilayaCount: count?.n ?? 0 };
	return { templates: input.objectives.map((objective) => ({ objective, lang: input.lang, ...briefTemplate(objective, input.lang, facts) })) };
}
