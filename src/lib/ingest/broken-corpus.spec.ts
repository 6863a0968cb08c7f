/**
 * Every file of tests/fixtures/broken/ through the path a dropped file takes (bytes → decode → sniff →
 * guessPlan → runImport, as state/importer.svelte.ts does it), each with the ending worked out by hand:
 * refused at the preview with a message naming the file and the problem, or imported with exact counts,
 * the rejected rows' lines and reasons, and the values stored for spot-checked sessions.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from '../db/database';
import { openNodeDatabase } from '../db/node';
import { deleteDataset } from '../datasets/stored-datasets';
import { importFile, type FileEnding } from '../test/fixtures';
import { CORPUS } from '../../../tests/fixtures/broken/make-corpus';

const DIR = new URL('../../../tests/fixtures/broken/', import.meta.url);

interface StoredSession {
	date: string | null;
	condition: string | null;
	therapist: string | null;
	techniques: string[];
	/** measure → [before, after] */
	measures: Record<string, [number | null, number | null]>;
	extras: Record<string, string>;
}

type Counts = [read: number, imported: number, rejected: number, duplicates: number];

type Expected =
	| { preview: string }
	| {
			counts: Counts;
			/** [line, reason, fields as written (when checked)] */
			rejected?: [number, string, string[]?][];
			/** [client, visit, what is stored] */
			sessions?: [string, number, Partial<StoredSession>][];
			more?: (db: Database, ending: Extract<FileEnding, { ending: 'imported' }>) => Promise<void>;
	  };

const NOT_TEXT = 'The file does not look like a text file (binary data). If it is an Excel workbook, save it as CSV first.';
const C01_FIRST: Partial<StoredSession> = {
	date: '2025-03-03',
	condition: 'Lower back pain',
	techniques: ['PNF stretching'],
	measures: { pain_nprs: [6, 4] }
};
const C02: Partial<StoredSession> = {
	date: '2025-03-04',
	condition: 'Sciatica',
	techniques: ['Palpation release'],
	measures: { pain_nprs: [7, 5] }
};
const C03: Partial<StoredSession> = {
	date: '2025-03-05',
	condition: 'Neck pain',
	techniques: ['Swedish massage'],
	measures: { pain_nprs: [4, 3] }
};
const NOTES = 'Stiff hamstrings, tight calves. '.repeat(32768).trimEnd() + '!';

