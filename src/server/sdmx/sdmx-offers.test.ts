import { describe, expect, it } from 'vitest';
import { apiErrorOf } from '../../../tests/helpers/api-error.js';
import { negotiate } from '../http/negotiate.js';
import { csvLabelsOf, DATA_OFFERS, DATA_SUPPORTED, STRUCTURE_OFFERS, STRUCTURE_SUPPORTED } from './sdmx-offers.js';

describe('the SDMX data formats', () => {
  const pick = (accept?: string) => negotiate(accept, DATA_OFFERS, DATA_SUPPORTED).format;

  it.each([
    [undefined, 'json'],
    ['*/*', 'json'],
    ['application/vnd.sdmx.data+json;version=1.0.0', 'json'],
    ['application/vnd.sdmx.data+json', 'json'],
    ['application/vnd.sdmx.data+csv;version=1.0.0;labels=both', 'csv'],
    ['text/csv', 'csv'],
    ['application/pdf, text/csv;q=0.5', 'csv'],
    ['*/*;q=0.1, application/vnd.sdmx.data+csv;version=1.0.0', 'csv'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'xml'],
    ['text/html,*/*;q=0.8', 'json'],
    ['application/xml', 'xml'],
    ['application/vnd.sdmx.genericdata+xml;version=2.1', 'xml'],
    // A refused type (q=0) is not given for a broader range.
    ['application/vnd.sdmx.data+json;version=1.0.0;q=0, */*', 'csv'],
    ['application/vnd.sdmx.data+json;q=0, application/vnd.sdmx.data+csv;q=0, */*', 'xml'],
  ])('%s → %s', (accept, format) => {
    expect(pick(accept)).toBe(format);
  });

  it('reads SDMX-CSV labels from the media type', () => {
    const labels = (accept: string) => csvLabelsOf(negotiate(accept, DATA_OFFERS, DATA_SUPPORTED).range);
    expect(labels('application/vnd.sdmx.data+csv;version=1.0.0;labels=both')).toBe('both');
    expect(labels('text/csv; Labels="BOTH"')).toBe('both');
    expect(labels('application/vnd.sdmx.data+csv;version=1.0.0;labels=id')).toBe('id');
    expect(labels('text/csv')).toBe('id');
    expect(csvLabelsOf(null)).toBe('id');
  });

  it.each([
    // SDMX-CSV options Bridges does not give: another format the client takes, else 406.
    ['application/vnd.sdmx.data+csv;version=1.0.0;labels=name, application/xml;q=0.5', 'xml'],
    ['text/csv;timeFormat=normalized, */*;q=0.1', 'json'],
    ['application/vnd.sdmx.data+csv;timeFormat=original;labels=both', 'csv'],
  ])('%s → %s', (accept, format) => {
    expect(pick(accept)).toBe(format);
  });

  it.each([
    'application/vnd.sdmx.structurespecificdata+xml;version=2.1',
    'application/vnd.sdmx.data+json;version=2.0.0',
    'application/json;q=0',
    'application/vnd.sdmx.data+csv;version=1.0.0;labels=name',
    'application/vnd.sdmx.data+csv;version=1.0.0;timeFormat=normalized',
  ])('answers %s with 406', (accept) => {
    const err = apiErrorOf(() => pick(accept));
    expect(err.statusCode).toBe(406);
    expect(err.message).toContain('application/vnd.sdmx.data+json;version=1.0.0');
  });
});

describe('the SDMX structure formats', () => {
  const pick = (accept?: string) => negotiate(accept, STRUCTURE_OFFERS, STRUCTURE_SUPPORTED).format;

  it.each([
    [undefined, 'json'],
    ['application/vnd.sdmx.structure+json;version=1.0', 'json'],
    ['application/xml', 'xml'],
    ['application/vnd.sdmx.structure+xml;version=2.1', 'xml'],
  ])('%s → %s', (accept, format) => {
    expect(pick(accept)).toBe(format);
  });

  it('answers SDMX-JSON 2.0 with 406', () => {
    expect(apiErrorOf(() => pick('application/vnd.sdmx.structure+json;version=2.0.0')).statusCode).toBe(406);
  });
});
