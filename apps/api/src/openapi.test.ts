import { Layer } from "effect"
import { transformSync } from "esbuild"
import { describe, expect, it } from "vitest"
import { makeApp } from "./app.ts"
import { matrix } from "./authorization.ts"
import { type EndpointId, endpoints } from "./endpoints.ts"
import { openApiPath } from "./openapi.ts"
import { fromLayer } from "./runtime.ts"

// The document needs no store: a runtime over an empty layer is never asked for a service here.
const app = makeApp({ runtime: fromLayer(Layer.empty as never), log: () => {} })
const fetchDocument = async () =>
  (await (await app.request("/openapi.json")).json()) as {
    openapi: string
    paths: Record<string, Record<string, { responses: Record<string, unknown>; parameters: Array<{ name: string }> }>>
    components: { schemas: Record<string, unknown> }
  }

describe("OpenAPI document", () => {
  it("documents every route the app serves, with its method", async () => {
    const document = await fetchDocument()
    const served = app.routes.filter((r) => r.method !== "ALL")
    expect(served.length).toBeGreaterThanOrEqual(Object.keys(endpoints).length)
    for (const route of served) {
      expect(
        document.paths[openApiPath(route.path)]?.[route.method.toLowerCase()],
        `${route.method} ${route.path}`
      ).toBeDefined()
    }
  })

  it("carries each operation's row of the authorization matrix as x-cpo-roles", async () => {
    const document = (await fetchDocument()) as unknown as {
      paths: Record<string, Record<string, { operationId: string; "x-cpo-roles": unknown }>>
    }
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods))
    for (const operation of operations) {
      expect(operation["x-cpo-roles"], operation.operationId).toEqual(matrix[operation.operationId as EndpointId])
    }
    expect(document.paths["/v1/councils/{council}/audit"]?.get?.["x-cpo-roles"]).toEqual(["admin"])
  })

  it("is OpenAPI 3.1 with the domain's Schemas as components, referenced from the operations", async () => {
    const document = await fetchDocument()
    expect(document.openapi).toBe("3.1.0")
    for (const name of ["Scorecard", "ScorecardEntry", "CouncilId", "ImportRecord", "AuditEntry", "Problem"]) {
      expect(document.components.schemas[name], name).toBeDefined()
    }
    const indicators = document.paths["/v1/councils/{council}/indicators"]?.get
    expect(JSON.stringify(indicators?.responses["200"])).toContain("#/components/schemas/Scorecard")
    expect(indicators?.parameters.map((p) => p.name)).toEqual(["council", "year", "audience", "population"])
    expect(JSON.stringify(document)).not.toContain("#/$defs/")
  })

  it("serves interactive docs at /docs that read the document, with no external script", async () => {
    const res = await app.request("/docs")
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('fetch("/openapi.json")')
    expect(html).not.toMatch(/<script[^>]+src=/)
    const script = /<script type="module">([\s\S]*)<\/script>/.exec(html)?.[1] ?? ""
    // The page's script must at least parse as a module (it has no other test harness).
    expect(() => transformSync(script, { format: "esm", loader: "js" })).not.toThrow()
    expect(script).toContain("spec.paths")
  })
})
