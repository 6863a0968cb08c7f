import { describe, expect, it } from 'vitest';
import { chronicityBand, covariateKind, durationUnit, encodeCovariate, gatherCovariate } from './case-mix-covariates';

describe('case-mix columns are recognised by name', () => {
	it.each([
		['age', 'age'],
		['preOp_age', 'age'],
		['Age (years)', 'age'],
		['sex', 'sex'],
		['Gender', 'sex'],
		['weeks_since_onset', 'chronicity'],
		['backpain_length', 'chronicity'],
		['Symptom duration (months)', 'chronicity'],
		['chronicity', 'chronicity'],
		['duration_min', null],
		['stage', null],
		['percentage', null],
		['BMI', null]
	])('%s → %s', (name, kind) => {
		expect(covariateKind(name)).toBe(kind);
	});

	it('reads a duration’s unit from its name', () => {
		expect(durationUnit('weeks_since_onset')).toBe('weeks');
		expect(durationUnit('Symptom duration (months)')).toBe('months');
		expect(durationUnit('pain_years')).toBe('years');
		expect(durationUnit('backpain_length')).toBeUndefined();
	});

	it('bands durations as the back-pain guidelines do: under 6 weeks, 6–12, over 12', () => {
		expect(chronicityBand(5, 'weeks')).toBe('acute (under 6 weeks)');
		expect(chronicityBand(6, 'weeks')).toBe('subacute (6–12 weeks)');
		expect(chronicityBand(12, 'weeks')).toBe('subacute (6–12 weeks)');
		expect(chronicityBand(13, 'weeks')).toBe('chronic (over 12 weeks)');
		// 3 months = 13 weeks; 40 days = 5.7 weeks; 2 years.
		expect(chronicityBand(3, 'months')).toBe('chronic (over 12 weeks)');
		expect(chronicityBand(40, 'days')).toBe('acute (under 6 weeks)');
		expect(chronicityBand(2, 'years')).toBe('chronic (over 12 weeks)');
		expect(chronicityBand(NaN, 'weeks')).toBeNull();
	});
});

describe('case-mix columns as typed arrays', () => {
	it('code categories into sorted levels, and durations with a unit into their bands', () => {
		const values = ['M', 'F', null, 'F'];
		const sex = encodeCovariate({ name: 'sex', kind: 'sex', numeric: false }, 4, (i) =>
			values[i] === null ? undefined : { value: values[i]!, number: null }
		);
		expect(sex.levels).toEqual(['F', 'M']);
		expect([...sex.codes!]).toEqual([1, 0, -1, 0]);
		const weeks = [3, 20, 8, NaN];
		const onset = encodeCovariate({ name: 'weeks_since_onset', kind: 'chronicity', numeric: true, unit: 'weeks' }, 4, (i) => ({
			value: '',
			number: weeks[i]
		}));
		expect([...onset.codes!].map((c) => onset.levels[c] ?? null)).toEqual([
			'acute (under 6 weeks)',
			'chronic (over 12 weeks)',
			'subacute (6–12 weeks)',
			null
		]);
		const age = encodeCovariate({ name: 'age', kind: 'age', numeric: true }, 3, (i) =>
			i === 1 ? undefined : { value: '', number: 30 + i }
		);
		expect([...age.numbers!]).toEqual([30, NaN, 32]);
		// A row takes its client's value.
		expect([...gatherCovariate(sex, Int32Array.from([3, 3, 0])).codes!]).toEqual([0, 0, 1]);
	});
});
