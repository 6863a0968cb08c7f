import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { loadCsv } from '../test/fixtures';
import { DEFAULT_FILTERS } from '../metrics/filters';
import { tableOne, type TableOne } from './table-one';

// The back-pain trial (Ashar et al., JAMA Psychiatry 2022): one row per patient per timepoint (time 1, 2), arms
// coded 1/2/3 and labelled as in the preview; the 55 healthy controls have no arm. Reference figures from the raw
// file: tests/reference/table-one.py (numpy, scipy).
const text = readFileSync(new URL('../../../tests/fixtures/Ashar2022_outcomes_demographics.csv', import.meta.url), 'utf8');

let table: TableOne;
beforeAll(async () => {
	const db: Database = await openNodeDatabase();
	await loadCsv(
		db,
		text,
		(plan) => {
			plan.columns.find((c) => c.header === 'group')!.labels = { '1': 'Pain reprocessing therapy', '2': 'Placebo', '3': 'Usual care' };
		},
		'Ashar2022_outcomes_demographics.csv'
	);
	table = await tableOne(db, DEFAULT_FILTERS);
}, 30_000);

const rowsOf = (variable: string) => table.rows.filter((r) => r.variable === variable).map((r) => [r.label, ...r.cells]);

describe('Table 1 of the back-pain trial', () => {
	it('has the three arms and the healthy controls, with their numbers of patients', () => {
		// "Placebo" is filed under the technique vocabulary's "Sham / control".
		expect(table.groups).toEqual(['Pain reprocessing therapy', 'Sham / control', 'Usual care', 'Not recorded']);
		expect(table.hiddenGroups).toEqual([]);
		expect(rowsOf('n')).toEqual([['Clients, n', '50', '51', '50', '55']]);
	});

	it('gives pain at baseline as mean (SD), and one control without it', () => {
		// numpy: 3.940000 (1.503873), 3.803922 (1.575051), 3.600000 (1.442786); controls 0.666667 (1.009390) of 54.
		expect(rowsOf('pain_nprs')).toEqual([
			['Pain (NPRS), points, mean (SD)', '3.94 (1.50)', '3.80 (1.58)', '3.60 (1.44)', '0.67 (1.01)'],
			['missing', '0', '0', '0', '1']
		]);
	});

	it('gives age as mean (SD): 99 distinct numbers, skewness 0.32', () => {
		// numpy: 42.580000 (16.177699), 39.372549 (14.906322), 41.280000 (15.875845), 40.695743 (14.469041) of 54.
		expect(rowsOf('age')).toEqual([
			['age, mean (SD)', '42.58 (16.18)', '39.37 (14.91)', '41.28 (15.88)', '40.70 (14.47)'],
			['missing', '0', '0', '0', '1']
		]);
	});

	it('gives gender, coded 1/2, as counts (%): 2 first, 110 patients against 95', () => {
		// 2: 29/50, 25/51 = 49.02%, 27/50, 29/54 = 53.70%; 1: 21/50, 26/51 = 50.98%, 23/50, 25/54 = 46.30%.
		expect(rowsOf('gender')).toEqual([
			['gender, n (%)', '', '', '', ''],
			['2', '29 (58%)', '25 (49%)', '27 (54%)', '29 (54%)'],
			['1', '21 (42%)', '26 (51%)', '23 (46%)', '25 (46%)'],
			['missing', '0', '0', '0', '1']
		]);
	});

	it('puts n first, then the measures, then the extra columns by name', () => {
		// The measure the dashboard shows (pain) first. Not here: pgic and tx_satisfaction, written only after treatment
		// (time 2), are no baseline.
		expect([...new Set(table.rows.map((r) => r.variable))]).toEqual([
			'n',
			'pain_nprs',
			'odi',
			'age',
			'alcohol',
			'backpain_length',
			'bpi_intensity',
			'bpi_interference',
			'cannabis',
			'current_opioid_use',
			'education',
			'employment_status',
			'ethnicity',
			'exercise',
			'gender',
			'handedness',
			'hispanic',
			'is_patient',
			'married_or_living_as_marri',
			'opioid',
			'panas_na',
			'panas_pa',
			'pcs',
			'promis_anger',
			'promis_anxiety',
			'promis_dep',
			'promis_sleep',
			'sopa_emo',
			'sses',
			'tsk11',
			'weight'
		]);
	});
});
