import { describe, expect, it } from 'vitest';
import { chronicityBand, covariateKind, durationUnit } from './case-mix-covariates';

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
