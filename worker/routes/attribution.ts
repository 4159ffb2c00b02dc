/**
 * Attribution (issue 12): the codes and tracked link of a signed agreement, and the limited
 * offer a creator announces. Only the agreement's parties; anyone else gets 404.
 */
import { type Router, route } from '../route';
import { json } from '../body';
import { ById } from './params';
import { getCodes, setOfferWindow } from '../services/attribution';
import { CodesResponse, OfferWindowBody } from './attribution.types';

const COMMON = { 401: { description: 'No session' }, 404: { description: 'Not found, or not one of its parties' } };

export function attributionRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/agreements/:id/codes',
			summary: 'The promo code, WhatsApp keyword and tracked link of an agreement, whether each is live, and the announced limited offer',
			tags: ['attribution'],
			auth: 'user',
			params: ById,
			responses: { 200: { description: 'OK', schema: CodesResponse }, ...COMMON, 409: { description: 'The agreement’s stored terms are unreadable' } }
		},
		async (c, { ctx, params }) => c.json(await getCodes(ctx, { agreementId: params.id }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/agreements/:id/offer-window',
			summary: 'Records the limited offer (24 to 48 hours) the creator announces; recording again replaces it',
			tags: ['attribution'],
			auth: 'user',
			params: ById,
			body: json(OfferWindowBody),
			responses: { 200: { description: 'The codes with the offer', schema: CodesResponse }, ...COMMON, 409: { description: 'Not signed yet (`detail_offer_unsigned`)' } }
		},
		async (c, { ctx, params, body }) => c.json(await setOfferWindow(ctx, { agreementId: params.id, startsAt: Date.parse(body.startsAt), hours: body.hours, note: body.note }))
	);
}
