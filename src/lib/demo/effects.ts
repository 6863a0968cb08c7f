/**
 * Every effect the demo clinic builds in, in one place, so tests can check the dashboard recovers them.
 * Pain in NPRS points (0–10, lower is better); range of motion in degrees (mouth opening in mm).
 */
import { PALPATION_RELEASE, PNF_STRETCHING, POSITIONAL_RELEASE, SPORTS_MASSAGE, SWEDISH_MASSAGE } from '../domain/techniques';

export const DEMO_TECHNIQUES = [PALPATION_RELEASE, POSITIONAL_RELEASE, PNF_STRETCHING, SPORTS_MASSAGE, SWEDISH_MASSAGE] as const;
export type DemoTechnique = (typeof DEMO_TECHNIQUES)[number];

/** How often each technique is a client's main technique. */
export const TECHNIQUE_SHARE: Record<DemoTechnique, number> = {
	[PALPATION_RELEASE]: 25,
	[POSITIONAL_RELEASE]: 22,
	[PNF_STRETCHING]: 22,
	[SPORTS_MASSAGE]: 18,
	[SWEDISH_MASSAGE]: 13
};

export const CONDITION_SHARE = {
	'Lower back pain': 20,
	'Neck pain': 12,
	Headaches: 10,
	'Shoulder pain': 9,
	Sciatica: 8,
	'Knee pain': 8,
	'Hip pain': 7,
	'Upper back pain': 6,
	'Plantar fasciitis': 5,
	Tendonitis: 5,
	'Carpal tunnel': 4,
	'Jaw pain': 3,
	Cramps: 3
} as const;
export type DemoCondition = keyof typeof CONDITION_SHARE;

/** The movement a clinic measures for each condition, and its typical impaired baseline (mean, sd). */
export const MOVEMENT_FOR_CONDITION: Record<DemoCondition, string> = {
	'Lower back pain': 'lumbar_flexion',
	'Upper back pain': 'thoracic_rotation',
	'Neck pain': 'cervical_rotation',
	Headaches: 'cervical_rotation',
	Sciatica: 'hip_flexion',
	'Hip pain': 'hip_flexion',
	'Knee pain': 'knee_flexion',
	'Carpal tunnel': 'wrist_extension',
	'Plantar fasciitis': 'ankle_dorsiflexion',
	Cramps: 'ankle_dorsiflexion',
	Tendonitis: 'ankle_dorsiflexion',
	'Jaw pain': 'mouth_opening',
	'Shoulder pain': 'shoulder_abduction'
};

export const MOVEMENT_BASELINE: Record<string, { mean: number; sd: number }> = {
	lumbar_flexion: { mean: 40, sd: 6 },
	thoracic_rotation: { mean: 32, sd: 5 },
	cervical_rotation: { mean: 60, sd: 7 },
	hip_flexion: { mean: 95, sd: 8 },
	knee_flexion: { mean: 110, sd: 10 },
	wrist_extension: { mean: 50, sd: 7 },
	ankle_dorsiflexion: { mean: 10, sd: 3 },
	mouth_opening: { mean: 33, sd: 4 },
	shoulder_abduction: { mean: 130, sd: 15 }
};

/** Small joints move less: a technique's ROM gain is scaled by this for each movement. */
export const MOVEMENT_GAIN_SCALE: Record<string, number> = {
	ankle_dorsiflexion: 0.4,
	wrist_extension: 0.8,
	mouth_opening: 0.6,
	thoracic_rotation: 0.8
};

/** Mean immediate pain relief within one session (before − after), in points. */
export const PAIN_RELIEF: Record<DemoTechnique, number> = {
	[PALPATION_RELEASE]: 1.8,
	[POSITIONAL_RELEASE]: 1.6,
	[PNF_STRETCHING]: 1.2,
	[SPORTS_MASSAGE]: 1.0,
	[SWEDISH_MASSAGE]: 0.6
};

/** Extra relief where a technique suits a condition, in points. */
export const PAIN_RELIEF_FOR_CONDITION: Partial<Record<DemoTechnique, Partial<Record<DemoCondition, number>>>> = {
	[PALPATION_RELEASE]: { Headaches: 1.0, 'Jaw pain': 0.8, 'Neck pain': 0.5, 'Upper back pain': 0.4 },
	[POSITIONAL_RELEASE]: { Sciatica: 1.0, 'Lower back pain': 0.7, 'Hip pain': 0.4, 'Plantar fasciitis': 0.3 },
	[PNF_STRETCHING]: { Cramps: 0.8, 'Knee pain': 0.5, 'Hip pain': 0.5, Tendonitis: 0.3 },
	[SPORTS_MASSAGE]: { Cramps: 0.5 },
	[SWEDISH_MASSAGE]: { Headaches: 0.3 }
};

