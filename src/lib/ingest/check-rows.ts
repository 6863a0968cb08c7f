/**
 * Row checks the reader cannot make (a pain score of 11 on 0–10, a missing client id), a fingerprint of
 * each row's content for spotting duplicates, and each row's fate: ok, rejected or duplicate.
 */
import type { Database } from '../db/database';
import type { ColumnPlan, ImportPlan, MeasureDeclaration } from './plan';
import { STAGING } from './stage-file';
import { clientExpression, column, fragment, join, labelled, staged, type Fragment } from './staged-columns';

export const CHECKED = 'import_checked';

const number = (sql: string) => `regexp_replace(CAST(${sql} AS VARCHAR), '\\.0$', '')`;

function scaleText(m: MeasureDeclaration): string {
	return `${m.scaleMin}–${m.scaleMax}${m.unit && m.unit !== 'points' ? ` ${m.unit}` : ''} scale of ${m.label}`;
}

function outOfScale(c: ColumnPlan, m: MeasureDeclaration | undefined): Fragment | null {
	if (!m || m.scaleMin === null || m.scaleMax === null) return null;
	const v = staged(c.index);
	return fragment(`CASE WHEN ${v} < ? OR ${v} > ? THEN ? || ${number(v)} || ? END`, [
		m.scaleMin,
		m.scaleMax,
		`${c.header}: `,
		` is outside the ${scaleText(m)}`
	]);
}

/** The problems of a row, as a list of messages that name the column and the value. */
export function problemsExpression(plan: ImportPlan, secret: string): Fragment {
	const checks: Fragment[] = [];
	const client = column(plan, 'client');
	if (client) {
		checks.push(
			fragment(`CASE WHEN (${clientExpression(plan, secret).sql}) IS NULL THEN ? END`, [
				...clientExpression(plan, secret).params,
				`${client.header}: the client id is missing`
			])
		);
	}
	const date = column(plan, 'date');
	if (date) checks.push(fragment(`CASE WHEN ${staged(date.index)} IS NULL THEN ? END`, [`${date.header}: the date is missing`]));
	const timepoint = column(plan, 'timepoint');
	if (timepoint) {
		const known = Object.keys(plan.timepoints);
		checks.push(
			fragment(
				`CASE WHEN ${staged(timepoint.index)} IS NULL THEN ?
				      WHEN trim(${staged(timepoint.index)}) NOT IN (${known.map(() => '?').join(', ') || 'NULL'}) THEN ? || trim(${staged(timepoint.index)}) || ? END`,
				[`${timepoint.header}: the timepoint is missing`, ...known, `${timepoint.header}: "`, '" is not a known timepoint']
			)
		);
	}
	const measures = new Map(plan.measures.map((m) => [m.measure, m]));
	for (const c of plan.columns) {
		if (c.role.kind !== 'measure') continue;
		const check = outOfScale(c, measures.get(c.role.measure));
		if (check) checks.push(check);
	}
	const duration = column(plan, 'duration');
	if (duration) {
		checks.push(
			fragment(`CASE WHEN ${staged(duration.index)} < 0 THEN ? || ${number(staged(duration.index))} || ? END`, [
				`${duration.header}: `,
				' is a negative duration'
			])
		);
	}
	if (checks.length === 0) return fragment('[]::VARCHAR[]');
	const list = join(checks, ', ');
	return fragment(`list_filter([${list.sql}], x -> x IS NOT NULL)`, list.params);
}

/**
 * A row's fingerprint: every field, in a fixed order (roles first, then measures by key, then the other
 * columns by name), so the same row hashes the same whatever the file's column order.
 */
export function fingerprintExpression(plan: ImportPlan): Fragment {
	const order = ['client', 'date', 'visit', 'timepoint', 'clinic', 'therapist', 'technique', 'condition', 'duration'];
	const roles = order.map((kind) => {
		const c = column(plan, kind as ColumnPlan['role']['kind']);
		return c ? labelled(c) : fragment('NULL');
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
		.map(({ c, key }) => fragment(`? || '=' || coalesce(CAST(${staged(c.index)} AS VARCHAR), '')`, [key]));
	const parts = join([...roles, ...others], ', ');
	return fragment(`hash(${parts.sql})`, parts.params);
}

/**
 * One row per staged row: its problems, fingerprint and fate. A row repeating one already stored, or one
 * earlier in the same file, is a duplicate; a row with a problem is rejected whatever else it is.
 */
export async function checkRows(db: Database, plan: ImportPlan, secret: string): Promise<void> {
	const problems = problemsExpression(plan, secret);
	const fingerprint = fingerprintExpression(plan);
	await db.query(
		`CREATE OR REPLACE TEMP TABLE ${CHECKED} AS
		 WITH checked AS (
			SELECT f.source_row, ${problems.sql} AS problems, ${fingerprint.sql} AS row_hash FROM ${STAGING} f
		 )
		 SELECT source_row, problems, row_hash,
		        CASE WHEN len(problems) > 0 THEN 'rejected'
		             WHEN row_hash IN (SELECT row_hash FROM row_hashes) THEN 'duplicate'
		             WHEN row_number() OVER (PARTITION BY row_hash, len(problems) = 0 ORDER BY source_row) > 1 THEN 'duplicate'
		             ELSE 'ok' END AS status
		 FROM checked`,
		[...problems.params, ...fingerprint.params]
	);
}
