/**
 * The agreement pages' shared vocabulary and pure helpers: what GET /agreements/:id returns
 * (as far as the pages rely on it), the status timeline, the terms form (terms ↔ submitted
 * strings ↔ terms) and API error paths → input ids.
 *
 * Plain TypeScript with relative imports (no SvelteKit, no $worker alias) so the unit tests
 * in test/unit/agreements-web.test.ts load it inside workerd.
 */
import { FORMATS, PLATFORMS } from '../../../worker/domain/taxonomy';
import { CRISIS_PAYMENTS, CRISIS_REQUESTERS, PAYMENT_MILESTONES, REUSE_CHANNELS, TERMS_LIMITS } from '../../../worker/domain/agreement-vocabulary';
import type { Key, Locale, Translate } from './i18n';

export { CRISIS_PAYMENTS, CRISIS_REQUESTERS, FORMATS, PAYMENT_MILESTONES, PLATFORMS, REUSE_CHANNELS, TERMS_LIMITS };

export type AgreementStatus = 'draft' | 'awaiting_signatures' | 'signed' | 'void';
export type Party = 'brand' | 'creator';
export const PARTIES: readonly Party[] = ['brand', 'creator'];
export const DOC_LANGS = ['fr', 'ar', 'en'] as const;

/** Terms are the API's JSON; the pages read them through `getPath` so a new field never breaks them. */
export type Terms = Record<string, unknown>;

export interface Signature {
	party: Party;
	name: string;
	signedAt: string;
}

export interface VersionInfo {
	version: number;
	authorParty: Party | 'system';
	note: string;
	createdAt: string;
	frozenAt: string | null;
	documentSha256: string;
}

export type AgreementAction = 'edit' | 'propose' | 'send' | 'reopen' | 'void' | 'request_code' | 'sign';

/** GET /agreements/:id → { agreement } (worker/routes/agreements.types.ts AgreementOut). */
/** A field sending still needs (GET /agreements/:id `missing`). */
export interface MissingField {
	/** Terms path, as the terms form names its input. */
	field: string;
	party: 'brand' | 'creator';
	/** The field's name in the reader's language. */
	label: string;
}

/** The creator's legal identity (the agreement's creator party, and what /profile/legal keeps). */
export interface CreatorLegalValues {
	legalName: string;
	rcNumber: string;
	nif: string;
	autoEntrepreneurCard: string;
}

export interface AgreementView {
	id: string;
	applicationId: string;
	campaignId: string;
	campaign: { id: string; title: string };
	brand: { id: string; name: string };
	creator: { id: string; displayName: string; handle: string };
	status: AgreementStatus;
	version: number;
	terms: Terms;
	documentSha256: string | null;
	/** Signatures of the current version only. */
	signatures: Signature[];
	sentAt: string | null;
	completedAt: string | null;
	voidedAt: string | null;
	createdAt: string;
	updatedAt: string;
	myParty: Party;
	mySignature: boolean;
	allowedActions: AgreementAction[];
	canEdit: boolean;
	canPropose: boolean;
	canSend: boolean;
	canReopen: boolean;
	canVoid: boolean;
	canSign: boolean;
	/** The creator may fill their own legal identity on this draft (PUT /agreements/:id/creator-details). */
	canEditCreatorDetails: boolean;
	/** Required fields still empty, for whoever must fill them: sending waits for all of them. */
	missing: MissingField[];
	versions: VersionInfo[];
	/** The consent text for the current version in the request language, shown verbatim. */
	consent: { lang: string; text: string; sha256: string };
}

/** One row of GET /agreements. */
export interface AgreementListItem {
	id: string;
	status: AgreementStatus;
	version: number;
	campaign: { id: string; title: string };
	brand: { id: string; name: string };
	creator: { id: string; displayName: string };
	signedBy: Party[];
	sentAt: string | null;
	completedAt: string | null;
	createdAt: string;
	updatedAt: string;
}

export interface AuditEvent {
	seq: number;
	at: string;
	actor: { party: string; userId: string | null; name: string | null };
	action: string;
	data: Record<string, unknown>;
	hash: string;
	prevHash: string;
}

export interface AuditTrail {
	events: AuditEvent[];
	chainValid: boolean;
	head?: string;
	brokenAt?: number;
}

/** GET /agreements/:id/diff → rows already worded in the requested language. */
export interface DiffResult {
	from: { version: number; documentSha256: string; authorParty: string; note: string };
	to: { version: number; documentSha256: string; authorParty: string; note: string };
	lang: string;
	rows: { path: string; label: string; before: string | null; after: string | null }[];
}

// ---- labels ---------------------------------------------------------------------------------

