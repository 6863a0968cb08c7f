/**
 * Row checks the reader cannot make (a pain score of 11 on 0–10, a missing client id) and each row's
 * fate: kept, rejected or duplicate. A check is a condition that fails and the message that says so;
 * the conditions alone decide which rows are kept (cheap), and the messages are written only for the
 * rows that fail (few).
 */
import type { Database } from '../db/database';
import type { ColumnPlan, ImportPlan, MeasureDeclaration } from './plan';
import { column, columnLabel, fragment, join, labelled, staged, trimmed, type Fragment } from './staged-columns';
import { stagedType, textNumberColumns } from './stage-file';
import { GENERIC_ROM, namesMovements } from './measure-names';
import { numbersRows } from './trial-reading';

export const ROWS = 'import_rows';
export const SKIPPED = 'import_skipped';

/** The checked rows' tables, once the import is saved or discarded. */
export const dropCheckedRows = (db: Database) => db.exec(`DROP TABLE IF EXISTS ${ROWS}; DROP TABLE IF EXISTS ${SKIPPED};`);

interface Check {
	fails: Fragment;
	message: Fragment;
}

const number = (sql: string) => `regexp_replace(CAST(${sql} AS VARCHAR), '\\.0$', '')`;

function scaleText(m: MeasureDeclaration): string {
	const unit = !m.unit || m.unit === 'points' ? '' : m.unit === '°' ? '°' : ` ${m.unit}`;
	return `${m.scaleMin}–${m.scaleMax}${unit} scale of ${m.label}`;
}

function outOfScale(c: ColumnPlan, m: MeasureDeclaration | undefined, name: string): Check | null {
	if (!m || m.scaleMin === null || m.scaleMax === null) return null;
	const v = staged(c.index);
	return {
		fails: fragment(`(${v} < ? OR ${v} > ?)`, [m.scaleMin, m.scaleMax]),
		message: fragment(`? || ${number(v)} || ?`, [`${name}: `, ` is outside the ${scaleText(m)}`])
	};
}

/**
 * A generic range-of-motion column whose row names its movement (measure-names.ts) is checked against
 * the scale of the movement named; rows naming none, against the generic measure's.
 */
function outOfNamedScale(c: ColumnPlan, plan: ImportPlan, nameColumn: ColumnPlan, name: string): Check | null {
	const measures = new Map(plan.measures.map((m) => [m.measure, m]));
	const scaled = (key: string | undefined) => {
		const m = key === undefined ? undefined : measures.get(key);
		return m && m.scaleMin !== null && m.scaleMax !== null ? m : null;
	};
	const v = staged(c.index);
	const movement = trimmed(staged(nameColumn.index));
	const named = Object.entries(plan.measureNames);
	const generic = c.role.kind === 'measure' ? scaled(c.role.measure) : null;
	if (!generic && !named.some(([, key]) => scaled(key))) return null;
	const whens = named.map(([value, key]) => {
		const m = scaled(key);
		return m ? fragment(`WHEN ? THEN (${v} < ? OR ${v} > ?)`, [value, m.scaleMin, m.scaleMax]) : fragment('WHEN ? THEN false', [value]);
	});
	const otherwise = generic ? fragment(`ELSE (${v} < ? OR ${v} > ?)`, [generic.scaleMin, generic.scaleMax]) : fragment('ELSE false');
	const fails = join([fragment(`CASE ${movement}`), ...whens, otherwise, fragment('END')], ' ');
	const texts = named.flatMap(([value, key]) => {
		const m = scaled(key);
		return m ? [fragment('WHEN ? THEN ?', [value, scaleText(m)])] : [];
	});
	const text = join(
		[fragment(`CASE ${movement}`), ...texts, fragment('ELSE ?', [generic ? scaleText(generic) : '']), fragment('END')],
		' '
	);
	return {
		fails,
		message: fragment(`? || ${number(v)} || ? || (${text.sql})`, [`${name}: `, ' is outside the ', ...text.params])
	};
}

