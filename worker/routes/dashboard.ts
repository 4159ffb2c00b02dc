/** GET /me/dashboard: the dashboard page's cards in one request (worker/services/dashboard.ts says why). */
import { type Router, route } from '../route';
import { loadDashboard } from '../services/dashboard';
import { DashboardResponse } from './dashboard.types';

export function dashboardRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/me/dashboard',
			summary: 'Everything the dashboard shows, in one request: a brand member’s invitations, team, latest campaigns and due deliverables; a creator’s applications, due deliverables and checklist',
			tags: ['accounts'],
			auth: 'user',
			responses: { 200: { description: 'OK; a card the caller has none of is null', schema: DashboardResponse }, 401: { description: 'No session' } }
		},
		async (c, { ctx }) => c.json(await loadDashboard(ctx))
	);
}
