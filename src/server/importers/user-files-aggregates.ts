import path from 'node:path';
import { undesaAggregateNames } from '../../core/un-region-names.js';
import { WB_AGGREGATE_NAMES } from '../../core/wb-aggregate-names.js';
import { parseCsv, readSourceFile } from '../ingest/read-source.js';
import { REFERENCE_DATA_DIR } from '../paths.js';
import { REFERENCE_SOURCES } from '../reference/sources.js';
import type { AggregateArea } from '../stats/model.js';
import { DIOC_AGGREGATES } from './dioc.js';
import { KNOMAD_LMIC, KNOMAD_WORLD } from './knomad.js';
import { ODA_AGGREGATES } from './oda.js';
import { UNDESA_AGGREGATE_PUBLISHER } from './undesa-totals.js';
import { WDI_AGGREGATE_PUBLISHER } from './wdi.js';

// ---------------------------------------------------------------------------------------------
// The publishers' aggregates Bridges knows: those its bundled datasets declare. A user's file may
// name any of them by its code (WB_WLD, UNDESA_900, KNOMAD_WORLD…) whatever has been loaded: the
// aggregate is written with the import when no dataset loaded it before, as the bundled importer
// would write it. Any other aggregate code is unknown, even one another user's file declared.
// ---------------------------------------------------------------------------------------------

/**
 * UN DESA's aggregates (location codes from 900 up) in the International Migrant Stock 2020
 * workbook by destination, named as the importer names them (undesa-totals.ts: the workbook's
 * names, or UN DESA's English names in core/un-region-names.ts). NOTE: a copy of the workbook's
 * names, not read from it, as reading the workbook takes seconds; user-files-aggregates.test.ts
 * checks the copy against what the importer reads.
 */
const UNDESA_AGGREGATES: Readonly<Record<number, string>> = {
  900: 'World',
  901: 'Developed regions',
  902: 'Less developed regions',
  903: 'Africa',
  904: 'Latin America and the Caribbean',
  905: 'Northern America',
  906: 'Eastern Asia',
  908: 'Europe',
  909: 'Oceania',
  910: 'Eastern Africa',
  911: 'Middle Africa',
  912: 'Northern Africa',
  913: 'Southern Africa',
  914: 'Western Africa',
  915: 'Caribbean',
  916: 'Central America',
  920: 'South-Eastern Asia',
  921: 'Central and Southern Asia (SDG region)',
  922: 'Western Asia',
  923: 'Eastern Europe',
  924: 'Northern Europe',
  925: 'Southern Europe',
  926: 'Western Europe',
  927: 'Australia and New Zealand',
  928: 'Melanesia',
  931: 'South America',
  934: 'Less developed regions, excluding least developed countries',
  935: 'Asia',
  941: 'Least developed countries',
  947: 'Sub-Saharan Africa',
  948: 'Less developed regions, excluding China',
  954: 'Micronesia',
  957: 'Polynesia',
  1500: 'Low-income countries',
  1501: 'Lower-middle-income countries',
  1502: 'Upper-middle-income countries',
  1503: 'High-income countries',
  1517: 'Middle-income countries',
  1636: 'Land-locked Developing Countries (LLDC)',
  1637: 'Small island developing States (SIDS)',
  1829: 'Europe and Northern America (SDG region)',
  1830: 'Latin America and the Caribbean (SDG region)',
  1832: 'Eastern and South-Eastern Asia (SDG region)',
  1833: 'Northern Africa and Western Asia (SDG region)',
  1835: 'Oceania excluding Australia and New Zealand (SDG region)',
  5500: 'Central Asia',
  5501: 'Southern Asia',
};

let known: ReadonlyMap<string, AggregateArea> | undefined;

/**
 * Every aggregate of Bridges' bundled datasets, by code: the World Bank's from the WDI country
 * metadata of the reference data (named by its table name), and KNOMAD's, UN DESA's and the OECD's
 * as their importers declare them. Read once.
 */
export function bundledAggregates(): ReadonlyMap<string, AggregateArea> {
  if (known) return known;
  const list: AggregateArea[] = [];
  const metadata = parseCsv(readSourceFile(path.join(REFERENCE_DATA_DIR, REFERENCE_SOURCES.wdiRegions.file)), [
    'Country Code',
    'Region',
    'TableName',
  ]);
  for (const row of metadata) {
    if (row.get('Region').trim() !== '') continue;
    const name = row.get('TableName').trim();
    list.push({
      code: `WB_${row.get('Country Code').trim()}`,
      name,
      publisher: WDI_AGGREGATE_PUBLISHER,
      names: WB_AGGREGATE_NAMES[name],
    });
  }
  list.push(KNOMAD_WORLD, KNOMAD_LMIC, ...Object.values(ODA_AGGREGATES), ...DIOC_AGGREGATES);
  for (const [code, name] of Object.entries(UNDESA_AGGREGATES))
    list.push({
      code: `UNDESA_${code}`,
      name,
      publisher: UNDESA_AGGREGATE_PUBLISHER,
      names: undesaAggregateNames(Number(code)),
    });
  known = new Map(list.map((a) => [a.code, a]));
  return known;
}

/** The bundled aggregate a code names (any case), if it names one. */
export function bundledAggregate(code: string): AggregateArea | undefined {
  return bundledAggregates().get(code.trim().toUpperCase());
}