const EXPECTED: Record<string, Expected> = {
	'all-fields-quoted.csv': { counts: [4, 4, 0, 0], sessions: [['C02', 1, C02]] },
	'binary-png.csv': { preview: `binary-png.csv: ${NOT_TEXT}` },
	'binary-xlsx.csv': { preview: `binary-xlsx.csv: ${NOT_TEXT}` },
	// Lines 3, 5, 6 and 9 are blank; the row on line 8 has a pain score of 12 on the 0–10 scale.
	'blank-lines-in-middle.csv': {
		counts: [4, 3, 1, 0],
		rejected: [
			[8, 'pain_after: 12 is outside the 0–10 scale of Pain (NPRS)', ['C03', '2025-03-05', 'Swedish massage', 'Neck pain', '4', '12']]
		],
		sessions: [['C02', 1, C02]]
	},
	'columns-500.csv': {
		counts: [3, 3, 0, 0],
		// q1…q494 of the second row are (7 + i) mod 5: q1 = 2, q2 = 3, q494 = 0.
		sessions: [['C01', 2, { date: '2025-03-10', measures: { pain_nprs: [5, 3] } }]],
		more: async (db, { outcome }) => {
			const extras = await storedExtras(db, outcome.datasetId!, 'C01', 2);
			expect(Object.keys(extras)).toHaveLength(494);
			expect([extras.q1, extras.q2, extras.q494]).toEqual(['2', '3', '0']);
		}
	},
	'comment-lines.csv': {
		counts: [5, 4, 1, 0],
		rejected: [
			[
				10,
				'client: "#C04" starts with #, as the file\'s comment lines do; remove the # to import this row',
				['#C04', '2025-03-06', 'PNF', 'Neck pain', '5', '4', '']
			]
		],
		sessions: [
			['C01', 1, { ...C01_FIRST, extras: { notes: 'room #2' } }],
			['C02', 1, { ...C02, extras: { notes: '# not a comment,\n# still the same note' } }],
			['C03', 1, { ...C03, extras: {} }]
		]
	},
	'cr-only-line-endings.csv': { counts: [4, 4, 0, 0], sessions: [['C03', 1, C03]] },
	'decimal-comma-thousands.csv': {
		counts: [3, 3, 0, 0],
		sessions: [
			['C01', 1, { measures: { pain_nprs: [6.5, 4], walk_distance_m: [1234.5, 1410] } }],
			['C02', 1, { measures: { pain_nprs: [7, 5], walk_distance_m: [980, 1002.25] } }],
			['C03', 1, { measures: { pain_nprs: [4, 3.5], walk_distance_m: [2100, 2150.5] } }]
		]
	},
	'delimiter-comma.csv': {
		counts: [4, 4, 0, 0],
		sessions: [
			['C01', 2, { date: '2025-03-10', condition: 'Lower back pain', techniques: ['Positional release'], measures: { pain_nprs: [5, 3] } }]
		]
	},
	'delimiter-pipe.txt': {
		counts: [4, 4, 0, 0],
		sessions: [
			['C01', 1, { ...C01_FIRST, techniques: ['PNF stretching', 'Positional release'] }],
			['C03', 1, { ...C03, condition: 'Neck pain, chronic' }]
		]
	},
	'delimiter-semicolon.csv': {
		counts: [4, 4, 0, 0],
		sessions: [
			['C01', 2, { date: '2025-03-10', measures: { pain_nprs: [5.5, 3] } }],
			['C02', 1, { ...C02, measures: { pain_nprs: [7, 4.5] } }]
		]
	},
	'delimiter-tab.tsv': { counts: [4, 4, 0, 0], sessions: [['C02', 1, C02]] },
	// The repeated technique column adds to the session's techniques; the repeated pain_after is kept as an
	// extra attribute, named by position (two values for one measure are never merged).
	'duplicate-header-names.csv': {
		counts: [3, 3, 0, 0],
		sessions: [
			['C01', 1, { ...C01_FIRST, techniques: ['PNF stretching', 'Positional release'], extras: { 'pain_after (column 8)': '3' } }]
		],
		more: async (db, { plan }) => {
			expect(plan.columns.map((c) => c.role.kind)).toEqual([
				'client',
				'date',
				'technique',
				'technique',
				'condition',
				'measure',
				'measure',
				'extra'
			]);
		}
	},
	'empty-header-names.csv': {
		counts: [4, 4, 0, 0],
		sessions: [
			['C01', 1, { ...C01_FIRST, extras: { 'column 7': 'first visit' } }],
			['C02', 1, { ...C02, extras: { 'column 7': 'referred by GP' } }]
		]
	},
	'empty.csv': { preview: 'empty.csv is empty.' },
	'header-only.csv': { preview: 'header-only.csv has a header but no data rows.' },
	// Two well-formed accents (é, ü) and one 0xFF: UTF-8 with a damaged byte, not Latin-1.
	'invalid-utf8.csv': {
		counts: [4, 3, 1, 0],
		rejected: [[4, 'condition: not valid UTF-8 text (a damaged byte)', ['C03', '2025-03-05', 'Trigger point', 'Neck pa\ufffdn', '4', '3']]],
		sessions: [
			['C01', 1, { techniques: ['Massage suédois'] }],
			['C02', 1, { condition: 'Hüftschmerz', techniques: ['PNF stretching'] }]
		],
		more: async (_, { plan }) => expect(plan.encoding).toBe('utf-8')
	},
	'long-field-1mb.csv': {
		counts: [3, 3, 0, 0],
		sessions: [['C01', 2, { date: '2025-03-10', extras: { notes: NOTES } }]],
		more: async () => expect(NOTES).toHaveLength(1024 * 1024)
	},
	// CRLF, LF and CR; the CRLF inside the quoted note on lines 3–4 is read as LF. Line 7 scores 15.
	'mixed-line-endings.csv': {
		counts: [5, 4, 1, 0],
		rejected: [[7, 'pain_before: 15 is outside the 0–10 scale of Pain (NPRS)', ['C04', '2025-03-06', 'PNF', 'Hip pain', '15', '2', '']]],
		sessions: [
			['C01', 2, { date: '2025-03-10', measures: { pain_nprs: [5, 3] }, extras: { notes: 'heat\nrest' } }],
			['C03', 1, C03]
		]
	},
	'no-final-newline.csv': { counts: [4, 4, 0, 0], sessions: [['C03', 1, C03]] },
	'nul-byte-in-field.csv': {
		counts: [3, 2, 1, 0],
		rejected: [[3, 'notes: holds a NUL byte (binary data)', ['C02', '2025-03-04', 'Trigger point', 'Sciatica', '7', '5', 'bad\u0000byte']]],
		sessions: [['C03', 1, { ...C03, extras: { notes: 'ok' } }]]
	},
	'one-column.csv': {
		counts: [3, 3, 0, 0],
		sessions: [['C02', 1, { date: null, condition: null, techniques: [], measures: {}, extras: {} }]]
	},
	// Records on lines 2–3 and 4–6 hold line breaks in quotes, so the row with a 14 is on line 7.
	'quoted-newlines.csv': {
		counts: [4, 3, 1, 0],
		rejected: [
			[
				7,
				'pain_before: 14 is outside the 0–10 scale of Pain (NPRS)',
				['C03', '2025-03-05', 'Swedish massage', 'Neck pain', '14', '3', 'Scored 14, meant 4?']
			]
		],
		sessions: [
			['C01', 1, { ...C01_FIRST, extras: { notes: 'Tight left QL.\nAdvised heat, rest.' } }],
			['C02', 1, { ...C02, extras: { notes: 'Said "much better"\nafter TrP\non piriformis' } }],
			['C04', 1, { condition: 'Hip pain', techniques: ['PNF stretching', 'Positional release'], measures: { pain_nprs: [5, 2] } }]
		]
	},
	'ragged-rows.csv': {
		counts: [4, 2, 2, 0],
		rejected: [
			[
				3,
				'wrong number of fields: expected 6, found 5 (no value for pain_after)',
				['C01', '2025-03-10', 'Positional release', 'Lower back pain', '5']
			],
			[4, 'wrong number of fields: expected 6, found 8', ['C02', '2025-03-04', 'Trigger point', 'Sciatica', '7', '5', 'extra', 'fields']]
		],
		sessions: [['C03', 1, C03]]
	},
	// The first row misses a field: the header above it is still the header.
	'ragged-first-row.csv': {
		counts: [4, 3, 1, 0],
		rejected: [
			[2, 'wrong number of fields: expected 6, found 5 (no value for pain_after)', ['C01', '2025-03-03', 'PNF', 'Lower back pain', '6']]
		],
		sessions: [['C01', 1, { date: '2025-03-10', measures: { pain_nprs: [5, 3] } }]],
		more: async (_, { plan }) => expect(plan.dialect.headerLine).toBe(0)
	},
	// C01's first row three times: the second and third are duplicates.
	'repeated-rows.csv': { counts: [5, 3, 0, 2], sessions: [['C01', 1, C01_FIRST]] },
	'spaces-around-fields.csv': { counts: [4, 4, 0, 0], sessions: [['C02', 1, C02]] },
	'thousands-separator-comma.csv': {
		counts: [3, 3, 0, 0],
		sessions: [
			['C01', 1, { measures: { pain_nprs: [6, 4], walk_distance_m: [1234.5, 1410] } }],
			['C01', 2, { measures: { pain_nprs: [5, 3], walk_distance_m: [980, 1002.25] } }],
			['C02', 1, { measures: { pain_nprs: [7, 5], walk_distance_m: [2100, 2150.5] } }]
		]
	},
	'title-lines-before-header.csv': {
		counts: [3, 3, 0, 0],
		sessions: [['C01', 1, C01_FIRST]],
		more: async (_, { plan }) => expect([plan.dialect.headerLine, plan.dialect.skippedLines]).toEqual([3, 3])
	},
	'trailing-delimiter.csv': { counts: [4, 4, 0, 0], sessions: [['C01', 1, { ...C01_FIRST, extras: {} }]] },
	'trailing-delimiter-data-only.csv': {
		counts: [4, 4, 0, 0],
		sessions: [['C01', 1, { ...C01_FIRST, extras: {} }]],
		more: async (_, { plan }) =>
			expect(plan.columns.map((c) => c.header)).toEqual(['client', 'date', 'technique', 'condition', 'pain_before', 'pain_after', ''])
	},
	// The quote opening C02's note on line 3 is never closed: lines 3–5 are one record, which is rejected.
	'unclosed-quote.csv': {
		counts: [2, 1, 1, 0],
		rejected: [
			[
				3,
				'notes: its opening quote is never closed, so lines 3–5 (the rest of the file) were read as this one field',
				[
					'C02',
					'2025-03-04',
					'Trigger point',
					'Sciatica',
					'7',
					'5',
					'never closed\nC03,2025-03-05,Swedish massage,Neck pain,4,3,\nC04,2025-03-06,PNF,Hip pain,5,2,'
				]
			]
		],
		sessions: [['C01', 1, { ...C01_FIRST, extras: { notes: 'ok' } }]]
	},
	// A quote inside an unquoted field is text; a quoted field followed by more text is rejected.
	'unescaped-quotes.csv': {
		counts: [4, 3, 1, 0],
		rejected: [
			[
				4,
				'technique: text follows the closing quote; quote the whole field and double the quotes inside it',
				['C03', '2025-03-05', '"Swedish" massage', 'Neck pain', '4', '3', '']
			]
		],
		sessions: [
			['C01', 1, { ...C01_FIRST, extras: { notes: 'scar 5" long' } }],
			['C02', 1, { ...C02, extras: { notes: 'said "much better"' } }]
		]
	},
	'utf16be-bom.txt': {
		counts: [5, 5, 0, 0],
		sessions: [['C04', 1, { condition: 'Épaule', techniques: ['Massage suédois'], measures: { pain_nprs: [5, 2] } }]],
		more: async (_, { plan }) => expect([plan.encoding, plan.dialect.delimiter]).toEqual(['utf-16be', '\t'])
	},
	'utf16le-bom.txt': {
		counts: [5, 5, 0, 0],
		sessions: [['C04', 1, { condition: 'Épaule', techniques: ['Massage suédois'], measures: { pain_nprs: [5, 2] } }]],
		more: async (_, { plan }) => expect([plan.encoding, plan.dialect.delimiter]).toEqual(['utf-16le', '\t'])
	},
	'utf8-bom.csv': {
		counts: [2, 2, 0, 0],
		sessions: [
			[
				'C01',
				1,
				{ date: '2025-03-03', condition: 'Lumbalgie récurrente', techniques: ['Massage suédois'], measures: { pain_nprs: [6, 4] } }
			]
		],
		more: async (_, { plan }) => expect([plan.encoding, plan.columns[0].header]).toEqual(['utf-8-bom', 'client'])
	},
	'whitespace-only.csv': { preview: 'whitespace-only.csv holds only blank lines: no header and no data rows.' },
	'windows-1252-accents.csv': {
		counts: [3, 3, 0, 0],
		sessions: [
			[
				'C02',
				1,
				{
					date: '2025-03-04',
					therapist: 'José Peña',
					condition: 'Douleur lombaire récurrente',
					techniques: ['Positional release'],
					measures: { hip_flexion: [88.5, 97] }
				}
			]
		],
		more: async (_, { plan }) => expect(plan.encoding).toBe('windows-1252')
	}
};

