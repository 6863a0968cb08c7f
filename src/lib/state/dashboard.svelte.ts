import { getContext, setContext } from 'svelte';
import type { Database } from '../db/database';
import { loadDemoClinic } from '../demo/load-demo';
import { hasAnyDataset, withMeasureInData, type FilterChoices, type Headline, type StoredData } from '../metrics/overview';
import { dashboardData, type DashboardData } from '../metrics/dashboard-data';
import { loadCovariates, loadCube, type Cube } from '../cube/load-cube';
import type { CovariateColumn } from '../metrics/case-mix-covariates';
import { computeCaseMix, computeDashboard, workAhead } from '../cube/compute-dashboard';
import { DEFAULT_FILTERS, type Filters } from '../metrics/filters';
import type { EffectSummary } from '../metrics/effects';
import { defaultReference } from '../metrics/contrasts';
import type { RetentionRow } from '../metrics/retention';
import type { MeasureInfo } from '../metrics/measure-info';
import type { WithinSessionChart } from '../metrics/within-session';
import type { FrequencyRow } from '../metrics/session-frequency';
import { deleteDataset, listDatasets, setActive, showDemo, type StoredDataset } from '../datasets/stored-datasets';
import { loadWithImport } from '../cube/staged-cube';
import type { StagedImport } from '../ingest/run-import';
import { readStoredOverview, type ShownView, type StoredOverview } from '../last-view/shown-view';
import type { ViewStore } from '../last-view/view-store';
import { whenIdle } from './when-idle';

export type LoadStatus = 'opening' | 'loading demo' | 'ready' | 'failed';

/** What the dashboard shows, read from the database. The database comes in as a function so this tests in Node. */
export class Dashboard {
	status = $state<LoadStatus>('opening');
	error = $state<string | null>(null);
	/**
	 * The error is one the app foresaw and put in the user's words: the store open in another tab
	 * (db/store-lock.ts), or written by a newer version (db/schema.ts).
	 */
	explained = $state(false);
	stored = $state<StoredData | null>(null);
	datasets = $state<StoredDataset[]>([]);
	persistent = $state(false);
	// Chart data are replaced whole, never changed in place: raw state, so an unchanged part (the same
	// object from the cube) redraws nothing, and large arrays are not wrapped in proxies.
	pain = $state.raw<WithinSessionChart | null>(null);
	rom = $state.raw<WithinSessionChart | null>(null);
	frequency = $state.raw<FrequencyRow[]>([]);
	filters = $state<Filters>({ ...DEFAULT_FILTERS });
	choices = $state<FilterChoices | null>(null);
	figures = $state.raw<Headline | null>(null);
	measure = $state.raw<MeasureInfo | null>(null);
	immediate = $state.raw<EffectSummary[]>([]);
	course = $state.raw<EffectSummary[]>([]);
	bands = $state.raw<EffectSummary[]>([]);
	contrasts = $state.raw<DashboardData['contrasts'] | null>(null);
	caseMix = $state.raw<DashboardData['caseMix']>(null);
	/** The case-mix model is being worked out, after the other charts have been drawn. */
	caseMixComing = $state(false);
	retention = $state.raw<RetentionRow[]>([]);
	/** Milliseconds the last redraw's queries took. */
	lastRefreshMs = $state(0);
	/** Charts are being redrawn (for aria-busy, and for tests to wait on). */
	redrawing = $state(false);
	/** Redraws finished so far (the benchmark waits on it). */
	redraws = $state(0);

	readonly minClients = $derived(this.filters.minClients);

	/** The groups a comparison can be made against (those shown), and the one used when none is chosen. */
	readonly referenceChoices = $derived.by(() => {
		const contrasts = this.contrasts?.course.reference ? this.contrasts.course : this.contrasts?.immediate;
		const names = contrasts?.groups.filter((g) => !g.hidden).map((g) => g.group) ?? [];
		return { names, byDefault: contrasts ? defaultReference(contrasts.groups) : null };
	});

	readonly isDemo = $derived(this.stored?.demoOnly ?? false);

	/**
	 * What is drawn is a kept view (the last visit's, or the build's demo), shown while the engine starts;
	 * it is replaced by the live one when the engine is ready.
	 */
	fromKeptView = $state(false);

	private db: Database | undefined;
	private generation = 0;
	/** The analysed sessions in the page: filter changes are answered from it without a query. */
	private cube: Cube | null = null;
	private cubeLoading: Promise<void> | null = null;
	/** The cube's clients' case mix, read the first time a case-mix model is asked for. */
	private covariates: Promise<CovariateColumn[]> | null = null;
	/** An import drawn before it is stored: what reads or writes the stored data waits for its save. */
	private saving: Promise<void> = Promise.resolve();
	/** The live data are being shown: a kept view arriving now is not painted over them. */
	private live = false;
	/** Moves on every change of data: a view drawn before it is not kept after it. */
	private dataVersion = 0;
	/** The figures last drawn, kept as the view to paint first next time. */
	private drawn: { filters: Filters; data: DashboardData } | null = null;

