/**
 * The campaign report as a document (issue 12, point 6): what worker/domain/report-document.ts
 * builds from the report's numbers and what contracts/pdf/render-report.ts draws. Plain data,
 * already in the reader's language (labels translated, numbers and money formatted), so the
 * renderer knows nothing about campaigns and the builder knows nothing about PDF.
 */
import type { DocLang } from './document';

/** One block of a section, drawn in order. */
export type ReportBlock =
	/** Flowing text; `strong` is bold ink, `muted` is grey and smaller. */
	| { kind: 'paragraph'; text: string; tone?: 'normal' | 'strong' | 'muted' }
	/** A small heading (e.g. "Attention") followed by label/value rows. */
	| { kind: 'rows'; heading?: string; rows: { label: string; value: string }[] }
	/**
	 * Horizontal bars from the reading-start side, each as long as its `value` relative to
	 * the largest one, under its `label` (which carries the number as written).
	 */
	| { kind: 'bars'; bars: { label: string; value: number }[] };

export interface ReportSection {
	heading: string;
	/** Start this section on a new page. */
	newPage?: boolean;
	blocks: ReportBlock[];
}

export interface ReportDocument {
	lang: DocLang;
	/** "Rapport de campagne" / "تقرير الحملة" / "Campaign report" (also the PDF's Title). */
	title: string;
	/** The campaign's title. */
	subtitle: string;
	/** Lines under the subtitle, e.g. "Généré le 12 novembre 2026 à 14:05 (heure d’Alger)". */
	lines: string[];
	sections: ReportSection[];
	/**
	 * Footer of every page: `lines` (at most two: the first in small type, the second smaller)
	 * and the page label, where `{n}` and `{total}` are replaced by page numbers.
	 */
	footer: { lines: string[]; page: string };
}
