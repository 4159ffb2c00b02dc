import { describe, expect, it } from 'vitest';
import { CREATOR_TOKENS, fillBrief, fillCreatorTokens, findPlaceholders, hasCreatorToken, placeholdersIn, textSegments } from '../../worker/domain/placeholders';
import { BRIEF_TEMPLATES, briefTemplate } from '../../worker/domain/brief-templates';
import { OBJECTIVES } from '../../worker/domain/taxonomy';

const brief = (over: Partial<{ keyMessages: string[]; dos: string[]; donts: string[]; angle: string }> = {}) => ({ keyMessages: [], dos: [], donts: [], angle: '', ...over });

describe('[…] blanks', () => {
	it('finds each bracketed blank of a text, in order, brackets included', () => {
		expect(placeholdersIn('Offre valable 48 h : [votre offre, ex. pack à 3 500 DA] et [date]')).toEqual(['[votre offre, ex. pack à 3 500 DA]', '[date]']);
		expect(placeholdersIn('تابعوا [@الحساب] لمعرفة الجديد')).toEqual(['[@الحساب]']);
	});

	it('does not take empty brackets, nested ones, multi-line runs or creator tokens for blanks', () => {
		expect(placeholdersIn('[] rien')).toEqual([]);
		expect(placeholdersIn('[a\nb]')).toEqual([]);
		expect(placeholdersIn(`Envoyez ${CREATOR_TOKENS.keyword.fr}`)).toEqual([]);
		expect(placeholdersIn('[[x]]')).toEqual(['[x]']);
		expect(placeholdersIn(`[${'x'.repeat(121)}]`)).toEqual([]);
	});

	it('names the field of each blank with its API path, in the form’s order', () => {
		const found = findPlaceholders({
			title: 'Été [année]',
			offer: 'Pack',
			brief: brief({ keyMessages: ['ok', 'Suivez [@compte] et [ville]'], dos: ['[geste]'], donts: [], angle: 'La découverte [produit]' })
		});
		expect(found).toEqual([
			{ path: 'title', text: '[année]' },
			{ path: 'brief.keyMessages.1', text: '[@compte]' },
			{ path: 'brief.keyMessages.1', text: '[ville]' },
			{ path: 'brief.dos.0', text: '[geste]' },
			{ path: 'brief.angle', text: '[produit]' }
		]);
		expect(findPlaceholders({ title: 'Prêt', offer: 'Pack à 3 500 DA', brief: brief({ keyMessages: [`Mot-clé ${CREATOR_TOKENS.keyword.fr}`] }) })).toEqual([]);
	});
});

describe('creator tokens', () => {
	const codes = { keyword: 'INSTA-SARA', promo: 'SARA10', link: 'https://wasla.dz/l/abc123' };

	it('are replaced by the creator’s own codes, in any of the three languages, any case or apostrophe', () => {
		expect(fillCreatorTokens('Envoyez {mot-clé du créateur} ou {MOT-CLÉ DU CRÉATEUR}', codes)).toBe('Envoyez INSTA-SARA ou INSTA-SARA');
		expect(fillCreatorTokens(`أرسلوا ${CREATOR_TOKENS.keyword.ar} مع ${CREATOR_TOKENS.promo.ar}`, codes)).toBe('أرسلوا INSTA-SARA مع SARA10');
		expect(fillCreatorTokens("Use {creator's promo code} at {creator’s tracked link}", codes)).toBe('Use SARA10 at https://wasla.dz/l/abc123');
	});

	it('stay as written when the creator has no such code, and other braces are left alone', () => {
		expect(fillCreatorTokens('{code promo du créateur} {autre}', { keyword: 'K' })).toBe('{code promo du créateur} {autre}');
		expect(hasCreatorToken('{code promo du créateur}')).toBe(true);
		expect(hasCreatorToken('{autre}')).toBe(false);
	});

	it('a code with $ signs is inserted as is', () => {
		expect(fillCreatorTokens('{code promo du créateur}', { promo: 'A$&B' })).toBe('A$&B');
	});

	it('fill every line of a brief', () => {
		const filled = fillBrief(briefTemplate('whatsapp_sales', 'fr', { brandName: 'Yasmine', wilayaCount: 69 }), codes);
		expect(filled.keyMessages[0]).toBe('Commandez chez Yasmine sur WhatsApp en envoyant le mot-clé INSTA-SARA');
		expect(filled.angle).toContain('« envoyez INSTA-SARA sur WhatsApp »');
	});

	it('cut a text into plain runs, tokens and blanks', () => {
		expect(textSegments('Envoyez {mot-clé du créateur} : [votre offre].')).toEqual([
			{ text: 'Envoyez ', kind: 'plain' },
			{ text: '{mot-clé du créateur}', kind: 'token' },
			{ text: ' : ', kind: 'plain' },
			{ text: '[votre offre]', kind: 'blank' },
			{ text: '.', kind: 'plain' }
		]);
		expect(textSegments('rien')).toEqual([{ text: 'rien', kind: 'plain' }]);
		expect(textSegments('أرسلوا INSTA-SARA على واتساب', ['INSTA-SARA', 'SARA10'])).toEqual([
			{ text: 'أرسلوا ', kind: 'plain' },
			{ text: 'INSTA-SARA', kind: 'code' },
			{ text: ' على واتساب', kind: 'plain' }
		]);
	});
});

describe('brief templates never publish wrong data', () => {
	it('carry no one creator’s keyword and no wilaya count as a literal', () => {
		for (const objective of OBJECTIVES) {
			for (const lang of ['fr', 'ar', 'en'] as const) {
				const text = JSON.stringify(BRIEF_TEMPLATES[objective][lang]);
				expect(text, `${objective}/${lang}`).not.toMatch(/INSTA-|NOUR|CODE10|\b58\b/);
			}
		}
	});

	it('fill the brand’s name and the wilaya count they are given', () => {
		const fr = briefTemplate('whatsapp_sales', 'fr', { brandName: 'Boutique Yasmine', wilayaCount: 69 });
		expect(fr.keyMessages).toEqual([
			`Commandez chez Boutique Yasmine sur WhatsApp en envoyant le mot-clé ${CREATOR_TOKENS.keyword.fr}`,
			'Livraison dans les 69 wilayas, paiement à la livraison',
			'Offre valable 48 h : [votre offre, ex. pack à 3 500 DA]'
		]);
		expect(briefTemplate('visibility', 'ar', { brandName: 'ياسمين', wilayaCount: 69 }).keyMessages[0]).toBe('ياسمين: [ما يميزها في جملة واحدة]');
		expect(briefTemplate('traffic', 'en', { brandName: 'Yasmine', wilayaCount: 69 }).keyMessages[2]).toBe(`Code ${CREATOR_TOKENS.promo.en}: [discount] in store or online`);
	});

	it('keep a […] blank for the brand’s name when it is not known, which publishing then refuses', () => {
		const b = briefTemplate('visibility', 'fr', { brandName: null, wilayaCount: 69 });
		expect(b.keyMessages[0]).toBe('[Nom de la marque] : [ce qui la rend unique en une phrase]');
		expect(findPlaceholders({ title: 'x', offer: '', brief: b }).map((p) => p.text)).toContain('[Nom de la marque]');
	});

	it('every template leaves only creator tokens and […] blanks, never an unfilled %fact%', () => {
		for (const objective of OBJECTIVES) {
			for (const lang of ['fr', 'ar', 'en'] as const) {
				const b = briefTemplate(objective, lang, { brandName: 'B', wilayaCount: 69 });
				expect(JSON.stringify(b)).not.toMatch(/%\w+%/);
			}
		}
	});
});
