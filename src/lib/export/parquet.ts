import { parquetWriteBuffer } from 'hyparquet-writer';
import { parquetMetadata, parquetReadObjects, type SchemaElement } from 'hyparquet';
import type { Row } from '../db/database';

/**
 * Query results as a Parquet file, written in JavaScript: DuckDB-wasm here has no Parquet extension
 * (extensions are never fetched), so COPY … TO and read_parquet are not available.
 *
 * Rows hold values by the rule of db/database.ts (numbers, 'YYYY-MM-DD' dates, ISO timestamps, null).
 */
export interface ExportColumn {
	name: string;
	/** DuckDB's type: INTEGER, DECIMAL(6,2), DATE, TIMESTAMP, VARCHAR… */
	type: string;
}

interface ParquetColumn {
	element: SchemaElement;
	/** A row's value as the writer takes it; null stays null. */
	write: (value: unknown) => unknown;
}

const DAY_MS = 86_400_000;

const asIs = (value: unknown) => value;
const asBigInt = (value: unknown) => BigInt(Math.round(Number(value)));
const asDays = (value: unknown) => Date.parse(`${value}T00:00:00Z`) / DAY_MS;
const asDate = (value: unknown) => new Date(String(value));
const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function parquetColumn(name: string, duckdbType: string): ParquetColumn {
	const type = duckdbType.trim().toUpperCase();
	const optional = { name, repetition_type: 'OPTIONAL' } as const;
	const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(type);
	if (decimal) {
		const [precision, scale] = [Number(decimal[1]), Number(decimal[2])];
		// wider decimals than INT64 holds are doubles already here (castDecimalToDouble)
		if (precision > 18) return { element: { ...optional, type: 'DOUBLE' }, write: asIs };
		const physical = precision <= 9 ? 'INT32' : 'INT64';
		const logical_type = { type: 'DECIMAL', precision, scale } as const;
		return { element: { ...optional, type: physical, converted_type: 'DECIMAL', precision, scale, logical_type }, write: asIs };
	}
	switch (type) {
		case 'BOOLEAN':
			return { element: { ...optional, type: 'BOOLEAN' }, write: asIs };
		case 'TINYINT':
		case 'SMALLINT':
		case 'INTEGER':
		case 'UTINYINT':
		case 'USMALLINT':
			return { element: { ...optional, type: 'INT32' }, write: asIs };
		case 'BIGINT':
		case 'UINTEGER':
			return { element: { ...optional, type: 'INT64' }, write: asBigInt };
		case 'FLOAT':
			return { element: { ...optional, type: 'FLOAT' }, write: asIs };
		case 'DOUBLE':
		case 'HUGEINT':
		case 'UBIGINT':
		case 'UHUGEINT':
			return { element: { ...optional, type: 'DOUBLE' }, write: asIs };
		case 'DATE':
			return { element: { ...optional, type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' } }, write: asDays };
		case 'TIMESTAMP':
		case 'TIMESTAMP WITH TIME ZONE': {
			// DuckDB's own precision; a TIMESTAMP without time zone is not adjusted to UTC
			const logical_type = { type: 'TIMESTAMP', isAdjustedToUTC: type !== 'TIMESTAMP', unit: 'MICROS' } as const;
			return { element: { ...optional, type: 'INT64', logical_type }, write: asDate };
		}
		default:
			return { element: { ...optional, type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } }, write: asText };
	}
}

export function toParquet(columns: ExportColumn[], rows: Row[]): Uint8Array {
	return parquetOfColumns(
		columns,
		columns.map((c) => rows.map((row) => row[c.name]))
	);
}

/** The same from the values column by column (`data[i]` holds column i's values): no row objects. */
export function parquetOfColumns(columns: ExportColumn[], data: unknown[][]): Uint8Array {
	const parquetColumns = columns.map((c) => parquetColumn(c.name, c.type));
	const buffer = parquetWriteBuffer({
		columnData: columns.map((c, i) => {
			const { write } = parquetColumns[i];
			const values = data[i];
			const out = new Array(values.length);
			for (let r = 0; r < values.length; r++) {
				const value = values[r];
				out[r] = value === null || value === undefined ? null : write(value);
			}
			return { name: c.name, data: out };
		}),
		schema: [{ name: 'root', num_children: columns.length }, ...parquetColumns.map((c) => c.element)]
	});
	return new Uint8Array(buffer);
}

const isoDay = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);
const isoTime = (ms: bigint) => new Date(Number(ms)).toISOString();

/** A Parquet file's rows, by the same rule as the database's (numbers, never BigInt; dates as text). */
export async function readParquet(bytes: Uint8Array): Promise<Row[]> {
	const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	const rows = await parquetReadObjects({
		file,
		parsers: {
			dateFromDays: isoDay,
			timestampFromMilliseconds: isoTime,
			timestampFromMicroseconds: (micros: bigint) => isoTime(micros / 1000n),
			timestampFromNanoseconds: (nanos: bigint) => isoTime(nanos / 1_000_000n)
		}
	});
	// hyparquet multiplies a decimal by 10^-scale, which leaves float noise (115 × 0.01 = 1.1500000000000001)
	const scales = new Map(
		parquetMetadata(file)
			.schema.filter((e) => e.converted_type === 'DECIMAL')
			.map((e) => [e.name, 10 ** (e.scale ?? 0)])
	);
	return rows.map((row) => {
		const plain: Row = {};
		for (const [name, value] of Object.entries(row)) {
			const scale = scales.get(name);
			const number = typeof value === 'bigint' ? Number(value) : value;
			plain[name] = scale && typeof number === 'number' ? Math.round(number * scale) / scale : (number ?? null);
		}
		return plain;
	});
}
