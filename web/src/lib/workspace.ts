/**
 * The workspace pages (issue 11, point 8): the signed agreement's workspace, the campaign
 * timeline and the due list. What their API answers hold (as far as the pages rely on it)
 * and small pure helpers: grouping by Algiers day, the due list's sections, RIP and phone
 * written for reading, the codes and payment schedule read from the terms.
 *
 * Plain TypeScript with relative imports so unit tests load it inside workerd.
 */
import type { Locale, Translate } from './i18n';
import { formatDate, formatDateTime, formatLongDay } from './format';
import type { DeliverableItem } from './deliverables';
import { getPath, type Terms } from './agreements';

/** A row of GET /campaigns/:id/timeline and GET /me/deliverables. */
export interface TimelineItem extends DeliverableItem {
	campaign: { id: string; title: string };
	brand: { id: string; name: string };
	creator: { id: string; displayName: string; handle: string };
	/** The next deadline, else the publication deadline. */
	at: string;
	/** YYYY-MM-DD, the Algiers day of `at`. */
	day: string;
}

export interface CampaignTimeline {
	campaign: { id: string; title: string; status: string };
	deliverables: TimelineItem[];
	late: number;
	next: TimelineItem[];
}

export type DueFilter = 'open' | 'done' | 'all';
export const DUE_FILTERS: readonly DueFilter[] = ['open', 'done', 'all'];

export interface DueList {
	side: 'brand' | 'creator';
	status: DueFilter;
	deliverables: TimelineItem[];
	page: number;
	pageSize: number;
	total: number;
	open: number;
	late: number;
	next: TimelineItem[];
}

/** GET /agreements/:id → agreement.contacts: the other party, once signed. */
export type AgreementContacts =
	| { party: 'creator'; displayName: string; handle: string; legalName: string; phone: string | null; payoutRip: string | null; email: string | null; shared: string[] }
	| { party: 'brand'; name: string; legalName: string; representative: string; email: string | null; shared: string[] };

// ---- grouping ---------------------------------------------------------------------------------

/** Items grouped by their Algiers day, days in the order they first appear (the API's order). */
export function groupByDay<T extends { day: string }>(items: readonly T[]): { day: string; items: T[] }[] {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const list = groups.get(item.day);
		if (list) list.push(item);
		else groups.set(item.day, [item]);
	}
	return [...groups].map(([day, list]) => ({ day, items: list }));
}

export const isLateItem = (d: Pick<DeliverableItem, 'next'>) => d.next?.late === true;
const isOver = (d: Pick<DeliverableItem, 'status'>) => d.status === 'done' || d.status === 'withdrawn';

/** The due list's sections in its order: late, then to do, then over; empty sections left out. */
export function dueSections<T extends Pick<DeliverableItem, 'next' | 'status'>>(items: readonly T[]): { key: 'late' | 'open' | 'over'; items: T[] }[] {
	const sections = [
		{ key: 'late' as const, items: items.filter(isLateItem) },
		{ key: 'open' as const, items: items.filter((d) => !isLateItem(d) && !isOver(d)) },
		{ key: 'over' as const, items: items.filter((d) => !isLateItem(d) && isOver(d)) }
	];
	return sections.filter((s) => s.items.length > 0);
}

/** The Algiers calendar day of an instant (UTC+1 all year). */
export function algiersDay(ms: number): string {
	return new Date(ms + 3_600_000).toISOString().slice(0, 10);
}

function addDays(day: string, n: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** A day heading: "Aujourd’hui", "Demain", "Hier", else the weekday and date ("samedi 9 janvier 2027"). */
export function dayLabel(t: Translate, locale: Locale, day: string, today: string): string {
	if (day === today) return t('ws.day.today');
	if (day === addDays(today, 1)) return t('ws.day.tomorrow');
	if (day === addDays(today, -1)) return t('ws.day.yesterday');
	return formatLongDay(day, locale);
}

/**
 * A deadline for reading. Most are the end of an Algiers day (midnight at the start of the
 * next one): "au plus tard le 6 déc. 2026" says so, where "avant le 7 déc. 2026, 00:00" would
 * name the wrong day. Others (a review due two days after a draft) keep their time.
 */
export function dueText(t: Translate, locale: Locale, iso: string): string {
	const ms = Date.parse(iso);
	if ((ms + 3_600_000) % 86_400_000 === 0) return t('ws.due.endOf', { date: formatDate(new Date(ms - 1), locale) });
	return t('dlv.next.by', { date: formatDateTime(iso, locale) });
}

// ---- contact details ----------------------------------------------------------------------------

/** A RIP in its four parts, bank (3) agency (5) account (10) key (2): "007 99999 0012345678 03". Anything else as stored. */
export function formatRip(rip: string): string {
	return /^\d{20}$/.test(rip) ? `${rip.slice(0, 3)} ${rip.slice(3, 8)} ${rip.slice(8, 18)} ${rip.slice(18)}` : rip;
}

/** An Algerian E.164 number as it is read: "+213 661 23 45 67". Anything else as stored. */
export function formatPhone(e164: string): string {
	const m = /^\+213(\d{3})(\d{2})(\d{2})(\d{2})$/.exec(e164);
	return m ? `+213 ${m[1]} ${m[2]} ${m[3]} ${m[4]}` : e164;
}

// ---- from the signed terms ---------------------------------------------------------------------

/** The attribution codes of the terms, or null when they have none. */
export function attributionOf(terms: Terms): { promoCode: string; whatsappKeyword: string } | null {
	const promoCode = getPath(terms, 'attribution.promoCode');
	const whatsappKeyword = getPath(terms, 'attribution.whatsappKeyword');
	if (typeof promoCode !== 'string' || typeof whatsappKeyword !== 'string' || (promoCode === '' && whatsappKeyword === '')) return null;
	return { promoCode, whatsappKeyword };
}

export interface PaymentRow {
	milestone: string;
	amountDzd: number;
	dueDays: number;
}

/** The payment schedule of the terms: the instalments that read as whole dinars, in order. */
export function paymentScheduleOf(terms: Terms): { rows: PaymentRow[]; feeDzd: number | null } {
	const raw = getPath(terms, 'paymentSchedule');
	const rows = (Array.isArray(raw) ? raw : []).flatMap((r: unknown) => {
		const milestone = getPath(r, 'milestone');
		const amountDzd = getPath(r, 'amountDzd');
		const dueDays = getPath(r, 'dueDays');
		return typeof milestone === 'string' && Number.isSafeInteger(amountDzd) && Number.isSafeInteger(dueDays) ? [{ milestone, amountDzd: amountDzd as number, dueDays: dueDays as number }] : [];
	});
	const fee = getPath(terms, 'fee.amountDzd');
	return { rows, feeDzd: Number.isSafeInteger(fee) ? (fee as number) : null };
}

// ---- attribution (issue 12) -------------------------------------------------------------------

/** GET /agreements/:id/codes, as the workspace reads it. */
export interface AttributionCodes {
	promoCode: string;
	whatsappKeyword: string;
	link: string | null;
	linkUrl: string | null;
	linkLive: boolean;
	codes: { promo: { code: string; live: boolean; deactivatedAt: string | null }; keyword: { code: string; live: boolean; deactivatedAt: string | null } };
	offerWindow: { startsAt: string; endsAt: string; note: string; current: boolean } | null;
}

/** The state of a code or link: live, deactivated after the campaign, or not live yet (before signing). */
export function liveState(live: boolean, deactivatedAt: string | null): 'live' | 'ended' | 'pending' {
	if (live) return 'live';
	return deactivatedAt ? 'ended' : 'pending';
}