	constructor(
		private readonly openDatabase: () => Promise<Database>,
		private readonly views: ViewStore | null = null
	) {}

	async start(filters: Filters = DEFAULT_FILTERS): Promise<void> {
		this.filters = filters;
		const opening = this.openDatabase();
		this.views
			?.toShow(filters)
			.then((kept) => {
				// Too late once the live data are being shown.
				if (kept && !this.live && this.status !== 'failed') this.showKept(kept.view, kept.persistent);
			})
			.catch(() => undefined);
		try {
			this.db = await opening;
			this.persistent = this.db.persistent;
			if (!(await hasAnyDataset(this.db))) {
				this.status = 'loading demo';
				await loadDemoClinic(this.db);
			}
			await this.load();
			this.fromKeptView = false;
			this.status = 'ready';
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
			this.explained = error instanceof Error && (error.name === 'StoreInUseError' || error.name === 'NewerStoreError');
			this.status = 'failed';
		}
	}

	private showKept(view: ShownView, persistent: boolean) {
		this.persistent = persistent;
		this.stored = view.stored;
		this.datasets = view.datasets;
		this.choices = view.choices;
		this.filters = view.filters;
		Object.assign(this, view.data);
		this.fromKeptView = true;
	}

	/** Settles once no import is being stored: views that read the stored data wait for it. */
	saved(): Promise<void> {
		return this.saving;
	}

	/** Reads and writes of the stored data wait until `done` settles; then the dataset list is read as stored. */
	storing(done: Promise<unknown>): void {
		const saving = done.then(
			() => undefined,
			() => undefined
		);
		this.saving = saving;
		void saving.then(async () => {
			if (this.db && this.saving === saving) this.datasets = await listDatasets(this.db);
		});
	}

	/**
	 * Reads everything again: after an import or a change of datasets. With `staged`, an import not yet
	 * stored is drawn with the stored data (from its temporary tables); `read` is called once nothing more
	 * is read from the database and the old views are forgotten, so that its save can start while the charts
	 * are worked out and drawn.
	 */
	async refresh(staged?: StagedImport, read: () => void = () => {}): Promise<void> {
		// Views kept of the data as they were are never shown again. They are forgotten while the new data are
		// read and drawn, and an import's save starts only once they are: no view of the old data outlives the new.
		this.dataVersion++;
		const forgotten = this.views?.forget() ?? Promise.resolve();
		let started = () => {};
		let reading: Promise<void> | null = null;
		const readOnce = () =>
			(reading ??= forgotten.then(() => {
				read();
				started();
			}));
		// Meanwhile, what reads the stored data (the case mix, the view kept) waits for that save all the same.
		if (staged) {
			const before = this.saving;
			const waiting: Promise<void> = new Promise<void>((resolve) => (started = resolve)).then(() =>
				this.saving === waiting ? before : this.saving
			);
			this.saving = waiting;
		}
		await this.load(staged, readOnce);
		await forgotten;
	}

	private async load(staged?: StagedImport, read: () => unknown = () => {}): Promise<void> {
		const db = this.db;
		if (!db) return;
		this.redrawing = true;
		// The old cube describes the old data: filter changes meanwhile wait for the new one.
		this.cube = null;
		this.covariates = null;
		this.cubeLoading = (staged?.source ? this.readWithImport(db, staged, read) : this.readStored(db)).finally(() => void read());
		await this.cubeLoading;
		this.cubeLoading = null;
		await this.redraw();
	}

	private async readStored(db: Database): Promise<void> {
		await this.saving;
		this.show(await readStoredOverview(db));
		try {
			this.cube = await loadCube(db);
		} catch (error) {
			// The SQL answers on its own, only slower.
			console.warn('Filter changes will query the database:', error);
		}
	}

	private async readWithImport(db: Database, staged: StagedImport, read: () => unknown): Promise<void> {
		let analysed;
		try {
			analysed = await loadWithImport(db, staged);
		} catch (error) {
			// Drawn once stored instead.
			console.warn('The import is drawn once stored:', error);
			// Its save has started (this.saving) before the stored data are read.
			await read();
			return this.readStored(db);
		}
		this.show(analysed);
		this.cube = analysed.cube;
	}

	private show({ stored, datasets, choices }: StoredOverview) {
		this.live = true;
		this.stored = stored;
		this.datasets = datasets;
		this.choices = choices;
		this.filters = withMeasureInData($state.snapshot(this.filters) as Filters, choices);
	}

