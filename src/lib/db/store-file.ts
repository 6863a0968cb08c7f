/** The stored database's file in the browser's origin-private file system (OPFS). */
export const STORE_FILE = 'massage-outcomes.duckdb';
