/**
 * The campaign form: submitted values ↔ API body, and API field errors → form fields.
 * Values stay strings so a refused form shows exactly what was typed.
 */
import { AGE_BANDS, FORMATS, NICHES, OBJECTIVES, type Brief, type Campaign } from '../campaigns';

/** A text field as submitted (never null), capped; same rule as form.ts, without its SvelteKit import so unit tests can load this file. */
function formString(data: FormData, name: string, max: number): string {
	const value = data.get(name);
	return typeof value === 'string' ? value.slice(0, max) : '';
}

export interface CampaignFormValues {
	title: string;
	objective: string;
	offer: string;
	keyMessages: string;
	dos: string;
	donts: string;
	angle: string;
	formats: string[];
	wilayas: string[];
	niches: string[];
	/** Target age bands ticked; none = all ages. */
	ageBands: string[];
	followerMin: string;
	followerMax: string;
	budgetDzd: string;
	reuseRightsDays: string;
	/** Where the creators' tracked links lead (https), or empty. */
	landingUrl: string;
	applyBy: string;
	startsAt: string;
	endsAt: string;
}

const ALGIERS_MS = 3_600_000;
/** The Algiers calendar day of an ISO instant, for <input type="date">. */
export const algiersDate = (iso: string | null) => (iso ? new Date(Date.parse(iso) + ALGIERS_MS).toISOString().slice(0, 10) : '');

export function emptyValues(): CampaignFormValues {
	return {
		title: '',
		objective: 'whatsapp_sales',
		offer: '',
		keyMessages: '',
		dos: '',
		donts: '',
		angle: '',
		formats: [],
		wilayas: [],
		niches: [],
		ageBands: [],
		followerMin: '8000',
		followerMax: '35000',
		budgetDzd: '0',
		reuseRightsDays: '30',
		landingUrl: '',
		applyBy: '',
		startsAt: '',
		endsAt: ''
	};
}

export function valuesFromCampaign(c: Campaign): CampaignFormValues {
	return {
		title: c.title,
		objective: c.objective,
		offer: c.offer,
		keyMessages: c.brief.keyMessages.join('\n'),
		dos: c.brief.dos.join('\n'),
		donts: c.brief.donts.join('\n'),
		angle: c.brief.angle,
		formats: [...c.formats],
		wilayas: [...c.wilayas],
		niches: [...c.niches],
		ageBands: [...(c.ageBands ?? [])],
		followerMin: String(c.followerMin),
		followerMax: String(c.followerMax),
		budgetDzd: String(c.budgetDzd),
		reuseRightsDays: String(c.reuseRightsDays),
		landingUrl: c.landingUrl ?? '',
		applyBy: algiersDate(c.applyBy),
		startsAt: algiersDate(c.startsAt),
		endsAt: algiersDate(c.endsAt)
	};
}

const picked = (data: FormData, name: string, allowed: readonly string[] | null) =>
	data
		.getAll(name)
		.filter((v): v is string => typeof v === 'string' && (allowed === null || allowed.includes(v)))
		.slice(0, 80);

export function valuesFromForm(data: FormData): CampaignFormValues {
	return {
		title: formString(data, 'title', 200),
		objective: formString(data, 'objective', 40),
		offer: formString(data, 'offer', 600),
		keyMessages: formString(data, 'keyMessages', 4000),
		dos: formString(data, 'dos', 4000),
		donts: formString(data, 'donts', 4000),
		angle: formString(data, 'angle', 600),
		formats: picked(data, 'formats', FORMATS),
		wilayas: picked(data, 'wilayas', null).filter((w) => /^\d{2}$/.test(w)),
		niches: picked(data, 'niches', NICHES),
		ageBands: picked(data, 'ageBands', AGE_BANDS),
		followerMin: formString(data, 'followerMin', 20),
		followerMax: formString(data, 'followerMax', 20),
		budgetDzd: formString(data, 'budgetDzd', 20),
		reuseRightsDays: formString(data, 'reuseRightsDays', 20),
		landingUrl: formString(data, 'landingUrl', 600),
		applyBy: formString(data, 'applyBy', 20),
		startsAt: formString(data, 'startsAt', 20),
		endsAt: formString(data, 'endsAt', 20)
	};
}

