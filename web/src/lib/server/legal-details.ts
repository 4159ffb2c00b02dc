/**
 * The creator's legal identity as a form submits it (issue 14, point 4), for the agreement
 * page's creatorDetails action and /profile/legal: strings as typed, empty optional codes sent
 * as null so the API treats them as "none".
 */
import { formString } from './form';
import type { CreatorLegalValues } from '../agreements';

export function readLegalDetailsForm(data: FormData): { values: CreatorLegalValues; remember: boolean } {
	return {
		values: {
			legalName: formString(data, 'legalName', 200),
			rcNumber: formString(data, 'rcNumber', 60),
			nif: formString(data, 'nif', 60),
			autoEntrepreneurCard: formString(data, 'autoEntrepreneurCard', 60)
		},
		remember: data.get('remember') === 'on'
	};
}

/** The API body: empty codes are none. */
export function legalDetailsBody(values: CreatorLegalValues) {
	const orNull = (s: string) => (s.trim() === '' ? null : s);
	return { legalName: values.legalName, rcNumber: orNull(values.rcNumber), nif: orNull(values.nif), autoEntrepreneurCard: orNull(values.autoEntrepreneurCard) };
}

/** Form values from stored details (null: nothing yet). */
export function legalValuesOf(d: { legalName: string; rcNumber: string | null; nif: string | null; autoEntrepreneurCard: string | null } | null): CreatorLegalValues {
	return { legalName: d?.legalName ?? '', rcNumber: d?.rcNumber ?? '', nif: d?.nif ?? '', autoEntrepreneurCard: d?.autoEntrepreneurCard ?? '' };
}
