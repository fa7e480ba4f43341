import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { axeViolations, downloadFrom, launchChromium } from '../helpers/browser.js';
import { knomadBilateral2021 } from '../../src/server/importers/knomad.js';
import { rpwDatabankCorridors } from '../../src/server/importers/rpw.js';
import { undesaIms2020, undesaIms2024 } from '../../src/server/importers/undesa-ims.js';
import { undesaImsDestination2020 } from '../../src/server/importers/undesa-totals.js';
import { unhcrDisplacement } from '../../src/server/importers/unhcr.js';
import { wdiGdidata2025, wdiRemittances2023 } from '../../src/server/importers/wdi.js';
import { BundledLoadStatus } from '../../src/server/stats/bundled-load.js';
import { UNHCR_FLOW_GROUPS } from '../../src/core/statistics-terms.js';
import { importDataset } from '../../src/server/stats/import-dataset.js';
import { tinyImporter } from '../helpers/stats.js';
import { startDatahubServer } from './datahub-server.js';
import type { ProfileResponse } from '../../src/core/statistics.js';

/**
 * The data hub in real Chromium against the real server (built UI + API) on a fresh database
 * with both UN DESA migrant stock editions, RPW's corridor costs, two WDI remittance editions,
 * UNHCR's displacement and KNOMAD's 2021 remittance matrix imported: the Philippines' profile, the CSV and the
 * image behind a chart, the same numbers through SDMX, French, a corridor, the explorer's map
 * and the catalogue. Locators go by role and label, as a screen reader finds things.
 */

const ASSETS = new URL('../../dist/web/assets/', import.meta.url);
// Two cores, PGlite and a browser: be patient with every wait.
const WAIT_MS = 30_000;

let server: Awaited<ReturnType<typeof startDatahubServer>> | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startDatahubServer({
      importers: [
        undesaIms2024,
        undesaIms2020,
        undesaImsDestination2020,
        rpwDatabankCorridors,
        wdiRemittances2023,
        wdiGdidata2025,
        unhcrDisplacement,
        knomadBilateral2021,
      ],
    }),
    launchChromium(),
  ]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
}, 60_000);

/**
 * The legend a downloaded map image draws (for the image only): how many classes, how many of
 * them run into another, and how many leave the image, measured by the browser with the image
 * put in the page for the purpose.
 */
async function exportedLegend(
  page: Page,
  svgText: string,
): Promise<{ items: number; overlaps: number; outside: number }> {
  const legend = await page.locator('body').evaluate((body, text) => {
    const holder = body.ownerDocument.createElement('div');
    holder.innerHTML = text.replace(/^<\?xml[^>]*>\n/, '');
    body.append(holder);
    const svg = holder.querySelector('svg');
    const right = svg?.getBoundingClientRect().right ?? 0;
    const boxes = [...holder.querySelectorAll('[data-export-only] > g')].map((g) => g.getBoundingClientRect());
    const overlaps = boxes.filter((a, i) =>
      boxes.some((b, j) => j > i && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom),
    ).length;
    const outside = boxes.filter((b) => b.right > right + 0.5).length;
    holder.remove();
    return { items: boxes.length, overlaps, outside };
  }, svgText);
  expect(legend.items).toBeGreaterThan(2);
  return legend;
}

/**
 * A page of the UI at `path`, on a desktop screen or, with `phone`, 390 px wide; `locale`: the
 * browser's language (Chromium's own otherwise, English here).
 */
async function openPage(
  path: string,
  { phone = false, locale }: { phone?: boolean; locale?: string } = {},
): Promise<Page> {
  if (!browser || !server) throw new Error('the browser or the server did not start');
  const viewport = phone ? { width: 390, height: 800 } : { width: 1280, height: 900 };
  const page = await browser.newPage({ viewport, acceptDownloads: true, ...(locale ? { locale } : {}) });
  page.setDefaultTimeout(WAIT_MS);
  // What the pages' Content-Security-Policy refused, in any test (checked by the last one).
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) policyViolations.push(`${path}: ${message.text()}`);
  });
  await page.goto(`${server.url}${path}`);
  return page;
}

/** The messages of Chromium about what a page's Content-Security-Policy refused, from every page opened. */
const policyViolations: string[] = [];

/** CSV text as rows of fields (a downloaded chart's or an SDMX-CSV answer). */
function parseCsv(text: string): string[][] {
  return parse(text, { bom: true }) as string[][];
}

