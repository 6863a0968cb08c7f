/**
 * A tiny static file server for the built site (adapter-static output in build/), with no dependencies.
 * Used by Playwright's webServer and by the benchmark.
 *
 *   tsx scripts/serve-static.ts [--port 4173] [--dir build]
 *
 * - Binds to 127.0.0.1 only.
 * - Directories serve their index.html; /about also tries about.html (prerendered pages).
 * - Unknown page paths get the SPA fallback 404.html (status 200, so deep links boot the app);
 *   unknown paths with a file extension (a missing .js, .wasm, ...) get a plain 404.
 */
import { createReadStream, existsSync, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const MIME_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.wasm': 'application/wasm',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.ttf': 'font/ttf'
};

export interface StaticServer {
	url: string;
	close(): Promise<void>;
}

function fileAt(path: string): Stats | undefined {
	try {
		const stats = statSync(path);
		return stats.isFile() ? stats : undefined;
	} catch {
		return undefined;
	}
}

/** The file to serve for a URL path, or undefined. `root` is absolute; the result never escapes it. */
function resolveFile(root: string, urlPath: string): { path: string; stats: Stats } | undefined {
	let decoded: string;
	try {
		decoded = decodeURIComponent(urlPath);
	} catch {
		return undefined;
	}
	if (decoded.includes('\0')) return undefined;
	const target = resolve(root, '.' + decoded);
	if (target !== root && !target.startsWith(root + sep)) return undefined;
	const candidates = [target, join(target, 'index.html')];
	if (!decoded.endsWith('/') && !extname(decoded)) candidates.push(target + '.html');
	for (const path of candidates) {
		const stats = fileAt(path);
		if (stats) return { path, stats };
	}
	return undefined;
}

function send(req: IncomingMessage, res: ServerResponse, status: number, path: string, stats: Stats): void {
	res.writeHead(status, {
		'Content-Type': MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
		'Content-Length': stats.size,
		'Cache-Control': 'no-cache',
		'X-Content-Type-Options': 'nosniff'
	});
	if (req.method === 'HEAD') {
		res.end();
		return;
	}
	const stream = createReadStream(path);
	stream.on('error', () => res.destroy());
	stream.pipe(res);
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
	res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
	res.end(text + '\n');
}

/** Serve `dir` on http://127.0.0.1:`port` (0 picks a free port). */
export function serveStatic(dir: string, port: number): Promise<StaticServer> {
	const root = resolve(dir);
	if (!existsSync(root) || !statSync(root).isDirectory()) {
		return Promise.reject(new Error(`serve-static: ${root} is not a directory (run \`npm run build\` first?)`));
	}
	const fallback = join(root, '404.html');

	const server = createServer((req, res) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			plain(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
			return;
		}
		const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
		const found = resolveFile(root, urlPath);
		if (found) return send(req, res, 200, found.path, found.stats);

		const ext = extname(urlPath);
		const fallbackStats = fileAt(fallback);
		if ((!ext || ext === '.html') && fallbackStats) return send(req, res, 200, fallback, fallbackStats);
		plain(res, 404, 'Not Found');
	});

	return new Promise((resolvePromise, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			const { port: actual } = server.address() as AddressInfo;
			resolvePromise({
				url: `http://127.0.0.1:${actual}`,
				close: () =>
					new Promise<void>((done, fail) => {
						server.close((err) => (err ? fail(err) : done()));
						server.closeAllConnections();
					})
			});
		});
	});
}

function parseArgs(argv: string[]): { port: number; dir: string } {
	let port = 4173;
	let dir = 'build';
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		const value = () => inline ?? argv[++i];
		if (flag === '--port' || flag === '-p') {
			const raw = value();
			port = Number(raw);
			if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`serve-static: bad --port ${raw}`);
		} else if (flag === '--dir') {
			dir = value();
		} else if (flag === '--help' || flag === '-h') {
			console.log('Usage: tsx scripts/serve-static.ts [--port 4173] [--dir build]');
			process.exit(0);
		} else {
			throw new Error(`serve-static: unknown argument ${argv[i]}`);
		}
	}
	return { port, dir };
}

async function main(): Promise<void> {
	const { port, dir } = parseArgs(process.argv.slice(2));
	const server = await serveStatic(dir, port);
	console.log(`Serving ${resolve(dir)} at ${server.url}`);
	const stop = () => {
		server.close().then(
			() => process.exit(0),
			() => process.exit(0)
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	main().catch((err: unknown) => {
		console.error(err instanceof Error ? err.message : err);
		process.exit(1);
	});
}
