import { describe, expect, it } from 'vitest';
import { classifyComment, commentReason, matchKey, normaliseComment } from '../../worker/domain/comments';

describe('normaliseComment and matchKey', () => {
	it.each([
		['Déçue!!! Merciiii', 'decue merci'],
		['إِنَّ الأسعارُ مُناسبة', 'ان الاسعار مناسبه'],
		['مستشفى', 'مستشفي'],
		['آخر إصدار أيضاً', 'اخر اصدار ايضا'],
		['جمـــيل', 'جميل'],
		['ÇA VA  ?', 'ca va'],
		['@sarah_dz regarde', '@sarah dz regarde'],
		['😍😍', '']
	])('normalises %s', (text, expected) => {
		expect(normaliseComment(text)).toBe(expected);
	});
	it.each([
		['bezzaf', 'bezaf'],
		['sa77a', 'sa7a'],
		['Shhal', 'chal'],
		['5edma', 'khedma'],
		['50 000 DA', '50 0 da'],
		['ههههه', 'ه'],
		['روووعة', 'روعه']
	])('folds %s for matching', (text, expected) => {
		expect(matchKey(text)).toBe(expected);
	});
});

describe('classifyComment', () => {
	it.each([
		// Arabizi digits, elongations and letter variants meet their cue
		['CH7AAAL ?', 'purchase_intent', 'ch7al'],
		['9adach', 'purchase_intent', '9adach'],
		['واش كاين التوصيل لسطيف', 'purchase_intent', 'كاين'],
		['والتوصيل؟', 'purchase_intent', 'توصيل'],
		['بِكَمْ', 'purchase_intent', 'بكم'],
		['ghaliiiya bezzaf', 'negative', 'ghaliya'],
		// a complaint about delivery is negative, not a delivery question
		['ma wsaltnich la commande', 'negative', 'ma wsaltnich'],
		['Livraison très en retard', 'negative', 'retard'],
		// negation: "ma 3jebnich" is not "3jebni"
		['ma 3jebnich', 'negative', 'ma 3jebnich'],
		['3jebni', 'positive', '3jebni'],
		['Machaaallah', 'positive', 'machallah'],
		['ما شاءَ اللهُ', 'positive', 'ما شاء الله'],
		// spam beats everything, links first
		['Gagnez de l’argent, prix imbattable', 'spam', 'gagnez'],
		['www.promo.xyz prix', 'spam', 'url'],
		['Follow back', 'spam', 'follow'],
		// emoji
		['💰❓', 'purchase_intent', '💰❓'],
		['💸💸', 'spam', '💸'],
		['👎', 'negative', '👎'],
		['❤️❤️', 'positive', '❤'],
		['🔥🔥', 'generic', 'emoji_only'],
		['wow 🔥', 'generic', 'wow'],
		['@amina', 'generic', '@mention'],
		['hmm', 'generic', 'no_cue'],
		['', 'generic', 'no_cue']
	])('%s → %s (%s)', (text, label, cue) => {
		const got = classifyComment(text);
		expect({ label: got.label, cue: got.cue }).toEqual({ label, cue });
	});

	it('is deterministic and flags emoji-only comments', () => {
		expect(classifyComment('prix svp')).toEqual(classifyComment('prix svp'));
		expect(classifyComment('👏👏')).toMatchObject({ label: 'positive', cue: '👏', emojiOnly: true });
		expect(classifyComment('bravo 👏').emojiOnly).toBe(false);
	});

	it('explains with a message key per topic', () => {
		expect(commentReason(classifyComment('ch7al'))).toEqual({ key: 'comment_reason_price', params: { cue: 'ch7al' } });
		expect(commentReason(classifyComment('taille 42 ?')).key).toBe('comment_reason_size');
		expect(commentReason(classifyComment('dispo ?')).key).toBe('comment_reason_availability');
		expect(commentReason(classifyComment('kifach ncommandi')).key).toBe('comment_reason_order');
		expect(commentReason(classifyComment('https://x.dz')).key).toBe('comment_reason_link');
		expect(commentReason(classifyComment('🙂')).key).toBe('comment_reason_emoji_only');
	});
});
