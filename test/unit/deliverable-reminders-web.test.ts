/** The inbox's wording of the deliverable reminders (web/src/lib/deliverable-reminders.ts): the right sentence, day, link and icon per kind and side. */
import { describe, expect, it } from 'vitest';
import { DELIVERABLE_REMINDER_KINDS, isDeliverableReminder, reminderDate, reminderHref, reminderIcon, reminderSentence } from '../../web/src/lib/deliverable-reminders';
import { translator } from '../../web/src/lib/server/i18n';
import { REMINDER_KINDS } from '../../worker/domain/reminders';
import { MESSAGE_KINDS } from '../../worker/domain/message-kinds';

/** Without the Unicode isolates, to read the sentence. */
const plain = (s: string) => s.replace(/[\u2066-\u2069]/g, '');

const payload = {
	deliverableId: 'd-1',
	campaignTitle: 'Sérum éclat',
	brandName: 'Atelier Lina',
	creatorName: 'Nour Beauty',
	platform: 'instagram',
	format: 'reel',
	ordinal: 2,
	party: 'creator' as const,
	// The end of 9 January 2031 in Algiers.
	dueAt: '2031-01-09T23:00:00.000Z'
};
const CREATED = '2031-01-08T23:00:00.000Z';

describe('deliverable reminders in the inbox', () => {
	it('knows exactly the API’s deliverable reminder kinds', () => {
		// Payout reminders share the category (a payout is the work's payment) but are worded by the generic inbox path.
		const api = REMINDER_KINDS.filter((k) => MESSAGE_KINDS[k] === 'deliverables' && !k.startsWith('payout_'));
		expect([...DELIVERABLE_REMINDER_KINDS].sort()).toEqual([...api].sort());
		expect(isDeliverableReminder('deliverable_update')).toBe(false);
		expect(isDeliverableReminder('withdrawal_overdue')).toBe(true);
	});

	it('says a day’s deadline as that day, a precise one with its time', () => {
		expect(reminderDate('deliverable_draft_due', payload.dueAt, 'fr')).toBe('9 janv. 2031');
		expect(reminderDate('deliverable_publication_late', payload.dueAt, 'en')).toBe('9 Jan 2031');
		expect(reminderDate('deliverable_stats_due', '2031-01-12T18:00:00.000Z', 'en')).toBe('12 Jan 2031, 19:00');
		expect(reminderDate('reuse_rights_ending', '2031-01-20T09:00:00.000Z', 'fr')).toBe('20 janv. 2031');
	});

	it('words each kind for the side reminded, in each language', () => {
		const fr = translator('fr');
		const en = translator('en');
		const ar = translator('ar');
		expect(plain(reminderSentence(fr, 'fr', 'deliverable_draft_due', payload, CREATED))).toBe(
			'Rappel\u00a0: votre brouillon de Reel 2 sur Instagram pour «\u00a0Sérum éclat\u00a0» est attendu au plus tard le 9 janv. 2031.'
		);
		expect(plain(reminderSentence(en, 'en', 'deliverable_draft_late', payload, CREATED))).toBe(
			'Late: the draft of Reel 2 on Instagram for "Sérum éclat" was due on 9 Jan 2031. Send it or tell Atelier Lina.'
		);
		expect(plain(reminderSentence(en, 'en', 'deliverable_draft_late', { ...payload, party: 'brand' }, CREATED))).toBe(
			'Late: Nour Beauty has not sent the draft of Reel 2 on Instagram for "Sérum éclat" yet; it was due on 9 Jan 2031.'
		);
		expect(plain(reminderSentence(en, 'en', 'deliverable_stats_late', { ...payload, window: 'D7', dueAt: '2031-01-12T18:00:00.000Z' }, CREATED))).toBe(
			'Late: the D+7 stats of Reel 2 on Instagram for "Sérum éclat" were due on 12 Jan 2031, 19:00.'
		);
		expect(plain(reminderSentence(ar, 'ar', 'deliverable_stats_due', payload, CREATED))).toContain('إحصائيات اليوم الأول للمحتوى ريلز 2 على إنستغرام');
		// The requester of a withdrawal waits for the other side; the other side is asked to confirm.
		expect(plain(reminderSentence(en, 'en', 'withdrawal_overdue', { ...payload, party: 'brand', requestedBy: 'brand' }, CREATED))).toMatch(/^Nour Beauty has not confirmed the withdrawal/);
		expect(plain(reminderSentence(en, 'en', 'withdrawal_overdue', { ...payload, party: 'creator', requestedBy: 'brand' }, CREATED))).toMatch(/^Atelier Lina asked for Reel 2/);
		// Names and titles are isolated, so a Latin title keeps its order inside Arabic.
		expect(reminderSentence(ar, 'ar', 'deliverable_draft_due', payload, CREATED)).toContain('\u2068Sérum éclat\u2069');
	});

	it('links to the deliverable, or to the library for reuse rights; late things get the alert icon', () => {
		expect(reminderHref('deliverable_review_waiting', payload)).toBe('/deliverables/d-1');
		expect(reminderHref('reuse_rights_ending', { ...payload, assetId: 'a-1' })).toBe('/content');
		expect(reminderIcon('deliverable_draft_late')).toBe('alert');
		expect(reminderIcon('withdrawal_overdue')).toBe('alert');
		expect(reminderIcon('deliverable_draft_due')).toBe('clock');
		expect(reminderIcon('reuse_rights_ending')).toBe('document');
	});
});
