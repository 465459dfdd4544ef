// Benchmark: what one key press costs in a 20,000-character answer, and what one save costs;
// then the key press again with the app growing the field itself, as it does in engines without
// `field-sizing: content` (WebKit). Run after a release build: `node benches/typing.mjs`.
// Prints medians; asserts nothing.
import { answerField, openApp, openContext, start } from '../tests/e2e/support.mjs';
import { saveProbe } from './save-probe.mjs';
import { frameProbe, median, quantile, timeKeyPresses } from './frame-probe.mjs';

/** Makes the app believe the engine lacks `field-sizing: content`, so that it sizes fields. */
function withoutFieldSizing() {
  const supports = CSS.supports.bind(CSS);
  CSS.supports = (...args) => (String(args[0]).startsWith('field-sizing') ? false : supports(...args));
}

/** Times key presses and saves in a 20,000-character answer of a page opened with `inits`. */
async function measure(env, inits) {
  const { context } = await openContext(env, { init: inits[0] });
  for (const init of inits.slice(1)) await context.addInitScript(init);
  const page = await openApp(context, env.url);
  const field = answerField(page, '4.iii');
  await field.fill('知识产权 Intellectual property. '.repeat(800).slice(0, 20_000));

  const result = await page.evaluate(async () => {
    const field = document.querySelector('[data-consultation-response]').shadowRoot.querySelector('textarea[name="answer-4.iii"]');
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // A task boundary without the 4-ms clamp of nested timeouts.
    const nextTask = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(0);
    });
    const typed = () => new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' });
    const input = [];
    for (let i = 0; i < 400; i++) {
      field.value += i % 2 ? '字' : 'a';
      const t0 = performance.now();
      field.dispatchEvent(typed());
      // Includes any re-render the key press scheduled (the answer's counter), which runs in a
      // task or microtask after the event.
      await nextTask();
      input.push(performance.now() - t0);
    }
    // What the wait for the next task costs alone, to subtract.
    const floor = [];
    for (let i = 0; i < 400; i++) {
      const t0 = performance.now();
      await nextTask();
      floor.push(performance.now() - t0);
    }
    // A save is what `visibilitychange` triggers; time it through the page's own flush path.
    const save = [];
    for (let i = 0; i < 50; i++) {
      field.value += '.';
      field.dispatchEvent(typed());
      save.push(window.__timeAppSave());
    }
    return { input: median(input), floor: median(floor), save: median(save), length: field.value.length };
  });
  // What a person sees: real key presses at a typing pace, each timed to the task after the
  // next frame (the layout the app's own fitting runs in is counted here).
  await page.evaluate(() => document.querySelector('[data-consultation-response]').shadowRoot.querySelector('textarea[name="answer-4.iii"]').focus());
  const frames = await timeKeyPresses(page, 60);
  await context.close();
  return { ...result, frameP50: median(frames), frameP95: quantile(frames, 0.95) };
}

const env = await start();
try {
  const result = await measure(env, [saveProbe, frameProbe]);
  const grown = await measure(env, [saveProbe, frameProbe, withoutFieldSizing]);
  console.log(`answer length: ${result.length} characters`);
  console.log(`input handling per key press, with the re-render it causes (median of 400): ${result.input.toFixed(3)} ms`);
  console.log(`  the same with the app growing the field (as in engines without field-sizing): ${grown.input.toFixed(3)} ms`);
  console.log(`key press → next frame, p50 / p95 of 60 at a typing pace: ${result.frameP50.toFixed(1)} / ${result.frameP95.toFixed(1)} ms`);
  console.log(`  the same with the app growing the field: ${grown.frameP50.toFixed(1)} / ${grown.frameP95.toFixed(1)} ms`);
  console.log(`  of which waiting for the next task (median of 400, nothing to do): ${result.floor.toFixed(3)} ms`);
  console.log(`save of the whole draft (median of 50): ${result.save.toFixed(3)} ms`);
} finally {
  await env.stop();
}