/** Text the reader kept as it was (a file that groups thousands): a value that is not a number fails here, with the reader's words. */
function notANumber(c: ColumnPlan, name: string): Check {
	const text = `${staged(c.index)}_text`;
	return {
		fails: fragment(`(${text} IS NOT NULL AND ${staged(c.index)} IS NULL)`),
		message: fragment(`? || ${text} || ?`, [`${name}: "`, '" is not a number'])
	};
}

/**
 * A NUL byte in a text cell is binary data that slipped into the export: the row is rejected, naming the
 * column, rather than stored with an invisible character in a label or an id.
 */
function nulByte(c: ColumnPlan, name: string): Check {
	return { fails: fragment(`contains(${staged(c.index)}, chr(0))`), message: fragment('?', [`${name}: holds a NUL byte (binary data)`]) };
}

/**
 * A row that starts with the comment prefix but has every field (comment-lines.ts): a row someone commented
 * out, or an id that begins with '#'. Rejected, never guessed at: the user removes the '#' to import it.
 */
function commentedRow(c: ColumnPlan, name: string, prefix: string): Check {
	const value = staged(c.index);
	return {
		fails: fragment(`starts_with(ltrim(${value}, ' \t'), ?)`, [prefix]),
		message: fragment(`? || ${value} || ?`, [
			`${name}: "`,
			`" starts with ${prefix}, as the file's comment lines do; remove the ${prefix} to import this row`
		])
	};
}

const TEXT_ROLES = new Set(['client', 'visit', 'timepoint', 'clinic', 'therapist', 'technique', 'condition', 'measure name', 'extra']);

/** Every check of the plan. `client` is the derived (possibly pseudonymised) client id. */
function checks(plan: ImportPlan): Check[] {
	const all: (Check | null)[] = [];
	const headers = plan.columns.map((c) => c.header);
	const name = (c: ColumnPlan) => columnLabel(headers, c.index);
	const client = column(plan, 'client');
	if (client) all.push({ fails: fragment('client IS NULL'), message: fragment('?', [`${name(client)}: the client id is missing`]) });
	const date = column(plan, 'date');
	if (date) {
		all.push({ fails: fragment(`${staged(date.index)} IS NULL`), message: fragment('?', [`${name(date)}: the date is missing`]) });
	}
	for (const c of textNumberColumns(plan)) all.push(notANumber(c, name(c)));
	for (const c of plan.columns) if (TEXT_ROLES.has(c.role.kind) && c.privacy !== 'drop') all.push(nulByte(c, name(c)));
	const timepoint = column(plan, 'timepoint');
	if (timepoint) {
		const known = Object.keys(plan.timepoints);
		const value = trimmed(staged(timepoint.index));
		all.push({
			fails: fragment(`(${value} IS NULL OR ${value} NOT IN (${known.map(() => '?').join(', ') || 'NULL'}))`, known),
			message: fragment(`CASE WHEN ${value} IS NULL THEN ? ELSE ? || ${value} || ? END`, [
				`${name(timepoint)}: the timepoint is missing`,
				`${name(timepoint)}: "`,
				'" is not a known timepoint'
			])
		});
	}
	const measures = new Map(plan.measures.map((m) => [m.measure, m]));
	const movement = namesMovements(plan) ? column(plan, 'measure name') : undefined;
	for (const c of plan.columns) {
		if (c.role.kind !== 'measure') continue;
		if (movement && c.role.measure === GENERIC_ROM) all.push(outOfNamedScale(c, plan, movement, name(c)));
		else all.push(outOfScale(c, measures.get(c.role.measure), name(c)));
	}
	const first = plan.columns[0];
	if (plan.dialect.commentPrefix && first && stagedType(first, plan) === 'VARCHAR')
		all.push(commentedRow(first, name(first), plan.dialect.commentPrefix));
	const duration = column(plan, 'duration');
	if (duration) {
		all.push({
			fails: fragment(`${staged(duration.index)} < 0`),
			message: fragment(`? || ${number(staged(duration.index))} || ?`, [`${name(duration)}: `, ' is a negative duration'])
		});
	}
	return all.filter((c): c is Check => c !== null);
}

/** True when the row passes every check. */
export function validExpression(plan: ImportPlan): Fragment {
	const list = checks(plan);
	if (list.length === 0) return fragment('true');
	const any = join(
		list.map((c) => fragment(`coalesce(${c.fails.sql}, false)`, c.fails.params)),
		' OR '
	);
	return fragment(`NOT (${any.sql})`, any.params);
}

