import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { downloadFrom, launchChromium } from '../helpers/browser.js';
import { undesaIms2024 } from '../../src/server/importers/undesa-ims.js';
import { undesaImsDestination2020 } from '../../src/server/importers/undesa-totals.js';
import { wdiGdidata2025 } from '../../src/server/importers/wdi.js';
import { startDatahubServer } from './datahub-server.js';

/**
 * The indicator explorer in real Chromium against the real server, with UN DESA's 2024 revision,
 * its 2020 totals by destination and WDI's 2025 remittances: the names of its downloads say the
 * view they come from, its cards sit as tall as their own content, and a keyboard and screen-reader
 * user is told what changed and keeps their place.
 */

const WAIT_MS = 30_000;

let server: Awaited<ReturnType<typeof startDatahubServer>> | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startDatahubServer({ importers: [undesaIms2024, undesaImsDestination2020, wdiGdidata2025] }),
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

/** The id of the element that has the focus ('BODY' when none has). */
function focusedId(page: Page): Promise<string> {
  // (A string: this file is type-checked without the DOM's types, as the other browser tests are.)
  return page.evaluate<string>(
    "document.activeElement ? document.activeElement.id || document.activeElement.tagName : ''",
  );
}

/** The suggested name of the file a button downloads. */
async function downloadName(trigger: Locator): Promise<string> {
  const [file] = await Promise.all([trigger.page().waitForEvent('download'), trigger.click()]);
  return file.suggestedFilename();
}

