/**
 * SDMX identifiers of Bridges structures, without any dependency, so the UI can build SDMX
 * links without pulling zod into its bundle.
 */

/** Every Bridges dataflow, data structure, codelist and concept scheme is maintained by this agency. */
export const SDMX_AGENCY = 'BRIDGES';
/** Version of every Bridges structure; a new publisher edition is a new dataflow, never a new version. */
export const SDMX_VERSION = '1.0';

/** SDMX's code for "not applicable" (`_Z`): no counterpart area, no value of a dimension, no group. */
export const NOT_APPLICABLE = '_Z';

/** An SDMX identifier (common:IDType). */
export const SDMX_ID_PATTERN = /^[A-Za-z0-9_@$-]+$/;

/** `undesa-ims-2024` → `UNDESA_IMS_2024`: a dataset or indicator id as part of an SDMX id. */
export function sdmxIdPart(id: string): string {
  return id.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
}

/**
 * The dataflow of one indicator in one dataset edition: `undesa-ims-2024` + `migrant_stock` →
 * `UNDESA_IMS_2024_MIGRANT_STOCK`. Stable as long as the dataset and indicator ids are.
 */
export function sdmxFlowId(datasetId: string, indicatorId: string): string {
  return `${sdmxIdPart(datasetId)}_${sdmxIdPart(indicatorId)}`;
}

/** Ids the fixed part of every data structure uses; a source's own dimension may not take them. */
export const RESERVED_COMPONENT_IDS: ReadonlySet<string> = new Set([
  'FREQ',
  'REF_AREA',
  'COUNTERPART_AREA',
  'SEX',
  'TIME_PERIOD',
  'OBS_VALUE',
  'OBS_STATUS',
  'OBS_FLAGS',
  'COMMENT_OBS',
  'UNIT_MEASURE',
  'PUBLISHER',
  'LICENCE',
  'CITATION',
]);

/** The SDMX dimension id of a `dims` key: `amount` → `AMOUNT`, `labour force` → `LABOUR_FORCE`, `sex` → `DIM_SEX`. */
export function dimensionIdOfDimsKey(key: string): string {
  let id = key.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  if (!/^[A-Z]/.test(id)) id = `DIM_${id}`;
  return RESERVED_COMPONENT_IDS.has(id) ? `DIM_${id}` : id;
}

/**
 * A source's own dimensions (the `dims` keys of a dataflow's series) as SDMX dimensions, in the
 * order they stand in the series key after SEX: by dimension id, a clash made unique with `_2`.
 */
export function sdmxOwnDimensions(keys: readonly string[]): { id: string; key: string }[] {
  const taken = new Set<string>();
  return keys
    .map((key) => ({ id: dimensionIdOfDimsKey(key), key }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.key < b.key ? -1 : 1))
    .map(({ id, key }) => {
      let unique = id;
      for (let n = 2; taken.has(unique); n++) unique = `${id}_${String(n)}`;
      taken.add(unique);
      return { id: unique, key };
    });
}
