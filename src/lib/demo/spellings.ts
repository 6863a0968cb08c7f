import type { Random } from './random';
import type { DemoCondition, DemoTechnique } from './effects';

/** How therapists actually type labels: the demo's export uses these now and then, as real ones do. */
const TECHNIQUE_SPELLINGS: Partial<Record<DemoTechnique, string[]>> = {
	'Palpation release': ['Trigger point therapy', 'TrP', 'NMT', 'ischemic compression'],
	'Positional release': ['Strain-counterstrain', 'SCS', 'positional release technique'],
	'PNF stretching': ['PNF', 'P.N.F.', 'contract-relax'],
	'Sports massage': ['sports massage'],
	'Swedish massage': ['Swedish']
};

const CONDITION_SPELLINGS: Partial<Record<DemoCondition, string[]>> = {
	'Lower back pain': ['LBP', 'low back pain', 'Lower back pain '],
	Headaches: ['tension headache', 'Headache'],
	'Neck pain': ['neck pain', 'Cervicalgia'],
	'Carpal tunnel': ['CTS', 'carpal tunnel syndrome'],
	'Jaw pain': ['TMJ'],
	Tendonitis: ['tendinopathy']
};

const VARIANT_CHANCE = 0.15;

function written<T extends string>(rng: Random, label: T, spellings: Partial<Record<T, string[]>>): string {
	const variants = spellings[label];
	return variants && rng.chance(VARIANT_CHANCE) ? rng.pick(variants) : label;
}

export const writtenTechnique = (rng: Random, t: DemoTechnique) => written(rng, t, TECHNIQUE_SPELLINGS);
export const writtenCondition = (rng: Random, c: DemoCondition) => written(rng, c, CONDITION_SPELLINGS);