describe('the data hub in the browser', () => {
  it('keeps zod out of the UI bundle', () => {
    const scripts = readdirSync(ASSETS).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) expect(readFileSync(new URL(file, ASSETS), 'utf8')).not.toContain('ZodError');
  });

  it(
    'shows where Filipinos live, downloads the CSV and image behind the chart, matches SDMX, reads it in French and opens a corridor',
    { timeout: 180_000 },
    async () => {
      const page = await openPage('/countries/PHL/profile?lang=en');
      try {
        await page.getByRole('heading', { level: 1, name: 'Philippines: migration and development data' }).waitFor();
        const destinations = page.getByRole('figure', {
          name: /^Philippines: where emigrants live, top 10 destinations/,
        });
        await destinations.getByRole('img', { name: /where emigrants live/ }).waitFor();
        // The visible source line names dataset, edition and licence.
        const sourceLine = await destinations.locator('.source-line').textContent();
        expect(sourceLine).toContain('International Migrant Stock 2024');
        expect(sourceLine).toContain('Revision 2024');
        expect(sourceLine).toContain('CC BY 3.0 IGO');
        // The table behind the chart.
        await destinations.getByText('Show the data as a table').click();
        const usaRow = destinations.getByRole('row', { name: /United States of America/ });
        await usaRow.waitFor();

        // The CSV behind the chart: the chart's own columns, then the source on every row.
        const csvDownload = await downloadFrom(destinations.getByRole('button', { name: 'Download CSV' }));
        expect(csvDownload.name).toMatch(/\.csv$/);
        const csv = parseCsv(csvDownload.bytes.toString('utf8'));
        const header = csv[0] ?? [];
        for (const column of ['partner', 'total', 'dataset', 'publisher', 'edition', 'licence', 'citation'])
          expect(header).toContain(column);
        const usa = csv.find((row) => row[header.indexOf('partner')] === 'USA');
        expect(usa).toBeDefined();
        expect(usa?.[header.indexOf('dataset')]).toBe('undesa-ims-2024');
        expect(usa?.[header.indexOf('licence')]).toBe('CC BY 3.0 IGO');
        expect(usa?.[header.indexOf('citation')]).toContain('International Migrant Stock 2024');
        const usaTotal = Number(usa?.[header.indexOf('total')]);
        expect(usaTotal).toBeGreaterThan(1_000_000);
        // The edition prints men and women: the total is Bridges' sum, and the CSV says so.
        expect(usa?.[header.indexOf('computed_by')]).toBe('Bridges (total = male + female; share_pct)');
        // So do the country's emigrants: a sum over all destinations, not a figure the UN printed.
        await page.getByText('Bridges’ sum of UN DESA 2024').first().waitFor();
        const trend = page.getByRole('figure', { name: /^Philippines: emigrants by sex/ });
        const trendDownload = await downloadFrom(trend.getByRole('button', { name: 'Download CSV' }));
        const trendCsv = parseCsv(trendDownload.bytes.toString('utf8'));
        const total2024 = trendCsv.find((row) => row[2] === '2024' && row[3] === '_T');
        expect(total2024?.slice(4, 7)).toEqual([
          '6988383',
          'persons',
          'Bridges (sum over all destinations and both sexes)',
        ]);
        // Beside them, the 2020 revision's totals: a line of their own, rows of their own in the CSV…
        // The shown revision's total says which revision it is too.
        expect(await trend.locator('svg text').allTextContents()).toEqual(
          expect.arrayContaining(['Total, UN DESA Revision 2020', 'Total, UN DESA Revision 2024']),
        );
        const other2020 = trendCsv.find((row) => row[1] === 'emigrants_other_edition' && row[2] === '2020');
        expect(other2020?.[4]).toBe('6094307');
        expect(other2020?.[(trendCsv[0] ?? []).indexOf('dataset')]).toBe('undesa-ims-2020');
        // …and an SDMX query of its own: the 2020 revision's men and women abroad in 2020 add up to it.
        await trend.locator('summary', { hasText: 'SDMX' }).click();
        const trendQueries = trend.locator('.chart__sdmx a');
        // (and the population the emigrants' share divides by, UN DESA's own here)
        expect(await trendQueries.allTextContents()).toEqual([
          'UN DESA 2024',
          'UN DESA 2020',
          expect.stringMatching(/^Population — /),
        ]);
        const query2020 = parseCsv(
          await (await fetch(`${server?.url ?? ''}${(await trendQueries.nth(1).getAttribute('href')) ?? ''}`)).text(),
        );
        const at2020 = (name: string) => (query2020[0] ?? []).findIndex((h) => h.startsWith(name));
        expect(
          query2020
            .slice(1)
            .filter((r) => r[at2020('TIME_PERIOD')] === '2020')
            .reduce((sum, r) => sum + Number(r[at2020('OBS_VALUE')]), 0),
        ).toBe(6094307);
        // …and where the editions part widely, the chart says so: the UN's immigrants in the Philippines.
        const immigrantsTrend = page.getByRole('figure', { name: /^Philippines: immigrants by sex/ });
        expect(await immigrantsTrend.locator('.chart__note').allTextContents()).toContainEqual(
          expect.stringContaining('Total 2020: 87,212 (UN DESA Revision 2024) against 225,525 (UN DESA Revision 2020)'),
        );

        // The image: a PNG made in the browser from the chart, its title and source drawn into it.
        const pngDownload = await downloadFrom(destinations.getByRole('button', { name: 'Download image (PNG)' }));
        expect(pngDownload.name).toMatch(/\.png$/);
        const png = pngDownload.bytes;
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect(png.length).toBeGreaterThan(5_000);
        // Named as its neighbours are, not by its short text alone.
        const svgButton = destinations.getByRole('button', { name: 'Download image (SVG)', exact: true });
        expect(await svgButton.textContent()).toBe('SVG');
        const svgDownload = await downloadFrom(svgButton);
        const svg = svgDownload.bytes.toString('utf8');
        expect(svg).toContain('Philippines: where emigrants live');
        expect(svg).toContain('CC BY 3.0 IGO');

        // The same numbers through the SDMX API: males + females in the United States, 2024.
        const sdmxHref = await destinations.getByRole('link', { name: 'SDMX' }).getAttribute('href');
        expect(sdmxHref).toContain('UNDESA_IMS_2024_MIGRANT_STOCK');
        const sdmx = parseCsv(await (await fetch(`${server?.url ?? ''}${sdmxHref ?? ''}`)).text());
        const sdmxHeader = sdmx[0] ?? [];
        const refArea = sdmxHeader.findIndex((h) => h.startsWith('REF_AREA'));
        const value = sdmxHeader.findIndex((h) => h.startsWith('OBS_VALUE'));
        const usaSdmx = sdmx
          .filter((row) => row[refArea]?.startsWith('USA'))
          .reduce((sum, row) => sum + Number(row[value]), 0);
        expect(usaSdmx).toBe(usaTotal);

        // French: same page, French strings, French names from the API.
        await page.getByRole('button', { name: 'Français' }).click();
        await page.waitForURL(/\/countries\/PHL\/profile\?lang=fr$/);
        await page.getByRole('heading', { level: 1, name: /^Philippines\s: données sur la migration/ }).waitFor();
        const frDestinations = page.getByRole('figure', { name: /où vivent les émigrés/ });
        await frDestinations.getByRole('button', { name: 'Télécharger le CSV' }).waitFor();
        await frDestinations.getByRole('img', { name: /où vivent les émigrés/ }).waitFor();
        expect(await frDestinations.locator('desc').first().textContent()).toContain('États-Unis d’Amérique');
        expect(await page.locator('html').getAttribute('lang')).toBe('fr');
        // The edition switch reads in French too.
        const editions = page.getByRole('group', { name: 'Édition du DAES (UN DESA)' });
        expect(await editions.locator('label').allTextContents()).toEqual(['Révision 2024', 'Révision 2020']);
        // The whole profile's CSV, from the API, names countries in French as the page does.
        const whole = await page
          .getByRole('link', { name: 'Télécharger tout le profil en CSV (chaque chiffre avec sa source)' })
          .getAttribute('href');
        expect(whole).toContain('lang=fr');
        const wholeCsv = await (await fetch(`${server?.url ?? ''}${whole ?? ''}`)).text();
        expect(wholeCsv).toContain('États-Unis d’Amérique');
        expect(wholeCsv).not.toContain('United States of America');
        // Blocks without data say so rather than disappearing.
        await page
          .getByRole('region', { name: 'Émigrés dans les pays de l’OCDE' })
          .getByText('Aucune donnée dans les sources fournies.')
          .waitFor();

        // From the profile to the corridor of Filipinos in the United States.
        const corridors = frDestinations.locator('xpath=..').getByText('Ouvrir la page d’un corridor');
        await corridors.click();
        await frDestinations
          .locator('xpath=..')
          .getByRole('link', { name: 'États-Unis d’Amérique', exact: true })
          .first()
          .click();
        await page.waitForURL(/\/corridors\/PHL\/USA\?lang=fr$/);
        await page.getByRole('heading', { level: 1, name: 'Philippines → États-Unis d’Amérique' }).waitFor();
        const stock = page.getByRole('figure', { name: /personnes nées dans le pays d’origine/ });
        const chart = stock.getByRole('img');
        await chart.waitFor();
        // Both editions, each its own labelled line.
        const chartText = await chart.textContent();
        // Each line's edition as French names the publisher.
        expect(chartText).toContain('DAES (UN DESA) 2024');
        expect(chartText).toContain('DAES (UN DESA) 2020');
        expect(await stock.locator('.source-line').textContent()).toContain('Revision 2020');
        // Two sources, separated as French writes it: a no-break space before the semicolon.
        expect(await stock.locator('.source-line').textContent()).toContain(
          'à propos de ce jeu de données\u00a0; United Nations',
        );
        // The section says what is counted in French, not in the API's English.
        await page
          .getByText(
            'Personnes nées dans le pays d’origine (Philippines) et vivant dans le pays de destination (États-Unis d’Amérique)',
          )
          .waitFor();
        // Two editions drawn, two SDMX queries behind the chart, each the publisher's corridor.
        await stock.locator('summary', { hasText: 'SDMX' }).click();
        const queries = stock.locator('.chart__sdmx a');
        expect(await queries.allTextContents()).toEqual(['DAES (UN DESA) 2024', 'DAES (UN DESA) 2020']);
        for (const href of await queries.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
          const rows = parseCsv(await (await fetch(`${server?.url ?? ''}${href}`)).text());
          const header = rows[0] ?? [];
          const at = (name: string) => header.findIndex((h) => h.startsWith(name));
          expect(rows.length).toBeGreaterThan(10);
          expect(
            new Set(rows.slice(1).map((r) => `${r[at('REF_AREA')] ?? ''} ${r[at('COUNTERPART_AREA')] ?? ''}`)),
          ).toEqual(new Set(['USA: États-Unis d’Amérique PHL: Philippines'])); // the page's language (lang=fr)
        }
        // The datasets' caveats are one click away, under the sources.
        await stock.getByText('Mises en garde sur ces 2 jeux de données').click();
        expect(await stock.locator('.chart__caveats dd').first().textContent()).toContain(
          'Only origin–destination pairs with a figure are present',
        );
      } finally {
        await page.close();
      }
    },
  );

  it(
    'draws the explorer map with more than 100 countries filled, each reachable by keyboard',
    { timeout: 120_000 },
    async () => {
      const page = await openPage('/explorer?indicator=migrant_stock&lang=en');
      try {
        await page.getByRole('heading', { level: 1, name: 'Indicator explorer' }).waitFor();
        const map = page.locator('.map[data-filled]');
        await map.waitFor();
        await expect
          .poll(async () => Number(await map.getAttribute('data-filled')), { timeout: WAIT_MS })
          .toBeGreaterThan(100);
        expect(await page.locator('.map__country[data-filled="true"]').count()).toBeGreaterThan(100);
        // Each country is a named link: focus shows the same text in a tooltip.
        const philippines = page.getByRole('link', { name: /^Philippines: \d/ });
        await philippines.focus();
        await page.locator('.map__tooltip').getByText('Philippines').waitFor();
        // Escape hides it (it may cover the neighbours), the focus staying where it is.
        await page.keyboard.press('Escape');
        await page.locator('.map__tooltip').waitFor({ state: 'detached' });
        expect(await philippines.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
        // A keyboard user can jump past the map's 200-odd country links, to its source and table.
        const skip = page.getByRole('link', { name: /^Skip the map/ });
        await skip.focus();
        await page.keyboard.press('Enter');
        await expect
          .poll(() => page.evaluate('document.activeElement && document.activeElement.id'))
          .toBe('explorer-map-data');
        // The year control lists the edition's periods and changes the map.
        const year = page.getByRole('slider', { name: 'Year or period' });
        await expect.poll(() => year.getAttribute('aria-valuetext'), { timeout: WAIT_MS }).toBe('2024');
        await page.getByRole('combobox', { name: 'Year or period' }).selectOption('1990');
        await page.waitForURL(/period=1990/);
        await page.getByRole('heading', { level: 3, name: 'International migrant stock, 1990', exact: true }).waitFor();
        // Totals computed by Bridges are marked as such.
        await page
          .getByRole('figure', { name: /Totals by region/ })
          .getByText('computed by Bridges')
          .first()
          .waitFor();
      } finally {
        await page.close();
      }
    },
  );

  it('pulls through SDMX the senders the remittance chart ranks, not KNOMAD’s world total beside them', async () => {
    const page = await openPage('/countries/PHL/profile');
    try {
      const senders = page.getByRole('figure', { name: /^Philippines: where remittances come from/ });
      const csv = parseCsv(
        (await downloadFrom(senders.getByRole('button', { name: 'Download CSV' }))).bytes.toString(),
      );
      const column = (name: string) => (csv[0] ?? []).indexOf(name);
      const chart = new Map(csv.slice(1).map((r) => [r[column('sender')], Number(r[column('value')])]));
      expect(chart.size).toBe(10);
      expect(chart.get('USA')).toBeGreaterThan(10_000);

      const href = await senders.getByRole('link', { name: 'SDMX' }).getAttribute('href');
      const sdmx = parseCsv(await (await fetch(`${server?.url ?? ''}${href ?? ''}`)).text());
      const at = (name: string) => (sdmx[0] ?? []).findIndex((h) => h.startsWith(name));
      const pulled = new Map(
        sdmx.slice(1).map((r) => [r[at('COUNTERPART_AREA')]?.split(':')[0], Number(r[at('OBS_VALUE')])]),
      );
      expect(sdmx.slice(1).every((r) => r[at('TIME_PERIOD')] === '2021')).toBe(true);
      expect(pulled.has('KNOMAD_WORLD')).toBe(false);
      expect(pulled).toEqual(chart);
    } finally {
      await page.close();
    }
  });

  it.each([
    // A total UN DESA prints beside men and women, and beside its regions and income groups.
    ['migrant_stock_total', 1],
    // KNOMAD's matrix: each receiver's sum over the senders, not over the World column too.
    ['remittance_bilateral_usd_m', 1e-6],
  ])(
    'pulls through SDMX the series the %s map is made of, and no others',
    { timeout: 60_000 },
    async (indicator, tolerance) => {
      const page = await openPage(`/explorer?indicator=${indicator}&lang=en`);
      try {
        const map = page.getByRole('figure', { name: /^[^:]+, \d{4}/ }).first();
        const csv = parseCsv((await downloadFrom(map.getByRole('button', { name: 'Download CSV' }))).bytes.toString());
        const column = (name: string) => (csv[0] ?? []).indexOf(name);
        const drawn = new Map(csv.slice(1).map((r) => [r[column('area')] ?? '', Number(r[column('value')])]));
        expect(drawn.size).toBeGreaterThan(150);

        const href = await map.getByRole('link', { name: 'SDMX' }).getAttribute('href');
        const sdmx = parseCsv(await (await fetch(`${server?.url ?? ''}${href ?? ''}`)).text());
        const at = (name: string) => (sdmx[0] ?? []).findIndex((h) => h.startsWith(name));
        const code = (cell: string | undefined) => cell?.split(':')[0] ?? '';
        const summed = new Map<string, number>();
        for (const r of sdmx.slice(1)) {
          // No publisher's aggregate as partner (_Z: the flow has no partner).
          expect(code(r[at('COUNTERPART_AREA')])).toMatch(/^([A-Z0-9]{3}|_Z)$/);
          summed.set(code(r[at('REF_AREA')]), (summed.get(code(r[at('REF_AREA')])) ?? 0) + Number(r[at('OBS_VALUE')]));
        }
        expect([...summed.keys()].sort()).toEqual([...drawn.keys()].sort());
        for (const [area, value] of drawn)
          expect(Math.abs((summed.get(area) ?? 0) - value), area).toBeLessThan(tolerance);
      } finally {
        await page.close();
      }
    },
  );

  it('says in words where two editions of a series part', { timeout: 60_000 }, async () => {
    const page = await openPage('/countries/PHL/profile?lang=en');
    try {
      const chart = page.getByRole('figure', { name: /^Philippines: remittances received and sent/ });
      // WDI's October 2023 download has US$ 9.1 bn for 2022, the 2025 extraction US$ 38 bn.
      await chart
        .getByText(
          /Editions differ widely \(by 50% or more\): Remittances received 2022: US\$ 9\.1 bn \(World Bank WDI 2023-10\) against US\$ 38(\.0)? bn \(World Bank WDI 2025\)\./,
        )
        .waitFor();
    } finally {
      await page.close();
    }
  });

  it('gives each corridor cost its own quarter where the survey stopped pricing it', { timeout: 60_000 }, async () => {
    const page = await openPage('/countries/AUS/profile?lang=en');
    try {
      const chart = page.getByRole('figure', { name: /^Australia: cost of sending US\$ 200 from the country/ });
      // RPW priced Australia → Solomon Islands (21.48 %, the dearest bar) last in 2011Q3, most of
      // Australia's corridors in 2020Q3: the chart must not date them all by its first bar.
      expect(await chart.locator('.chart__subtitle').textContent()).toBe(
        "% of the amount sent, each corridor's latest quarter (Q3\u00a02020 unless marked under its name) · World Bank RPW, edition Q3\u00a02020",
      );
      const bars = await chart.locator('svg title').allTextContents();
      expect(bars).toContainEqual(expect.stringMatching(/^Solomon Islands \(Q3\u00a02011\): 21\.48\u00a0?%/));
      expect(bars).toContainEqual(expect.stringMatching(/^Papua New Guinea \(Q3\u00a02011\): 18\.80\u00a0?%/));
      // A corridor priced in the newest quarter carries no date of its own.
      expect(bars.filter((b) => /\(Q3\u00a02011\)/.test(b))).toHaveLength(4);
      expect(bars.some((b) => /^Fiji: /.test(b))).toBe(true);
      // The CSV gives each corridor's latest quarter beside its flag.
      const download = await downloadFrom(chart.getByRole('button', { name: 'Download CSV' }));
      const csv = parseCsv(download.bytes.toString('utf8'));
      const header = csv[0] ?? [];
      const slb = csv.filter((row) => row[header.indexOf('to')] === 'SLB');
      expect(slb.map((row) => [row[header.indexOf('period')], row[header.indexOf('latest_period')]])).toEqual([
        ['2011-Q1', '2011-Q3'],
        ['2011-Q3', '2011-Q3'],
      ]);
      // So does the corridor page's flag.
      await page.goto(`${server?.url ?? ''}/corridors/SLB/AUS?lang=en`);
      await page
        .getByText('▲ above 5%: Australia → Solomon Islands, Q3\u00a02011 (World Bank RPW, edition Q3\u00a02020)', {
          exact: true,
        })
        .waitFor();
    } finally {
      await page.close();
    }
  });

  it('says how many corridors each country’s mean cost stands on', { timeout: 120_000 }, async () => {
    const page = await openPage('/explorer?indicator=remittance_cost_pct&groupBy=m49region&lang=en');
    try {
      const table = page.getByRole('table', { name: /^Average total cost of sending remittances, Q\d\s20/ }).last();
      await table.getByRole('columnheader', { name: 'Corridors', exact: true }).waitFor();
      const cells = await table
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((r) => [r.querySelector('th')?.textContent ?? '', r.querySelectorAll('td')[2]?.textContent ?? '']),
        );
      const counts = cells.map(([, n]) => Number(n));
      expect(counts.every((n) => Number.isInteger(n) && n >= 1)).toBe(true);
      expect(Math.max(...counts)).toBeGreaterThan(1);
      // The top chart names the countries whose mean is one corridor's cost.
      const single = cells.slice(0, 10).filter(([, n]) => n === '1');
      const note = page.getByText(/unweighted mean of the country’s corridors/);
      await note.waitFor();
      for (const [name] of single) expect(await note.textContent()).toContain(name);
      await page.getByRole('figure', { name: /^Means by region/ }).waitFor();
    } finally {
      await page.close();
    }
  });

  it(
    'weights a share’s regional means by population, and says so in the reader’s language',
    { timeout: 60_000 },
    async () => {
      const page = await openPage('/explorer?indicator=migrant_share_pct&groupBy=m49region&lang=fr');
      try {
        const figure = page.getByRole('figure', { name: /^Moyennes par région/ });
        await figure.waitFor();
        await figure
          .getByText(/moyenne pondérée par «\u00a0Population totale \(DAES de l’ONU\)\u00a0» des membres/)
          .waitFor();
        // Europe 2020: 11,60 %, the UN's own figure (the unweighted mean of its countries is 19,60 %).
        await figure.getByText('Afficher les données sous forme de tableau').click();
        const europe = figure.getByRole('row', { name: /^Europe\b/ });
        expect(await europe.textContent()).toMatch(/11,60/);
        await page
          .getByText(
            /^Moyenne sur 232 pays et zones, pondérée par «\u00a0Population totale \(DAES de l’ONU\)\u00a0»\u00a0: 3,61/,
          )
          .waitFor();
      } finally {
        await page.close();
      }
    },
  );

  it(
    'marks the countries whose cost is or averages an unusual corridor, and leaves them out of the default trend',
    { timeout: 120_000 },
    async () => {
      // RPW 2017Q1, US$ 200: Nigeria → Benin 34.42 % (Benin's one corridor); Nigeria → Togo and
      // Nigeria → Mali 31.90 %, averaged with their other corridors.
      const page = await openPage('/explorer?indicator=remittance_cost_pct&period=2017-Q1&lang=en');
      try {
        const note = page.getByText(/^Marked ⚠: the value is or averages a corridor cost below 0%/).first();
        await note.waitFor();
        const text = (await note.textContent()) ?? '';
        expect(text).toContain('Benin (34.42%)');
        expect(text).toMatch(/Togo \(corridors from 5\.64% to 31\.90%\)/);
        expect(text).toMatch(/Mali \(corridors from 3\.91% to 31\.90%\)/);
        const table = page.locator('#ranking-table table');
        const benin = table.locator('tbody tr', { hasText: 'Benin' });
        expect(await benin.locator('td').nth(1).textContent()).toBe('34.42% ⚠ (unusual corridor)');
        const flagged = await table.locator('tbody tr', { hasText: '⚠' }).count();
        expect(flagged).toBe(3);
        // The map marks the same three: a ⚠ over each, and in each one's name.
        const map = page
          .getByRole('figure', { name: /^Average total cost/ })
          .locator('.map svg')
          .first();
        expect(await map.locator('[data-flag-mark]').count()).toBe(3);
        // Benin's and Togo's marks, neighbours' centroids 50 km apart, are spread so as not to overlap.
        const boxes = await map.locator('[data-flag-mark] text').evaluateAll((marks) =>
          marks.map((m) => {
            const r = m.getBoundingClientRect();
            return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
          }),
        );
        for (const [i, a] of boxes.entries())
          for (const b of boxes.slice(i + 1))
            expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
        await map.getByRole('link', { name: 'Benin: 34.42% ⚠ unusual corridor' }).waitFor({ state: 'attached' });
        // The top chart's image carries the note too, not only the page.
        const top = page.getByRole('figure', { name: /^Top 15/ });
        const svgDownload = await downloadFrom(top.getByRole('button', { name: 'SVG' }));
        const svg = svgDownload.bytes.toString('utf8');
        expect(svg).toContain('Marked ⚠: the value is or averages a corridor cost');
        expect(svg).toContain('Source: World Bank');
        // The chart over time opens on the highest costs that need no second look.
        const chips = page.locator('#trend').getByRole('list', { name: 'Shown' }).getByRole('listitem');
        await expect.poll(() => chips.count(), { timeout: WAIT_MS }).toBe(5);
        expect((await chips.allTextContents()).join(' ')).not.toMatch(/Benin|Togo|Mali/);
        // Chosen, Benin's line says under the chart which of its values are unusual, with their periods.
        await page.goto(`${server?.url ?? ''}/explorer?indicator=remittance_cost_pct&period=2017-Q1&lang=en&areas=BEN`);
        await page
          .locator('#trend')
          .getByText(/^Below 0% or above 30% of the amount sent, as published: .*Benin Q1\s2017 \(34\.42%\)/)
          .waitFor();
      } finally {
        await page.close();
      }
    },
  );

  it(
    'follows chosen countries over time, with the growth Bridges computed, and the CSV behind it',
    { timeout: 120_000 },
    async () => {
      if (!server) throw new Error('the server did not start');
      const page = await openPage('/explorer?indicator=migrant_stock&lang=en&areas=USA,DEU&from=1990&to=2020');
      try {
        const trend = page.locator('#trend');
        const figure = trend.getByRole('figure', { name: /^International migrant stock over time/ });
        await figure.getByRole('img').waitFor();
        // The growth table shows the API's figures for the same query.
        const api = (await (
          await page.request.get(
            `${server.url}/api/series?indicator=migrant_stock&areas=USA&dataset=undesa-ims-2024&from=1990&to=2020`,
          )
        ).json()) as { series: { growth: { fromValue: number; toValue: number; changePct: number } }[] };
        const growth = api.series[0]?.growth;
        expect(growth?.fromValue).toBeGreaterThan(20_000_000);
        const usa = trend.getByRole('table', { name: 'Change from 1990 to 2020 (persons)' }).getByRole('row', {
          name: /United States of America/,
        });
        const cells = await usa.locator('td').allTextContents();
        expect(cells.slice(0, 2)).toEqual([
          growth?.fromValue.toLocaleString('en-US'),
          growth?.toValue.toLocaleString('en-US'),
        ]);
        expect(cells[2]).toBe(`${(growth?.changePct ?? 0).toFixed(1)}%`);
        // The SDMX query behind the lines: the two countries' migrants, by sex, 1990 to 2020; men and
        // women in the United States add up to the API's figures at both ends.
        const href = await figure.getByRole('link', { name: 'SDMX' }).getAttribute('href');
        const sdmx = parseCsv(await (await fetch(`${server.url}${href ?? ''}`)).text());
        const at = (name: string) => (sdmx[0] ?? []).findIndex((h) => h.startsWith(name));
        const rows = sdmx.slice(1);
        expect(new Set(rows.map((r) => r[at('REF_AREA')]?.split(':')[0]))).toEqual(new Set(['USA', 'DEU']));
        expect(new Set(rows.map((r) => r[at('TIME_PERIOD')]))).toEqual(
          new Set(['1990', '1995', '2000', '2005', '2010', '2015', '2020']),
        );
        const usaIn = (period: string) =>
          rows
            .filter((r) => r[at('REF_AREA')]?.startsWith('USA') && r[at('TIME_PERIOD')] === period)
            .reduce((sum, r) => sum + Number(r[at('OBS_VALUE')]), 0);
        expect([usaIn('1990'), usaIn('2020')]).toEqual([growth?.fromValue, growth?.toValue]);
        // Remove one, add another at once: the URL keeps both choices. On a slow machine (as here,
        // a CPU twenty times slower) a page rendered in a transition still held Germany when "Add" was
        // clicked, and brought it back.
        const cpu = await page.context().newCDPSession(page);
        await cpu.send('Emulation.setCPUThrottlingRate', { rate: 20 });
        await trend.getByRole('button', { name: 'Remove Germany' }).click();
        await page.waitForURL(/areas=USA(&|$)/);
        // Choosing adds nothing until "Add" (arrow keys on a select fire change in Chromium).
        await trend.getByRole('combobox', { name: 'Add a country or area' }).selectOption({ label: 'Philippines' });
        expect(page.url()).not.toMatch(/PHL/);
        await trend.getByRole('button', { name: 'Add', exact: true }).click();
        await expect.poll(() => new URL(page.url()).searchParams.get('areas'), { timeout: WAIT_MS }).toBe('USA,PHL');
        await cpu.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        await figure.getByRole('img', { name: /Philippines/ }).waitFor();
        const download = await downloadFrom(figure.getByRole('button', { name: 'Download CSV' }));
        const csv = parseCsv(download.bytes.toString('utf8'));
        const header = csv[0] ?? [];
        const phl = csv.filter((row) => row[header.indexOf('area')] === 'PHL');
        expect(phl.map((row) => row[header.indexOf('period')])).toEqual([
          '1990',
          '1995',
          '2000',
          '2005',
          '2010',
          '2015',
          '2020',
        ]);
        expect(new Set(phl.map((row) => row[header.indexOf('dataset')]))).toEqual(new Set(['undesa-ims-2024']));
        expect(new Set(phl.map((row) => row[header.indexOf('growth_from')]))).toEqual(new Set(['1990']));
      } finally {
        await page.close();
      }
    },
  );

  it(
    'tells a rate’s change over time in points, and leaves out areas the view does not know',
    { timeout: 60_000 },
    async () => {
      const page = await openPage('/explorer?indicator=remittance_cost_pct&lang=en&areas=ZZZ,KNOMAD_LMIC');
      try {
        const trend = page.locator('#trend');
        const chips = trend.getByRole('list', { name: 'Shown' }).getByRole('listitem');
        await expect.poll(() => chips.count(), { timeout: WAIT_MS }).toBe(5); // the five highest, as by default
        expect((await chips.allTextContents()).join(' ')).not.toMatch(/ZZZ|KNOMAD/);
        const table = trend.getByRole('table', { name: /^Change from Q\d\s\d{4} to Q\d\s\d{4}/ });
        await table.getByRole('columnheader', { name: 'Difference' }).waitFor();
        expect(await table.getByRole('columnheader', { name: 'Change' }).count()).toBe(0);
        const differences = await table.locator('tbody td:nth-child(4)').allTextContents();
        expect(differences.some((d) => /^[+−]?\d+(\.\d)? points$/.test(d))).toBe(true);
      } finally {
        await page.close();
      }
    },
  );

  it('fits the ranking table on a phone, with no box scrolling inside the page', { timeout: 60_000 }, async () => {
    const page = await openPage('/explorer?indicator=migrant_stock&lang=fr', { phone: true });
    try {
      const table = page.locator('#ranking-table table');
      await table.locator('tbody tr').nth(100).waitFor();
      const fit = await table.evaluate((t) => {
        const box = t.closest('.table-scroll');
        return {
          table: t.getBoundingClientRect().width,
          box: box?.clientWidth ?? 0,
          maxHeight: box ? (t.ownerDocument.defaultView?.getComputedStyle(box).maxHeight ?? '') : '',
        };
      });
      expect(fit.table).toBeLessThanOrEqual(fit.box);
      expect(fit.maxHeight).toBe('none');
    } finally {
      await page.close();
    }
  });

  it('links the ranking to its CSV from the API in the reader’s language', async () => {
    const page = await openPage('/explorer?indicator=migrant_stock&lang=es');
    try {
      const link = page.getByRole('link', {
        name: 'La misma clasificación en CSV desde la API (con los totales por grupo)',
      });
      const href = (await link.getAttribute('href')) ?? '';
      expect(href).toContain('lang=es');
      const csv = await (await fetch(`${server?.url ?? ''}${href}`)).text();
      expect(csv).toContain('Estados Unidos de América');
      expect(csv).not.toContain('United States of America');
    } finally {
      await page.close();
    }
  });

  it('makes the map one keyboard stop, its arrows going through the countries with a value by name', async () => {
    const page = await openPage('/explorer?indicator=remittance_cost_pct&period=2017-Q1&lang=fr');
    try {
      const map = page.locator('.map svg');
      await expect.poll(() => map.locator('a[data-filled="true"]').count(), { timeout: WAIT_MS }).toBeGreaterThan(50);
      // One stop for Tab, where there were 176 (91 of them countries with no value).
      expect(await map.locator('a[tabindex="0"]').count()).toBe(1);
      expect(await map.locator('a:not([data-filled])[tabindex="0"]').count()).toBe(0);
      const focused = async () => (await page.locator(':focus').getAttribute('aria-label')) ?? '';
      await map.locator('a[tabindex="0"]').focus();
      const first = await focused();
      await page.keyboard.press('ArrowRight');
      const second = await focused();
      await page.keyboard.press('End');
      const last = await focused();
      const names = [first, second, last].map((label) => label.split('\u00a0:')[0] ?? '');
      // French labels, French punctuation; in the order of French names.
      expect(first).toMatch(/^\S.*\u00a0: \d+,\d+\u00a0%$/);
      expect([...names].sort((a, b) => a.localeCompare(b, 'fr'))).toEqual(names);
      expect(new Set(names).size).toBe(3);
      await page.keyboard.press('Home');
      expect(await focused()).toBe(first);
      // The roving stop follows the focus: Tab away and back lands on the country left.
      await page.keyboard.press('ArrowRight');
      expect(await map.locator('a[tabindex="0"]').getAttribute('aria-label')).toBe(second);
    } finally {
      await page.close();
    }
  });

  it(
    'says where the 2024 figures repeat 2020 exactly, beside the key figure and under the chart',
    { timeout: 60_000 },
    async () => {
      // UN DESA's 2024 revision repeats 2020 for the Philippines as a destination (the dataset's caveats).
      const page = await openPage('/countries/PHL/profile?lang=es');
      try {
        const immigrants = page.locator('.key-figures__item', { has: page.getByText('Inmigrantes, 2024') });
        await immigrants.waitFor({ timeout: WAIT_MS });
        expect(await immigrants.locator('.key-figures__note').textContent()).toContain('exactamente la cifra de 2020');
        const chart = page.getByRole('figure', { name: /^Filipinas: inmigrantes por sexo/ });
        await expect
          .poll(() => chart.locator('.chart__note').allTextContents(), { timeout: WAIT_MS })
          .toContainEqual(
            expect.stringMatching(/^Las cifras de 2024 son exactamente las de 2020 \(total, mujeres y hombres\)/),
          );
        // The emigrants abroad changed: no such note on theirs.
        const emigrants = page.locator('.key-figures__item', { has: page.getByText('Emigrantes, 2024') });
        expect(await emigrants.locator('.key-figures__note').textContent()).not.toContain('2020');
        const emigrantsChart = page.getByRole('figure', { name: /^Filipinas: emigrantes por sexo/ });
        expect((await emigrantsChart.locator('.chart__note').allTextContents()).join(' ')).not.toContain('exactamente');
        // A corridor into the Philippines says it of the edition that repeats, under its chart.
        await page.goto(`${server?.url ?? ''}/corridors/USA/PHL?lang=en`);
        const stock = page.locator('#stock figure');
        await expect
          .poll(() => stock.locator('.chart__note').allTextContents(), { timeout: WAIT_MS })
          .toContainEqual(
            expect.stringMatching(
              /^In UN DESA 2024, every 2024 figure of Philippines as a destination \(all origins, total, women and men\) is exactly that of 2020/,
            ),
          );
        expect((await stock.locator('.chart__note').allTextContents()).join(' ')).not.toContain('UN DESA 2020, every');
      } finally {
        await page.close();
      }
    },
  );

  it(
    'leaves a gap in a corridor’s UNHCR line where a year is missing, not a line across',
    { timeout: 60_000 },
    async () => {
      // Asylum seekers from the United States in the Philippines: 2016, then 2019 to 2024 (UNHCR leaves
      // small corridors out some years: absent, not zero).
      const page = await openPage('/corridors/USA/PHL?lang=en');
      try {
        const figure = page.locator('#displacement figure');
        const line = figure.locator('svg path[d*="L"]');
        await line.first().waitFor({ timeout: WAIT_MS });
        // Two pieces: 2016 alone, then 2019 on.
        expect((await line.first().getAttribute('d'))?.match(/M/g)).toHaveLength(2);
        await figure.getByText('Show the data as a table').click();
        const periods = await figure.locator('tbody tr th').allTextContents();
        expect(periods.slice(0, 2)).toEqual(['2016', '2019']);
      } finally {
        await page.close();
      }
    },
  );

  it('follows fast keys on the year slider, and makes the run one step of history', { timeout: 120_000 }, async () => {
    const page = await openPage('/explorer?lang=en');
    try {
      const slider = page.getByRole('slider', { name: 'Period' });
      await expect.poll(() => slider.getAttribute('aria-valuetext'), { timeout: WAIT_MS }).toBe('2024');
      await page.getByRole('figure', { name: /^International migrant stock, 2024/ }).waitFor();
      // The slider says 2024 before it knows the edition's periods, disabled: wait for all eight
      // (a disabled slider takes no focus, and the keys below would go nowhere).
      await expect.poll(() => slider.getAttribute('max'), { timeout: WAIT_MS }).toBe('7');
      await expect.poll(() => slider.isEnabled(), { timeout: WAIT_MS }).toBe(true);
      await slider.focus();
      // UN DESA 2024 has eight periods, 1990 to 2024: seven steps back, pressed faster than a map loads.
      // The page's keyboard, not the locator's press: no actionability wait between keys, which on a
      // loaded machine spaced them further apart than a run (RUN_MS) and made each one a history step.
      // A CPU twenty times slower, as a loaded machine: each step's drawing of the map takes longer
      // than that pause, and the run is still one step (its pause counts from the last step drawn).
      const cpu = await page.context().newCDPSession(page);
      await cpu.send('Emulation.setCPUThrottlingRate', { rate: 20 });
      for (let i = 0; i < 7; i += 1) await page.keyboard.press('ArrowLeft');
      await cpu.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await expect.poll(() => new URL(page.url()).searchParams.get('period'), { timeout: WAIT_MS }).toBe('1990');
      expect(await slider.getAttribute('aria-valuetext')).toBe('1990');
      await page.getByRole('figure', { name: /^International migrant stock, 1990/ }).waitFor();
      // Back undoes the whole run, not its last step.
      await page.goBack();
      await expect.poll(() => new URL(page.url()).searchParams.get('period'), { timeout: WAIT_MS }).toBeNull();
      await expect.poll(() => slider.getAttribute('aria-valuetext'), { timeout: WAIT_MS }).toBe('2024');
    } finally {
      await page.close();
    }
  });

  it('draws a chart’s image at a report’s width from a phone, names in full', { timeout: 60_000 }, async () => {
    const page = await openPage('/explorer?indicator=migrant_stock&lang=en', { phone: true });
    try {
      const top = page.getByRole('figure', { name: /^Top 15/ });
      // On the phone's screen the longest names are set on two lines to leave the bars their room…
      await expect
        .poll(
          () =>
            top
              .locator('svg text')
              .evaluateAll((texts) =>
                texts.map((t) => [...t.querySelectorAll('tspan')].map((line) => line.textContent).join('|')),
              ),
          { timeout: WAIT_MS },
        )
        .toContainEqual(expect.stringMatching(/^United States\b[^|]*\|[^|]*America$/));
      const download = await downloadFrom(top.getByRole('button', { name: 'SVG' }));
      const svg = download.bytes.toString('utf8');
      // …but the image is drawn again at 720 px (framed: 752), where they fit.
      expect(svg).toMatch(/^<\?xml[^>]*>\n<svg [^>]*width="752"/);
      expect(svg).toContain('United States of America');
      expect(svg).not.toMatch(/United States of…|United Arab Emir…/);
      expect(svg).toContain('Source: United Nations, Department of Economic and Social Affairs');
      // The copy drawn for the image is gone again, leaving no hidden chart in the page.
      expect(await page.locator('.chart__export').count()).toBe(0);
      // The map draws its copy a moment later (once its shapes are read): the download waits for it.
      const map = page.locator('figure.chart', { has: page.locator('.map') });
      await map.locator('.map__svg').waitFor();
      const mapSvg = (await downloadFrom(map.getByRole('button', { name: 'SVG' }))).bytes.toString('utf8');
      expect(mapSvg).toMatch(/^<\?xml[^>]*>\n<svg /);
      expect(mapSvg.match(/class="map__country"/g)?.length).toBeGreaterThan(100);
      expect(await exportedLegend(page, mapSvg)).toMatchObject({ overlaps: 0, outside: 0 });
      expect(await page.locator('.chart__export').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('draws the downloaded map’s legend with room for long classes (US$ in French)', { timeout: 60_000 }, async () => {
    const page = await openPage('/explorer?indicator=remittances_received_usd&dataset=wdi-remittances-2023-10&lang=fr');
    try {
      const map = page.locator('figure.chart', { has: page.locator('.map') });
      await map.locator('.map__svg').waitFor();
      const svg = (await downloadFrom(map.getByRole('button', { name: 'SVG' }))).bytes.toString('utf8');
      expect(svg).toMatch(/ US\$/);
      expect(await exportedLegend(page, svg)).toMatchObject({ overlaps: 0, outside: 0 });
    } finally {
      await page.close();
    }
  });

  it(
    'keeps the growth table readable on a phone: no repeated column; when it scrolls, names in view and a shadow where columns are hidden',
    { timeout: 60_000 },
    async () => {
      const explorer = (from: number, to: number) =>
        `/explorer?indicator=remittances_received_usd&dataset=wdi-remittances-2023-10&lang=es&areas=PHL,MEX&from=${String(from)}&to=${String(to)}`;
      const page = await openPage(explorer(2008, 2009), { phone: true });
      const growth = (from: number, to: number) =>
        page.locator('table', {
          has: page.locator('caption', { hasText: `Variación de ${String(from)} a ${String(to)}` }),
        });
      try {
        // Over one year the compound rate is the change: only the change is given, and it fits.
        const oneYear = growth(2008, 2009);
        await oneYear.locator('tbody tr').nth(1).waitFor();
        expect(await oneYear.locator('thead th').allTextContents()).toEqual(['Nombre', '2008', '2009', 'Variación']);
        // The cells do not repeat the US$ of the caption.
        expect(await oneYear.locator('tbody td').first().textContent()).not.toContain('US$');
        const fit = await oneYear.evaluate((t) => [
          t.getBoundingClientRect().width,
          t.closest('.table-scroll')?.clientWidth,
        ]);
        expect(fit[0]).toBeLessThanOrEqual(fit[1] ?? 0);
        // A box with nothing to scroll is no tab stop.
        await expect
          .poll(() => oneYear.evaluate((t) => t.closest('.table-scroll')?.getAttribute('tabindex') ?? null))
          .toBeNull();

        // Over twenty years it has five columns and scrolls sideways; the names stay in view.
        await page.goto(`${server?.url ?? ''}${explorer(2000, 2020)}`);
        const twenty = growth(2000, 2020);
        await twenty.locator('thead th', { hasText: 'Por año' }).waitFor();
        // A shadow on the side where columns are out of sight: at first the end, then the start.
        const hiddenSides = () =>
          twenty.evaluate((t) => {
            const frame = t.closest('.table-scroll-frame');
            return ['start', 'end'].filter((side) => frame?.hasAttribute(`data-hidden-${side}`));
          });
        await expect.poll(hiddenSides).toEqual(['end']);
        const kept = await twenty.evaluate((t) => {
          const box = t.closest('.table-scroll');
          if (!box) return null;
          box.scrollLeft = box.scrollWidth;
          const name = t.querySelector('tbody th');
          return {
            scrolled: box.scrollLeft,
            nameLeft: name?.getBoundingClientRect().left ?? -1,
            boxLeft: box.getBoundingClientRect().left,
          };
        });
        expect(kept?.scrolled).toBeGreaterThan(0);
        expect(Math.abs((kept?.nameLeft ?? -1) - (kept?.boxLeft ?? 0))).toBeLessThanOrEqual(2);
        await expect.poll(hiddenSides).toEqual(['start']);
        // That shadow falls where the columns go under, at the names' right edge, below the
        // caption, which stays in view whole: as wide as the box, at its left.
        const edges = await twenty.evaluate((t) => {
          const box = t.closest('.table-scroll');
          const frame = t.closest('.table-scroll-frame');
          const shadow = frame ? t.ownerDocument.defaultView?.getComputedStyle(frame, '::before') : undefined;
          if (!box || !shadow) return null;
          const caption = t.querySelector('caption')?.getBoundingClientRect();
          return {
            shadowLeft: parseFloat(shadow.left),
            shadowTop: parseFloat(shadow.top),
            nameRight:
              (t.querySelector('tbody th')?.getBoundingClientRect().right ?? 0) - box.getBoundingClientRect().left,
            captionLeft: (caption?.left ?? -1) - box.getBoundingClientRect().left,
            captionWidth: caption?.width ?? 0,
            captionHeight: caption?.height ?? 0,
            boxWidth: box.clientWidth,
          };
        });
        expect(Math.abs((edges?.shadowLeft ?? 0) - (edges?.nameRight ?? -1))).toBeLessThanOrEqual(2);
        expect(edges?.shadowTop).toBeGreaterThanOrEqual(edges?.captionHeight ?? 1);
        expect(Math.abs(edges?.captionLeft ?? -1)).toBeLessThanOrEqual(2);
        expect(Math.abs((edges?.captionWidth ?? 0) - (edges?.boxWidth ?? -1))).toBeLessThanOrEqual(2);
        // A box that scrolls takes focus, for the arrow keys.
        expect(await twenty.evaluate((t) => t.closest('.table-scroll')?.getAttribute('tabindex') ?? null)).toBe('0');
      } finally {
        await page.close();
      }
    },
  );

  it(
    'turns a link with an unknown indicator or year into the defaults, saying so in the reader’s language',
    { timeout: 60_000 },
    async () => {
      const page = await openPage('/explorer?indicator=nope&lang=fr');
      try {
        await page
          .getByText(
            'Il n’y a pas d’indicateur « nope » : l’explorateur montre « Stock de migrants internationaux » à la place.',
          )
          .waitFor();
        await page
          .getByRole('table', { name: /^Stock de migrants internationaux, 2024/ })
          .first()
          .waitFor();
        expect(new URL(page.url()).searchParams.get('indicator')).toBeNull();
        expect(await page.getByRole('alert').count()).toBe(0);

        // Every refused choice is named, in the reader's words, however many the link has.
        await page.goto(`${server?.url ?? ''}/explorer?indicator=migrant_stock&period=1890&dataset=nope-1&lang=es`);
        const notice = page.getByText(/^Este enlace pide .*, que los datos no tienen/);
        await expect
          .poll(async () => (await notice.textContent()) ?? '', { timeout: WAIT_MS })
          .toMatch(/año o período 1890/);
        expect(await notice.textContent()).toContain('edición nope-1');
        await page
          .getByRole('table', { name: /^Stock de migrantes internacionales, 2024/ })
          .first()
          .waitFor();
        expect(new URL(page.url()).searchParams.get('period')).toBeNull();
        expect(await page.getByRole('alert').count()).toBe(0);
      } finally {
        await page.close();
      }
    },
  );

  it('lists both UN DESA editions side by side in the catalogue', { timeout: 60_000 }, async () => {
    const page = await openPage('/datasets?lang=en');
    try {
      await page.getByRole('heading', { level: 1, name: 'Datasets' }).waitFor();
      const family = page.getByRole('region', { name: 'International Migrant Stock: destination and origin, by sex' });
      await family.getByRole('columnheader', { name: /International Migrant Stock 2024/ }).waitFor();
      await family.getByRole('columnheader', { name: /International Migrant Stock 2020/ }).waitFor();
      // In French, the table's caption marks the publisher's English title as English.
      await page.getByRole('button', { name: 'Français' }).click();
      const caption = family.locator('caption');
      await expect
        .poll(() => caption.textContent())
        .toBe('Éditions d’International Migrant Stock: destination and origin, by sex');
      expect(await caption.locator('span[lang="en"]').textContent()).toBe(
        'International Migrant Stock: destination and origin, by sex',
      );
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => caption.textContent()).toMatch(/^Editions of /);
      await family.getByRole('link', { name: /International Migrant Stock 2020/ }).click();
      await page.waitForURL(/\/datasets\/undesa-ims-2020\?lang=en$/);
      await page.getByRole('heading', { level: 2, name: 'How to cite' }).waitFor();
      expect(await page.locator('blockquote').textContent()).toContain('International Migrant Stock 2020');
      await page.getByRole('heading', { level: 2, name: 'Caveats' }).waitFor();
      // The file the edition was loaded from, downloadable as bundled.
      const files = page.getByRole('region', { name: 'Source files' });
      const download = await downloadFrom(files.getByRole('link', { name: 'undesa_ims2020_bilateral_by_sex.csv.gz' }));
      const bytes = download.bytes;
      expect(bytes.subarray(0, 2).toString('hex')).toBe('1f8b'); // gzip
      expect((await files.locator('code').textContent()) ?? '').toBe(
        `SHA-256 ${createHash('sha256').update(bytes).digest('hex')}`,
      );
    } finally {
      await page.close();
    }
  });

  it(
    'offers in the data hub’s pickers the places with data, and brings the choice back on Back',
    { timeout: 60_000 },
    async () => {
      const page = await openPage('/data?lang=en');
      try {
        const origin = page.getByLabel('Origin');
        await origin.locator('option[value="MEX"]').waitFor({ state: 'attached' });
        const offered = await origin
          .locator('option')
          .evaluateAll((options) => options.map((o) => o.getAttribute('value')));
        // Nobody lives in Antarctica: its page would be empty.
        expect(offered).toContain('IND');
        expect(offered).not.toContain('ATA');
        await origin.selectOption('MEX');
        await page.getByLabel('Destination').selectOption('CAN');
        await page.getByRole('button', { name: 'Open the corridor' }).click();
        await page.waitForURL(/\/corridors\/MEX\/CAN/);
        await page.goBack();
        await page.waitForURL(/\/data\?/);
        await expect.poll(() => origin.inputValue()).toBe('MEX');
        expect(await page.getByLabel('Destination').inputValue()).toBe('CAN');
      } finally {
        await page.close();
      }
    },
  );

  it('says on a corridor where UN DESA counts citizens rather than the foreign-born', { timeout: 60_000 }, async () => {
    const page = await openPage('/corridors/IND/ARE?lang=en');
    try {
      // The file flags every figure of Indians in the United Arab Emirates type C (citizens)…
      await page
        .getByText('For United Arab Emirates, UN DESA counts migrants by citizenship, not by place of birth')
        .waitFor();
    } finally {
      await page.close();
    }
    // … and those of Mexicans in the United States type B (born abroad): no such note there.
    const usa = await openPage('/corridors/MEX/USA?lang=en');
    try {
      await usa.getByRole('heading', { level: 1 }).waitFor();
      await usa.locator('figure.chart').first().waitFor();
      expect(await usa.getByText(/counts migrants by citizenship/).count()).toBe(0);
    } finally {
      await usa.close();
    }
  });

  it(
    'takes a dataset’s link to its other editions to them in the catalogue, not to its top',
    { timeout: 60_000 },
    async () => {
      const page = await openPage('/datasets/undesa-ims-2024?lang=en');
      try {
        await page.getByRole('link', { name: 'Compare the editions side by side' }).click();
        await page.waitForURL(/\/datasets\?lang=en#family-undesa-ims$|\/datasets#family-undesa-ims/);
        const family = page.locator('#family-undesa-ims');
        await family.waitFor();
        await expect.poll(() => family.evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(200);
        expect(await page.evaluate<number>('window.scrollY')).toBeGreaterThan(0);
      } finally {
        await page.close();
      }
    },
  );

  it(
    'starts from the questions on the home page, each leading to a page that answers it',
    { timeout: 90_000 },
    async () => {
      const page = await openPage('/?lang=es');
      try {
        const questions = page.getByRole('heading', { level: 2, name: 'Empezar por una pregunta' }).locator('+ ul');
        const links = questions.getByRole('link');
        await links.first().waitFor();
        const hrefs = await Promise.all((await links.all()).map((link) => link.getAttribute('href')));
        expect(hrefs).toHaveLength(6);
        for (const href of hrefs) {
          expect(href).toMatch(/[?&]lang=es$/);
          await page.goto(`${server?.url ?? ''}${href ?? ''}`);
          await page.locator('main h1').first().waitFor();
          expect(await page.locator('main h1').first().textContent(), href ?? '').not.toBe('Página no encontrada');
        }
        await page.goto(`${server?.url ?? ''}/?lang=es`);
        await page
          .getByRole('link', { name: '¿Dónde viven los filipinos, cuánto envían a su país y cuánto les cuesta?' })
          .click();
        await page.waitForURL(/\/countries\/PHL\/profile\?lang=es$/);
        await page.getByRole('heading', { level: 1, name: /Filipinas/ }).waitFor();
      } finally {
        await page.close();
      }
    },
  );

  it('searches and filters the catalogue, in the URL, and downloads what it found', { timeout: 60_000 }, async () => {
    const page = await openPage('/datasets?lang=es');
    try {
      const status = page.getByRole('status').filter({ hasText: /ediciones/ });
      await status.filter({ hasText: /^\d+ ediciones de \d+ publicaciones$/ }).waitFor();
      await page.getByLabel('Buscar en el catálogo').fill('remesas bilateral');
      await status.filter({ hasText: /^1 de \d+ ediciones, en 1 publicación$/ }).waitFor();
      await page.waitForURL(/[?&]q=remesas\+bilateral/);
      const family = page.getByRole('region', { name: /Bilateral Remittance Matrix/ });
      await family.getByRole('columnheader', { name: /Bilateral Remittance Matrix 2021/ }).waitFor();
      expect(await page.getByRole('region', { name: /International Migrant Stock/ }).count()).toBe(0);
      // The topic menu counts the editions the words keep, in the reader's language.
      const topic = page.getByLabel('Tema');
      expect(await topic.locator('option').allTextContents()).toContain('Remesas (1)');
      // What is found downloads as it is shown.
      const file = await downloadFrom(page.getByRole('link', { name: 'Descargar estas ediciones en CSV' }));
      const [header = [], ...rows] = parseCsv(file.bytes.toString('utf8'));
      const dataset = header.indexOf('dataset');
      expect(new Set(rows.map((row) => row[dataset]))).toEqual(new Set(['knomad-bilateral-2021']));
      // A publisher with none of these: nothing, said so; clearing brings the whole catalogue back.
      await page.getByLabel('Editor').selectOption('United Nations High Commissioner for Refugees (UNHCR)');
      await page.getByText('Ninguna edición coincide con esta búsqueda y estos filtros.').waitFor();
      await page.getByRole('button', { name: 'Borrar la búsqueda y los filtros' }).click();
      await status.filter({ hasText: /^\d+ ediciones de \d+ publicaciones$/ }).waitFor();
      expect(new URL(page.url()).search).toBe('?lang=es');
    } finally {
      await page.close();
    }
  });

  it('names a dataset’s breakdowns and their values in the reader’s language', { timeout: 60_000 }, async () => {
    const page = await openPage('/datasets/rpw-corridors-2020q3?lang=fr');
    try {
      const indicators = page.getByRole('region', { name: 'Indicateurs' });
      const breakdown = indicators.locator('.dimension');
      await breakdown.first().waitFor();
      // The SDMX code stays beside the name, for those who query the API.
      expect((await breakdown.allTextContents()).map((s) => s.replace(/\s+/g, ' '))).toEqual([
        'Montant envoyé (amount) : 200 US$',
      ]);
      // Its SDMX links have a position for that dimension too: a 4-position key was a 400.
      const sdmx = page.getByRole('region', { name: 'API SDMX' });
      expect(await sdmx.locator('code').allTextContents()).toContain('FREQ.REF_AREA.COUNTERPART_AREA.SEX.AMOUNT');
      const hrefs = await indicators
        .locator('a[href*="/api/sdmx/data/"]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs).toHaveLength(2);
      for (const href of hrefs) {
        // In the page's language: a link cannot send Accept-Language.
        expect(href).toMatch(/[?&]lang=fr$/);
        const res = await page.request.get(new URL(href, page.url()).toString());
        expect(res.status(), href).toBe(200);
        expect(await res.text()).toContain('États-Unis d’Amérique');
      }
    } finally {
      await page.close();
    }
  });

  it('says politely how many datasets are ready while they load, then goes away', { timeout: 90_000 }, async () => {
    if (!browser) throw new Error('the browser did not start');
    const status = new BundledLoadStatus([undesaIms2024, undesaIms2020]);
    status.datasets.set(undesaIms2024.meta.id, { state: 'loaded' });
    status.datasets.set(undesaIms2020.meta.id, { state: 'loading' });
    const loading = await startDatahubServer({ importers: [], loadStatus: status });
    const page = await browser.newPage();
    page.setDefaultTimeout(WAIT_MS);
    try {
      await page.goto(`${loading.url}/datasets?lang=en`);
      const banner = page.getByRole('status').filter({ hasText: 'Loading data: 1 of 2 datasets ready' });
      await banner.waitFor();
      expect(await banner.getAttribute('aria-live')).toBe('polite');
      // The dataset catalogue, open while the load goes on.
      const catalogue = page.locator('main');
      await catalogue.getByRole('heading', { level: 1 }).waitFor();
      expect(await catalogue.getByText('Tiny late').count()).toBe(0);
      // A dataset lands while the page is open: once the load says so, the page shows it, unreloaded.
      const late = tinyImporter('tiny-late');
      await importDataset(loading.database, { ...late, meta: { ...late.meta, title: 'Tiny late' } });
      status.datasets.set(undesaIms2020.meta.id, { state: 'loaded' });
      await page.getByText(/Loading data/).waitFor({ state: 'detached' });
      await catalogue.getByText('Tiny late').first().waitFor();
    } finally {
      await page.close();
      await loading.close();
    }
  });

  it('gives the table every year the chart draws, and names each row of a ranking by its country', async () => {
    // Revision 2020 shown, Revision 2024 beside it: its 2024 figure is a row of the table too.
    const page = await openPage('/countries/PHL/profile?lang=en&edition=undesa-ims-2020');
    try {
      const immigrants = page.getByRole('figure', { name: /^Philippines: immigrants by sex/ });
      const table = immigrants.locator('table');
      await table.locator('tbody tr').first().waitFor({ state: 'attached' });
      const rows = await table
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
      expect(rows.at(-1)).toEqual(['2024', '—', '—', '—', '—', '87,212']);
      expect(await table.locator('thead th').allTextContents()).toEqual([
        'Period',
        'Total, UN DESA Revision 2020',
        'Women',
        'Men',
        'Share of the population',
        'Total, UN DESA Revision 2024',
      ]);
      // A ranking's row header is the country, not its rank.
      const destinations = page.getByRole('figure', { name: /^Philippines: where emigrants live/ });
      const headers = await destinations.locator('table tbody th[scope="row"]').allTextContents();
      expect(headers[0]).toBe('United States of America');
    } finally {
      await page.close();
    }
  });

  it(
    'draws the people displaced along a corridor by group, returns in the table only',
    { timeout: 60_000 },
    async () => {
      const page = await openPage('/corridors/SYR/TUR?lang=fr');
      try {
        const figure = page.getByRole('figure', {
          name: /^République arabe syrienne → Türkiye\s: personnes du pays d’origine déplacées de force/,
        });
        await figure.getByRole('img').waitFor();
        // One line per stock group; returned refugees (a flow) are not drawn.
        const texts = (await figure.locator('svg text').allTextContents()).map((s) => s.trim());
        expect(texts).toContain('Réfugiés');
        expect(texts).not.toContain('Réfugiés rapatriés');
        expect(await figure.locator('.source-line').textContent()).toContain('CC BY 4.0');
        await figure.getByText('Afficher les données sous forme de tableau').click();
        // UNHCR's file: 2023, Türkiye × Syria, refugees 3,214,780 and returns 19,865.
        const row = figure.getByRole('row', { name: /^2023/ });
        await row.waitFor();
        const cells = (await row.locator('td').allTextContents()).map((c) => c.replace(/\s/g, ''));
        expect(cells).toContain('3214780');
        expect(cells).toContain('19865');
        await figure.getByRole('row', { name: /^2024 \(provisoire\)/ }).waitFor();
        const csvDownload = await downloadFrom(figure.getByRole('button', { name: 'Télécharger le CSV' }));
        const csv = parseCsv(csvDownload.bytes.toString('utf8'));
        const header = csv[0] ?? [];
        const returns = csv.find(
          (r) => r[header.indexOf('period')] === '2023' && r[header.indexOf('group')] === 'refugee return',
        );
        expect(returns?.[header.indexOf('value')]).toBe('19865');
        expect(returns?.[header.indexOf('dataset')]).toBe('unhcr-displacement-2024');
        expect(returns?.[header.indexOf('status')]).toBe('A');
        const midYear = csv.filter((r) => r[header.indexOf('period')] === '2024');
        expect(midYear.length).toBeGreaterThan(0);
        expect(midYear.every((r) => r[header.indexOf('status')] === 'P')).toBe(true);
      } finally {
        await page.close();
      }
    },
  );

  it('turns a profile link with an unknown edition into the latest, and tells a corridor to itself, in the reader’s language', async () => {
    const page = await openPage('/countries/PHL/profile?edition=bogus&lang=fr');
    try {
      await page.getByRole('status').filter({ hasText: 'Il n’y a pas d’édition' }).waitFor();
      expect(await page.getByRole('status').filter({ hasText: 'bogus' }).textContent()).toContain(
        'le profil montre la plus récente à la place',
      );
      await page.getByRole('heading', { level: 1, name: /Philippines/ }).waitFor();
      expect(new URL(page.url()).searchParams.get('edition')).toBeNull();
      await page.goto(`${server?.url ?? ''}/corridors/PHL/phl?lang=es`);
      const alert = page.getByRole('alert');
      await alert.filter({ hasText: 'Un corredor une dos países o zonas diferentes: PHL → PHL no lo es.' }).waitFor();
      expect(await alert.textContent()).not.toContain('the same as from');
    } finally {
      await page.close();
    }
  });

  it('says on a corridor where the two UN DESA revisions part widely', { timeout: 60_000 }, async () => {
    const page = await openPage('/corridors/UKR/RUS?lang=en');
    try {
      const stock = page.getByRole('figure', { name: /^Ukraine → Russian Federation/ });
      // The sums of the two bilateral files, UKR → RUS, 2020: Revision 2024 has little more than
      // half what Revision 2020 had.
      await expect
        .poll(() => stock.locator('.chart__note').allTextContents(), { timeout: WAIT_MS })
        .toContainEqual(
          expect.stringContaining('Total 2020: 1,800,051 (UN DESA 2024) against 3,268,263 (UN DESA 2020)'),
        );
    } finally {
      await page.close();
    }
  });

  it(
    'passes axe-core’s WCAG 2.1 AA checks on every kind of page, in each language, on a desktop and a phone',
    { timeout: 300_000 },
    async () => {
      if (!browser || !server) throw new Error('the browser or the server did not start');
      const paths = [
        '/?lang=en',
        '/countries?lang=fr',
        '/countries/PHL?lang=es',
        '/countries/PHL/profile?lang=en',
        '/countries/PHL/profile?lang=fr',
        '/corridors/PHL/USA?lang=es',
        '/explorer?lang=en',
        '/explorer?indicator=remittance_cost_pct&lang=fr',
        '/datasets?lang=fr',
        '/datasets/undesa-ims-2024?lang=es',
        '/library?lang=es',
        '/library/mida?lang=fr',
        '/gap-map?lang=en',
        '/search?q=diaspora&lang=fr',
        '/search?q=Philippines%20USA&lang=es',
        '/data?lang=es',
        '/login?lang=fr',
        '/no-such-page?lang=en',
      ];
      // On a phone too, the pages whose layout changes most there.
      const phonePaths = [
        '/countries/PHL/profile?lang=fr',
        '/corridors/PHL/USA?lang=es',
        '/explorer?lang=en',
        '/gap-map?lang=en',
      ];
      const found: string[] = [];
      for (const phone of [false, true])
        for (const path of phone ? phonePaths : paths) {
          // axe runs in a context of its own (it opens a blank page there).
          const context = await browser.newContext({
            viewport: phone ? { width: 390, height: 800 } : { width: 1280, height: 900 },
          });
          try {
            const page = await context.newPage();
            page.setDefaultTimeout(WAIT_MS);
            found.push(...(await axeViolations(page, `${server.url}${path}`, `${path}${phone ? ' (phone)' : ''}`)));
          } finally {
            await context.close();
          }
        }
      expect(found).toEqual([]);
    },
  );

  // The explorer's menus (partners with data, indicators in order), its unknown-indicator notice and its image credits.
  it(
    'offers as partners only those with data, names the default indicator, orders the indicators by name and credits sums to Bridges',
    { timeout: 120_000 },
    async () => {
      const page = await openPage('/explorer?lang=fr');
      const requested: string[] = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      try {
        // The partners of UN DESA's migrant stock: no area without data (UNHCR's Tibetans and
        // stateless, Antarctica), each named in French; choosing one shows it, with no notice.
        const partner = page.getByLabel('Pays partenaire');
        await expect
          .poll(() => partner.locator('option').allTextContents(), { timeout: WAIT_MS })
          .toContain('Philippines');
        const partners = await partner.locator('option').allTextContents();
        expect(partners[0]).toBe('Tous (somme)');
        for (const absent of ['Tibétains', 'Apatrides', 'Antarctique', 'Île Bouvet'])
          expect(partners).not.toContain(absent);
        expect(partners.slice(1)).toEqual([...partners.slice(1)].sort(new Intl.Collator('fr').compare));
        await partner.selectOption({ label: 'Philippines' });
        await page
          .getByText(/pays de naissance\u00a0?: Philippines/)
          .first()
          .waitFor();
        expect(new URL(page.url()).searchParams.get('counterpart')).toBe('PHL');
        expect(await page.locator('.notice').count()).toBe(0);
        // UNHCR has Tibetans as an origin: there they are offered, and shown.
        await page.goto(`${server?.url ?? ''}/explorer?indicator=forcibly_displaced&lang=fr`);
        await expect
          .poll(() => page.getByLabel('Pays partenaire').locator('option').allTextContents(), { timeout: WAIT_MS })
          .toContain('Tibétains');
        await page.getByLabel('Pays partenaire').selectOption({ label: 'Tibétains' });
        await page
          .getByText(/pays d’origine\u00a0?: Tibétains/)
          .first()
          .waitFor();
        expect(await page.locator('.notice').count()).toBe(0);

        // The indicator menu: topics, and indicators in each, in French alphabetical order.
        const groups = await page
          .getByLabel('Indicateur', { exact: true })
          .locator('optgroup')
          .evaluateAll((gs) =>
            gs.map((g) => ({
              label: g.getAttribute('label') ?? '',
              names: [...g.querySelectorAll('option')].map((o) => o.text),
            })),
          );
        const collator = new Intl.Collator('fr');
        expect(groups.map((g) => g.label)).toEqual(groups.map((g) => g.label).sort(collator.compare));
        for (const g of groups) expect(g.names).toEqual([...g.names].sort(collator.compare));

        // An unknown indicator is named by the default's name in English too, and never asked of the API.
        await page.goto(`${server?.url ?? ''}/explorer?indicator=zzz&lang=en`);
        await page
          .getByText('There is no indicator “zzz”: the explorer shows “International migrant stock” instead.')
          .waitFor();
        await page
          .getByRole('table', { name: /^International migrant stock, 2024/ })
          .first()
          .waitFor();
        expect(requested.filter((path) => path.startsWith('/api/rankings/zzz'))).toEqual([]);

        // Every country's stock sums its origins: the map's, the top 15's and the trend's images say Bridges computed them.
        const computed = 'Figures computed by Bridges from the sources';
        const map = page.locator('figure.chart', { has: page.locator('.map') });
        await map.locator('.map__svg').waitFor();
        expect((await downloadFrom(map.getByRole('button', { name: 'SVG' }))).bytes.toString('utf8')).toContain(
          computed,
        );
        const top = page.getByRole('figure', { name: /^Top 15/ });
        expect((await downloadFrom(top.getByRole('button', { name: 'SVG' }))).bytes.toString('utf8')).toContain(
          computed,
        );
        const trend = page.getByRole('figure', { name: /over time$/ });
        await trend.locator('svg').first().waitFor();
        expect((await downloadFrom(trend.getByRole('button', { name: 'SVG' }))).bytes.toString('utf8')).toContain(
          computed,
        );
        // One series per country (WDI's remittances): figures as published.
        await page.goto(`${server?.url ?? ''}/explorer?indicator=remittances_received_usd&lang=en`);
        const published = page.locator('figure.chart', { has: page.locator('.map') });
        await published.locator('.map__svg').waitFor();
        expect((await downloadFrom(published.getByRole('button', { name: 'SVG' }))).bytes.toString('utf8')).toContain(
          'Figures as published',
        );
      } finally {
        await page.close();
      }
    },
  );
  // Figures Bridges computed say so on the corridor and the profile; names and decimals as readers read them.

  it('marks a corridor’s both-sexes total, which UN DESA does not print, computed by Bridges, on the page and in the image', async () => {
    const page = await openPage('/corridors/PHL/USA?lang=en');
    try {
      const stock = page.getByRole('figure', { name: /^Philippines → United States of America: people born/ });
      const note = stock.locator('.chart__note').filter({ hasText: 'women + men' });
      await note.waitFor();
      expect(await note.textContent()).toContain('the SDMX data give women and men, not their total');
      expect(await note.locator('.tag').textContent()).toBe('computed by Bridges');
      const svg = (await downloadFrom(stock.getByRole('button', { name: 'SVG' }))).bytes.toString('utf8');
      expect(svg).toContain('Figures computed by Bridges from the sources');
      expect(svg).not.toContain('Figures as published');
      // Women alone are as published: no note, no "computed" in the image.
      await stock.getByRole('radio', { name: 'Women' }).check();
      await expect.poll(() => note.count()).toBe(0);
      const women = (await downloadFrom(stock.getByRole('button', { name: 'SVG' }))).bytes.toString('utf8');
      expect(women).toContain('Figures as published');
    } finally {
      await page.close();
    }
  });

  it('names the place of a corridor to itself, in the heading and the profile link', async () => {
    const page = await openPage('/corridors/PHL/PHL?lang=fr');
    try {
      await page.getByRole('heading', { level: 1, name: 'Philippines → Philippines' }).waitFor();
      await page.getByRole('link', { name: 'Profil statistique\u00a0: Philippines' }).waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).not.toContain('PHL');
    } finally {
      await page.close();
    }
  });

  it('marks UNHCR bars that add up groups computed by Bridges, and their key figures as Bridges’ sums', async () => {
    const page = await openPage('/countries/PHL/profile?lang=en');
    try {
      const abroad = page.getByRole('figure', { name: /displaced abroad, by country of asylum/ });
      await abroad.locator('.chart__note').filter({ hasText: 'Each bar is the sum of the UNHCR groups' }).waitFor();
      const svg = (await downloadFrom(abroad.getByRole('button', { name: 'SVG' }))).bytes.toString('utf8');
      expect(svg).toContain('Figures computed by Bridges from the sources');
      expect(await abroad.locator('th').allTextContents()).toContain('Total (computed by Bridges)');
      // So does the CSV behind the bars, row by row: a sum of groups is Bridges', one group UNHCR's.
      const csv = parseCsv((await downloadFrom(abroad.getByRole('button', { name: 'Download CSV' }))).bytes.toString());
      const header = csv[0] ?? [];
      const groups = header.filter((h) => h.startsWith('group:') && !h.includes('return'));
      for (const row of csv.slice(1)) {
        const summed = groups.filter((g) => row[header.indexOf(g)] !== '').length > 1;
        expect(row[header.indexOf('computed_by')], row[header.indexOf('partner')]).toBe(
          summed ? 'Bridges (sum of the stock groups)' : '',
        );
      }
      expect(csv.slice(1).some((row) => row[header.indexOf('computed_by')] !== '')).toBe(true);
      const figures = page.locator('#displacement .key-figures__note');
      await figures.first().waitFor();
      expect(await figures.first().textContent()).toMatch(/^Bridges’ sum: /);
      // UNHCR's mid-2024 release is provisional: its key figures and charts say so beside the year.
      await page.locator('#displacement').getByText('From the country, abroad (2024, provisional)').waitFor();
      expect(await abroad.getByRole('heading').first().textContent()).toMatch(
        /by country of asylum, 2024, provisional$/,
      );
    } finally {
      await page.close();
    }
  });

  it('gives a small state’s share of immigrants for the latest year with a population, citing it only then', async () => {
    // Niue: UN DESA's 2024 stock (588) has no population to divide by, the UN's population runs to
    // 2020: the share is 2020's, 36.34 % as the UN's own table 3 prints it.
    const page = await openPage('/countries/NIU/profile?lang=en');
    try {
      const share = page
        .locator('#migration .key-figures__item')
        .filter({ hasText: 'Immigrants as a share of the population, 2020' });
      await share.waitFor();
      expect(await share.locator('.key-figures__value').textContent()).toMatch(/^36\.34\s?%$/);
      const sources = await page.locator('#migration .source-line').first().textContent();
      expect(sources).toContain('International Migrant Stock 2020: Destination');
    } finally {
      await page.close();
    }
  });

  it('gives the emigrants as a share of the population beside the immigrants’, in the key figures, the table and the CSV', async () => {
    // Here the population is UN DESA's own, to 2020: the share is 2020's, as the immigrants' is.
    const page = await openPage('/countries/PHL/profile?lang=fr');
    try {
      const api = (await (await fetch(`${server?.url ?? ''}/api/profiles/PHL?lang=fr`)).json()) as ProfileResponse;
      const latest = api.migration.emigrants.series.findLast((p) => p.sharePct !== null);
      expect(latest?.period).toBe('2020');
      const share = page
        .locator('#migration .key-figures__item')
        .filter({ hasText: 'Émigrés rapportés à la population, 2020' });
      await share.waitFor();
      const shown = (await share.locator('.key-figures__value').textContent()) ?? '';
      const number = (text: string) => Number(/\d+(,\d+)?/.exec(text)?.[0].replace(',', '.'));
      expect(number(shown)).toBeCloseTo(latest?.sharePct ?? 0, 2);
      const chart = page.getByRole('figure', { name: /^Philippines\s: émigrés par sexe/ });
      await chart.getByText('Afficher les données sous forme de tableau').click();
      const row = chart.getByRole('row', { name: /^2020/ });
      expect(await row.locator('td').nth(3).textContent()).toMatch(/%/);
      expect(number((await row.locator('td').nth(3).textContent()) ?? '')).toBeCloseTo(latest?.sharePct ?? 0, 2);
      const file = await downloadFrom(chart.getByRole('button', { name: 'Télécharger le CSV' }));
      const [header = [], ...rows] = parseCsv(file.bytes.toString('utf8'));
      const cell = (row: string[], name: string) => row[header.indexOf(name)];
      const shares = rows.filter((r) => cell(r, 'measure') === 'emigrants_share_of_population');
      expect(shares.map((r) => [cell(r, 'period'), Number(cell(r, 'value'))])).toEqual(
        api.migration.emigrants.series.filter((p) => p.sharePct !== null).map((p) => [p.period, p.sharePct]),
      );
    } finally {
      await page.close();
    }
  });

  it('exports with the comparison of flows the shares of GDP only in the view that draws them', async () => {
    for (const [query, hasShares] of [
      ['', false],
      ['&measure=gdp', true],
    ] as const) {
      const page = await openPage(`/countries/PHL/profile?lang=en${query}`);
      try {
        const comparison = page.getByRole('figure', { name: /remittances compared with aid \(ODA\)/ });
        await comparison.locator('svg').first().waitFor();
        const csv = parseCsv(
          (await downloadFrom(comparison.getByRole('button', { name: 'Download CSV' }))).bytes.toString(),
        );
        expect(csv[0]?.includes('pct_of_gdp'), query).toBe(hasShares);
        expect(csv[0]).toContain('value_usd');
      } finally {
        await page.close();
      }
    }
  });

  it('names the editions behind remittances as % of GDP readably, and prints each % column with fixed decimals', async () => {
    const page = await openPage('/countries/PHL/profile?lang=fr&measure=gdp');
    try {
      const gdpNote = page.locator('#remittances .key-figures__note').filter({ hasText: 'calculé par Bridges' });
      await gdpNote.waitFor();
      expect(await gdpNote.textContent()).toMatch(
        /^calculé par Bridges à partir de WDI \(Banque mondiale\) \d{4} et WDI \(Banque mondiale\) \d{4} \(PIB\)$/,
      );
      const comparison = page.getByRole('figure', { name: /envois de fonds comparés à l’aide/ });
      await comparison.locator('svg').first().waitFor();
      const cells = await comparison.locator('tbody td').allTextContents();
      const percents = cells.filter((c) => c.includes('%'));
      expect(percents.length).toBeGreaterThan(0);
      for (const c of percents) expect(c).toMatch(/^−?\d+,\d{2}[\s\u00a0\u202f]%$/);
    } finally {
      await page.close();
    }
  });

  it(
    'writes each group’s coverage in full under its name on a phone, in every language',
    { timeout: 120_000 },
    async () => {
      // GDP by sub-region: long US$ values leave the names little room, where the coverage was cut
      // ("44 de 53 con dat…"); it goes on a second line instead.
      const titles = { en: /^Totals by sub-region/, fr: /^Totaux par sous-région/, es: /^Totales por subregión/ };
      for (const lang of ['fr', 'es', 'en'] as const) {
        const page = await openPage(`/explorer?indicator=gdp_usd&groupBy=m49subregion&lang=${lang}`, { phone: true });
        try {
          const api = (await (
            await page.request.get(`${server?.url ?? ''}/api/rankings/gdp_usd?groupBy=m49subregion&lang=${lang}`)
          ).json()) as {
            grouping: { groups: { value: number | null; countWithData: number; countInGroup: number }[] };
          };
          const groups = api.grouping.groups.filter((g) => g.value !== null);
          const svg = page.getByRole('figure', { name: titles[lang] }).locator('svg').first();
          await svg.waitFor();
          // What each detail draws, line by line (its tooltip left out), and whether it stays in the drawing.
          const details = await svg.locator('text[font-size="10"]').evaluateAll((texts) => {
            const left = texts[0]?.closest('svg')?.getBoundingClientRect().left ?? 0;
            return texts.map((text) => ({
              text: [...text.childNodes]
                .filter((node) => node.nodeName !== 'title')
                .map((line) => line.textContent)
                .join(' '),
              inside: text.getBoundingClientRect().left >= left,
            }));
          });
          expect(details).toHaveLength(groups.length);
          for (const [i, group] of groups.entries()) {
            const detail = details[i];
            expect(detail?.text).not.toContain('…');
            expect(detail?.text).toMatch(
              new RegExp(`^${String(group.countWithData)} \\S+ ${String(group.countInGroup)} \\S`),
            );
            expect(detail?.inside).toBe(true);
          }
        } finally {
          await page.close();
        }
      }
    },
  );

  it(
    'fits every grouping of the totals in its menu on a wide screen, in every language',
    { timeout: 60_000 },
    async () => {
      const labels = { en: 'Totals by', fr: 'Totaux par', es: 'Totales por' };
      for (const lang of ['fr', 'es', 'en'] as const) {
        const page = await openPage(`/explorer?lang=${lang}`);
        try {
          const select = page.getByRole('combobox', { name: labels[lang], exact: true });
          await select.waitFor();
          // Each choice's width in the select's own font, against the room left of its arrow.
          const room = await select.evaluate((element) => {
            const style = element.ownerDocument.defaultView?.getComputedStyle(element);
            const context = element.ownerDocument.createElement('canvas').getContext('2d');
            if (!style || !context) throw new Error('no style or canvas');
            context.font = style.font;
            const inner = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            const ARROW = 24;
            return [...element.querySelectorAll('option')].map((o) => ({
              text: o.textContent,
              spare: inner - ARROW - context.measureText(o.textContent).width,
            }));
          });
          expect(room.length).toBeGreaterThan(2);
          expect(room.filter((r) => r.spare < 0)).toEqual([]);
        } finally {
          await page.close();
        }
      }
    },
  );

  it(
    'says which areas chosen the chart over time replaced, and why, when the indicator changes',
    { timeout: 180_000 },
    async () => {
      if (!server) throw new Error('the server did not start');
      const url = server.url;
      const ranking = async (indicator: string, lang: string, query = '') =>
        (await (await fetch(`${url}/api/rankings/${indicator}?lang=${lang}${query}`)).json()) as {
          items: { area: { code: string; name: string } }[];
        };
      // Two of the countries with the most migrants that have no cost of sending money to them: the
      // countries money is sent from.
      const stock = await ranking('migrant_stock', 'en');
      const costs = await ranking('remittance_cost_pct', 'en', '&dims=amount:200');
      const priced = new Set(costs.items.map((i) => i.area.code));
      const chosen = stock.items.filter((i) => !priced.has(i.area.code)).slice(0, 2);
      expect(chosen).toHaveLength(2);
      const codes = chosen.map((i) => i.area.code).join(',');
      const page = await openPage(`/explorer?indicator=migrant_stock&areas=${codes}&lang=en`);
      try {
        const trend = page.locator('#trend');
        // The notice (the chart's other status region says what an add or a remove did).
        const dropped = trend.locator('.notice[role="status"]');
        const chips = trend.getByRole('list', { name: 'Shown' }).getByRole('listitem');
        await expect
          .poll(() => chips.allTextContents(), { timeout: WAIT_MS })
          .toEqual(chosen.map((i) => `${i.area.name}×`));
        expect(await dropped.count()).toBe(0);
        await page.getByRole('combobox', { name: 'Indicator', exact: true }).selectOption('remittance_cost_pct');
        await dropped.waitFor();
        const text = (await dropped.textContent()) ?? '';
        expect(text).toMatch(
          new RegExp(
            `^${chosen.map((i) => i.area.name).join(', ')}: no value for “Average total cost of sending remittances” in Q\\d\\s\\d{4} \\(its values are those of the country the money is sent to\\)\\. The chart over time shows its default instead: `,
          ),
        );
        // The areas shown instead are named: those of the chips.
        await expect.poll(() => chips.count(), { timeout: WAIT_MS }).toBeGreaterThan(0);
        const shown = (await chips.allTextContents()).map((c) => c.replace(/×$/, ''));
        expect(text.endsWith(`instead: ${shown.join(', ')}.`)).toBe(true);
        // One of them priced, the other not: the chart keeps the first and says it leaves out the other.
        const [first] = costs.items;
        await page.goto(
          `${url}/explorer?indicator=remittance_cost_pct&areas=${chosen[0]?.area.code ?? ''},${first?.area.code ?? ''}&lang=en`,
        );
        await expect.poll(() => chips.allTextContents(), { timeout: WAIT_MS }).toEqual([`${first?.area.name ?? ''}×`]);
        expect(await dropped.textContent()).toMatch(/\. The chart over time leaves it out\.$/);
        // In French and Spanish, the names as the reader's language writes them. Every text the
        // notice takes is recorded from the page's start (window.__notices).
        await page.addInitScript(`
          window.__notices = [];
          new MutationObserver(() => {
            for (const notice of document.querySelectorAll('#trend .notice[role="status"]')) {
              const text = notice.textContent || '';
              if (window.__notices.at(-1) !== text) window.__notices.push(text);
            }
          }).observe(document, { subtree: true, childList: true, characterData: true });
        `);
        // The list of countries held back, as on a slow line, so that the ranking comes first.
        await page.route(/\/api\/countries\?/, async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 1500));
          await route.continue();
        });
        for (const lang of ['fr', 'es'] as const) {
          const names = (await ranking('migrant_stock', lang)).items
            .filter((i) => chosen.some((c) => c.area.code === i.area.code))
            .map((i) => i.area.name);
          await page.goto(`${url}/explorer?indicator=remittance_cost_pct&areas=${codes}&lang=${lang}`);
          // The names come with the list of countries, which may arrive after the ranking: the
          // notice waits for them, so that it is announced once, by name (never "USA, DEU" first).
          for (const name of names)
            await expect.poll(async () => (await dropped.textContent()) ?? '', { timeout: WAIT_MS }).toContain(name);
          const said = (await dropped.textContent()) ?? '';
          expect(said).toContain(lang === 'fr' ? 'du pays qui reçoit l’argent' : 'del país que recibe el dinero');
          const announced = (await page.evaluate('window.__notices')) as string[];
          expect(announced.length).toBeGreaterThan(0);
          for (const text of announced) for (const name of names) expect(text).toContain(name);
        }
      } finally {
        await page.close();
      }
    },
  );

  it('draws a value no line reaches, on the page and in the downloaded image', { timeout: 60_000 }, async () => {
    if (!server) throw new Error('the server did not start');
    // Guatemala → Belize: a UNHCR group with a value in a single year of the many the chart draws.
    const corridor = (await (await fetch(`${server.url}/api/corridors/GTM/BLZ`)).json()) as {
      displaced: { trend: { period: string; byGroup: Record<string, number> }[] };
    };
    const trend = corridor.displaced.trend;
    // The chart's lines are the stock groups (flows are in the table only), over every year of the trend.
    const lone = [...new Set(trend.flatMap((p) => Object.keys(p.byGroup)))]
      .filter((group) => !UNHCR_FLOW_GROUPS.has(group))
      .map((group) =>
        trend.flatMap((p) => (p.byGroup[group] === undefined ? [] : [{ period: p.period, value: p.byGroup[group] }])),
      )
      .find((points) => points.length === 1)?.[0];
    if (!lone) throw new Error('no group with a single value on this corridor');
    // Enough years that a long line has markers only every few points: the lone one is not among them.
    expect(trend.length).toBeGreaterThan(24);
    const tooltip = `, ${lone.period}: ${lone.value.toLocaleString('en-US')}`;
    const page = await openPage('/corridors/GTM/BLZ?lang=en');
    try {
      const figure = page.getByRole('figure', { name: /^Guatemala → Belize: people forcibly displaced/ });
      const size = (root: Locator) =>
        root
          .locator('path')
          .evaluateAll(
            (paths, end) =>
              paths
                .filter((p) => p.querySelector('title')?.textContent?.endsWith(end))
                .map((p) => p.getBoundingClientRect().width),
            tooltip,
          );
      await figure.locator('svg').first().waitFor();
      const onPage = await size(figure.locator('svg').first());
      expect(onPage).toHaveLength(1);
      expect(onPage[0]).toBeGreaterThanOrEqual(6);
      // The image is the same drawing: the marker is in it too.
      const svg = (await downloadFrom(figure.getByRole('button', { name: 'SVG' }))).bytes.toString('utf8');
      const holder = page.locator('body');
      await holder.evaluate((body, text) => {
        const div = body.ownerDocument.createElement('div');
        div.id = 'exported';
        div.innerHTML = text.replace(/^<\?xml[^>]*>\n/, '');
        body.append(div);
      }, svg);
      const inImage = await size(page.locator('#exported svg'));
      expect(inImage).toHaveLength(1);
      expect(inImage[0]).toBeGreaterThanOrEqual(6);
    } finally {
      await page.close();
    }
  });

  it('says on a corridor where the two UN DESA revisions disagree by less than half', { timeout: 60_000 }, async () => {
    if (!server) throw new Error('the server did not start');
    // India → United Arab Emirates: the revisions differ for the years both cover, by less than the
    // ratio of the note on wide gaps; the latest such year is said in words, figures as the API gives them.
    const corridor = (await (await fetch(`${server.url}/api/corridors/IND/ARE`)).json()) as {
      migrantStock: { editions: { dataset: string; points: { period: string; total: number | null }[] }[] };
    };
    const [latest, older] = corridor.migrantStock.editions;
    const shared = (latest?.points ?? [])
      .filter((p) => older?.points.some((o) => o.period === p.period && o.total !== p.total))
      .map((p) => p.period)
      .sort()
      .at(-1);
    if (!latest || !older || !shared) throw new Error('the revisions share no differing year');
    const totals = [latest, older].map((e) => e.points.find((p) => p.period === shared)?.total ?? 0);
    const [high, low] = [Math.max(...totals), Math.min(...totals)];
    expect(high / low).toBeLessThan(1.5);
    const sentences = {
      en: `The revisions do not agree on ${shared} (total): ${(totals[0] ?? 0).toLocaleString('en')} (UN DESA 2024) against ${(totals[1] ?? 0).toLocaleString('en')} (UN DESA 2020)`,
      fr: `Les révisions ne concordent pas pour ${shared} (total)\u00a0: ${(totals[0] ?? 0).toLocaleString('fr')} (DAES (UN DESA) 2024) contre ${(totals[1] ?? 0).toLocaleString('fr')} (DAES (UN DESA) 2020)`,
      es: `Las revisiones no coinciden para ${shared} (total): ${(totals[0] ?? 0).toLocaleString('es')} (DAES (UN DESA) 2024) frente a ${(totals[1] ?? 0).toLocaleString('es')} (DAES (UN DESA) 2020)`,
    };
    for (const lang of ['en', 'fr', 'es'] as const) {
      const page = await openPage(`/corridors/IND/ARE?lang=${lang}`);
      try {
        const stock = page.locator('#stock figure');
        await expect
          .poll(() => stock.locator('.chart__note').allTextContents(), { timeout: WAIT_MS })
          .toContainEqual(expect.stringContaining(sentences[lang]));
        // No wide gap, so no list of them: the one sentence says it.
        expect(await stock.locator('.chart__gaps').count()).toBe(0);
      } finally {
        await page.close();
      }
    }
  });

  it('names dimensions in the reader’s language in indicator descriptions', async () => {
    const page = await openPage('/explorer?indicator=forcibly_displaced&lang=es');
    try {
      await page
        .getByText(/dimensión «grupo de población»: refugiados/)
        .first()
        .waitFor();
      expect(await page.locator('main').textContent()).not.toContain('dimensión group');
      // The partner of a displacement figure is the people's origin, not a sender of money.
      await page.getByText('País de origen de las personas desplazadas').waitFor();
      // UNHCR's latest year is its mid-year release: every value provisional, and the titles say so.
      await page
        .getByRole('figure', { name: /, 2024, provisional/ })
        .first()
        .waitFor();
      expect(await page.locator('main').textContent()).not.toContain('envía el dinero');
    } finally {
      await page.close();
    }
  });
  it('opens a link without ?lang= in the language the browser prefers, which its links then carry', async () => {
    const page = await openPage('/countries/PHL/profile', { locale: 'fr-FR' });
    try {
      const french = page.getByRole('button', { name: 'Français' });
      await expect.poll(() => french.getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      await page.getByRole('heading', { level: 1, name: /Philippines/ }).waitFor();
      const links = await page
        .locator('header nav a[href^="/"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(links.length).toBeGreaterThan(0);
      expect(links.filter((href) => !href.includes('lang=fr'))).toEqual([]);
      // A reader who chooses English keeps it, whatever the browser prefers.
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('en');
      await page.reload();
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    } finally {
      await page.close();
    }
  });

  it(
    'says which members each group does not count, and why: on the chart, in its notes, table and CSV, in every language',
    { timeout: 180_000 },
    async () => {
      if (!server) throw new Error('the server did not start');
      const url = server.url;
      const words = {
        en: {
          title: /^Totals by region/,
          method: 'coverage = members with data / members counted',
          note: 'Not counted: ',
          csv: 'Download CSV',
          table: 'Show the data as a table',
          column: 'Not counted',
        },
        fr: {
          title: /^Totaux par région/,
          method: 'couverture = membres avec données / membres comptés',
          note: 'Non comptés\u00a0: ',
          csv: 'Télécharger le CSV',
          table: 'Afficher les données sous forme de tableau',
          column: 'Non comptés',
        },
        es: {
          title: /^Totales por región/,
          method: 'cobertura = miembros con datos / miembros contados',
          note: 'No contados: ',
          csv: 'Descargar CSV',
          table: 'Mostrar los datos en una tabla',
          column: 'No contados',
        },
      };
      for (const lang of ['fr', 'es', 'en'] as const) {
        // UN DESA's totals by destination: its population table leaves out of the regions' coverage
        // the uninhabited territories and the areas the UN counts with another.
        const query = `groupBy=m49region&lang=${lang}`;
        const api = (await (await fetch(`${url}/api/rankings/migrant_stock_total?${query}`)).json()) as {
          grouping: {
            groups: {
              code: string;
              value: number | null;
              countWithData: number;
              countInGroup: number;
              notCounted: string[];
              notCountedNote: string | null;
            }[];
          };
        };
        const groups = api.grouping.groups.filter((g) => g.value !== null);
        expect(groups.filter((g) => g.notCounted.length > 0).length).toBeGreaterThan(0);
        const countries = (await (await fetch(`${url}/api/countries?kind=all&lang=${lang}`)).json()) as {
          items: { code: string; name: string }[];
        };
        const names = new Map(countries.items.map((c) => [c.code, c.name]));
        const page = await openPage(`/explorer?indicator=migrant_stock_total&${query}`, { phone: true });
        try {
          const figure = page.getByRole('figure', { name: words[lang].title });
          const svg = figure.locator('svg').first();
          await svg.waitFor();
          // Each bar's coverage as drawn (line by line), its tooltip, and whether it stays in the drawing.
          const details = await svg.locator('text[font-size="10"]').evaluateAll((texts) => {
            const left = texts[0]?.closest('svg')?.getBoundingClientRect().left ?? 0;
            return texts.map((text) => ({
              text: [...text.childNodes]
                .filter((node) => node.nodeName !== 'title')
                .map((line) => line.textContent)
                .join(' '),
              tooltip: text.querySelector('title')?.textContent ?? '',
              inside: text.getBoundingClientRect().left >= left,
            }));
          });
          expect(details).toHaveLength(groups.length);
          for (const [i, group] of groups.entries()) {
            const detail = details[i];
            expect(detail?.inside).toBe(true);
            expect(detail?.text).not.toContain('…');
            expect(detail?.text).toMatch(
              new RegExp(`^${String(group.countWithData)} \\S+ ${String(group.countInGroup)} \\S`),
            );
            if (group.notCounted.length > 0) {
              expect(detail?.text).toMatch(new RegExp(`; ${String(group.notCounted.length)} \\S+ \\S+$`));
              expect(detail?.tooltip).toContain(group.notCountedNote ?? '');
            } else expect(detail?.text).not.toContain(';');
          }
          // The method says what the coverage counts; a note names every member not counted.
          await figure.getByText(words[lang].method).waitFor();
          const list = (await figure.getByText(new RegExp(`^${words[lang].note}`)).textContent()) ?? '';
          for (const code of groups.flatMap((g) => g.notCounted)) expect(list).toContain(names.get(code) ?? code);
          // The table: how many members each group does not count.
          await figure.getByText(words[lang].table).click();
          const table = figure.getByRole('table');
          const headers = await table.locator('thead th').allTextContents();
          const at = headers.indexOf(words[lang].column);
          expect(at).toBeGreaterThan(0);
          const cells = await table
            .locator('tbody tr')
            .evaluateAll((rows, i) => rows.map((r) => r.children[i]?.textContent ?? ''), at);
          expect(cells).toEqual(groups.map((g) => String(g.notCounted.length)));
          // The CSV: each group's members not counted and the sentence naming them, as the API's CSV gives them.
          const csv = parseCsv(
            (await downloadFrom(figure.getByRole('button', { name: words[lang].csv }))).bytes.toString('utf8'),
          );
          const header = csv[0] ?? [];
          const apiCsv = parseCsv(
            await (await fetch(`${url}/api/rankings/migrant_stock_total?${query}&format=csv`)).text(),
          );
          const apiHeader = apiCsv[0] ?? [];
          const apiGroups = new Map(
            apiCsv
              .slice(1)
              .filter((r) => r[apiHeader.indexOf('row_type')] === 'bridges_m49region')
              .map((r) => [r[apiHeader.indexOf('area')], r]),
          );
          expect(csv.slice(1).map((r) => r[header.indexOf('group')])).toEqual(groups.map((g) => g.code));
          for (const row of csv.slice(1)) {
            const apiRow = apiGroups.get(row[header.indexOf('group')]);
            for (const column of ['not_counted', 'not_counted_note', 'method'])
              expect(row[header.indexOf(column)], column).toBe(apiRow?.[apiHeader.indexOf(column)]);
          }
          expect(csv.slice(1).some((r) => r[header.indexOf('not_counted')] !== '')).toBe(true);
          // The image carries the note, as it carries the method.
          if (lang === 'en') {
            const image = (await downloadFrom(figure.getByRole('button', { name: 'SVG' }))).bytes.toString('utf8');
            expect(image).toContain(words.en.note.trim());
          }
        } finally {
          await page.close();
        }
      }
    },
  );

  it(
    'writes what Bridges computed in the reader’s language in the charts’ CSVs, as the API’s CSV does',
    { timeout: 180_000 },
    async () => {
      if (!server) throw new Error('the server did not start');
      const url = server.url;
      const apiCsv = async (path: string) => parseCsv(await (await fetch(`${url}${path}`)).text());
      /** A CSV's rows as objects by column name. */
      const records = (csv: string[][]) =>
        csv.slice(1).map((row) => Object.fromEntries((csv[0] ?? []).map((name, i) => [name, row[i] ?? ''])));
      const chartCsv = async (figure: Locator, button: string) =>
        records(parseCsv((await downloadFrom(figure.getByRole('button', { name: button }))).bytes.toString('utf8')));

      // The explorer in French: the map's CSV against the API's CSV the page links to, and the chart
      // over time's against the API's CSV of the series it drew.
      const explorer = await openPage('/explorer?indicator=migrant_stock&lang=fr');
      try {
        const trend = explorer.locator('#trend figure').first();
        await trend.locator('svg').first().waitFor();
        const link = (await explorer.locator('#ranking-table a[href*="format=csv"]').getAttribute('href')) ?? '';
        expect(link).toContain('lang=fr');
        const ranking = new Map(
          records(await apiCsv(link))
            .filter((r) => r.row_type === 'area')
            .map((r) => [r.area, r.computed_by]),
        );
        const map = explorer.getByRole('figure').first();
        const mapRows = await chartCsv(map, 'Télécharger le CSV');
        expect(mapRows.length).toBe(ranking.size);
        expect(mapRows.filter((r) => r.computed_by !== ranking.get(r.area))).toEqual([]);
        expect(mapRows.some((r) => r.computed_by !== '')).toBe(true);
        const drawn = await explorer.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .map((e) => e.name)
            .filter((name) => name.includes('/api/series?') && name.includes('from=')),
        );
        const series = new URL(drawn.at(-1) ?? '');
        expect(series.searchParams.get('lang')).toBe('fr');
        const trendRows = await chartCsv(trend, 'Télécharger le CSV');
        const computed = (rows: Record<string, string>[]) => rows.map((r) => [r.area, r.period, r.computed_by]);
        expect(computed(trendRows)).toEqual(
          computed(records(await apiCsv(`${series.pathname}${series.search}&format=csv`))),
        );
        // The English CSV says it otherwise: the French one is not the API's English.
        series.searchParams.set('lang', 'en');
        expect(computed(trendRows)).not.toEqual(
          computed(records(await apiCsv(`${series.pathname}${series.search}&format=csv`))),
        );
      } finally {
        await explorer.close();
      }

      // A corridor in Spanish: the stock's CSV, row by row against the API's CSV of the corridor.
      const corridor = await openPage('/corridors/PHL/USA?lang=es');
      try {
        const stock = corridor.getByRole('figure', { name: /personas nacidas en el origen/ });
        await stock.locator('svg').first().waitFor();
        const api = new Map(
          records(await apiCsv('/api/corridors/PHL/USA?format=csv&lang=es'))
            .filter((r) => r.measure === 'migrant_stock')
            .map((r) => [`${r.dataset} ${r.period} ${r.sex}`, r.computed_by]),
        );
        const rows = (await chartCsv(stock, 'Descargar CSV')).filter((r) => r.value !== '');
        expect(rows.length).toBe(api.size);
        expect(rows.filter((r) => r.computed_by !== api.get(`${r.dataset} ${r.period} ${r.sex}`))).toEqual([]);
        expect(rows.some((r) => r.computed_by !== '')).toBe(true);
        // The unit in Spanish too, as the API's CSV in Spanish gives it.
        expect(new Set(rows.map((r) => r.unit))).toEqual(new Set(['personas']));
      } finally {
        await corridor.close();
      }

      // A profile in Spanish: emigrants by sex, the top destinations and the displaced abroad.
      const profile = await openPage('/countries/PHL/profile?lang=es');
      try {
        await profile.getByRole('heading', { level: 1 }).waitFor();
        const api = records(await apiCsv('/api/profiles/PHL?format=csv&lang=es'));
        const emigrants = profile.getByRole('figure', { name: /emigrantes por sexo/ });
        await emigrants.locator('svg').first().waitFor();
        const stocks = new Map(
          api
            .filter((r) => r.block === 'migration' && (r.measure ?? '').startsWith('emigrants'))
            .map((r) => [`${r.measure} ${r.period} ${r.sex}`, r.computed_by]),
        );
        const emigrantRows = (await chartCsv(emigrants, 'Descargar CSV')).filter((r) => r.value !== '');
        expect(emigrantRows.length).toBe(stocks.size);
        // Persons for the stocks, percent for their share of the population, in Spanish.
        expect(
          new Set(
            emigrantRows.map((r) => `${r.measure === 'emigrants_share_of_population' ? 'share' : 'stock'} ${r.unit}`),
          ),
        ).toEqual(new Set(['stock personas', 'share porcentaje']));
        expect(emigrantRows.filter((r) => r.computed_by !== stocks.get(`${r.measure} ${r.period} ${r.sex}`))).toEqual(
          [],
        );
        // A destination's total: the API's words for a sum of both sexes, and the share Bridges' too.
        const sexes = api.find((r) => r.measure === 'top_destination' && r.sex === '_T')?.computed_by ?? '';
        expect(sexes).toMatch(/^Bridges \(.+\)$/);
        const destinations = profile.getByRole('figure', { name: /dónde viven los emigrantes/ });
        for (const row of await chartCsv(destinations, 'Descargar CSV'))
          expect(row.computed_by).toContain(sexes.slice('Bridges ('.length, -1));
        const abroad = profile.getByRole('figure', { name: /desplazadas en el extranjero, por país de asilo/ });
        const displaced = new Map(
          api.filter((r) => r.measure === 'from_country_top').map((r) => [r.partner, r.computed_by]),
        );
        const displacedRows = await chartCsv(abroad, 'Descargar CSV');
        expect(displacedRows.length).toBe(displaced.size);
        expect(displacedRows.filter((r) => r.computed_by !== displaced.get(r.partner))).toEqual([]);
        expect(displacedRows.some((r) => r.computed_by !== '')).toBe(true);
        // Where remittances come from: the share of each sender is Bridges' and says so.
        const senders = profile.getByRole('figure', { name: /de dónde vienen las remesas/ });
        const senderRows = await chartCsv(senders, 'Descargar CSV');
        expect(senderRows.length).toBeGreaterThan(0);
        expect(senderRows.filter((r) => r.share_pct !== '' && r.computed_by !== 'Bridges (share_pct)')).toEqual([]);
      } finally {
        await profile.close();
      }
    },
  );

  it(
    'keeps the labels of the SDG 10.c lines apart on the chart of costs over time, on a phone and in its image',
    { timeout: 120_000 },
    async () => {
      if (!server) throw new Error('the server did not start');
      const url = server.url;
      // The costliest country over time, read from the API: its line stretches the scale, which
      // brings 3 % and 5 % within a label's height of each other on a phone.
      const page = await openPage('/explorer?indicator=remittance_cost_pct&lang=fr', { phone: true });
      try {
        const link = (await page.locator('#ranking-table a[href*="format=csv"]').getAttribute('href')) ?? '';
        const asked = new URL(link, url).searchParams;
        const ranking = (await (
          await fetch(`${url}/api/rankings/remittance_cost_pct?lang=fr&dims=${asked.get('dims') ?? ''}`)
        ).json()) as { items: { area: { code: string } }[] };
        const codes = ranking.items.slice(0, 50).map((i) => i.area.code);
        const series = (await (
          await fetch(
            `${url}/api/series?indicator=remittance_cost_pct&dims=${asked.get('dims') ?? ''}&areas=${codes.join(',')}`,
          )
        ).json()) as { series: { area: { code: string }; points: { value: number | null }[] }[] };
        const highest = (s: (typeof series.series)[number]) => Math.max(...s.points.map((p) => p.value ?? -Infinity));
        const costliest = [...series.series].sort((a, b) => highest(b) - highest(a))[0]?.area.code ?? '';
        await page.goto(`${url}/explorer?indicator=remittance_cost_pct&lang=fr&areas=${costliest}`);
        const figure = page.locator('#trend figure').first();
        await figure.locator('svg').first().waitFor();
        /** The dashed lines' heights and their labels' boxes, as the browser draws them. */
        const measure = (svg: Locator) =>
          svg.evaluate((root) => {
            const lines = [...root.querySelectorAll('line[stroke="#7f1d1d"]')].map(
              (l) => l.getBoundingClientRect().top,
            );
            const labels = [...root.querySelectorAll('text[font-weight="600"]')].map((t) => {
              const r = t.getBoundingClientRect();
              return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
            });
            return { lines, labels };
          });
        const apart = (boxes: { left: number; right: number; top: number; bottom: number }[]) => {
          const [a, b] = boxes;
          if (!a || !b) throw new Error('two labels expected');
          return a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        };
        const onPage = await measure(figure.locator('svg').first());
        expect(onPage.labels).toHaveLength(2);
        // The lines are closer together than a label is high: where the two labels used to run together.
        const [three = 0, five = 0] = onPage.lines;
        expect(Math.abs(three - five)).toBeLessThan(
          onPage.labels[0] ? onPage.labels[0].bottom - onPage.labels[0].top : 0,
        );
        expect(apart(onPage.labels)).toBe(true);
        // The image draws them apart too.
        const image = (await downloadFrom(figure.getByRole('button', { name: 'SVG' }))).bytes.toString('utf8');
        await page.locator('body').evaluate((body, text) => {
          const div = body.ownerDocument.createElement('div');
          div.id = 'exported';
          div.innerHTML = text.replace(/^<\?xml[^>]*>\n/, '');
          body.append(div);
        }, image);
        const inImage = await measure(page.locator('#exported svg').first());
        expect(inImage.labels).toHaveLength(2);
        expect(apart(inImage.labels)).toBe(true);
      } finally {
        await page.close();
      }
    },
  );

  // Last: every page opened above (charts drawn, images exported, downloads) ran within the
  // pages' Content-Security-Policy.
  it('broke no rule of the pages’ Content-Security-Policy on any page the tests opened', () => {
    expect(policyViolations).toEqual([]);
  });
});
