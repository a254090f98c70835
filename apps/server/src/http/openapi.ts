import type { ServerResponse } from "node:http";
import { z, type ZodType } from "zod";
import type { Route } from "./routes";

/** A schema as JSON Schema, as clients send it (dates as ISO strings). */
function jsonSchema(schema: ZodType) {
  return z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema: json }) => {
      if (zodSchema._zod.def.type === "date") Object.assign(json, { type: "string", format: "date-time" });
    },
  });
}

const problemSchema = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: {
        vi: { type: "string" },
        en: { type: "string" },
        fieldErrors: {
          type: "array",
          items: {
            type: "object",
            properties: { field: { type: "string" }, vi: { type: "string" }, en: { type: "string" } },
          },
        },
      },
      required: ["vi", "en"],
    },
  },
};

/** Query parameters of a route, from its (object) schema. */
function parametersOf(query: ZodType) {
  const { properties = {}, required = [] } = jsonSchema(query) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: "query",
    required: required.includes(name),
    schema,
  }));
}

/** The OpenAPI document of the REST routes, built from their declarations. */
export function openApiDocument(routes: readonly Route[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const responses = Object.fromEntries(
      Object.entries(route.responses).map(([status, description]) => [
        status,
        Number(status) >= 400
          ? { description, content: { "application/json": { schema: problemSchema } } }
          : { description },
      ]),
    );
    paths[route.path] = {
      ...paths[route.path],
      [route.method.toLowerCase()]: {
        summary: route.summary,
        ...(route.query ? { parameters: parametersOf(route.query) } : {}),
        ...(route.body
          ? {
              requestBody: {
                required: true,
                content: { [route.body.mediaType]: route.body.schema ? { schema: jsonSchema(route.body.schema) } : {} },
              },
            }
          : {}),
        responses,
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Commune Pulse API",
      version: "1",
      description:
        "Reports into the ledger, imports and PDF exports. Sign in with POST /api/auth/sign-in/email; send the token as `Authorization: Bearer …`. Every refusal says why in Vietnamese and English.",
    },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    security: [{ bearer: [] }],
    paths,
  };
}

let cached: string | null = null;

export function sendOpenApi(res: ServerResponse, routes: readonly Route[]): Promise<void> {
  cached ??= JSON.stringify(openApiDocument(routes));
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" });
  res.end(cached);
  return Promise.resolve();
}
