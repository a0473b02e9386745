/**
 * DfE rules 500–699 and 1000–1016: adoption, placed for adoption, previous permanence, missing, comparison with last year's return and long-stay checks.
 * Each rule is a small pure check named by its DfE code; messages are our own paraphrase.
 */
import type { Rule } from "../Rule.ts"

/** The rules of this module, every year's version. @category rules */
export const all: ReadonlyArray<Rule> = []