/** `prefix + value` translated when the page's messages have it, else the raw value (a term added later never breaks a page). */
export const labelOf = (t: Translate, prefix: string, value: unknown) => (t.has(`${prefix}${String(value)}`) ? t(`${prefix}${String(value)}` as Key) : String(value ?? '—'));

export const statusLabel = (t: Translate, s: string) => (t.has(`agr.status.${s}`) ? t(`agr.status.${s}` as Key) : s);
export const partyLabel = (t: Translate, p: string) => t(p === 'brand' ? 'agr.party.brand' : 'agr.party.creator');
/** Platform names are brand names: Latin in French and English, the usual Arabic spelling in Arabic. */
const PLATFORM_NAMES: Record<(typeof PLATFORMS)[number], [latin: string, arabic: string]> = {
	instagram: ['Instagram', 'إنستغرام'],
	tiktok: ['TikTok', 'تيك توك'],
	facebook: ['Facebook', 'فيسبوك'],
	youtube: ['YouTube', 'يوتيوب'],
	snapchat: ['Snapchat', 'سناب شات']
};
export const platformLabel = (locale: Locale, p: string) => {
	const names = PLATFORM_NAMES[p as keyof typeof PLATFORM_NAMES];
	return names ? names[locale === 'ar' ? 1 : 0] : p;
};

/** Who did something in the trail: a party, or Wasla itself (the app's name). */
export const actorLabel = (t: Translate, party: string) => (party === 'system' ? t('app.name') : labelOf(t, 'agr.audit.actor.', party));

/** Badge colour class per status: signed green, awaiting amber, draft grey, void muted. */
export function statusClass(s: string): string {
	return s === 'signed' ? 'badge' : s === 'awaiting_signatures' ? 'badge badge-accent' : s === 'draft' ? 'badge badge-neutral' : 'badge badge-muted';
}

// ---- timeline -------------------------------------------------------------------------------

export type StepKey = 'draft' | 'sent' | 'signedBrand' | 'signedCreator' | 'completed' | 'void';
export interface Step {
	key: StepKey;
	state: 'done' | 'current' | 'todo';
	at?: string | null;
	name?: string;
}

/**
 * The status timeline: draft → sent → signed by the brand → signed by the creator →
 * completed. The parties can sign in either order, so the signature steps follow the order
 * in which they happened. A void agreement ends with a "void" step after what was done.
 */
export function timeline(a: Pick<AgreementView, 'status' | 'signatures' | 'sentAt' | 'completedAt' | 'voidedAt' | 'createdAt'>): Step[] {
	const signed = [...a.signatures].sort((x, y) => x.signedAt.localeCompare(y.signedAt));
	const order: Party[] = [...signed.map((s) => s.party), ...PARTIES.filter((p) => !signed.some((s) => s.party === p))];
	const sent = a.status !== 'draft' && (a.status !== 'void' || !!a.sentAt || signed.length > 0);
	const steps: Step[] = [
		{ key: 'draft', state: 'done', at: a.createdAt ?? null },
		{ key: 'sent', state: sent ? 'done' : 'todo', at: a.sentAt ?? null },
		...order.map((p): Step => {
			const sig = signed.find((s) => s.party === p);
			return { key: p === 'brand' ? 'signedBrand' : 'signedCreator', state: sig ? 'done' : 'todo', at: sig?.signedAt ?? null, name: sig?.name };
		}),
		{ key: 'completed', state: a.status === 'signed' ? 'done' : 'todo', at: a.completedAt ?? null }
	];
	if (a.status === 'void') {
		return [...steps.filter((s) => s.state === 'done'), { key: 'void', state: 'current', at: a.voidedAt ?? null }];
	}
	const next = steps.find((s) => s.state === 'todo');
	if (next) next.state = 'current';
	return steps;
}

// ---- reading terms --------------------------------------------------------------------------

/** The value at a dotted path ("fee.amountDzd", "deliverables.0.count"), or undefined. */
export function getPath(obj: unknown, path: string): unknown {
	let cur: unknown = obj;
	for (const part of path.split('.')) {
		if (cur === null || typeof cur !== 'object') return undefined;
		cur = (cur as Record<string, unknown>)[part];
	}
	return cur;
}

/** A copy of `obj` with `value` at `path`; missing objects/arrays on the way are created. */
export function setPath<T>(obj: T, path: string, value: unknown): T {
	const parts = path.split('.');
	const root: unknown = structuredClone(obj ?? {});
	let cur = root as Record<string, unknown>;
	parts.forEach((part, i) => {
		if (i === parts.length - 1) {
			cur[part] = value;
			return;
		}
		const nextIsIndex = /^\d+$/.test(parts[i + 1]);
		if (cur[part] === null || typeof cur[part] !== 'object') cur[part] = nextIsIndex ? [] : {};
		cur = cur[part] as Record<string, unknown>;
	});
	return root as T;
}