/** A downloaded CSV's rows as objects by column name. */
function csvRecords(bytes: Buffer): Record<string, string>[] {
  return parse(bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
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

  it('lets a keyboard reach the rows of a table longer than its box', { timeout: 120_000 }, async () => {
    const page = await openPage('/explorer?indicator=migrant_stock&lang=en');
    try {
      const { top } = explorerCharts(page);
      await top.locator('.chart__body svg').waitFor();
      await top.getByText('Show the data as a table').click();
      const box = top.locator('.table-scroll');
      await box.locator('tbody tr').first().waitFor();
      // Fifteen rows and a caption run past the box's height (styles.css): it scrolls down, not sideways.
      const size = await box.evaluate((el) => ({
        down: el.scrollHeight - el.clientHeight,
        across: el.scrollWidth - el.clientWidth,
      }));
      expect(size.down).toBeGreaterThan(1);
      expect(size.across).toBeLessThanOrEqual(1);
      // So it is a tab stop, a region named by the table's caption, and the arrow keys scroll it.
      expect(await box.getAttribute('tabindex')).toBe('0');
      expect(await box.getAttribute('role')).toBe('region');
      await box.focus();
      await page.keyboard.press('End');
      await expect.poll(() => box.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

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

  it(
    'says what each change of indicator, year or sex shows, and when the year moved with it',
    { timeout: 120_000 },
    async () => {
      const page = await openPage('/explorer?indicator=migrant_stock&lang=en');
      try {
        const status = page.getByRole('status').filter({ hasText: /countries and areas/ });
        await status
          .filter({ hasText: /^International migrant stock, 2024 \(UN DESA 2024\): \d+ countries and areas$/ })
          .waitFor();
        // The year chosen: said, and not as a change made for the reader.
        await page.getByRole('combobox', { name: 'Year or period' }).selectOption('2020');
        await status
          .filter({ hasText: /^International migrant stock, 2020 \(UN DESA 2024\): \d+ countries and areas$/ })
          .waitFor();
        // Women only.
        await page.getByRole('combobox', { name: 'Sex', exact: true }).selectOption('F');
        await status
          .filter({ hasText: /^International migrant stock, 2020 \(UN DESA 2024 · Women\): \d+ countries and areas$/ })
          .waitFor();
        // Another indicator starts at its own latest year: 2020 here, the reader is told.
        await page.getByRole('combobox', { name: 'Year or period' }).selectOption('2024');
        await status.filter({ hasText: /^International migrant stock, 2024 / }).waitFor();
        await page.getByRole('combobox', { name: 'Indicator', exact: true }).selectOption('migrant_stock_total');
        await status
          .filter({
            hasText:
              /^International migrant stock, total by destination, 2020 \(UN DESA 2020, by destination\): \d+ countries and areas\. The year changed to 2020\.$/,
          })
          .waitFor();
        // The same region is used throughout: it was there before the first answer.
        expect(await status.count()).toBe(1);
      } finally {
        await page.close();
      }
    },
  );

  it(
    'keeps the focus on the menu an area is added from, and says it was added or removed',
    { timeout: 120_000 },
    async () => {
      const page = await openPage('/explorer?indicator=migrant_stock&lang=en');
      try {
        const trend = explorerCharts(page).trend;
        await trend.locator('.chart__body svg').waitFor();
        const menu = page.getByLabel('Add a country or area');
        await menu.focus();
        await menu.selectOption({ label: 'Philippines' });
        // The keyboard's way: Tab to the button, Enter.
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        const remove = page.getByRole('button', { name: 'Remove Philippines' });
        await remove.waitFor();
        expect(await focusedId(page)).toBe(await menu.getAttribute('id'));
        await page.getByRole('status').filter({ hasText: 'Philippines added to the chart over time.' }).waitFor();
        await remove.click();
        await page.getByRole('status').filter({ hasText: 'Philippines removed from the chart over time.' }).waitFor();
        expect(await focusedId(page)).toBe(await menu.getAttribute('id'));
      } finally {
        await page.close();
      }
    },
  );

  it(
    'lands the map’s skip link on the map’s source and table, the first thing after it',
    { timeout: 120_000 },
    async () => {
      const page = await openPage('/explorer?indicator=migrant_stock&lang=en');
      try {
        const map = explorerCharts(page).map;
        await map.locator('.chart__body svg').waitFor();
        await map.getByRole('link', { name: /^Skip the map/ }).focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => focusedId(page)).toBe('explorer-map-data');
        const landed = page.locator('#explorer-map-data');
        // Within the map's own figure, holding its source line, right after the drawing…
        expect(await landed.evaluate((el) => el.closest('figure')?.querySelector('.chart__body svg') !== null)).toBe(
          true,
        );
        expect(await landed.locator('.source-line').count()).toBe(1);
        // …so that the next stops are the source's links and the table of every value.
        await page.keyboard.press('Tab');
        expect(
          await page.evaluate<boolean>(
            "document.activeElement !== null && document.activeElement.closest('#explorer-map-data') !== null",
          ),
        ).toBe(true);
        const tableFollows = await landed.evaluate((el) => {
          const table = el.closest('figure')?.querySelector('.chart__data');
          // 4: Node.DOCUMENT_POSITION_FOLLOWING (no DOM types here)
          return table ? (el.compareDocumentPosition(table) & 4) !== 0 : false;
        });
        expect(tableFollows).toBe(true);
      } finally {
        await page.close();
      }
    },
  );
  it(
    'marks a change to a figure that only repeats the period before, and says so on its CSV rows, as the API does',
    { timeout: 180_000 },
    async () => {
      const repeats =
        "Repeats the 2020 figure exactly: read the change from 2020 to 2024 as not estimated, not as none (see the dataset's caveats)";
      // UN DESA 2024 repeats 2020 for the Philippines as a destination; Mexico's 2024 is its own.
      const page = await openPage('/explorer?indicator=migrant_stock&areas=PHL,MEX&lang=en');
      try {
        const charts = explorerCharts(page);
        await charts.trend.locator('.chart__body svg').waitFor();
        const growth = page.getByRole('table', { name: /^Change from 1990 to 2024/ });
        const row = (name: string) => growth.getByRole('row').filter({ has: page.getByText(name, { exact: true }) });
        const philippines = row('Philippines');
        // The end is marked, the change and the annual rate left blank, and the note under the table says why.
        const cells = philippines.locator('td');
        await cells.first().waitFor();
        const [, end, change, annual] = await cells.allInnerTexts();
        expect(end).toMatch(/^87,212 \*\s*\(repeats the period before: change not estimated\)$/);
        expect([change, annual]).toEqual(['—', '—']);
        const [, mexicoEnd, mexicoChange] = await row('Mexico').locator('td').allInnerTexts();
        expect(mexicoEnd).not.toMatch(/\*/);
        expect(mexicoChange).toBe('146.1%');
        await page
          .getByText(
            'Philippines: the 2024 figures are exactly those of 2020 in this edition, so the change to 2024 is not estimated rather than none, and is left blank (see the caveats).',
          )
          .waitFor();
        // The chart's CSV, and the map's: the Philippines' 2024 row says it, no other.
        const trend = csvRecords(
          (await downloadFrom(charts.trend.getByRole('button', { name: 'Download CSV' }))).bytes,
        );
        expect(
          trend.filter((r) => r.note !== '').map((r) => [r.area, r.period, r.change_pct_from_previous, r.note]),
        ).toEqual([['PHL', '2024', '', repeats]]);
        const map = csvRecords((await downloadFrom(charts.map.getByRole('button', { name: 'Download CSV' }))).bytes);
        expect(map.filter((r) => r.note !== '').map((r) => [r.area, r.period, r.note])).toEqual([
          ['PHL', '2024', repeats],
          ['NIU', '2024', repeats],
        ]);
      } finally {
        await page.close();
      }
    },
  );

  it(
    'marks Bridges’ totals that include a figure only repeating the period before, and says which, as the API does',
    { timeout: 180_000 },
    async () => {
      // UN DESA 2024 repeats 2020 for the Philippines (Asia) and Niue (Oceania) as destinations.
      const page = await openPage('/explorer?indicator=migrant_stock&groupBy=m49region&lang=en');
      try {
        const groups = explorerCharts(page).groups;
        await groups
          .getByText(
            'Asia (Philippines); Oceania (Niue): these totals include figures that only repeat those of 2020 exactly in 2024 in this edition, so their change from 2020 to 2024 is partly not estimated (see the caveats).',
          )
          .waitFor();
        await groups.getByText('Show the data as a table').click();
        const value = async (region: string) =>
          (
            await groups
              .getByRole('row', { name: new RegExp(`^${region}\\b`) })
              .locator('td')
              .allInnerTexts()
          )[0];
        expect(await value('Asia')).toMatch(/^[\d,]+ \*\s*\(includes figures that only repeat the period before\)$/);
        expect(await value('Oceania')).toMatch(/ \*\s*\(includes figures that only repeat the period before\)$/);
        expect(await value('Africa')).toMatch(/^[\d,]+$/);
        // The total over every area: marked, and the API's sentence under it.
        await page.getByText(/^Total over 233 countries and areas: 304,021,813 \*/).waitFor();
        await page
          .getByText(
            "Includes 2 of its 233 members with a value whose 2024 figure only repeats that of 2020 exactly (Niue (NIU), Philippines (PHL)): read this total's change from 2020 to 2024 as partly not estimated (see the dataset's caveats)",
          )
          .waitFor();
        // The groups' CSV: Asia's and Oceania's rows say it, in the words of the API's CSV.
        const rows = csvRecords((await downloadFrom(groups.getByRole('button', { name: 'Download CSV' }))).bytes);
        const api = csvRecords(
          Buffer.from(
            await (
              await fetch(`${server?.url ?? ''}/api/rankings/migrant_stock?groupBy=m49region&format=csv&lang=en`)
            ).text(),
          ),
        );
        const noted = rows.filter((r) => r.note !== '').map((r) => [r.group, r.note]);
        expect(noted.map(([group]) => group)).toEqual(['142', '009']);
        expect(noted).toEqual(
          api.filter((r) => r.row_type === 'bridges_m49region' && r.note !== '').map((r) => [r.area, r.note]),
        );
      } finally {
        await page.close();
      }
    },
  );
});
