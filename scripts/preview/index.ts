/**
 * `npm run preview`: every registered page in every registered state, as PNG at 375 × 812 (CSS px) in
 * .preview/ — see scripts/preview/README.md and scripts/preview/pages.ts.
 *
 *   npm run preview                      all pages and states
 *   npm run preview -- --only me         only files whose name contains "me" (e.g. me--pending)
 *   npm run preview -- --scale 1         1× pixels (default 2×, i.e. 750 px wide like a phone screenshot)
 *   npm run preview -- --html            HTML only (no Chromium needed), in .preview/html/
 *   npm run preview -- --verify          render and shoot everything twice; fail unless the PNGs are byte-identical
 *
 * A state taller than the screen also gets `<name>--full.png` with the whole page.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { configureHarness, MP_ROOT } from '../../tests/component/harness';
import { recordWorldViews, WORLD_VIEWS_PREVIEW_FILE } from '../../tests/support/world-views';
import { buildMpNpm } from '../build-mp-npm';
import { installNodeEnv, nodeResetModules } from './node-env';
import { renderState } from './render';
import { CHROMIUM, chromiumAvailable, openShooter, type Shooter } from './screenshot';
import type { PreviewPage } from './types';

const REPO = path.resolve(__dirname, '../..');
const OUT = path.join(REPO, '.preview');
const HTML_DIR = path.join(OUT, 'html');
const MANIFEST = path.join(OUT, 'manifest.json');

interface Args {
  only: string | null;
  scale: number;
  htmlOnly: boolean;
  verify: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { only: null, scale: 2, htmlOnly: false, verify: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') args.only = argv[++i] ?? null;
    else if (a === '--scale') args.scale = Number(argv[++i]);
    else if (a === '--html') args.htmlOnly = true;
    else if (a === '--verify') args.verify = true;
    else if (a === '--help' || a === '-h') {
      console.log(readFileSync(__filename, 'utf8').split('*/')[0]);
      process.exit(0);
    } else throw new Error(`unknown argument ${a} (see --help)`);
  }
  if (!(args.scale > 0 && args.scale <= 4)) throw new Error('--scale must be between 0 and 4');
  return args;
}

/** Chromium and the CJK font come from Debian; install them when we can, say how when we cannot. */
function ensureBrowser(): boolean {
  const fontMissing = () => {
    try {
      return !execFileSync('fc-list', { encoding: 'utf8' }).toLowerCase().includes('wqy-microhei');
    } catch {
      return true;
    }
  };
  if (chromiumAvailable() && !fontMissing()) return true;
  const script = path.join(REPO, 'scripts', 'install-preview-deps.sh');
  if (process.getuid?.() === 0) {
    try {
      execFileSync('bash', [script], { stdio: 'inherit' });
    } catch {
      // reported below
    }
  }
  if (chromiumAvailable() && !fontMissing()) return true;
  console.error(
    `preview: ${CHROMIUM} or the CJK font (fonts-wqy-microhei) is missing.\n` +
      `  Install them with: sudo bash scripts/install-preview-deps.sh\n` +
      '  (Debian packages chromium and fonts-wqy-microhei; no browser is ever downloaded.)\n' +
      '  HTML is still written to .preview/html/.',
  );
  return false;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

interface Row {
  name: string;
  title: string;
  renderMs: number;
  shotMs: number | null;
  files: string[];
  warnings: string[];
}

async function runOnce(PAGES: PreviewPage[], args: Args, shooter: Shooter | null, outDir: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const page of PAGES) {
    for (const state of page.states) {
      const name = `${page.name}--${state.name}`;
      if (args.only && !name.includes(args.only)) continue;
      const r = await renderState({ page, state, chrome: true });
      writeFileSync(path.join(HTML_DIR, `${name}.html`), r.html);
      const row: Row = { name, title: state.title, renderMs: r.ms, shotMs: null, files: [], warnings: r.warnings };
      const missing = state.expect.filter((t) => !r.text.includes(t));
      if (missing.length) row.warnings.push(`expected text not shown: ${missing.join(' | ')}`);
      if (shooter) {
        const shot = await shooter.shoot(r.html, path.join(outDir, `${name}.png`));
        row.shotMs = shot.ms;
        row.files = shot.files;
        if (shot.overflow >= 4 && shot.files.length === 1) {
          row.warnings.push(
            `the page is ${shot.overflow} px taller than its window: it scrolls a little though it looks complete`,
          );
        }
      }
      rows.push(row);
    }
  }
  return rows;
}

