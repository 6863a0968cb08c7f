/**
 * No folder of src/lib reaches back up: if one folder's code imports another's, the other's never imports the
 * first's, directly or round a loop. Shared things live where both users can import them (format/, tables/,
 * domain/, definitions/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = 'src/lib';

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.(ts|svelte)$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name) ? [path] : [];
	});
}

/** Each folder and the folders its code imports from. */
function folderImports(): Map<string, Set<string>> {
	const uses = new Map<string, Set<string>>();
	for (const file of sourceFiles(ROOT)) {
		const folder = relative(ROOT, file).split('/')[0];
		if (!uses.has(folder)) uses.set(folder, new Set());
		for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
			const target = relative(ROOT, normalize(join(dirname(file), spec))).split('/')[0];
			if (!target.startsWith('..') && !target.includes('.') && target !== folder) uses.get(folder)!.add(target);
		}
	}
	return uses;
}

/** A loop of folders, each importing from the next, back to the first; null when there is none. */
function loopIn(uses: Map<string, Set<string>>): string[] | null {
	const done = new Set<string>();
	const walk = (folder: string, path: string[]): string[] | null => {
		if (path.includes(folder)) return [...path.slice(path.indexOf(folder)), folder];
		if (done.has(folder)) return null;
		for (const next of uses.get(folder) ?? []) {
			const loop = walk(next, [...path, folder]);
			if (loop) return loop;
		}
		done.add(folder);
		return null;
	};
	for (const folder of uses.keys()) {
		const loop = walk(folder, []);
		if (loop) return loop;
	}
	return null;
}

describe('the folders of src/lib', () => {
	it('finds a loop when there is one (a check that can fail)', () => {
		const uses = new Map([
			['a', new Set(['b'])],
			['b', new Set(['c'])],
			['c', new Set(['a'])]
		]);
		expect(loopIn(uses)).toEqual(['a', 'b', 'c', 'a']);
	});

	it('import from one another without a loop', () => {
		expect(loopIn(folderImports())).toBeNull();
	});
});
