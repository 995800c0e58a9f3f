/**
 * Loads a mini-program page (or component) in miniprogram-simulate with TDesign resolved from miniprogram_npm,
 * the platform (`wx`, `getApp`) stubbed, and the API answered from a table of replies. Used by the component
 * tests and by the preview renderer (scripts/preview/), so it holds no jest assertions.
 *
 *   const p = await loadPage('pages/me/index', { responses: { 'me.get': ok(meView) } });
 *   await p.tap('#bind-button');
 *   expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/pages/binding/index' }]);
 *
 * Only the platform is stubbed (wx.cloud.callFunction, wx.request, wx.showToast, navigation); our own services run
 * for real, from the transport envelope up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildMpNpm } from '../../scripts/build-mp-npm';
import type { ActionName, Input, Output } from '../../typings/actions';
import { type ApiError, ERROR_MESSAGES, type ErrorCode, type Result } from '../../typings/errors';
import { installCanvasStub } from './canvas';

export const MP_ROOT = path.resolve(__dirname, '../../miniprogram');
const NPM_PREFIX = 'tdesign-miniprogram/';
const NPM_ROOT = '/miniprogram_npm/tdesign-miniprogram/';

// ---------------------------------------------------------------------------------------------- replies

export type Reply<A extends ActionName> = Result<Output<A>>;
/** A reply that never arrives as an envelope: the transport fails (no network, function crashed before replying). */
export const OFFLINE = Symbol('offline');
export type Answer<A extends ActionName> = Reply<A> | typeof OFFLINE;
/**
 * How an action is answered: one reply for every call, a list used in order (the last one repeats), or a function
 * of the input and the 0-based call number (it may return a promise, e.g. one the test resolves later).
 */
export type Responder<A extends ActionName> =
  | Answer<A>
  | Answer<A>[]
  | ((input: Input<A>, n: number) => Answer<A> | Promise<Answer<A>>);
export type Responses = { [A in ActionName]?: Responder<A> };

export function ok<T>(data: T): { ok: true; data: T } {
  return { ok: true, data };
}

export function fail(code: ErrorCode, extra: Partial<Omit<ApiError, 'code'>> = {}): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message: ERROR_MESSAGES[code], ...extra } };
}

// ---------------------------------------------------------------------------------------------- records

export interface CallRecord {
  action: string;
  input: unknown;
  transport: 'cloud' | 'local';
  /** The persona header a local-mode request carried. */
  openid?: string;
}

export interface Navigation {
  method: 'navigateTo' | 'switchTab' | 'redirectTo' | 'reLaunch' | 'navigateBack';
  url?: string;
}

export interface LoadOptions {
  responses?: Responses;
  /** `cloud` (default) stubs wx.cloud.callFunction; `local` switches config.mode and stubs wx.request. */
  transport?: 'cloud' | 'local';
  /** Query passed to onLoad. */
  query?: Record<string, string>;
  /** Run onLoad(query) and onShow() and wait for the first replies (default true). */
  lifecycle?: boolean;
  /** What getApp() returns. */
  app?: Record<string, unknown>;
  /** Where the page is attached (default: a fresh element in document.body). */
  container?: HTMLElement;
}

/** The j-component wrapper types, loosely: miniprogram-simulate's own typings are not precise enough to help. */
// biome-ignore lint/suspicious/noExplicitAny: the simulator's component objects are untyped
type SimComponent = any;

