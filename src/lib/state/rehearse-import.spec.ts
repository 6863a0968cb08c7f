/**
 * The rehearsal (rehearse-import.ts) leaves the database as it found it but for the pseudonym key the first
 * import makes, whichever kind of data is in view, and the user's import after it gives what it gives
 * without one: the reference is the same import in a database that had no rehearsal.
 */
import { describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { quoteIdentifier } from '../db/sql';
import { loadCube } from '../cube/load-cube';
import { computeDashboard } from '../cube/compute-dashboard';
import { DEFAULT_FILTERS } from '../metrics/filters';
import { fixtureFile, importFile } from '../test/fixtures';
import { loadDemoClinic } from '../demo/load-demo';
import { rehearseImport } from './rehearse-import';

/** Every table, temporary ones included, with its number of rows. */
async function contents(db: Database): Promise<Record<string, number>> {
	const tables = await db.query<{ schema: string; name: string }>(
		'SELECT schema_name AS schema, table_name AS name FROM duckdb_tables() ORDER BY ALL'
	);
	const counts: Record<string, number> = {};
	for (const { schema, name } of tables) {
		const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${quoteIdentifier(schema)}.${quoteIdentifier(name)}`);
		counts[`${schema}.${name}`] = n;
	}
	return counts;
}

const settingKeys = async (db: Database) => (await db.query<{ key: string }>('SELECT key FROM settings ORDER BY key')).map((r) => r.key);

async function demoClinic() {
	const db = await openNodeDatabase();
	await loadDemoClinic(db, { clients: 20 });
	return db;
}

async function realClinic() {
	const db = await demoClinic();
	const ending = await importFile(db, fixtureFile('pain-clinic-prepost.csv'));
	expect(ending.ending).toBe('imported');
	return db;
}

describe('rehearseImport', () => {
	it.each([
		['the demo clinic', demoClinic],
		['real data', realClinic]
	])('leaves %s as they were, with no table of its own, and makes the pseudonym key', async (_, open) => {
		const db = await open();
		const before = await contents(db);
		const keysBefore = await settingKeys(db);
		const cubeBefore = await loadCube(db);
		await rehearseImport(db);
		const after = await contents(db);
		expect(Object.keys(after)).toEqual(Object.keys(before));
		expect(after).toEqual({ ...before, 'main.settings': after['main.settings'] });
		expect(await settingKeys(db)).toEqual([...new Set([...keysBefore, 'pseudonym_key'])].sort());
		expect(await loadCube(db)).toEqual(cubeBefore);
	});

	// It stops at its next step; once its cube is being made, it finishes (a few statements more).
	it.each([
		[2, 'stops'],
		[6, 'stops'],
		[12, 'stops'],
		[19, 'stops'],
		[25, 'finishes']
	])('asked to stop at its statement %i, it %s and leaves nothing of its own', async (statements, end) => {
		const db = await demoClinic();
		const before = await contents(db);
		// The user's import comes while the rehearsal is at that statement.
		const stop = new AbortController();
		let sent = 0;
		const counted = new Proxy(db, {
			get(target, name, receiver) {
				const value = Reflect.get(target, name, receiver);
				if (typeof value !== 'function') return value;
				return (...args: unknown[]) => {
					if (++sent === statements) stop.abort();
					return value.apply(target, args);
				};
			}
		});
		const rehearsal = rehearseImport(counted, stop.signal);
		if (end === 'stops') await expect(rehearsal).rejects.toThrow();
		else await rehearsal;
		const after = await contents(db);
		expect(after).toEqual({ ...before, 'main.settings': after['main.settings'] });
	});

	it('changes nothing of the import that follows it', async () => {
		const rehearsed = await demoClinic();
		await rehearseImport(rehearsed);
		const plain = await demoClinic();
		const [a, b] = await Promise.all([rehearsed, plain].map((db) => importFile(db, fixtureFile('pain-clinic-prepost.csv'))));
		expect(a.ending).toBe('imported');
		expect(a).toEqual(b);
		const [cubeA, cubeB] = await Promise.all([loadCube(rehearsed), loadCube(plain)]);
		expect(cubeA.sessions).toBeGreaterThan(0);
		expect(cubeA).toEqual(cubeB);
		expect(computeDashboard(cubeA, DEFAULT_FILTERS)).toEqual(computeDashboard(cubeB, DEFAULT_FILTERS));
	});
});
