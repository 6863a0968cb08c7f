import { describe, expect, it } from 'vitest';
import { guessRoles, type ColumnSample } from './guess-roles';

const columns = (table: Record<string, string[]>): ColumnSample[] => Object.entries(table).map(([header, values]) => ({ header, values }));
const measureRoles = (table: Record<string, string[]>) =>
	guessRoles(columns(table), false).roles.map((r) => (r.kind === 'measure' ? `${r.measure} ${r.timing}` : r.kind));

describe('guessRoles: a before/after pair is one measure', () => {
	it('decides the scale from both columns: one 12 after a session is an error on 0–10, not a VAS', () => {
		// Alone, pain_after (4, 3, 5, 12: a quarter above 10) would look like a 0–100 VAS.
		expect(
			measureRoles({ client: ['C1', 'C1', 'C2', 'C3'], pain_before: ['6', '5', '7', '4'], pain_after: ['4', '3', '5', '12'] })
		).toEqual(['client', 'pain_nprs before', 'pain_nprs after']);
	});

	it('still finds a VAS when the pair runs on 0–100', () => {
		expect(measureRoles({ client: ['C1', 'C2'], pain_before: ['75', '60'], pain_after: ['40', '35'] })).toEqual([
			'client',
			'pain_vas before',
			'pain_vas after'
		]);
	});
});

describe('guessRoles: repeated headers', () => {
	it('keeps a second column for the same measure and timing as an extra attribute, not merged into the first', () => {
		expect(measureRoles({ client: ['C1'], pain_before: ['6'], pain_after: ['4'], 'pain_after ': ['3'] })).toEqual([
			'client',
			'pain_nprs before',
			'pain_nprs after',
			'extra'
		]);
	});

	it('takes a repeated technique header as a second technique column: one session’s techniques', () => {
		expect(measureRoles({ client: ['C1'], technique: ['PNF'], 'technique ': ['SCS'] })).toEqual(['client', 'technique', 'technique']);
	});
});

describe('guessRoles: techniques over several columns', () => {
	it('takes every column named a technique', () => {
		expect(
			measureRoles({ client: ['C1'], 'Technique 1': ['PNF'], 'Technique 2': ['SCS'], 'secondary technique': ['TrP'], pain_before: ['6'] })
		).toEqual(['client', 'technique', 'technique', 'technique', 'pain_nprs before']);
	});

	it('takes a duration of the complaint for an attribute, not the session’s length', () => {
		// The back-pain trial's backpain_length (years with back pain) is case mix; session length is the session's.
		expect(measureRoles({ id: ['1'], backpain_length: ['12'], 'symptom duration': ['3'], duration_min: ['45'] })).toEqual([
			'client',
			'extra',
			'extra',
			'duration'
		]);
	});

	it('leaves a second treatment-like column to its own role', () => {
		expect(measureRoles({ client: ['C1'], treatment: ['PNF'], 'treatment duration': ['30'], group: ['2'] })).toEqual([
			'client',
			'technique',
			'duration',
			'extra'
		]);
	});
});

/** Roles as "measure timing[ visit]", every column given the same numeric values (none only 0 and 1). */
const timedRoles = (headers: string[], fileName = '', values = ['4', '6', '5']) =>
	guessRoles(
		headers.map((header) => ({ header, values })),
		false,
		fileName
	).roles.map((r) => (r.kind === 'measure' ? `${r.measure} ${r.timing}${r.visit ? ` ${r.visit}` : ''}` : r.kind));

