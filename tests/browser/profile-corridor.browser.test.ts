import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { downloadFrom, launchChromium } from '../helpers/browser.js';
import { knomadBilateral2018, knomadBilateral2021, knomadInflows2023 } from '../../src/server/importers/knomad.js';
import { rpwCorridorMeans, rpwDatabankCorridors } from '../../src/server/importers/rpw.js';
import { undesaIms2020, undesaIms2024 } from '../../src/server/importers/undesa-ims.js';
import { wdiGdidata2025 } from '../../src/server/importers/wdi.js';
import type { CorridorResponse, ProfileResponse } from '../../src/core/statistics.js';
import { startDatahubServer } from './datahub-server.js';

/**
 * A country's profile and a corridor in real Chromium against the real server, with both RPW
 * editions of corridor costs (the World Bank's DataBank to 2020Q3 and the corridor means to
 * 2025Q1), both UN DESA revisions, two KNOMAD matrices, KNOMAD's inflows and the WDI's flows: what a chart draws is what its source
 * line cites and its CSV holds; a corridor's bars are named as the page names its countries; a
 * phone's time axis says where each line ends.
 */

const WAIT_MS = 30_000;
const DRAWN_COST_EDITION = 'rpw-corridor-means-2025q1';
const OLDER_COST_EDITION = 'rpw-corridors-2020q3';

let server: Awaited<ReturnType<typeof startDatahubServer>> | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startDatahubServer({
      importers: [
        undesaIms2024,
        undesaIms2020,
        rpwDatabankCorridors,
        rpwCorridorMeans,
        knomadBilateral2021,
        knomadBilateral2018,
        knomadInflows2023,
        wdiGdidata2025,
      ],
    }),
    launchChromium(),
  ]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
}, 60_000);

