import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { ROOT_DIR } from '../../src/server/paths.js';

/** Debian's Chromium: the browser tests never download one. */
export const CHROMIUM = '/usr/bin/chromium';
const BUILT_UI = path.join(ROOT_DIR, 'dist', 'web', 'index.html');

/**
 * Headless Chromium with the flags this machine's closed network needs (no background
 * networking, updates or sync). Fails with the command to run when the UI is not built or
 * Chromium is missing.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(BUILT_UI)) throw new Error('dist/web is missing: run `npm run build` before the browser tests');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens `address` in `page` (which must belong to a context made with browser.newContext: axe
 * opens a blank page there), waits for its heading and for the network to settle, and returns
 * axe-core's WCAG 2.1 A and AA violations, one line each, labelled with `label`.
 */
export async function axeViolations(page: Page, address: string, label: string): Promise<string[]> {
  await page.goto(address);
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations.map((v) => `${label}: ${v.id}, ${String(v.nodes.length)} × ${v.nodes[0]?.target.join(' ') ?? ''}`);
}

/** Clicks what starts a download: the file's suggested name and its bytes. */
export async function downloadFrom(trigger: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([trigger.page().waitForEvent('download'), trigger.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}
