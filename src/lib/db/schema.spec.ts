import { describe, expect, it } from 'vitest';
import { openNodeDatabase } from './node';
import { createSchema, NewerStoreError, SCHEMA_VERSION, SEEDED } from './schema';

describe('the stored data model', () => {
	it('records its version, and opening again keeps what is stored', async () => {
		const db = await openNodeDatabase();
		expect(await db.query("SELECT value FROM settings WHERE key = 'schema_version'")).toEqual([{ value: String(SCHEMA_VERSION) }]);
		await db.query("INSERT INTO datasets (dataset_id, name, imported_at) VALUES (7, 'kept', TIMESTAMP '2026-01-02 03:04:05')");
		await createSchema(db);
		expect(await db.query('SELECT dataset_id, name FROM datasets')).toEqual([{ dataset_id: 7, name: 'kept' }]);
	});

	it('will not open a store written by a newer version, and changes nothing', async () => {
		const db = await openNodeDatabase();
		await db.query("UPDATE settings SET value = ? WHERE key = 'schema_version'", [String(SCHEMA_VERSION + 1)]);
		const error = await createSchema(db).catch((e) => e);
		expect(error).toBeInstanceOf(NewerStoreError);
		expect(error.message).toBe(
			`The data in this browser were stored by a newer version of Massage outcomes (data model ${SCHEMA_VERSION + 1}; this page knows up to ${SCHEMA_VERSION}). Reload the page to get the newer version; nothing was changed.`
		);
		expect(await db.query("SELECT value FROM settings WHERE key = 'schema_version'")).toEqual([{ value: String(SCHEMA_VERSION + 1) }]);
	});

	it('takes a store from before versions were recorded as the first version', async () => {
		const db = await openNodeDatabase();
		await db.query("DELETE FROM settings WHERE key = 'schema_version'");
		await createSchema(db);
		expect(await db.query("SELECT value FROM settings WHERE key = 'schema_version'")).toEqual([{ value: '1' }]);
	});

	it('opens a store seeded by this model without writing to it, and seeds again when the model or defaults change', async () => {
		const db = await openNodeDatabase();
		const painSeeded = () => db.query("SELECT count(*)::INTEGER AS n FROM measures WHERE measure = 'pain_nprs'");
		expect(await db.query("SELECT value FROM settings WHERE key = 'seeded'")).toEqual([{ value: SEEDED }]);
		// A default the store no longer holds shows whether the defaults were inserted again.
		await db.query("DELETE FROM measures WHERE measure = 'pain_nprs'");
		await createSchema(db);
		expect(await painSeeded()).toEqual([{ n: 0 }]);
		// As written by a version of the app with other defaults.
		await db.query("UPDATE settings SET value = 'other' WHERE key = 'seeded'");
		await createSchema(db);
		expect(await painSeeded()).toEqual([{ n: 1 }]);
		expect(await db.query("SELECT value FROM settings WHERE key = 'seeded'")).toEqual([{ value: SEEDED }]);
	});
});
