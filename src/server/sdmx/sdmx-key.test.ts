import { describe, expect, it } from 'vitest';
import { parseSdmxPeriod, sdmxFlowId } from '../../core/sdmx.js';
import { apiErrorOf } from '../../../tests/helpers/api-error.js';
import { dimensionIdOfDimsKey } from '../../core/sdmx-ids.js';
import { codeOfDimsValue, parseFlowRef, parseSeriesKey } from './sdmx-key.js';
import { structureQueryKey } from './sdmx.service.js';

const DIMS = ['FREQ', 'REF_AREA', 'COUNTERPART_AREA', 'SEX'];

describe('flow ids', () => {
  it('derives a stable upper-case id from dataset and indicator', () => {
    expect(sdmxFlowId('undesa-ims-2024', 'migrant_stock')).toBe('UNDESA_IMS_2024_MIGRANT_STOCK');
  });

  it.each([
    ['UNDESA_IMS_2024_MIGRANT_STOCK', { agency: null, id: 'UNDESA_IMS_2024_MIGRANT_STOCK', version: null }],
    ['BRIDGES,X', { agency: 'BRIDGES', id: 'X', version: null }],
    ['BRIDGES,X,1.0', { agency: 'BRIDGES', id: 'X', version: '1.0' }],
    ['BRIDGES,X,latest', { agency: 'BRIDGES', id: 'X', version: null }],
    ['all,X,all', { agency: null, id: 'X', version: null }],
  ])('reads the flow reference %s', (text, ref) => {
    expect(parseFlowRef(text)).toEqual(ref);
  });

  it.each(['A,B,C,D', 'BRIDGES,,1.0', 'BRIDGES,X Y'])('refuses the flow reference %s with a 400', (text) => {
    const err = apiErrorOf(() => parseFlowRef(text));
    expect(err.statusCode).toBe(400);
    expect(err.message).toContain(text);
  });
});

describe('series keys', () => {
  it('reads wildcards, single codes and + lists', () => {
    expect(parseSeriesKey('A.USA+CAN.MEX.', DIMS, 'F')).toEqual([['A'], ['USA', 'CAN'], ['MEX'], null]);
    expect(parseSeriesKey('..*.M', DIMS, 'F')).toEqual([null, null, null, ['M']]);
  });

  it.each([undefined, '', 'all', '*'])('takes %s as every series', (key) => {
    expect(parseSeriesKey(key, DIMS, 'F')).toEqual([null, null, null, null]);
  });

  it('names the key and the dimensions when the count is wrong', () => {
    const err = apiErrorOf(() => parseSeriesKey('A.USA.MEX', DIMS, 'UNDESA_IMS_2024_MIGRANT_STOCK'));
    expect(err.statusCode).toBe(400);
    expect(err.details[0]?.field).toBe('key');
    expect(err.message).toContain('"A.USA.MEX"');
    expect(err.message).toContain('FREQ.REF_AREA.COUNTERPART_AREA.SEX');
    expect(err.message).toContain('UNDESA_IMS_2024_MIGRANT_STOCK');
  });

  it.each(['A.U SA..', 'A.USA++CAN..', 'A.USA.MEX.F;', '.PHL.. ', ' A.PHL..'])(
    'refuses the malformed key %s',
    (key) => {
      const err = apiErrorOf(() => parseSeriesKey(key, DIMS, 'F'));
      expect(err.statusCode).toBe(400);
      expect(err.message).toContain(key);
    },
  );
});

describe('codes of sources’ own dimensions', () => {
  it('keeps valid ids and makes stable distinct codes of the rest', () => {
    expect(codeOfDimsValue('refugee')).toBe('refugee');
    expect(codeOfDimsValue('200')).toBe('200');
    const code = codeOfDimsValue('asylum seeker');
    expect(code).toMatch(/^asylum_seeker_[0-9a-f]{6}$/);
    expect(codeOfDimsValue('asylum seeker')).toBe(code);
    expect(codeOfDimsValue('asylum_seeker')).not.toBe(code);
    expect(codeOfDimsValue('Côte')).toMatch(/^C_te_[0-9a-f]{6}$/);
  });

  it('upper-cases keys into dimension ids that never take a fixed one', () => {
    expect(dimensionIdOfDimsKey('amount')).toBe('AMOUNT');
    expect(dimensionIdOfDimsKey('labour force')).toBe('LABOUR_FORCE');
    expect(dimensionIdOfDimsKey('sex')).toBe('DIM_SEX');
    expect(dimensionIdOfDimsKey('15plus')).toBe('DIM_15PLUS');
  });
});

describe('periods', () => {
  it.each([
    ['2020', '2020-01-01', '2021-01-01'],
    ['2020-A1', '2020-01-01', '2021-01-01'],
    ['2020-S2', '2020-07-01', '2021-01-01'],
    ['2020-T2', '2020-05-01', '2020-09-01'],
    ['2020-Q4', '2020-10-01', '2021-01-01'],
    ['2020-02', '2020-02-01', '2020-03-01'],
    ['2020-M12', '2020-12-01', '2021-01-01'],
    ['2020-W01', '2019-12-30', '2020-01-06'],
    ['2020-W53', '2020-12-28', '2021-01-04'],
    ['2020-D060', '2020-02-29', '2020-03-01'],
    ['2020-02-29', '2020-02-29', '2020-03-01'],
  ])('%s covers %s to %s', (text, start, end) => {
    expect(parseSdmxPeriod(text)).toEqual({ start, end });
  });

  it.each(['20', '2020-Q5', '2020-13', '2021-02-29', '2021-W53', 'soon'])('refuses %s', (text) => {
    expect(parseSdmxPeriod(text)).toBeNull();
  });
});

describe('structure query cache keys', () => {
  it('gives the spellings of one structure query one key', () => {
    const key = (path: { agency?: string; id?: string; version?: string }, query = {}) =>
      structureQueryKey('codelist', path, query);
    const all = key({ agency: 'BRIDGES', id: 'all', version: 'latest' }, { references: 'none' });
    for (const spelling of [
      key({ agency: 'BRIDGES' }),
      key({ agency: 'BRIDGES', id: '*', version: '+' }),
      key({ agency: 'BRIDGES', id: 'all', version: '~' }),
      key({ agency: 'BRIDGES', id: 'all', version: 'latest' }, { references: 'children' }),
    ])
      expect(spelling).toBe(all);
    expect(key({ id: 'cl_sex' })).toBe(key({ agency: 'all', id: 'CL_SEX', version: 'all' }));
    // What changes the answer changes the key.
    expect(key({ id: 'CL_SEX' })).not.toBe(key({ id: 'CL_AREA' }));
    expect(key({ id: 'CL_SEX' })).not.toBe(key({ id: 'CL_SEX' }, { references: 'parents' }));
    expect(key({ id: 'CL_SEX' })).not.toBe(key({ id: 'CL_SEX' }, { detail: 'allstubs' }));
    expect(key({ agency: 'BRIDGES' })).not.toBe(key({ agency: 'bridges' }));
  });
});
