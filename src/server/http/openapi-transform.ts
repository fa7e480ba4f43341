import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

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

interface OpenApiOperation {
  parameters?: { in: string; name: string; schema?: { enum?: unknown[] } }[];
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
}

/** The media types of the files an edition was loaded from (datahub/dataset-files.ts fileMediaType). */
const BUNDLED_FILE_TYPES = [
  'application/gzip',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'text/csv',
];

/** The answers of routes whose schemas declare no 200 (they write their own bytes): by path prefix. */
export interface OtherAnswer {
  /** The paths it documents: those starting with this (the longest prefix that matches wins). */
  prefix: string;
  description: string;
  /** The media types the route answers in, as its Content-Type says. */
  mediaTypes: readonly string[];
}

/**
 * The OpenAPI document's last touches, after zod's: what the route schemas cannot say because
 * Fastify serialises only JSON through them.
 * - An answer that `format=csv` (or Accept: text/csv) gives as CSV lists text/csv beside JSON,
 *   and, for the data hub's and the countries' (which carry an entity tag), its 304, so that
 *   generated clients can ask for both.
 * - A bundled file (`/api/datasets/{id}/files/{name}`) is the file's own type, not JSON; a
 *   library source document (`/api/library/sources/{file}`) is plain text.
 * - A route that writes its own answer (SDMX's) gets the 200 `others` give its path.
 */
export function openApiTransformObject(others: readonly OtherAnswer[] = []): typeof jsonSchemaTransformObject {
  const byLength = [...others].sort((a, b) => b.prefix.length - a.prefix.length);
  return (input) => {
    const doc = jsonSchemaTransformObject(input) as { paths?: Record<string, Record<string, OpenApiOperation>> };
    for (const [path, methods] of Object.entries(doc.paths ?? {}))
      for (const operation of Object.values(methods)) touchUp(path, operation, byLength);
    return doc as ReturnType<typeof jsonSchemaTransformObject>;
  };
}

function touchUp(path: string, operation: OpenApiOperation, others: readonly OtherAnswer[]): void {
  if (!operation.responses) return;
  const other = others.find((o) => path.startsWith(o.prefix));
  if (other && !operation.responses['200']) {
    operation.responses['200'] = {
      description: other.description,
      content: Object.fromEntries(other.mediaTypes.map((type) => [type, { schema: { type: 'string' } }])),
    };
    return;
  }
  const ok = operation.responses['200'];
  if (!ok) return;
  if (path === '/api/datasets/{id}/files/{name}') {
    ok.content = Object.fromEntries(
      BUNDLED_FILE_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    );
    return;
  }
  if (path === '/api/library/sources/{file}') {
    ok.content = { 'text/plain; charset=utf-8': { schema: { type: 'string' } } };
    return;
  }
  const format = operation.parameters?.find((p) => p.in === 'query' && p.name === 'format');
  if (other || !format?.schema?.enum?.includes('csv')) return;
  // The library's CSVs (gap map, export) end each row with its source, and carry no entity tag.
  const library = path.startsWith('/api/library/');
  ok.content = {
    ...ok.content,
    'text/csv': {
      schema: {
        type: 'string',
        description: library
          ? 'The same answer as CSV (RFC 4180, UTF-8): one row per item or cell, each ending with its source (the library and the address it is read at)'
          : 'The same answer as CSV (RFC 4180, UTF-8): one row per value, each ending with dataset, publisher, edition, licence and citation',
      },
    },
  };
  if (!library) operation.responses['304'] = { description: 'Not Modified: the If-None-Match entity tag still holds' };
}
