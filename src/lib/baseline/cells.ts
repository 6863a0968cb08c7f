/**
 * Table 1's cells as the page writes them: means and SDs to 2 places when a row's values are under 100
 * in size, else to 1; counts with thousands separators; percentages whole.
 */
import { count, fixed, percent } from '../format/numbers';

/** Places for a row, from its central values (means or medians) over the groups shown. */
export function placesFor(centres: readonly (number | null)[]): number {
	return centres.every((c) => c === null || Math.abs(c) < 100) ? 2 : 1;
}

/** "43.00 (11.83)"; the SD is "–" for a single client. */
export function meanSd(mean: number | null, sd: number | null, places: number): string | null {
	const m = fixed(mean, places);
	return m === null ? null : `${m} (${fixed(sd, places) ?? '–'})`;
}

/** "2.50 (1.25 to 4.50)": the median and the quartiles (linear interpolation, as numpy's default). */
export function medianIqr(median: number | null, q1: number | null, q3: number | null, places: number): string | null {
	const m = fixed(median, places);
	return m === null ? null : `${m} (${fixed(q1, places)} to ${fixed(q3, places)})`;
}

/** "4 (67%)" of the group's clients with a value; "0" when none has one. */
export function countPercent(clients: number, withValue: number): string {
	return withValue === 0 ? count(clients) : `${count(clients)} (${percent(clients / withValue)})`;
}
