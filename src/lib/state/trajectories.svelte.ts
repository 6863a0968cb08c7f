import { getContext, setContext } from 'svelte';
import type { Database } from '../db/database';
import type { MeasureInfo } from '../metrics/measure-info';
import { courseMeasures, loadCourses, type ClientCourse } from '../trajectories/client-course';
import { findClients, type ClientSuggestion } from '../trajectories/find-clients';
import { loadReferenceBands, type BandPoint } from '../trajectories/reference-band';
import { summariseAttendance, summariseOutcome, type AttendanceSummary, type OutcomeSummary } from '../trajectories/client-summary';
import { DEFAULT_SELECTION, type Selection } from '../trajectories/selection';

export interface ClientReport {
	course: ClientCourse;
	attendance: AttendanceSummary;
	/** Per measure shown, in the order of `measures`. */
	outcomes: (OutcomeSummary | null)[];
}

/** The clients a therapist is looking at, their courses and the typical course of similar clients. */
export class Trajectories {
	selection = $state<Selection>({ ...DEFAULT_SELECTION });
	courses = $state<ClientCourse[]>([]);
	measures = $state<MeasureInfo[]>([]);
	/** Per measure, the reference band of similar clients. */
	bands = $state<Record<string, BandPoint[]>>({});
	loading = $state(false);
	error = $state<string | null>(null);

	/** Who the reference band is made of, in words. */
	readonly reference = $derived.by(() => {
		const first = this.courses[0];
		if (!first) return null;
		const technique = this.selection.sameTechnique && first.mainTechnique ? first.mainTechnique : null;
		return { condition: first.condition, technique, basedOn: first.label };
	});

	readonly reports = $derived<ClientReport[]>(
		this.courses.map((course) => ({
			course,
			attendance: summariseAttendance(course),
			outcomes: this.measures.map((m) => summariseOutcome(course, m))
		}))
	);

	/** Selected ids with no sessions in the analysed data (a bookmark from other data, a typo). */
	readonly missing = $derived(this.selection.clients.filter((id) => !this.courses.some((c) => c.clientId === id)));

	private generation = 0;
	private loaded = false;

	constructor(private readonly openDatabase: () => Promise<Database>) {}

	/** Shows a selection (from the URL); `reload` after the stored data changed. */
	async show(selection: Selection, reload = false): Promise<void> {
		const previous = $state.snapshot(this.selection) as Selection;
		this.selection = selection;
		if (!reload && this.loaded && JSON.stringify(previous) === JSON.stringify(selection)) return;
		const generation = ++this.generation;
		this.loading = true;
		this.error = null;
		try {
			const db = await this.openDatabase();
			const courses = await loadCourses(db, selection.clients);
			const measures = await courseMeasures(db, courses);
			const first = courses[0];
			const bands = first
				? await loadReferenceBands(db, {
						measures: measures.map((m) => m.measure),
						condition: first.condition,
						technique: selection.sameTechnique ? first.mainTechnique : null,
						axis: selection.axis,
						exclude: selection.clients
					})
				: {};
			if (generation !== this.generation) return;
			this.courses = courses;
			this.measures = measures;
			this.bands = bands;
			this.loaded = true;
		} catch (error) {
			if (generation === this.generation) this.error = error instanceof Error ? error.message : String(error);
		} finally {
			if (generation === this.generation) this.loading = false;
		}
	}

	/** Suggestions for the client search as the user types. */
	suggest = async (text: string): Promise<ClientSuggestion[]> => findClients(await this.openDatabase(), text);
}

const KEY = Symbol('trajectories');
export const setTrajectories = (trajectories: Trajectories) => setContext(KEY, trajectories);
export const getTrajectories = () => getContext<Trajectories>(KEY);
