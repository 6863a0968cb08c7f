/**
 * Browser-only: the last views of the stored data, kept in the origin-private file system beside the database
 * (nothing leaves the browser), and the build's demo view for a first visit. Views are written by this version
 * of the app only: after an update the first visit waits for the engine once.
 */
import { version } from '$app/environment';
import { base } from '$app/paths';
import type { Filters } from '../metrics/filters';
import { STORE_FILE } from '../db/store-file';
import { decodeViews, encodeViews, keptViews, viewKey, type ShownView } from './shown-view';
import { forgetPicture, keepPicture } from './take-picture';
import { whenQuiet } from '../offline/when-quiet';

export interface ViewStore {
	/** The view to paint for these filters while the engine starts, if one is known; `persistent`: the browser stores data. */
	toShow(filters: Filters): Promise<{ view: ShownView; persistent: boolean } | null>;
	/** Keeps the view drawn, and a picture of the dashboard showing it. */
	save(view: ShownView): Promise<void>;
	/** After a change of data: no view or picture of the old data is shown again. */
	forget(): Promise<void>;
}

const PREFIX = 'last-views-';
/** The picture is made once the user has left the page alone this long: it takes the main thread 0.1–0.3 s. */
const PICTURE_QUIET_MS = 3000;
const FILE = `${PREFIX}${version}`;
const NEXT = `${FILE}.next`;

const root = async () => (navigator.storage?.getDirectory ? navigator.storage.getDirectory() : null);

async function readText(directory: FileSystemDirectoryHandle, name: string): Promise<string | null> {
	try {
		return await (await (await directory.getFileHandle(name)).getFile()).text();
	} catch {
		return null;
	}
}

const exists = (directory: FileSystemDirectoryHandle, name: string) =>
	directory.getFileHandle(name).then(
		() => true,
		() => false
	);

async function demoViews(asked: Promise<Response | null>): Promise<ShownView[]> {
	const response = await asked;
	return response?.ok ? decodeViews(await response.text()) : [];
}

/** Every file of kept views but `except` (an older version's, or all of them). */
async function removeViews(directory: FileSystemDirectoryHandle, except?: string) {
	const names: string[] = [];
	for await (const name of (directory as unknown as { keys(): AsyncIterable<string> }).keys()) {
		if (name.startsWith(PREFIX) && name !== except) names.push(name);
	}
	await Promise.all(names.map((name) => directory.removeEntry(name).catch(() => undefined)));
}

/**
 * Writes the views as a new file, then puts it in place of the old one: a tab closed while writing leaves the
 * views kept before (a file written in place would be left empty).
 */
async function writeWhole(directory: FileSystemDirectoryHandle, text: string) {
	const next = await directory.getFileHandle(NEXT, { create: true });
	const file = await next.createWritable();
	await file.write(text);
	await file.close();
	const movable = next as FileSystemFileHandle & { move?(name: string): Promise<void> };
	if (movable.move) await movable.move(FILE);
	else {
		const whole = await (await directory.getFileHandle(FILE, { create: true })).createWritable();
		await whole.write(text);
		await whole.close();
	}
}

export function browserViewStore(): ViewStore {
	// Opened once, as the page starts, while its components mount: it takes the browser 30–60 ms on a first
	// visit here, and the first view waits for it.
	const opened = root().catch(() => null);
	let views: ShownView[] | null = null;
	let written: string | null = null;
	let writing = Promise.resolve();
	// Moves with every view kept and every change of data: a picture overtaken while it is made is not kept.
	let pictures = 0;
	return {
		async toShow(filters) {
			// Asked for beside the kept views, not after them: a first visit paints the demo's (its file is preloaded).
			const demo = fetch(`${base}/demo-view.json`).catch(() => null);
			const directory = await opened;
			const text = directory ? await readText(directory, FILE) : null;
			if (text !== null) views = decodeViews(text);
			// Data are stored, but no view of them was kept by this version: wait for the engine.
			else if (directory && (await exists(directory, STORE_FILE))) return null;
			const known = views ?? (await demoViews(demo));
			const view = known.find((v) => viewKey(v.filters) === viewKey(filters));
			return view ? { view, persistent: directory !== null } : null;
		},
		save(view) {
			views = keptViews(views ?? [], view);
			const text = encodeViews(views);
			const turn = ++pictures;
			const current = () => turn === pictures;
			void whenQuiet(PICTURE_QUIET_MS).then(() =>
				current() ? keepPicture(viewKey(view.filters), current).catch(() => undefined) : undefined
			);
			if (text === written) return writing;
			written = text;
			writing = writing
				.then(async () => {
					const directory = await opened;
					if (!directory) return;
					await writeWhole(directory, text);
					await removeViews(directory, FILE);
				})
				.catch(() => undefined);
			return writing;
		},
		forget() {
			pictures++;
			views = [];
			written = null;
			writing = writing
				.then(async () => {
					await forgetPicture();
					const directory = await opened;
					if (directory) await removeViews(directory);
				})
				.catch(() => undefined);
			return writing;
		}
	};
}
