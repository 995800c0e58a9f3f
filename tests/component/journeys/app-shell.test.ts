/** The app shell as the developer tools will read it: pages, tab bar, subpackages, components, WXML/WXSS, size. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { mainPackageBytes } from '../../../scripts/build-mp-npm';
import { ensureMiniprogramNpm, MP_ROOT } from '../harness';

interface AppJson {
  pages: string[];
  subpackages: { root: string; name: string; pages: string[] }[];
  preloadRule: Record<string, { packages: string[] }>;
  tabBar: { list: { pagePath: string; iconPath: string; selectedIconPath: string }[] };
  lazyCodeLoading: string;
  sitemapLocation: string;
}

const app = JSON.parse(fs.readFileSync(path.join(MP_ROOT, 'app.json'), 'utf8')) as AppJson;
const pagePaths = [...app.pages, ...app.subpackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];

/** Every component of our own (pages and components/), as paths relative to miniprogram/ without extension. */
function ownComponents(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'miniprogram_npm') continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.wxml')) out.push(path.relative(MP_ROOT, full).replace(/\.wxml$/, ''));
    }
  };
  walk(MP_ROOT);
  return out.sort();
}

function usingComponents(component: string): Record<string, string> {
  const json = JSON.parse(fs.readFileSync(path.join(MP_ROOT, `${component}.json`), 'utf8'));
  return json.usingComponents ?? {};
}

function compilerBin(name: 'wcc' | 'wcsc'): string {
  const dir = { darwin: 'mac', linux: 'linux', win32: 'windows' }[process.platform as string] ?? 'linux';
  const bin = path.join(require.resolve('miniprogram-compiler/package.json'), '..', 'bin', dir, name);
  fs.chmodSync(bin, 0o755); // the package ships it without the executable bit
  return bin;
}

describe('app shell', () => {
  beforeAll(() => ensureMiniprogramNpm());

  it('has the four files of every page and component', () => {
    for (const page of [...pagePaths, ...ownComponents()]) {
      for (const ext of ['.ts', '.wxml', '.wxss', '.json']) {
        expect(`${page}${ext}: ${fs.existsSync(path.join(MP_ROOT, page + ext))}`).toBe(`${page}${ext}: true`);
      }
    }
  });

  it('lists exactly the tab pages of routes.ts in the tab bar, with their icons', () => {
    const { PAGES } = require(path.join(MP_ROOT, 'routes')) as {
      PAGES: Record<string, { url: string; tab: boolean }>;
    };
    const tabs = Object.values(PAGES)
      .filter((p) => p.tab)
      .map((p) => p.url.slice(1));
    expect(app.tabBar.list.map((t) => t.pagePath)).toEqual(tabs);
    for (const t of app.tabBar.list) {
      expect(fs.existsSync(path.join(MP_ROOT, t.iconPath))).toBe(true);
      expect(fs.existsSync(path.join(MP_ROOT, t.selectedIconPath))).toBe(true);
    }
    const all = Object.values(PAGES).map((p) => p.url.slice(1));
    expect([...all].sort()).toEqual([...pagePaths].sort());
  });

  it('keeps officer pages in a subpackage preloaded from 我的', () => {
    const roots = app.subpackages.map((s) => s.root);
    expect(roots).toEqual(expect.arrayContaining(['packages/admin', 'packages/notices', 'packages/notices-admin']));
    expect(app.preloadRule['pages/me/index'].packages).toEqual(expect.arrayContaining(['admin', 'notices-admin']));
    // The 公示 tab leads to the notice detail, which lives in its own subpackage.
    expect(app.preloadRule['pages/notices/index'].packages).toEqual(['notices']);
    // Every preloaded package exists.
    const names = new Set(app.subpackages.map((s) => s.name));
    for (const rule of Object.values(app.preloadRule)) for (const n of rule.packages) expect(names.has(n)).toBe(true);
    expect(app.pages.some((p) => p.startsWith('packages/'))).toBe(false);
    expect(app.lazyCodeLoading).toBe('requiredComponents');
    expect(fs.existsSync(path.join(MP_ROOT, app.sitemapLocation))).toBe(true);
  });

  it('registers every custom tag a template uses, and every registered component exists', () => {
    for (const comp of ownComponents()) {
      const using = usingComponents(comp);
      const wxml = fs.readFileSync(path.join(MP_ROOT, `${comp}.wxml`), 'utf8');
      const tags = new Set([...wxml.matchAll(/<([a-z]+-[a-z-]+)/g)].map((m) => m[1]));
      for (const tag of tags) expect(`${comp}: <${tag}> ${tag in using}`).toBe(`${comp}: <${tag}> true`);
      for (const target of Object.values(using)) {
        const file = target.startsWith('tdesign-miniprogram/')
          ? path.join(MP_ROOT, 'miniprogram_npm', `${target}.json`)
          : path.join(MP_ROOT, `${target}.json`);
        expect(`${comp}: ${target} ${fs.existsSync(file)}`).toBe(`${comp}: ${target} true`);
      }
    }
  });

  it('compiles every template with the official WXML compiler', () => {
    const files = ownComponents().map((c) => `${c}.wxml`);
    const res = spawnSync(compilerBin('wcc'), ['-d', '-cc', '0', ...files, '-gn', '$gwx'], {
      cwd: MP_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(res.stderr.toString()).toBe('');
    expect(res.status).toBe(0);
  });

  it('compiles every stylesheet with the official WXSS compiler', () => {
    const files = ['app.wxss', ...ownComponents().map((c) => `${c}.wxss`)];
    const res = spawnSync(compilerBin('wcsc'), ['-db', '-pc', '0', ...files], {
      cwd: MP_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(res.stderr.toString()).toBe('');
    expect(res.status).toBe(0);
  });

  it('keeps the main package well under the 2 MB limit', () => {
    expect(mainPackageBytes()).toBeLessThan(1024 * 1024);
  });
});
