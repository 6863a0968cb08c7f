/**
 * How an extra column (age, weight, gender, education…) is summarised in Table 1, decided from every
 * analysed client's baseline value of it, whatever the filters: a column keeps its form in any selection
 * (in a small one every number would otherwise be a category of its own, and a list of exact ages):
 * - a number when at least 9 in 10 of its values are numbers AND it has more than 10 distinct numbers,
 *   otherwise its values are categories: coded columns (gender 1/2/3, education 1–7) are categories;
 * - a number is shown as mean (SD), or as median (IQR) when its distribution is skewed (|sample skewness|
 *   ≥ 1), one choice for every group so that a row reads across.
 * In a numeric row a value that is not a number ("unknown") counts as missing.
 */
export type ExtraSummary = 'mean (SD)' | 'median (IQR)' | 'n (%)';

/** An extra column's baseline values over the analysed clients. */
export interface ExtraShape {
	/** Clients with a value. */
	values: number;
	/** Of which values that are (finite) numbers. */
	numbers: number;
	distinctNumbers: number;
	/** Sample skewness of the numbers (DuckDB `skewness`); null under 3 numbers. */
	skewness: number | null;
}

export const MORE_DISTINCT_THAN = 10;
export const SKEWED_FROM = 1;

export function isNumeric(shape: ExtraShape): boolean {
	// At least 9 in 10, in whole numbers (0.9 × n is not exact in floating point).
	return shape.values > 0 && shape.numbers * 10 >= shape.values * 9 && shape.distinctNumbers > MORE_DISTINCT_THAN;
}

export function extraSummary(shape: ExtraShape): ExtraSummary {
	if (!isNumeric(shape)) return 'n (%)';
	return shape.skewness !== null && Math.abs(shape.skewness) >= SKEWED_FROM ? 'median (IQR)' : 'mean (SD)';
}
