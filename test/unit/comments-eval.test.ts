/**
 * Measures the comment classifier on test/fixtures/comments.json: accuracy and macro-F1
 * per language and overall, on each of its two splits. comments.json is now the
 * DEVELOPMENT set: the lexicon was first written without its "heldout" split (held-out
 * macro-F1 was then 0.775), and afterwards both splits were used to find missing
 * vocabulary and phrasing patterns, so neither split measures generalisation any more and
 * the perfect scores below say only that the rules cover the comments they were written
 * from. How well the classifier generalises (target: macro-F1 ≥ 0.85 on comments the
 * rules were not written from) is measured separately on an unseen set written
 * independently of lexicon.ts. The floors are the measured values rounded down to 2
 * decimals: never lower them to let a change through. Issue 16 relabelled the bare praise
 * of both splits as generic and measured again (darija went down: some of its comments
 * that are praise with a subject are missed), which set the darija and "all" floors.
 */
import { describe, expect, it } from 'vitest';
import fixture from '../fixtures/comments.json';
import { COMMENT_LABELS, evaluate, type CommentLabel } from '../../worker/domain/comments';

type Lang = 'fr' | 'ar' | 'darija' | 'en' | 'emoji' | 'mixed';
interface Item {
	text: string;
	relabelled?: CommentLabel;
	label: CommentLabel;
	lang: Lang;
	split: 'dev' | 'heldout';
}
const items = fixture as Item[];
const LANGS: Lang[] = ['fr', 'ar', 'darija', 'en', 'emoji', 'mixed'];

/** Measured floors: [accuracy, macro-F1]. */
const FLOORS: Record<'dev' | 'heldout', Record<Lang | 'all', [number, number]>> = {
	heldout: { fr: [1, 1], ar: [1, 1], darija: [0.93, 0.78], en: [1, 1], emoji: [1, 1], mixed: [1, 1], all: [0.98, 0.98] },
	dev: { fr: [1, 1], ar: [1, 1], darija: [0.96, 0.92], en: [1, 1], emoji: [1, 1], mixed: [1, 1], all: [0.99, 0.98] }
};

describe('comment evaluation set', () => {
	it('has at least 300 comments, ~40 % held out, every label in every language of each split', () => {
		// Issue 16 relabelled praise that names nothing of the post from positive to generic
		// (API.md, "Comment labels"; the item keeps `relabelled: "positive"`): emoji alone is
		// never positive now, and positive is thinner in the other languages.
		expect(items.length).toBeGreaterThanOrEqual(300);
		const heldout = items.filter((i) => i.split === 'heldout').length;
		expect(heldout / items.length).toBeGreaterThan(0.35);
		for (const split of ['dev', 'heldout'] as const) {
			for (const lang of LANGS) {
				for (const label of COMMENT_LABELS) {
					const n = items.filter((i) => i.split === split && i.lang === lang && i.label === label).length;
					if (label === 'positive' && lang === 'emoji') expect(n, `${split} ${lang} ${label}`).toBe(0);
					else if (label !== 'positive') expect(n, `${split} ${lang} ${label}`).toBeGreaterThanOrEqual(4);
				}
			}
		}
		for (const split of ['dev', 'heldout'] as const) expect(items.filter((i) => i.split === split && i.label === 'positive').length, `${split} positive`).toBeGreaterThanOrEqual(12);
		// a text that appears twice ("ok" in French and English) carries the same label
		const byText = new Map<string, string>();
		for (const i of items) {
			expect(byText.get(i.text) ?? i.label, i.text).toBe(i.label);
			byText.set(i.text, i.label);
		}
	});

	for (const split of ['heldout', 'dev'] as const) {
		it(`stays at the measured level on the ${split} split (development data)`, () => {
			const rows: Record<string, { n: number; accuracy: string; macroF1: string }> = {};
			for (const lang of [...LANGS, 'all'] as const) {
				const subset = items.filter((i) => i.split === split && (lang === 'all' || i.lang === lang));
				const r = evaluate(subset);
				rows[lang] = { n: r.n, accuracy: r.accuracy.toFixed(3), macroF1: r.macroF1.toFixed(3) };
				const [acc, f1] = FLOORS[split][lang];
				expect(r.accuracy, `${split} ${lang} accuracy`).toBeGreaterThanOrEqual(acc);
				expect(r.macroF1, `${split} ${lang} macro-F1`).toBeGreaterThanOrEqual(f1);
			}
			const lines = Object.entries(rows).map(([lang, r]) => `${lang.padEnd(7)} ${String(r.n).padStart(4)}  ${r.accuracy}     ${r.macroF1}`);
			console.log([`comment classifier, ${split} split`, 'lang       n  accuracy  macro-F1', ...lines].join('\n'));
		});
	}
});
