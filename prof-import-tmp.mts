import { readFileSync } from 'node:fs';
import { openNodeDatabase } from './src/lib/db/node.ts';
import { loadDemoClinic } from './src/lib/demo/load-demo.ts';
import { planFor } from './src/lib/test/fixtures.ts';
import { stageImport } from './src/lib/ingest/run-import.ts';
import { loadWithImport } from './src/lib/cube/staged-cube.ts';
import { computeDashboard } from './src/lib/cube/compute-dashboard.ts';
import { DEFAULT_FILTERS } from './src/lib/metrics/filters.ts';
const db = await openNodeDatabase();
await loadDemoClinic(db);
const text = readFileSync('/work/main/bench-results/clinic-1600-seed-7.csv', 'utf8');
const times: [number, string][] = [];
const wrap = (name: 'query' | 'exec' | 'queryColumns') => {
	const orig = (db as any)[name].bind(db);
	(db as any)[name] = async (sql: string, p?: unknown) => { const t = performance.now(); try { return await orig(sql, p); } finally { times.push([performance.now() - t, sql.replace(/\s+/g, ' ').slice(0, 110)]); } };
};
wrap('query'); wrap('exec'); wrap('queryColumns');
for (let run = 0; run < 2; run++) {
	times.length = 0;
	let t = performance.now();
	const staged = await stageImport(db, text, planFor(text, 'x.csv'), { secret: 's' });
	const a = performance.now() - t; t = performance.now();
	const analysed = await loadWithImport(db, staged);
	const b = performance.now() - t; t = performance.now();
	computeDashboard(analysed.cube, DEFAULT_FILTERS);
	const c = performance.now() - t;
	await staged.discard();
	console.log(`stage ${a.toFixed(0)} draw-load ${b.toFixed(0)} compute ${c.toFixed(0)} queries ${times.length} total ${times.reduce((s, x) => s + x[0], 0).toFixed(0)}`);
	if (run === 1) for (const [ms, sql] of times.sort((x, y) => y[0] - x[0]).slice(0, 15)) console.log(ms.toFixed(0).padStart(5), sql);
}
