// Trunk's post-build hook: writes the files a host links to under stable names, with the hashed
// names of this build filled in. Trunk 0.21 can only emit its loader as an inline script, which a
// strict CSP blocks; so Trunk injects nothing (inject_scripts = false) and this writes:
//   consultation-response.js  the loader (embed/loader.js), which index.html uses too
//   frame-host.js             the iframe sizer a host copies (embed/frame-host.js)
//   sw.js                     the offline worker, listing this release's files (embed/sw.js)
//   first-view.<code>-<hash>.html
//                             the app's first view in each language of the paper, rendered by
//                             the native `prerender` tool (src/bin/prerender.rs); index.html
//                             carries the first language's in a declarative shadow root, the
//                             loader fetches another where the reader prefers it
//   <file>.gz, <file>.br      precompressed copies of every text and wasm file
// and minifies the wasm-bindgen glue, which Trunk leaves as it is.
// Run by Trunk with TRUNK_STAGING_DIR set; `node scripts/finish-dist.mjs <dir>` also works.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('finish-dist: no staging folder (TRUNK_STAGING_DIR)');
const source = (name) => readFileSync(fileURLToPath(new URL(`../embed/${name}`, import.meta.url)), 'utf8');
const files = readdirSync(dir);

/** The one file of this build matching `pattern`; anything else is a broken build. */
function one(pattern) {
  const found = files.filter((name) => pattern.test(name));
  if (found.length !== 1) throw new Error(`finish-dist: expected one file like ${pattern} in ${dir}, found ${found}`);
  return found[0];
}

/** Drops whole-line comments: the shipped files stay small, the sources stay explained. */
const strip = (text) =>
  text
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\/\*\*.*\*\/\s*$)/.test(line))
    .join('\n');

const js = one(/^consultation-response-[0-9a-f]+\.js$/);
const wasm = one(/^consultation-response-[0-9a-f]+_bg\.wasm$/);
const css = one(/^app-[0-9a-f]+\.css$/);

// The first views, rendered natively with the stable toolchain (the release build's nightly
// settings are for the wasm only), named by their content's hash.
const project = fileURLToPath(new URL('..', import.meta.url));
const rendered = mkdtempSync(join(tmpdir(), 'first-view-'));
const native = { ...process.env };
for (const name of ['RUSTUP_TOOLCHAIN', 'CARGO_UNSTABLE_BUILD_STD', 'RUSTFLAGS', 'CARGO_BUILD_TARGET']) delete native[name];
const prerender = spawnSync('cargo', ['run', '--quiet', '--offline', '--features', 'prerender', '--bin', 'prerender', '--', rendered], {
  cwd: project,
  env: native,
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (prerender.status !== 0) throw new Error(`finish-dist: the prerender failed (${prerender.status ?? prerender.signal})`);
const views = {};
for (const name of readdirSync(rendered)) {
  const [, code] = name.match(/^first-view\.([a-z]+)\.html$/) ?? [];
  if (!code) continue;
  // The app's outermost element, marked so that the loader and the app can find it.
  const html = readFileSync(join(rendered, name), 'utf8').replace(/^<div /, '<div data-first-view ');
  if (!html.startsWith('<div data-first-view ')) throw new Error(`finish-dist: ${name} is not the app's first view`);
  const file = `first-view.${code}-${createHash('sha256').update(html).digest('hex').slice(0, 16)}.html`;
  writeFileSync(join(dir, file), html);
  views[code] = { file, html };
}

const loader = strip(source('loader.js'))
  .replace('@JS@', js)
  .replace('@WASM@', wasm)
  .replace('@CSS@', css)
  .replace("'@VIEWS@'", JSON.stringify(Object.fromEntries(Object.entries(views).map(([code, { file }]) => [code, file]))));
// Minified: the loader is on the way to everything (single quotes keep the names findable).
const minifiedLoader = (await minify(loader, { module: true, compress: { passes: 2 }, format: { quote_style: 1 } })).code;
writeFileSync(join(dir, 'consultation-response.js'), minifiedLoader);
writeFileSync(join(dir, 'frame-host.js'), strip(source('frame-host.js')));

// With inject_scripts = false Trunk leaves its own rust link in the page: it does nothing, so drop
// it. The page's title and opening lines name the consultation this build serves (the file
// CONSULTATION names, as build.rs reads it; WIPO's paper by default), in each of its languages,
// its first language first.
const page = join(dir, 'index.html');
const consultationFile = resolve(project, process.env.CONSULTATION ?? 'data/wipo-ip-ai-2019.json');
const consultation = JSON.parse(readFileSync(consultationFile, 'utf8'));
const escape = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// The page's words before the app starts, in each interface language (src/i18n has the rest).
const starting = {
  zh: { tag: 'zh-CN', app: '意见回复', opening: '正在打开意见回复表……', noscript: '本页需要启用 JavaScript 与 WebAssembly。' },
  en: { tag: 'en', app: 'Consultation response', opening: 'opening the response form…', noscript: 'This page needs JavaScript and WebAssembly.' },
};
const languages = consultation.languages.map(({ code }) => {
  if (!starting[code]) throw new Error(`finish-dist: no start-up words for the language "${code}"`);
  if (!views[code]) throw new Error(`finish-dist: no first view in "${code}"`);
  return { ...starting[code], code, title: escape(consultation.title[code]) };
});
const symbol = escape(consultation.symbol);
const [first] = languages;
const opening = languages
  .map(({ tag, opening, title }, i) =>
    i === 0
      ? `<p lang="${tag}">${symbol} · ${opening}</p><h1 lang="${tag}">${title}</h1>`
      : `<p lang="${tag}">${title} · ${opening}</p>`,
  )
  .join('');
writeFileSync(
  page,
  readFileSync(page, 'utf8')
    .replace(/<link [^>]*data-trunk[^>]*>/, '')
    .replaceAll('@LANG@', first.tag)
    .replaceAll('@TITLE@', `${first.app} · ${symbol} ${first.title}`)
    .replaceAll('@NOSCRIPT@', languages.map(({ noscript }) => noscript).join(' '))
    .replaceAll('@STARTING@', opening)
    // The first language's view, shown as the page is read: a declarative shadow root keeps
    // the page's styles and the app's apart as the loader's does.
    .replace('@FIRST_VIEW@', `<template shadowrootmode="open"><link rel="stylesheet" href="${css}">${views[first.code].html}</template>`),
);

// Trunk minifies the page and the stylesheet but not the wasm-bindgen glue.
const glue = join(dir, js);
writeFileSync(glue, (await minify(readFileSync(glue, 'utf8'), { module: true, compress: { passes: 2 } })).code);

const precached = ['./', 'index.html', 'consultation-response.js', js, wasm, css, ...Object.values(views).map(({ file }) => file)];
const release = createHash('sha256').update(precached.join('\n') + loader).digest('hex').slice(0, 16);
const worker = strip(source('sw.js')).replace('@RELEASE@', release).replace('@FILES@', JSON.stringify(precached));
writeFileSync(join(dir, 'sw.js'), worker);

// Precompressed copies beside every file, for a host to serve as they are (README: the server lines).
for (const name of readdirSync(dir)) {
  if (!/\.(html|js|css|wasm|json)$/.test(name)) continue;
  const body = readFileSync(join(dir, name));
  writeFileSync(join(dir, `${name}.gz`), gzipSync(body, { level: 9 }));
  writeFileSync(join(dir, `${name}.br`), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}
console.log(`finish-dist: loader, frame-host and sw.js written for ${js}, ${wasm}, ${css} (release ${release})`);
