import { STATUS_CODES as HTTP_REASONS } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ErrorResponse } from '../../core/errors.js';
import {
  SDMX_DATA_FORMATS,
  SDMX_STRUCTURE_FORMATS,
  SDMX_UNSERVED_DATA_FORMATS,
  sdmxDataFormat,
} from '../../core/sdmx.js';
import { ApiError } from '../http/api-error.js';
import { negotiate, parseAccept, type MediaRange } from '../http/negotiate.js';
import { ERROR_OFFERS } from './sdmx-offers.js';

/**
 * The SDMX routes' errors as SDMX 2.1 REST asks: the HTTP status the API gives, and in the body
 * SDMX's error code with the API's own message. A client that asks for XML (Accept or `format=`)
 * gets SDMX-ML's Error message; any other the API's JSON error with SDMX-JSON's `errors` beside it,
 * so that the UI (which reads `error`) and SDMX clients (which read `errors`) read the same answer.
 * Here: the codes, the JSON error's schema, which format; sdmx.routes.ts writes the answer.
 */

/**
 * A request SDMX's syntax allows that does not fit the flow or the other parameters (a key with a
 * position too many, a parameter that applies only to another format): a 400 as any other, whose
 * SDMX code is 150, Semantic error, rather than 140, Syntax error.
 */
export class SdmxSemanticError extends ApiError {
  constructor(field: string, message: string) {
    super(400, 'invalid_parameter', `${field}: ${message}`, [{ field, message }]);
    this.name = 'SdmxSemanticError';
  }
}

/** An SDMX error code and its name. */
export interface SdmxErrorCode {
  code: number;
  title: string;
}

const INTERNAL_ERROR: SdmxErrorCode = { code: 500, title: 'Internal server error' };
const SEMANTIC_ERROR: SdmxErrorCode = { code: 150, title: 'Semantic error' };

/** SDMX 2.1's error codes by the HTTP status they go with (web services guidelines, "Error handling"). */
const SDMX_ERROR_CODES: Partial<Record<number, SdmxErrorCode>> = {
  400: { code: 140, title: 'Syntax error' },
  401: { code: 110, title: 'Unauthorized' },
  404: { code: 100, title: 'No results found' },
  413: { code: 130, title: 'Response too large due to client request' },
  500: INTERNAL_ERROR,
  501: { code: 501, title: 'Not implemented' },
  503: { code: 503, title: 'Service unavailable' },
};

/**
 * The SDMX error code of an answer's status. SDMX 2.1 has none for 406 Not Acceptable or 409
 * Conflict: those get a custom code, which SDMX numbers from 1000, here 1000 + the status (1406,
 * 1409); a server failure it has no code for is 500.
 */
export function sdmxErrorCode(status: number, semantic = false): SdmxErrorCode {
  if (semantic && status === 400) return SEMANTIC_ERROR;
  const standard = SDMX_ERROR_CODES[status];
  if (standard) return standard;
  if (status >= 500) return INTERNAL_ERROR;
  return { code: 1000 + status, title: HTTP_REASONS[status] ?? 'Error' };
}

/** The SDMX routes' JSON error: the API's, and the same error as SDMX-JSON 1.0 `errors`. */
export const SdmxErrorResponse = ErrorResponse.extend({
  errors: z
    .array(
      z.object({
        code: z
          .number()
          .int()
          .describe(
            'SDMX 2.1 error code: 100 No results found, 130 Response too large, 140 Syntax error, 150 Semantic error, 500, 501 Not implemented, 503 Service unavailable; 1000 + the HTTP status where SDMX has no code (1406 Not Acceptable, 1409 Conflict)',
          ),
        title: z.string().describe('The name of the code'),
        detail: z.string().describe('What went wrong: error.message'),
      }),
    )
    .describe('The same error as SDMX-JSON 1.0 `errors`, for SDMX clients'),
}).meta({ id: 'SdmxErrorResponse' });
export type SdmxErrorResponse = z.infer<typeof SdmxErrorResponse>;

const SDMX_ML_ERROR = z
  .string()
  .describe(
    'SDMX-ML 2.1 Error message, when the request asks for XML (Accept: application/xml or an SDMX-ML type, or format=xml, genericdata…): <mes:Error><mes:ErrorMessage code="140"><com:Text xml:lang="en">…</com:Text></mes:ErrorMessage></mes:Error>',
  );

/** An error answer of an SDMX route, for its schema and the OpenAPI document: JSON, or SDMX-ML. */
export function sdmxErrorAnswer(description: string) {
  return {
    description,
    content: { 'application/json': { schema: SdmxErrorResponse }, 'application/xml': { schema: SDMX_ML_ERROR } },
  };
}

/** `format=` values that name an SDMX-ML message (every SDMX 2.1 data format but EDI is XML). */
const XML_FORMATS = new Set<string>([
  ...SDMX_DATA_FORMATS.filter((f) => sdmxDataFormat(f) === 'xml'),
  ...SDMX_UNSERVED_DATA_FORMATS.filter((f) => f !== 'edidata'),
  ...SDMX_STRUCTURE_FORMATS.filter((f) => f === 'xml' || f === 'sdmx-ml'),
]);
const FORMATS = new Set<string>([...SDMX_DATA_FORMATS, ...SDMX_UNSERVED_DATA_FORMATS, ...SDMX_STRUCTURE_FORMATS]);

/** What the `format` parameter asks for, as sent (it may be the parameter at fault); null if none or unknown. */
function formatAsked(request: FastifyRequest): 'json' | 'xml' | null {
  const format = (request.query as Record<string, unknown> | undefined)?.format;
  if (typeof format !== 'string' || !FORMATS.has(format)) return null;
  return XML_FORMATS.has(format) ? 'xml' : 'json';
}

/**
 * The format an SDMX route's error is written in: the one `format=` names, else the one the Accept
 * header prefers (JSON for none, `*∕*` or an Accept that takes neither), never one the Accept header
 * refuses (q=0) while it takes the other: a 406 does not answer in what the client said it will not
 * read. A malformed Accept header (the 400 that names it) gets JSON.
 */
export function errorFormat(request: FastifyRequest): 'json' | 'xml' {
  const accept = request.headers.accept?.trim() || undefined;
  let refusals: MediaRange[];
  try {
    refusals = accept ? parseAccept(accept, true) : [];
  } catch {
    return 'json';
  }
  const refused = (format: 'json' | 'xml') =>
    refusals.some((r) => ERROR_OFFERS.some((o) => o.format === format && o.accepts(r)));
  let wanted = formatAsked(request);
  if (wanted === null) {
    try {
      wanted = negotiate(accept, ERROR_OFFERS, []).format;
    } catch {
      wanted = 'json';
    }
  }
  const other = wanted === 'xml' ? 'json' : 'xml';
  return refused(wanted) && !refused(other) ? other : wanted;
}
