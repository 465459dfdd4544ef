// Shared by the benchmarks: an init script that gives the page `__armFrame()`, after which the
// next key press sets `__frame` to a promise of the time from that key press to the task after
// the next frame (what a person waits to see the key land).
export function frameProbe() {
  window.__armFrame = () => {
    window.__frame = new Promise((resolve) => {
      addEventListener('keydown', (event) => {
        const t0 = event.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - t0);
          channel.port2.postMessage(0);
        });
      }, { once: true, capture: true });
    });
  };
}

/** The median and a quantile of a list of numbers. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];

/**
 * Presses keys in the focused field at a typing pace (about 8 a second, so the app's throttled
 * save falls among them); returns each key press → next frame time. Needs `frameProbe`.
 */
export async function timeKeyPresses(page, presses) {
  const frames = [];
  for (let i = 0; i < presses; i += 1) {
    await page.evaluate(() => window.__armFrame());
    await page.keyboard.press(i % 2 ? 'a' : 'b');
    frames.push(await page.evaluate(() => window.__frame));
    await page.waitForTimeout(120);
  }
  return frames;
}

/**
 * An init script that records, for every key pressed in the page, the time from the key down to
 * the task after the next frame, in `window.__keyFrames` — measured in the page, so that nothing
 * the harness does between keys (a round trip to the page per key) runs on the page's thread.
 */
export function keyFramesProbe() {
  window.__keyFrames = [];
  addEventListener('keydown', (event) => {
    const t0 = event.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__keyFrames.push(performance.now() - t0);
      channel.port2.postMessage(0);
    });
  }, true);
}

/**
 * Types `presses` keys `gap` ms apart in the focused field, as a steady typist does, and returns
 * each key down → the task after the next frame. Needs `keyFramesProbe`.
 */
export async function timeTyping(page, presses, gap) {
  await page.evaluate(() => { window.__keyFrames = []; });
  await page.keyboard.type('ab'.repeat(presses).slice(0, presses), { delay: gap });
  await page.waitForFunction((n) => window.__keyFrames.length >= n, presses);
  return page.evaluate(() => window.__keyFrames);
}
