/** What an import is given, and what it ends with: every row read imported, rejected (with its line and reasons) or a duplicate. */
import type { RejectedRow } from './rejected-rows';

export class ImportError extends Error {}

export interface ImportCounts {
	read: number;
	imported: number;
	rejected: number;
	duplicates: number;
}

export interface ImportOutcome extends ImportCounts {
	fileName: string;
	datasetId: number | null;
	sessions: number;
	header: string[];
	rejectedRows: RejectedRow[];
}

/** "Read 14 rows · imported 8 · rejected 5 · 1 duplicate" */
export function describeCounts(c: ImportCounts): string {
	const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
	return [
		`Read ${plural(c.read, 'row', 'rows')}`,
		`imported ${c.imported.toLocaleString('en')}`,
		`rejected ${c.rejected.toLocaleString('en')}`,
		plural(c.duplicates, 'duplicate', 'duplicates')
	].join(' · ');
}

export interface ImportOptions {
	/** Key for pseudonyms: the same key gives the same pseudonym across imports. */
	secret: string;
	datasetName?: string;
	/** The generated demo clinic: flagged, and never analysed together with real data. */
	isDemo?: boolean;
	onStep?: (step: string) => void;
}
