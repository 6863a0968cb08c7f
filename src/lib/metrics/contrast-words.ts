/** The baseline-adjusted model of a contrast, written out in words for the page, the report and the methods. */
import type { Contrasts } from './contrasts';
import type { GroupBy } from './filters';
import type { MeasureInfo } from './measure-info';

const GROUP_WORDS: Record<GroupBy, string> = { technique: 'main technique', therapist: 'therapist', clinic: 'clinic' };

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

export function modelWords(c: Contrasts, measure: Pick<MeasureInfo, 'label'>, by: GroupBy): string {
	const group = GROUP_WORDS[by];
	if (!c.model) return 'No adjusted difference: too few clients to fit a model adjusted for baseline.';
	const m = c.model;
	const outcome =
		c.effect === 'course'
			? `each client’s latest ${measure.label} before a session modelled on their first (baseline)`
			: `each client’s mean ${measure.label} after a session modelled on their mean before it`;
	const terms = [group, ...(m.strata.length ? ['condition'] : [])];
	const aliased = m.aliased.length
		? ` ${list(m.aliased)} could not be adjusted: nothing else in the data shares ${m.aliased.length === 1 ? 'its' : 'their'} conditions.`
		: '';
	return `Adjusted (ANCOVA): ${outcome}, their ${list(terms)}, by least squares over ${m.n.toLocaleString('en')} clients (slope ${m.slope.estimate.toFixed(2)}, R² ${m.rSquared.toFixed(2)}); the adjusted difference is the ${group}’s term.${aliased}`;
}
