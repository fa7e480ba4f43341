import { jsonSchemaTransform } from 'fastify-type-provider-zod';

type Transform = typeof jsonSchemaTransform;

/**
 * The OpenAPI document's route transform: zod's, then a route ending in Fastify's wildcard (used
 * where a segment may be longer than a route parameter's 100 characters, an SDMX series key) is
 * documented under the name its schema's `title` gives the wildcard: `/data/{flow}/{key}` rather
 * than `/data/{flow}/{*}`, which clients and Swagger UI cannot fill in.
 */
export const openApiTransform: Transform = (input) => {
  const out = jsonSchemaTransform(input);
  if (!out.url.endsWith('/*')) return out;
  const params = out.schema.params as
    { properties?: Record<string, { title?: string }>; required?: string[] } | undefined;
  const name = params?.properties?.['*']?.title;
  if (!params?.properties || !name) return out;
  const { '*': wildcard, ...named } = params.properties;
  return {
    url: `${out.url.slice(0, -1)}:${name}`,
    schema: {
      ...out.schema,
      params: {
        ...params,
        properties: { ...named, [name]: wildcard },
        required: params.required?.map((p) => (p === '*' ? name : p)),
      },
    },
  };
};