	/** New filters (from the URL): every chart, table and figure follows. */
	async applyFilters(requested: Filters): Promise<void> {
		const filters = withMeasureInData(requested, this.choices);
		if (JSON.stringify(filters) === JSON.stringify($state.snapshot(this.filters)) && this.figures) return;
		this.filters = filters;
		await this.redraw();
	}

	private async redraw(): Promise<void> {
		const db = this.db;
		if (!db) return;
		const generation = ++this.generation;
		const filters = $state.snapshot(this.filters) as Filters;
		this.redrawing = true;
		if (this.cubeLoading) await this.cubeLoading;
		const started = performance.now();
		const data = this.cube ? computeDashboard(this.cube, filters) : await this.saving.then(() => dashboardData(db, filters));
		// A newer redraw started meanwhile: its results win.
		if (generation !== this.generation) return;
		Object.assign(this, data);
		this.drawn = { filters, data };
		this.lastRefreshMs = performance.now() - started;
		this.redrawing = false;
		this.redraws++;
		if (this.cube) {
			this.caseMixComing = filters.by !== 'technique';
			if (this.caseMixComing) this.caseMixLater(this.cube, filters, generation);
			else this.afterDrawn(this.cube, filters, generation);
		} else this.keepView();
	}

	/** Once every figure is drawn: the view is kept for the next visit, then the views one click away are worked out. */
	private afterDrawn(cube: Cube, filters: Filters, generation: number) {
		this.keepView();
		this.workAhead(cube, filters, generation);
	}

	/** In idle time: writing it down must not delay the next paint. */
	private keepView() {
		const views = this.views;
		const drawn = this.drawn;
		const version = this.dataVersion;
		if (!views || !this.db?.persistent || !drawn || !this.stored || !this.choices) return;
		const view: ShownView = {
			stored: $state.snapshot(this.stored),
			datasets: $state.snapshot(this.datasets),
			choices: $state.snapshot(this.choices),
			filters: drawn.filters,
			data: { ...drawn.data, caseMix: this.caseMix }
		};
		// An import drawn before it is stored is kept only once stored: a view is never of data that were not saved.
		void this.saving.then(() => whenIdle(() => this.dataVersion === version && this.drawn === drawn && void views.save(view)));
	}

	/**
	 * The case-mix model fits every client in view (a hundred thousand at a million sessions): it is worked out
	 * once the other charts have painted, its card saying it is coming, then the views one click away.
	 */
	private caseMixLater(cube: Cube, filters: Filters, generation: number) {
		// In Node (tests) there are no frames.
		const afterPaint =
			typeof requestAnimationFrame === 'function'
				? (run: () => void) => requestAnimationFrame(() => setTimeout(run, 0))
				: (run: () => void) => setTimeout(run, 0);
		afterPaint(async () => {
			if (!this.db || generation !== this.generation || cube !== this.cube) return;
			// Read from the stored data: an import drawn before it is stored is waited for.
			const db = this.db;
			const covariates = await (this.covariates ??= this.saving.then(() => loadCovariates(db)));
			if (generation !== this.generation || cube !== this.cube) return;
			this.caseMix = computeCaseMix(cube, covariates, filters);
			this.caseMixComing = false;
			this.afterDrawn(cube, filters, generation);
		});
	}

	/** In idle time, as many tasks as fit, until the filters change again. */
	private workAhead(cube: Cube, filters: Filters, generation: number) {
		const tasks = workAhead(cube, filters);
		const idle =
			globalThis.requestIdleCallback ??
			((run: (deadline: { timeRemaining: () => number }) => void) => setTimeout(() => run({ timeRemaining: () => 0 }), 50));
		const next = (deadline: { timeRemaining: () => number }) => {
			// A task takes a few tens of milliseconds: another starts only while most of the idle period is left.
			do {
				if (generation !== this.generation || cube !== this.cube) return;
				tasks.shift()?.();
			} while (tasks.length && deadline.timeRemaining() > 30);
			if (tasks.length) idle(next);
		};
		idle(next);
	}

	private async change(work: (db: Database) => Promise<void>) {
		if (!this.db) return;
		await this.saving;
		await work(this.db);
		await this.refresh();
	}

	setActive = (id: number, active: boolean) => this.change((db) => setActive(db, id, active));
	deleteDataset = (id: number) => this.change((db) => deleteDataset(db, id));
	showDemo = () => this.change((db) => showDemo(db));
}

const KEY = Symbol('dashboard');
export const setDashboard = (dashboard: Dashboard) => setContext(KEY, dashboard);
export const getDashboard = () => getContext<Dashboard>(KEY);
