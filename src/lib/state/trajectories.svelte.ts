import { getContext, setContext } from 'svelte';
import type { Database } from '../db/database';
import type { MeasureInfo } from '../metrics/measure-info';
import { courseMeasures, loadCourses, type ClientCourse } from '../trajectories/client-course';
import { findClients, type ClientSuggestion } from '../trajectories/find-clients';
import { loadReferenceBands, type BandPoint } from '../trajectories/reference-band';
import { summariseAttendance, summariseOutcome, type AttendanceSummary, type OutcomeSummary } from '../trajectories/client-summary';
import { DEFAULT_SELECTION, referenceClient, type Selection } from '../trajectories/selection';

/** The course the reference band follows: the chosen client's, or the first picked. */
const referenceCourse = (courses: ClientCourse[], selection: Selection): ClientCourse | undefined =>
	courses.find((c) => c.clientId === referenceClient(selection)) ?? courses[0];

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
		const course = referenceCourse(this.courses, this.selection);
		if (!course) return null;
		const technique = this.selection.sameTechnique && course.mainTechnique ? course.mainTechnique : null;
		return { condition: course.condition, technique, basedOn: course.label, clientId: course.clientId };
	});

	/** Whether the picked clients differ in what the band would follow, so the choice of reference matters. */
	readonly referenceChoice = $derived(
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a look-up made and read at once, not state
		new Set(this.courses.map((c) => `${c.condition}\u0000${this.selection.sameTechnique ? c.mainTechnique : ''}`)).size > 1
	);

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
			const reference = referenceCourse(courses, selection);
			const bands = reference
				? await loadReferenceBands(db, {
						measures: measures.map((m) => m.measure),
						condition: reference.condition,
						technique: selection.sameTechnique ? reference.mainTechnique : null,
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
