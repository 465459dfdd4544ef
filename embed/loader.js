// consultation-response.js: the one way the app starts, on its own page and on a host's page.
// It finds the app's hashed files next to itself, mounts the app into the first
// [data-consultation-response] element inside a shadow root (so the host's styles cannot reach
// in and the app's cannot leak out), and says so in both languages when the app cannot start.
// The build writes it into dist/ with the hashed names filled in: cache this file briefly, the
// hashed files for ever.
const FILES = { js: '@JS@', wasm: '@WASM@', css: '@CSS@' };
const at = (name) => new URL(name, import.meta.url).href;

/**
 * Links the stylesheet into `parent` unless it is there; resolves once it has loaded, rejects if
 * it cannot be (missing, or blocked by the page's Content-Security-Policy).
 */
function stylesheet(parent) {
  const href = at(FILES.css);
  const present = [...parent.querySelectorAll('link')].find((l) => l.href === href);
  if (present?.sheet) return Promise.resolve();
  // A link whose load or error event has already fired (the page's own, blocked or failed)
  // would never answer again: a fresh one is asked for, and its answer awaited.
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((done, fail) => {
    link.addEventListener('load', done);
    link.addEventListener('error', () => fail(new Error(`the stylesheet ${href} could not be loaded`)));
  });
  if (present) present.replaceWith(link);
  else parent.append(link);
  return loaded;
}

/** The message shown instead of an empty box: both languages, and the app's own page if set. */
function failed(host, shadow, error) {
  console.error('consultation-response could not start:', error);
  const box = document.createElement('div');
  box.className = 'cr-app cr-failed';
  box.setAttribute('role', 'alert');
  const say = (lang, text, tag = 'p') => {
    const element = document.createElement(tag);
    element.lang = lang;
    element.textContent = text;
    box.append(element);
    return element;
  };
  say('zh-CN', '意见回复表无法启动：它的文件无法加载，或者此浏览器或本页不允许运行 WebAssembly。');
  say('en', 'The response form cannot start: its files could not be loaded, or this browser or page does not allow WebAssembly.');
  const page = host.dataset.standaloneUrl;
  if (page) say('en', '在单独的页面中打开 · Open the form on its own page', 'a').href = page;
  shadow.append(box);
}

/**
 * The worker's address. Where the page enforces Trusted Types (`require-trusted-types-for
 * 'script'`), registering a worker takes a TrustedScriptURL, which only a policy makes: the app's
 * one policy, `consultation-response`, passes exactly this URL and nothing else.
 */
function workerUrl() {
  const url = at('sw.js');
  if (!window.trustedTypes?.createPolicy) return url;
  const only = (given) => {
    if (given !== url) throw new TypeError(`consultation-response: not the app's worker: ${given}`);
    return given;
  };
  return trustedTypes.createPolicy('consultation-response', { createScriptURL: only }).createScriptURL(url);
}

/** Offline use: a service worker for the app's folder, and a new release offered, never forced. */
async function keepOffline(host, root) {
  const asked = host.dataset.offline === 'on' && new URLSearchParams(location.search).get('offline') !== 'off';
  if (!asked || !('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  const registration = await sw.register(workerUrl(), { scope: at('./') });
  const announce = () => {
    if (!registration.waiting || !sw.controller) return;
    // The attribute lets the app see a release that was waiting before it listened.
    root.setAttribute('data-update-ready', '');
    root.dispatchEvent(new Event('consultation-response:update'));
  };
  announce();
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => worker.state === 'installed' && announce());
  });
  // The app asks for this only after the draft is saved.
  root.addEventListener('consultation-response:reload', () => {
    if (!registration.waiting) return location.reload();
    sw.addEventListener('controllerchange', () => location.reload());
    registration.waiting.postMessage('skip-waiting');
  });
}

const host = document.querySelector('[data-consultation-response]');
if (host && !host.shadowRoot) {
  // The shadow root is attached only once the app is ready to show: until then whatever the
  // host put in its element (index.html's "opening…" lines) stays on screen.
  const attach = () => host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const styled = stylesheet(document.head);
  const root = document.createElement('div');
  try {
    if (typeof WebAssembly !== 'object') throw new Error('no WebAssembly');
    const [app] = await Promise.all([import(at(FILES.js)), styled]);
    await app.default({ module_or_path: at(FILES.wasm) });
    const shadow = attach();
    await stylesheet(shadow);
    shadow.append(root);
    app.mount(root);
  } catch (error) {
    // Said even without the stylesheet: the message is plain text.
    await Promise.allSettled([styled]);
    failed(host, attach(), error);
  }
  keepOffline(host, root).catch((error) => console.warn('offline use is not available:', error));
}
