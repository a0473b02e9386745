/**
 * Who a figure is for. Officers see exact figures; members and the public see small numbers suppressed
 * (domain.md §5.1, §5.3).
 */
import { Schema } from "effect"

/** @category models */
export const Audience = Schema.Literals(["officer", "member", "public"]).annotate({
  identifier: "Audience",
  description: "officer: exact figures; member and public: counts of 1–5 suppressed as c"
})
export type Audience = typeof Audience.Type
