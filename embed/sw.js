// sw.js: keeps the app's files for use offline. Its scope is the app's folder. Every file of a
// release is cached when the worker installs; pages are served from that cache first, so the app
// starts with no network. A new release waits until the app, after saving, asks it to take over.
const RELEASE = '@RELEASE@';
const FILES = @FILES@;
const CACHE = `consultation-response-${RELEASE}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(keys.filter((key) => key.startsWith('consultation-response-') && key !== CACHE).map((key) => caches.delete(key))),
    ),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // The app's page answers with or without its query (?lang=, ?parent-origin=).
      const kept = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
      return kept ?? fetch(request);
    }),
  );
});
