/**
 * The service worker that lets /validate work offline: registered from the page (only in a production build, where
 * `sw.js` and its precache list exist), it caches the app shell and every built asset, the validation worker's
 * included, so that after one visit the page loads and validates with the network cut off.
 */
import { type Accessor, createSignal, onMount } from "solid-js"

/**
 * Register the service worker and tell when it controls the page (the page is then ready to be used offline).
 * @category constructors
 */
export const createOfflineReady = (): Accessor<boolean> => {
  const [ready, setReady] = createSignal(false)
  onMount(() => {
    if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return
    const container = navigator.serviceWorker
    const check = () => setReady(container.controller !== null)
    container.addEventListener("controllerchange", check)
    container
      .register("/sw.js", { scope: "/" })
      .then(() => container.ready)
      .then(check)
      .catch(() => setReady(false))
    check()
  })
  return ready
}
