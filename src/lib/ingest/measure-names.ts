/**
 * The measure-name column and the measures its values name. In a long file it names the measure of the
 * value column ("knee flexion", "pain"); beside generic range-of-motion columns (rom_movement = Hip
 * flexion next to rom_pre, rom_post) it names the movement each row measured, so that the stored
 * measurements say hip_flexion and the charts "Hip flexion", not "Range of motion".
 */
import { DEFAULT_MEASURES } from '../domain/measures';
import { isMissing } from './sniff';
import { headerWords } from './header-words';
import { knownMeasure, measureKey, newMeasure } from './guess-roles';
import type { ImportPlan, MeasureDeclaration } from './plan';

/** The generic range-of-motion measure (rom_pre, "ROM after"), which a movement column makes specific. */
export const GENERIC_ROM = 'rom';

/** The plan has a measure-name column naming its generic range-of-motion columns (no value column: not long format). */
export function namesMovements(plan: Pick<ImportPlan, 'columns'>): boolean {
	const kinds = new Set(plan.columns.map((c) => c.role.kind));
	return (
		kinds.has('measure name') &&
		!kinds.has('measure value') &&
		plan.columns.some((c) => c.role.kind === 'measure' && c.role.measure === GENERIC_ROM)
	);
}

const ROM_MEASURES = DEFAULT_MEASURES.filter((m) => m.kind === 'rom');
const squeezed = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * A movement as a measure: one we know whatever its case and spacing ("hip  Flexion", "HIP_FLEXION"),
 * otherwise a new range-of-motion measure named as written, in degrees, higher is better.
 */
export function movementMeasure(name: string): MeasureDeclaration {
	const written = name.trim();
	const known = ROM_MEASURES.find((m) => squeezed(m.measure) === squeezed(written) || squeezed(m.label) === squeezed(written));
	if (known) return { ...known };
	const generic = newMeasure(GENERIC_ROM, '', '°');
	return { ...generic, measure: measureKey(headerWords(written)), label: written, scaleMin: null, scaleMax: null };
}

/** A long file's measure name as a measure: one we know from its words, else a new one named as written. */
function longMeasure(name: string): MeasureDeclaration {
	const words = headerWords(name);
	const key = knownMeasure(words, null, false) ?? measureKey(words);
	return newMeasure(key, name, '');
}

/**
 * Maps every value of the name column not mapped yet to a measure key, and declares the measures it
 * names that the plan does not have. Changes `plan` in place.
 */
export function nameMeasures(plan: Pick<ImportPlan, 'columns' | 'measureNames' | 'measures'>, values: Iterable<string>): void {
	const movements = namesMovements(plan);
	for (const raw of values) {
		const value = raw.trim();
		if (isMissing(value)) continue;
		const guessed = value in plan.measureNames ? null : movements ? movementMeasure(value) : longMeasure(value);
		const key = (plan.measureNames[value] ??= guessed!.measure);
		if (!plan.measures.some((m) => m.measure === key)) plan.measures.push(guessed ?? newMeasure(key, value, ''));
	}
}

/** The measures the import will store: those of measure columns and those the name column names. */
export function measuresInUse(plan: Pick<ImportPlan, 'columns' | 'measureNames' | 'measures'>): MeasureDeclaration[] {
	const named = new Set(plan.columns.some((c) => c.role.kind === 'measure name') ? Object.values(plan.measureNames) : []);
	const movements = namesMovements(plan);
	const columns = new Set(
		plan.columns.flatMap((c) => (c.role.kind === 'measure' && !(movements && c.role.measure === GENERIC_ROM) ? [c.role.measure] : []))
	);
	return plan.measures.filter((m) => named.has(m.measure) || columns.has(m.measure));
}