export interface LoadedPage {
  /** The j-component root (querySelector, dispatchEvent, setData, toJSON ...). */
  page: SimComponent;
  /** The page's `this`: call lifecycles (onReachBottom ...) and read `data`. */
  instance: SimComponent;
  /** The rendered DOM root. */
  root: HTMLElement;
  calls: CallRecord[];
  toasts: string[];
  navigations: Navigation[];
  /** Calls of one action, in order. */
  callsOf(action: ActionName): CallRecord[];
  /** Replace how an action is answered from now on. */
  respond<A extends ActionName>(action: A, responder: Responder<A>): void;
  /** Let pending replies and re-renders run. */
  settle(): Promise<void>;
  /** Tap the element or component `selector` selects (TDesign components: their inner root), then settle. */
  tap(selector: string, index?: number): Promise<void>;
  /** Fire a component event (e.g. a t-input's `change` with `{ value }`) as the component itself would, then settle. */
  trigger(selector: string, event: string, detail?: unknown, index?: number): Promise<void>;
  exists(selector: string): boolean;
  count(selector: string): number;
  /** Visible text of the page or of what `selector` selects, whitespace collapsed. */
  text(selector?: string): string;
  unload(): void;
}

// ---------------------------------------------------------------------------------------------- setup

interface Simulate {
  load(componentPath: string, options: Record<string, unknown>): string;
  render(id: string, properties?: Record<string, unknown>): SimComponent;
}

const g = globalThis as typeof globalThis & {
  __lingyanSimulate?: Simulate;
  __lingyanNpmChecked?: boolean;
  wx: Record<string, unknown>;
  getApp: () => Record<string, unknown>;
};

/** Module reset between loads: a component module only registers itself when its file runs, so each load needs fresh modules. */
let resetModules: () => void = () => {
  if (typeof jest !== 'undefined') jest.resetModules();
};

/** For hosts other than jest (the preview renderer may run elsewhere): how to clear the module registry. */
export function configureHarness(options: { resetModules?: () => void }): void {
  if (options.resetModules) resetModules = options.resetModules;
}

/**
 * miniprogram_npm is gitignored and follows the usingComponents of our pages: (re)build it once per global scope
 * (jest test file, preview process). Idempotent and about 50 ms; under jest the globalSetup has already built it.
 */
export function ensureMiniprogramNpm(): void {
  if (g.__lingyanNpmChecked) return;
  buildMpNpm({ quiet: true });
  g.__lingyanNpmChecked = true;
}

/**
 * The simulator is kept across module resets: it caches the WXML compiled by the official compiler (wcc) per
 * root, which is most of the cost of a load. Page and component modules still load fresh each time.
 */
function simulator(): Simulate {
  if (!g.__lingyanSimulate) {
    g.__lingyanSimulate = require('miniprogram-simulate') as Simulate;
    // Required in the same module registry as the simulator, so it is the class its components query with.
    installCanvasStub(require('j-component/src/tool/selectorquery'));
  }
  return g.__lingyanSimulate;
}

/** `t-xxx: tdesign-miniprogram/xxx/xxx` in our .json files becomes the built miniprogram_npm path. */
function npmComponentMap(): Record<string, string> {
  const map: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'miniprogram_npm') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json') && entry.name !== 'tsconfig.json') {
        const json = JSON.parse(fs.readFileSync(full, 'utf8')) as { usingComponents?: Record<string, string> };
        for (const [tag, target] of Object.entries(json.usingComponents ?? {})) {
          if (!target.startsWith(NPM_PREFIX)) continue;
          const mapped = NPM_ROOT + target.slice(NPM_PREFIX.length);
          if (map[tag] && map[tag] !== mapped)
            throw new Error(`harness: ${tag} maps to both ${map[tag]} and ${mapped}`);
          map[tag] = mapped;
        }
      }
    }
  };
  walk(MP_ROOT);
  return map;
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// ---------------------------------------------------------------------------------------------- platform stubs

function answerer(responses: Responses) {
  const table: Responses = { ...responses };
  const counts = new Map<string, number>();
  const answer = async (action: string, input: unknown): Promise<unknown> => {
    const n = counts.get(action) ?? 0;
    counts.set(action, n + 1);
    const responder = (table as Record<string, unknown>)[action];
    if (responder === undefined) {
      return fail('INTERNAL', { message: `harness: no reply stubbed for ${action}` });
    }
    if (typeof responder === 'function') return responder(input, n);
    if (Array.isArray(responder)) return responder[Math.min(n, responder.length - 1)];
    return responder;
  };
  return { table, answer };
}

