import app from '../../../package.json';

/** What computed the figures, for the report's methods: the app's and the engine's (pinned) versions. */
export const SOFTWARE = `Massage outcomes ${app.version} and DuckDB-wasm ${app.dependencies['@duckdb/duckdb-wasm']}`;
