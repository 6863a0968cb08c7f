import { MOVEMENT_FOR_CONDITION } from './effects';
import type { DemoSession } from './generate';
import { DEFAULT_MEASURES } from '../domain/measures';
import type { SessionColumns } from '../ingest/session-columns';

/** The demo clinic's export: one row per session, before/after columns per measure. */
export const DEMO_MOVEMENTS = [...new Set(Object.values(MOVEMENT_FOR_CONDITION))];

const unitSuffix = (movement: string) =>
	DEFAULT_MEASURES.find((m) => m.measure === movement)?.unit === 'mm' ? 'mm' : 'deg';
const romColumn = (movement: string, when: 'before' | 'after') => `${movement}_${when}_${unitSuffix(movement)}`;

export const DEMO_HEADER = [
	'client_id',
	'session_date',
	'clinic',
	'therapist',
	'condition',
	'techniques',
	'duration_min',
	'pain_before',
	'pain_after',
	...DEMO_MOVEMENTS.flatMap((m) => [romColumn(m, 'before'), romColumn(m, 'after')])
];

/** The demo export's column types, so DuckDB need not sniff them. */
export const DEMO_TYPES = Object.fromEntries(
	DEMO_HEADER.map((name) => [
		name,
		name === 'session_date' ? 'DATE' : ['client_id', 'clinic', 'therapist', 'condition', 'techniques'].includes(name) ? 'VARCHAR' : 'DOUBLE'
	])
) as Record<string, 'VARCHAR' | 'DATE' | 'DOUBLE'>;

/** How the demo export's columns map onto the canonical model. */
export const DEMO_COLUMNS: SessionColumns = {
	client: 'client_id',
	date: 'session_date',
	clinic: 'clinic',
	therapist: 'therapist',
	condition: 'condition',
	techniques: 'techniques',
	duration: 'duration_min',
	measures: [
		{ measure: 'pain_nprs', before: 'pain_before', after: 'pain_after' },
		...DEMO_MOVEMENTS.map((m) => ({ measure: m, before: romColumn(m, 'before'), after: romColumn(m, 'after') }))
	]
};

function field(value: string | number | null): string {
	if (value === null) return '';
	const text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function demoCsvLine(s: DemoSession): string {
	const rom = DEMO_MOVEMENTS.flatMap((m) => (m === s.movement ? [s.romBefore, s.romAfter] : [null, null]));
	return [
		s.clientId,
		s.date,
		s.clinic,
		s.therapist,
		s.condition,
		s.techniques,
		s.durationMin,
		s.painBefore,
		s.painAfter,
		...rom
	]
		.map(field)
		.join(',');
}

export function demoCsv(sessions: Iterable<DemoSession>): string {
	const lines = [DEMO_HEADER.join(',')];
	for (const s of sessions) lines.push(demoCsvLine(s));
	return lines.join('\n') + '\n';
}
