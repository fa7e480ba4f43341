/**
 * The data hub's country and corridor pickers, kept in the URL query (/data?country=MEX&from=MEX&to=USA)
 * as the other views keep theirs: the Back button from a profile or corridor opened from them
 * comes back to the choice, not to the defaults.
 */

/** What each picker shows until the reader chooses; a choice equal to it is left out of the URL. */
export const PICKER_DEFAULTS = { country: 'PHL', from: 'PHL', to: 'USA' } as const;

/** The query parameters the pickers live in. */
export type PickerKey = keyof typeof PICKER_DEFAULTS;
export type PickerChoices = Record<PickerKey, string>;

const PICKER_KEYS = Object.keys(PICKER_DEFAULTS) as PickerKey[];

/**
 * The pickers' choices read back from the URL query. A code the list of areas lacks (an edited or
 * stale link) falls back to the default, so the select shows what the button opens; before the list
 * has come (`codes` undefined or empty), the code is kept as the URL gives it.
 */
export function readPickerChoices(params: URLSearchParams, codes?: ReadonlySet<string>): PickerChoices {
  const choices = { ...PICKER_DEFAULTS } as PickerChoices;
  for (const key of PICKER_KEYS) {
    const code = params.get(key)?.trim().toUpperCase() ?? '';
    if (code && (!codes || codes.size === 0 || codes.has(code))) choices[key] = code;
  }
  return choices;
}

/** The query patch for one picker's new choice: the default removes the parameter. */
export function pickerPatch(key: PickerKey, code: string): Record<string, string | null> {
  return { [key]: code === PICKER_DEFAULTS[key] ? null : code };
}
