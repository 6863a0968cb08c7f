import { describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import { fixtureFile, planFor } from '../test/fixtures';
import { PendingFile } from '../state/importer.svelte';
import { previewFile } from './preview-file';
import { planProblems, runImport } from './run-import';
import type { ImportPlan } from './plan';
import { guessPairReading, numbersRows, withPairsRead } from './trial-reading';
import { readPairsAs } from './plan-edits';

const reading = (csv: string) => planFor(csv).pairsAre;
const roles = (plan: ImportPlan) => plan.columns.map((c) => c.role);

describe('guessing how before/after columns are read', () => {
	it('reads a dateless file with one row per participant as a trial', () => {
		expect(reading('id,pain_pre,pain_post\nP1,6,3\nP2,7,5\n')).toBe('visits');
		// No id column: each row is a participant.
		expect(reading('group,Pre,Post\n1,6,3\n2,7,5\n')).toBe('visits');
		// A missing id is not a repeat.
		expect(reading('id,pain_pre,pain_post\nP1,6,3\n,7,5\n,5,5\n')).toBe('visits');
	});

	it('reads a file with repeated ids, dates, visits or timepoints as sessions', () => {
		expect(reading('id,pain_pre,pain_post\nP1,6,3\nP1,5,2\n')).toBe('session');
		expect(reading('id,date,pain_pre,pain_post\nP1,2025-01-02,6,3\nP2,2025-01-03,7,5\n')).toBe('session');
		expect(reading('id,visit,pain_pre,pain_post\nP1,1,6,3\nP2,1,7,5\n')).toBe('session');
		expect(reading('id,time,pain_pre,pain_post\nP1,1,6,3\nP2,1,7,5\n')).toBe('session');
	});

	it('decides from the rows it is given, ids trimmed', () => {
		const plan = planFor('id,pain_pre,pain_post\nP1,6,3\n');
		expect(
			guessPairReading(plan, [
				['P1', '6', '3'],
				[' P1 ', '5', '2']
			])
		).toBe('session');
		expect(
			guessPairReading(plan, [
				['P1', '6', '3'],
				['P2', '5', '2']
			])
		).toBe('visits');
	});
});

describe('storing pairs as visits', () => {
	it('makes before the value at visit 1 and after the value at visit 2, leaving other columns alone', () => {
		const plan = planFor('id,pain_pre,pain_post,score_t0,score_t1,score_t2,age\nP1,6,3,20,24,27,40\n');
		expect(plan.pairsAre).toBe('visits');
		expect(roles(withPairsRead(plan))).toEqual([
			{ kind: 'client' },
			{ kind: 'measure', measure: 'pain_nprs', timing: 'value', visit: 1 },
			{ kind: 'measure', measure: 'pain_nprs', timing: 'value', visit: 2 },
			{ kind: 'measure', measure: 'score', timing: 'value', visit: 1 },
			{ kind: 'measure', measure: 'score', timing: 'value', visit: 2 },
			{ kind: 'measure', measure: 'score', timing: 'value', visit: 3 },
			{ kind: 'extra' }
		]);
		// The preview's plan keeps its before/after roles: switching back loses nothing.
		expect(plan.columns[1].role).toEqual({ kind: 'measure', measure: 'pain_nprs', timing: 'before' });
	});

	it('stores a session reading as it stands, and a pair with its own visit number as that visit’s before and after', () => {
		const plan = planFor('id,pain_pre,pain_post\nP1,6,3\n');
		expect(withPairsRead({ ...plan, pairsAre: 'session' })).toEqual({ ...plan, pairsAre: 'session' });
		plan.columns[1].role = { kind: 'measure', measure: 'pain_nprs', timing: 'before', visit: 3 };
		plan.columns[2].role = { kind: 'measure', measure: 'pain_nprs', timing: 'after', visit: 3 };
		expect(roles(withPairsRead(plan))).toEqual(roles(plan));
	});
});

describe('rows numbered as participants', () => {
	it('numbers the rows of a file without an id column only when nothing says a client has several rows', () => {
		expect(numbersRows(planFor('group,Pre,Post\n1,6,3\n'))).toBe(true);
		const dated = planFor('date,pain_pre,pain_post\n2025-01-02,6,3\n');
		expect(numbersRows(dated)).toBe(false);
		expect(planProblems(dated)).toEqual(['No column is chosen as the client id: choose the column that identifies each client.']);
		expect(planProblems(planFor('group,Pre,Post\n1,6,3\n'))).toEqual([]);
	});
});

describe('switching the reading in the preview', () => {
	/** The dropped file's plan as the page holds it, switched as the preview's button does, then imported. */
	async function importSwitched(readings: ImportPlan['pairsAre'][]) {
		const file = fixtureFile('grip-strength.csv');
		const { plan, preview } = await previewFile(file);
		const pending = new PendingFile(file, plan, preview);
		const shapes = readings.map((r) => {
			pending.edit(readPairsAs(r));
			return [pending.plan.pairsAre, pending.plan.shape];
		});
		const db = await openNodeDatabase();
		await runImport(db, file, JSON.parse(JSON.stringify(pending.plan)), { secret: 's' });
		const perClient = await db.query('SELECT client_id, count(*)::INTEGER AS sessions FROM sessions GROUP BY 1 ORDER BY 1');
		return { shapes, perClient };
	}

	it('to sessions: the shape follows, and each participant is one session', async () => {
		const { shapes, perClient } = await importSwitched(['session']);
		expect(shapes).toEqual([['session', 'sessions']]);
		// grip-strength.csv has 6 rows, each complete.
		expect(perClient).toEqual(['1', '2', '3', '4', '5', '6'].map((client_id) => ({ client_id, sessions: 1 })));
	});

	it('and back to a trial: two visits per participant again', async () => {
		const { shapes, perClient } = await importSwitched(['session', 'visits']);
		expect(shapes).toEqual([
			['session', 'sessions'],
			['visits', 'visits']
		]);
		expect(perClient).toEqual(['1', '2', '3', '4', '5', '6'].map((client_id) => ({ client_id, sessions: 2 })));
	});
});
