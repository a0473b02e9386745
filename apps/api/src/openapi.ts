/**
 * The OpenAPI 3.1 document, generated from `endpoints.ts` — the same Schemas the routes validate with and encode
 * with — through `Schema.toJsonSchemaDocument`. Nothing here restates a field by hand.
 */
import { Schema } from "effect"
import { matrix } from "./authorization.ts"
import { type Endpoint, type EndpointId, endpoints, Problem } from "./endpoints.ts"
import * as ProblemKinds from "./problem.ts"

type Json = { readonly [key: string]: unknown }

/** JSON Schema `$ref`s point at OpenAPI's components instead of `$defs`. */
const relocate = <A>(json: A): A =>
  JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/')) as A

/** The OpenAPI path of a Hono path: `/v1/councils/:council` → `/v1/councils/{council}`. @category encoding */
export const openApiPath = (path: string): string => path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, "{$1}")

/**
 * The OpenAPI 3.1 document for every endpoint.
 * @category constructors
 */
export const document = (options: { readonly version: string }): Json => {
  const components: Record<string, unknown> = {}
  const jsonSchema = (schema: Schema.Top): Json => {
    const doc = Schema.toJsonSchemaDocument(schema)
    Object.assign(components, relocate(doc.definitions))
    return relocate(doc.schema) as Json
  }
  const parameters = (where: "path" | "query", schema: Schema.Top | undefined) => {
    if (schema === undefined) return []
    const object = jsonSchema(schema) as { properties?: Record<string, Json>; required?: ReadonlyArray<string> }
    return Object.entries(object.properties ?? {}).map(([name, property]) => ({
      name,
      in: where,
      required: where === "path" || (object.required ?? []).includes(name),
      ...(typeof property.description === "string" ? { description: property.description } : {}),
      schema: property
    }))
  }
  const problem = { "application/problem+json": { schema: jsonSchema(Problem) } }
  const operation = (id: EndpointId, endpoint: Endpoint) => {
    const open = matrix[id] === "open"
    const roles = matrix[id]
    return {
      operationId: id,
      summary: endpoint.summary,
      description: open ? "Open: no credential needed." : `Roles: ${(roles as ReadonlyArray<string>).join(", ")}.`,
      /** The authorization matrix's row, as data (the dashboard's roles table reads it). */
      "x-cpo-roles": roles,
      tags: [endpoint.tag],
      parameters: [...parameters("path", endpoint.params), ...parameters("query", endpoint.query)],
      ...(endpoint.body.kind === "json"
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: jsonSchema(endpoint.body.schema) } }
            }
          }
        : endpoint.body.kind === "multipart"
          ? {
              requestBody: {
                required: true,
                description: endpoint.body.description,
                content: {
                  "multipart/form-data": {
                    schema: {
                      type: "object",
                      properties: { files: { type: "array", items: { type: "string", format: "binary" } } },
                      required: ["files"]
                    }
                  }
                }
              }
            }
          : endpoint.body.kind === "csv"
            ? {
                requestBody: {
                  required: true,
                  description: endpoint.body.description,
                  content: { "text/csv": { schema: { type: "string" } } }
                }
              }
            : {}),
      responses: {
        [String(endpoint.status)]: {
          description: "Success",
          content:
            endpoint.response === "html"
              ? { "text/html": { schema: { type: "string" } } }
              : endpoint.response === "pdf"
                ? { "application/pdf": { schema: { type: "string", contentEncoding: "binary" } } }
                : endpoint.response === "report"
                  ? {
                      "text/html": { schema: { type: "string" } },
                      "text/markdown": { schema: { type: "string" } },
                      "text/csv": { schema: { type: "string" } },
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                        schema: { type: "string", contentEncoding: "binary" }
                      }
                    }
                  : { "application/json": { schema: jsonSchema(endpoint.response) } }
        },
        ...(open ? {} : { "401": { description: "Not authenticated", content: problem } }),
        ...(open ? {} : { "403": { description: "Role or council not permitted", content: problem } }),
        ...(endpoint.params !== undefined || endpoint.query !== undefined || endpoint.body.kind !== "none"
          ? { "400": { description: "Validation failed", content: problem } }
          : {}),
        default: { description: "A problem document", content: problem }
      },
      security: open ? [] : [{ bearer: [] }, { apiKey: [] }]
    }
  }
  const paths: Record<string, Record<string, unknown>> = {}
  for (const [id, endpoint] of Object.entries(endpoints) as Array<[EndpointId, Endpoint]>) {
    const path = openApiPath(endpoint.path)
    paths[path] = { ...paths[path], [endpoint.method]: operation(id, endpoint) }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "cpo API",
      version: options.version,
      description:
        "Corporate Parenting Oversight: 903 returns, indicators and cohorts for English councils. Errors are " +
        `problem documents whose type is one of: ${(Object.keys(ProblemKinds.kinds) as Array<ProblemKinds.Kind>).map(ProblemKinds.typeOf).join(", ")}.`
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        apiKey: { type: "apiKey", in: "header", name: "X-Api-Key" }
      }
    }
  }
}
