import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { undesaIms2024 } from '../../src/server/importers/undesa-ims.js';
import { wdiGdidata2025 } from '../../src/server/importers/wdi.js';
import { startDatahubServer } from './datahub-server.js';

/**
 * The indicator explorer in real Chromium against the real server, with UN DESA's 2024 revision
 * and WDI's 2025 remittances: the names of its downloads say the view they come from, and its
 * cards sit as tall as their own content.
 */

const WAIT_MS = 30_000;

let server: Awaited<ReturnType<typeof startDatahubServer>> | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startDatahubServer({ importers: [undesaIms2024, wdiGdidata2025] }),
    launchChromium(),
  ]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
}, 60_000);

async function openPage(path: string): Promise<Page> {
  if (!browser || !server) throw new Error('the browser or the server did not start');
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page.setDefaultTimeout(WAIT_MS);
  await page.goto(`${server.url}${path}`);
  return page;
}

/** The suggested name of the file a button downloads. */
async function downloadName(trigger: Locator): Promise<string> {
  const [file] = await Promise.all([trigger.page().waitForEvent('download'), trigger.click()]);
  return file.suggestedFilename();
}

/** The explorer's charts: the map, the top 15, the totals by region and the chart over time. */
function explorerCharts(page: Page) {
  return {
    map: page.locator('.explorer__results > figure').first(),
    top: page.getByRole('figure', { name: /^Top 15: / }),
    groups: page.locator('#explorer-after-map figure').nth(1),
    trend: page.getByRole('figure', { name: / over time$/ }),
  };
}

describe('the explorer in the browser', () => {
  it(
    'names every download after the filters that made its figures, not as the unfiltered view',
    { timeout: 180_000 },
    async () => {
      const page = await openPage('/explorer?indicator=migrant_stock&lang=en');
      try {
        const world = explorerCharts(page);
        await world.map.locator('.chart__body svg').waitFor();
        const worldMap = await downloadName(world.map.getByRole('button', { name: 'Download CSV' }));
        expect(worldMap).toMatch(/^bridges-map-migrant_stock-undesa-ims-2024-.*2024\.csv$/);

        // Filipinos abroad: every chart's files say so, by the counterpart's code.
        await page.goto(`${server?.url ?? ''}/explorer?indicator=migrant_stock&counterpart=PHL&lang=en`);
        const filipinos = explorerCharts(page);
        await filipinos.map.locator('.chart__subtitle', { hasText: 'Philippines' }).waitFor();
        await filipinos.trend.locator('.chart__body svg').waitFor();
        const names = [
          await downloadName(filipinos.map.getByRole('button', { name: 'Download CSV' })),
          await downloadName(filipinos.map.getByRole('button', { name: 'Download image (PNG)' })),
          await downloadName(filipinos.map.getByRole('button', { name: 'SVG' })),
          await downloadName(filipinos.top.getByRole('button', { name: 'Download CSV' })),
          await downloadName(filipinos.groups.getByRole('button', { name: 'Download CSV' })),
          await downloadName(filipinos.trend.getByRole('button', { name: 'Download CSV' })),
        ];
        for (const name of names) expect(name).toContain('-born-in-PHL');
        expect(names[0]).not.toBe(worldMap);
        expect(names[0]).toBe('bridges-map-migrant_stock-undesa-ims-2024-born-in-PHL-2024.csv');
        expect(names[1]).toBe('bridges-map-migrant_stock-undesa-ims-2024-born-in-PHL-2024.png');

        // Filipino women abroad: the sex too.
        await page.goto(`${server?.url ?? ''}/explorer?indicator=migrant_stock&counterpart=PHL&sex=F&lang=en`);
        const women = explorerCharts(page);
        await women.map.locator('.chart__subtitle', { hasText: 'Women' }).waitFor();
        expect(await downloadName(women.map.getByRole('button', { name: 'Download CSV' }))).toBe(
          'bridges-map-migrant_stock-undesa-ims-2024-born-in-PHL-female-2024.csv',
        );
      } finally {
        await page.close();
      }
    },
  );

  it('leaves no blank under the top 15 beside a taller card of totals by region', { timeout: 120_000 }, async () => {
    const page = await openPage('/explorer?indicator=remittances_received_usd&lang=fr');
    try {
      const top = page.getByRole('figure', { name: /^Les 15 premiers/ });
      await top.locator('.chart__body svg').waitFor();
      await page.waitForLoadState('networkidle');
      const blank = await top.evaluate((figure) => {
        const last = figure.lastElementChild?.getBoundingClientRect();
        const padding = parseFloat(figure.ownerDocument.defaultView?.getComputedStyle(figure).paddingBottom ?? '0');
        return figure.getBoundingClientRect().bottom - padding - (last?.bottom ?? 0);
      });
      expect(blank).toBeLessThan(8);
      // The card beside it is taller: the row would have stretched the top 15 to its height.
      const regions = page.locator('#explorer-after-map > :nth-child(2)');
      expect((await regions.boundingBox())?.height ?? 0).toBeGreaterThan(
        ((await top.boundingBox())?.height ?? 0) + 100,
      );
    } finally {
      await page.close();
    }
  });
});
