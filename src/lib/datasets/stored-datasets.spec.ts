import { beforeEach, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { loadCsv } from '../test/fixtures';
import { storedData } from '../metrics/overview';
import { deleteDataset, listDatasets, setActive } from './stored-datasets';

let db: Database;
beforeEach(async () => {
	db = await openNodeDatabase();
});

// Three clients over five sessions; C1 comes three times.
const NORTH =
	'client,date,pain_before,pain_after\nC1,2025-01-02,6,4\nC1,2025-01-09,5,3\nC1,2025-01-16,4,3\nC2,2025-01-03,7,5\nC3,2025-02-01,3,2\n';
// The same id C1 in another file is another person: two clients, two sessions.
const SOUTH = 'client,date,pain_before,pain_after\nC1,2025-03-02,6,4\nC9,2025-03-04,5,4\n';

describe('stored datasets', () => {
	it('lists each dataset with its own sessions and clients; the figures cover the analysed ones', async () => {
		await loadCsv(db, NORTH, undefined, 'north.csv');
		await loadCsv(db, SOUTH, undefined, 'south.csv');
		const listed = await listDatasets(db);
		expect(listed.map((d) => [d.name, d.sessions, d.clients, d.active])).toEqual([
			['north.csv', 5, 3, true],
			['south.csv', 2, 2, true]
		]);
		expect(await storedData(db)).toMatchObject({ datasets: 2, clients: 5, sessions: 7, firstDate: '2025-01-02', lastDate: '2025-03-04' });

		await setActive(db, listed[0].datasetId, false);
		expect(await storedData(db)).toMatchObject({ datasets: 1, clients: 2, sessions: 2, firstDate: '2025-03-02' });

		await deleteDataset(db, listed[1].datasetId);
		expect((await listDatasets(db)).map((d) => [d.name, d.sessions, d.clients])).toEqual([['north.csv', 5, 3]]);
		expect(await storedData(db)).toMatchObject({ datasets: 0, clients: 0, sessions: 0 });
	});
});
