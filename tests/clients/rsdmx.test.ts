import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { undesaIms2024 } from '../../src/server/importers/undesa-ims.js';
import { readSourceFile } from '../../src/server/ingest/read-source.js';
import { STATS_DATA_DIR } from '../../src/server/stats/import-dataset.js';
import { startDatahubServer } from '../browser/datahub-server.js';

/**
 * A real SDMX client against the real server: R's rsdmx, from Debian's r-cran-rsdmx, pulls the
 * Philippines' migrant stocks (tests/clients/rsdmx-pull.R) as an analyst would, and what it read is
 * checked against the publisher's file, not against our own output. R's read.csv on the `format=csv`
 * address stands in for a spreadsheet opening it.
 */

const RSCRIPT = '/usr/bin/Rscript';
const PULL = path.join(import.meta.dirname, 'rsdmx-pull.R');
const FLOW = 'UNDESA_IMS_2024_MIGRANT_STOCK';

type Row = Record<string, string>;

let server: Awaited<ReturnType<typeof startDatahubServer>> | undefined;
let out = '';

beforeAll(async () => {
  if (!existsSync(RSCRIPT)) {
    throw new Error(`${RSCRIPT} is missing: apt-get install -y --no-install-recommends r-cran-rsdmx`);
  }
  server = await startDatahubServer({ importers: [undesaIms2024] });
  out = mkdtempSync(path.join(tmpdir(), 'bridges-rsdmx-'));
  try {
    await promisify(execFile)(RSCRIPT, [PULL, server.url, out], { timeout: 120_000 });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? '';
    if (stderr.includes("no package called 'rsdmx'")) {
      throw new Error('R has no rsdmx: apt-get install -y --no-install-recommends r-cran-rsdmx');
    }
    throw err;
  }
}, 300_000);

