/**
 * What each party of a signed agreement sees of the other to work together (issue 11, point
 * 8): the creator's phone, payout RIP and email for the brand (to reach and pay them, as the
 * creator's profile promises once an agreement is signed); the brand's names from the
 * signed terms and its owner's email for the creator. Pure: no D1.
 *
 * - Nothing before the agreement is signed (both signatures on the current version).
 * - The signed terms' personal-data clause (Law 18-07) says what the parties share: phone
 *   and emails only if it lists `contact`, the RIP only if it lists `payment_details`.
 * - An erased account's address (`deleted-…@deleted.invalid`) is nobody's: null.
 */
import type { PersonalDataItem } from './agreement-terms';

export interface CreatorFacts {
	displayName: string;
	handle: string;
	/** From the signed terms (identity, already in the document both signed). */
	legalName: string;
	/** E.164, or null when the creator has not given it. */
	phone: string | null;
	/** 20 digits, key-checked when saved, or null. */
	payoutRip: string | null;
	email: string;
}

export interface BrandFacts {
	name: string;
	/** From the signed terms. */
	legalName: string;
	representative: string;
	/** The brand owner's address: sending the agreement and its reminders go there too. */
	ownerEmail: string;
}

export type CreatorContacts = {
	party: 'creator';
	displayName: string;
	handle: string;
	legalName: string;
	phone: string | null;
	payoutRip: string | null;
	email: string | null;
	shared: PersonalDataItem[];
};

export type BrandContacts = {
	party: 'brand';
	name: string;
	legalName: string;
	representative: string;
	email: string | null;
	shared: PersonalDataItem[];
};

/** An address kept after erasure is a placeholder, not a way to reach anyone. */
export function reachableEmail(email: string): string | null {
	return email.endsWith('@deleted.invalid') ? null : email;
}

/** The other party's contact details for `viewer`, or null while the agreement is not signed. */
export function contactsFor(
	viewer: 'brand' | 'creator',
	agreement: { status: string; shared: readonly PersonalDataItem[] },
	facts: { creator: CreatorFacts; brand: BrandFacts }
): CreatorContacts | BrandContacts | null {
	if (agreement.status !== 'signed') return null;
	const shared = [...agreement.shared];
	const contact = shared.includes('contact');
	if (viewer === 'brand') {
		const c = facts.creator;
		return {
			party: 'creator',
			displayName: c.displayName,
			handle: c.handle,
			legalName: c.legalName,
			phone: contact ? c.phone : null,
			payoutRip: shared.includes('payment_details') ? c.payoutRip : null,
			email: contact ? reachableEmail(c.email) : null,
			shared
		};
	}
	const b = facts.brand;
	return { party: 'brand', name: b.name, legalName: b.legalName, representative: b.representative, email: contact ? reachableEmail(b.ownerEmail) : null, shared };
}
