/**
 * DfE rules 300–499 (and 3001): episode dates and chronology, reviews, legal status, UASC, OC2 and carried-over histories.
 * Each rule is a small pure check named by its DfE code; messages are our own paraphrase.
 */
import type { Rule } from "../Rule.ts"

/** The rules of this module, every year's version. @category rules */
export const all: ReadonlyArray<Rule> = []
