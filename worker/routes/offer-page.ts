/**
 * The campaign landing page (issue 12, point 3), as the brand builds it: delivery terms and up
 * to 12 products with a photo and a price. Brand members of the campaign's brand; another
 * brand's campaign is 404. The public page itself is `/o/<slug>` (worker/routes/offer.ts).
 */
import { json, streamedUpload } from '../body';
import { AppError } from '../errors';
import { OFFER_PHOTO_MAX_BYTES, OFFER_PHOTO_TYPES } from '../domain/offer-page';
import { type Router, route } from '../route';
import { addOfferProduct, brandProductPhoto, deleteOfferProduct, getOfferPage, moveOfferProduct, setDeliveryTerms, updateOfferProduct } from '../services/attribution';
import { ById } from './params';
import { OfferPageBody, OfferPageResponse, ProductFields, ProductMove, ProductParams, ProductPatch, ProductResponse } from './offer-page.types';

const COMMON = { 401: { description: 'No session' }, 403: { description: 'Not a brand member' }, 404: { description: 'Not a campaign of the caller’s brand' } };

export function offerPageRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/campaigns/:id/offer-page',
			summary: 'The campaign landing page as the brand builds it: offer, delivery terms, products (at most 12), and each creator’s page /o/<slug> with its counted views',
			tags: ['attribution'],
			auth: 'brand',
			params: ById,
			responses: { 200: { description: 'OK', schema: OfferPageResponse }, ...COMMON }
		},
		async (c, { ctx, params }) => c.json(await getOfferPage(ctx, { campaignId: params.id }))
	);

	route(
		r,
		{
			method: 'put',
			path: '/campaigns/:id/offer-page',
			summary: 'Sets the delivery terms shown on the landing page',
			tags: ['attribution'],
			auth: 'brand',
			params: ById,
			body: json(OfferPageBody, { maxBytes: 16 * 1024 }),
			responses: { 200: { description: 'The page', schema: OfferPageResponse }, 400: { description: 'Over 500 characters, or control characters' }, ...COMMON }
		},
		async (c, { ctx, params, body }) => c.json(await setDeliveryTerms(ctx, { campaignId: params.id, deliveryTerms: body.deliveryTerms }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/campaigns/:id/offer-products',
			summary:
				'Adds a product to the landing page (multipart: name, priceDzd, optional file): at most 12 per campaign. The photo (PNG, JPEG or WebP detected from its bytes, at most 2 MB) is read only after the access and limit checks',
			tags: ['attribution'],
			auth: 'brand',
			params: ById,
			body: streamedUpload({
				maxBytes: OFFER_PHOTO_MAX_BYTES,
				types: OFFER_PHOTO_TYPES,
				fields: ProductFields,
				messages: { tooLarge: 'detail_offer_photo_too_large', wrongContent: 'detail_offer_photo_type' },
				description: 'The product photo: PNG, JPEG or WebP. Optional: a product may have none.'
			}),
			responses: {
				201: { description: 'Added', schema: ProductResponse },
				400: { description: 'A bad name or price, or an unreadable form' },
				409: { description: 'Already 12 products (`detail_offer_products_full`)' },
				413: { description: 'The photo is over 2 MB' },
				415: { description: 'Not multipart/form-data, or the photo is not PNG, JPEG or WebP' },
				...COMMON
			}
		},
		async (c, { ctx, params, body }) => c.json(await addOfferProduct(ctx, { campaignId: params.id, upload: body }), 201)
	);

	route(
		r,
		{
			method: 'patch',
			path: '/campaigns/:id/offer-products/:productId',
			summary: 'Renames a product or changes its price (JSON); its photo and its place on the page stay',
			tags: ['attribution'],
			auth: 'brand',
			params: ProductParams,
			body: json(ProductPatch, { maxBytes: 4 * 1024 }),
			responses: {
				200: { description: 'The product', schema: ProductResponse },
				400: { description: 'A bad name or price, or neither given' },
				...COMMON,
				404: { description: 'No such product in a campaign of the caller’s brand' }
			}
		},
		async (c, { ctx, params, body }) => c.json(await updateOfferProduct(ctx, { campaignId: params.id, productId: params.productId, name: body.name, priceDzd: body.priceDzd }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/campaigns/:id/offer-products/:productId/move',
			summary: 'Moves a product one place up or down on the landing page (at the top or bottom already, nothing changes)',
			tags: ['attribution'],
			auth: 'brand',
			params: ProductParams,
			body: json(ProductMove, { maxBytes: 1024 }),
			responses: {
				200: { description: 'The page, in its new order', schema: OfferPageResponse },
				400: { description: 'Neither up nor down' },
				...COMMON,
				404: { description: 'No such product in a campaign of the caller’s brand' }
			}
		},
		async (c, { ctx, params, body }) => c.json(await moveOfferProduct(ctx, { campaignId: params.id, productId: params.productId, direction: body.direction }))
	);

	route(
		r,
		{
			method: 'delete',
			path: '/campaigns/:id/offer-products/:productId',
			summary: 'Removes a product from the landing page, and its photo from storage',
			tags: ['attribution'],
			auth: 'brand',
			params: ProductParams,
			responses: { 204: { description: 'Deleted' }, ...COMMON, 404: { description: 'No such product in a campaign of the caller’s brand' } }
		},
		async (c, { ctx, params }) => {
			await deleteOfferProduct(ctx, { campaignId: params.id, productId: params.productId });
			return c.body(null, 204);
		}
	);

	route(
		r,
		{
			method: 'get',
			path: '/campaigns/:id/offer-products/:productId/photo',
			summary: 'A product’s photo for the brand’s own page (the public page serves it at /o/<slug>/photos/<productId>)',
			tags: ['attribution'],
			auth: 'brand',
			params: ProductParams,
			responses: { 200: { description: 'The image, with the type detected when it was received' }, ...COMMON, 404: { description: 'No such product or no photo' } }
		},
		async (_c, { ctx, params }) => {
			const photo = await brandProductPhoto(ctx, { campaignId: params.id, productId: params.productId });
			if (!photo) throw new AppError('not_found');
			return new Response(photo.body, { headers: photoHeaders(photo.type, photo.size, 'private, max-age=300') });
		}
	);
}

/**
 * A product photo shown inline: the type detected when it was received, nosniff, and a CSP
 * that sandboxes it should a browser open it as a document (the same as downloads).
 */
export function photoHeaders(type: string, size: number, cacheControl: string): Record<string, string> {
	return {
		'content-type': type,
		'content-length': String(size),
		'content-disposition': 'inline',
		'x-content-type-options': 'nosniff',
		'content-security-policy': "default-src 'none'; sandbox",
		'cross-origin-resource-policy': 'same-origin',
		'cache-control': cacheControl
	};
}
