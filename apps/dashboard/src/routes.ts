/**
 * The dashboard's pages. Each page is its own chunk (`lazy`), so the first load carries only the shell and the page
 * asked for. The scorecard, where most visits land, also starts its request from the route (`preload`).
 */
import type { RouteDefinition } from "@solidjs/router"
import { lazy } from "solid-js"
import { preloadScorecard } from "./data/scorecard-request.ts"

export const routes: Array<RouteDefinition> = [
  { path: "/", component: lazy(() => import("./routes/home.tsx")) },
  {
    path: "/councils/:council/scorecard",
    component: lazy(() => import("./routes/scorecard.tsx")),
    // The figures are asked for while the page's chunk loads; the page picks the answer up as `props.data`.
    preload: preloadScorecard
  },
  { path: "/councils/:council/cohorts", component: lazy(() => import("./routes/cohorts.tsx")) },
  { path: "/councils/:council/placements", component: lazy(() => import("./routes/placements.tsx")) },
  { path: "/councils/:council/care-leavers", component: lazy(() => import("./routes/care-leavers.tsx")) },
  { path: "/councils/:council/health", component: lazy(() => import("./routes/health.tsx")) },
  { path: "/councils/:council/priorities", component: lazy(() => import("./routes/priorities.tsx")) },
  { path: "/councils/:council/governance", component: lazy(() => import("./routes/governance.tsx")) },
  { path: "/councils/:council/measures", component: lazy(() => import("./routes/measures.tsx")) },
  { path: "/councils/:council/pledges", component: lazy(() => import("./routes/pledges.tsx")) },
  { path: "/councils/:council/data", component: lazy(() => import("./routes/data.tsx")) },
  { path: "/councils/:council/offer", component: lazy(() => import("./routes/offer.tsx")) },
  { path: "/councils/:council/take-up", component: lazy(() => import("./routes/take-up.tsx")) },
  { path: "/councils/:council/entitlements", component: lazy(() => import("./routes/entitlements.tsx")) },
  { path: "/councils/:council/reports", component: lazy(() => import("./routes/reports.tsx")) },
  { path: "/councils/:council/audit", component: lazy(() => import("./routes/audit.tsx")) },
  { path: "/councils/:council/admin", component: lazy(() => import("./routes/admin.tsx")) },
  { path: "/sign-in", component: lazy(() => import("./routes/sign-in.tsx")) },
  { path: "/validate", component: lazy(() => import("./routes/validate.tsx")) },
  { path: "*404", component: lazy(() => import("./routes/not-found.tsx")) }
]
