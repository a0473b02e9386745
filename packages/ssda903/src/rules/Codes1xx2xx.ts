/**
 * DfE rules 104–299: header fields, episode codes and field combinations.
 * Each rule is a small pure check named by its DfE code; messages are our own paraphrase.
 */
import type { Rule } from "../Rule.ts"

/** The rules of this module, every year's version. @category rules */
export const all: ReadonlyArray<Rule> = []
