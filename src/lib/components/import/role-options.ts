import type { RoleKind } from '../../ingest/plan';

export const ROLE_LABELS: Record<RoleKind, string> = {
	client: 'Client id',
	date: 'Session date',
	visit: 'Visit / session number',
	timepoint: 'Timepoint (pre/post, baseline/follow-up…)',
	clinic: 'Clinic',
	therapist: 'Therapist',
	technique: 'Technique(s)',
	condition: 'Condition',
	duration: 'Session length (min)',
	measure: 'Outcome measure',
	'measure name': 'Measure name (long format) or movement',
	'measure value': 'Measure value (long format)',
	extra: 'Keep as extra attribute',
	ignore: 'Do not import'
};

export const ROLE_KINDS = Object.keys(ROLE_LABELS) as RoleKind[];
