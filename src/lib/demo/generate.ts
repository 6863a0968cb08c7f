import { Random } from './random';
import {
	AGE,
	ATTENDANCE,
	CHRONIC_AFTER_WEEKS,
	CHRONIC_BASELINE_PAIN,
	CHRONIC_COURSE_FACTOR,
	CHRONIC_SHARE,
	CHRONIC_SHARE_BY_THERAPIST,
	FEMALE_SHARE,
	THERAPIST_COURSE_FACTOR,
	CONDITION_SHARE,
	COURSE_FACTOR_BY_BAND,
	COURSE_RELIEF_FACTOR,
	COURSE_SESSIONS_TO_EFFECT,
	DEMO_TECHNIQUES,
	DROPOUT_AFTER_TWO,
	MOVEMENT_BASELINE,
	MOVEMENT_FOR_CONDITION,
	PAIN_AFTER_MISSING_CHANCE,
	PAIN_NOISE_SD,
	ROM_MEASURED_CHANCE,
	ROM_NOISE_SD,
	SECOND_TECHNIQUE_CHANCE,
	SECOND_TECHNIQUE_SHARE,
	TECHNIQUE_SHARE,
	painRelief,
	romGain,
	type AttendancePattern,
	type DemoCondition,
	type DemoTechnique
} from './effects';
import { writtenCondition, writtenTechnique } from './spellings';
import { DEFAULT_MEASURES } from '../domain/measures';

/** One row of the demo clinic's export, as a clinic system would write it. */
export interface DemoSession {
	clientId: string;
	date: string;
	clinic: string;
	therapist: string;
	/** As the therapist typed it: sometimes an abbreviation or synonym. */
	condition: string;
	techniques: string;
	durationMin: number;
	painBefore: number;
	painAfter: number | null;
	movement: string;
	romBefore: number | null;
	romAfter: number | null;
	/** The client's, at their first visit: the case mix an adjusted comparison of therapists holds equal. */
	age: number;
	sex: 'F' | 'M';
	weeksSinceOnset: number;
}

export const DEMO_SEED = 20250101;
export const DEMO_YEAR = 2025;
export const DEMO_CLIENTS = 300;

export const CLINICS = ['Northside Clinic', 'Harbour Street', 'Riverside Sports'];
/** Therapists and the clinic each works at (index into CLINICS). */
export const THERAPISTS: [string, number][] = [
	['Amira Haddad', 0],
	['Ben Okafor', 0],
	['Clara Lindqvist', 0],
	['Dev Patel', 1],
	['Elena Rossi', 1],
	['Finn Murphy', 1],
	['Grace Chen', 2],
	['Hugo Martin', 2]
];

const DAY_MS = 86_400_000;
const half = (x: number) => Math.round(x * 2) / 2;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function isoDay(year: number, dayOfYear: number): string {
	return new Date(Date.UTC(year, 0, 1) + dayOfYear * DAY_MS).toISOString().slice(0, 10);
}

function plannedSessions(rng: Random, pattern: AttendancePattern): number {
	if (pattern === 'once') return 1;
	if (rng.chance(DROPOUT_AFTER_TWO)) return 2;
	return Math.min(16, 3 + Math.floor(-Math.log(1 - rng.next()) * 5));
}

interface ClientDetails {
	age: number;
	sex: 'F' | 'M';
	weeksSinceOnset: number;
}

function clientDetails(rng: Random, therapist: string): ClientDetails {
	const chronic = rng.chance(CHRONIC_SHARE_BY_THERAPIST[therapist] ?? CHRONIC_SHARE);
	return {
		age: Math.round(clamp(rng.normal(AGE.mean, AGE.sd), AGE.min, AGE.max)),
		sex: rng.chance(FEMALE_SHARE) ? 'F' : 'M',
		weeksSinceOnset: chronic ? rng.integer(CHRONIC_AFTER_WEEKS + 1, 156) : rng.integer(1, CHRONIC_AFTER_WEEKS)
	};
}

