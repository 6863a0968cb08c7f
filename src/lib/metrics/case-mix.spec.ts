import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { caseMix, funnelLimits, type CaseMixData } from './case-mix';
import { encodeCovariate } from './case-mix-covariates';

// tests/fixtures/case-mix.csv: 60 client courses at three clinics, five without an age. Expected values from
// tests/reference/case-mix.py (numpy 2.4 least squares, scipy 1.17 t quantiles).
const text = readFileSync(new URL('../../../tests/fixtures/case-mix.csv', import.meta.url), 'utf8');
const records = text
	.trim()
	.split('\n')
	.slice(1)
	.map((line) => line.split(','));

function dataOf(rows: string[][]): CaseMixData {
	const providers = [...new Set(rows.map((r) => r[0]))].sort();
	const conditions = [...new Set(rows.map((r) => r[1]))].sort();
	return {
		count: rows.length,
		group: Int32Array.from(rows, (r) => providers.indexOf(r[0])),
		groupNames: providers,
		condition: Int32Array.from(rows, (r) => conditions.indexOf(r[1])),
		conditionNames: conditions,
		baseline: Float64Array.from(rows, (r) => Number(r[2])),
		change: Float64Array.from(rows, (r) => Number(r[3])),
		covariates: [
			encodeCovariate({ name: 'age', kind: 'age', numeric: true }, rows.length, (i) =>
				rows[i][4] === '' ? undefined : { value: rows[i][4], number: Number(rows[i][4]) }
			),
			encodeCovariate({ name: 'sex', kind: 'sex', numeric: false }, rows.length, (i) => ({ value: rows[i][5], number: null }))
		]
	};
}

describe('case-mix adjustment: observed against expected', () => {
	const result = caseMix(dataOf(records), 5)!;

	it('fits change on baseline, condition, age and sex over the complete cases', () => {
		// numpy: n 55, df 50; intercept −0.329863, baseline 0.384983, neck pain 1.119978, age −0.013086 (SE 0.00655),
		// male 0.480311; R² 0.585848; residual SD 0.812913.
		expect(result.n).toBe(55);
		expect(result.excluded).toBe(5);
		expect(result.terms.map((t) => [t.label, t.levels, t.used])).toEqual([
			['baseline', [], true],
			['condition', ['Lower back pain', 'Neck pain'], true],
			['age (age)', [], true],
			['sex (sex)', ['F', 'M'], true]
		]);
		const estimate = (name: string) => result.coefficients.find((c) => c.name === name)!;
		expect(estimate('intercept').estimate).toBeCloseTo(-0.329863, 5);
		expect(estimate('baseline').estimate).toBeCloseTo(0.384983, 5);
		expect(estimate('condition: Neck pain').estimate).toBeCloseTo(1.119978, 5);
		expect(estimate('age (age)').estimate).toBeCloseTo(-0.013086, 5);
		expect(estimate('age (age)').se).toBeCloseTo(0.00655, 5);
		expect(estimate('sex (sex): M').estimate).toBeCloseTo(0.480311, 5);
		expect(result.rSquared).toBeCloseTo(0.585848, 5);
		expect(result.residualSd).toBeCloseTo(0.812913, 5);
	});

	it('gives each provider observed − expected with its interval, and its place in the funnel', () => {
		// numpy: North 20 clients, O 1.621, E 1.785689, O − E −0.164689 (−0.539038 to 0.209659), z −0.906016;
		// West 16, O 2.32875, E 1.90968, O − E 0.41907 (0.005777 to 0.832364), z 2.062067: beyond the 95% limits.
		const [north, , west] = result.providers;
		expect(north).toMatchObject({ group: 'North', clients: 20, hidden: false });
		expect(north.observed).toBeCloseTo(1.621, 6);
		expect(north.expected).toBeCloseTo(1.785689, 5);
		expect(north.difference).toBeCloseTo(-0.164689, 5);
		expect(north.ci!.low).toBeCloseTo(-0.539038, 5);
		expect(north.ci!.high).toBeCloseTo(0.209659, 5);
		expect(north.z).toBeCloseTo(-0.906016, 5);
		expect(west.clients).toBe(16);
		expect(west.difference).toBeCloseTo(0.41907, 5);
		expect(west.ci!.low).toBeCloseTo(0.005777, 5);
		expect(west.z).toBeCloseTo(2.062067, 5);
		expect(Math.abs(west.difference)).toBeGreaterThan(funnelLimits(result.residualSd, west.clients).inner);
		expect(Math.abs(west.difference)).toBeLessThan(funnelLimits(result.residualSd, west.clients).outer);
	});

	it('puts the funnel limits at 1.96 and 3.09 standard errors', () => {
		// s / √n = 1 / √4 = 0.5: 0.979982 and 1.545116.
		const limits = funnelLimits(1, 4);
		expect(limits.inner).toBeCloseTo(0.979982, 5);
		expect(limits.outer).toBeCloseTo(1.545116, 5);
	});

	it('leaves out a term that would have fewer than ten clients per term, and says why', () => {
		// The first 35 courses: 32 with an age; baseline, condition and age take 3 terms (30 clients), sex would make 4.
		const small = caseMix(dataOf(records.slice(0, 35)), 5)!;
		expect(small.terms.map((t) => [t.used, t.reason])).toEqual([
			[true, null],
			[true, null],
			[true, null],
			[false, 'fewer than 10 clients per term (32 clients for 4 terms)']
		]);
		expect(small.n).toBe(32);
		expect(small.coefficients.map((c) => c.name)).toEqual(['intercept', 'baseline', 'condition: Neck pain', 'age (age)']);
	});

	it('leaves out a covariate missing for more than a fifth of the clients rather than losing them', () => {
		const gappy = dataOf(records);
		gappy.covariates[0].numbers = gappy.covariates[0].numbers!.map((v, i) => (i % 4 === 0 ? NaN : v));
		const result = caseMix(gappy, 5)!;
		// Every fourth age blanked (15, row 4 among them), and rows 17, 29, 41 and 53 had none: 19 of 60.
		expect(result.terms[2]).toMatchObject({ used: false, reason: 'missing for 19 of 60 clients' });
		expect(result.n).toBe(60);
	});
});
