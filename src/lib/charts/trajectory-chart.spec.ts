import { describe, expect, it } from 'vitest';
import type { ClientCourse, CourseSession } from '../trajectories/client-course';
import { techniquePoints, trajectoryPoints, xDomain } from './trajectory-chart';
import { techniqueCode } from '../domain/techniques';

const session = (
	number: number,
	day: number | null,
	pain: [number | null, number | null] | null,
	techniques: string[] = []
): CourseSession => ({
	sessionId: number,
	number,
	date: null,
	day,
	condition: 'Lower back pain',
	clinic: null,
	therapist: null,
	techniques,
	readings: pain ? { pain_nprs: { before: pain[0], after: pain[1] } } : {}
});
const course = (label: string, sessions: CourseSession[]): ClientCourse => ({
	clientId: label,
	datasetId: 1,
	dataset: 'd',
	label,
	condition: 'Lower back pain',
	mainTechnique: null,
	sessions
});

const a = course('A', [session(1, 0, [6, 4], ['PNF stretching']), session(2, 7, [5, null]), session(3, 14, null)]);
const b = course('B', [session(1, null, [8, 6], ['Positional release', 'Palpation release'])]);

describe('trajectory points', () => {
	it('spreads two clients 0.3 of a session apart, and skips sessions without the measure', () => {
		// Two clients: offsets 0.3 × (0 − 0.5) = −0.15 and 0.3 × (1 − 0.5) = +0.15.
		expect(trajectoryPoints([a, b], 'pain_nprs', 'session').map((p) => [p.client, p.x, p.before, p.after])).toEqual([
			['A', 0.85, 6, 4],
			['A', 1.85, 5, null],
			['B', 1.15, 8, 6]
		]);
	});

	it('puts one client exactly on its session number, and uses days when asked (dropping undated sessions)', () => {
		expect(trajectoryPoints([a], 'pain_nprs', 'session').map((p) => p.x)).toEqual([1, 2]);
		expect(trajectoryPoints([a, b], 'pain_nprs', 'days').map((p) => [p.client, p.x])).toEqual([
			['A', 0],
			['A', 7]
		]);
	});

	it('marks every session with its techniques, short', () => {
		expect(techniquePoints([a, b], 'session')).toEqual([
			{ client: 'A', x: 1, mark: 'PNF', title: 'PNF stretching' },
			{ client: 'A', x: 2, mark: '–', title: '' },
			{ client: 'A', x: 3, mark: '–', title: '' },
			{ client: 'B', x: 1, mark: 'PR+PAL', title: 'Positional release, Palpation release' }
		]);
		expect(techniqueCode('Cupping therapy')).toBe('CT');
		expect(techniqueCode('myofascial / instrument-assisted release')).toBe('MIA');
	});

	it('gives both charts one x range: whole sessions with half a session spare, or days', () => {
		expect(xDomain([{ x: 0.85 }, { x: 3.15 }], 'session')).toEqual([0.5, 4.5]);
		// At least two sessions, or a week, so a single point is not alone on a zero-width axis.
		expect(xDomain([{ x: 1 }], 'session')).toEqual([0.5, 2.5]);
		expect(xDomain([{ x: 0 }, { x: 40 }], 'days')).toEqual([0, 43]);
	});
});
