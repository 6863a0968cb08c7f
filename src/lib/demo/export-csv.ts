import { MOVEMENT_FOR_CONDITION } from './effects';
import type { DemoSession } from './generate';
import { DEFAULT_MEASURES } from '../domain/measures';

/** The demo clinic's export: one row per session, before/after columns per measure. */
export const DEMO_MOVEMENTS = [...new Set(Object.values(MOVEMENT_FOR_CONDITION))];

const unitSuffix = (movement: string) => (DEFAULT_MEASURES.find((m) => m.measure === movement)?.unit === 'mm' ? 'mm' : 'deg');
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
	...DEMO_MOVEMENTS.flatMap((m) => [romColumn(m, 'before'), romColumn(m, 'after')]),
	'age',
	'sex',
	'weeks_since_onset'
];

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
		...rom,
		s.age,
		s.sex,
		s.weeksSinceOnset
	]
		.map(field)
		.join(',');
}

export function demoCsv(sessions: Iterable<DemoSession>): string {
	const lines = [DEMO_HEADER.join(',')];
	for (const s of sessions) lines.push(demoCsvLine(s));
	return lines.join('\n') + '\n';
}