function* clientCourse(rng: Random, detailRng: Random, clientId: string, year: number): Generator<DemoSession> {
	const [therapist, clinicIndex] = rng.pick(THERAPISTS);
	const details = clientDetails(detailRng, therapist);
	const chronic = details.weeksSinceOnset > CHRONIC_AFTER_WEEKS;
	const condition = rng.weighted(CONDITION_SHARE) as DemoCondition;
	const technique = rng.weighted(TECHNIQUE_SHARE) as DemoTechnique;
	const pattern = rng.weighted(
		Object.fromEntries(Object.entries(ATTENDANCE).map(([k, v]) => [k, v.share])) as Record<AttendancePattern, number>
	);
	const { gapDays, band } = ATTENDANCE[pattern];
	const courseFactor =
		(band ? COURSE_FACTOR_BY_BAND[band] : 0) * (chronic ? CHRONIC_COURSE_FACTOR : 1) * (THERAPIST_COURSE_FACTOR[therapist] ?? 1);
	const movement = MOVEMENT_FOR_CONDITION[condition];
	const baselinePain = clamp(rng.normal(6.2, 1.3) + (chronic ? CHRONIC_BASELINE_PAIN : 0), 2.5, 9.5);
	const { mean, sd } = MOVEMENT_BASELINE[movement];
	const baselineRom = rng.normal(mean, sd);
	// Goniometer readings stay within the joint's range.
	const scale = DEFAULT_MEASURES.find((m) => m.measure === movement)!;
	const [romMin, romMax] = [scale.scaleMin ?? -Infinity, scale.scaleMax ?? Infinity];
	const durationMin = rng.weighted({ '30': 20, '45': 35, '60': 45 });

	let day = rng.integer(0, 334);
	const sessions = plannedSessions(rng, pattern);
	for (let k = 0; k < sessions && day < 365; k++) {
		const second = rng.chance(SECOND_TECHNIQUE_CHANCE) ? rng.pick(DEMO_TECHNIQUES.filter((t) => t !== technique)) : null;
		const relief = painRelief(technique, condition) + (second ? SECOND_TECHNIQUE_SHARE * painRelief(second, condition) : 0);
		const gain = romGain(technique, condition) + (second ? SECOND_TECHNIQUE_SHARE * romGain(second, condition) : 0);
		const progress = courseFactor * COURSE_RELIEF_FACTOR * (1 - Math.exp(-k / COURSE_SESSIONS_TO_EFFECT));

		const painBefore = half(clamp(baselinePain - progress * painRelief(technique, condition) + rng.normal(0, 0.5), 0, 10));
		const painAfter = half(clamp(painBefore - relief + rng.normal(0, PAIN_NOISE_SD), 0, 10));
		const romMeasured = rng.chance(ROM_MEASURED_CHANCE);
		const romBefore = Math.round(clamp(baselineRom + progress * romGain(technique, condition) + rng.normal(0, 1.5), romMin, romMax));
		const romAfter = Math.round(clamp(romBefore + gain + rng.normal(0, ROM_NOISE_SD), romMin, romMax));

		yield {
			clientId,
			date: isoDay(year, day),
			clinic: CLINICS[clinicIndex],
			therapist,
			condition: writtenCondition(rng, condition),
			techniques: [technique, second]
				.filter((t): t is DemoTechnique => t !== null)
				.map((t) => writtenTechnique(rng, t))
				.join('; '),
			durationMin: Number(durationMin),
			painBefore,
			painAfter: rng.chance(PAIN_AFTER_MISSING_CHANCE) ? null : painAfter,
			movement,
			romBefore: romMeasured ? romBefore : null,
			romAfter: romMeasured ? romAfter : null,
			...details
		};
		day += rng.integer(gapDays[0], gapDays[1]);
	}
}

export interface DemoOptions {
	seed?: number;
	year?: number;
	/** Number of clients (default 300), or stop after this many session rows. */
	clients?: number;
	rows?: number;
}

/** The demo clinic's sessions, client by client, in date order within each client. Deterministic. */
export function* generateDemoSessions(options: DemoOptions = {}): Generator<DemoSession> {
	const seed = options.seed ?? DEMO_SEED;
	const rng = new Random(seed);
	const year = options.year ?? DEMO_YEAR;
	const rows = options.rows ?? Infinity;
	const clients = options.rows === undefined ? (options.clients ?? DEMO_CLIENTS) : Infinity;
	const idWidth = Math.max(4, String(Number.isFinite(clients) ? clients : Math.ceil(rows / 3)).length);
	let written = 0;
	for (let c = 1; c <= clients && written < rows; c++) {
		const clientId = `C${String(c).padStart(idWidth, '0')}`;
		for (const session of clientCourse(rng, new Random(seed * 31 + c), clientId, year)) {
			if (written >= rows) return;
			written++;
			yield session;
		}
	}
}