describe('guessRoles: one measure at two or more timepoints, whatever its name', () => {
	it.each([
		[
			['weight_pre', 'weight_post'],
			['weight before', 'weight after']
		],
		[
			['pre_weight', 'post_weight'],
			['weight before', 'weight after']
		],
		[
			['PreWeight', 'PostWeight'],
			['weight before', 'weight after']
		],
		[
			['grip_baseline', 'grip_followup'],
			['grip before', 'grip after']
		],
		[
			['grip_baseline', 'grip_follow_up'],
			['grip before', 'grip after']
		],
		[
			['grip baseline', 'grip follow-up'],
			['grip before', 'grip after']
		],
		[
			['grip_baseline', 'grip_fu'],
			['grip before', 'grip after']
		],
		[
			['score_pre', 'score_post'],
			['score before', 'score after']
		],
		[
			['grip_t0', 'grip_t1'],
			['grip before', 'grip after']
		],
		[
			['grip_t0', 'grip_t1', 'grip_t2'],
			['grip value 1', 'grip value 2', 'grip value 3']
		],
		[
			['gripT1', 'gripT2', 'gripT3'],
			['grip value 1', 'grip value 2', 'grip value 3']
		],
		[
			['T1_grip', 'T2_grip', 'T3_grip'],
			['grip value 1', 'grip value 2', 'grip value 3']
		],
		[
			['pk1', 'pk2', 'pk5'],
			['pk value 1', 'pk value 2', 'pk value 3']
		],
		// Visits follow the numbers, not the columns' order.
		[
			['pk5', 'pk1', 'pk2'],
			['pk value 3', 'pk value 1', 'pk value 2']
		],
		[
			['pk1', 'pk5'],
			['pk before', 'pk after']
		],
		[
			['pain_1', 'pain_2', 'pain_3'],
			['pain_nprs value 1', 'pain_nprs value 2', 'pain_nprs value 3']
		]
	])('%j', (headers, expected) => {
		expect(timedRoles(headers)).toEqual(expected);
	});

	it('knows a numbered VAS on 0–100 as pain on the VAS', () => {
		expect(timedRoles(['vas1', 'vas2', 'vas3'], '', ['40', '65', '20'])).toEqual([
			'pain_vas value 1',
			'pain_vas value 2',
			'pain_vas value 3'
		]);
	});

	it('names "Pre" and "Post" after the file, or "Outcome"', () => {
		expect(timedRoles(['group', 'Pre', 'Post'], 'grip-strength.csv')).toEqual(['technique', 'grip_strength before', 'grip_strength after']);
		expect(timedRoles(['Pre', 'Post'], 'pre_post.csv')).toEqual(['outcome before', 'outcome after']);
		expect(
			guessRoles(
				[
					{ header: 'Pre', values: ['4'] },
					{ header: 'Post', values: ['5'] }
				],
				false
			).measures.map((m) => m.label)
		).toEqual(['Outcome']);
	});

	it('declares a measure it does not know as "other", higher is better, for the user to set', () => {
		const { measures } = guessRoles(
			['PreWeight', 'PostWeight'].map((header) => ({ header, values: ['80', '78'] })),
			false
		);
		expect(measures).toEqual([
			{
				measure: 'weight',
				label: 'weight',
				kind: 'other',
				unit: '',
				scaleMin: null,
				scaleMax: null,
				direction: 'higher',
				mcidPoints: null,
				mcidPercent: null,
				mcidSource: 'Declared at import'
			}
		]);
	});

	it('leaves ordinary numbers, change columns and questionnaire items as extras', () => {
		expect(timedRoles(['age', 'BMI', 'score'])).toEqual(['extra', 'extra', 'extra']);
		expect(timedRoles(['pain_pre', 'pain_post', 'pain_change', 'change', 'diff', 'delta_pain'])).toEqual([
			'pain_nprs before',
			'pain_nprs after',
			'extra',
			'extra',
			'extra',
			'extra'
		]);
		expect(timedRoles(['weight_pre', 'weight_post', 'weight_diff'])).toEqual(['weight before', 'weight after', 'extra']);
		expect(timedRoles(['q1', 'q2', 'q3', 'item1', 'item2', 'X1', 'X2'])).toEqual(Array(7).fill('extra'));
		// One numbered column is not a series; text columns are not measures.
		expect(timedRoles(['tsk11'])).toEqual(['extra']);
		expect(timedRoles(['grip1', 'grip2'], '', ['weak', 'strong'])).toEqual(['extra', 'extra']);
	});
});

describe('guessRoles: a movement column beside generic range-of-motion columns', () => {
	const movementRoles = (header: string) =>
		guessRoles(
			[
				{ header: 'client', values: ['C1'] },
				{ header, values: ['Hip flexion'] },
				{ header: 'rom_pre', values: ['95'] },
				{ header: 'rom_post', values: ['104'] }
			],
			false
		).roles.map((r) => r.kind);

	it.each(['rom_movement', 'movement', 'joint', 'Joint movement'])('%s names the measure of each row', (header) => {
		expect(movementRoles(header)).toEqual(['client', 'measure name', 'measure', 'measure']);
	});

	it('is an extra attribute where no range-of-motion column needs naming', () => {
		expect(
			guessRoles(
				[
					{ header: 'joint', values: ['Hip'] },
					{ header: 'pain_pre', values: ['5'] }
				],
				false
			).roles.map((r) => r.kind)
		).toEqual(['extra', 'measure']);
	});
});
