import { describe, expect, it } from 'vitest';
import csv from '../../db/wilayas.csv?raw';
import { parseWilayasCsv } from '../../db/wilayas';
import { classifyComment, commentReason, matchKey, normaliseComment } from '../../worker/domain/comments';
import { AMBIGUOUS_WILAYAS, WILAYA_NAMES } from '../../worker/domain/comments/places';

/** Asserts label and cue of each comment. */
function expectCues(cases: readonly (readonly [string, string, string])[]) {
	for (const [text, label, cue] of cases) {
		const got = classifyComment(text);
		expect({ text, label: got.label, cue: got.cue }).toEqual({ text, label, cue });
	}
}

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
		// praise that names nothing of the post is generic (API.md, "Comment labels")
		['3jebni', 'generic', '3jebni'],
		['3jebni el produit', 'positive', '3jebni'],
		['Machaaallah', 'generic', 'machallah'],
		['ما شاءَ اللهُ', 'generic', 'ما شاء الله'],
		// spam beats everything, links first
		['Gagnez de l’argent, prix imbattable', 'spam', 'gagnez'],
		['www.promo.xyz prix', 'spam', 'url'],
		['Follow back', 'spam', 'follow'],
		// emoji
		['💰❓', 'purchase_intent', '💰❓'],
		['💸💸', 'spam', '💸'],
		['👎', 'negative', '👎'],
		['❤️❤️', 'generic', 'emoji_only'],
		['la robe ❤️❤️', 'positive', '❤'],
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
		expect(classifyComment('👏👏')).toMatchObject({ label: 'generic', cue: 'emoji_only', emojiOnly: true });
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

describe('negation', () => {
	it('turns a negated praise or expected word into a complaint, with the negator in the cue', () => {
		expectCues([
			// French, English: the negator reaches over fillers to the first word
			['pas très bon', 'negative', 'pas tres bon'],
			["La couleur n'est pas du tout la même", 'negative', 'pas du tout la meme'],
			['jamais reçu', 'negative', 'jamais recu'],
			["didn't like it", 'negative', 'didn t like'],
			['not worth it', 'negative', 'not worth'],
			['Customer service never replied', 'negative', 'never replied'],
			// Darija and Arabic: machi / ماشي / مش / لم / لا before a word
			['machi mli7', 'negative', 'machi mli7'],
			['ماشي مليح', 'negative', 'ماشي مليح'],
			['مش كيما في الصورة', 'negative', 'مش كيما'],
			['لم يعجبني المنتج', 'negative', 'لم يعجبني'],
			['لا تشتروا منهم', 'negative', 'لا تشتروا'],
			// the circumfix ma…ch / ما…ش, in one word or two, and ma / ما before a verb
			['ma 3ajbatnich', 'negative', 'ma 3ajbatnich'],
			['ماعجبتنيش', 'negative', 'ماعجبتنيش'],
			['ma nsa7komch', 'negative', 'ma nsa7komch'],
			['mazal ma wsalni', 'negative', 'ma wsalni'],
			['مازال ما وصلتنيش الطلبية', 'negative', 'ما وصلتنيش'],
			['ma kayench thi9a', 'negative', 'ma kayench thi9a'],
			// "there is no longer" / "they have no" negate the next word
			['ma b9atch thi9a', 'negative', 'ma b9atch thi9a'],
			['ma3andhomch kelma', 'negative', 'ma3andhomch kelma']
		]);
	});

	it('turns a negated complaint word into praise, and stops at a conjunction or the next word', () => {
		expectCues([
			['pas cher', 'positive', 'pas cher'],
			['pas mal du tout', 'positive', 'pas mal'],
			['not bad at all', 'positive', 'not bad'],
			['machi ghalia', 'positive', 'machi ghalia'],
			// "et" ends the reach of "pas": "bonne" is not negated
			['pas cher et bonne qualité', 'positive', 'qualite'],
			// "pas" reaches "retard", not "merci"
			['pas de retard, merci', 'positive', 'merci'],
			// "pas terrible" is French for "not good"
			['pas terrible', 'negative', 'pas terrible']
		]);
	});

	it('leaves the French possessive "ma" and negations of neutral words alone', () => {
		expectCues([
			['ma commande est arrivée, merci', 'positive', 'merci'],
			['ma taille 38 ?', 'purchase_intent', 'taille'],
			['je ne sais pas', 'generic', 'no_cue'],
			['لا إله إلا الله', 'generic', 'no_cue']
		]);
	});
});

