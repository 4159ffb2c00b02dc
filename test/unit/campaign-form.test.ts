import { describe, expect, it } from 'vitest';
import { algiersDate, bodyFromValues, campaignFormProblem, emptyValues, formFieldErrors, valuesFromForm, withTemplate } from '../../web/src/lib/server/campaign-form';
import { briefTemplate } from '../../worker/domain/brief-templates';

const form = (entries: [string, string][]) => {
	const data = new FormData();
	for (const [k, v] of entries) data.append(k, v);
	return data;
};

describe('campaign form ↔ API body', () => {
	it('reads lists, keeps only known formats and niches, and caps text', () => {
		const v = valuesFromForm(
			form([
				['title', 'x'.repeat(500)],
				['formats', 'reel'],
				['formats', 'tweet'],
				['niches', 'beauty'],
				['niches', 'crypto'],
				['wilayas', '16'],
				['wilayas', 'Alger']
			])
		);
		expect(v.title).toHaveLength(200);
		expect(v.formats).toEqual(['reel']);
		expect(v.niches).toEqual(['beauty']);
		expect(v.wilayas).toEqual(['16']);
	});

	it('turns lines, spaced numbers and Algiers dates into the API body', () => {
		const v = { ...emptyValues(), title: 'Été', keyMessages: ' a \n\n b ', budgetDzd: '120 000', applyBy: '2026-12-01', startsAt: '2026-12-03', endsAt: '', formats: ['reel'] };
		const body = bodyFromValues(v, 'create');
		expect(body).toMatchObject({
			budgetDzd: 120000,
			followerMin: 8000,
			applyBy: '2026-12-01T23:59:00+01:00',
			startsAt: '2026-12-03T00:00:00+01:00',
			brief: { keyMessages: ['a', 'b'], dos: [], donts: [], angle: '' }
		});
		// A draft may be partial: empty lists and dates are left out on create…
		expect(body).not.toHaveProperty('wilayas');
		expect(body).not.toHaveProperty('endsAt');
		// …but sent on edit, so clearing them is refused by the API rather than ignored.
		expect(bodyFromValues(v, 'edit')).toMatchObject({ wilayas: [], endsAt: null });
	});

	it('sends what is not a number as typed, so the API names the problem', () => {
		expect(bodyFromValues({ ...emptyValues(), budgetDzd: '12,5k' }, 'create').budgetDzd).toBe('12,5k');
		expect(bodyFromValues({ ...emptyValues(), budgetDzd: '' }, 'create')).not.toHaveProperty('budgetDzd');
	});

	it('maps API error paths to form fields, first message wins', () => {
		expect(formFieldErrors({ 'wilayas.3': 'w', 'brief.dos.0': 'd', 'brief.dos.1': 'd2', title: 't' })).toEqual({ wilayas: 'w', dos: 'd', title: 't' });
	});

	it('shows every […] blank of a field next to it, and lists the blanks to focus', () => {
		const out = campaignFormProblem({
			detail: 'Des blancs restent.',
			errors: [
				{ path: 'brief.keyMessages.0', message: 'Remplacez « [a] ».', placeholder: '[a]' },
				{ path: 'brief.keyMessages.2', message: 'Remplacez « [b] ».', placeholder: '[b]' },
				{ path: 'offer', message: 'Remplacez « [c] ».', placeholder: '[c]' },
				{ path: 'wilayas.1', message: 'w1' },
				{ path: 'wilayas.2', message: 'w2' }
			]
		});
		expect(out.errors).toEqual({ keyMessages: 'Remplacez « [a] ». Remplacez « [b] ».', offer: 'Remplacez « [c] ».', wilayas: 'w1' });
		expect(out.blanks).toEqual([
			{ field: 'keyMessages', text: '[a]' },
			{ field: 'keyMessages', text: '[b]' },
			{ field: 'offer', text: '[c]' }
		]);
		expect(out.detail).toBe('Des blancs restent.');
	});

	it('applies a template to the brief only', () => {
		const v = { ...emptyValues(), title: 'Garde', formats: ['story'] };
		const out = withTemplate(v, briefTemplate('whatsapp_sales', 'fr', { brandName: 'Yasmine', wilayaCount: 69 }));
		expect(out.title).toBe('Garde');
		expect(out.formats).toEqual(['story']);
		expect(out.keyMessages.split('\n')[0]).toContain('{mot-clé du créateur}');
	});

	it('reads ticked age bands (known ones only), leaves none out on create and clears them on edit', () => {
		const v = valuesFromForm(
			form([
				['title', 'x'],
				['ageBands', '25-34'],
				['ageBands', '18-24'],
				['ageBands', '99+']
			])
		);
		expect(v.ageBands).toEqual(['25-34', '18-24']);
		expect(bodyFromValues(v, 'create').ageBands).toEqual(['25-34', '18-24']);
		const none = valuesFromForm(form([['title', 'x']]));
		expect(none.ageBands).toEqual([]);
		expect(bodyFromValues(none, 'create')).not.toHaveProperty('ageBands');
		expect(bodyFromValues(none, 'edit').ageBands).toEqual([]);
		expect(formFieldErrors({ 'ageBands.1': 'a' })).toEqual({ ageBands: 'a' });
	});

	it('shows ISO instants as Algiers calendar days', () => {
		expect(algiersDate('2026-11-26T23:30:00Z')).toBe('2026-11-27');
		expect(algiersDate(null)).toBe('');
	});
});
