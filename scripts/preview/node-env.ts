/**
 * What jest's jsdom environment gives the component tests, for plain Node (tsx): a jsdom window as the
 * global scope, `.ts` winning over `.json` when the simulator requires a page by its extension-less
 * path (jest's moduleFileExtensions do the same), and a module reset between pages.
 */

import { existsSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { JSDOM } from 'jsdom';

// biome-ignore lint/suspicious/noExplicitAny: installing globals and hooking the CommonJS resolver.
type Any = any;

let installed = false;

export function installNodeEnv(): void {
  if (installed) return;
  installed = true;
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    pretendToBeVisual: true,
    url: 'https://preview.lingyan.local/',
  });
  const g = globalThis as Any;
  const win = dom.window as Any;
  g.window = win;
  // Node has its own Event classes; DOM dispatch only accepts jsdom's, so those are taken from the window too.
  const DOM_OWNED = new Set(['Event', 'CustomEvent', 'EventTarget', 'MessageEvent', 'DOMException']);
  for (const key of Object.getOwnPropertyNames(win)) {
    if (key in g && !DOM_OWNED.has(key)) continue;
    try {
      g[key] = win[key];
    } catch {
      // some window getters throw outside a browsing context; they are not needed
    }
  }

  const M = Module as Any;
  const resolve = M._resolveFilename;
  M._resolveFilename = function (request: string, ...rest: unknown[]) {
    if (path.isAbsolute(request) && !path.extname(request) && existsSync(`${request}.ts`)) return `${request}.ts`;
    return resolve.call(this, request, ...rest);
  };
}

/**
 * Forget every module under the mini-program root (pages, services, TDesign): a component only registers
 * itself when its file runs. The simulator itself is kept, as the harness does under jest.
 */
export function nodeResetModules(root: string): () => void {
  const prefix = path.resolve(root) + path.sep;
  return () => {
    const cache = (Module as Any)._cache as Record<string, unknown>;
    for (const key of Object.keys(cache)) if (key.startsWith(prefix)) delete cache[key];
  };
}
