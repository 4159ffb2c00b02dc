/** Schemas of the campaign landing page routes (issue 12, point 3). Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { multiLineCheck, singleLineCheck } from '../domain/text';
import { DELIVERY_TERMS_MAX, PRODUCT_NAME_MAX, parsePriceDzd } from '../domain/offer-page';
import { IdParam } from './params';

export const ProductParams = v.object({ id: IdParam, productId: IdParam });

export const OfferPageBody = v.strictObject({
	deliveryTerms: v.pipe(
		v.string('offer_delivery_terms_length'),
		v.trim(),
		multiLineCheck(),
		v.maxLength(DELIVERY_TERMS_MAX, 'offer_delivery_terms_length'),
		v.description('Shown on the page: "Livraison 58 wilayas, paiement à la livraison, 400 DA Alger". At most 500 characters; "" removes them.')
	)
});

/** The text fields of the add-product form (multipart; the photo is the body kind's `file`). */
export const ProductFields = v.object({
	name: v.pipe(
		v.string('offer_product_name_length'),
		v.trim(),
		v.minLength(1, 'offer_product_name_length'),
		singleLineCheck(),
		v.maxLength(PRODUCT_NAME_MAX, 'offer_product_name_length'),
		v.description('One line, 1 to 80 characters.')
	),
	priceDzd: v.pipe(
		v.string('offer_product_price_invalid'),
		v.transform(parsePriceDzd),
		v.number('offer_product_price_invalid'),
		v.description('Whole dinars, 0 to 10,000,000 ("2500", "2 500" and "2 500 DA" read the same).')
	)
});

/** PATCH /campaigns/:id/offer-products/:productId: a new name and/or price (JSON; the photo stays). */
export const ProductPatch = v.pipe(
	v.strictObject({
		name: v.optional(ProductFields.entries.name),
		priceDzd: v.optional(
			v.pipe(
				v.union([v.number(), v.string()], 'offer_product_price_invalid'),
				v.transform((x) => parsePriceDzd(String(x))),
				v.number('offer_product_price_invalid'),
				v.description('Whole dinars, 0 to 10,000,000: a number, or text as the form sends it ("2 500 DA").')
			)
		)
	}),
	v.check((b) => b.name !== undefined || b.priceDzd !== undefined, 'offer_product_patch_empty')
);

/** POST /campaigns/:id/offer-products/:productId/move: one place up (earlier on the page) or down. */
export const ProductMove = v.strictObject({
	direction: v.pipe(v.picklist(['up', 'down'], 'offer_product_direction_invalid'), v.description('up: one place earlier on the page; down: one place later.'))
});

const Product = v.object({
	id: v.string(),
	position: v.number(),
	name: v.string(),
	priceDzd: v.number(),
	photoType: v.nullable(v.string()),
	photoUrl: v.pipe(v.nullable(v.string()), v.description('The photo for the brand (session needed); null without photo.')),
	createdAt: v.string()
});

export const ProductResponse = v.object({ product: Product });

export const OfferPageResponse = v.object({
	campaignId: v.string(),
	title: v.string(),
	offer: v.string(),
	deliveryTerms: v.string(),
	maxProducts: v.number(),
	products: v.array(Product),
	pages: v.pipe(
		v.array(
			v.object({
				path: v.pipe(v.string(), v.description('/o/<slug>: the page of one creator’s link (their code on it).')),
				live: v.boolean(),
				creator: v.object({ displayName: v.string(), handle: v.string() }),
				views: v.pipe(v.number(), v.description('Counted views: once per visitor and day, bots and prefetches left out.'))
			})
		),
		v.description('One page per signed agreement’s tracked link.')
	)
});
