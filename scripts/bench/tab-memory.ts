/**
 * The tab's peak memory: the highest resident set (VmHWM, Linux) of the browser's renderer processes, where
 * the page, its DuckDB worker and the worker's wasm memory live. Read once the work is done: the kernel keeps
 * the peak, so nothing is sampled.
 */
import { readdirSync, readFileSync } from 'node:fs';

const read = (path: string) => {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return '';
	}
};

const parentOf = (pid: number) =>
	Number(
		read(`/proc/${pid}/stat`)
			.replace(/^.*\) /s, '')
			.split(' ')[1] ?? 0
	);

function descends(pid: number, ancestor: number): boolean {
	for (let p = pid, hops = 0; p > 1 && hops < 10; p = parentOf(p), hops++) if (p === ancestor) return true;
	return false;
}

/** Megabytes, or null where /proc is not there to read. */
export function rendererPeakMb(ancestor: number): number | null {
	let peak: number | null = null;
	for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
		const pid = Number(name);
		if (!read(`/proc/${pid}/cmdline`).includes('--type=renderer') || !descends(pid, ancestor)) continue;
		const kb = Number(/VmHWM:\s+(\d+)/.exec(read(`/proc/${pid}/status`))?.[1] ?? NaN);
		if (kb === kb) peak = Math.max(peak ?? 0, kb / 1024);
	}
	return peak;
}