describe('inflected verbs and wider vocabulary', () => {
	it('reads inflected "like" verbs as praise when they are about something, generic alone', () => {
		expectCues([
			['3ajbatni bzaf', 'generic', '3ajbatni'],
			['3ajbatni l couleur bzaf', 'positive', '3ajbatni'],
			['عجبتني بزاف', 'generic', 'عجبتني'],
			['عجبتني الريحة تاعو', 'positive', 'عجبتني'],
			['wlh ghaya', 'generic', 'ghaya'],
			['تبارك الرحمن', 'generic', 'تبارك'],
			['Absolutely stunning', 'generic', 'stunning'],
			['This is so good omg', 'generic', 'so good'],
			['this serum is so good on dry skin', 'positive', 'so good']
		]);
	});

	it('tells praise about the post (positive) from praise that could stand under any post (generic)', () => {
		expectCues([
			// the examples of API.md, "Comment labels"
			['trop stylé 😘', 'generic', '😘'],
			['rabi y7fdek', 'generic', 'no_cue'],
			['so cute', 'generic', 'cute'],
			['😍😍😍😍😍', 'generic', 'emoji_only'],
			['le gloss rend super bien sur toi', 'positive', 'super bien'],
			['نحب الطريقة لي تشرحي بيها', 'positive', 'نحب'],
			['the colour suits you', 'positive', 'suits'],
			// terms of address and blessings do not make praise specific
			['tbarkallah 3lik khti ykhalik', 'generic', 'tbarkallah'],
			['Vous êtes les meilleurs, merci beaucoup', 'generic', 'merci'],
			// a friend shown the product is intent; a friend called to laugh is not
			['@yasmine regarde le sérum', 'purchase_intent', 'regarde'],
			['@yasmine regarde 😂', 'generic', 'regarde']
		]);
	});

	it('finds Arabizi and Arabic price, availability and order words', () => {
		expectCues([
			['b9adech?', 'purchase_intent', 'b9adech'],
			['gadech', 'purchase_intent', 'gadech'],
			['السومة من فضلك', 'purchase_intent', 'سوم'],
			['كم سعره؟', 'purchase_intent', 'سعر'],
			['Ça coûte combien', 'purchase_intent', 'combien'],
			['what is the cost', 'purchase_intent', 'cost'],
			['kaynin les tailles ?', 'purchase_intent', 'kaynin'],
			['il reste encore du 39 ?', 'purchase_intent', 'il reste'],
			['موجود؟', 'purchase_intent', 'موجود'],
			['kifah nchriha', 'purchase_intent', 'nchri'],
			['je suis intéressée', 'purchase_intent', 'interess'],
			['numéro svp', 'purchase_intent', 'numero'],
			['الدفع عند الاستلام؟', 'purchase_intent', 'الدفع عند الاستلام'],
			['tewsslou l setif?', 'purchase_intent', 'tewsl']
		]);
	});

	it('asks about a size, a colour, a place or a material only with a question', () => {
		expectCues([
			['39 ?', 'purchase_intent', '39'],
			['is there a medium?', 'purchase_intent', 'medium'],
			['la couleur noire ?', 'purchase_intent', 'couleur'],
			['trop belle la couleur', 'positive', 'trop belle'],
			['I love the colors', 'positive', 'love'],
			['win techriha?', 'purchase_intent', 'win'],
			['win rak', 'generic', 'no_cue'],
			['wach yesla7 l peau grasse?', 'purchase_intent', 'yesla7'],
			['tissu de qualité', 'positive', 'qualite']
		]);
	});

	it('reads praise of the price or the delivery as praise unless something is asked', () => {
		expectCues([
			['Excellent rapport qualité prix', 'positive', 'rapport qualite prix'],
			['livraison rapide, merci', 'positive', 'rapide'],
			['livraison rapide ?', 'purchase_intent', 'livr'],
			['livraison rapide svp', 'purchase_intent', 'livr'],
			['very happy with my order', 'positive', 'happy'],
			["merci pour l'info", 'positive', 'merci'],
			['info svp', 'purchase_intent', 'info'],
			['ok merci', 'generic', 'ok merci'],
			['non merci', 'generic', 'non merci']
		]);
	});

	it('finds complaints about price, theft and refunds', () => {
		expectCues([
			["C'est hors de prix", 'negative', 'hors de prix'],
			['zdtou fel soum bezaf', 'negative', 'zdtou'],
			['sra9in', 'negative', 'sra9'],
			['سرقة هذه', 'negative', 'سرقه'],
			['الثمن مرتفع', 'negative', 'مرتفع'],
			["Fake, don't trust them", 'negative', 'fake'],
			['remboursez moi', 'negative', 'rembours'],
			['el produit ja mkasser', 'negative', 'mkas'],
			['Ma tconfiwch fihom', 'negative', 'ma tconfiwch'],
			['ما فهمت والو', 'generic', 'no_cue']
		]);
	});
});

