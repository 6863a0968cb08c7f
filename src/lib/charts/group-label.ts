import type { GroupBy } from '../metrics/filters';

/** What a chart's groups are called: the technique word the chart uses, or therapist, or clinic. */
export function groupLabel(by: GroupBy, technique: string): string {
	return by === 'technique' ? technique : by === 'therapist' ? 'Therapist' : 'Clinic';
}
