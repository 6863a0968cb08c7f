/**
 * What a therapist asks of one client's course, for one measure: where they started, where they are,
 * and whether (and when) the change became meaningful: the dashboard's course effect and responder rule
 * (definitions/), baseline the first session's before value, latest the latest session's before value.
 */
import type { MeasureInfo } from '../metrics/measure-info';
import type { ClientCourse, CourseSession } from './client-course';
import { numbers } from '../definitions/arithmetic';
import { courseEffect } from '../definitions/effects';
import { sessionsAMonth } from '../definitions/attendance';
import { neededImprovement, responds } from '../definitions/responder';

export interface OutcomeSummary {
	measure: string;
	baseline: number;
	latest: number;
	/** Session numbers the baseline and latest values come from. */
	baselineSession: number;
	latestSession: number;
	/** latest − baseline, as measured. */
	change: number;
	/** The change signed so that positive is better for the measure. */
	improvement: number;
	/** The improvement a meaningful change needs from this baseline (the easier of points and percent). */
	needed: number | null;
	/** The first session whose before value shows a meaningful change from baseline; null if none yet. */
	respondedAtSession: number | null;
	/** Sessions the client had before that one: "reached after 3 sessions". */
	sessionsToResponse: number | null;
}

export function summariseOutcome(course: ClientCourse, measure: MeasureInfo): OutcomeSummary | null {
	const measured = course.sessions.filter((s) => s.readings[measure.measure]?.before != null);
	if (measured.length === 0) return null;
	const value = (s: CourseSession) => s.readings[measure.measure].before as number;
	const first = measured[0];
	const last = measured[measured.length - 1];
	const baseline = value(first);
	const lowerIsBetter = measure.direction === 'lower';
	const better = (v: number) => courseEffect(numbers, baseline, v, lowerIsBetter);
	const threshold = { points: measure.mcidPoints ?? NaN, percent: measure.mcidPercent ?? NaN };
	const needed = neededImprovement(numbers, baseline, threshold);
	const responded = measured.slice(1).find((s) => responds(numbers, better(value(s)), baseline, threshold));
	return {
		measure: measure.measure,
		baseline,
		latest: value(last),
		baselineSession: first.number,
		latestSession: last.number,
		change: value(last) - baseline,
		improvement: better(value(last)),
		needed: Number.isFinite(needed) ? needed : null,
		respondedAtSession: responded?.number ?? null,
		sessionsToResponse: responded ? responded.number - 1 : null
	};
}

export interface Gap {
	from: string;
	to: string;
	days: number;
}

export interface AttendanceSummary {
	sessions: number;
	firstDate: string | null;
	lastDate: string | null;
	/** (sessions − 1) × 30 / days from first to last dated session, as on the dashboard. */
	perMonth: number | null;
	/** Gaps longer than this many days between consecutive sessions are flagged. */
	gaps: Gap[];
	/** Techniques with the number of sessions each was used in, most used first. */
	techniques: { technique: string; sessions: number }[];
}

export const LONG_GAP_DAYS = 30;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

export function summariseAttendance(course: ClientCourse): AttendanceSummary {
	const dates = course.sessions.map((s) => s.date).filter((d): d is string => d !== null);
	const first = dates[0] ?? null;
	const last = dates[dates.length - 1] ?? null;
	const span = first && last ? dayNumber(last) - dayNumber(first) : 0;
	const gaps: Gap[] = [];
	for (let i = 1; i < dates.length; i++) {
		const days = dayNumber(dates[i]) - dayNumber(dates[i - 1]);
		if (days > LONG_GAP_DAYS) gaps.push({ from: dates[i - 1], to: dates[i], days });
	}
	const counts = new Map<string, number>();
	for (const s of course.sessions) for (const t of s.techniques) counts.set(t, (counts.get(t) ?? 0) + 1);
	return {
		sessions: course.sessions.length,
		firstDate: first,
		lastDate: last,
		perMonth: first && last && span > 0 ? sessionsAMonth(numbers, dates.length, dayNumber(first), dayNumber(last)) : null,
		gaps,
		techniques: [...counts]
			.map(([technique, sessions]) => ({ technique, sessions }))
			.sort((a, b) => b.sessions - a.sessions || a.technique.localeCompare(b.technique))
	};
}