// ---- the terms form -------------------------------------------------------------------------

/** text = trimmed string; code = trimmed string or null when blank (RC, NIF, card numbers). */
type Kind = 'text' | 'code' | 'int' | 'date' | 'bool' | 'words' | 'list';

/**
 * The scalar fields of the terms form: input name = terms path (v2 terms, see
 * worker/domain/agreement-terms.ts). Deliverables and the payment schedule are rows,
 * handled below. One table, so a renamed term is one edit.
 */
export const TERM_FIELDS: readonly { path: string; kind: Kind }[] = [
	{ path: 'parties.brand.legalName', kind: 'text' },
	{ path: 'parties.brand.representative', kind: 'text' },
	{ path: 'parties.brand.rcNumber', kind: 'code' },
	{ path: 'parties.brand.nif', kind: 'code' },
	{ path: 'parties.creator.legalName', kind: 'text' },
	{ path: 'parties.creator.rcNumber', kind: 'code' },
	{ path: 'parties.creator.nif', kind: 'code' },
	{ path: 'parties.creator.autoEntrepreneurCard', kind: 'code' },
	{ path: 'validation.draftDaysBeforePublication', kind: 'int' },
	{ path: 'validation.reviewDays', kind: 'int' },
	{ path: 'validation.correctionRounds', kind: 'int' },
	{ path: 'publicationWindow.from', kind: 'date' },
	{ path: 'publicationWindow.to', kind: 'date' },
	{ path: 'disclosure.hashtags', kind: 'words' },
	{ path: 'reuseRights.perpetual', kind: 'bool' },
	{ path: 'reuseRights.days', kind: 'int' },
	{ path: 'reuseRights.channels', kind: 'list' },
	{ path: 'crisis.requestedBy', kind: 'text' },
	{ path: 'crisis.withdrawalWithinHours', kind: 'int' },
	{ path: 'crisis.payment', kind: 'text' },
	{ path: 'fee.amountDzd', kind: 'int' },
	{ path: 'attribution.promoCode', kind: 'text' },
	{ path: 'attribution.whatsappKeyword', kind: 'text' },
	{ path: 'termination.noticeDays', kind: 'int' },
	{ path: 'termination.cureDays', kind: 'int' }
];

export const DELIVERABLE_KEYS = ['platform', 'format', 'count', 'storyHighlightHours'] as const;
export const MILESTONE_KEYS = ['milestone', 'amountDzd', 'dueDays'] as const;
/** Blank deliverable / milestone rows the form adds so rows can be added without JavaScript. */
export const EXTRA_ROWS = 1;

/** Submitted strings, keyed by input name (terms path); lists for checkboxes. */
export type TermsValues = Record<string, string | string[]>;

function asText(v: unknown): string {
	if (v === null || v === undefined) return '';
	return String(v);
}

/** The form's starting values from stored terms (numbers and lists as the user types them). */
export function termsToValues(terms: Terms): TermsValues {
	const values: TermsValues = {};
	for (const { path, kind } of TERM_FIELDS) {
		const v = getPath(terms, path);
		if (kind === 'list') values[path] = Array.isArray(v) ? v.map(String) : [];
		else if (kind === 'words') values[path] = Array.isArray(v) ? v.join(' ') : asText(v);
		else if (kind === 'bool') values[path] = v === true ? 'on' : '';
		else values[path] = asText(v);
	}
	const deliverables = Array.isArray(terms.deliverables) ? terms.deliverables : [];
	deliverables.forEach((d, i) => {
		for (const k of DELIVERABLE_KEYS) values[`deliverables.${i}.${k}`] = asText((d as Record<string, unknown>)[k]);
	});
	const schedule = Array.isArray(terms.paymentSchedule) ? terms.paymentSchedule : [];
	schedule.forEach((m, i) => {
		for (const k of MILESTONE_KEYS) values[`paymentSchedule.${i}.${k}`] = asText((m as Record<string, unknown>)[k]);
	});
	return values;
}

/** Everything the terms form submitted, as strings (capped), keyed by input name. */
export function readTermsForm(data: FormData): { values: TermsValues; note: string } {
	const values: TermsValues = {};
	for (const [name, raw] of data.entries()) {
		if (typeof raw !== 'string' || name === 'note' || name.startsWith('/')) continue;
		if (!/^[A-Za-z]+(\.[A-Za-z0-9]+){1,3}$/.test(name)) continue;
		const value = raw.slice(0, 300);
		if (name === 'reuseRights.channels') values[name] = [...((values[name] as string[] | undefined) ?? []), value];
		else values[name] = value;
	}
	if (!('reuseRights.channels' in values)) values['reuseRights.channels'] = [];
	const note = data.get('note');
	return { values, note: typeof note === 'string' ? note.slice(0, 1000) : '' };
}

