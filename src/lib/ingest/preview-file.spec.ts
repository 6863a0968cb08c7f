import { describe, expect, it } from 'vitest';
import { previewFile } from './preview-file';

const file = (parts: (string | Uint8Array)[], name = 'clinic.csv') => new File(parts as BlobPart[], name);

describe('previewFile', () => {
	it.each<[string, File, string]>([
		['zero bytes', file([]), 'clinic.csv is empty.'],
		['only blank lines', file([' \n\t\r\n  \n']), 'clinic.csv holds only blank lines: no header and no data rows.'],
		['a header only', file(['client,date,pain_before\n']), 'clinic.csv has a header but no data rows.'],
		[
			'PNG bytes',
			file([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])]),
			'clinic.csv: The file does not look like a text file (binary data). If it is an Excel workbook, save it as CSV first.'
		]
	])('refuses %s, naming the file', async (_, input, message) => {
		await expect(previewFile(input)).rejects.toThrow(message);
	});

	it('previews a text file with a stray NUL byte in a cell as text', async () => {
		const { plan, preview } = await previewFile(
			file(['client,date,pain_before,pain_after,notes\nC1,2025-01-02,5,3,a\u0000b\nC2,2025-01-03,6,4,ok\n'])
		);
		expect(plan.encoding).toBe('utf-8');
		expect(preview.rows).toEqual([
			['C1', '2025-01-02', '5', '3', 'a\u0000b'],
			['C2', '2025-01-03', '6', '4', 'ok']
		]);
	});

	it('previews every row of a file whose lines end in CRLF and LF', async () => {
		const { preview } = await previewFile(file(['client,date,pain_before,pain_after\r\nC1,2025-01-02,5,3\nC2,2025-01-03,6,4\r\n']));
		expect(preview.rows).toEqual([
			['C1', '2025-01-02', '5', '3'],
			['C2', '2025-01-03', '6', '4']
		]);
	});
});
