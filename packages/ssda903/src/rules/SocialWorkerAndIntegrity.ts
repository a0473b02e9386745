/**
 * DfE social-worker rules (SW…STG1/STG2), the 2026/27 deprivation-of-liberty rules (7xx) and the integrity checks (INT01–INT36, EPI, NoE).
 * Each rule is a small pure check named by its DfE code; messages are our own paraphrase.
 */
import type { Rule } from "../Rule.ts"

/** The rules of this module, every year's version. @category rules */
export const all: ReadonlyArray<Rule> = []
