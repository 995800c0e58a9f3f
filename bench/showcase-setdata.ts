/**
 * The home tab's first screen with the showcase, as setData sees it: load pages/home/index against a `home.feed`
 * reply the server gave and add up the JSON of every setData call until the cards are on screen.
 */

import { meBound } from '../tests/component/fixtures';
import { configureHarness, loadPage, MP_ROOT, ok } from '../tests/component/harness';
import type { HomeFeedView } from '../typings/actions';

function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 100) / 100;

async function ensureDom(): Promise<void> {
  if (typeof window !== 'undefined' && typeof document !== 'undefined') return;
  const { installNodeEnv, nodeResetModules } = await import('../scripts/preview/node-env');
  installNodeEnv();
  configureHarness({ resetModules: nodeResetModules(MP_ROOT) });
}

/** KB of every setData of the home tab's first load with `feed` as the server's reply. */
export async function measureHomeSetData(feed: HomeFeedView): Promise<{ totalKb: number; cards: number }> {
  await ensureDom();
  const p = await loadPage('pages/home/index', {
    lifecycle: false,
    responses: { 'me.get': ok(meBound([])), 'home.feed': ok(feed) },
  });
  const sizes: number[] = [];
  const inst = p.instance;
  const setData = inst.setData.bind(inst);
  inst.setData = (data: Record<string, unknown>, cb?: () => void) => {
    sizes.push(utf8Bytes(JSON.stringify(data)));
    return setData(data, cb);
  };
  inst.onLoad?.({});
  inst.onShow?.();
  await p.settle();
  const cards = p.count('.post-card');
  p.unload();
  if (cards !== feed.posts.length) throw new Error(`expected ${feed.posts.length} cards on screen, saw ${cards}`);
  return { totalKb: kb(sizes.reduce((a, b) => a + b, 0)), cards };
}
