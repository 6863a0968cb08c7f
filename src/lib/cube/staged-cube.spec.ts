/**
 * An import is drawn before it is stored (staged-cube.ts). What the page draws from then must be what it
 * reads once the import is stored: loadCube, filterChoices, storedData and listDatasets over the stored
 * tables are the reference, on clinic exports and research shapes, over the demo and over other real data.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { loadDemoClinic } from '../demo/load-demo';
import { stageImport } from '../ingest/run-import';
import { previewFile } from '../ingest/preview-file';
import { importData } from '../ingest/decode';
import type { ImportPlan } from '../ingest/plan';
import { fixtureFile, loadCsv, planFor } from '../test/fixtures';
import { filterChoices, storedData } from '../metrics/overview';
import { listDatasets } from '../datasets/stored-datasets';
import { loadCube } from './load-cube';
import { loadWithImport } from './staged-cube';
import { computeDashboard } from './compute-dashboard';
import { DEFAULT_FILTERS } from '../metrics/filters';

let db: Database;
beforeEach(async () => {
	db = await openNodeDatabase();
});

const withoutTime = <T extends { importedAt: string }>(rows: T[]) => rows.map(({ importedAt: _, ...row }) => row);

/** Stages `data`, reads what the page would draw, stores it, and reads the stored reference. */
async function drawnThenStored(data: Blob | string, plan: ImportPlan, isDemo = false) {
	const staged = await stageImport(db, data, plan, { secret: 's', isDemo });
	const drawn = await loadWithImport(db, staged);
	const outcome = await staged.save();
	const stored = { cube: await loadCube(db), stored: await storedData(db), choices: await filterChoices(db), datasets: await listDatasets(db) };
	return { drawn, stored, outcome, staged };
}

async function expectSameView(data: Blob | string, plan: ImportPlan, isDemo = false) {
	const { drawn, stored, outcome, staged } = await drawnThenStored(data, plan, isDemo);
	expect(outcome.datasetId).toBe(staged.slot.datasetId);
	expect(drawn.cube).toEqual(stored.cube);
	expect(drawn.stored).toEqual(stored.stored);
	expect(drawn.choices).toEqual(stored.choices);
	expect(withoutTime(drawn.datasets)).toEqual(withoutTime(stored.datasets));
	expect(computeDashboard(drawn.cube, DEFAULT_FILTERS)).toEqual(computeDashboard(stored.cube, DEFAULT_FILTERS));
	return { drawn, stored };
}

async function fixture(name: string, change: (plan: ImportPlan) => void = () => {}) {
	const file = fixtureFile(name);
	const { plan } = await previewFile(file);
	change(plan);
	return { data: await importData(file, plan.encoding), plan };
}

const CLINIC = `client;date;technique;condition;pain before;pain after;rom_movement;rom_pre;rom_post;age
C1;06.01.2025;PNF;LBP;6;4;hip flexion;80;90;40
C1;13.01.2025;PNF;LBP;5,5;4;Hip flexion;85;95;40
C2;06.01.2025;SCS + TrP;sciatica;7;5;;;;
C2;20.01.2025;strain counterstrain;Sciatica;6;4,5;knee flexion;100;110;
C3;07.01.2025;Swedish;Neck pain;4;3;;;;
;08.01.2025;PNF;Knee pain;5;3;;;;
C4;08.01.2025;PNF;Knee pain;11;3;;;;
C5;09.01.2025;contract-relax;Hip pain;NA;2;elbow extension;10;20;61
C5;;hold relax and NMT;Hip pain;5;n/a;;;;
C6;10.01.2025;Sports massage;;3;2;;;;
C1;06.01.2025;PNF;LBP;6;4;hip flexion;80;90;40
`;

describe('an import drawn before it is stored', () => {
	it('a clinic export over the demo clinic: the demo leaves the analysis, the import alone is drawn', async () => {
		await loadDemoClinic(db, { clients: 40 });
		const { drawn } = await expectSameView(CLINIC, planFor(CLINIC, 'clinic.csv'));
		// 11 rows: 2 rejected for their client or pain, 1 for its missing date, 1 duplicate.
		expect(drawn.stored.sessions).toBe(7);
		expect(drawn.datasets.map((d) => [d.name, d.active])).toEqual([
			['Demo clinic (generated, not real clients)', false],
			['clinic.csv', true]
		]);
	});

	it('a second real file is drawn with the first, the names of both in one order', async () => {
		await loadDemoClinic(db, { clients: 20 });
		await loadCsv(db, CLINIC.replaceAll('C', 'K').replace('Swedish', 'Zen shiatsu'), () => {}, 'first.csv');
		const { drawn } = await expectSameView(CLINIC, planFor(CLINIC, 'second.csv'));
		expect(drawn.stored.datasets).toBe(2);
		expect(drawn.cube.names.technique).toContain('Zen shiatsu');
	});

	it('the demo clinic drawn over real data leaves the real data out', async () => {
		await loadCsv(db, CLINIC, () => {}, 'real.csv');
		const demo = await import('../demo/load-demo');
		const { demoCsv } = await import('../demo/export-csv');
		const { generateDemoSessions } = await import('../demo/generate');
		await expectSameView(demoCsv(generateDemoSessions({ clients: 30 })), demo.DEMO_PLAN, true);
	});

	it('the back-pain trial: one row per patient per timepoint, sessions grouped from rows', async () => {
		const { data, plan } = await fixture('Ashar2022_outcomes_demographics.csv');
		await expectSameView(data, plan);
	});

	it('a long file, a file of visits in columns, a movement column and a trial without ids', async () => {
		for (const name of ['score-t0-t2.csv', 'rom-movement-clinic.csv', 'grip-strength.csv', 'licorice_gargle.csv', 'KosteckiDillon.csv', 'gait.csv']) {
			db = await openNodeDatabase();
			const { data, plan } = await fixture(name);
			await expectSameView(data, plan);
		}
	}, 120_000);

	it('visits the file gives order sessions of one date; sessions without are numbered by date, then file order', async () => {
		const csv = 'client,date,visit,pain_before,pain_after\nA,2025-02-01,2,5,3\nA,2025-01-01,3,6,4\nA,2025-01-01,1,7,5\nB,2025-03-02,,4,2\nB,2025-03-01,,5,3\nB,2025-03-01,,6,3\n';
		const { drawn } = await expectSameView(csv, planFor(csv, 'visits.csv'));
		expect(drawn.cube.sessions).toBe(6);
	});
});
