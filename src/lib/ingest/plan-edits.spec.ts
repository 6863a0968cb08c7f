import { describe, expect, it } from 'vitest';
import { planFor } from '../test/fixtures';
import { applyEdit, setMeasure, setRole, setTimepoint, setTiming, setVisit } from './plan-edits';
import type { ImportPlan } from './plan';

const roleOf = (plan: ImportPlan, header: string) => plan.columns.find((c) => c.header === header)!.role;

describe('edits in the preview', () => {
	const sessions = planFor('client,date,pain_before,pain_after,grip\nC1,2025-01-02,6,3,30\nC1,2025-01-09,5,2,32\n');

	it('change a copy, never the plan they are given', () => {
		const before = structuredClone(sessions);
		const edited = applyEdit(sessions, setRole(4, 'extra', []));
		expect(sessions).toEqual(before);
		expect(roleOf(edited, 'grip')).toEqual({ kind: 'extra' });
	});

	it('make a column a measure of its own, declared once', () => {
		const edited = applyEdit(sessions, setRole(4, 'measure', ['30', '32']));
		expect(roleOf(edited, 'grip')).toEqual({ kind: 'measure', measure: 'grip', timing: 'value' });
		expect(edited.measures.filter((m) => m.measure === 'grip')).toHaveLength(1);
		const again = applyEdit(edited, setMeasure(4, 'grip'));
		expect(again.measures.filter((m) => m.measure === 'grip')).toHaveLength(1);
	});

	it('keep the shape following the roles after every edit: a name and a value column make a long file', () => {
		const long = planFor('client,date,what,value\nC1,2025-01-02,pain,6\nC1,2025-01-02,neck rotation,60\n');
		const named = applyEdit(long, setRole(2, 'measure name', ['pain', 'neck rotation']));
		const valued = applyEdit(named, setRole(3, 'measure value', []));
		expect(valued.shape).toBe('long');
		// The names seen in the preview are measures now.
		expect(Object.keys(valued.measureNames).sort()).toEqual(['neck rotation', 'pain']);
		expect(applyEdit(valued, setRole(2, 'extra', [])).shape).toBe('sessions');
	});

	it('set a timing, a visit (whole numbers only) and a timepoint’s meaning', () => {
		const timed = applyEdit(sessions, setTiming(2, 'after'));
		expect(roleOf(timed, 'pain_before')).toMatchObject({ kind: 'measure', timing: 'after' });
		expect(roleOf(applyEdit(sessions, setVisit(2, '3')), 'pain_before')).toMatchObject({ visit: 3 });
		expect(roleOf(applyEdit(sessions, setVisit(2, '2.5')), 'pain_before')).not.toHaveProperty('visit');
		const timepoints = planFor('client,time,pain\nC1,baseline,6\nC1,week 8,3\n');
		const edited = applyEdit(timepoints, setTimepoint('week 8', '3'));
		expect(edited.timepoints['week 8']).toEqual({ visit: 3 });
		expect(applyEdit(timepoints, setTimepoint('baseline', 'before')).timepoints.baseline).toEqual({ timing: 'before' });
	});
});
