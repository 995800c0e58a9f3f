/**
 * Steps 1 and 2 of the preview: load a page with the component-test harness
 * (miniprogram-simulate in jsdom, TDesign from miniprogram_npm, the official compiler, canned API answers),
 * bring it into a state with taps, and serialize it to standalone HTML.
 *
 * Runs in two hosts: jest's jsdom environment (tests/component/preview.test.ts) and plain Node under tsx
 * (`npm run preview`; node-env.ts provides jsdom and the module reset the harness asks for).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { installCanvasStub } from '../../tests/component/canvas';
import { loadPage, MP_ROOT } from '../../tests/component/harness';
import { WORLD_NOW, WORLD_PERSONAS, type WorldPersona, worldPersona } from '../../tests/support/world-views';
import { serialize, type TabBarConfig, type WindowConfig } from './html';
import { installNativeUi, type NativeUi, newNativeUi } from './native-ui';
import { applyPatches, rpxToPx } from './patches';
import type { PreviewPage, PreviewState, Responses } from './types';

// biome-ignore lint/suspicious/noExplicitAny: the simulator modules are untyped CommonJS.
type Any = any;

export interface RenderOptions {
  page: PreviewPage;
  state: PreviewState;
  /** Draw status bar, navigation bar, capsule and tab bar (screenshots); tests leave them out. */
  chrome?: boolean;
}

export interface RenderResult {
  html: string;
  /** Visible text (navigation title, page, native overlays), whitespace collapsed. */
  text: string;
  /** Worth a look: missing demo data, unknown icons, images not found, errors the page logged. */
  warnings: string[];
  /** Actions the page called, in order. */
  actions: string[];
  navigations: { method: string; url?: string }[];
  ui: NativeUi;
  iconsUsed: string[];
  /** Milliseconds from load to HTML. */
  ms: number;
}

const g = globalThis as Any;

/**
 * The harness keeps one simulator per global scope (per jest test file, per tsx process). Hand it one whose
 * j-component and exparser are patched; require all of them together so they are the same instances.
 */
function ensurePatchedSimulator(): void {
  if (g.__lingyanSimulate?.__previewPatched) return;
  const simulate = require('miniprogram-simulate');
  applyPatches({
    simUtils: require('miniprogram-simulate/src/utils'),
    jComponent: require('j-component'),
    jUtils: require('j-component/src/tool/utils'),
    exparser: require('miniprogram-exparser'),
  });
  installCanvasStub(require('j-component/src/tool/selectorquery'));
  simulate.__previewPatched = true;
  g.__lingyanSimulate = simulate;
}

async function settle(ms = 30): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => setTimeout(r, ms));
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

