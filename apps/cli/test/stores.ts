/**
 * Stores for the commands' tests: a copy of the migrated PGlite folder the run's set-up built (`templates.ts`), so a
 * test starts from the state `cpo db migrate` leaves without running initdb and the migrations again.
 */
import * as Template from "@cpo/store/Template"
import { inject } from "vitest"

/** Put a migrated, empty store in `dataDir` (created if missing) and answer `dataDir`. */
export const migratedStore = (dataDir: string): string => Template.copy(inject("migratedTemplate"), dataDir)
