import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { ErrorDetail } from '../../core/errors.js';
import type { DB } from '../db/schema.js';
import { ApiError } from '../http/api-error.js';
import * as repo from './countries.repository.js';
import { M49_WORLD, m49CodeOf, m49Hint, type M49HintOptions, type M49Meaning } from './unknown-codes.js';

/**
 * UN users often name places by their M49 numbers (608 for the Philippines). Where an area code
 * is expected, a number is a 400 naming the code Bridges uses. The schemas refuse any number as
 * an area code (Bridges has none: PHL, AB9, WB_LMY) and cannot know what it stands for, which
 * only the reference data says: so a route's hook (refuseM49Numbers) looks at the parameters
 * before the schema does, and answers only for a number the reference data has as an M49 code;
 * any other value goes on to the schema as before.
 */

/**
 * What each of `typed` (the values of one parameter) says of an M49 code: undefined when none is
 * an M49 code of an area, a region or the world (then the schema's refusal says enough). One query,
 * only when a value is a number.
 */
export async function m49NumberHints(
  db: Kysely<DB>,
  typed: readonly string[],
  options: M49HintOptions,
): Promise<string | undefined> {
  const numbers = [...new Set(typed.map((t) => t.trim()))].filter((t) => m49CodeOf(t) !== null);
  if (numbers.length === 0) return undefined;
  const codes = numbers.map((n) => m49CodeOf(n) ?? '');
  const meanings = await m49Meanings(db, codes);
  if (!codes.some((code) => code === M49_WORLD || meanings.has(code))) return undefined;
  return numbers.map((n, i) => m49Hint(n, meanings.get(codes[i] ?? ''), options)).join('; ');
}

async function m49Meanings(db: Kysely<DB>, codes: readonly string[]): Promise<Map<string, M49Meaning>> {
  const { areas, regions } = await repo.findM49Meanings(db, codes);
  const meanings = new Map<string, M49Meaning>();
  for (const r of regions)
    meanings.set(r.code, { kind: 'region', level: r.level, name: r.name, aggregate: r.undesa_aggregate });
  for (const a of areas)
    if (a.m49) meanings.set(a.m49, { kind: 'area', code: a.code, name: a.with_the ? `the ${a.name}` : a.name });
  return meanings;
}

/**
 * A parameter that holds an area code, or (`list`) comma-separated area codes; `aggregates` and
 * `regionParameter` as M49HintOptions says.
 */
export interface AreaParameter extends Partial<M49HintOptions> {
  name: string;
  in: 'params' | 'query';
  list?: boolean;
}

/**
 * A route's preValidation hook: a 400 naming, for each of `parameters` given an M49 number, what
 * the number stands for and the code to ask for (see m49NumberHints); nothing otherwise.
 */
export function refuseM49Numbers(db: Kysely<DB>, parameters: readonly AreaParameter[]) {
  return async (request: FastifyRequest): Promise<void> => {
    const details: ErrorDetail[] = [];
    for (const parameter of parameters) {
      const given = (parameter.in === 'params' ? request.params : request.query) as Record<string, unknown>;
      const value = given[parameter.name];
      // A list parameter may be given more than once (search's country=PHL&country=608); another
      // given twice is the schema's to refuse.
      const values = typeof value === 'string' ? [value] : parameter.list && Array.isArray(value) ? value : [];
      const typed = values.flatMap((v) => (typeof v !== 'string' ? [] : parameter.list ? v.split(',') : [v]));
      const hint = await m49NumberHints(db, typed, {
        aggregates: parameter.aggregates ?? false,
        regionParameter: parameter.regionParameter,
      });
      if (hint) details.push({ field: parameter.name, message: hint });
    }
    if (details.length)
      throw new ApiError(400, 'invalid_parameter', details.map((d) => `${d.field}: ${d.message}`).join('; '), details);
  };
}