/** A page of the UI at `path`, on a desktop screen or, with `phone`, 390 px wide. */
async function openPage(path: string, { phone = false }: { phone?: boolean } = {}): Promise<Page> {
  if (!browser || !server) throw new Error('the browser or the server did not start');
  const viewport = phone ? { width: 390, height: 844 } : { width: 1280, height: 800 };
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  page.setDefaultTimeout(WAIT_MS);
  await page.goto(`${server.url}${path}`);
  return page;
}

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${server?.url ?? ''}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** A downloaded CSV's rows as objects by column name. */
function csvRecords(bytes: Buffer): Record<string, string>[] {
  return parse(bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
}

/** The labels of a line chart's time axis, left to right, each with the box the browser draws it in. */
async function timeAxis(chart: Locator): Promise<{ label: string; left: number; right: number }[]> {
  const svg = chart.locator('.chart__body svg').first();
  await svg.waitFor();
  return svg.locator('text[text-anchor="middle"]').evaluateAll((texts) =>
    texts
      .filter((text) => /^(\d{4}|Q\d\s\d{4})$/.test(text.textContent ?? ''))
      .map((text) => {
        const box = text.getBoundingClientRect();
        return { label: text.textContent ?? '', left: box.left, right: box.right };
      })
      .sort((a, b) => a.left - b.left),
  );
}

describe('profile and corridor charts in the browser', () => {
  it(
    'cites, downloads and queries only the RPW edition the cost bars draw, and says where the other is',
    { timeout: 120_000 },
    async () => {
      const profile = await api<ProfileResponse>('/api/profiles/PHL?lang=en');
      const inbound = profile.cost.corridors.filter((c) => c.direction === 'inbound');
      // The answer has both editions: 14 corridors each, quarter by quarter.
      expect(new Set(inbound.map((c) => c.dataset))).toEqual(new Set([DRAWN_COST_EDITION, OLDER_COST_EDITION]));
      const drawn = inbound.filter((c) => c.dataset === DRAWN_COST_EDITION);
      const drawnRows = drawn.reduce((sum, c) => sum + c.points.length, 0);
      expect(drawnRows).toBeLessThan(inbound.reduce((sum, c) => sum + c.points.length, 0));

      const page = await openPage('/countries/PHL/profile?lang=en');
      try {
        const chart = page.getByRole('figure', { name: /^Philippines: cost of sending US\$ 200 to the country/ });
        expect(await chart.locator('.chart__subtitle').textContent()).toContain('RPW (J. Smirl), edition Q1\u00a02025');
        // One bar per corridor of the drawn edition.
        const bars = await chart.locator('.chart__body svg g > title').allTextContents();
        expect(bars).toHaveLength(drawn.length);
        // The source line cites that edition, not the DataBank's of 2011–2020.
        const source = (await chart.locator('.source-line').textContent()) ?? '';
        expect(source).toContain('RPW complete dataset to 2025Q1');
        expect(source).not.toContain('DataBank');
        // The CSV: the rows the chart draws, every one citing the drawn edition.
        const csv = await downloadFrom(chart.getByRole('button', { name: 'Download CSV' }));
        const rows = csvRecords(csv.bytes);
        expect(new Set(rows.map((r) => r.dataset))).toEqual(new Set([DRAWN_COST_EDITION]));
        expect(rows).toHaveLength(drawnRows);
        expect(new Set(rows.map((r) => r.from)).size).toBe(drawn.length);
        // The image cites what it draws too.
        const svg = (await downloadFrom(chart.getByRole('button', { name: 'SVG' }))).bytes.toString('utf8');
        expect(svg).toContain('jonsmirl/thesis');
        expect(svg).not.toContain('DataBank');
        // One SDMX query, of the drawn edition.
        expect(await chart.locator('.chart__sdmx').count()).toBe(0);
        expect(await chart.getByRole('link', { name: 'SDMX' }).getAttribute('href')).toContain('2025');
        // The table has the drawn edition's column only.
        await chart.getByText('Show the data as a table').click();
        expect(await chart.locator('thead th').allTextContents()).toEqual([
          'Sending country',
          'RPW (J. Smirl), edition Q1\u00a02025',
        ]);
        // The other edition is said, and is in the whole profile's CSV.
        await chart.getByText(/World Bank RPW, edition Q3\u00a02020 is left out of this chart and its CSV/).waitFor();
        const whole = await page.getByRole('link', { name: /^Download the whole profile as CSV/ }).getAttribute('href');
        expect(await (await fetch(`${server?.url ?? ''}${whole ?? ''}`)).text()).toContain(OLDER_COST_EDITION);
      } finally {
        await page.close();
      }
    },
  );

  it(
    'says on each row of the stock charts’ CSVs where a figure only repeats 2020, in the API’s words',
    { timeout: 120_000 },
    async () => {
      const repeats =
        "Repeats the 2020 figure exactly: read the change from 2020 to 2024 as not estimated, not as none (see the dataset's caveats)";
      const page = await openPage('/countries/PHL/profile?lang=en');
      try {
        // UN DESA 2024 repeats 2020 for the Philippines as a destination: its immigrants of 2024.
        const immigrants = page.getByRole('figure', { name: /^Philippines: immigrants by sex/ });
        const rows = csvRecords((await downloadFrom(immigrants.getByRole('button', { name: 'Download CSV' }))).bytes);
        expect(
          rows.filter((r) => r.measure === 'immigrants' && r.period === '2024').map((r) => [r.sex, r.note]),
        ).toEqual([
          ['_T', repeats],
          ['F', repeats],
          ['M', repeats],
        ]);
        expect(rows.filter((r) => r.measure === 'immigrants' && r.period === '2020').map((r) => r.note)).toEqual([
          '',
          '',
          '',
        ]);
        // Row for row, the words of the API's CSV.
        const api = csvRecords(
          Buffer.from(await (await fetch(`${server?.url ?? ''}/api/profiles/PHL?format=csv&lang=en`)).text()),
        );
        const said = (r: Record<string, string>) =>
          `${r.measure ?? ''} ${r.period ?? ''} ${r.sex ?? ''} ${r.note ?? ''}`;
        const apiSaid = new Set(api.filter((r) => r.note !== '').map(said));
        const chartSaid = rows.filter((r) => r.note !== '').map(said);
        expect(chartSaid.filter((s) => !apiSaid.has(s))).toEqual([]);
        // The emigrants do not repeat.
        const emigrants = page.getByRole('figure', { name: /^Philippines: emigrants by sex/ });
        const out = csvRecords((await downloadFrom(emigrants.getByRole('button', { name: 'Download CSV' }))).bytes);
        expect(out.length).toBeGreaterThan(0);
        expect(out.filter((r) => r.note !== '')).toEqual([]);

        // The corridor into the Philippines, in French: Revision 2024's rows of 2024.
        await page.goto(`${server?.url ?? ''}/corridors/USA/PHL?lang=fr`);
        const stock = page.locator('#stock figure');
        const corridorRows = csvRecords(
          (await downloadFrom(stock.getByRole('button', { name: 'Télécharger le CSV' }))).bytes,
        );
        expect(corridorRows.filter((r) => r.note !== '').map((r) => [r.dataset, r.period, r.sex, r.note])).toEqual(
          ['_T', 'F', 'M'].map((sex) => [
            'undesa-ims-2024',
            '2024',
            sex,
            'Reprend exactement le chiffre de 2020\u00a0: lire l’évolution de 2020 à 2024 comme non estimée, non comme nulle (voir les mises en garde du jeu de données)',
          ]),
        );
      } finally {
        await page.close();
      }
    },
  );

  it(
    'marks a top destination whose figures only repeat 2020 in its table, under it and in its CSV, as the API does',
    { timeout: 120_000 },
    async () => {
      const repeats =
        'Reprend exactement le chiffre de 2020\u00a0: lire l’évolution de 2020 à 2024 comme non estimée, non comme nulle (voir les mises en garde du jeu de données)';
      const page = await openPage('/countries/TUV/profile?lang=fr');
      try {
        // Tuvaluans abroad: 35 live in Niue in 2024, its 7th destination, as in 2020: UN DESA 2024
        // repeats Niue's 2020 figures (the dataset's caveats). No other destination repeats.
        const chart = page.locator('#destinations figure');
        await chart
          .getByText(
            'Nioué\u00a0: dans cette édition, les chiffres de 2024 ne font que reprendre exactement ceux de 2020, comme l’ensemble des chiffres du pays de destination\u00a0; lire leur évolution entre les deux comme non estimée plutôt que nulle (voir les mises en garde).',
          )
          .waitFor();
        await chart.getByText('Afficher les données sous forme de tableau').click();
        const row = (name: string) =>
          chart.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
        const niue = await row('Nioué').locator('th, td').allInnerTexts();
        expect(niue).toContainEqual(
          expect.stringMatching(
            /^35 \*\s*\(ne fait que reprendre la période précédente\u00a0: évolution non estimée\)$/,
          ),
        );
        const table = (await chart.locator('tbody').innerText()).replace(/\(ne fait que reprendre[^)]*\)/, '');
        expect(table.match(/\*/g)).toHaveLength(1);
        // The chart's CSV: Niue's row says it, in the words of the API's CSV; no other row does.
        const rows = csvRecords((await downloadFrom(chart.getByRole('button', { name: 'Télécharger le CSV' }))).bytes);
        expect(rows.filter((r) => r.note !== '').map((r) => [r.partner, r.total, r.note])).toEqual([
          ['NIU', '35', repeats],
        ]);
        const apiRows = csvRecords(
          Buffer.from(await (await fetch(`${server?.url ?? ''}/api/profiles/TUV?format=csv&lang=fr`)).text()),
        );
        expect(
          apiRows.filter((r) => r.measure === 'top_destination' && r.note !== '').map((r) => [r.partner, r.note]),
        ).toEqual([
          ['NIU', repeats],
          ['NIU', repeats],
          ['NIU', repeats],
        ]);

        // Into Niue from New Zealand, only Revision 2024 repeats: Revision 2020 keeps Niue's totals
        // of 2015 in 2020, but New Zealanders there moved (335, then 342).
        await page.goto(`${server?.url ?? ''}/corridors/NZL/NIU?lang=en`);
        const notes = page.locator('#stock figure .chart__note', { hasText: /as a destination \(all origins/ });
        await notes.first().waitFor();
        expect(await notes.allTextContents()).toEqual([
          expect.stringMatching(/^In .*2024, every 2024 figure of Niue as a destination .* is exactly that of 2020/),
        ]);
      } finally {
        await page.close();
      }
    },
  );

  it('keeps the outbound cost chart to the edition it draws too', { timeout: 120_000 }, async () => {
    const profile = await api<ProfileResponse>('/api/profiles/USA?lang=en');
    const outbound = profile.cost.corridors.filter((c) => c.direction === 'outbound');
    expect(new Set(outbound.map((c) => c.dataset))).toEqual(new Set([DRAWN_COST_EDITION, OLDER_COST_EDITION]));
    const page = await openPage('/countries/USA/profile?lang=en');
    try {
      const chart = page.getByRole('figure', { name: /cost of sending US\$ 200 from the country/ });
      const source = (await chart.locator('.source-line').textContent()) ?? '';
      expect(source).toContain('RPW complete dataset to 2025Q1');
      expect(source).not.toContain('DataBank');
      const rows = csvRecords((await downloadFrom(chart.getByRole('button', { name: 'Download CSV' }))).bytes);
      expect(new Set(rows.map((r) => r.dataset))).toEqual(new Set([DRAWN_COST_EDITION]));
      expect(new Set(rows.map((r) => r.to)).size).toBe(outbound.filter((c) => c.dataset === DRAWN_COST_EDITION).length);
    } finally {
      await page.close();
    }
  });

  it(
    'names a corridor’s remittance bars by their countries, in the page and its images, by code only where names do not fit',
    { timeout: 120_000 },
    async () => {
      const corridor = await api<CorridorResponse>('/api/corridors/PHL/USA?lang=fr');
      const there = `${corridor.from.name} → ${corridor.to.name}`;
      const back = `${corridor.to.name} → ${corridor.from.name}`;
      expect(corridor.to.name).not.toBe('USA');
      const page = await openPage('/corridors/PHL/USA?lang=fr');
      try {
        const chart = page.locator('#remittances figure');
        await chart.locator('.chart__body svg').waitFor();
        const drawn = (await chart.locator('.chart__body svg tspan').allTextContents()).join(' | ');
        expect(drawn).toContain(there);
        expect(drawn).toContain(back);
        expect(drawn).not.toMatch(/PHL →|→ PHL/);
        const svg = (await downloadFrom(chart.getByRole('button', { name: 'SVG' }))).bytes.toString('utf8');
        expect(svg).toContain(there);
        expect(svg).toContain(back);
        expect(svg).not.toMatch(/PHL →|→ PHL/);
        // A phone leaves the names too little room: the bars read by code, each with its names in
        // its tooltip, and the image, drawn at a report's width, has the names.
        await page.setViewportSize({ width: 390, height: 844 });
        await page.reload();
        const phone = page.locator('#remittances figure');
        await phone.locator('.chart__body svg').waitFor();
        const shortened = phone.locator('.chart__body svg text', { has: page.locator('tspan', { hasText: '→' }) });
        expect(await shortened.locator('tspan').allTextContents()).toEqual([
          'PHL → USA',
          'PHL → USA',
          'USA → PHL',
          'USA → PHL',
        ]);
        expect(await shortened.locator('title').allTextContents()).toEqual([there, there, back, back]);
        const phoneSvg = (await downloadFrom(phone.getByRole('button', { name: 'SVG' }))).bytes.toString('utf8');
        expect(phoneSvg).toContain(there);
        expect(phoneSvg).toContain(back);
        expect(phoneSvg).not.toMatch(/PHL →|→ PHL/);
      } finally {
        await page.close();
      }
    },
  );

  it('heads the remittances with the recorded value when an estimate of the same year competes with it', async () => {
    // Tajikistan 2023, both series 2002–2023: the WDI recorded US$ 4,633,754,222 (4.6 bn, 38.4 % of
    // its GDP), KNOMAD's December 2023 file estimated 5,700 million ("2023e").
    const page = await openPage('/countries/TJK/profile?lang=en');
    try {
      const item = page.locator('#remittances .key-figures__item').filter({ hasText: 'Remittances received, 2023' });
      await item.waitFor();
      expect(await item.locator('.key-figures__value').textContent()).toMatch(/^US\$\s?4\.6\s?bn$/);
      const note = (await item.locator('.key-figures__note').textContent()) ?? '';
      expect(note).toContain('WDI');
      expect(note).not.toContain('estimated');
      const share = page
        .locator('#remittances .key-figures__item')
        .filter({ hasText: 'Remittances received as % of GDP, 2023' });
      expect(await share.locator('.key-figures__value').textContent()).toMatch(/^38\.4\s?%$/);
    } finally {
      await page.close();
    }
  });

  it('sets the share of GDP KNOMAD printed among the key figures, with its GDP and status, in each language', async () => {
    const expected = {
      en: ['Remittances received as % of GDP, as published, 2023', 'IMF World Economic Outlook', 'estimated'],
      fr: ['Envois de fonds reçus en % du PIB, tel que publié, 2023', 'du FMI', 'estimée'],
      es: ['Remesas recibidas en % del PIB, tal como se publicó, 2023', 'del FMI', 'estimado'],
    };
    for (const [lang, [label, gdp, status]] of Object.entries(expected)) {
      const page = await openPage(`/countries/PHL/profile?lang=${lang}`);
      try {
        const item = page.locator('#remittances .key-figures__item').filter({ hasText: label });
        await item.waitFor();
        // Workbook cell Z154: 9.1743…, printed to one decimal.
        expect(await item.locator('.key-figures__value').textContent(), lang).toMatch(/^9[.,]2[\s\u00a0\u202f]?%$/);
        const note = (await item.locator('.key-figures__note').textContent()) ?? '';
        expect(note, lang).toContain(gdp);
        expect(note, lang).toContain(status);
      } finally {
        await page.close();
      }
    }
  });

  it(
    'labels on a phone’s time axis the year each line ends on, with no label running into another',
    { timeout: 120_000 },
    async () => {
      const page = await openPage('/countries/PHL/profile?lang=en', { phone: true });
      try {
        const charts = [
          page.getByRole('figure', { name: /^Philippines: emigrants by sex/ }),
          page.getByRole('figure', { name: /^Philippines: immigrants by sex/ }),
        ];
        for (const chart of charts) {
          const axis = await timeAxis(chart);
          // Revision 2020 ends on 2020, Revision 2024 on 2024: both are on the axis.
          expect(axis.map((a) => a.label)).toEqual(expect.arrayContaining(['1990', '2020', '2024']));
          for (let i = 1; i < axis.length; i += 1)
            expect(axis[i]?.left ?? 0).toBeGreaterThan((axis[i - 1]?.right ?? 0) + 1);
        }
        await page.goto(`${server?.url ?? ''}/corridors/PHL/USA?lang=en`);
        const axis = await timeAxis(page.locator('#stock figure'));
        expect(axis.map((a) => a.label)).toEqual(expect.arrayContaining(['2020', '2024']));
        for (let i = 1; i < axis.length; i += 1)
          expect(axis[i]?.left ?? 0).toBeGreaterThan((axis[i - 1]?.right ?? 0) + 1);
      } finally {
        await page.close();
      }
    },
  );
});
