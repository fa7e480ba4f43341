import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { startTestServer } from '../helpers/server.js';

/**
 * The countries pages in real Chromium against the real server (built UI + API on a fresh
 * database): search in Spanish, open a country, switch to French. Locators go by role and label,
 * the way a screen reader finds things, so a test that passes also says the page is accessible.
 */

// Two cores and a database loading in the background: be patient with every wait.
const WAIT_MS = 20_000;

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
}, 60_000);

async function openPage(path: string): Promise<Page> {
  if (!browser || !server) throw new Error('the browser or the server did not start');
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(WAIT_MS);
  await page.goto(`${server.url}${path}`);
  return page;
}

function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

describe('countries in the browser', () => {
  it('finds the Philippines in Spanish, opens it and reads it in French', { timeout: 60_000 }, async () => {
    const page = await openPage('/countries?lang=es');
    try {
      await page.getByRole('heading', { level: 1, name: 'Países y zonas' }).waitFor();
      expect(await htmlLang(page)).toBe('es');

      // The search is debounced, then lands in the URL, then in the table.
      await page.getByLabel('Buscar por nombre').fill('Filipinas');
      await page.waitForURL(/[?&]q=Filipinas/);
      const row = page.getByRole('row', { name: /Filipinas/ });
      await row.waitFor();
      expect(await row.getByRole('cell', { name: 'PHL' }).count()).toBe(1);
      // Its M49 region and sub-region in Spanish, as UNSD writes them (the API gives them in English).
      expect(await row.textContent()).toContain('Asia · Asia sudoriental');
      expect(await page.getByLabel('Región').locator('option').allTextContents()).toContain('Américas');
      // The row was already there before the search; the count says the search has answered.
      await page
        .getByRole('status')
        .filter({ hasText: /^1 resultado$/ })
        .waitFor();

      await row.getByRole('link', { name: 'Filipinas' }).click();
      await page.waitForURL(/\/countries\/PHL\?lang=es$/);
      await page.getByRole('heading', { level: 1, name: 'Filipinas' }).waitFor();
      const codes = page.getByRole('region', { name: 'Códigos', exact: true });
      await codes.getByText('PHL', { exact: true }).waitFor();
      expect(await page.title()).toBe('Filipinas — Bridges');

      // Switch language: same page, French UI strings and French names from the API.
      const french = page.getByRole('button', { name: 'Français' });
      await french.click();
      await page.waitForURL(/\/countries\/PHL\?lang=fr$/);
      await page.getByRole('heading', { level: 1, name: 'Philippines' }).waitFor();
      expect(await french.getAttribute('aria-pressed')).toBe('true');
      expect(await htmlLang(page)).toBe('fr');

      const names = page.getByRole('region', { name: 'Noms', exact: true });
      await names.getByRole('heading', { level: 2, name: 'Noms' }).waitFor();
      const frenchRow = names.getByRole('row', { name: /^Français/ });
      expect(await frenchRow.getByRole('cell', { name: 'la République des Philippines', exact: true }).count()).toBe(1);
      // On a line of its own under the name, the formal name starts with a capital; the table keeps the UN's.
      expect(await page.locator('h1 + p').textContent()).toBe('La République des Philippines');
      expect(await frenchRow.getByRole('cell', { name: 'Philippines (les)', exact: true }).count()).toBe(1);
      await page.getByRole('region', { name: 'Codes', exact: true }).getByText('PHL', { exact: true }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Historique de la catégorie de revenu' }).waitFor();
      // The income-group strip sits in a chart frame like every chart: its source line, its CSV. Its
      // fiscal years are written as years in French, not with the English "FY".
      const income = page.getByRole('figure', {
        name: 'Philippines\u00a0: catégorie de revenu de la Banque mondiale par exercice, 1989–2025',
      });
      await income.getByRole('img', { name: /^Philippines\s: catégorie de revenu/ }).waitFor();
      expect(await income.locator('.chart__note').textContent()).toMatch(/^1989–\d{4}\s: Revenu intermédiaire/);
      expect(await income.locator('svg').textContent()).not.toMatch(/FY\d/);
      // (The source line keeps the publisher's English title, "… by income, FY89–FY25 (OGHIST)".)
      expect(await income.locator('.source-line').textContent()).toContain('CC BY 4.0');
      // Reference data has no catalogue page: no "about this dataset" link leading nowhere.
      expect(await income.locator('.source-line__about').count()).toBe(0);
      const [csvDownload] = await Promise.all([
        page.waitForEvent('download'),
        income.getByRole('button', { name: 'Télécharger le CSV' }).click(),
      ]);
      expect(csvDownload.suggestedFilename()).toBe('bridges-income-group-history-phl.csv');
      const text = await readFile(await csvDownload.path(), 'utf8');
      // A byte-order mark first, so that Excel reads the file as UTF-8.
      expect(text.startsWith('\uFEFFarea,')).toBe(true);
      const csv = text.slice(1).trimEnd().split('\r\n');
      expect(csv[0]).toBe(
        'area,area_name,fiscal_year,income_group,income_group_name,source_value,gni_year,dataset,publisher,edition,licence,citation',
      );
      // OGHIST: the Philippines were lower-middle income in FY89 (GNI of 1987) and in FY25 (GNI of 2023).
      expect(csv).toHaveLength(1 + 37);
      expect(csv[1]).toMatch(
        /^PHL,Philippines,FY89,LM,"Revenu intermédiaire, tranche inférieure",LM,1987,wb-oghist-fy25,World Bank,FY25,CC BY 4.0,/,
      );
      expect(csv.at(-1)).toMatch(/^PHL,Philippines,FY25,LM,.*,2023,wb-oghist-fy25,/);

      // The breadcrumb leads back to the same search, now in French.
      const back = page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: 'Pays' });
      const href = await back.getAttribute('href');
      expect(href).toContain('q=Filipinas');
      expect(href).toContain('lang=fr');
    } finally {
      await page.close();
    }
  });

  it(
    'sorts from the column headers, keeps the state in the URL and reports API errors',
    { timeout: 60_000 },
    async () => {
      const page = await openPage('/countries?lang=en&sort=income&dir=desc');
      try {
        const income = page.getByRole('columnheader', { name: 'Income group (FY25)' });
        const name = page.getByRole('columnheader', { name: 'Name', exact: true });
        await page.getByRole('table').waitFor();
        expect(await income.getAttribute('aria-sort')).toBe('descending');
        expect(await name.getAttribute('aria-sort')).toBeNull();

        await name.getByRole('button').click();
        await page.waitForURL((url) => !url.searchParams.has('sort'));
        await expect.poll(() => name.getAttribute('aria-sort'), { timeout: WAIT_MS }).toBe('ascending');
        expect(await income.getAttribute('aria-sort')).toBeNull();

        await name.getByRole('button').click();
        await page.waitForURL((url) => url.searchParams.get('dir') === 'desc');
        await expect.poll(() => name.getAttribute('aria-sort'), { timeout: WAIT_MS }).toBe('descending');

        // A value the API refuses is shown with the API's own explanation.
        await page.goto(`${server?.url ?? ''}/countries?lang=en&region=abc`);
        const alert = page.getByRole('alert');
        await alert.waitFor();
        expect(await alert.textContent()).toContain('M49');

        // An unknown code gets a friendly page, not a blank one.
        await page.goto(`${server?.url ?? ''}/countries/ZZZ?lang=fr`);
        await page.getByRole('heading', { level: 1, name: 'Pays introuvable' }).waitFor();
      } finally {
        await page.close();
      }
    },
  );

  it('brings the current page into the one-line navigation of a phone', { timeout: 60_000 }, async () => {
    if (!browser || !server) throw new Error('the browser or the server did not start');
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    page.setDefaultTimeout(WAIT_MS);
    try {
      await page.goto(`${server.url}/gap-map?lang=fr`);
      const nav = page.getByRole('navigation', { name: 'Principale' });
      const current = nav.getByRole('link', { name: 'Carte des lacunes' });
      await expect.poll(() => current.getAttribute('aria-current'), { timeout: WAIT_MS }).toBe('page');
      // The list scrolls sideways (its last entry lies beyond the phone's edge) and the current entry is in view.
      const last = await nav.getByRole('listitem').last().boundingBox();
      expect((last?.x ?? 0) + (last?.width ?? 0)).toBeGreaterThan(390);
      const list = await nav.getByRole('list').boundingBox();
      await expect
        .poll(async () => {
          const box = await current.boundingBox();
          return Boolean(box && list && box.x >= list.x && box.x + box.width <= list.x + list.width);
        })
        .toBe(true);
    } finally {
      await page.close();
    }
  });

  it('keeps a heading on a country’s page when the API fails', async () => {
    const page = await openPage('/countries?lang=en');
    try {
      await page.route(/\/api\/countries\/PHL(\?|$)/, (route) =>
        route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'internal', message: 'Test failure', details: [] } }),
        }),
      );
      await page.goto(`${server?.url ?? ''}/countries/PHL?lang=en`);
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('PHL');
    } finally {
      await page.close();
    }
  });

  it('says on the not-found page the code to use for an M49 number or an ISO alpha-2 code', async () => {
    const page = await openPage('/countries/608?lang=fr');
    try {
      await page.getByRole('heading', { level: 1, name: 'Pays introuvable' }).waitFor();
      expect(await page.locator('p[lang="en"]').textContent()).toBe(
        '608 is the M49 code of the Philippines: Bridges uses PHL',
      );
      // The profile's address too.
      await page.goto(`${server?.url ?? ''}/countries/608/profile?lang=es`);
      await page.getByText('608 is the M49 code of the Philippines: Bridges uses PHL').waitFor();
      await page.goto(`${server?.url ?? ''}/countries/SN?lang=en`);
      await page.getByText(/"SN" is the ISO 3166-1 alpha-2 code of Senegal, whose code here is SEN/).waitFor();
      // A code that is no one's gets the page's own words only.
      await page.goto(`${server?.url ?? ''}/countries/XYZ?lang=en`);
      await page.getByText('No country or area has the code “XYZ”.').waitFor();
      expect(await page.locator('p[lang="en"]').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('tells a reader who named a country by its M49 number the code to use', async () => {
    const page = await openPage('/corridors/608/USA?lang=fr');
    try {
      const alert = page.getByRole('alert');
      await alert.waitFor();
      // The API's words, in English (marked so), naming the parameter.
      const said = alert.locator('[lang="en"] li');
      expect(await said.locator('code').textContent()).toBe('from');
      expect(await said.textContent()).toContain('608 is the M49 code of the Philippines: Bridges uses PHL');
    } finally {
      await page.close();
    }
  });

  it('fits every page into 320 CSS pixels without scrolling sideways', { timeout: 120_000 }, async () => {
    if (!browser || !server) throw new Error('the browser or the server did not start');
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    page.setDefaultTimeout(WAIT_MS);
    try {
      const wide: string[] = [];
      for (const path of [
        '/?lang=en',
        '/countries?lang=fr',
        '/countries/PHL?lang=es',
        '/countries/PHL?lang=en',
        '/gap-map?lang=en',
        '/library?lang=fr',
        '/search?q=migration&lang=en',
        '/search?q=Philippines%20USA&lang=fr',
        '/datasets?lang=en',
        '/no-such-page?lang=en',
      ]) {
        await page.goto(`${server.url}${path}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
        if (width > 320) wide.push(`${path}: ${String(width)} px`);
      }
      expect(wide).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
