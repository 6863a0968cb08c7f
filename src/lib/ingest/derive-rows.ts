/**
 * One pass over the staged file: each row's canonical values (client, date, visit, labels…), whether it
 * passes its checks (and, for a row that does not, why), and its fingerprint, next to the file's columns
 * that are stored as they are (measures, extra attributes). Everything after reads this table.
 */

/** File columns read into derived ones (the client, the date, labels…) or never stored: not kept as they are. */
const READ_INTO_ROLES = new Set([
	'client',
	'date',
	'visit',
	'timepoint',
	'clinic',
	'therapist',
	'technique',
	'condition',
	'duration',
	'ignore'
]);
import type { Database } from '../db/database';
import type { ImportPlan } from './plan';
import { ROWS, fingerprintExpression, problemsExpression, validExpression } from './check-rows';
import { stagedFile, textNumberColumns } from './stage-file';
import {
	clientExpression,
	column,
	dateExpression,
	fragment,
	join,
	labelled,
	staged,
	stagedName,
	techniquesExpression,
	timepointExpressions,
	visitExpression,
	type Fragment
} from './staged-columns';

/** Reads the registered file and derives its rows, in one statement: the file is read once. */
export async function deriveRows(db: Database, fileName: string, plan: ImportPlan, secret: string): Promise<void> {
	const tp = timepointExpressions(plan);
	const condition = column(plan, 'condition');
	const duration = column(plan, 'duration');
	const valid = validExpression(plan);
	const fingerprint = fingerprintExpression(plan);
	const client = clientExpression(plan, secret);
	const techniques = techniquesExpression(plan);
	const problems = problemsExpression(plan);
	const notKept = [
		...plan.columns
			.filter((c) => READ_INTO_ROLES.has(c.role.kind) || (c.role.kind === 'extra' && c.privacy === 'drop'))
			.map((c) => stagedName(c.index)),
		...textNumberColumns(plan).map((c) => `${stagedName(c.index)}_text`)
	];
	const parts: Fragment[] = [
		fragment(notKept.length ? `f.* EXCLUDE (${notKept.join(', ')})` : 'f.*'),
		fragment(`(${client.sql}) AS client`, client.params),
		fragment(`${dateExpression(plan)} AS session_date`),
		fragment(`coalesce(${visitExpression(plan)}, ${tp.visit.sql}) AS row_visit`, tp.visit.params),
		fragment(`${tp.timing.sql} AS row_timing`, tp.timing.params),
		fragment(`(${labelled(column(plan, 'clinic')).sql}) AS clinic`, labelled(column(plan, 'clinic')).params),
		fragment(`(${labelled(column(plan, 'therapist')).sql}) AS therapist`, labelled(column(plan, 'therapist')).params),
		condition
			? fragment(`(${labelled(condition).sql}) AS condition_raw`, labelled(condition).params)
			: fragment(`NULLIF(trim(?), '') AS condition_raw`, [plan.conditionForAll]),
		fragment(`(${techniques.sql}) AS techniques_raw`, techniques.params),
		fragment(`${duration ? staged(duration.index) : 'NULL::DOUBLE'} AS duration`),
		// `client` above is reused here: DuckDB lets a select list refer to its own aliases.
		fragment(`${valid.sql} AS valid`, valid.params),
		fragment('valid AS keep'),
		// The messages only for rows that fail: the file's columns they quote are not kept.
		fragment(`CASE WHEN valid THEN NULL ELSE ${problems.sql} END AS problems`, problems.params),
		fragment(`${fingerprint.sql} AS row_hash`, fingerprint.params)
	];
	const select = join(parts, ', ');
	await db.query(`CREATE OR REPLACE TEMP TABLE ${ROWS} AS SELECT ${select.sql} FROM ${stagedFile(fileName, plan)}`, select.params);
}
