// The size budget (tests/size-budget.json): the release build's first visit, gzip and brotli as a
// host serves them, and the loader and frame host. Exceeding a budget fails with the figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { DIST } from './support.mjs';

const budget = JSON.parse(readFileSync(fileURLToPath(new URL('../size-budget.json', import.meta.url)), 'utf8'));
const gzip = (name) => gzipSync(readFileSync(join(DIST, name)), { level: 9 }).length;
const brotli = (name) =>
  brotliCompressSync(readFileSync(join(DIST, name)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Everything the app's own page loads on a first visit. */
function firstVisit() {
  const files = readdirSync(DIST);
  const one = (pattern) => files.find((name) => pattern.test(name));
  return ['index.html', 'consultation-response.js', one(/^consultation-response-[0-9a-f]+\.js$/),
    one(/^consultation-response-[0-9a-f]+_bg\.wasm$/), one(/^app-[0-9a-f]+\.css$/)];
}

test('the first visit, the wasm, the loader and the frame host stay within their budgets', () => {
  const files = firstVisit();
  assert.ok(files.every(Boolean), `first-visit files: ${files}`);
  const sizes = {
    first_visit_gzip: files.reduce((sum, name) => sum + gzip(name), 0),
    first_visit_brotli: files.reduce((sum, name) => sum + brotli(name), 0),
    wasm_gzip: gzip(files[3]),
    loader_gzip: gzip('consultation-response.js'),
    frame_host_gzip: gzip('frame-host.js'),
  };
  console.log(`sizes: ${JSON.stringify(sizes)}`);
  const over = Object.entries(sizes).filter(([key, size]) => size > budget[key]);
  assert.deepEqual(over.map(([key, size]) => `${key}: ${size} B > budget ${budget[key]} B`), [],
    `sizes: ${JSON.stringify(sizes)}`);
});

test('every file a host serves has precompressed .gz and .br copies that decompress to it', async () => {
  const { gunzipSync, brotliDecompressSync } = await import('node:zlib');
  for (const name of readdirSync(DIST).filter((n) => /\.(html|js|css|wasm)$/.test(n))) {
    const body = readFileSync(join(DIST, name));
    assert.ok(gunzipSync(readFileSync(join(DIST, `${name}.gz`))).equals(body), `${name}.gz`);
    assert.ok(brotliDecompressSync(readFileSync(join(DIST, `${name}.br`))).equals(body), `${name}.br`);
  }
});
