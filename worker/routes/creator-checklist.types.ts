/** Schema of the creator's checklist (GET /me/checklist, issue 14 point 1). */
import * as v from 'valibot';
import { CHECKLIST_STEPS } from '../domain/creator-checklist';

export const ChecklistOut = v.object({
	items: v.array(
		v.object({
			step: v.pipe(v.picklist(CHECKLIST_STEPS), v.description('profile, stats, mediaKit, application or agreement, in this order.')),
			done: v.boolean(),
			href: v.pipe(v.string(), v.description('The page of the app where the step is done or seen (a path on this site).')),
			action: v.picklist(['fill', 'edit', 'import', 'view', 'browse', 'sign', 'open']),
			missing: v.pipe(v.array(v.string()), v.description('profile: the parts still missing (displayName, wilaya, niches, accounts).'))
		})
	),
	next: v.nullable(v.picklist(CHECKLIST_STEPS)),
	done: v.number(),
	total: v.number()
});
