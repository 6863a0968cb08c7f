/**
 * Browser-only: times DuckDB's own CSV reader against papaparse on the same file, in the same page.
 * Used by the /bench page, which `npm run bench` drives.
 */
import Papa from 'papaparse';
import type { Database } from '../db/database';
import { quoteLiteral } from '../db/sql';

export interface ReaderTiming {
	reader: 'duckdb read_csv' | 'duckdb read_csv, stored' | 'papaparse';
	run: number;
	ms: number;
	rows: number;
}

/** The file read into an in-memory table: what the import is measured against. */
export function timeDuckdbReadCsv(db: Database, file: File, run: number): Promise<ReaderTiming> {
	return timeReadCsvInto(db, file, run, 'TEMP TABLE');
}

/**
 * The same, into a table of the stored (OPFS) database, committed. An import that stores its rows cannot
 * take less than this: it is the floor under any import, before a single check or chart.
 */
export function timeDuckdbReadCsvStored(db: Database, file: File, run: number): Promise<ReaderTiming> {
	return timeReadCsvInto(db, file, run, 'TABLE');
}

async function timeReadCsvInto(db: Database, file: File, run: number, kind: 'TEMP TABLE' | 'TABLE'): Promise<ReaderTiming> {
	const name = `bench-${run}.csv`;
	const start = performance.now();
	await db.registerFile(name, file);
	await db.exec(`CREATE OR REPLACE ${kind} bench_read AS SELECT * FROM read_csv(${quoteLiteral(name)})`);
	if (kind === 'TABLE') await db.exec('CHECKPOINT');
	const [{ rows }] = await db.query<{ rows: number }>('SELECT count(*)::INTEGER AS rows FROM bench_read');
	const ms = performance.now() - start;
	await db.exec('DROP TABLE bench_read');
	if (kind === 'TABLE') await db.exec('CHECKPOINT');
	await db.dropFile(name);
	return { reader: kind === 'TABLE' ? 'duckdb read_csv, stored' : 'duckdb read_csv', run, ms, rows };
}

export function timePapaparse(file: File, run: number): Promise<ReaderTiming> {
	const start = performance.now();
	return new Promise((resolve, reject) => {
		Papa.parse<Record<string, unknown>>(file, {
			header: true,
			dynamicTyping: true,
			skipEmptyLines: true,
			complete: (result) => resolve({ reader: 'papaparse', run, ms: performance.now() - start, rows: result.data.length }),
			error: reject
		});
	});
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
