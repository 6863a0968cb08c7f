/** Canonical technique names and the spellings real exports use (docs/domain.md). */
export const POSITIONAL_RELEASE = 'Positional release';
export const PALPATION_RELEASE = 'Palpation release';
export const PNF_STRETCHING = 'PNF stretching';
export const SPORTS_MASSAGE = 'Sports massage';
export const DEEP_TISSUE_MASSAGE = 'Deep tissue massage';
export const SWEDISH_MASSAGE = 'Swedish massage';
export const SHAM = 'Sham / control';

export const TECHNIQUE_SYNONYMS: Record<string, string[]> = {
	[POSITIONAL_RELEASE]: ['strain-counterstrain', 'strain counterstrain', 'scs', 'positional release technique', 'prt'],
	[PALPATION_RELEASE]: [
		'trigger point therapy',
		'trigger point',
		'trigger points',
		'trp',
		'ischemic compression',
		'ischaemic compression',
		'neuromuscular technique',
		'nmt',
		'palpation release technique'
	],
	[PNF_STRETCHING]: [
		'pnf',
		'p.n.f.',
		'p.n.f',
		'proprioceptive neuromuscular facilitation',
		'contract-relax',
		'contract relax',
		'hold-relax',
		'hold relax',
		'pnf stretch'
	],
	[SPORTS_MASSAGE]: [],
	[DEEP_TISSUE_MASSAGE]: ['deep tissue', 'deep-tissue massage'],
	[SWEDISH_MASSAGE]: ['swedish'],
	[SHAM]: ['sham', 'control', 'placebo', 'sham/control']
};

/** The three neuromuscular techniques the product is about, in display order. */
export const NEUROMUSCULAR_TECHNIQUES = [PALPATION_RELEASE, POSITIONAL_RELEASE, PNF_STRETCHING];

/** Short marks for charts where a full name does not fit (a session's techniques under its point). */
const TECHNIQUE_CODES: Record<string, string> = {
	[POSITIONAL_RELEASE]: 'PR',
	[PALPATION_RELEASE]: 'PAL',
	[PNF_STRETCHING]: 'PNF',
	[SPORTS_MASSAGE]: 'SPM',
	[DEEP_TISSUE_MASSAGE]: 'DT',
	[SWEDISH_MASSAGE]: 'SW',
	[SHAM]: 'SH'
};

/** A technique's short mark; an unknown technique gets the initials of its words (up to 3). */
export function techniqueCode(technique: string): string {
	return (
		TECHNIQUE_CODES[technique] ??
		technique
			.split(/[\s/-]+/)
			.filter(Boolean)
			.slice(0, 3)
			.map((w) => w[0].toUpperCase())
			.join('')
	);
}
