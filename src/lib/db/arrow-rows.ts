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
export interface ArrowLikeBatch {
	numRows: number;
	getChildAt(i: number): ArrowLikeVector | null;
}
export interface ArrowLikeTable extends ArrowLikeBatch {
	schema: { fields: { name: string; type: ArrowLikeType }[] };
	batches: ArrowLikeBatch[];
}

const DAY_MS = 86_400_000;

function isoDate(ms: number): string {
	return new Date(Math.floor(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** A result holds few distinct days: each is written out once. */
function datesOnce(): (value: unknown) => string {
	const seen = new Map<number, string>();
	return (value) => {
		const ms = value instanceof Date ? value.getTime() : Number(value);
		let text = seen.get(ms);
		if (text === undefined) seen.set(ms, (text = isoDate(ms)));
		return text;
	};
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

/**
 * Arrow result -> plain rows, by the rule stated in database.ts. Read batch by batch: a value looked up by
 * its row in the whole table first searches for its batch, which made a million-row result five times slower.
 */
export function arrowToRows<T extends object = Row>(table: ArrowLikeTable): T[] {
	const fields = table.schema.fields;
	const names = fields.map((f) => f.name);
	const plain = fields.map((f) => {
		if (f.type.typeId !== Type.Date) return (value: unknown) => toPlain(value, f.type);
		const date = datesOnce();
		return (value: unknown) => (value === null || value === undefined ? null : date(value));
	});
	const rows: T[] = new Array(table.numRows);
	let r = 0;
	for (const batch of table.batches) {
		const columns = fields.map((_, i) => batch.getChildAt(i));
		for (let b = 0; b < batch.numRows; b++) {
			const row: Row = {};
			for (let c = 0; c < names.length; c++) row[names[c]] = plain[c](columns[c]?.get(b));
			rows[r++] = row as unknown as T;
		}
	}
	return rows;
}

/**
 * Arrow result -> typed arrays, one per column (numeric, non-null columns only). A result of one row of
 * lists (`SELECT list(x) AS x, list(y) AS y FROM …`) gives the lists' values: one Arrow batch to decode
 * where a million rows come in hundreds.
 */
export function arrowToColumns(table: ArrowLikeTable): Columns {
	const columns: Columns['columns'] = {};
	let rows = table.numRows;
	table.schema.fields.forEach((field, i) => {
		const isList = field.type.typeId === Type.List;
		if (isList && table.numRows !== 1) throw new Error(`Column ${field.name} is a list: expected one row of lists`);
		const vector = (isList ? table.getChildAt(i)?.get(0) : table.getChildAt(i)) as (ArrowLikeVector & { toArray(): unknown }) | null;
		const values = vector?.toArray();
		if (!ArrayBuffer.isView(values) || values instanceof DataView || values instanceof BigInt64Array || values instanceof BigUint64Array) {
			throw new Error(`Column ${field.name} is not a plain numeric column`);
		}
		columns[field.name] = values as NumberArray;
		if (isList) rows = (values as NumberArray).length;
	});
	return { rows, columns };
}
