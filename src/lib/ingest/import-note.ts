/**
 * A note, kept beside the database, that an import is under way. The page draws an import before it is
 * stored and stores it in one transaction after; a page reloaded or closed before that transaction
 * commits leaves nothing of the file stored, and the note tells the next page which file it was and
 * whether its dataset got stored. Kept in localStorage: written at once, it survives a reload and stays
 * in this browser (the name of a file, never its data).
 */
import type { Database } from '../db/database';

export interface ImportUnderWay {
	fileName: string;
	/** The id the dataset is stored under, once the save has started. */
	datasetId: number | null;
}

export interface Interrupted {
	fileName: string;
	/** The transaction committed before the page went: the whole dataset is stored. */
	saved: boolean;
}

/** The part of the Web Storage API used here. */
export type NoteStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const KEY = 'massage-outcomes:import-under-way';

/** The page's localStorage, or none where it cannot be used (a sandboxed frame, storage turned off). */
export function pageStorage(): NoteStorage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null;
	}
}

export function noteImport(storage: NoteStorage | null, note: ImportUnderWay): void {
	try {
		storage?.setItem(KEY, JSON.stringify(note));
	} catch {
		// Storage full or refused: the import goes on, a reload would only not be explained.
	}
}

export function clearImportNote(storage: NoteStorage | null): void {
	try {
		storage?.removeItem(KEY);
	} catch {
		// As above.
	}
}

/** The note a page left, removed as it is read; null when the last import finished. */
export function takeImportNote(storage: NoteStorage | null): ImportUnderWay | null {
	try {
		const text = storage?.getItem(KEY) ?? null;
		storage?.removeItem(KEY);
		if (text === null) return null;
		const note = JSON.parse(text) as Partial<ImportUnderWay>;
		return typeof note.fileName === 'string'
			? { fileName: note.fileName, datasetId: typeof note.datasetId === 'number' ? note.datasetId : null }
			: null;
	} catch {
		return null;
	}
}

/** Whether the noted import's dataset is stored: all of it (the transaction committed) or none. */
export async function interruptedImport(db: Database, note: ImportUnderWay): Promise<Interrupted> {
	if (note.datasetId === null) return { fileName: note.fileName, saved: false };
	const [{ n }] = await db.query<{ n: number }>(
		'SELECT count(*)::INTEGER AS n FROM datasets WHERE dataset_id = ? AND (source_file = ? OR name = ?)',
		[note.datasetId, note.fileName, note.fileName]
	);
	return { fileName: note.fileName, saved: n > 0 };
}

export function describeInterrupted(i: Interrupted): string {
	return i.saved
		? `The last import of ${i.fileName} was saved before the page was closed: all of it is stored.`
		: `The last import of ${i.fileName} was not saved: import it again.`;
}
