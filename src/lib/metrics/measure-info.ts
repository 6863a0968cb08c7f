import type { Database } from '../db/database';
import type { Direction } from '../domain/measures';

export interface MeasureInfo {
	measure: string;
	label: string;
	unit: string;
	direction: Direction;
	/** The scale's ends, when declared (pain 0–10). */
	scaleMin: number | null;
	scaleMax: number | null;
	mcidPoints: number | null;
	mcidPercent: number | null;
	mcidSource: string;
}

/** "2 points or 30% of baseline (Farrar et al. 2001)" */
export function thresholdText(m: MeasureInfo, points: number | null, percent: number | null): string {
	const p = points ?? m.mcidPoints;
	const pct = percent ?? m.mcidPercent;
	const parts = [
		p !== null ? `${p} ${m.unit === 'points' ? 'points' : m.unit}` : null,
		pct !== null ? `${Math.round(pct * 100)}% of baseline` : null
	].filter(Boolean);
	const source = points === null && percent === null ? ` (${m.mcidSource})` : ' (set by you)';
	return parts.length ? parts.join(' or ') + source : 'none declared';
}

/** The columns of `measures` that make a MeasureInfo, for a SELECT. A measure declared without a unit is in "units". */
export const MEASURE_INFO_COLUMNS = `measure, label, CASE WHEN coalesce(unit, '') = '' THEN 'units' ELSE unit END AS unit, direction, scale_min AS "scaleMin", scale_max AS "scaleMax",
	mcid_points AS "mcidPoints", mcid_percent AS "mcidPercent", coalesce(mcid_source, '') AS "mcidSource"`;

/** What is known of a measure nothing declared. */
export const unknownMeasure = (measure: string): MeasureInfo => ({
	measure,
	label: measure,
	unit: '',
	direction: 'higher',
	scaleMin: null,
	scaleMax: null,
	mcidPoints: null,
	mcidPercent: null,
	mcidSource: ''
});

/** A measure's label, unit, direction, scale and default meaningful change. */
export async function measureInfo(db: Database, measure: string): Promise<MeasureInfo> {
	const [row] = await db.query<MeasureInfo>(`SELECT ${MEASURE_INFO_COLUMNS} FROM measures WHERE measure = ?`, [measure]);
	return row ?? unknownMeasure(measure);
}
