// Shared by the benchmarks: an init script that gives the page `__timeAppSave()`, the time the
// app takes to save the whole draft, through its own path for a page being hidden.
export function saveProbe() {
  window.__timeAppSave = () => {
    const t0 = performance.now();
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    const spent = performance.now() - t0;
    delete document.visibilityState;
    return spent;
  };
}
