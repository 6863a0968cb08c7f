/**
 * One measure's effects from the cube, for what the filters keep: the two effects per group and condition,
 * the course by frequency band, and the headline figures. Effect indexes (effect-index.ts) are built on
 * first use and kept with their units.
 */
import { oncePer, WithinBudget } from './caches';
import type { Cube, CubeMeasure } from './load-cube';
import type { Units } from './units';
import type { Filters } from '../metrics/filters';
import { summariseEffects, type EffectRow } from '../metrics/effects';
import { numbers } from '../definitions/arithmetic';
import { FREQUENCY_BANDS, frequencyBand } from '../definitions/attendance';
import { groupOf } from './client-effects';
import { effectRows, gather, thresholdFor } from './group-stats';
import { buildEffectIndex, keptBy, type EffectIndex, type Kept } from './effect-index';
import type { Selection } from './date-range';
import { painFromImmediate } from './within-session';
import { quantile } from './quantiles';
import { byString } from '../format/text-order';

/** Indexes kept per set of units, as measure entries: about 30 bytes each, so some 100 MB at most. */
const INDEX_ENTRIES_KEPT = 3_000_000;

const indexesOf = oncePer((_: Units) => new WithinBudget<EffectIndex>(INDEX_ENTRIES_KEPT, (index) => index.entries.length));

/** The effect index of a measure under a grouping, built on first use and kept with its units for the next filter change. */
export function effectIndex(units: Units, by: string, groups: Int32Array, measure: number, lower: boolean): EffectIndex {
	return indexesOf(units).get(`${by} ${measure}`, () => buildEffectIndex(units, measure, groups, lower));
}

/** The client-groups of an index (grouped `by`) that the selection keeps. */
export function keptFor(cube: Cube, kept: Selection, index: EffectIndex, by: Filters['by'], lower: boolean): Kept {
	const cut = kept.cut && { units: kept.cut, groups: groupOf(cube, kept.cut, by).codes };
	return keptBy(kept.units, index, kept.mask, lower, cut);
}

/** One measure's two effects per group and condition, by frequency band, and the headline figures. */
export function measureEffects(
	cube: Cube,
	kept: Selection & { perMonth: Float64Array },
	filters: Filters,
	code: number,
	measure: CubeMeasure
) {
	const group = groupOf(cube, kept.units, filters.by);
	const threshold = thresholdFor(measure, filters);
	const lower = measure.direction === 'lower';
	const index = effectIndex(kept.units, filters.by, group.codes, code, lower);
	const names = (b: number): [string, string] => [group.names[index.buckets[b].group], cube.names.condition[index.buckets[b].condition]];
	const order = (rows: EffectRow[]) => rows.sort((a, b) => byString(a.condition, b.condition) || byString(a.group, b.group));
	const whole = keptFor(cube, kept, index, filters.by, lower);
	const immediateGroups = gather(whole, 'immediate', null);
	const courseGroups = gather(whole, 'course', threshold);
	// Bands are compared over all groups together, each client's course by main technique.
	const bandIndex = filters.by === 'technique' ? index : effectIndex(kept.units, 'technique', kept.units.technique, code, lower);
	const bandKept = bandIndex === index ? whole : keptFor(cube, kept, bandIndex, 'technique', lower);
	const bandOf = new Int32Array(bandIndex.count);
	const room = new Int32Array(FREQUENCY_BANDS.length);
	for (let x = 0; x < bandIndex.count; x++) {
		const rate = kept.perMonth[bandIndex.client[x]];
		const band = frequencyBand(numbers, rate);
		bandOf[x] = band === band ? band : -1;
		if (bandOf[x] >= 0) room[bandOf[x]]++;
	}
	const bandGroups = gather(bandKept, 'course', threshold, bandOf, room);
	return {
		immediate: summariseEffects(order(effectRows(immediateGroups, names, false)), filters.minClients),
		course: summariseEffects(order(effectRows(courseGroups, names, true)), filters.minClients),
		bands: summariseEffects(
			effectRows(bandGroups, (b) => [FREQUENCY_BANDS[b], 'All conditions'], true),
			filters.minClients
		),
		figures: {
			medianImmediate: immediateGroups.all.length ? quantile(immediateGroups.all, 0.5) : null,
			immediateClients: immediateGroups.clients,
			medianCourse: courseGroups.all.length ? quantile(courseGroups.all, 0.5) : null,
			courseClients: courseGroups.clients,
			responders: courseGroups.respondingClients
		},
		painChart: () =>
			painFromImmediate(
				immediateGroups,
				index.buckets.map((_, b) => names(b)),
				measure.unit
			)
	};
}
