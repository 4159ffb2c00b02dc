/** The creator's legal identity kept on their profile for agreements (issue 14, point 4); GET /creators/me returns it as `legalDetails`. */
import * as v from 'valibot';
import { type Router, route } from '../route';
import { json } from '../body';
import { saveOwnLegalDetails } from '../services/creator-legal-details';
import { LegalDetailsBody, LegalDetailsOut } from './agreements.types';

export function creatorLegalDetailsRoutes(r: Router) {
	route(
		r,
		{
			method: 'put',
			path: '/creators/me/legal-details',
			summary: 'Keep the creator’s legal identity (legal name; RC, NIF or auto-entrepreneur card if any) for their next agreements: each new draft starts with it',
			tags: ['creators'],
			auth: 'creator',
			body: json(LegalDetailsBody),
			responses: {
				200: { description: 'Saved', schema: v.object({ legalDetails: LegalDetailsOut }) },
				400: { description: 'Invalid details (field errors)' },
				401: { description: 'No session' },
				403: { description: 'Not a creator' }
			}
		},
		async (c, { ctx, body }) => c.json(await saveOwnLegalDetails(ctx, body))
	);
}
