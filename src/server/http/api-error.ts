import type { FastifyError, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, ErrorDetail, ErrorResponse } from '../../core/errors.js';

/** An error a client caused or can act on; the error handler presents it as the API's error shape. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Headers the answer carries (a 503's Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** A 404 no path parameter is to blame for (an SDMX structure query while nothing is published yet). */
  static notFound(message: string): ApiError {
    return new ApiError(404, 'not_found', message);
  }

  /**
   * A 404 a parameter is to blame for (an id or code nothing has), named as a 400 names its field;
   * or several together (a span of periods neither end of which is wrong alone).
   */
  static notFoundAt(fields: string | readonly string[], message: string): ApiError {
    const named = typeof fields === 'string' ? [fields] : fields;
    return new ApiError(
      404,
      'not_found',
      `${named.join(', ')}: ${message}`,
      named.map((field) => ({ field, message })),
    );
  }

  static unauthorized(message = 'Sign in first: this needs an account.'): ApiError {
    return new ApiError(401, 'unauthorized', message);
  }

  static forbidden(message: string): ApiError {
    return new ApiError(403, 'forbidden', message);
  }

  static conflict(message: string, details: ErrorDetail[] = []): ApiError {
    return new ApiError(409, 'conflict', message, details);
  }

  static invalidParameter(field: string, message: string): ApiError {
    return new ApiError(400, 'invalid_parameter', `${field}: ${message}`, [{ field, message }]);
  }

  /** A format (a parameter or the Accept header) the route does not write: 406. */
  static notAcceptable(field: string, message: string): ApiError {
    return new ApiError(406, 'not_acceptable', message, [{ field, message }]);
  }

  /** A standard parameter (SDMX's updatedAfter…) Bridges knows but does not do: 501. */
  static notImplemented(field: string, message: string): ApiError {
    return new ApiError(501, 'not_implemented', message, [{ field, message }]);
  }

  /**
   * What a parameter names is not there yet but is on its way: a bundled dataset the first start
   * is still loading. A 503 with Retry-After, so that a script waits rather than concludes it
   * does not exist.
   */
  static dataLoading(field: string, message: string, retryAfterSeconds = 10): ApiError {
    return new ApiError(503, 'data_loading', `${field}: ${message}`, [{ field, message }], {
      'retry-after': String(retryAfterSeconds),
    });
  }
}

/** Details listed in one error at most: a request with 1,500 unknown parameters gets 20 and a count. */
const MAX_DETAILS = 20;

/**
 * The API's error body. What a client sent is quoted back only in part (the first 80 characters
 * of a quoted value, then …), and at most MAX_DETAILS details are listed, so that an error is never
 * many times larger than the request that caused it.
 */
export function errorBody(
  code: ErrorResponse['error']['code'],
  message: string,
  details: ErrorDetail[],
): ErrorResponse {
  const listed = details.slice(0, MAX_DETAILS).map((d) => ({ field: clip(d.field), message: clipQuotes(d.message) }));
  if (details.length > MAX_DETAILS) {
    const more = `and ${String(details.length - MAX_DETAILS)} more like these`;
    listed.push({ field: 'request', message: more });
  }
  return { error: { code, message: clip(clipQuotes(message), 2000), details: listed } };
}

/** Cuts a quoted value over 80 characters to its first 80 and an ellipsis. */
function clipQuotes(text: string): string {
  return text.replace(/"([^"]{81,})"/g, (_all, quoted: string) => `"${clip(quoted)}"`);
}

/** The first `length` characters of a text and an ellipsis, or the text if it is no longer. */
function clip(text: string, length = 80): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

/** What an error answers: its status, the headers it carries and the API's error body. */
export interface ErrorAnswer {
  status: number;
  headers: Record<string, string>;
  body: ErrorResponse;
}

/**
 * Any failure in the API's one error shape (app.ts's error handler sends it; the SDMX routes write
 * it as SDMX asks): an ApiError as it says, a request that fails its schema as a 400 naming each
 * parameter at fault, Fastify's own 4xx by their status, anything else a 500, logged.
 */