describe('spam', () => {
	it('finds links, click-to-chat and short links, but not a domain-like @handle', () => {
		expectCues([
			['wa.me/213550000000', 'spam', 'url'],
			['t.me/promo_dz', 'spam', 'url'],
			['visit bit.ly/x', 'spam', 'url'],
			['@rania.dz 😂', 'generic', '@mention']
		]);
	});

	it('finds channels, easy money and "add me"', () => {
		expectCues([
			['Subscribe to my channel please', 'spam', 'subscribe'],
			['اشتركوا في قناتي', 'spam', 'اشتركوا'],
			['Investissez 5000 DA et recevez 50000 DA', 'spam', 'investissez'],
			['nrba7 m3akom drahem', 'spam', 'nrba7'],
			['lien fi bio ta3i pour gagner', 'spam', 'bio ta3i'],
			['Make $1000 a week working from home', 'spam', 'from home'],
			['ajoutez moi sur snap', 'spam', 'ajoutez moi']
		]);
	});
});

describe('emoji', () => {
	it('reads more money, heart and mockery emoji', () => {
		expectCues([
			['💶?', 'purchase_intent', '💶?'],
			['🤡🤡', 'negative', '🤡'],
			['💔', 'negative', '💔'],
			['💜💜', 'generic', 'emoji_only'],
			['🆓👉', 'spam', '👉']
		]);
	});
});

describe('wilayas', () => {
	const rows = parseWilayasCsv(csv);
	const ambiguous = new Set(AMBIGUOUS_WILAYAS);

	it('lists every French and Arabic name of db/wilayas.csv', () => {
		expect(rows).toHaveLength(69);
		for (const row of rows) {
			expect(WILAYA_NAMES, row.code).toContain(row.nameFr);
			expect(WILAYA_NAMES, row.code).toContain(row.nameAr);
		}
	});

	it('reads a wilaya named with a direction or in a question as a delivery question', () => {
		for (const { nameFr, nameAr } of rows) {
			const toAr = nameAr.includes(' ') ? `الى ${nameAr}` : nameAr.startsWith('ال') ? `لل${nameAr.slice(2)}` : `ل${nameAr}`;
			const cases: [string, string][] = [
				[`l ${nameFr}`, nameFr],
				[`${toAr} ؟`, nameAr]
			];
			if (!ambiguous.has(nameFr)) cases.push([`${nameFr} ?`, nameFr]);
			if (!ambiguous.has(nameAr)) cases.push([`${nameAr}؟`, nameAr]);
			for (const [text, name] of cases) expect(classifyComment(text), text).toMatchObject({ label: 'purchase_intent', cue: name, topic: 'delivery' });
		}
	});

	it('needs the direction or the question, and a direction for names that are also words', () => {
		expectCues([
			['watching from Oran', 'generic', 'no_cue'],
			['Saïda ?', 'generic', 'no_cue'],
			['سعيدة؟', 'generic', 'no_cue'],
			['l Saïda', 'purchase_intent', 'Saïda']
		]);
	});
});
