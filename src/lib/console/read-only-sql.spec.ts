import { describe, expect, it } from 'vitest';
import { checkReadOnly } from './read-only-sql';

const WRITE = 'changes the data';

describe('checkReadOnly: reads pass', () => {
	it.each([
		['SELECT * FROM sessions', 'SELECT * FROM sessions'],
		['select count(*) from active_sessions;', 'select count(*) from active_sessions'],
		['  SELECT 1 ;  -- done\n', 'SELECT 1'],
		['-- pain per technique\nSELECT /* one */ 1 -- the end', 'SELECT /* one */ 1'],
		['WITH pain AS (SELECT * FROM measurements) SELECT avg(value_before - value_after) FROM pain', null],
		['WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) SELECT * FROM n', null],
		['FROM sessions', null],
		['FROM sessions SELECT client_id WHERE visit = 1', null],
		["VALUES (1, 'a'), (2, 'b')", null],
		['DESCRIBE sessions', null],
		['DESCRIBE SELECT * FROM measurements', null],
		['SUMMARIZE measurements', null],
		['EXPLAIN SELECT * FROM sessions', null],
		['EXPLAIN ANALYZE SELECT count(*) FROM sessions', null],
		['SHOW TABLES', null],
		['SHOW ALL TABLES', null],
		['TABLE sessions', null],
		['(SELECT 1) UNION ALL (SELECT 2)', null],
		['((SELECT 1))', null],
		['PIVOT sessions ON clinic USING count(*)', null],
		// keywords inside strings, identifiers and comments are not statements
		["SELECT 'drop table sessions' AS note", null],
		["SELECT 'it''s; DROP TABLE sessions' AS note", null],
		["SELECT E'it\\'s; DROP TABLE x' AS note", null],
		['SELECT $$; DELETE FROM sessions$$ AS note, $tag$ ; INSERT $tag$ AS other', null],
		['SELECT 1 AS "delete; drop", "update" FROM (SELECT 1 AS "update")', null],
		['SELECT 1 -- ; DROP TABLE sessions', 'SELECT 1'],
		['SELECT 1 /* ; DROP TABLE sessions; /* nested */ still a comment */', 'SELECT 1'],
		['SELECT s.delete FROM (SELECT 1 AS "delete") s', null],
		// unusual spaces (pasted from a document) become plain ones, except inside quotes
		["SELECT\u00a01 AS one,\u2009'a\u00a0b' AS text", "SELECT 1 AS one, 'a\u00a0b' AS text"],
		// file names as values, not as tables
		["SELECT * FROM datasets WHERE source_file = 'clinic.csv'", null],
		["SELECT current_setting('threads') AS threads", null],
		['SELECT * FROM duckdb_settings()', null],
		['SELECT extract(year FROM session_date) AS year FROM sessions', null],
		['SELECT * FROM main.sessions s JOIN session_techniques t ON t.session_id = s.session_id, measures', null]
	])('%j', (sql, kept) => {
		expect(checkReadOnly(sql)).toEqual({ ok: true, sql: kept ?? sql });
	});
});