function stats(values: number[]): string {
  if (!values.length) return '-';
  const s = [...values].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return `mean ${(mean / 1000).toFixed(2)} s, min ${(s[0] / 1000).toFixed(2)} s, max ${(s[s.length - 1] / 1000).toFixed(2)} s`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // miniprogram_npm is gitignored and must match the pages' usingComponents: build it (idempotent, fast).
  buildMpNpm({ quiet: true });
  installNodeEnv();
  configureHarness({ resetModules: nodeResetModules(MP_ROOT) });

  mkdirSync(HTML_DIR, { recursive: true });
  const previous: Record<string, string> = existsSync(MANIFEST) ? JSON.parse(readFileSync(MANIFEST, 'utf8')) : {};
  // Stale pictures of states that no longer exist would mislead; a filtered run keeps the others.
  if (!args.only) {
    for (const f of readdirSync(OUT)) if (f.endsWith('.png')) rmSync(path.join(OUT, f));
    for (const f of readdirSync(HTML_DIR)) if (f.endsWith('.html')) rmSync(path.join(HTML_DIR, f));
  }

  // The states show the demo world's own answers: seed it and record them first (tests/support/world-views.ts).
  const tw = performance.now();
  await recordWorldViews(WORLD_VIEWS_PREVIEW_FILE);
  console.log(`preview: demo world recorded in ${((performance.now() - tw) / 1000).toFixed(1)} s`);
  const { PAGES } = await import('./pages');

  const known = PAGES.flatMap((p) => p.states.map((s) => `${p.name}--${s.name}`));
  if (args.only && !known.some((n) => n.includes(args.only as string))) {
    console.error(`preview: nothing registered matches "${args.only}"; known: ${known.join(', ')}`);
    process.exit(1);
  }
  const canShoot = !args.htmlOnly && ensureBrowser();
  const t0 = performance.now();
  let shooter = canShoot ? await openShooter(args.scale) : null;
  const launchMs = Math.round(performance.now() - t0);
  let rows: Row[];
  try {
    rows = await runOnce(PAGES, args, shooter, OUT);
  } finally {
    await shooter?.close();
  }

  for (const r of rows) {
    const files = r.files.length
      ? r.files.map((f) => path.relative(REPO, f)).join('  ')
      : `.preview/html/${r.name}.html`;
    const timing = `render ${(r.renderMs / 1000).toFixed(2)} s${r.shotMs !== null ? `, shot ${(r.shotMs / 1000).toFixed(2)} s` : ''}`;
    console.log(`${files}\n    ${r.title} (${timing})`);
    for (const w of r.warnings) console.log(`    ! ${w}`);
  }
  console.log(`\n${rows.length} states; render: ${stats(rows.map((r) => r.renderMs))}`);
  if (shooter)
    console.log(
      `screenshot: ${stats(rows.map((r) => r.shotMs ?? 0))}; browser start ${(launchMs / 1000).toFixed(2)} s`,
    );

  const manifest: Record<string, string> = args.only ? { ...previous } : {};
  for (const f of rows.flatMap((r) => r.files)) manifest[path.basename(f)] = sha(f);
  if (shooter) {
    writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
    const compared = Object.keys(manifest).filter(
      (k) => k in previous && rows.some((r) => r.files.some((f) => path.basename(f) === k)),
    );
    const changed = compared.filter((k) => previous[k] !== manifest[k]);
    if (compared.length) {
      console.log(
        changed.length
          ? `changed since the last run: ${changed.join(', ')}`
          : `all ${compared.length} PNGs byte-identical to the last run`,
      );
    }
  }

  let failed = rows.some((r) => r.warnings.some((w) => w.startsWith('expected text not shown')));
  if (args.verify && shooter) {
    const second = path.join(OUT, '.verify');
    rmSync(second, { recursive: true, force: true });
    mkdirSync(second, { recursive: true });
    shooter = await openShooter(args.scale);
    let again: Row[];
    try {
      again = await runOnce(PAGES, args, shooter, second);
    } finally {
      await shooter.close();
    }
    const diffs = again
      .flatMap((r) => r.files)
      .filter((f) => {
        const first = path.join(OUT, path.basename(f));
        return !existsSync(first) || sha(first) !== sha(f);
      });
    rmSync(second, { recursive: true, force: true });
    if (diffs.length) {
      failed = true;
      console.log(
        `verify: ${diffs.length} PNGs differ between two runs: ${diffs.map((f) => path.basename(f)).join(', ')}`,
      );
    } else console.log(`verify: all ${again.flatMap((r) => r.files).length} PNGs byte-identical across two runs`);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
