/**
 * How often and how long a client attends, from their dated sessions (days are day numbers or SQL dates):
 * sessions a month, the frequency band (docs/domain.md: 2–4 a month), and retention at 4, 8 and 12 weeks.
 */
import type { Arithmetic } from './arithmetic';

/** (sessions − 1) × 30 / days from the first visit to the last, so weekly visits give about 4.3; missing with one visit or all on one day. */
export const sessionsAMonth = <N, B>(a: Arithmetic<N, B>, sessions: N, firstDay: N, lastDay: N): N =>
	a.when(
		a.above(lastDay, firstDay),
		a.over(a.times(a.minus(sessions, a.number(1)), a.number(30)), a.minus(lastDay, firstDay)),
		a.number(NaN)
	);

export const FREQUENCY_BAND = { low: 2, high: 4 } as const;

export const belowBand = <N, B>(a: Arithmetic<N, B>, perMonth: N): B => a.below(perMonth, a.number(FREQUENCY_BAND.low));
export const inBand = <N, B>(a: Arithmetic<N, B>, perMonth: N): B =>
	a.and(a.atLeast(perMonth, a.number(FREQUENCY_BAND.low)), a.atLeast(a.number(FREQUENCY_BAND.high), perMonth));
export const aboveBand = <N, B>(a: Arithmetic<N, B>, perMonth: N): B => a.above(perMonth, a.number(FREQUENCY_BAND.high));

export const RETENTION_WEEKS = [4, 8, 12] as const;

/** Could have been seen for `weeks`: their first visit at least that long before the last date in the data. */
export const followable = <N, B>(a: Arithmetic<N, B>, firstDay: N, dataEnd: N, weeks: number): B =>
	a.atLeast(a.minus(dataEnd, firstDay), a.number(weeks * 7));

/** Still attending after `weeks`: a visit that long after their first, or longer. */
export const stillAttending = <N, B>(a: Arithmetic<N, B>, firstDay: N, lastDay: N, weeks: number): B =>
	a.atLeast(a.minus(lastDay, firstDay), a.number(weeks * 7));

export const FREQUENCY_BANDS = [
	`under ${FREQUENCY_BAND.low}`,
	`${FREQUENCY_BAND.low}–${FREQUENCY_BAND.high}`,
	`over ${FREQUENCY_BAND.high}`
] as const;

/** The band's index in FREQUENCY_BANDS (0 under, 1 within, 2 over); missing without a rate. */
export const frequencyBand = <N, B>(a: Arithmetic<N, B>, perMonth: N): N =>
	a.when(
		a.known(perMonth),
		a.when(belowBand(a, perMonth), a.number(0), a.when(aboveBand(a, perMonth), a.number(2), a.number(1))),
		a.number(NaN)
	);
