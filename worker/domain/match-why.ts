/**
 * "Why this creator" (issue 14, point 6): short highlights built from the evidence behind
 * the criteria that lift a creator most, instead of repeating each criterion's reason
 * sentence word for word (the card shows those once, in the details). Each highlight is a
 * Reason (an i18n key of worker/i18n.ts and its numbers) rendered in the viewer's language
 * by the service, like the reasons themselves. Pure.
 */
import type { Criterion, CriterionScore, Reason } from './matching';

/**
 * A criterion's score with what affinityScore adds: the shared words, readable. The score is
 * null only for the track record of a creator with no completed campaign (track-record.ts).
 */
export type EvidenceScore = Omit<CriterionScore, 'score'> & { score: number | null; sharedWords?: readonly string[] };

export interface Highlight {
	criterion: Criterion;
	reason: Reason;
}

/** Shared words a highlight cites at most (the strongest first). */
export const HIGHLIGHT_WORDS = 3;

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** One highlight from one criterion's evidence, or null when its evidence says nothing worth a highlight. */
export function highlightOf(criterion: Criterion, score: EvidenceScore): Highlight | null {
	const p = score.reason.params;
	const at = (reason: Reason): Highlight => ({ criterion, reason });
	switch (criterion) {
		case 'engagement': {
			const times = num(p.times);
			if (times === null || score.reason.key === 'match_engagement_doubtful') return null;
			return at(
				score.reason.key === 'match_engagement_format' && typeof p.format === 'string'
					? { key: 'why_engagement_format', params: { times, format: p.format } }
					: { key: 'why_engagement', params: { times } }
			);
		}
		case 'commentQuality': {
			const intent = num(p.intent);
			return intent === null || intent <= 0 ? null : at({ key: 'why_comments', params: { intent } });
		}
		case 'affinity': {
			const words = (score.sharedWords ?? []).slice(0, HIGHLIGHT_WORDS);
			if (words.length > 0) return at({ key: 'why_affinity_words', params: { words: words.join(', ') } });
			const partnerships = num(p.partnerships) ?? 0;
			if (partnerships > 0) return at({ key: 'why_affinity_partnerships', params: { partnerships } });
			const shared = num(p.shared) ?? 0;
			const niches = num(p.niches) ?? 0;
			if (shared === 0) return null;
			return at(shared >= niches ? { key: 'why_affinity_all_niches', params: {} } : { key: 'why_affinity_niches', params: { shared, niches } });
		}
		case 'partnershipLoad': {
			const percent = num(p.percent);
			return percent === null ? null : at({ key: 'why_load', params: { percent } });
		}
		case 'audienceFit': {
			const percent = num(p.percent);
			if (score.reason.key === 'match_audience_estimated_in') return at({ key: 'why_audience_home', params: { wilaya: String(p.wilaya ?? '') } });
			if (percent === null) return null;
			const national = score.reason.key === 'match_audience_national' || score.reason.key === 'match_audience_national_ages';
			return at({ key: national ? 'why_audience_national' : 'why_audience', params: { percent } });
		}
		case 'trackRecord': {
			// The on-time count is the evidence a brand cannot get anywhere else.
			const onTime = score.reason.parts?.find((r) => r.key === 'match_track_on_time');
			if (score.score === null || !onTime) return null;
			return at({ key: 'why_track', params: { campaigns: num(p.campaigns) ?? 0, onTime: num(onTime.params.onTime) ?? 0, total: num(onTime.params.total) ?? 0 } });
		}
	}
}

/**
 * The highlights of the criteria that lift the creator most (`strongest`, from
 * strongestCriteria: weight × score, at least 60), in that order; a criterion whose
 * evidence gives nothing to cite is left out.
 */
export function matchHighlights(criteria: Record<Criterion, EvidenceScore>, strongest: readonly Criterion[]): Highlight[] {
	return strongest.map((c) => highlightOf(c, criteria[c])).filter((h): h is Highlight => h !== null);
}
