import { gzipSync } from 'node:zlib';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Citation, OutputFormat } from '../../core/statistics.js';

export type CsvCell = string | number | boolean | null | undefined;

/** One value of an answer, flat: the columns naming it, and the datasets it comes from. */
export interface CsvRow {
  cells: Record<string, CsvCell>;
  /** Dataset ids; more than one for a figure Bridges computed from several (a share of GDP). */
  sources: string[];
}

/** An answer flattened for CSV: its own columns, then the source columns the presenter adds. */
export interface CsvTable {
  columns: string[];
  rows: CsvRow[];
}

/** The columns every CSV row ends with, so a row cut from the file still carries its source. */
export const SOURCE_COLUMNS = ['dataset', 'publisher', 'edition', 'licence', 'citation'] as const;

const JOIN = ' | ';

/**
 * The one CSV presenter of the analytics API: a header, then one row per value with the
 * answer's columns followed by dataset, publisher, edition, licence and citation (joined with
 * " | " when a figure comes from several datasets).
 */
export function presentCsv(table: CsvTable, citations: Citation[]): string {
  const byId = new Map(citations.map((c) => [c.dataset, c]));
  const records = table.rows.map((row) => {
    const cited = row.sources.map((id) => byId.get(id)).filter((c): c is Citation => c !== undefined);
    const join = (pick: (c: Citation) => string) => cited.map(pick).join(JOIN);
    return [
      ...table.columns.map((column) => cell(row.cells[column])),
      join((c) => c.dataset),
      join((c) => c.publisher),
      join((c) => c.edition),
      join((c) => c.licence),
      join((c) => c.citation),
    ];
  });
  return stringify([[...table.columns, ...SOURCE_COLUMNS], ...records], { record_delimiter: '\r\n' });
}

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return String(value);
}

/** `format=csv` wins; otherwise an Accept header naming text/csv (before any JSON) asks for CSV. */
export function wantsCsv(request: FastifyRequest, format: OutputFormat | undefined): boolean {
  if (format) return format === 'csv';
  const accept = request.headers.accept ?? '';
  const csv = accept.indexOf('text/csv');
  if (csv < 0) return false;
  const json = accept.indexOf('application/json');
  return json < 0 || csv < json;
}

/** An answer's body, encoded once: UTF-8 bytes and their gzip, for clients that accept it. */
interface EncodedBody {
  plain: Buffer;
  gzip: Buffer;
}

function encode(text: string): EncodedBody {
  const plain = Buffer.from(text, 'utf8');
  return { plain, gzip: gzipSync(plain) };
}

// Serialised answers, per answer object: the cache hands out the same object until the data change.
const jsonBodies = new WeakMap<object, EncodedBody>();
const csvBodies = new WeakMap<object, EncodedBody>();

/** Sends an encoded body, gzipped when the client says it accepts gzip (every browser does). */
function sendEncoded(request: FastifyRequest, reply: FastifyReply, body: EncodedBody): FastifyReply {
  if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
    return reply.header('content-encoding', 'gzip').send(body.gzip);
  }
  return reply.send(body.plain);
}

export interface Answer<T extends object> {
  value: T;
  /** Response schema: the answer is checked against it once, as Fastify's serializer would. */
  schema: z.ZodType;
  /** The file name's middle: bridges-<what>.csv. */
  what: string;
  csv: (value: T) => CsvTable;
  sources: Citation[];
}

/**
 * Sends an answer as JSON or, when asked, as CSV (a download named bridges-<what>.csv). Each
 * answer object is checked, serialised and gzipped once: a cached profile is sent as the bytes made
 * the first time, so a warm request costs neither serialisation nor compression.
 */
export function sendAnswer<T extends object>(
  request: FastifyRequest,
  reply: FastifyReply,
  format: OutputFormat | undefined,
  answer: Answer<T>,
): FastifyReply {
  void reply.header('vary', 'Accept, Accept-Encoding');
  if (wantsCsv(request, format)) {
    let body = csvBodies.get(answer.value);
    if (body === undefined) {
      body = encode(presentCsv(answer.csv(answer.value), answer.sources));
      csvBodies.set(answer.value, body);
    }
    const name = `bridges-${answer.what.replace(/[^A-Za-z0-9_.-]+/g, '-')}.csv`;
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`);
    return sendEncoded(request, reply, body);
  }
  let body = jsonBodies.get(answer.value);
  if (body === undefined) {
    body = encode(JSON.stringify(answer.schema.parse(answer.value)));
    jsonBodies.set(answer.value, body);
  }
  void reply.header('content-type', 'application/json; charset=utf-8');
  return sendEncoded(request, reply, body);
}
