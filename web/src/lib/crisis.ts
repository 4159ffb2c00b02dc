/**
 * The crisis part of a deliverable page (issue 11, point 5): what the viewer may do about a
 * withdrawal, and its payment effect in words. Plain TypeScript with relative imports so unit
 * tests load it inside workerd.
 */
import type { Locale, Translate } from './i18n';
import type { DeliverableDetail, Party } from './deliverables';
import type { PaymentEffect } from '../../../worker/domain/crisis';
import { formatDzd, formatNumber } from './format';
import { labelOf } from './agreements';

export type { PaymentEffect };

/** Statuses in which the content is online (worker/domain/deliverables.ts ONLINE_STATUSES). */
const ONLINE = ['published', 'stats_d1', 'stats_d7', 'done'];

export type CrisisState =
	/** Nothing to show: the content is not online and nothing was asked. */
	| { kind: 'none' }
	/** Online: the viewer may ask (the terms allow their side). */
	| { kind: 'can_request' }
	/** Online, but the terms let only the brand ask (the viewer is the creator). */
	| { kind: 'brand_only' }
	/** Asked and pending: the viewer confirms, or waits for the other side. */
	| { kind: 'pending'; confirm: boolean; other: Party }
	/** The content is withdrawn. */
	| { kind: 'removed' };

export function crisisState(data: Pick<DeliverableDetail, 'party' | 'deliverable' | 'terms' | 'withdrawal'>): CrisisState {
	const w = data.withdrawal;
	if (w) {
		if (w.status === 'removed') return { kind: 'removed' };
		const other: Party = w.requestedBy === 'brand' ? 'creator' : 'brand';
		return { kind: 'pending', confirm: data.party === other, other };
	}
	if (!ONLINE.includes(data.deliverable.status)) return { kind: 'none' };
	if (data.party === 'creator' && data.terms.crisis.requestedBy !== 'either') return { kind: 'brand_only' };
	return { kind: 'can_request' };
}

/** Whether a stored payment effect has the shape this page reads (older or damaged rows show nothing rather than wrong amounts). */
function isEffect(e: Record<string, unknown>): e is PaymentEffect & Record<string, unknown> {
	return typeof e.rule === 'string' && ['feeDzd', 'publishedBefore', 'total', 'amountDueDzd', 'refundDzd'].every((k) => Number.isSafeInteger(e[k]));
}

/** The payment effect in sentences: the rule applied to this agreement, then what comes back if anything. */
export function paymentEffectText(t: Translate, locale: Locale, effect: Record<string, unknown>): string[] {
	if (!isEffect(effect)) return [];
	const dzd = (n: number) => formatDzd(n, locale);
	const lines: string[] = [];
	switch (effect.rule) {
		case 'due_in_full':
			lines.push(t('crisis.payment.due_in_full', { due: dzd(effect.amountDueDzd) }));
			break;
		case 'pro_rata':
			lines.push(
				t('crisis.payment.pro_rata', {
					published: formatNumber(effect.publishedBefore, locale),
					total: formatNumber(effect.total, locale),
					due: dzd(effect.amountDueDzd),
					fee: dzd(effect.feeDzd)
				})
			);
			break;
		case 'none_if_not_published':
			lines.push(effect.publishedBefore > 0 ? t('crisis.payment.some', { due: dzd(effect.amountDueDzd) }) : t('crisis.payment.none'));
			break;
	}
	if (effect.refund && effect.refundDzd > 0) lines.push(t('crisis.payment.refund', { refund: dzd(effect.refundDzd) }));
	return lines;
}

/** "… within 24 h, at the request of the brand. The fee stays due in full." */
export function clauseText(t: Translate, crisis: DeliverableDetail['terms']['crisis']): string {
	return t('crisis.clause', {
		hours: crisis.withdrawalWithinHours,
		who: t(crisis.requestedBy === 'brand' ? 'crisis.who.brand' : 'crisis.who.either'),
		payment: labelOf(t, 'agr.form.crisisPay.', crisis.payment)
	});
}
