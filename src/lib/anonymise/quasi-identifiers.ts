/**
 * What an outsider may know about a client and match an export against: where and with whom they were
 * treated, for what, when they first came, and attributes kept as session extras (age band, sex…).
 */
import type { Database } from '../db/database';
import { extraNames } from './extra-names';

export type FixedIdentifier = 'clinic' | 'therapist' | 'condition' | 'first visit month' | 'first visit year' | 'dataset';

export type QuasiIdentifier = { kind: FixedIdentifier } | { kind: 'extra'; name: string };

export interface QuasiIdentifierChoice {
	identifier: QuasiIdentifier;
	label: string;
}

export const MISSING = '(missing)';

const FIXED: [FixedIdentifier, string][] = [
	['clinic', 'Clinic'],
	['therapist', 'Therapist'],
	['condition', 'Condition'],
	['first visit month', 'First-visit month'],
	['first visit year', 'First-visit year'],
	['dataset', 'Dataset']
];

/** The fixed quasi-identifiers, then one per session extra found in the analysed datasets. */
export async function quasiIdentifierChoices(db: Database): Promise<QuasiIdentifierChoice[]> {
	const extras = await extraNames(db);
	return [
		...FIXED.map(([kind, label]) => ({ identifier: { kind }, label })),
		...extras.map((name) => ({ identifier: { kind: 'extra' as const, name }, label: name }))
	];
}

const everyValue = (column: string) => `list_sort(list_distinct(list(coalesce(f.${column}, '${MISSING}'))))`;

/**
 * A fixed quasi-identifier of a client, as an aggregate over their sessions `f`, always a list of text.
 * Clinic, therapist and condition are every value the client's sessions show, because the export shows
 * them all: a client seen at two clinics matches someone who knows both, so they form their own group.
 */
export function fixedIdentifierSql(kind: FixedIdentifier): string {
	switch (kind) {
		case 'clinic':
		case 'therapist':
		case 'condition':
			return everyValue(kind);
		case 'first visit month':
			return `[coalesce(strftime(min(f.session_date), '%Y-%m'), '${MISSING}')]`;
		case 'first visit year':
			return `[coalesce(CAST(year(min(f.session_date)) AS VARCHAR), '${MISSING}')]`;
		case 'dataset':
			return `[any_value(f.dataset_name)]`;
	}
}
