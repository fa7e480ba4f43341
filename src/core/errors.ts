import { z } from 'zod';

/** Stable error codes of the API; clients may switch on them. */
export const ERROR_CODES = [
  'invalid_parameter',
  'unknown_parameter',
  'not_found',
  'method_not_allowed',
  'not_acceptable',
  'conflict',
  'unauthorized',
  'forbidden',
  'too_many_requests',
  'too_large',
  'unsupported_media_type',
  'not_implemented',
  'data_loading',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorDetail = z.object({
  field: z.string().describe('The parameter or field at fault, e.g. "query.region"'),
  message: z.string(),
});
export type ErrorDetail = z.infer<typeof ErrorDetail>;

/** The one error shape of the API: `{"error": {"code", "message", "details"}}`. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.array(ErrorDetail),
    }),
  })
  .meta({ id: 'ErrorResponse' });
export type ErrorResponse = z.infer<typeof ErrorResponse>;
