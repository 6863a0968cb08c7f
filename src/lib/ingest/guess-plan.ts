import type { Encoding } from './decode';
import type { CsvDialect, Preview } from './sniff';
import { isMissing } from './sniff';
import { findIdentifiers } from './identifiers';
import { guessRoles } from './guess-roles';
import type { ColumnPlan, ImportPlan, Shape, TimepointMeaning } from './plan';
import { guessPairReading, withPairsRead } from './trial-reading';
import { nameMeasures } from './measure-names';

const INDEX_HEADERS = new Set(['', 'rownames', 'row', 'row.names', '#', 'x', '...1']);

/** Text timepoints and what they usually mean; numbers are visit numbers as they stand. */
export function guessTimepoint(value: string, order: number): TimepointMeaning {
	const v = value.trim().toLowerCase();
	if (/^(pre|before|prior)\b/.test(v)) return { timing: 'before' };
	if (/^(post|after)\b/.test(v)) return { timing: 'after' };
	if (/^(baseline|base|bl|t0|screening|start|initial)$/.test(v)) return { visit: 1 };
	const digits = v.match(/\d+/);
	return { visit: digits ? Number(digits[0]) : order };
}

export function timepointValues(values: string[]): Record<string, TimepointMeaning> {
	const map: Record<string, TimepointMeaning> = {};
	let order = 1;
	for (const value of values) {
		const v = value.trim();
		if (isMissing(v) || v in map) continue;
		map[v] = guessTimepoint(v, order++);
		// "follow-up" after a baseline is the second visit, not the first
		if ('visit' in map[v] && /follow|end|final|post-?treat/i.test(v)) map[v] = { visit: Math.max(2, order) };
	}
	return map;
}

export function shapeOf(plan: Pick<ImportPlan, 'columns' | 'pairsAre'>): Shape {
	const kinds = new Set(plan.columns.map((c) => c.role.kind));
	if (kinds.has('measure name') && kinds.has('measure value')) return 'long';
	if (kinds.has('timepoint')) return 'timepoints';
	if (withPairsRead(plan).columns.some((c) => c.role.kind === 'measure' && c.role.visit !== undefined)) return 'visits';
	return 'sessions';
}

export interface PlanInput {
	fileName: string;
	encoding: Encoding;
	dialect: CsvDialect;
	preview: Preview;
}

export function guessPlan({ fileName, encoding, dialect, preview }: PlanInput): ImportPlan {
	const samples = preview.header.map((header, i) => ({ header, values: preview.rows.map((r) => r[i] ?? '') }));
	const { roles, measures, dateFormat } = guessRoles(samples, dialect.decimalComma, fileName);
	if (!roles.some((r) => r.kind === 'client')) {
		const index = preview.header.findIndex((h) => INDEX_HEADERS.has(h.trim().toLowerCase()));
		if (index >= 0) roles[index] = { kind: 'client' };
	}
	const identifiers = findIdentifiers(preview.header, preview.rows);
	const columns: ColumnPlan[] = preview.header.map((header, index) => {
		const identifier = identifiers.find((f) => f.column === index) ?? null;
		const role = roles[index];
		return {
			index,
			header,
			role: identifier && role.kind === 'extra' ? { kind: 'ignore' } : role,
			privacy: identifier ? (role.kind === 'client' ? 'pseudonymise' : 'drop') : 'keep',
			identifier,
			labels: {}
		};
	});
	const timepoint = columns.find((c) => c.role.kind === 'timepoint');
	const plan: ImportPlan = {
		fileName,
		encoding,
		dialect,
		dateFormat,
		shape: 'sessions',
		columns,
		measures,
		timepoints: timepoint ? timepointValues(samples[timepoint.index].values) : {},
		pairsAre: 'session',
		measureNames: {},
		conditionForAll: '',
		pseudonymiseClients: false
	};
	plan.pairsAre = guessPairReading(plan, preview.rows);
	const name = columns.find((c) => c.role.kind === 'measure name');
	if (name) nameMeasures(plan, samples[name.index].values);
	plan.shape = shapeOf(plan);
	return plan;
}