async function storedExtras(db: Database, datasetId: number, client: string, visit: number): Promise<Record<string, string>> {
	const rows = await db.query<{ name: string; value: string }>(
		`SELECT e.name, e.value FROM session_extras e JOIN sessions s USING (session_id)
		 WHERE s.dataset_id = ? AND s.client_id = ? AND s.visit = ? ORDER BY e.name`,
		[datasetId, client, visit]
	);
	return Object.fromEntries(rows.map((r) => [r.name, r.value]));
}

async function storedSession(db: Database, datasetId: number, client: string, visit: number): Promise<StoredSession> {
	const sessions = await db.query<{ session_id: number; date: string | null; condition: string | null; therapist: string | null }>(
		'SELECT session_id, session_date AS date, condition, therapist FROM sessions WHERE dataset_id = ? AND client_id = ? AND visit = ?',
		[datasetId, client, visit]
	);
	expect(sessions, `one session for ${client}, visit ${visit}`).toHaveLength(1);
	const [{ session_id, ...session }] = sessions;
	const techniques = await db.query<{ technique: string }>(
		'SELECT technique FROM session_techniques WHERE session_id = ? ORDER BY technique',
		[session_id]
	);
	const measures = await db.query<{ measure: string; before: number | null; after: number | null }>(
		'SELECT measure, value_before AS before, value_after AS after FROM measurements WHERE session_id = ? ORDER BY measure',
		[session_id]
	);
	return {
		...session,
		techniques: techniques.map((t) => t.technique),
		measures: Object.fromEntries(measures.map((m) => [m.measure, [m.before, m.after]])),
		extras: await storedExtras(db, datasetId, client, visit)
	};
}

