/**
 * SDMX identifiers of Bridges structures, without any dependency, so the UI can build SDMX
 * links without pulling zod into its bundle.
 */

/** Every Bridges dataflow, data structure, codelist and concept scheme is maintained by this agency. */
export const SDMX_AGENCY = 'BRIDGES';
/** Version of every Bridges structure; a new publisher edition is a new dataflow, never a new version. */
export const SDMX_VERSION = '1.0';

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
