import type { Encoding } from './decode';
import type { CsvDialect } from './sniff';
import type { DateFormat } from './dates';
import type { Measure } from '../domain/measures';
import type { IdentifierFinding } from './identifiers';

/** Whether a measure column holds the value before a session, after it, or one value at a visit. */
export type Timing = 'before' | 'after' | 'value';

/** What one column of the file is, in the canonical model. */
export type Role =
	| { kind: 'client' }
	| { kind: 'date' }
	/** Session number within a client's course (1, 2, 3… or V1, V2…). */
	| { kind: 'visit' }
	/** A timepoint (1/2, pre/post, baseline/follow-up): a visit, or before/after within a session, through the plan's timepoint map. */
	| { kind: 'timepoint' }
	| { kind: 'clinic' }
	| { kind: 'therapist' }
	| { kind: 'technique' }
	| { kind: 'condition' }
	| { kind: 'duration' }
	/** A measure's values; `visit` when columns are repeated timepoints (pain_t1, pain_t2…). */
	| { kind: 'measure'; measure: string; timing: Timing; visit?: number }
	/**
	 * The column naming the measure of each row: of the value column in a long file, or of the generic
	 * range-of-motion columns beside it (rom_movement = Hip flexion next to rom_pre, rom_post).
	 */
	| { kind: 'measure name' }
	/** Long format: the column with the value of the measure its row names. */
	| { kind: 'measure value' }
	/** Kept with the session as an extra attribute (age, sex…), for research views. */
	| { kind: 'extra' }
	| { kind: 'ignore' };

export type RoleKind = Role['kind'];

/** What happens to a column's values before anything is stored. */
export type Privacy = 'keep' | 'drop' | 'pseudonymise';

export interface ColumnPlan {
	/** 0-based position in the file. */
	index: number;
	header: string;
	role: Role;
	privacy: Privacy;
	identifier: IdentifierFinding | null;
	/** Coded values and their labels (group 1 → "Pain reprocessing therapy"). */
	labels: Record<string, string>;
}

/** A measure the file brings, declared by the user (or guessed): scale and direction. */
export type MeasureDeclaration = Measure;

/** How a visit/timepoint value maps onto the model: a visit number, or before/after within a session. */
export type TimepointMeaning = { visit: number } | { timing: 'before' | 'after' };

/** One row per session; per client per timepoint; per client with a measure's visits in columns; per measurement. */
export type Shape = 'sessions' | 'timepoints' | 'visits' | 'long';

/**
 * What a measure's before and after columns (pain_pre, pain_post) are: two visits of a trial, baseline and
 * follow-up ('visits'), or before and after within one session ('session').
 */
export type PairReading = 'visits' | 'session';

export interface ImportPlan {
	fileName: string;
	encoding: Encoding;
	dialect: CsvDialect;
	/** The date column's format (day/month order may be overridden by the user). */
	dateFormat: DateFormat | null;
	shape: Shape;
	columns: ColumnPlan[];
	/** Every measure any column maps to, with its scale and direction. */
	measures: MeasureDeclaration[];
	/** Values of the timepoint column and what they mean (plain numbers are visit numbers unless mapped). */
	timepoints: Record<string, TimepointMeaning>;
	/** How before/after columns are read: see PairReading. */
	pairsAre: PairReading;
	/** The values of the measure-name column, mapped to measure keys. */
	measureNames: Record<string, string>;
	/** Used when no column holds the condition ("Lower back pain" for a whole trial). */
	conditionForAll: string;
	/** Replace client ids by a keyed hash before storing. */
	pseudonymiseClients: boolean;
}

export const roleOf = (plan: ImportPlan, kind: RoleKind) => plan.columns.find((c) => c.role.kind === kind);