const corpusFiles = () =>
	readdirSync(DIR)
		.filter((name) => /\.(csv|tsv|txt)$/.test(name))
		.sort();

describe('the broken-CSV corpus', () => {
	it('is what make-corpus.ts writes, byte for byte, and every file has an ending here and in the README', () => {
		expect(corpusFiles()).toEqual(Object.keys(CORPUS).sort());
		for (const [name, bytes] of Object.entries(CORPUS)) expect(new Uint8Array(readFileSync(new URL(name, DIR))), name).toEqual(bytes);
		expect(Object.keys(EXPECTED).sort()).toEqual(corpusFiles());
		const readme = readFileSync(new URL('README.md', DIR), 'utf8');
		for (const name of corpusFiles()) expect(readme, name).toContain(`\`${name}\``);
	});
});

describe('every corpus file through the real import path', () => {
	let db: Database;
	let stored: number | null = null;
	beforeAll(async () => {
		db = await openNodeDatabase();
	});
	// One database for the whole table: each file's dataset is deleted after it, so no file sees another's rows as duplicates.
	afterEach(async () => {
		if (stored !== null) await deleteDataset(db, stored);
		stored = null;
	});

	it.each(Object.entries(EXPECTED))('%s', async (name, expected) => {
		const file = new File([readFileSync(new URL(name, DIR))], name);
		const ending = await importFile(db, file);
		if ('preview' in expected) {
			expect(ending).toEqual({ ending: 'preview error', message: expected.preview });
			return;
		}
		if (ending.ending !== 'imported') expect.fail(`${name} ended as ${ending.ending}: ${JSON.stringify(ending)}`);
		const { outcome } = ending;
		stored = outcome.datasetId;
		const [read, imported, rejected, duplicates] = expected.counts;
		expect([outcome.read, outcome.imported, outcome.rejected, outcome.duplicates]).toEqual(expected.counts);
		// Every row read is accounted for, and every rejected row is listed with its line and reason.
		expect(read).toBe(imported + rejected + duplicates);
		expect(outcome.rejectedRows).toHaveLength(rejected);
		const listed = outcome.rejectedRows.map((r) => [r.line, r.reason]);
		expect(listed).toEqual((expected.rejected ?? []).map(([line, reason]) => [line, reason]));
		for (const [i, [, , fields]] of (expected.rejected ?? []).entries()) if (fields) expect(outcome.rejectedRows[i].fields).toEqual(fields);
		// Each of these files holds one session a row.
		expect(outcome.sessions).toBe(imported);
		for (const [client, visit, values] of expected.sessions ?? []) {
			// Each given part whole (every measure, every extra), the parts not given left out.
			const session = await storedSession(db, outcome.datasetId!, client, visit);
			const given = Object.fromEntries(Object.keys(values).map((key) => [key, session[key as keyof StoredSession]]));
			expect(given, `${client}, visit ${visit}`).toEqual(values);
		}
		await expected.more?.(db, ending);
	});
});
