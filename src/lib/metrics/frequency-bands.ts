/**
 * The owners' question: do clients who come 2–4 times a month do better than those below or above?
 * Each client's course effect, grouped by the band their sessions a month fall in.
 */
import type { Database } from '../db/database';
import {
	MOMENT_SUMS,
	thresholdsCte,
	clientEffectSql,
	momentsOf,
	responderSql,
	summariseEffects,
	type EffectRow,
	type EffectSummary
} from './effects';
import type { Filters } from './filters';
import { clientFrequencySql } from './session-frequency';
import { sql } from '../definitions/arithmetic';
import { FREQUENCY_BANDS, frequencyBand } from '../definitions/attendance';

const BAND_NAMES_SQL = `[${FREQUENCY_BANDS.map((b) => `'${b}'`).join(', ')}]`;

export async function courseEffectByBand(db: Database, filters: Filters): Promise<EffectSummary[]> {
	// Bands are compared over all groups together: one row per band.
	const course = clientEffectSql('course', { ...filters, by: 'technique' });
	const frequency = clientFrequencySql(filters);
	const thresholds = thresholdsCte(filters);
	const rows = await db.query<Parameters<typeof momentsOf<EffectRow>>[0]>(
		`WITH course AS (${course.sql}), frequency AS (${frequency.sql}), ${thresholds.sql}
		 SELECT ${BAND_NAMES_SQL}[(${frequencyBand(sql, 'f.per_month')})::INTEGER + 1] AS "group",
		        'All conditions' AS condition, count(*)::INTEGER AS clients, sum(c.sessions)::INTEGER AS sessions,
		        avg(c.value) AS mean, stddev_samp(c.value) AS sd, quantile_cont(c.value, 0.25) AS q1,
		        median(c.value) AS median, quantile_cont(c.value, 0.75) AS q3,
		        count(*) FILTER (WHERE ${responderSql('c.value', 'c.baseline')})::INTEGER AS responders, ${MOMENT_SUMS('c.baseline', 'c.value')}
		 FROM course c JOIN frequency f USING (dataset_id, client_id), t
		 WHERE f.per_month IS NOT NULL
		 GROUP BY 1`,
		[...course.params, ...frequency.params, ...thresholds.params]
	);
	const ordered = FREQUENCY_BANDS.flatMap((band) => rows.filter((r) => r.group === band).map(momentsOf));
	return summariseEffects(ordered, filters.minClients);
}