export function errorAnswer(error: FastifyError, request: FastifyRequest): ErrorAnswer {
  if (error instanceof ApiError) {
    return {
      status: error.statusCode,
      headers: error.headers,
      body: errorBody(error.code, error.message, error.details),
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const details: ErrorDetail[] = [];
    let unknown = false;
    for (const issue of error.validation) {
      const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const keys = (issue.params as { keys?: unknown }).keys;
      if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
        unknown = true;
        for (const key of keys as string[])
          details.push({
            field: key,
            message: `unknown ${describe(where)} "${key}" (the parameters are listed at /api/docs)`,
          });
      } else {
        // A parameter given twice (?limit=1&limit=2) arrives as a list: say so, not "expected number".
        const given =
          where === 'querystring' ? (request.query as Record<string, unknown>)[path.split('.')[0] ?? ''] : null;
        // A list's item (?type=record,bogus) is named by its parameter and its place in the list.
        const [name = '', item] = path.split('.');
        const listItem = item !== undefined && /^\d+$/.test(item) ? Number(item) : null;
        const plain = plainMessage(issue.keyword, issue.params, issue.message);
        const message = Array.isArray(given)
          ? `given ${String(given.length)} times; give it once`
          : // A required choice left out (?format missing): say it is required, then the choices.
            `${where === 'querystring' && given === undefined && plain.startsWith('must be one of ') ? `is required: it ${plain}` : plain}${
              listItem === null || !(typeof given === 'string' && given.includes(','))
                ? ''
                : ` (item ${String(listItem + 1)} of the list)`
            }`;
        const field = listItem === null ? path || where : name;
        if (!details.some((d) => d.field === field && d.message === message)) details.push({ field, message });
      }
    }
    // Each part names its field, unless its message starts with it or quotes it ("unknown parameter "x"").
    const names = (d: ErrorDetail) =>
      d.message.startsWith(`${d.field} `) || d.message.startsWith(`${d.field}:`) || d.message.includes(`"${d.field}"`);
    const message = details.map((d) => (names(d) ? d.message : `${d.field}: ${d.message}`)).join('; ');
    return {
      status: 400,
      headers: {},
      body: errorBody(unknown ? 'unknown_parameter' : 'invalid_parameter', message, details),
    };
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = STATUS_CODES[status] ?? 'invalid_parameter';
    return { status, headers: {}, body: errorBody(code, error.message, []) };
  }
  request.log.error(error);
  return {
    status: 500,
    headers: {},
    body: errorBody('internal_error', 'Something went wrong on our side; it has been logged.', []),
  };
}

const STATUS_CODES: Partial<Record<number, ErrorResponse['error']['code']>> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

/**
 * Zod's own wording of a failed check ("Invalid input: expected string, received undefined") in the
 * API's ("is required"); a message a schema gives is kept as it is.
 */
function plainMessage(code: string, params: Record<string, unknown>, message: string | undefined): string {
  const said = message ?? 'is invalid';
  const bound = (key: 'maximum' | 'minimum') => {
    const n = params[key];
    return typeof n === 'number' || typeof n === 'bigint' ? String(n) : null;
  };
  const max = bound('maximum');
  const min = bound('minimum');
  if (code === 'invalid_type' && /^Invalid input: expected \w+, received undefined$/.test(said)) return 'is required';
  if (code === 'too_big' && said.startsWith('Too big:') && max !== null) {
    if (params.origin === 'string') return `is longer than ${max} characters`;
    if (params.origin === 'array') return `has more than ${max} items`;
    return `must be at most ${max}`;
  }
  if (code === 'too_small' && said.startsWith('Too small:') && min !== null) {
    if (params.origin === 'string') return min === '1' ? 'is empty' : `is shorter than ${min} characters`;
    if (params.origin === 'array') return `needs at least ${min} item${min === '1' ? '' : 's'}`;
    return `must be at least ${min}`;
  }
  if (code === 'invalid_value' && said.startsWith('Invalid option:') && Array.isArray(params.values))
    return `must be one of ${params.values.map((v) => String(v)).join(', ')}`;
  return said;
}

function describe(context: string): string {
  return context === 'querystring' ? 'parameter' : context === 'params' ? 'path parameter' : 'field';
}
