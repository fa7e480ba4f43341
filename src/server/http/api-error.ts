import type { ErrorCode, ErrorDetail } from '../../core/errors.js';

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
