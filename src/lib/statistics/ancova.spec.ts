import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ancova, type AncovaCell } from './ancova';
import { addMoment, CrossProducts, fitLeastSquares, noMoments } from './least-squares';

/** Clients as (group, stratum, baseline, follow-up), summed into cells. */
function cellsOf(rows: [string, string, number, number][]): AncovaCell[] {
	const cells = new Map<string, AncovaCell>();
	for (const [group, stratum, x, y] of rows) {
		const key = `${group}|${stratum}`;
		if (!cells.has(key)) cells.set(key, { group, stratum, moments: noMoments() });
		addMoment(cells.get(key)!.moments, x, y);
	}
	return [...cells.values()];
}

describe('ANCOVA on the back-pain trial (Ashar et al., JAMA Psychiatry 2022)', () => {
	// tests/fixtures/Ashar2022_outcomes_demographics.csv: pain_avg after treatment (time 2) on pain_avg before
	// (time 1) and arm, for the 135 randomised patients with both; arm 2 (placebo) the reference.
	const text = readFileSync(new URL('../../../tests/fixtures/Ashar2022_outcomes_demographics.csv', import.meta.url), 'utf8');
	const [header, ...lines] = text.trim().split('\n');
	const at = (name: string) => header.split(',').indexOf(name);
	const before = new Map<string, [string, number]>();
	const after = new Map<string, number>();
	for (const line of lines) {
		const f = line.split(',');
		const [id, time, group, pain] = [f[at('id')], f[at('time')], f[at('group')], Number(f[at('pain_avg')])];
		if (group === 'NaN' || !Number.isFinite(pain)) continue;
		if (time === '1') before.set(id, [group, pain]);
		else after.set(id, pain);
	}
	const rows = [...before].flatMap(([id, [group, x]]) =>
		after.has(id) ? [[group, 'all', x, after.get(id)!] as [string, string, number, number]] : []
	);

	it('matches numpy.linalg.lstsq: coefficients, standard errors, intervals, R²', () => {
		expect(rows).toHaveLength(135);
		const model = ancova(cellsOf(rows), '2', ['1', '2', '3'])!;
		// numpy 2.4: y = 0.759147 + 0.535658 x − 1.732135 [arm 1] + 0.488011 [arm 3]; SEs 0.071708, 0.261051, 0.258081;
		// residual df 131, residual SD 1.223576, R² 0.481699; t(0.975, 131) intervals from scipy.
		expect(model.n).toBe(135);
		expect(model.referenceN).toBe(44);
		expect(model.df).toBe(131);
		expect(model.slope.estimate).toBeCloseTo(0.535658, 5);
		expect(model.slope.se).toBeCloseTo(0.071708, 5);
		const [prt, usual] = model.differences;
		expect(prt).toMatchObject({ group: '1', n: 44 });
		expect(prt.estimate).toBeCloseTo(-1.732135, 5);
		expect(prt.se).toBeCloseTo(0.261051, 5);
		expect(prt.ci.low).toBeCloseTo(-2.248555, 5);
		expect(prt.ci.high).toBeCloseTo(-1.215715, 5);
		expect(usual).toMatchObject({ group: '3', n: 47 });
		expect(usual.estimate).toBeCloseTo(0.488011, 5);
		expect(usual.ci.low).toBeCloseTo(-0.022535, 5);
		expect(model.residualSd).toBeCloseTo(1.223576, 5);
		expect(model.rSquared).toBeCloseTo(0.481699, 5);
		expect(model.strata).toEqual([]);
	});

	it('gives the same group terms row by row as cell by cell', () => {
		const cp = new CrossProducts(['intercept', 'baseline', 'arm 1', 'arm 3']);
		const armColumn: Record<string, number[]> = { '1': [2], '2': [], '3': [3] };
		for (const [group, , x, y] of rows) {
			const arm = armColumn[group];
			cp.addRow([0, 1, ...arm], [1, x, ...arm.map(() => 1)], y);
		}
		const fit = fitLeastSquares(cp)!;
		expect(fit.coefficients[2].estimate).toBeCloseTo(-1.732135, 5);
		expect(fit.coefficients[3].estimate).toBeCloseTo(0.488011, 5);
	});
});

describe('ANCOVA with strata', () => {
	// Hand-made: three groups, two conditions; B the reference. numpy.linalg.lstsq on
	// y = a + b x + A + C + neck: a = 1.264334, b = 0.686103, A = −2.018465 (SE 0.541611), C = −0.020894,
	// neck = −0.406220; 9 residual df; R² 0.796597; residual SD 0.843748; A's 95% CI −3.243675 to −0.793254.
	const rows: [string, string, number, number][] = [
		['A', 'back', 6, 3],
		['A', 'back', 7, 5],
		['A', 'neck', 5, 2],
		['A', 'neck', 4, 2],
		['A', 'back', 8, 4],
		['B', 'back', 6, 5],
		['B', 'back', 5, 5],
		['B', 'neck', 7, 6],
		['B', 'neck', 6, 4],
		['B', 'neck', 5, 5],
		['C', 'back', 7, 6],
		['C', 'neck', 6, 6],
		['C', 'back', 8, 7],
		['C', 'neck', 5, 3]
	];

	it('adjusts for the stratum and reports it', () => {
		const model = ancova(cellsOf(rows), 'B', ['A', 'B', 'C'])!;
		expect(model.strata).toEqual(['back', 'neck']);
		expect(model.df).toBe(9);
		expect(model.slope.estimate).toBeCloseTo(0.686103, 5);
		const a = model.differences.find((d) => d.group === 'A')!;
		expect(a.estimate).toBeCloseTo(-2.018465, 5);
		expect(a.se).toBeCloseTo(0.541611, 5);
		expect(a.ci.low).toBeCloseTo(-3.243675, 5);
		expect(a.ci.high).toBeCloseTo(-0.793254, 5);
		expect(model.differences.find((d) => d.group === 'C')!.estimate).toBeCloseTo(-0.020894, 5);
		expect(model.rSquared).toBeCloseTo(0.796597, 5);
		expect(model.residualSd).toBeCloseTo(0.843748, 5);
	});

	it('leaves out, and names, a group the data cannot tell from its stratum', () => {
		// D is the only group with hip pain, and hip pain only has D: nothing compares D with B.
		const withD: [string, string, number, number][] = [...rows, ['D', 'hip', 6, 2], ['D', 'hip', 7, 3]];
		const model = ancova(cellsOf(withD), 'B', ['A', 'B', 'C', 'D'])!;
		expect(model.differences.map((d) => d.group)).toEqual(['A', 'C']);
		expect(model.aliased).toEqual(['D']);
		// numpy.linalg.lstsq on y = a + b x + hip + neck + A + C (no D term): A = −2.017732, slope 0.698553.
		expect(model.differences[0].estimate).toBeCloseTo(-2.017732, 5);
		expect(model.slope.estimate).toBeCloseTo(0.698553, 5);
	});

	it('has no model without the reference group, or without a residual degree of freedom', () => {
		expect(ancova(cellsOf(rows), 'Z', ['A', 'B', 'C', 'Z'])).toBeNull();
		expect(ancova(cellsOf(rows.slice(0, 2).concat(rows.slice(5, 6))), 'B', ['A', 'B'])).toBeNull();
	});
});