const lines = (s: string) =>
	s
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);

/** "120 000" → 120000; anything not a plain number is sent as typed so the API names the problem. */
function number(s: string): number | string | undefined {
	const compact = s.replace(/[\s\u00a0\u202f]/g, '');
	if (compact === '') return undefined;
	return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : compact;
}

/** A date input (YYYY-MM-DD) as an Algiers time of that day; empty → null. */
function day(s: string, time: string): string | null {
	if (s === '') return null;
	return /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T${time}+01:00` : s;
}

/**
 * The API body. On create, empty lists and numbers are left out (a draft may be partial and
 * gets the defaults); on edit they are sent, so clearing a list is refused, not ignored
 * (except the age bands, where none means all ages: unticking them all clears them).
 */
export function bodyFromValues(v: CampaignFormValues, mode: 'create' | 'edit'): Record<string, unknown> {
	const body: Record<string, unknown> = {
		title: v.title,
		objective: v.objective,
		offer: v.offer,
		brief: { keyMessages: lines(v.keyMessages), dos: lines(v.dos), donts: lines(v.donts), angle: v.angle.trim() },
		formats: v.formats,
		wilayas: v.wilayas,
		niches: v.niches,
		ageBands: v.ageBands,
		followerMin: number(v.followerMin),
		followerMax: number(v.followerMax),
		budgetDzd: number(v.budgetDzd),
		reuseRightsDays: number(v.reuseRightsDays),
		// Sent as typed (the API trims and checks it); empty clears it on edit.
		landingUrl: mode === 'create' && v.landingUrl.trim() === '' ? undefined : v.landingUrl,
		applyBy: day(v.applyBy, '23:59:00'),
		startsAt: day(v.startsAt, '00:00:00'),
		endsAt: day(v.endsAt, '23:59:00')
	};
	for (const [k, value] of Object.entries(body)) {
		if (value === undefined) delete body[k];
		else if (mode === 'create' && Array.isArray(value) && value.length === 0) delete body[k];
		else if (mode === 'create' && value === null) delete body[k];
	}
	return body;
}

/** API error paths ("wilayas.3", "brief.dos.0") → the form field that shows them. */
export function fieldOf(path: string): string {
	const [head, second] = path.split('.');
	return head === 'brief' && second ? second : head;
}

export function formFieldErrors(errors: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [path, message] of Object.entries(errors)) out[fieldOf(path)] ??= message;
	return out;
}

/** The values with the brief replaced by a template (other fields kept). */
export function withTemplate(v: CampaignFormValues, b: Brief): CampaignFormValues {
	return { ...v, keyMessages: b.keyMessages.join('\n'), dos: b.dos.join('\n'), donts: b.donts.join('\n'), angle: b.angle };
}

/** A `[…]` blank the API refused, and the form field that holds it. */
export interface FormBlank {
	field: string;
	text: string;
}

/**
 * A refused campaign as the form shows it: one message per field (every blank of a field
 * named, not only the first), the blanks to point at, and the problem's detail.
 */
export function campaignFormProblem(problem: { detail: string; errors?: { path: string; message: string; placeholder?: string }[] }): {
	errors: Record<string, string>;
	blanks: FormBlank[];
	detail: string;
} {
	const messages: Record<string, string[]> = {};
	const blanks: FormBlank[] = [];
	for (const e of problem.errors ?? []) {
		const field = fieldOf(e.path);
		const list = (messages[field] ??= []);
		if (e.placeholder !== undefined) {
			blanks.push({ field, text: e.placeholder });
			if (!list.includes(e.message)) list.push(e.message);
		} else if (list.length === 0) list.push(e.message);
	}
	const errors = Object.fromEntries(Object.entries(messages).map(([field, list]) => [field, list.join(' ')]));
	return { errors, blanks, detail: Object.values(errors).includes(problem.detail) ? '' : problem.detail };
}

export const isObjective = (s: string): s is (typeof OBJECTIVES)[number] => (OBJECTIVES as readonly string[]).includes(s);
