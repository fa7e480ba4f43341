import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { ItemView } from '../../src/core/library.js';
import { buildApp } from '../../src/server/app.js';
import { loadLibraryContent } from '../../src/server/library/load-content.js';
import { rebuildSearchIndex } from '../../src/server/search/search.indexer.js';
import { axeViolations, launchChromium } from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { TEST_PASSWORD, createRoleUsers } from '../helpers/library.js';

/**
 * The practice & evidence library in real Chromium against the real server, with the bundled
 * library content loaded and one account per role: search from the header, open MIDA and its
 * evidence; a contributor edits its summary and submits it; a reviewer publishes it from the
 * review queue; the history shows every revision and the words that changed. Locators go by
 * role and label, as a screen reader finds things.
 */

// Two cores, a database and Chromium: be patient with every wait.
const WAIT_MS = 20_000;

let testDb: TestDatabase | undefined;
let app: FastifyInstance | undefined;
let url = '';
let browser: Browser | undefined;

async function startLibraryServer(): Promise<void> {
  testDb = await createTestDatabase('pglite');
  await loadLibraryContent(testDb.database);
  await rebuildSearchIndex(testDb.database.db);
  await createRoleUsers(testDb.database, ['contributor', 'reviewer']);
  app = await buildApp({ database: testDb.database, logLevel: 'warn' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  url = `http://127.0.0.1:${String(typeof address === 'object' && address ? address.port : 0)}`;
}

beforeAll(async () => {
  [, browser] = await Promise.all([startLibraryServer(), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await testDb?.drop();
}, 60_000);

async function openPage(path: string): Promise<Page> {
  if (!browser) throw new Error('the browser did not start');
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(WAIT_MS);
  await page.goto(`${url}${path}`);
  return page;
}

/** Logs in through the header's link and the login page, which brings the reader back. */
async function logIn(page: Page, email: string): Promise<void> {
  const before = new URL(page.url()).pathname;
  await page.getByRole('link', { name: 'Log in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
  expect(new URL(page.url()).pathname).toBe(before);
}

const EDIT = 'Edited in the browser test.';

describe('the library in the browser', () => {
  it('fits search on a phone, its filters folded above the results and opened by a tap', async () => {
    if (!browser) throw new Error('the browser did not start');
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    page.setDefaultTimeout(WAIT_MS);
    try {
      await page.goto(`${url}/search?q=remittances&lang=fr`);
      await page
        .getByRole('status')
        .filter({ hasText: /résultats? pour/ })
        .waitFor();
      // No sideways scroll: long titles and publishers wrap (the page was 418 px wide).
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      const filters = page.getByRole('group', { name: 'Type', exact: true });
      expect(await filters.isVisible()).toBe(false);
      await page.locator('summary', { hasText: 'Affiner les résultats' }).click();
      await filters.waitFor();
    } finally {
      await page.close();
    }
  });

  it('opens an item typed in capitals, calls an address that is no item not found, and asks a reader for a history to log in', async () => {
    const page = await openPage('/library/MIDA?lang=fr');
    try {
      await page.getByRole('heading', { level: 1, name: /Migration pour le développement en Afrique/ }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/library/mida');
      expect(new URL(page.url()).searchParams.get('lang')).toBe('fr');
      await page.goto(`${url}/library/${encodeURIComponent('mida!')}?lang=en`);
      // The heading says what the title says.
      await page.getByRole('heading', { level: 1, name: 'Item not found' }).waitFor();
      expect(await page.title()).toBe('Item not found — Bridges');
      expect(await page.getByRole('alert').count()).toBe(0);
      // An item's history is for contributors: a reader is asked to log in, named by the item.
      await page.goto(`${url}/library/mida/history?lang=en`);
      await page
        .getByRole('heading', { level: 1, name: 'History of Migration for Development in Africa (MIDA)' })
        .waitFor();
      await page.getByText('Log in as a contributor').waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('names a cited source document by what it is, linked to its text', async () => {
    const page = await openPage('/library/mida?lang=fr');
    try {
      const link = page.getByRole('link', {
        name: 'Conclusions of the Migration and Development Conference (Brussels, 15–16 March 2006)',
      });
      await link.first().waitFor();
      expect(await link.first().getAttribute('href')).toBe('/api/library/sources/004_356cef00a4ef66b7.txt');
      // The catalogue the page reads, as the API gives it to anyone.
      const list = (await (await fetch(`${url}/api/library/sources`)).json()) as { documents: { file: string }[] };
      expect(list.documents.map((d) => d.file)).toEqual([
        '000_e4b254ee847db189.txt',
        '001_3a18e76350be2082.txt',
        '002_93ee955995179cfa.txt',
        '003_1d717ddf9bb5e146.txt',
        '004_356cef00a4ef66b7.txt',
      ]);
    } finally {
      await page.close();
    }
  });

  it('offers the corridor two countries name, in the reader’s language, both ways, and takes the reader there', async () => {
    const page = await openPage(`/search?q=${encodeURIComponent('Philippines USA')}&lang=fr`);
    try {
      const there = page.getByRole('link', { name: 'Philippines → États-Unis d’Amérique', exact: true });
      await there.waitFor();
      const back = page.getByRole('link', { name: 'États-Unis d’Amérique → Philippines', exact: true });
      expect(await back.getAttribute('href')).toBe('/corridors/USA/PHL?lang=fr');
      await there.click();
      await page.waitForURL(/\/corridors\/PHL\/USA\?lang=fr$/);
      // One country is no corridor: nothing is offered.
      await page.goto(`${url}/search?q=Philippines&lang=fr`);
      await page
        .getByRole('status')
        .filter({ hasText: /résultats? pour/ })
        .waitFor();
      expect(await page.getByText('Dans l’autre sens').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('says in the reader’s language that a search needs a word, for a query of signs alone', async () => {
    const page = await openPage(`/search?q=${encodeURIComponent('%')}&lang=fr`);
    try {
      await page.getByText('Tapez un mot à chercher, en lettres ou en chiffres').waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
      // A word is searched again, and the hint goes.
      await page.goto(`${url}/search?q=remittances&lang=fr`);
      await page
        .getByRole('status')
        .filter({ hasText: /résultats? pour/ })
        .waitFor();
      expect(await page.getByText('Tapez un mot à chercher').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it(
    'finds MIDA, shows its evidence, and takes an edit from a contributor through review to publication',
    { timeout: 180_000 },
    async () => {
      const page = await openPage('/?lang=en');
      try {
        // One search from the header, over the whole platform.
        await page
          .getByRole('search', { name: 'Site search' })
          .getByLabel('Search Bridges')
          .fill('diaspora health skills Africa');
        await page.getByRole('search', { name: 'Site search' }).getByRole('button', { name: 'Search' }).click();
        await page.waitForURL(/\/search\?q=diaspora/);
        await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
        await page
          .getByRole('status')
          .filter({ hasText: /results? for “diaspora health skills Africa”/ })
          .waitFor();
        const first = page.locator('ol.results > li').first();
        expect(await first.getByRole('heading', { level: 3 }).textContent()).toBe(
          'Migration for Development in Africa (MIDA)',
        );
        // The words searched for are marked in the snippet.
        expect(await first.locator('mark').count()).toBeGreaterThan(0);

        await first.getByRole('link', { name: 'Migration for Development in Africa (MIDA)' }).click();
        await page.waitForURL(/\/library\/mida\?lang=en$/);
        await page.getByRole('heading', { level: 1, name: /Migration for Development in Africa/ }).waitFor();
        const evidence = page.getByRole('region', { name: 'What is known of its effects' });
        await evidence.getByRole('heading', { level: 2, name: 'What is known of its effects' }).waitFor();
        expect(await evidence.isVisible()).toBe(true);
        await page
          .getByRole('region', { name: 'Organisations' })
          .getByRole('link', { name: /International Organization for Migration/ })
          .waitFor();
        // schema.org for machines.
        const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as {
          '@type'?: string;
          name?: string;
        };
        expect(jsonLd['@type']).toBe('CreativeWork');
        expect(jsonLd.name).toBe('Migration for Development in Africa (MIDA)');
        // Readers do not see editing tools.
        expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0);

        // A contributor edits the English summary and submits it for review.
        await logIn(page, 'contributor@test.invalid');
        await page.getByRole('group', { name: 'Editing' }).getByText('Published', { exact: true }).waitFor();
        await page.getByRole('link', { name: 'Edit', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: /^Edit: Migration for Development in Africa/ }).waitFor();
        const summary = page.getByRole('group', { name: /^Summary/ }).getByLabel('English');
        const original = await summary.inputValue();
        expect(original).toContain('African diaspora');
        await summary.fill(`${original} ${EDIT}`);
        await page.getByRole('button', { name: 'Save changes' }).click();
        await page.waitForURL(/\/library\/mida\?lang=en$/);
        await page.getByRole('status').filter({ hasText: 'Your changes were saved.' }).waitFor();
        await page.getByText(EDIT).waitFor();
        await page.getByRole('group', { name: 'Editing' }).getByText('Draft', { exact: true }).waitFor();
        await page.getByRole('button', { name: 'Submit for review' }).click();
        await page.getByRole('status').filter({ hasText: 'Submitted for review.' }).waitFor();
        await page.getByRole('group', { name: 'Editing' }).getByText('In review', { exact: true }).waitFor();
        await page.getByRole('button', { name: 'Log out' }).click();
        await page.getByRole('link', { name: 'Log in', exact: true }).waitFor();

        // Until it is published, readers see the published copy, without the edit.
        const before = (await (await fetch(`${url}/api/library/items/mida`)).json()) as ItemView;
        expect(JSON.stringify(before.data)).not.toContain(EDIT);

        // A reviewer publishes it from the review queue.
        await logIn(page, 'reviewer@test.invalid');
        await page.getByRole('link', { name: 'Review queue' }).click();
        await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
        const row = page
          .getByRole('region', { name: /^In review/ })
          .getByRole('row', { name: /Migration for Development in Africa/ });
        await row.getByRole('button', { name: 'Publish' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: /Migration for Development in Africa \(MIDA\): published/ })
          .waitFor();
        const after = (await (await fetch(`${url}/api/library/items/mida`)).json()) as ItemView;
        expect(JSON.stringify(after.data)).toContain(EDIT);
        expect(after.state).toBe('published');

        // The history lists every revision, and the edit's words show as added.
        await page.goto(`${url}/library/mida/history?lang=en`);
        await page
          .getByRole('heading', { level: 1, name: /^History of Migration for Development in Africa/ })
          .waitFor();
        const revisions = page.getByRole('table', { name: /Every revision/ });
        await revisions
          .getByRole('row', { name: /Published/ })
          .first()
          .waitFor();
        for (const action of ['Loaded from the content file', 'Edited', 'Submitted for review', 'Published'])
          expect(await revisions.getByRole('row', { name: new RegExp(action) }).count(), action).toBeGreaterThan(0);
        const editRow = revisions.getByRole('row', { name: /Edited/ });
        expect(await editRow.getByRole('cell', { name: 'Test contributor' }).count()).toBe(1);
        await editRow.getByRole('button').click();
        const changes = page.getByRole('region', { name: /changes since version/ });
        await changes.getByText('Summary (English)').waitFor();
        expect(await changes.locator('.diff-list ins').textContent()).toContain('Edited in the browser test');

        // The reviewer retires a record, with a reason: readers get told it is gone, the history keeps why.
        await page.goto(`${url}/library/expat-desks?lang=en`);
        const title = await page.getByRole('heading', { level: 1 }).textContent();
        const found = async () => {
          const answer = await fetch(`${url}/api/search?q=${encodeURIComponent(title ?? '')}`);
          return ((await answer.json()) as { results: { id: string }[] }).results.map((r) => r.id);
        };
        expect(await found()).toContain('expat-desks');
        await page.getByRole('button', { name: 'Retire from the library' }).click();
        await page.getByRole('button', { name: 'Retire', exact: true }).click();
        // No reason, no retiring: the form says so at the field.
        await page.getByText('Write the reason: retiring an item needs one.').waitFor();
        await page.getByLabel('Why it leaves the library').fill('Duplicate of another record (browser test).');
        await page.getByRole('button', { name: 'Retire', exact: true }).click();
        await page.getByRole('status').filter({ hasText: 'Retired: readers no longer see it' }).waitFor();
        await page.getByRole('group', { name: 'Editing' }).getByText('Retired', { exact: true }).waitFor();
        expect((await fetch(`${url}/api/library/items/expat-desks`)).status).toBe(404);
        expect(await found()).not.toContain('expat-desks');
        await page.goto(`${url}/library/expat-desks/history?lang=en`);
        await page
          .getByRole('table', { name: /Every revision/ })
          .getByRole('row', { name: /Retired from the library.*Duplicate of another record/ })
          .waitFor();
      } finally {
        await page.close();
      }
    },
  );

  it(
    'passes axe-core’s WCAG 2.1 AA checks on the pages behind a login, in each language',
    { timeout: 180_000 },
    async () => {
      const found: string[] = [];
      for (const [email, paths] of [
        [
          'contributor@test.invalid',
          ['/library/new?lang=fr', '/library/mida/edit?lang=es', '/library/mida/history?lang=en'],
        ],
        ['reviewer@test.invalid', ['/review?lang=fr', '/review?lang=en']],
      ] as const) {
        if (!browser) throw new Error('the browser did not start');
        // axe runs in a context of its own (it opens a blank page there).
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        try {
          const page = await context.newPage();
          page.setDefaultTimeout(WAIT_MS);
          await page.goto(`${url}/library?lang=en`);
          await logIn(page, email);
          for (const path of paths) found.push(...(await axeViolations(page, `${url}${path}`, path)));
          // What the page behind the login is checked as: the form, not the login prompt.
          expect(await page.getByRole('button', { name: 'Log out' }).count()).toBe(1);
        } finally {
          await context.close();
        }
      }
      expect(found).toEqual([]);
    },
  );

  it('names the words searched and the page of results in the title, in the reader’s language', async () => {
    const page = await openPage('/search?q=diaspora&lang=en');
    try {
      await page
        .getByRole('status')
        .filter({ hasText: /results? for “diaspora”/ })
        .waitFor();
      expect(await page.title()).toBe('“diaspora” — Search — Bridges');
      await page.goto(`${url}/search?q=diaspora&page=2&lang=fr`);
      await page
        .getByRole('status')
        .filter({ hasText: /résultats? pour/ })
        .waitFor();
      expect(await page.title()).toBe('«\u00a0diaspora\u00a0», page\u00a02 — Recherche — Bridges');
      await page.goto(`${url}/library?page=2&lang=en`);
      await page.getByRole('navigation', { name: 'Pages of results' }).getByText('Page 2 of').waitFor();
      expect(await page.title()).toBe('Page 2 — Practice & evidence library — Bridges');
      await page.goto(`${url}/library?lang=es`);
      await page.getByRole('heading', { level: 1, name: 'Biblioteca de prácticas y evidencia' }).waitFor();
      expect(await page.title()).toBe('Biblioteca de prácticas y evidencia — Bridges');
    } finally {
      await page.close();
    }
  });

  it('heads the filters with a heading that is no part of the button folding them', async () => {
    for (const path of ['/library?lang=en', '/search?q=remittances&lang=en']) {
      const page = await openPage(path);
      try {
        const heading = page.getByRole('heading', { level: 2, name: 'Refine the results' });
        await heading.waitFor({ state: 'attached' });
        expect(await page.locator('summary :is(h1, h2, h3, h4, h5, h6, [role="heading"])').count(), path).toBe(0);
        // The filters are labelled by it, and still fold under their summary.
        const filters = page.getByRole('complementary', { name: 'Refine the results' });
        await filters.getByRole('group', { name: 'Type', exact: true }).waitFor();
        await filters.locator('summary').click();
        expect(await filters.getByRole('group', { name: 'Type', exact: true }).isVisible()).toBe(false);
      } finally {
        await page.close();
      }
    }
  });

  it('checks the gap map’s years at the field, in the reader’s language, and keeps the map of the last good ones', async () => {
    if (!browser) throw new Error('the browser did not start');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(WAIT_MS);
    const asked: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/library/gap-map') asked.push(new URL(r.url()).search);
    });
    try {
      // A link with a year the API would refuse.
      await page.goto(`${url}/gap-map?to=19&lang=fr`);
      const to = page.getByLabel('Études jusqu’à (année)');
      await page.getByRole('table', { name: /Nombre d’études/ }).waitFor();
      expect(await to.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await to.getAttribute('aria-describedby')) ?? '';
      const messages = await Promise.all(
        describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()),
      );
      expect(messages.join(' ')).toContain('Études jusqu’à (année)\u00a0: écrivez une année de 1900 à 2100');
      expect(await page.getByRole('alert').count()).toBe(0);
      // The map shown is that of the other filters (none).
      await page
        .getByRole('status')
        .filter({ hasText: /études? correspond/ })
        .waitFor();
      const all = await page
        .getByRole('status')
        .filter({ hasText: /études? correspond/ })
        .textContent();

      // A good year: the map follows it, the field is no longer at fault.
      await to.fill('2012');
      await to.press('Enter');
      await page.waitForURL(/[?&]to=2012/);
      await expect.poll(() => to.getAttribute('aria-invalid')).toBeNull();
      const upTo2012 = page.getByRole('status').filter({ hasText: /études? correspond/ });
      await expect.poll(() => upTo2012.textContent()).not.toBe(all);
      const shown = await upTo2012.textContent();

      // A bad year typed: said at the field, and the map stays that of 2012.
      const from = page.getByLabel('Études à partir de (année)');
      await from.fill('19');
      await from.press('Enter');
      await expect.poll(() => from.getAttribute('aria-invalid')).toBe('true');
      await page.getByText('Études à partir de (année)\u00a0: écrivez une année de 1900 à 2100').waitFor();
      await from.fill('3000');
      await from.blur();
      expect(await from.getAttribute('aria-invalid')).toBe('true');
      expect(new URL(page.url()).searchParams.get('from')).toBeNull();
      expect(await upTo2012.textContent()).toBe(shown);
      expect(await page.getByRole('alert').count()).toBe(0);
      // No year out of range was ever asked for.
      expect(asked.filter((q) => /[?&](from|to)=(19|3000)(&|$)/.test(q))).toEqual([]);
      expect(asked.some((q) => q.includes('to=2012'))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('shows one alert, not one per request, when the gap map’s API fails', async () => {
    const page = await openPage('/library?lang=en');
    try {
      await page.route('**/api/**', (route) => route.abort());
      await page.goto(`${url}/gap-map?lang=en`);
      await page.getByRole('heading', { level: 1, name: 'Evidence gap map' }).waitFor();
      await page.getByRole('alert').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.getByRole('alert').count()).toBe(1);
    } finally {
      await page.close();
    }
  });
});