/** Mean immediate range-of-motion gain within one session (after − before), in degrees, before scaling. */
export const ROM_GAIN: Record<DemoTechnique, number> = {
	[PALPATION_RELEASE]: 3.5,
	[POSITIONAL_RELEASE]: 4.5,
	[PNF_STRETCHING]: 7,
	[SPORTS_MASSAGE]: 3,
	[SWEDISH_MASSAGE]: 1.5
};

export const ROM_GAIN_FOR_CONDITION: Partial<Record<DemoTechnique, Partial<Record<DemoCondition, number>>>> = {
	[PNF_STRETCHING]: { 'Hip pain': 3, 'Knee pain': 3, 'Shoulder pain': 2 },
	[POSITIONAL_RELEASE]: { Sciatica: 2 }
};

/** A second technique in the same session adds this share of its own effect. */
export const SECOND_TECHNIQUE_SHARE = 0.3;
export const SECOND_TECHNIQUE_CHANCE = 0.15;

export type FrequencyBand = 'under 2' | '2–4' | 'over 4';

/**
 * How a client attends: days between sessions. The band is what the pattern gives per 30 days:
 * weekly ≈ 4.3, fortnightly-ish 2–3.75, sparse under 2.
 */
export const ATTENDANCE = {
	once: { share: 10, gapDays: [0, 0], band: null },
	weekly: { share: 15, gapDays: [6, 8], band: 'over 4' },
	regular: { share: 55, gapDays: [8, 15], band: '2–4' },
	sparse: { share: 20, gapDays: [18, 40], band: 'under 2' }
} as const satisfies Record<string, { share: number; gapDays: readonly [number, number]; band: FrequencyBand | null }>;
export type AttendancePattern = keyof typeof ATTENDANCE;

/** Share of clients who stop after their second session. */
export const DROPOUT_AFTER_TWO = 0.15;

/**
 * Course effect: the pain a client brings to each session falls over the course, towards
 * COURSE_RELIEF_FACTOR × immediate relief × the band's factor. Clients in the 2–4-a-month band do best.
 */
export const COURSE_RELIEF_FACTOR = 1.4;
export const COURSE_FACTOR_BY_BAND: Record<FrequencyBand, number> = {
	'under 2': 0.4,
	'2–4': 1.0,
	'over 4': 0.8
};
/** Sessions for the course effect to reach about 63% of its size. */
export const COURSE_SESSIONS_TO_EFFECT = 2.5;

export function painRelief(technique: DemoTechnique, condition: DemoCondition): number {
	return PAIN_RELIEF[technique] + (PAIN_RELIEF_FOR_CONDITION[technique]?.[condition] ?? 0);
}

export function romGain(technique: DemoTechnique, condition: DemoCondition): number {
	const movement = MOVEMENT_FOR_CONDITION[condition];
	const gain = ROM_GAIN[technique] + (ROM_GAIN_FOR_CONDITION[technique]?.[condition] ?? 0);
	return gain * (MOVEMENT_GAIN_SCALE[movement] ?? 1);
}

/** Noise around the effects. */
export const PAIN_NOISE_SD = 0.7;
export const ROM_NOISE_SD = 2;
/** Share of sessions where the therapist measured range of motion, and where pain after was not recorded. */
export const ROM_MEASURED_CHANCE = 0.7;
export const PAIN_AFTER_MISSING_CHANCE = 0.03;

/**
 * Case mix: what each client brings (age, sex, how long the complaint has lasted), drawn from a stream of its
 * own so that adding it left the rest of the clinic as it was. Two therapists take chronic-pain referrals, so
 * their raw course effects look worse than their care is; one therapist does better than their case mix predicts.
 */
export const CHRONIC_AFTER_WEEKS = 12;
export const CHRONIC_SHARE = 0.25;
export const CHRONIC_SHARE_BY_THERAPIST: Record<string, number> = { 'Clara Lindqvist': 0.75, 'Hugo Martin': 0.65 };
/** Chronic complaints start this much higher on the pain scale, and improve by this share of the usual course. */
export const CHRONIC_BASELINE_PAIN = 0.8;
export const CHRONIC_COURSE_FACTOR = 0.45;
/** Course improvement beyond case mix, by therapist. */
export const THERAPIST_COURSE_FACTOR: Record<string, number> = { 'Dev Patel': 1.5 };
export const FEMALE_SHARE = 0.62;
export const AGE = { mean: 44, sd: 13, min: 18, max: 85 };
