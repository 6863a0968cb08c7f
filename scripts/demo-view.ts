/**
 * Writes static/demo-view.json: the demo clinic's dashboard as a first visit opens it, so the page paints it
 * while the analysis engine starts (src/lib/last-view/). Run before every build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { openNodeDatabase } from '../src/lib/db/node.ts';
import { demoView } from '../src/lib/last-view/demo-view.ts';
import { encodeViews } from '../src/lib/last-view/shown-view.ts';

const db = await openNodeDatabase();
const view = await demoView(db);
mkdirSync('static', { recursive: true });
writeFileSync('static/demo-view.json', encodeViews([view]));
