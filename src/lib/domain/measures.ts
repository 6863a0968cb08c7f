/** What a measure is and when a change in it matters. Defaults from docs/domain.md; the user may change them. */
export type Direction = 'lower' | 'higher';
export type MeasureKind = 'pain' | 'rom' | 'function' | 'other';

export interface Measure {
	measure: string;
	label: string;
	kind: MeasureKind;
	unit: string;
	scaleMin: number | null;
	scaleMax: number | null;
	/** Which way is better. */
	direction: Direction;
	/** Smallest change that matters, in the measure's unit. */
	mcidPoints: number | null;
	/** Or as a share of baseline (0.3 = 30%); a change meeting either counts. */
	mcidPercent: number | null;
	mcidSource: string;
}

const GONIOMETRY = 'Goniometric reliability studies: MDC95 about 2–5° within one rater, up to about 10° between raters';

function rom(measure: string, label: string, scaleMax: number, scaleMin = 0): Measure {
	return {
		measure,
		label,
		kind: 'rom',
		unit: '°',
		scaleMin,
		scaleMax,
		direction: 'higher',
		mcidPoints: 5,
		mcidPercent: null,
		mcidSource: GONIOMETRY
	};
}

export const DEFAULT_MEASURES: Measure[] = [
	{
		measure: 'pain_nprs',
		label: 'Pain (NPRS)',
		kind: 'pain',
		unit: 'points',
		scaleMin: 0,
		scaleMax: 10,
		direction: 'lower',
		mcidPoints: 2,
		mcidPercent: 0.3,
		mcidSource: 'Farrar et al. 2001, Pain 94:149–158'
	},
	{
		measure: 'pain_vas',
		label: 'Pain (VAS)',
		kind: 'pain',
		unit: 'mm',
		scaleMin: 0,
		scaleMax: 100,
		direction: 'lower',
		mcidPoints: null,
		mcidPercent: 0.3,
		mcidSource: 'IMMPACT, Dworkin et al. 2008, J Pain 9:105–121'
	},
	rom('hip_flexion', 'Hip flexion', 140),
	rom('knee_flexion', 'Knee flexion', 160),
	rom('cervical_rotation', 'Cervical rotation', 100),
	rom('wrist_extension', 'Wrist extension', 90),
	// A stiff ankle may not reach neutral: dorsiflexion is then negative.
	rom('ankle_dorsiflexion', 'Ankle dorsiflexion', 40, -20),
	rom('lumbar_flexion', 'Lumbar flexion', 90),
	rom('thoracic_rotation', 'Thoracic rotation', 60),
	rom('shoulder_abduction', 'Shoulder abduction', 180),
	{
		measure: 'mouth_opening',
		label: 'Mouth opening',
		kind: 'rom',
		unit: 'mm',
		scaleMin: 0,
		scaleMax: 70,
		direction: 'higher',
		mcidPoints: 6,
		mcidPercent: null,
		mcidSource: 'Kropmans et al. 1999, J Dent Res 78:784–789: smallest detectable difference about 6 mm'
	},
	{
		measure: 'psfs',
		label: 'PSFS',
		kind: 'function',
		unit: 'points',
		scaleMin: 0,
		scaleMax: 10,
		direction: 'higher',
		mcidPoints: 2,
		mcidPercent: null,
		mcidSource: 'JOSPT 2014;44(8):560–564'
	},
	{
		measure: 'odi',
		label: 'ODI',
		kind: 'function',
		unit: 'points',
		scaleMin: 0,
		scaleMax: 100,
		direction: 'lower',
		mcidPoints: 10,
		mcidPercent: null,
		mcidSource: 'JOSPT 2014;44(8):560–564'
	},
	{
		measure: 'ndi',
		label: 'NDI',
		kind: 'function',
		unit: '%',
		scaleMin: 0,
		scaleMax: 100,
		direction: 'lower',
		mcidPoints: 14,
		mcidPercent: null,
		mcidSource: 'JOSPT 2014;44(8):560–564'
	}
];

export function measureLabelWithUnit(m: Pick<Measure, 'label' | 'unit'>): string {
	return m.unit === 'points' ? m.label : `${m.label} (${m.unit})`;
}