describe('checkReadOnly: everything else is refused, with a reason', () => {
	it.each([
		// more than one statement, however it is hidden
		['SELECT 1; DROP TABLE sessions', 'One statement at a time: found 2 statements'],
		['SELECT 1 -- comment\n; DROP TABLE sessions', 'One statement at a time: found 2 statements'],
		['SELECT 1 /* ; */ ; /* x */ DELETE FROM sessions;', 'One statement at a time: found 2 statements'],
		["SELECT ';'; SELECT 2; SELECT 3", 'One statement at a time: found 3 statements'],
		// a line comment ends at a carriage return too, as in DuckDB
		['SELECT 1 --x\r; DROP TABLE sessions\n, 2', 'One statement at a time: found 2 statements'],
		// writes
		['DROP TABLE sessions', `Only read statements run here: DROP ${WRITE}`],
		['drop view active_sessions', `Only read statements run here: DROP ${WRITE}`],
		["INSERT INTO sessions VALUES (1, 1, 'a', NULL, 1, NULL, NULL, NULL, NULL)", `Only read statements run here: INSERT ${WRITE}`],
		['UPDATE measurements SET value_after = 0', `Only read statements run here: UPDATE ${WRITE}`],
		['DELETE FROM sessions', `Only read statements run here: DELETE ${WRITE}`],
		['ALTER TABLE sessions ADD COLUMN x INTEGER', `Only read statements run here: ALTER ${WRITE}`],
		['TRUNCATE sessions', `Only read statements run here: TRUNCATE ${WRITE}`],
		['CREATE TABLE x AS SELECT * FROM sessions', `Only read statements run here: CREATE ${WRITE}`],
		['CREATE TEMP TABLE x (a INTEGER)', `Only read statements run here: CREATE ${WRITE}`],
		['CREATE OR REPLACE VIEW active_sessions AS SELECT 1', `Only read statements run here: CREATE ${WRITE}`],
		['CREATE MACRO twice(x) AS x * 2', `Only read statements run here: CREATE ${WRITE}`],
		["CREATE SECRET s (TYPE s3, KEY_ID 'k')", `Only read statements run here: CREATE ${WRITE}`],
		['MERGE INTO sessions USING x ON true WHEN MATCHED THEN DELETE', `Only read statements run here: MERGE ${WRITE}`],
		// files, databases, extensions, settings
		["COPY sessions TO 'out.csv'", 'Only read statements run here: COPY reads or writes files'],
		["COPY (SELECT 1) TO 'out.parquet' (FORMAT parquet)", 'Only read statements run here: COPY reads or writes files'],
		["EXPORT DATABASE 'backup'", 'Only read statements run here: EXPORT writes files'],
		["IMPORT DATABASE 'backup'", 'Only read statements run here: IMPORT reads files'],
		["ATTACH 'other.db' AS other", 'Only read statements run here: ATTACH opens another database'],
		['DETACH other', 'Only read statements run here: DETACH closes a database'],
		['USE other', 'Only read statements run here: USE switches to another database'],
		['INSTALL httpfs', 'Only read statements run here: INSTALL installs an extension'],
		['FORCE INSTALL httpfs', 'Only read statements run here: FORCE installs an extension or rewrites the stored database'],
		['LOAD parquet', 'Only read statements run here: LOAD loads an extension'],
		['PRAGMA table_info(sessions)', 'Only read statements run here: PRAGMA can change settings (to look at a table, use DESCRIBE)'],
		['SET autoload_known_extensions = true', 'Only read statements run here: SET changes a setting'],
		['RESET threads', 'Only read statements run here: RESET changes a setting'],
		['CALL enable_logging()', 'Only read statements run here: CALL runs a procedure'],
		['CHECKPOINT', 'Only read statements run here: CHECKPOINT rewrites the stored database'],
		['VACUUM', 'Only read statements run here: VACUUM rewrites the stored database'],
		[
			'BEGIN TRANSACTION',
			'Only read statements run here: BEGIN controls transactions (each statement here runs in its own, always undone)'
		],
		['COMMIT', 'Only read statements run here: COMMIT controls transactions (each statement here runs in its own, always undone)'],
		['ROLLBACK', 'Only read statements run here: ROLLBACK controls transactions (each statement here runs in its own, always undone)'],
		[
			'GRANT SELECT ON sessions TO x',
			'Only read statements run here (SELECT, WITH, FROM, VALUES, TABLE, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN, PIVOT): GRANT is not one of them'
		],
		// writes inside a read
		[
			'WITH x AS (SELECT 1) INSERT INTO sessions SELECT * FROM x',
			`Only read statements run here: INSERT ${WRITE} (if INSERT is a column name, put it in double quotes)`
		],
		[
			'WITH x AS (SELECT 1) DELETE FROM sessions',
			`Only read statements run here: DELETE ${WRITE} (if DELETE is a column name, put it in double quotes)`
		],
		[
			'WITH gone AS (DELETE FROM sessions RETURNING *) SELECT * FROM gone',
			`Only read statements run here: DELETE ${WRITE} (if DELETE is a column name, put it in double quotes)`
		],
		['EXPLAIN ANALYZE DELETE FROM sessions', `Only read statements run here: DELETE ${WRITE}`],
		['EXPLAIN (FORMAT json) UPDATE sessions SET visit = 0', `Only read statements run here: UPDATE ${WRITE}`],
		['(DELETE FROM sessions)', 'Only a query can stand in brackets, not DELETE'],
		// reading files, settings or other statements
		[
			"SELECT * FROM read_csv('https://example.org/x.csv')",
			'Not allowed here: read_csv() reads files; the console only reads the tables already stored'
		],
		[
			"SELECT * FROM READ_CSV_AUTO('x.csv')",
			'Not allowed here: read_csv_auto() reads files; the console only reads the tables already stored'
		],
		[
			"SELECT content FROM read_text('notes.txt')",
			'Not allowed here: read_text() reads files; the console only reads the tables already stored'
		],
		["SELECT * FROM read_blob('*')", 'Not allowed here: read_blob() reads files; the console only reads the tables already stored'],
		[
			"SELECT * FROM read_parquet('x.parquet')",
			'Not allowed here: read_parquet() reads files; the console only reads the tables already stored'
		],
		["FROM read_json_auto('x.json')", 'Not allowed here: read_json_auto() reads files; the console only reads the tables already stored'],
		[
			"SELECT * FROM parquet_metadata('x.parquet')",
			'Not allowed here: parquet_metadata() reads files; the console only reads the tables already stored'
		],
		[
			"SELECT * FROM sqlite_scan('x.db', 't')",
			'Not allowed here: sqlite_scan() reads files; the console only reads the tables already stored'
		],
		['SELECT * FROM "read_csv"(\'x.csv\')', 'Not allowed here: read_csv() reads files; the console only reads the tables already stored'],
		["SELECT * FROM glob('*')", 'Not allowed here: glob() lists files; the console only reads the tables already stored'],
		[
			'SELECT * FROM duckdb_secrets()',
			'Not allowed here: duckdb_secrets() lists stored credentials; the console only reads the tables already stored'
		],
		[
			"SELECT * FROM query_table('sessions')",
			'Not allowed here: query_table() reads a table named in text; the console only reads the tables already stored'
		],
		[
			"SELECT * FROM query('DELETE FROM sessions')",
			'Not allowed here: query() runs a statement given as text; the console only reads the tables already stored'
		],
		["SELECT getenv('HOME')", 'Not allowed here: getenv() reads the environment; the console only reads the tables already stored'],
		['FROM checkpoint()', 'Not allowed here: checkpoint() rewrites the stored database; the console only reads the tables already stored'],
		[
			"SELECT * FROM 'https://example.org/x.csv'",
			"Not allowed here: 'https://example.org/x.csv' after FROM would be read as a file; the console only reads the tables already stored"
		],
		[
			"FROM sessions, 'x.csv'",
			"Not allowed here: 'x.csv' after , would be read as a file; the console only reads the tables already stored"
		],
		[
			"SELECT * FROM sessions JOIN 'x.csv' USING (client_id)",
			"Not allowed here: 'x.csv' after JOIN would be read as a file; the console only reads the tables already stored"
		],
		['SELECT * FROM "x.csv"', 'Not allowed here: x.csv would be read as a file; the console only reads the tables already stored'],
		['SELECT * FROM x.parquet', 'Not allowed here: x.parquet would be read as a file; the console only reads the tables already stored'],
		[
			"DESCRIBE 'x.csv'",
			"Not allowed here: 'x.csv' after DESCRIBE would be read as a file; the console only reads the tables already stored"
		],
		[
			"SUMMARIZE 'x.csv'",
			"Not allowed here: 'x.csv' after SUMMARIZE would be read as a file; the console only reads the tables already stored"
		],
		[
			"SELECT * FROM sessions WHERE client_id IN (FROM 'ids.csv')",
			"Not allowed here: 'ids.csv' after FROM would be read as a file; the console only reads the tables already stored"
		],
		['SELECT * FROM settings', 'Not allowed here: the settings table holds the key that pseudonymises client ids'],
		['SELECT value FROM main."Settings"', 'Not allowed here: the settings table holds the key that pseudonymises client ids'],
		// not SQL the check can read
		["SELECT 'unclosed", "A quoted text is not closed: a closing ' is missing"],
		['SELECT "unclosed', 'A quoted name is not closed: a closing " is missing'],
		['SELECT 1 /* unclosed', 'A /* comment is not closed with */'],
		['SELECT $x$ unclosed', 'A $x$-quoted text is not closed with $x$'],
		['SELECT (1', 'The brackets do not match: a ( is not closed'],
		['SELECT 1) UNION ALL (SELECT 2', 'The brackets do not match: a ) has no ( before it'],
		['', 'There is no statement to run'],
		[' ; -- nothing', 'There is no statement to run']
	])('%j', (sql, reason) => {
		expect(checkReadOnly(sql)).toEqual({ ok: false, reason });
	});
});