/** Row indexes present in the values for a list ("deliverables" → [0, 1, 2]). */
export function rowIndexes(values: TermsValues, list: string): number[] {
	const set = new Set<number>();
	for (const name of Object.keys(values)) {
		const m = new RegExp(`^${list}\\.(\\d+)\\.`).exec(name);
		if (m) set.add(Number(m[1]));
	}
	return [...set].sort((a, b) => a - b);
}

/**
 * A typed integer: "15 000" and "15.000" → 15000; empty → null. Anything else is passed on
 * as typed, so the API refuses it with its own translated field message.
 */
export function parseInteger(raw: string): number | string | null {
	let compact = raw.replace(/[\s\u00a0\u202f]/g, '');
	if (compact === '') return null;
	if (/^\d{1,3}(\.\d{3})+$/.test(compact)) compact = compact.replace(/\./g, '');
	return /^-?\d{1,12}$/.test(compact) ? Number(compact) : raw;
}

function parse(kind: Kind, raw: string | string[] | undefined): unknown {
	if (kind === 'list') return Array.isArray(raw) ? raw : raw ? [raw] : [];
	const text = (Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? '')).trim();
	switch (kind) {
		case 'bool':
			return text !== '';
		case 'int':
			return parseInteger(text);
		case 'date':
		case 'code':
			return text === '' ? null : text;
		case 'words':
			return text.split(/[\s,;،]+/).filter(Boolean);
		default:
			return text;
	}
}

const rowText = (values: TermsValues, name: string) => {
	const v = values[name];
	return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
};

/**
 * The terms to send: the current terms with what the form shows replaced by the submitted
 * values, so terms the form does not show are kept as they are. Rows left blank are
 * dropped (a deliverable without format and count, an instalment without amount); reuse
 * days are null when the rights are perpetual, as the terms require; highlight hours only
 * travel with stories.
 */
export function applyTermsValues(current: Terms, values: TermsValues): Terms {
	let terms: Terms = structuredClone(current);
	for (const { path, kind } of TERM_FIELDS) {
		// Checkboxes are absent when unchecked: that is a value. Other absent inputs are not shown.
		if (!(path in values) && kind !== 'bool' && kind !== 'list') continue;
		terms = setPath(terms, path, parse(kind, values[path]));
	}
	if (getPath(terms, 'reuseRights.perpetual') === true) terms = setPath(terms, 'reuseRights.days', null);

	const deliverableRows = rowIndexes(values, 'deliverables');
	if (deliverableRows.length > 0) {
		terms.deliverables = deliverableRows
			.filter((i) => rowText(values, `deliverables.${i}.format`) !== '' || rowText(values, `deliverables.${i}.count`) !== '')
			.map((i) => {
				const format = rowText(values, `deliverables.${i}.format`);
				const hours = parseInteger(rowText(values, `deliverables.${i}.storyHighlightHours`));
				return {
					platform: rowText(values, `deliverables.${i}.platform`),
					format,
					count: parseInteger(rowText(values, `deliverables.${i}.count`)),
					storyHighlightHours: format === 'story' ? hours : null
				};
			});
	}
	const milestoneRows = rowIndexes(values, 'paymentSchedule');
	if (milestoneRows.length > 0) {
		terms.paymentSchedule = milestoneRows
			.filter((i) => rowText(values, `paymentSchedule.${i}.amountDzd`) !== '')
			.map((i) => ({
				milestone: rowText(values, `paymentSchedule.${i}.milestone`),
				amountDzd: parseInteger(rowText(values, `paymentSchedule.${i}.amountDzd`)),
				dueDays: parseInteger(rowText(values, `paymentSchedule.${i}.dueDays`)) ?? 0
			}));
	}
	return terms;
}

/** The id of the input for a terms path: "fee.amountDzd" → "t-fee-amountDzd". */
export const inputId = (path: string) => `t-${path.replace(/\./g, '-')}`;

/**
 * API field errors → form field errors keyed by input name. The API reports paths inside
 * the body ("terms.fee.amountDzd"); a list-level error ("terms.reuseRights.channels.1")
 * goes to the list's field. Errors on fields the form does not show keep their path.
 */
export function termsErrors(errors: Record<string, string>, shown: readonly string[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [path, message] of Object.entries(errors)) {
		let p = path.replace(/^terms\./, '');
		if (!shown.includes(p)) {
			const parent = shown.find((s) => p.startsWith(`${s}.`));
			if (parent) p = parent;
		}
		out[p] ??= message;
	}
	return out;
}