/** The messages of a failing row, naming the column and the value. */
export function problemsExpression(plan: ImportPlan): Fragment {
	const parts = checks(plan).map((c) =>
		fragment(`CASE WHEN coalesce(${c.fails.sql}, false) THEN ${c.message.sql} END`, [...c.fails.params, ...c.message.params])
	);
	if (parts.length === 0) return fragment('[]::VARCHAR[]');
	const list = join(parts, ', ');
	return fragment(`list_filter([${list.sql}], x -> x IS NOT NULL)`, list.params);
}

/**
 * A row's fingerprint: every field, in a fixed order (roles first, then measures by key, then the other
 * columns by name), so the same row hashes the same whatever the file's column order.
 */
export function fingerprintExpression(plan: ImportPlan): Fragment {
	const order = ['client', 'date', 'visit', 'timepoint', 'clinic', 'therapist', 'technique', 'condition', 'duration'];
	// Typed values hash as they are; the keys are constants, so they cost nothing per row.
	// A second technique column adds its values; a file with one hashes as it always has.
	const roles = order.flatMap((kind) => {
		const columns = plan.columns.filter((c) => c.role.kind === kind);
		// Rows numbered as participants differ by their number: two participants with the same values are not duplicates.
		if (kind === 'client' && numbersRows(plan)) return [fragment('f.source_row')];
		return columns.length ? (kind === 'technique' ? columns : columns.slice(0, 1)).map(labelled) : [fragment('NULL')];
	});
	const keyOf = (c: ColumnPlan) =>
		c.role.kind === 'measure'
			? `1 ${c.role.measure}|${c.role.timing}|${c.role.visit ?? ''}`
			: c.role.kind === 'measure name' || c.role.kind === 'measure value'
				? `1 ${c.role.kind}`
				: `2 ${c.header}`;
	const others = plan.columns
		.filter((c) => !order.includes(c.role.kind))
		.map((c) => ({ c, key: keyOf(c) }))
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.c.index - b.c.index))
		.map(({ c, key }) => fragment(`?, ${staged(c.index)}`, [key]));
	const parts = join([...roles, ...others], ', ');
	return fragment(`hash(${parts.sql})`, parts.params);
}

/**
 * Marks duplicates: a kept row whose fingerprint is already stored, or that repeats an earlier kept row of
 * the same file. Only repeated fingerprints are looked at, so a clean file costs one grouping.
 */
export async function markDuplicates(db: Database): Promise<void> {
	await db.exec(
		`CREATE OR REPLACE TEMP TABLE ${SKIPPED} AS
		 SELECT source_row FROM ${ROWS} WHERE keep AND row_hash IN (SELECT row_hash FROM row_hashes)
		 UNION
		 SELECT r.source_row FROM ${ROWS} r
		 JOIN (SELECT row_hash, min(source_row) AS first FROM ${ROWS} WHERE keep GROUP BY row_hash HAVING count(*) > 1) d
		   ON r.row_hash = d.row_hash AND r.source_row <> d.first
		 WHERE r.keep;
		 UPDATE ${ROWS} SET keep = false WHERE source_row IN (SELECT source_row FROM ${SKIPPED});`
	);
}

export async function countFates(db: Database) {
	const [row] = await db.query<{ staged: number; kept: number; rejected: number; duplicates: number }>(
		`SELECT count(*)::INTEGER AS staged,
		        count(*) FILTER (WHERE keep)::INTEGER AS kept,
		        count(*) FILTER (WHERE NOT valid)::INTEGER AS rejected,
		        (SELECT count(*) FROM ${SKIPPED})::INTEGER AS duplicates
		 FROM ${ROWS}`
	);
	return row;
}

/** The rows that failed a check, with every message (worked out as the file was read: deriveRows). */
export async function failedRows(db: Database): Promise<{ row: number; problems: string[] }[]> {
	return db.query(`SELECT source_row AS "row", problems FROM ${ROWS} WHERE NOT valid ORDER BY source_row`);
}
