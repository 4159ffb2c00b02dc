/**
 * Accuracy and macro-F1 of the classifier on a labelled set (test/fixtures/comments.json).
 * Macro-F1 averages the F1 of the labels present in the gold labels or the predictions of
 * the subset, so a language where a label never occurs is not penalised for it.
 */
import { classifyComment, COMMENT_LABELS, type CommentLabel } from './classify-comment';

export interface EvalItem {
	text: string;
	label: CommentLabel;
}

export interface EvalReport {
	n: number;
	accuracy: number;
	macroF1: number;
	perLabel: Partial<Record<CommentLabel, { precision: number; recall: number; f1: number }>>;
	errors: { text: string; expected: CommentLabel; got: CommentLabel; cue: string }[];
}

export function evaluate(items: readonly EvalItem[]): EvalReport {
	const errors: EvalReport['errors'] = [];
	const tp = new Map<CommentLabel, number>();
	const fp = new Map<CommentLabel, number>();
	const fn = new Map<CommentLabel, number>();
	const inc = (m: Map<CommentLabel, number>, l: CommentLabel) => m.set(l, (m.get(l) ?? 0) + 1);
	let correct = 0;
	for (const item of items) {
		const got = classifyComment(item.text);
		if (got.label === item.label) {
			correct += 1;
			inc(tp, item.label);
		} else {
			inc(fp, got.label);
			inc(fn, item.label);
			errors.push({ text: item.text, expected: item.label, got: got.label, cue: got.cue });
		}
	}
	const perLabel: EvalReport['perLabel'] = {};
	const f1s: number[] = [];
	for (const label of COMMENT_LABELS) {
		const t = tp.get(label) ?? 0;
		const p = fp.get(label) ?? 0;
		const n = fn.get(label) ?? 0;
		if (t + p + n === 0) continue;
		const precision = t + p === 0 ? 0 : t / (t + p);
		const recall = t + n === 0 ? 0 : t / (t + n);
		const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
		perLabel[label] = { precision, recall, f1 };
		f1s.push(f1);
	}
	return {
		n: items.length,
		accuracy: items.length === 0 ? 0 : correct / items.length,
		macroF1: f1s.length === 0 ? 0 : f1s.reduce((a, b) => a + b, 0) / f1s.length,
		perLabel,
		errors
	};
}
