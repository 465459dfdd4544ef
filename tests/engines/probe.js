// Served to the pages of the engines' journeys as their first script (the test server adds it):
// records page errors, CSP and Trusted Types violations, calls to navigator.storage.persist, and
// the files the app offers for download, in every engine alike (no driver-specific hooks).
(() => {
  const journey = { errors: [], violations: [], persistCalls: 0, downloads: [] };
  window.__journey = journey;
  addEventListener('error', (e) => journey.errors.push(String(e.message || e.error)));
  addEventListener('unhandledrejection', (e) => journey.errors.push(`unhandled rejection: ${e.reason}`));
  document.addEventListener('securitypolicyviolation', (e) =>
    journey.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ''}`.trim()),
  );

  if (window.StorageManager?.prototype.persist) {
    const persist = StorageManager.prototype.persist;
    StorageManager.prototype.persist = function () {
      journey.persistCalls += 1;
      return persist.call(this);
    };
  }

  // A download is a blob: URL clicked on an <a download>; its bytes are kept here instead of
  // going through the engine's download manager, which the drivers do not all expose.
  const blobs = new Map();
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (blob) {
    const url = createObjectURL.call(URL, blob);
    blobs.set(url, blob);
    return url;
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    const blob = this.download && blobs.get(this.href);
    if (!blob) return click.call(this);
    const name = this.download;
    blob.arrayBuffer().then((buffer) => {
      let binary = '';
      const bytes = new Uint8Array(buffer);
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      journey.downloads.push({ name, base64: btoa(binary) });
    });
  };
})();
