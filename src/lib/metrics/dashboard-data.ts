/** Everything the dashboard draws for one set of filters: what a filter change recomputes. */
import type { Database } from '../db/database';
import type { Filters } from './filters';
import { headline } from './overview';
import { effectSummaries } from './effects';
import { courseEffectByBand } from './frequency-bands';
import { retentionByGroup } from './retention';
import { measureInfo } from './measure-info';
import { painByTechniqueAndCondition, romByTechniqueAndMovement } from './within-session';
import { frequencyByTechniqueAndCondition } from './session-frequency';
import { contrastsOf } from './contrasts';
import { caseMixOf } from './case-mix-data';

export async function dashboardData(db: Database, filters: Filters) {
	const [measure, figures, immediate, course, bands, pain, rom, frequency, retention, caseMix] = await Promise.all([
		measureInfo(db, filters.measure),
		headline(db, filters),
		effectSummaries(db, 'immediate', filters),
		effectSummaries(db, 'course', filters),
		courseEffectByBand(db, filters),
		painByTechniqueAndCondition(db, filters),
		romByTechniqueAndMovement(db, filters),
		frequencyByTechniqueAndCondition(db, filters),
		retentionByGroup(db, filters),
		caseMixOf(db, filters)
	]);
	const contrasts = {
		immediate: contrastsOf('immediate', immediate, filters.reference, filters.minClients),
		course: contrastsOf('course', course, filters.reference, filters.minClients)
	};
	return { measure, figures, immediate, course, contrasts, caseMix, bands, pain, rom, frequency, retention };
}

export type DashboardData = Awaited<ReturnType<typeof dashboardData>>;
