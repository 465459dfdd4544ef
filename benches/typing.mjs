// Benchmark: what one key press costs in a 20,000-character answer, and what one save costs.
// Run after a release build: `node benches/typing.mjs`. Prints medians; asserts nothing.
import { answerField, openApp, openContext, start } from '../tests/e2e/support.mjs';

const env = await start();
try {
  const { context } = await openContext(env);
  const page = await openApp(context, env.url);
  const field = answerField(page, '4.iii');
  await field.fill('知识产权 Intellectual property. '.repeat(800).slice(0, 20_000));

  const result = await page.evaluate(async () => {
    const field = document.querySelector('textarea[name="answer-4.iii"]');
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const input = [];
    for (let i = 0; i < 400; i++) {
      field.value += i % 2 ? '字' : 'a';
      const t0 = performance.now();
      field.dispatchEvent(new Event('input', { bubbles: true }));
      input.push(performance.now() - t0);
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    // A save is what `visibilitychange` triggers; time it through the page's own flush path.
    const save = [];
    for (let i = 0; i < 50; i++) {
      field.value += '.';
      field.dispatchEvent(new Event('input', { bubbles: true }));
      const t0 = performance.now();
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      save.push(performance.now() - t0);
      delete document.visibilityState;
    }
    return { input: median(input), save: median(save), length: field.value.length };
  });
  console.log(`answer length: ${result.length} characters`);
  console.log(`input handling per key press (median of 400): ${result.input.toFixed(3)} ms`);
  console.log(`save of the whole draft (median of 50): ${result.save.toFixed(3)} ms`);
  await context.close();
} finally {
  await env.stop();
}
