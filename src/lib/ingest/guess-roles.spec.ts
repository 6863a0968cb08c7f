import { describe, expect, it } from 'vitest';
import { guessRoles, type ColumnSample } from './guess-roles';

const columns = (table: Record<string, string[]>): ColumnSample[] => Object.entries(table).map(([header, values]) => ({ header, values }));
const measureRoles = (table: Record<string, string[]>) =>
	guessRoles(columns(table), false).roles.map((r) => (r.kind === 'measure' ? `${r.measure} ${r.timing}` : r.kind));

describe('guessRoles: a before/after pair is one measure', () => {
	it('decides the scale from both columns: one 12 after a session is an error on 0–10, not a VAS', () => {
		// Alone, pain_after (4, 3, 5, 12: a quarter above 10) would look like a 0–100 VAS.
		expect(measureRoles({ client: ['C1', 'C1', 'C2', 'C3'], pain_before: ['6', '5', '7', '4'], pain_after: ['4', '3', '5', '12'] })).toEqual([
			'client',
			'pain_nprs before',
			'pain_nprs after'
		]);
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
		expect(
			measureRoles({ client: ['C1'], pain_before: ['6'], pain_after: ['4'], 'pain_after ': ['3'] })
		).toEqual(['client', 'pain_nprs before', 'pain_nprs after', 'extra']);
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

	it('leaves a second treatment-like column to its own role', () => {
		expect(measureRoles({ client: ['C1'], treatment: ['PNF'], 'treatment duration': ['30'], 'group': ['2'] })).toEqual([
			'client',
			'technique',
			'duration',
			'extra'
		]);
	});
});
