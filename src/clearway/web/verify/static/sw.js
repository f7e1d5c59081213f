// The /verify page's service worker: keeps the page, its files and the key set for use without a network.
// The page and the key set are fetched from the network first (so they stay fresh when online) and
// answered from the cache when the network fails; the page's static files are answered from the cache.
"use strict";
const CACHE = "clearway-verify-__BUILD__";
const PAGE = "/verify";
const KEYS = "__KEYS_URL__";
const SHELL = [PAGE, "/verify/manifest.webmanifest", __STATIC_FILES__];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...SHELL, KEYS])).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith("clearway-verify-") && name !== CACHE)
        .map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreSearch: true });
  return cached || fetch(request);
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname === PAGE) event.respondWith(networkFirst(event.request, PAGE));
  else if (url.pathname === KEYS) event.respondWith(networkFirst(event.request, KEYS));
  else if (url.pathname.startsWith("/verify/")) event.respondWith(cacheFirst(event.request));
});
