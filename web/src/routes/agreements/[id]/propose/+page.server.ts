import { termsFormAction, termsFormLoad } from '$lib/server/agreements';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => termsFormLoad(event, 'propose');

export const actions: Actions = {
	default: (event) => termsFormAction(event, 'propose')
};
