/**
 * The dashboard's service worker, for offline validation (/validate). On install it caches the app shell and every
 * built file listed in `sw-precache.js` (written by the build); pages then load from that cache when the network is
 * unavailable. API calls (/v1, /health) are never cached or answered here: they always go to the network, and the
 * validation itself makes none.
 */
/* global self, caches, importScripts */
importScripts("/sw-precache.js")

const { version, urls } = self.cpoPrecache
const cacheName = `cpo-shell-${version}`

const isApi = (path) => path === "/v1" || path.startsWith("/v1/") || path === "/health" || path === "/openapi.json"

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(urls))
      .then(() => self.skipWaiting())
  )
})

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith("cpo-shell-") && n !== cacheName).map((n) => caches.delete(n)))
      )
      .then(() => self.clients.claim())
  )
})

self.addEventListener("fetch", (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (request.method !== "GET" || url.origin !== self.location.origin || isApi(url.pathname)) return
  if (request.mode === "navigate") {
    // Pages: the network first, so a new build is seen at once; the cached shell when offline (the router then
    // shows the page asked for).
    event.respondWith(fetch(request).catch(() => caches.match("/", { cacheName })))
    return
  }
  // Built files have content-hashed names: the cached copy is always right.
  event.respondWith(caches.match(request, { cacheName }).then((hit) => hit ?? fetch(request)))
})