function installPlatform(
  answer: (action: string, input: unknown) => Promise<unknown>,
  records: { calls: CallRecord[]; toasts: string[]; navigations: Navigation[] },
  app: Record<string, unknown>,
): void {
  const wx = g.wx;
  g.getApp = () => app;

  wx.cloud = {
    init: () => undefined,
    callFunction: async (param: { name: string; data: { action: string; input: unknown } }) => {
      if (param.name !== 'api') throw new Error(`cloud.callFunction:fail function ${param.name} not found`);
      records.calls.push({ action: param.data.action, input: param.data.input, transport: 'cloud' });
      const reply = await answer(param.data.action, param.data.input);
      if (reply === OFFLINE) throw new Error('cloud.callFunction:fail network');
      return { errMsg: 'cloud.callFunction:ok', result: reply };
    },
  };

  wx.request = (param: {
    url: string;
    method?: string;
    data: { action: string; input: unknown };
    header?: Record<string, string>;
    success?: (res: { statusCode: number; data: unknown; header: object; errMsg: string }) => void;
    fail?: (err: { errMsg: string }) => void;
  }) => {
    const openid = param.header?.['x-lingyan-openid'];
    if (!/\/functions\/api$/.test(param.url) || param.method !== 'POST') {
      setTimeout(() => param.fail?.({ errMsg: `request:fail unexpected ${param.method} ${param.url}` }), 0);
      return;
    }
    records.calls.push({ action: param.data.action, input: param.data.input, transport: 'local', openid });
    answer(param.data.action, param.data.input).then((reply) => {
      if (reply === OFFLINE) param.fail?.({ errMsg: 'request:fail timeout' });
      else param.success?.({ statusCode: 200, data: reply, header: {}, errMsg: 'request:ok' });
    });
  };

  wx.showToast = (param: { title: string }) => {
    records.toasts.push(param.title);
  };
  wx.hideToast = () => undefined;
  wx.stopPullDownRefresh = () => undefined;
  const nav =
    (method: Navigation['method']) =>
    (param: { url?: string } = {}) => {
      records.navigations.push(param.url === undefined ? { method } : { method, url: param.url });
    };
  wx.navigateTo = nav('navigateTo');
  wx.switchTab = nav('switchTab');
  wx.redirectTo = nav('redirectTo');
  wx.reLaunch = nav('reLaunch');
  wx.navigateBack = nav('navigateBack');
}

// ---------------------------------------------------------------------------------------------- DOM helpers

/** The DOM elements an exparser node renders to: its own, or for a virtual node (a virtual host such as a TDesign
 * component, a <block>) those of its shadow root or children, recursively. */
// biome-ignore lint/suspicious/noExplicitAny: exparser nodes are untyped
function renderedElements(node: any, acc: HTMLElement[] = []): HTMLElement[] {
  if (node?.$$ instanceof HTMLElement) {
    acc.push(node.$$);
    return acc;
  }
  for (const child of node?.shadowRoot?.childNodes ?? node?.childNodes ?? []) renderedElements(child, acc);
  return acc;
}

function domNodes(comp: SimComponent): HTMLElement[] {
  return comp.dom ? [comp.dom] : renderedElements(comp._exparserNode);
}

