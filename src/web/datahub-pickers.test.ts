import { describe, expect, it } from 'vitest';
import { PICKER_DEFAULTS, pickerPatch, readPickerChoices } from './datahub-pickers.js';

describe('readPickerChoices', () => {
  it('gives the defaults when the URL names no choice', () => {
    expect(readPickerChoices(new URLSearchParams('lang=fr'))).toEqual(PICKER_DEFAULTS);
  });

  it('reads back the choices the URL keeps, as the Back button brings them', () => {
    const params = new URLSearchParams('lang=en&country=MEX&from=MEX&to=CAN');
    expect(readPickerChoices(params, new Set(['MEX', 'CAN', 'PHL', 'USA']))).toEqual({
      country: 'MEX',
      from: 'MEX',
      to: 'CAN',
    });
  });

  it('keeps a code as given while the list of areas has not come', () => {
    const params = new URLSearchParams('from=ind&to=ARE');
    expect(readPickerChoices(params)).toEqual({ country: 'PHL', from: 'IND', to: 'ARE' });
    expect(readPickerChoices(params, new Set())).toEqual({ country: 'PHL', from: 'IND', to: 'ARE' });
  });

  it('falls back to the default for a code the list lacks, so the select shows what opens', () => {
    const params = new URLSearchParams('country=XXX&from=MEX&to=');
    expect(readPickerChoices(params, new Set(['MEX', 'PHL', 'USA']))).toEqual({
      country: 'PHL',
      from: 'MEX',
      to: 'USA',
    });
  });
});

describe('pickerPatch', () => {
  it('sets a choice and removes one equal to the default', () => {
    expect(pickerPatch('to', 'CAN')).toEqual({ to: 'CAN' });
    expect(pickerPatch('to', 'USA')).toEqual({ to: null });
    expect(pickerPatch('country', 'PHL')).toEqual({ country: null });
  });
});
