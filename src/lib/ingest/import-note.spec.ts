import { beforeEach, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { loadCsv, planFor } from '../test/fixtures';
import { stageImport } from './run-import';
import { clearImportNote, describeInterrupted, interruptedImport, noteImport, takeImportNote, type NoteStorage } from './import-note';

/** localStorage as a Map: what a reload keeps. */
function memoryStorage(): NoteStorage & { items: Map<string, string> } {
	const items = new Map<string, string>();
	return {
		items,
		getItem: (k) => items.get(k) ?? null,
		setItem: (k, v) => void items.set(k, String(v)),
		removeItem: (k) => void items.delete(k)
	};
}

const CSV = 'client,date,pain_before,pain_after\nC1,2025-01-02,6,4\nC1,2025-01-09,5,3\n';

let db: Database;
beforeEach(async () => {
	db = await openNodeDatabase();
});

describe('an import the page did not finish', () => {
	it('is forgotten once read, and says nothing when the last import finished', () => {
		const storage = memoryStorage();
		expect(takeImportNote(storage)).toBeNull();
		noteImport(storage, { fileName: 'a.csv', datasetId: null });
		clearImportNote(storage);
		expect(takeImportNote(storage)).toBeNull();
		noteImport(storage, { fileName: 'b.csv', datasetId: 3 });
		expect(takeImportNote(storage)).toEqual({ fileName: 'b.csv', datasetId: 3 });
		expect(takeImportNote(storage)).toBeNull();
	});

	it('was not saved when the page went before its transaction committed', async () => {
		await loadCsv(db, CSV.replaceAll('C1', 'K1'), () => {}, 'first.csv');
		const staged = await stageImport(db, CSV, planFor(CSV, 'second.csv'), { secret: 's' });
		// The page goes here: the staged tables are gone with it, nothing was written.
		const found = await interruptedImport(db, { fileName: 'second.csv', datasetId: staged.slot.datasetId });
		expect(found).toEqual({ fileName: 'second.csv', saved: false });
		expect(describeInterrupted(found)).toBe('The last import of second.csv was not saved: import it again.');
		expect(await interruptedImport(db, { fileName: 'second.csv', datasetId: null })).toEqual({ fileName: 'second.csv', saved: false });
	});

	it('was saved when its transaction committed before the page went', async () => {
		const staged = await stageImport(db, CSV, planFor(CSV, 'third.csv'), { secret: 's' });
		await staged.save();
		const found = await interruptedImport(db, { fileName: 'third.csv', datasetId: staged.slot.datasetId });
		expect(found.saved).toBe(true);
		expect(describeInterrupted(found)).toBe('The last import of third.csv was saved before the page was closed: all of it is stored.');
		// Another file under that id is not this one.
		expect((await interruptedImport(db, { fileName: 'other.csv', datasetId: staged.slot.datasetId })).saved).toBe(false);
	});
});
