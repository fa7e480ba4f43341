import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RankingResponse } from '../../src/core/statistics.js';
import { undesaIms2024 } from '../../src/server/importers/undesa-ims.js';
import { launchChromium } from '../helpers/browser.js';
import { startDatahubServer } from './datahub-server.js';

/**
 * The SDMX link under the explorer's map, in real Chromium against the real server with UN DESA's
 * 2024 revision: for every origin it leaves the origin open (SDMX's wildcard) rather than list
 * them all, and gives the same observations; in French it asks for French names (`lang=fr`),
 * which a link cannot ask for by a header.
 */

const WAIT_MS = 30_000;

let server: Awaited<ReturnType<typeof startDatahubServer>> | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDatahubServer({ importers: [undesaIms2024] }), launchChromium()]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
}, 60_000);

async function openPage(path: string): Promise<Page> {
  if (!browser || !server) throw new Error('the browser or the server did not start');
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(WAIT_MS);
  await page.goto(`${server.url}${path}`);
  return page;
}

async function fetchText(path: string): Promise<string> {
  const res = await fetch(`${server?.url ?? ''}${path}`);
  expect(res.status, path.slice(0, 200)).toBe(200);
  return res.text();
}

/** The map's SDMX link, once the map is drawn. */
async function mapSdmxLink(page: Page): Promise<string> {
  const map = page.locator('.explorer__results > figure').first();
  await map.locator('.chart__body svg').waitFor();
  return (await map.getByRole('link', { name: 'SDMX' }).getAttribute('href')) ?? '';
}

describe('the explorer’s SDMX link', () => {
  it('leaves every origin open, for the same observations, and names them in the page’s language', async () => {
    const page = await openPage('/explorer?indicator=migrant_stock&lang=fr');
    try {
      const href = await mapSdmxLink(page);
      const [path = '', query = ''] = href.split('?');
      const key = path.split('/').at(-1) ?? '';
      // FREQ.REF_AREA.COUNTERPART_AREA.SEX: the destinations drawn, every origin, men and women.
      const [, destinations = '', origins, sexes] = key.split('.');
      expect(destinations.split('+').length).toBeGreaterThan(100);
      expect(origins).toBe('');
      expect(sexes).toBe('M+F');
      expect(new URLSearchParams(query).get('lang')).toBe('fr');

      // What the wildcard stands for: every origin the ranking has, as the link used to list them.
      const period = new URLSearchParams(query).get('startPeriod') ?? '';
      const ranking = JSON.parse(
        await fetchText(`/api/rankings/migrant_stock?dataset=undesa-ims-2024&period=${period}`),
      ) as RankingResponse;
      expect(ranking.counterparts.some((a) => a.kind === 'aggregate')).toBe(false);
      const listed = ranking.counterparts.map((a) => a.code).join('+');
      const answer = await fetchText(href);
      expect(await fetchText(href.replace(`.${destinations}..`, `.${destinations}.${listed}.`))).toBe(answer);

      // In French: the areas as the page names them.
      const rows = parse(answer, { columns: true }) as Record<string, string>[];
      expect(rows.length).toBeGreaterThan(1000);
      const refArea = Object.keys(rows[0] ?? {}).find((column) => column.startsWith('REF_AREA')) ?? '';
      expect(rows.map((row) => row[refArea])).toContain('USA: États-Unis d’Amérique');

      // In English, the link the API documents: no lang.
      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForURL(/lang=en/);
      await page.getByRole('heading', { level: 1, name: 'Indicator explorer' }).waitFor();
      expect(await mapSdmxLink(page)).toBe(href.replace('&lang=fr', ''));
    } finally {
      await page.close();
    }
  }, 120_000);
});
