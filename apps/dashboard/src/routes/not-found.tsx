/** Any address the dashboard does not know. */
import { A } from "@solidjs/router"
import { usePageTitle } from "../components/page-title.ts"

export default function NotFound() {
  usePageTitle(() => "Page not found")
  return (
    <>
      <h1>Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>
        <A href="/">Go to the list of councils</A>
      </p>
    </>
  )
}
