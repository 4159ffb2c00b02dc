/**
 * Form helpers shared by the pages: the error summary's items, and the `use:enhance`
 * behaviour (focus the summary after a refused submission, never keep a password).
 */
import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';
import type { Translate } from './i18n';

/** What a form action returns when the API refuses: values to show again (never passwords). */
export interface FormFailure<V extends Record<string, string> = Record<string, string>> {
	values?: V;
	errors: Record<string, string>;
	detail: string;
}

export interface SummaryItem {
	/** id of the input to focus, when the error belongs to a field the form shows. */
	target?: string;
	/** A link to the page where the field is (when it is not on this page). */
	href?: string;
	text: string;
}

/**
 * One summary line per field error, "Label : message", linked to the field when the form
 * shows it. `fields` maps API paths to the input id and visible label, in page order.
 */
export function summaryItems(t: Translate, errors: Record<string, string> | undefined, fields: Record<string, { id: string; label: string }>): SummaryItem[] {
	const all = errors ?? {};
	// In the order the fields appear on the page, then anything the form does not show.
	const shown = Object.entries(fields)
		.filter(([path]) => path in all)
		.map(([path, field]) => ({ target: field.id, text: t('form.errors.item', { field: field.label, message: all[path] }) }));
	const others = Object.entries(all)
		.filter(([path]) => !(path in fields))
		.map(([, message]) => ({ text: message }));
	return [...shown, ...others];
}

interface EnhanceOptions {
	/** The summary element to focus when the submission is refused. */
	summary: () => HTMLElement | undefined;
	/** Called with true when the request starts and false when it ends. */
	pending?: (busy: boolean) => void;
}

/**
 * The progressive-enhancement counterpart of a plain form post: same action, same
 * result, but focus goes to the error summary and password inputs are emptied, as they
 * are when the page is rendered again without JavaScript.
 */
export function submitForm({ summary, pending }: EnhanceOptions): SubmitFunction {
	return ({ formElement }) => {
		pending?.(true);
		return async ({ result, update }) => {
			try {
				await update();
			} finally {
				pending?.(false);
			}
			if (result.type === 'failure') {
				for (const input of formElement.querySelectorAll<HTMLInputElement>('input[type="password"]')) input.value = '';
				await tick();
				summary()?.focus();
			}
		};
	};
}
