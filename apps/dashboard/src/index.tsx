/**
 * The dashboard's entry: the router with the shared layout. Pages load on demand (see `routes.ts`).
 */
import { Router } from "@solidjs/router"
import { render } from "solid-js/web"
import { Layout } from "./components/layout.tsx"
import { routes } from "./routes.ts"
import "./styles.css"

const root = document.getElementById("root")
if (root === null) throw new Error("index.html has no #root element")

render(() => <Router root={Layout}>{routes}</Router>, root)