afterAll(async () => {
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** What rsdmx-pull.R wrote: one CSV file per pull. */
function pulled(name: string): Row[] {
  return parse(readFileSync(path.join(out, name), 'utf8'), { columns: true }) as Row[];
}

/** The UN DESA 2024 bilateral file as bundled: year, dest_iso3, origin_iso3, sex, migrant_stock, type flags. */
function publisherRows(keep: (row: Row) => boolean): Row[] {
  const file = readSourceFile(path.join(STATS_DATA_DIR, 'undesa_ims/undesa_ims2024_bilateral_by_sex.csv.gz'));
  return (parse(file.bytes, { columns: true }) as Row[]).filter(keep);
}

/** `sex|year → value` from rsdmx's frame (SEX, obsTime, obsValue) or the publisher's rows. */
function byKey(rows: Row[], key: (r: Row) => string, value: (r: Row) => string): Map<string, number> {
  return new Map(rows.map((r) => [key(r), Number(value(r))]));
}

const SEX = { female: 'F', male: 'M' } as Record<string, string>;
const FLAGS = ['type_b', 'type_c', 'type_r', 'type_i'];

describe("R's rsdmx pulling from Bridges", () => {
  it('lists the dataflows the API lists', async () => {
    if (!server) throw new Error('the server did not start');
    const response = await fetch(`${server.url}/api/sdmx/dataflow`, { headers: { accept: 'application/json' } });
    const message = (await response.json()) as { data: { dataflows: { id: string }[] } };
    const flows = pulled('flows.csv');
    expect(flows.map((f) => f.id).sort()).toEqual(message.data.dataflows.map((f) => f.id).sort());
    expect(flows.map((f) => f.id)).toContain(FLOW);
    expect(new Set(flows.map((f) => `${f.agencyID ?? ''} ${f.version ?? ''}`))).toEqual(new Set(['BRIDGES 1.0']));
    // Each name in every language Bridges has: the indicator's in French and Spanish too.
    const flow = flows.find((f) => f.id === FLOW);
    const api = message.data.dataflows.find((f) => f.id === FLOW) as { names?: Record<string, string> } | undefined;
    expect(flow).toMatchObject({ 'Name.en': api?.names?.en, 'Name.fr': api?.names?.fr, 'Name.es': api?.names?.es });
    expect(flow?.['Name.fr']).toMatch(/^Stock de migrants internationaux — /);
  });

  it('reads the Filipinos in the United States, by sex and year, as the UN published them', () => {
    const publisher = publisherRows((r) => r.dest_iso3 === 'USA' && r.origin_iso3 === 'PHL');
    const corridor = pulled('corridor.csv');
    expect(corridor.length).toBe(publisher.length);
    expect(corridor.length).toBeGreaterThanOrEqual(16); // 1990…2024, two sexes
    expect(new Set(corridor.map((r) => `${r.FREQ ?? ''}${r.REF_AREA ?? ''}${r.COUNTERPART_AREA ?? ''}`))).toEqual(
      new Set(['AUSAPHL']),
    );
    expect(
      byKey(
        corridor,
        (r) => `${r.SEX ?? ''}|${r.obsTime ?? ''}`,
        (r) => r.obsValue ?? '',
      ),
    ).toEqual(
      byKey(
        publisher,
        (r) => `${SEX[r.sex ?? ''] ?? '?'}|${r.year ?? ''}`,
        (r) => r.migrant_stock ?? '',
      ),
    );
    // The UN's type-of-data codes travel with every value.
    for (const row of publisher) {
      const flags = FLAGS.filter((f) => row[f] === '1')
        .map((f) => f.slice(5).toUpperCase())
        .join('');
      const read = corridor.find((r) => r.SEX === SEX[row.sex ?? ''] && r.obsTime === row.year);
      expect(read?.OBS_FLAGS).toBe(flags);
    }
  });

  it('keeps to startPeriod and endPeriod', () => {
    const window = pulled('window.csv');
    expect([...new Set(window.map((r) => r.obsTime))].sort()).toEqual(['2010', '2015', '2020']);
    expect(new Set(window.map((r) => r.SEX))).toEqual(new Set(['F', 'M']));
  });

  it('reads where Filipinos lived in 2024, every destination the UN gives', () => {
    const publisher = publisherRows((r) => r.origin_iso3 === 'PHL' && r.year === '2024');
    const abroad = pulled('abroad.csv');
    expect(abroad.length).toBe(publisher.length);
    expect(
      byKey(
        abroad,
        (r) => `${r.REF_AREA ?? ''}|${r.SEX ?? ''}`,
        (r) => r.obsValue ?? '',
      ),
    ).toEqual(
      byKey(
        publisher,
        (r) => `${r.dest_iso3 ?? ''}|${SEX[r.sex ?? ''] ?? '?'}`,
        (r) => r.migrant_stock ?? '',
      ),
    );
    const total = (rows: Row[], column: string) => rows.reduce((sum, r) => sum + Number(r[column]), 0);
    expect(total(abroad, 'obsValue')).toBe(total(publisher, 'migrant_stock'));
    expect(total(abroad, 'obsValue')).toBeGreaterThan(6_000_000);
  });

  it("reads Bridges' comment on the Philippines' 2024 figures, which only repeat 2020's, and none on 2020's", () => {
    const rows = pulled('repeats.csv');
    expect(rows.map((r) => `${r.SEX ?? ''}|${r.obsTime ?? ''}`)).toEqual(['F|2020', 'F|2024', 'M|2020', 'M|2024']);
    const publisher = publisherRows((r) => r.dest_iso3 === 'PHL' && r.origin_iso3 === 'USA');
    for (const row of rows) {
      const published = publisher.find((p) => SEX[p.sex ?? ''] === row.SEX && p.year === row.obsTime);
      expect(row.obsValue).toBe(published?.migrant_stock);
      if (row.obsTime === '2024') {
        // The same figure as 2020's, as the publisher's file has it: said so on the observation.
        expect(row.obsValue).toBe(rows.find((r) => r.SEX === row.SEX && r.obsTime === '2020')?.obsValue);
        expect(row.COMMENT_OBS).toBe(
          "Bridges: Repeats the 2020 figure exactly: read the change from 2020 to 2024 as not estimated, not as none (see the dataset's caveats)",
        );
      } else {
        expect(row.COMMENT_OBS).toBe('NA'); // R's missing value, as write.csv writes it
      }
    }
  });

  it('reads the structure: dimensions in key order and area names in three languages', () => {
    const components = pulled('components.csv');
    expect(components.filter((c) => c.component === 'Dimension').map((c) => c.conceptRef)).toEqual([
      'FREQ',
      'REF_AREA',
      'COUNTERPART_AREA',
      'SEX',
    ]);
    expect(components.find((c) => c.component === 'TimeDimension')?.conceptRef).toBe('TIME_PERIOD');
    expect(components.filter((c) => c.component === 'Attribute').map((c) => c.conceptRef)).toEqual([
      'OBS_STATUS',
      'OBS_FLAGS',
      'COMMENT_OBS',
      'UNIT_MEASURE',
      'PUBLISHER',
      'LICENCE',
      'CITATION',
    ]);
    const philippines = pulled('areas.csv').find((a) => a.id === 'PHL');
    expect(philippines).toMatchObject({ 'name.en': 'Philippines', 'name.fr': 'Philippines', 'name.es': 'Filipinas' });
  });

  it('gives a spreadsheet the same numbers with their citation and licence', () => {
    const sheet = pulled('spreadsheet.csv');
    const corridor = pulled('corridor.csv');
    expect(
      byKey(
        sheet,
        (r) => `${r.SEX ?? ''}|${r.TIME_PERIOD ?? ''}`,
        (r) => r.OBS_VALUE ?? '',
      ),
    ).toEqual(
      byKey(
        corridor,
        (r) => `${r.SEX ?? ''}|${r.obsTime ?? ''}`,
        (r) => r.obsValue ?? '',
      ),
    );
    expect(new Set(sheet.map((r) => r.CITATION))).toEqual(new Set([undesaIms2024.meta.citation]));
    expect(new Set(sheet.map((r) => r.LICENCE))).toEqual(new Set([undesaIms2024.meta.licence]));
  });
});
