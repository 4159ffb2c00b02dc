/** The creator's first steps, for the dashboard (issue 14, point 1). */
import { type Router, route } from '../route';
import { getCreatorChecklist } from '../services/creator-checklist';
import { ChecklistOut } from './creator-checklist.types';

export function creatorChecklistRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/me/checklist',
			summary: 'The creator’s first steps — profile, stats, media kit, first application, first agreement — each done or not from the account’s real state, with its page and the next step',
			tags: ['creators'],
			auth: 'creator',
			responses: {
				200: { description: 'The checklist', schema: ChecklistOut },
				401: { description: 'No session' },
				403: { description: 'Not a creator' },
				404: { description: 'No creator profile' }
			}
		},
		async (c, { ctx }) => c.json(await getCreatorChecklist(ctx))
	);
}
