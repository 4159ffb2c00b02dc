/** Attribution (issue 12): codes and tracked links of signed agreements, and the clicks on those links. */
export { activationStatements, assertCodesFree, deactivateEnded, getCodes, setOfferWindow } from './codes';
export { INTENTION_KINDS, type OrderInput, SALES_PAGE_SIZE, importConversions, recordConversion, recordIntention, salesDesk } from './conversions';
export { campaignReport } from './report';
export { type LinkRow, readLink, recordClick, saltSecret } from './links';
export {
	type OfferPageRow,
	addOfferProduct,
	brandProductPhoto,
	deleteOfferProduct,
	getOfferPage,
	moveOfferProduct,
	publicProductPhoto,
	readOfferPage,
	recordView,
	setDeliveryTerms,
	updateOfferProduct
} from './offer-page';
