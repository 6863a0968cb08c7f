import { Type } from 'apache-arrow';
import type { Columns, NumberArray, Row } from './database';

/** The parts of an Arrow table we read. Structural, because Node's DuckDB build carries its own Arrow copy. */
export interface ArrowLikeVector {
	length: number;
	get(i: number): unknown;
}
export interface ArrowLikeType {
	typeId: number;
	children?: { type: ArrowLikeType }[];
}
export interface ArrowLikeTable {
	numRows: number;
	schema: { fields: { name: string; type: ArrowLikeType }[] };
	getChildAt(i: number): ArrowLikeVector | null;
}

const DAY_MS = 86_400_000;

function isoDate(ms: number): string {
	return new Date(Math.floor(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

function toPlain(value: unknown, type: ArrowLikeType): unknown {
	if (value === null || value === undefined) return null;
	switch (type.typeId) {
		case Type.Date:
			return isoDate(value instanceof Date ? value.getTime() : Number(value));
		case Type.Timestamp:
			return new Date(value instanceof Date ? value.getTime() : Number(value)).toISOString();
		case Type.Int:
		case Type.Float:
		case Type.Decimal:
			return typeof value === 'bigint' ? Number(value) : Number(value);
		case Type.List:
		case Type.FixedSizeList: {
			const child = type.children?.[0]?.type;
			const vector = value as ArrowLikeVector;
			const out: unknown[] = [];
			for (let i = 0; i < vector.length; i++) out.push(child ? toPlain(vector.get(i), child) : vector.get(i));
			return out;
		}
		default:
			return typeof value === 'bigint' ? Number(value) : value;
	}
}

/** Arrow result -> plain rows, by the rule stated in database.ts. */
export function arrowToRows<T extends object = Row>(table: ArrowLikeTable): T[] {
	const fields = table.schema.fields;
	const columns = fields.map((_, i) => table.getChildAt(i));
	const rows: T[] = [];
	for (let r = 0; r < table.numRows; r++) {
		const row: Row = {};
		for (let c = 0; c < fields.length; c++) {
			row[fields[c].name] = toPlain(columns[c]?.get(r), fields[c].type);
		}
		rows.push(row as unknown as T);
	}
	return rows;
}

/** Arrow result -> typed arrays, one per column (numeric, non-null columns only). */
export function arrowToColumns(table: ArrowLikeTable): Columns {
	const columns: Columns['columns'] = {};
	table.schema.fields.forEach((field, i) => {
		const values = (table.getChildAt(i) as (ArrowLikeVector & { toArray(): unknown }) | null)?.toArray();
		if (!ArrayBuffer.isView(values) || values instanceof DataView || values instanceof BigInt64Array || values instanceof BigUint64Array) {
			throw new Error(`Column ${field.name} is not a plain numeric column`);
		}
		columns[field.name] = values as NumberArray;
	});
	return { rows: table.numRows, columns };
}