function readJson(file: string): Any {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/** Everything `console.error`/`warn` receives while a page renders becomes a warning (and stays off the terminal). */
function captureConsole(warnings: string[]): () => void {
  const { error, warn } = console;
  const fmt = (args: unknown[]) =>
    args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  console.error = (...args: unknown[]) => warnings.push(`console.error: ${fmt(args)}`.slice(0, 300));
  console.warn = (...args: unknown[]) => warnings.push(`console.warn: ${fmt(args)}`.slice(0, 300));
  return () => {
    console.error = error;
    console.warn = warn;
  };
}

/**
 * Tags of our own components a page uses whose styles are shared with the page (`styleIsolation: apply-shared`
 * or `shared` in their .json): app.wxss and the page's wxss reach into them.
 */
function sharedOwnComponents(jsonFile: string, seen = new Set<string>()): string[] {
  const json = readJson(jsonFile) ?? {};
  const tags: string[] = [];
  for (const [tag, target] of Object.entries((json.usingComponents ?? {}) as Record<string, string>)) {
    if (!target.startsWith('/') && !target.startsWith('.')) continue; // npm (TDesign): handled by class scan
    const file = target.startsWith('/')
      ? path.join(MP_ROOT, `${target}.json`)
      : path.join(path.dirname(jsonFile), `${target}.json`);
    if (seen.has(file)) continue;
    seen.add(file);
    const own = readJson(file) ?? {};
    if (own.styleIsolation === 'apply-shared' || own.styleIsolation === 'shared') tags.push(tag);
    tags.push(...sharedOwnComponents(file, seen));
  }
  return tags;
}

/** The rules of a stylesheet whose selectors name a TDesign class (`.t-…`): what page styles aim into TDesign with. */
function tdesignTargeted(source: string): string {
  const out: string[] = [];
  const flat = source.replace(/\/\*[\s\S]*?\*\//g, '');
  const re = /([^{}]+)\{([^{}]*)\}/g;
  for (let m = re.exec(flat); m; m = re.exec(flat)) {
    const sel = m[1].trim();
    if (!sel.startsWith('@') && /\.t-[a-z]/.test(sel)) out.push(`${sel}{${m[2]}}`);
  }
  return out.join('\n');
}

/**
 * app.wxss and the page's wxss, compiled for every scope they reach: the page itself (the simulator already
 * has the page's own sheet), our apply-shared components, and TDesign components (apply-shared too) for the
 * rules that name TDesign classes.
 */
function sharedCss(pagePath: string, pageEl: Element): string[] {
  const wxss = require('miniprogram-simulate/src/wxss');
  const sheets = ['app.wxss', `${pagePath}.wxss`]
    .map((f) => path.join(MP_ROOT, f))
    .filter(existsSync)
    .map((f) => wxss.getContent(f) as string);
  const out: string[] = [];
  const appSheet = path.join(MP_ROOT, 'app.wxss');
  if (existsSync(appSheet)) out.push(rpxToPx(wxss.compile(wxss.getContent(appSheet), { prefix: 'main' })));
  for (const tag of sharedOwnComponents(path.join(MP_ROOT, `${pagePath}.json`))) {
    for (const sheet of sheets) out.push(rpxToPx(wxss.compile(sheet, { prefix: tag })));
  }
  const toTd = sheets.map(tdesignTargeted).filter(Boolean).join('\n');
  if (toTd) {
    const scopes = new Set<string>();
    for (const el of Array.from(pageEl.querySelectorAll('[class]'))) {
      for (const c of Array.from(el.classList)) {
        const m = /^(t-[a-z-]+?)--/.exec(c);
        if (m) scopes.add(m[1]);
      }
    }
    for (const scope of [...scopes].sort()) out.push(rpxToPx(wxss.compile(toTd, { prefix: scope })));
  }
  return out;
}

/** The demo world's "now" (tests/support/world-views.ts): Monday 2026-11-23, mid-morning in Shanghai. */
export const PREVIEW_NOW = Date.parse(WORLD_NOW);

/**
 * Pages read the clock (today's date for a new notice, "今天" on a decision form): pinned to the demo's day, so
 * what they show agrees with the demo data and the PNGs are the same whatever day they are made.
 */
function pinClock(at: number): () => void {
  const RealDate = Date;
  class PinnedDate extends RealDate {
    constructor(...args: unknown[]) {
      // biome-ignore lint/suspicious/noExplicitAny: forwarding Date's overloaded constructor.
      super(...((args.length ? args : [at]) as [any]));
    }
    static override now(): number {
      return at;
    }
  }
  globalThis.Date = PinnedDate as DateConstructor;
  return () => {
    globalThis.Date = RealDate;
  };
}

export async function renderState({ page, state, chrome = false }: RenderOptions): Promise<RenderResult> {
  const t0 = performance.now();
  const warnings: string[] = [];
  const restoreConsole = captureConsole(warnings);
  const restoreClock = pinClock(PREVIEW_NOW);
  try {
    ensurePatchedSimulator();
    for (const s of Array.from(document.head.querySelectorAll('style'))) s.remove();
    const ui = newNativeUi();
    installNativeUi(ui);

    const responses: Responses = { ...personaResponses(state.persona), ...(state.responses ?? {}) };
    const p = await loadPage(page.path, { responses, query: state.query });
    try {
      await settle();
      if (state.setup) await state.setup(p);
      await settle();

      const pageEl = p.root as Element;
      const appJson = readJson(path.join(MP_ROOT, 'app.json')) ?? {};
      const pageJson = readJson(path.join(MP_ROOT, `${page.path}.json`)) ?? {};
      const window: WindowConfig = { ...(appJson.window ?? {}), ...pageJson };
      const tabBar: TabBarConfig | null = appJson.tabBar ?? null;
      const css = [
        ...Array.from(document.head.querySelectorAll('style')).map((s) => s.textContent ?? ''),
        ...sharedCss(page.path, pageEl),
      ];
      const out = serialize({
        pageEl,
        css,
        root: MP_ROOT,
        route: page.path,
        window,
        tabBar,
        ui,
        chrome,
        componentStyle: appJson.style,
      });

      const answered = new Set(Object.keys(responses));
      for (const a of new Set(p.calls.map((c) => c.action))) {
        if (!answered.has(a)) warnings.push(`no demo data for action ${a}`);
      }
      warnings.push(...out.warnings);
      return {
        html: out.html,
        text: out.text,
        warnings,
        actions: p.calls.map((c) => c.action),
        navigations: [...p.navigations],
        ui,
        iconsUsed: out.iconsUsed,
        ms: Math.round(performance.now() - t0),
      };
    } finally {
      p.unload();
    }
  } finally {
    restoreClock();
    restoreConsole();
  }
}

/** The answers every state of a persona starts from: the world's `me.get` and `org.tree` as they see them. */
function personaResponses(persona: string | undefined): Responses {
  if (!persona) return {};
  if (!(WORLD_PERSONAS as readonly string[]).includes(persona))
    throw new Error(`unknown preview persona ${persona}; the world's: ${WORLD_PERSONAS.join(', ')}`);
  return worldPersona(persona as WorldPersona);
}