/** The node a finger would land on: the component itself, or the first element rendered inside a virtual host. */
function tapTarget(comp: SimComponent): SimComponent {
  if (comp.dom) return comp;
  // biome-ignore lint/suspicious/noExplicitAny: exparser nodes are untyped
  const first = (node: any): any => {
    if (node?.$$ instanceof HTMLElement) return node;
    for (const child of node?.shadowRoot?.childNodes ?? node?.childNodes ?? []) {
      const found = first(child);
      if (found) return found;
    }
    return null;
  };
  const target = first(comp._exparserNode);
  if (!target) throw new Error('harness: nothing to tap inside the component');
  return new comp.constructor(target);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------- load

let current: LoadedPage | null = null;

export interface Platform {
  calls: CallRecord[];
  toasts: string[];
  navigations: Navigation[];
  respond<A extends ActionName>(action: A, responder: Responder<A>): void;
  /** Require a mini-program module (path relative to miniprogram/) from the same fresh registry the stubs serve. */
  requireMp<T = unknown>(modulePath: string): T;
}

/**
 * Reset modules and install the platform stubs without loading a page: for testing a service module directly
 * (`requireMp('services/api')`) or before loading a page by hand.
 */
export function stubPlatform(options: Pick<LoadOptions, 'responses' | 'transport' | 'app'> = {}): Platform {
  resetModules();
  const records = { calls: [] as CallRecord[], toasts: [] as string[], navigations: [] as Navigation[] };
  const { table, answer } = answerer(options.responses ?? {});
  simulator(); // defines wx and Component before the stubs go on top
  installPlatform(answer, records, options.app ?? { globalData: {} });
  const requireMp = <T>(modulePath: string): T => require(path.join(MP_ROOT, modulePath)) as T;
  // Same module registry the page is about to use, so this is the config instance the page reads.
  requireMp<typeof import('../../miniprogram/config')>('config').config.mode = options.transport ?? 'cloud';
  return {
    ...records,
    respond: (action, responder) => {
      (table as Record<string, unknown>)[action] = responder;
    },
    requireMp,
  };
}

/**
 * Load `pagePath` (relative to miniprogram/, no extension, e.g. 'pages/me/index' or
 * 'packages/admin/bindings/index'), render it, and unless `lifecycle: false` run onLoad/onShow and settle.
 */
export async function loadPage(pagePath: string, options: LoadOptions = {}): Promise<LoadedPage> {
  ensureMiniprogramNpm();
  current?.unload();
  const platform = stubPlatform(options);
  const records = { calls: platform.calls, toasts: platform.toasts, navigations: platform.navigations };
  const simulate = simulator();

  const id = simulate.load(path.join(MP_ROOT, pagePath), { rootPath: MP_ROOT, usingComponents: npmComponentMap() });
  const page = simulate.render(id);
  const container = options.container ?? document.body.appendChild(document.createElement('div'));
  page.attach(container);

  const settle = async () => {
    for (let i = 0; i < 5; i++) await tick();
  };
  /** `a >>> b` selects `b` inside the component `a` selects (a shadow boundary), as selectComponent does. */
  const selectAll = (selector: string): SimComponent[] => {
    const steps = selector.split('>>>').map((s) => s.trim());
    let scope: SimComponent[] = [page];
    for (const step of steps) scope = scope.flatMap((c) => c.querySelectorAll(step) ?? []);
    return scope;
  };
  const select = (selector: string, index = 0): SimComponent => {
    const found = selectAll(selector)[index];
    if (!found) throw new Error(`harness: nothing matches ${selector}${index ? ` [${index}]` : ''}`);
    return found;
  };

  const loaded: LoadedPage = {
    page,
    instance: page.instance,
    root: page.dom,
    ...records,
    callsOf: (action) => records.calls.filter((c) => c.action === action),
    respond: platform.respond,
    settle,
    async tap(selector, index) {
      tapTarget(select(selector, index)).dispatchEvent('tap');
      await settle();
    },
    async trigger(selector, event, detail, index) {
      select(selector, index).instance.triggerEvent(event, detail);
      await settle();
    },
    exists: (selector) => selectAll(selector).length > 0,
    count: (selector) => selectAll(selector).length,
    text: (selector) =>
      collapse(
        (selector ? domNodes(select(selector)) : [page.dom as HTMLElement]).map((n) => n.textContent ?? '').join(' '),
      ),
    unload() {
      page.detach();
      if (!options.container) container.remove();
      if (current === loaded) current = null;
    },
  };
  current = loaded;

  if (options.lifecycle !== false) {
    const inst = page.instance;
    inst.onLoad?.(options.query ?? {});
    inst.onShow?.();
    await settle();
  }
  return loaded;
}
