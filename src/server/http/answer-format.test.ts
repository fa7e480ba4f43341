import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { answerFormat } from './answer-format.js';

describe('CSV or JSON', () => {
  const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
  const choose = (format: 'json' | 'csv' | undefined, accept: string | undefined) => {
    const request = { headers: accept === undefined ? {} : { accept } } as FastifyRequest;
    const reply = { header: () => reply } as unknown as FastifyReply;
    try {
      return answerFormat(request, reply, format);
    } catch (err) {
      if (err instanceof ApiError) return err.statusCode;
      throw err;
    }
  };

  it.each([
    [undefined, 'text/csv', 'csv'],
    [undefined, 'text/csv, application/json', 'csv'],
    [undefined, 'application/json, text/csv', 'json'],
    [undefined, '*/*', 'json'],
    [undefined, undefined, 'json'],
    [undefined, '', 'json'],
    [undefined, 'text/*', 'csv'],
    [undefined, 'application/*', 'json'],
    [undefined, BROWSER, 'json'],
    [undefined, 'application/json;charset=utf-8', 'json'],
    [undefined, 'text/csv;charset=utf-8', 'csv'],
    ['json', 'text/csv', 'json'],
    ['csv', 'application/json', 'csv'],
    [undefined, 'text/csv;q=0, application/json', 'json'],
    [undefined, 'application/json;q=0.1, text/csv', 'csv'],
    [undefined, 'application/json;q=0, */*', 'csv'],
    // Neither JSON nor CSV: 406, unless format says which.
    [undefined, 'text/csvx', 406],
    [undefined, 'application/xml', 406],
    [undefined, 'image/png', 406],
    [undefined, '*/*;q=0', 406],
    ['csv', 'image/png', 'csv'],
    ['json', 'application/xml', 'json'],
  ] as const)('format=%s with Accept %j → %s', (format, accept, expected) => {
    expect(choose(format, accept)).toBe(expected);
  });
});
