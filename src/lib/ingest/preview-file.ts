import { decodeText, detectEncoding, UnreadableFileError } from './decode';
import { previewRows, sniffDialect, type Preview } from './sniff';
import { guessPlan } from './guess-plan';
import type { ImportPlan } from './plan';
import { ImportError } from './run-import';

const SAMPLE_BYTES = 64 * 1024;

/** Reads the first 64 KB of a file the user picked and guesses its plan; throws ImportError saying why it cannot be read. */
export async function previewFile(file: File): Promise<{ plan: ImportPlan; preview: Preview }> {
	if (file.size === 0) throw new ImportError(`${file.name} is empty.`);
	const sample = new Uint8Array(await file.slice(0, SAMPLE_BYTES).arrayBuffer());
	let encoding;
	try {
		encoding = detectEncoding(sample);
	} catch (error) {
		if (error instanceof UnreadableFileError) throw new ImportError(`${file.name}: ${error.message}`);
		throw error;
	}
	const text = decodeText(sample, encoding);
	if (text.replace(/^\ufeff/, '').trim() === '') {
		throw new ImportError(
			`${file.name} holds only blank lines${file.size > SAMPLE_BYTES ? ' in its first 64 KB' : ''}: no header and no data rows.`
		);
	}
	const dialect = sniffDialect(text);
	// Up to 500 rows: enough to see the codes and timepoints a column uses.
	const preview = previewRows(text, dialect, 500, file.size > SAMPLE_BYTES);
	if (preview.header.length === 0 || preview.header.every((h) => h.trim() === '')) {
		throw new ImportError(`${file.name} has no header row with column names.`);
	}
	if (preview.rows.length === 0) throw new ImportError(`${file.name} has a header but no data rows.`);
	return { plan: guessPlan({ fileName: file.name, encoding, dialect, preview }), preview };
}
