/**
 * Write the demo clinic's session export as CSV, streamed, so millions of rows need no memory.
 *
 *   npm run generate                                  # 300 clients to stdout
 *   npm run generate -- --clients 5000 --out clinic.csv
 *   npm run generate -- --rows 1000000 --out sessions.csv [--seed 42]
 *
 * The same options always give byte-identical output. Progress and a summary go to stderr.
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { DEMO_CLIENTS, DEMO_SEED, DEMO_YEAR, generateDemoSessions } from '../src/lib/demo/generate.ts';
import { DEMO_HEADER, demoCsvLine } from '../src/lib/demo/export-csv.ts';

const USAGE = `Usage: npm run generate -- [--rows N | --clients N] [--seed N] [--year YYYY] [--out FILE]

  --rows N      stop after N session rows (clients as many as needed)
  --clients N   N clients' complete courses (default ${DEMO_CLIENTS})
  --seed N      random seed (default ${DEMO_SEED}); same seed, same file
  --year YYYY   calendar year of the sessions (default ${DEMO_YEAR})
  --out FILE    write to FILE instead of stdout`;

interface Options {
	rows?: number;
	clients?: number;
	seed: number;
	year: number;
	out?: string;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
	const options: Options = { seed: DEMO_SEED, year: DEMO_YEAR };
	const integer = (flag: string, raw: string | undefined, min: number): number => {
		const n = Number(raw?.replaceAll('_', ''));
		if (raw === undefined || raw.trim() === '' || !Number.isSafeInteger(n) || n < min) {
			throw new UsageError(`${flag} needs an integer >= ${min}, got ${raw ?? 'nothing'}`);
		}
		return n;
	};
	for (let i = 0; i < argv.length; i++) {
		const eq = argv[i].indexOf('=');
		const flag = eq > 0 ? argv[i].slice(0, eq) : argv[i];
		const value = () => (eq > 0 ? argv[i].slice(eq + 1) : argv[++i]);
		switch (flag) {
			case '--rows':
				options.rows = integer(flag, value(), 1);
				break;
			case '--clients':
				options.clients = integer(flag, value(), 1);
				break;
			case '--seed':
				options.seed = integer(flag, value(), 0);
				break;
			case '--year':
				options.year = integer(flag, value(), 1970);
				break;
			case '--out':
			case '-o': {
				const out = value();
				if (!out) throw new UsageError(`${flag} needs a file name`);
				options.out = out;
				break;
			}
			case '--help':
			case '-h':
				console.log(USAGE);
				process.exit(0);
				break;
			default:
				throw new UsageError(`unknown argument ${argv[i]}`);
		}
	}
	if (options.rows !== undefined && options.clients !== undefined) {
		throw new UsageError('give either --rows or --clients, not both');
	}
	return options;
}

/** Write, and wait for 'drain' when the stream's buffer is full. Rejects if the stream errors meanwhile. */
function write(stream: Writable, chunk: string): Promise<void> | undefined {
	if (stream.write(chunk)) return undefined;
	return new Promise((resolve, reject) => {
		const onDrain = () => {
			stream.off('error', onError);
			resolve();
		};
		const onError = (err: Error) => {
			stream.off('drain', onDrain);
			reject(err);
		};
		stream.once('drain', onDrain);
		stream.once('error', onError);
	});
}

function finish(stream: Writable, toStdout: boolean): Promise<void> {
	return new Promise((resolve, reject) => {
		stream.once('error', reject);
		if (toStdout) {
			// Never end() process.stdout; just wait until what we wrote is flushed.
			stream.write('', () => resolve());
		} else {
			stream.end(() => resolve());
		}
	});
}

const CHUNK_CHARS = 1 << 16;

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	const toStdout = options.out === undefined || options.out === '-';
	const stream: Writable = toStdout ? process.stdout : createWriteStream(options.out!, { highWaterMark: 1 << 20 });
	let streamError: Error | undefined;
	stream.on('error', (err) => (streamError ??= err));

	const started = performance.now();
	let rows = 0;
	let bytes = 0;
	let chunk = DEMO_HEADER.join(',') + '\n';
	const sessions = generateDemoSessions({
		seed: options.seed,
		year: options.year,
		clients: options.clients,
		rows: options.rows
	});
	for (const session of sessions) {
		chunk += demoCsvLine(session) + '\n';
		rows++;
		if (chunk.length >= CHUNK_CHARS) {
			if (streamError) throw streamError;
			bytes += Buffer.byteLength(chunk);
			const pending = write(stream, chunk);
			chunk = '';
			if (pending) await pending;
		}
	}
	if (streamError) throw streamError;
	bytes += Buffer.byteLength(chunk);
	await write(stream, chunk);
	await finish(stream, toStdout);

	const seconds = (performance.now() - started) / 1000;
	const where = toStdout ? 'stdout' : options.out;
	console.error(
		`Wrote ${rows.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(1)} MB to ${where} in ${seconds.toFixed(1)} s ` +
			`(seed ${options.seed}).`
	);
}

main().catch((err: unknown) => {
	if ((err as NodeJS.ErrnoException)?.code === 'EPIPE') process.exit(0); // e.g. `npm run generate | head`
	if (err instanceof UsageError) {
		console.error(`generate: ${err.message}\n\n${USAGE}`);
		process.exit(2);
	}
	console.error('generate:', err instanceof Error ? err.message : err);
	process.exit(1);
});
