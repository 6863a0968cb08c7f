/**
 * The read step: the file given to DuckDB's reader under the plan, its rows staged as text with the columns the
 * checks and sessions need (derive-rows.ts), the lines the reader itself rejected kept. A file is read in turn in
 * the ways below until one reads it whole:
 * - as the plan says (UTF-8 unless declared otherwise);
 * - when the reader meets bytes that are not UTF-8: again, rejecting only the rows that hold them when the file
 *   is UTF-8 with a few damaged bytes, or decoded as Windows-1252 (a Latin-1 export whose first accent came
 *   after the sample the encoding was guessed from);
 * Each of them is read again with one kind of line ending when its records end in more than one way, or when
 * the reader stops on a mix (reader-input.ts).
 */
import type { Database } from '../db/database';
import type { ImportPlan } from './plan';
import { decodeText, looksLikeUtf8 } from './decode';
import { clearRejects, dropReaderTables, readerRejects, type ReaderReject } from './stage-file';
import { dropCheckedRows } from './check-rows';
import { deriveRows } from './derive-rows';
import { numbersRows } from './trial-reading';
import { numberRowsAsInFile } from './numbered-rows';
import { readerDialect } from './record-lines';
import { endsRecordsInMoreThanOneWay, readerInput } from './reader-input';
import { completePlan } from './complete-plan';
import { ImportError, type ImportOptions } from './import-outcome';

const FILE = 'import-file.csv';

/** The file as read: the plan completed from all of it, the reader's own rejects, and the text (for rejected rows). */
export interface FileRead {
	plan: ImportPlan;
	measureNames: Map<string, string>;
	reader: ReaderReject[];
	text: () => Promise<string>;
}

/** What a reading ends with when another way is to be tried. */
const NOT_UTF_8 = Symbol('not UTF-8 after all');
/** When the reader meets bytes that are not UTF-8: give up (to try another encoding) or reject their rows. */
type InvalidText = 'give up' | 'reject rows';

export async function readFile(db: Database, data: Blob | string, plan: ImportPlan, options: ImportOptions): Promise<FileRead> {
	const asDeclared = await readAs(db, data, plan, options, 'give up');
	if (asDeclared !== NOT_UTF_8) return asDeclared;
	const bytes = new Uint8Array(await (data as Blob).arrayBuffer());
	if (looksLikeUtf8(bytes, false)) return settled(await readAs(db, data, plan, options, 'reject rows'));
	const latin1 = { ...plan, encoding: 'windows-1252' as const };
	return settled(await readAs(db, decodeText(bytes, 'windows-1252'), latin1, options, 'reject rows'));
}

const settled = (read: FileRead | typeof NOT_UTF_8): FileRead => {
	if (read === NOT_UTF_8) throw new Error(`readFile: unexpected ${read.description}`);
	return read;
};

/**
 * Reads the file as the dialect says, and again with its line endings made one kind when its records end in
 * more than one way, or when the reader stops on a mix. The file is checked while the reader reads it as it is
 * (the page waits on the reader meanwhile), so only such a file, which is rare, costs a second reading.
 */
async function readAs(
	db: Database,
	source: Blob | string,
	plan: ImportPlan,
	options: ImportOptions,
	invalidText: InvalidText
): Promise<FileRead | typeof NOT_UTF_8> {
	const read = async (unifyLineEndings: boolean) =>
		readOnce(db, source, await readerInput(source, { ...readerDialect(plan), unifyLineEndings }), plan, options, invalidText);
	// A file that cannot be read for its bytes is the reader's to refuse.
	const mixed = endsRecordsInMoreThanOneWay(source, plan.dialect.delimiter).catch(() => false);
	let asIs: FileRead | typeof NOT_UTF_8 | null = null;
	try {
		asIs = await read(false);
	} catch (error) {
		// The reader also stops on a mix it meets past a quoting mistake, where the walk sees one long field.
		if (!(await mixed) && !stoppedOnMixedEndings(error)) throw error;
	}
	if (asIs === NOT_UTF_8 || (asIs && !(await mixed))) return asIs;
	await dropReadTables(db);
	return read(true);
}

/** DuckDB's messages go on with a list of its settings; the first line says what happened. */
const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0].trim();
/** DuckDB's reader says so when, in its strict mode, lines end one way and then another. */
export const stoppedOnMixedEndings = (error: unknown) => /state machine reached an invalid state/i.test(firstLine(error));
const isInvalidText = (r: ReaderReject) => /UNICODE|ENCODING/.test(r.errorType) || /invalid unicode/i.test(r.message);

/**
 * One reading. `source` is the file as given (its text gives rejected rows their fields); `input` is what the
 * reader reads: the same, or the same with comment lines blanked and line endings made one kind. A reading that
 * gives way to another leaves none of its tables.
 */
async function readOnce(
	db: Database,
	source: Blob | string,
	input: Blob | string | Uint8Array,
	givenPlan: ImportPlan,
	options: ImportOptions,
	invalidText: InvalidText
): Promise<FileRead | typeof NOT_UTF_8> {
	await db.registerFile(FILE, input);
	await clearRejects(db);
	let completed: Awaited<ReturnType<typeof completePlan>>;
	try {
		completed = await completePlan(db, FILE, givenPlan);
		await deriveRows(db, FILE, completed.plan, options.secret);
	} catch (error) {
		throw new ImportError(`${givenPlan.fileName} could not be read: ${firstLine(error)}`);
	}
	const { plan, measureNames } = completed;
	const reader = await readerRejects(db);
	if (invalidText === 'give up' && typeof source !== 'string' && reader.some(isInvalidText)) return giveWay(db, NOT_UTF_8);
	const text = async () => (typeof source === 'string' ? source : await source.text());
	if (numbersRows(plan) && reader.length) await numberRowsAsInFile(db, plan, options.secret, await text(), reader);
	return { plan, measureNames, reader, text };
}

async function giveWay<T>(db: Database, why: T): Promise<T> {
	await dropReadTables(db);
	return why;
}

/** The file given to the reader, once its rows are staged: its memory is freed before the charts are drawn. */
export const releaseFile = (db: Database) => db.dropFile(FILE).catch(() => undefined);

/** The read step's tables and the registered file. */
export async function dropReadTables(db: Database) {
	await dropReaderTables(db);
	await dropCheckedRows(db);
	await releaseFile(db);
}
