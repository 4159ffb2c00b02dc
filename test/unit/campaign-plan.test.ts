import { describe, expect, it } from 'vitest';
import { algiersDay, PLAN_DAYS, PLAN_PHASES, PLAN_STEPS, planCampaign, type PlannedTask } from '../../worker/domain/campaign-plan';

/** Noon in Algiers on a calendar day, as epoch ms. */
const at = (day: string, time = '12:00:00') => Date.parse(`${day}T${time}+01:00`);
const due = (tasks: PlannedTask[]) => Object.fromEntries(tasks.map((t) => [t.key, t.dueDate]));

describe('the 14-step plan follows the campaign’s dates', () => {
	it('lays a typical campaign on its deadline, start and end', () => {
		// Published 26 Nov, applications close 1 Dec, publications 4 → 10 Dec.
		const tasks = planCampaign(at('2026-11-26', '10:00:00'), { applyBy: at('2026-12-01', '23:59:00'), startsAt: at('2026-12-04', '00:00:00'), endsAt: at('2026-12-10', '23:59:00') });
		expect(tasks).toHaveLength(PLAN_DAYS);
		expect(new Set(tasks.map((t) => t.key)).size).toBe(14);
		expect(due(tasks)).toEqual({
			framing_objective: '2026-11-26',
			framing_offer: '2026-11-27',
			framing_brief: '2026-11-28',
			selection_shortlist: '2026-12-01',
			selection_evidence: '2026-12-02',
			selection_keep: '2026-12-02',
			selection_rights: '2026-12-03',
			execution_calendar: '2026-12-03',
			execution_publish: '2026-12-04',
			execution_stats_d1: '2026-12-05',
			execution_journal: '2026-12-07',
			execution_last_posts: '2026-12-10',
			execution_stats_d7: '2026-12-11',
			execution_decide: '2026-12-17'
		});
		// day = days since publication + 1
		expect(tasks.find((t) => t.key === 'execution_publish')!.day).toBe(9);
		expect(tasks[0]).toMatchObject({ day: 1, phase: 'framing', key: 'framing_objective' });
	});

	it('never asks to follow the first publications before they start, whatever the dates', () => {
		const cases = [
			{ applyBy: '2026-11-27', startsAt: '2026-11-28', endsAt: '2026-11-28' },
			{ applyBy: '2026-12-20', startsAt: '2027-01-05', endsAt: '2027-02-05' },
			{ applyBy: '2026-11-26', startsAt: '2026-11-26', endsAt: '2026-11-30' }
		];
		for (const c of cases) {
			const d = due(planCampaign(at('2026-11-26'), { applyBy: at(c.applyBy), startsAt: at(c.startsAt), endsAt: at(c.endsAt) }));
			expect(d.execution_publish, JSON.stringify(c)).toBe(c.startsAt);
			expect(d.selection_shortlist).toBe(c.applyBy);
			expect(d.execution_last_posts >= c.endsAt).toBe(true);
			expect(d.selection_rights <= c.startsAt && d.execution_calendar <= c.startsAt).toBe(true);
			expect(d.framing_brief <= c.applyBy).toBe(true);
			expect(d.execution_stats_d1 > c.startsAt && d.execution_stats_d7 > d.execution_stats_d1 && d.execution_decide > d.execution_stats_d7).toBe(true);
		}
	});

	it('packs a short campaign tightly: deadline tomorrow, one publication day', () => {
		const d = due(planCampaign(at('2026-11-26'), { applyBy: at('2026-11-27'), startsAt: at('2026-11-28'), endsAt: at('2026-11-28') }));
		expect(d).toMatchObject({
			framing_objective: '2026-11-26',
			framing_brief: '2026-11-27',
			selection_shortlist: '2026-11-27',
			selection_rights: '2026-11-27',
			execution_publish: '2026-11-28',
			execution_stats_d1: '2026-11-29',
			execution_stats_d7: '2026-12-05',
			execution_decide: '2026-12-06'
		});
	});

	it('spreads a long campaign: selection until the eve of the start, decision a week after the last posts', () => {
		const d = due(planCampaign(at('2026-11-26'), { applyBy: at('2026-12-20'), startsAt: at('2027-01-05'), endsAt: at('2027-02-05') }));
		expect(d).toMatchObject({
			framing_brief: '2026-11-28',
			selection_shortlist: '2026-12-20',
			selection_evidence: '2026-12-25',
			selection_keep: '2026-12-30',
			selection_rights: '2027-01-04',
			execution_publish: '2027-01-05',
			execution_stats_d7: '2027-01-12',
			execution_journal: '2027-01-21',
			execution_last_posts: '2027-02-05',
			execution_decide: '2027-02-12'
		});
	});

	it('without a start or an end: the day after the deadline, then a 5-day calendar', () => {
		const d = due(planCampaign(at('2026-11-26'), { applyBy: at('2026-11-30'), startsAt: null, endsAt: null }));
		expect(d.execution_publish).toBe('2026-12-01');
		expect(d.execution_last_posts).toBe('2026-12-05');
	});

	it('dates already past count as the publication day, so the steps keep their order', () => {
		const tasks = planCampaign(at('2026-11-26'), { applyBy: at('2026-11-20'), startsAt: at('2026-11-21'), endsAt: at('2026-11-22') });
		expect(tasks.every((t) => t.dueDate >= '2026-11-26')).toBe(true);
		expect(due(tasks).execution_publish).toBe('2026-11-26');
	});

	it('comes in date order, the article’s order within a day, each phase in its order', () => {
		const tasks = planCampaign(at('2026-11-26'), { applyBy: at('2026-11-27'), startsAt: at('2026-11-28'), endsAt: at('2026-11-28') });
		for (let i = 1; i < tasks.length; i++) {
			expect(tasks[i].dueDate >= tasks[i - 1].dueDate).toBe(true);
			if (tasks[i].dueDate === tasks[i - 1].dueDate) expect(PLAN_STEPS.findIndex((s) => s.key === tasks[i].key)).toBeGreaterThan(PLAN_STEPS.findIndex((s) => s.key === tasks[i - 1].key));
		}
		expect(PLAN_PHASES).toEqual(['framing', 'selection', 'execution']);
	});

	it('uses Algiers days: 23:30 UTC is already the next day (UTC+1), across the year end', () => {
		const dates = { applyBy: null, startsAt: null, endsAt: null };
		expect(planCampaign(Date.parse('2026-11-26T23:30:00Z'), dates)[0].dueDate).toBe('2026-11-27');
		expect(planCampaign(Date.parse('2026-11-26T22:59:59Z'), dates)[0].dueDate).toBe('2026-11-26');
		expect(algiersDay(Date.parse('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
		const d = due(planCampaign(at('2026-12-28'), { applyBy: at('2026-12-31'), startsAt: at('2027-01-02'), endsAt: at('2027-01-03') }));
		expect(d.execution_publish).toBe('2027-01-02');
		expect(d.selection_rights).toBe('2027-01-01');
	});

	it('refuses a time that is not a number', () => {
		expect(() => planCampaign(Number.NaN, { applyBy: null, startsAt: null, endsAt: null })).toThrow(RangeError);
	});
});
