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
      expect(await frenchRow.getByRole('cell', { name: 'Philippines (les)', exact: true }).count()).toBe(1);
      await page.getByRole('region', { name: 'Codes', exact: true }).getByText('PHL', { exact: true }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Historique de la catégorie de revenu' }).waitFor();
      await page
        .getByRole('img', { name: /Graphique\s: catégorie de revenu de la Banque mondiale de Philippines/ })
        .waitFor();

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
});
