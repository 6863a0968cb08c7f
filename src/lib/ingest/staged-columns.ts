/**
 * SQL expressions over the staged file. Staged columns are named c0, c1, … (never the file's headers),
 * so a header can be anything at all; headers reach SQL only as bound values in messages.
 */
import type { SqlParam } from '../db/database';
import type { ColumnPlan, ImportPlan, RoleKind } from './plan';
import { numbersRows } from './trial-reading';

export const stagedName = (index: number) => `c${index}`;
export const staged = (index: number) => `f.c${index}`;

/** An SQL fragment with the values it binds, in order. */
export interface Fragment {
	sql: string;
	params: SqlParam[];
}

export const fragment = (sql: string, params: SqlParam[] = []): Fragment => ({ sql, params });

/** Joins fragments with a separator, keeping parameters in order. */
export function join(parts: Fragment[], separator: string): Fragment {
	return { sql: parts.map((p) => p.sql).join(separator), params: parts.flatMap((p) => p.params) };
}

export const column = (plan: ImportPlan, kind: RoleKind): ColumnPlan | undefined => plan.columns.find((c) => c.role.kind === kind);

/**
 * A column as messages name it: its header, with its position when the header is empty or not unique
 * ("column 7", "pain_after (column 8)"), so a reason always points at one column.
 */
export function columnLabel(headers: readonly string[], index: number): string {
	const header = headers[index]?.trim() ?? '';
	if (header === '') return `column ${index + 1}`;
	const unique = headers.filter((h) => h.trim() === header).length === 1;
	return unique ? headers[index] : `${headers[index]} (column ${index + 1})`;
}

/**
 * DuckDB's trim(text) (spaces of Unicode's Zs category off both ends), skipped where it would change
 * nothing: text of ASCII characters only (as many bytes as characters) that neither starts nor ends with a
 * space. trim() decodes every character of every value and copies it; on a million-row file its calls took
 * a sixth of the reading. The result is the same text, so fingerprints of rows stored before are the same.
 */
export const trimmed = (text: string) =>
	`CASE WHEN strlen(${text}) = length(${text}) AND NOT starts_with(${text}, ' ') AND NOT ends_with(${text}, ' ') THEN ${text} ELSE trim(${text}) END`;

/** Columns the reader types (dates, numbers): as text they never start or end with a space. */
const TYPED_ROLES = new Set<RoleKind>(['date', 'measure', 'measure value', 'duration']);

/** Trimmed text, NULL when empty; coded values replaced by their labels. */
export function labelled(c: ColumnPlan | undefined): Fragment {
	if (!c) return fragment('NULL::VARCHAR');
	const cast = `CAST(${staged(c.index)} AS VARCHAR)`;
	const text = `NULLIF(${TYPED_ROLES.has(c.role.kind) ? cast : trimmed(cast)}, '')`;
	const codes = Object.entries(c.labels).filter(([, label]) => label.trim() !== '');
	if (codes.length === 0) return fragment(text);
	return fragment(
		`CASE ${text} ${codes.map(() => 'WHEN ? THEN ?').join(' ')} ELSE ${text} END`,
		codes.flatMap(([code, label]) => [code, label.trim()])
	);
}

/** A session's techniques as written, from every technique column (joined by ';', which the normaliser splits on); NULL when none. */
export function techniquesExpression(plan: ImportPlan): Fragment {
	const columns = plan.columns.filter((c) => c.role.kind === 'technique');
	if (columns.length <= 1) return labelled(columns[0]);
	const parts = join(columns.map(labelled), ', ');
	return fragment(`NULLIF(concat_ws(';', ${parts.sql}), '')`, parts.params);
}

/**
 * The client id, or its keyed hash: the same secret gives the same pseudonym in every import. A file
 * without an id column whose rows are participants gives each row its number (`rowNumber`) as its id.
 */
export function clientExpression(plan: ImportPlan, secret: string, rowNumber = 'f.source_row'): Fragment {
	const id = numbersRows(plan) ? fragment(`CAST(${rowNumber} AS VARCHAR)`) : labelled(column(plan, 'client'));
	if (!plan.pseudonymiseClients) return id;
	return fragment(`'P-' || substr(sha256(? || ':' || (${id.sql})), 1, 12)`, [secret, ...id.params]);
}

export function dateExpression(plan: ImportPlan): string {
	const c = column(plan, 'date');
	if (!c) return 'NULL::DATE';
	return `CAST(${staged(c.index)} AS DATE)`;
}

/** Visit number from the visit column: "3", "V3", "visit 3" → 3. */
export function visitExpression(plan: ImportPlan): string {
	const c = column(plan, 'visit');
	if (!c) return 'NULL::INTEGER';
	return `TRY_CAST(regexp_extract(${staged(c.index)}, '-?\\d+') AS INTEGER)`;
}

/** Timepoint values mapped to a visit number or a timing through the plan. */
export function timepointExpressions(plan: ImportPlan): { visit: Fragment; timing: Fragment } {
	const c = column(plan, 'timepoint');
	if (!c) return { visit: fragment('NULL::INTEGER'), timing: fragment('NULL::VARCHAR') };
	const value = trimmed(staged(c.index));
	const entries = Object.entries(plan.timepoints);
	const visits = entries.filter(([, m]) => 'visit' in m);
	const timings = entries.filter(([, m]) => 'timing' in m);
	return {
		visit: fragment(
			visits.length ? `CASE ${value} ${visits.map(() => 'WHEN ? THEN ?::INTEGER').join(' ')} ELSE NULL END` : 'NULL::INTEGER',
			visits.flatMap(([v, m]) => [v, (m as { visit: number }).visit])
		),
		timing: fragment(
			timings.length ? `CASE ${value} ${timings.map(() => 'WHEN ? THEN ?').join(' ')} ELSE NULL END` : 'NULL::VARCHAR',
			timings.flatMap(([v, m]) => [v, (m as { timing: string }).timing])
		)
	};
}
