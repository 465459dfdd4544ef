// Lighthouse's accessibility and best-practices audits on the app's own page, as a respondent
// meets it (mobile defaults), served under the README's strictest CSP: both must score 100.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { DIST } from './support.mjs';
import { serveSite } from './static-server.mjs';

// The README's policy for the app's own page: Trusted Types with the app's one policy (its
// offline worker's URL).
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; require-trusted-types-for 'script'; trusted-types consultation-response";

let site;
let chrome;
let profile;
before(async () => {
  site = await serveSite({ routes: [['/', DIST]], headers: () => ({ 'content-security-policy': CSP }) });
  profile = mkdtempSync(join(tmpdir(), 'cr-lighthouse-'));
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    userDataDir: profile,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=en-US',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    envVars: { ...process.env, LANGUAGE: 'en_US', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
  });
});
after(async () => {
  await chrome?.kill();
  await site?.close();
  rmSync(profile, { recursive: true, force: true });
});

test('Lighthouse: accessibility 100 and best practices 100 on the app\'s own page', { timeout: 180_000 }, async () => {
  const result = await lighthouse(site.url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['accessibility', 'best-practices'],
  });
  const { categories, audits } = result.lhr;
  // Every audit that counts towards either score (weight above 0) and did not pass.
  const failing = Object.values(categories)
    .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0))
    .map((ref) => audits[ref.id])
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map((audit) => `${audit.id}: ${audit.title}`);
  console.log(`# accessibility ${categories.accessibility.score * 100}, best practices ${categories['best-practices'].score * 100}`);
  assert.deepEqual(failing, []);
  assert.equal(categories.accessibility.score, 1);
  assert.equal(categories['best-practices'].score, 1);
});
