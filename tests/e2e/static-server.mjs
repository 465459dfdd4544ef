// A static file server on 127.0.0.1 only. Used by `scripts/serve.sh` and the end-to-end tests.
// `node static-server.mjs <dir> [port]`; port 0 picks a free one. The tests also use `serveSite`
// to put the built app in a host site's sub-folder, under a Content-Security-Policy.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves several folders under URL prefixes. `routes` is a list of `[prefix, folder]`, longest
 * prefix first wins. `headers(path)` adds response headers; `override(path, file)` may answer
 * instead of the file: `{ status }` or `{ body }` (a string or a Buffer). `receive(path, body)`
 * takes what is POSTed (CSP reports).
 */
export function serveSite({ routes, port = 0, headers = () => ({}), override = () => null, receive }) {
  const table = routes.map(([prefix, dir]) => [prefix, resolve(dir)]).sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (req.method === 'POST' && receive) {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      receive(path, Buffer.concat(chunks).toString('utf8'));
      return res.writeHead(204).end();
    }
    const route = table.find(([prefix]) => path.startsWith(prefix));
    const reply = (status, body, type) =>
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers(path) }).end(body);
    if (!route) return reply(404, 'not found', 'text/plain');
    const [prefix, root] = route;
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) return reply(403, 'forbidden', 'text/plain');
    try {
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const replaced = await override(path, file);
      if (replaced?.status) return reply(replaced.status, 'not found', 'text/plain');
      reply(200, replaced?.body ?? (await readFile(file)), type);
    } catch {
      reply(404, 'not found', 'text/plain');
    }
  });
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolveListen({
        url: `http://127.0.0.1:${actual}/`,
        origin: `http://127.0.0.1:${actual}`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

/** Serves `dir` at the root; resolves to `{ url, close }` once listening. */
export function serve(dir, port = 0) {
  return serveSite({ routes: [['/', dir]], port });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await serve(dir, Number(port));
  console.log(`Serving ${dir} at ${url} (Ctrl+C stops)`);
}
