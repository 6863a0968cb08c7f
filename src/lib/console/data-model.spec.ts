import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { openNodeDatabase } from '../db/node';
import { DATA_MODEL } from './data-model';

let db: Database;
beforeAll(async () => {
	db = await openNodeDatabase();
});

describe('data model', () => {
	it('documents every column of its tables, with the type DuckDB has, and nothing else', async () => {
		const actual = await db.query<{ table_name: string; column_name: string; data_type: string }>(
			'SELECT table_name, column_name, data_type FROM information_schema.columns ORDER BY table_name, ordinal_position'
		);
		for (const table of DATA_MODEL) {
			const real = actual.filter((c) => c.table_name === table.name).map((c) => `${c.column_name} ${c.data_type}`);
			expect(
				table.columns.map((c) => `${c.name} ${c.type}`),
				table.name
			).toEqual(real);
			expect(table.columns.every((c) => c.meaning.length > 0)).toBe(true);
		}
	});

	it('leaves out only the pseudonym key and the import fingerprints', async () => {
		const tables = await db.query<{ table_name: string; table_type: string }>(
			"SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name"
		);
		const documented = new Set(DATA_MODEL.map((t) => t.name));
		expect(tables.filter((t) => !documented.has(t.table_name)).map((t) => t.table_name)).toEqual(['row_hashes', 'settings']);
		for (const table of DATA_MODEL) {
			expect(tables.find((t) => t.table_name === table.name)?.table_type).toBe(table.kind === 'view' ? 'VIEW' : 'BASE TABLE');
		}
	});
});
