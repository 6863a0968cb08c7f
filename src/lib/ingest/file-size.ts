/**
 * What the browser can import, measured (README "Limits"): DuckDB-wasm has at most about 3 GiB to work in.
 * A 492 MB export (4.5 million sessions) imports; a 656 MB one runs out of memory. Files over the limit are
 * refused before anything is read, with what to do instead.
 */
export const LARGEST_FILE_MB = 550;

const mb = (bytes: number) => Math.round(bytes / 1e6).toLocaleString('en');

/** Why a file is too large to import here, or null. */
export function sizeProblem(name: string, bytes: number): string | null {
	if (bytes <= LARGEST_FILE_MB * 1e6) return null;
	return `${name} is ${mb(bytes)} MB: this browser can import files up to about ${LARGEST_FILE_MB} MB (tested: 4.5 million sessions, 492 MB). Split it into smaller files and import them one after another; they are analysed together.`;
}

/** DuckDB's "Out of Memory Error", in the user's words. */
export function memoryProblem(name: string, error: unknown): string | null {
	const message = error instanceof Error ? error.message : String(error);
	if (!/out of memory/i.test(message)) return null;
	return `${name}: the browser ran out of memory while importing it. Nothing from it was stored. Split it into smaller files and import them one after another; they are analysed together.`;
}
