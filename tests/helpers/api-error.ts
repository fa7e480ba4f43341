import { ApiError } from '../../src/server/http/api-error.js';

/** The ApiError `fn` throws, for tests of what a bad input is told; fails if it throws none (or another error). */
export function apiErrorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}
