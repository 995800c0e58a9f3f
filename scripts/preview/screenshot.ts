/**
 * Step 3 of the preview: standalone HTML -> PNG with Debian's Chromium driven by playwright-core.
 * Offline by construction: every request that is not a data: URL is aborted; no browser is ever downloaded.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { SCREEN } from './styles';

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Shooter {
  /**
   * Writes `file`; when the page is clearly taller than its window (more than FULL_PAGE_MIN px) also
   * `<file>--full.png` with the whole page. `overflow` is how many px the page is taller than its window.
   */
  shoot(html: string, file: string): Promise<{ files: string[]; ms: number; overflow: number }>;
  close(): Promise<void>;
}

/** A page only a little taller than its window (a collapsed margin, say) gets no separate full-page shot. */
export const FULL_PAGE_MIN = 40;

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export async function openShooter(scale: number): Promise<Shooter> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(path.join(os.tmpdir(), 'lingyan-preview-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: SCREEN.width, height: SCREEN.height },
      deviceScaleFactor: scale,
      colorScheme: 'light',
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      reducedMotion: 'reduce',
      offline: true,
    });
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }
  await context.route('**/*', (route) =>
    route.request().url().startsWith('data:') ? route.continue() : route.abort(),
  );
  const page = context.pages()[0] ?? (await context.newPage());

  return {
    async shoot(html, file) {
      const t0 = performance.now();
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide', scale: 'device' });
      const files = [file];
      const overflow = await page.evaluate(() => {
        const vp = document.querySelector('.pv-viewport');
        return vp ? Math.max(0, vp.scrollHeight - vp.clientHeight) : 0;
      });
      if (overflow > FULL_PAGE_MIN) {
        const full = file.replace(/\.png$/, '--full.png');
        await page.evaluate(() => {
          document.documentElement.classList.add('pv-full');
          document.body.style.overflow = 'visible';
        });
        await page.screenshot({ path: full, fullPage: true, animations: 'disabled', caret: 'hide', scale: 'device' });
        files.push(full);
      }
      return { files, ms: Math.round(performance.now() - t0), overflow };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
