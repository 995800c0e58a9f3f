/**
 * What a page's first screen costs in setData: load the page with canned replies (the server's own), add up the
 * UTF-8 JSON of every setData call until it has settled. Shared by bench/notices-setdata.ts and
 * bench/showcase-setdata.ts; runs under jest's jsdom and under tsx (where it installs the preview's jsdom).
 */
import { configureHarness, loadPage, MP_ROOT, type Responses } from '../tests/component/harness';

export function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

export const kb = (bytes: number) => Math.round((bytes / 1024) * 100) / 100;

async function ensureDom(): Promise<void> {
  if (typeof window !== 'undefined' && typeof document !== 'undefined') return;
  const { installNodeEnv, nodeResetModules } = await import('../scripts/preview/node-env');
  installNodeEnv();
  configureHarness({ resetModules: nodeResetModules(MP_ROOT) });
}

/** The sizes (bytes) of every setData of `path`'s first load, and how many `selector` elements it then shows. */
export async function firstLoadSetData(
  path: string,
  responses: Responses,
  selector: string,
): Promise<{ sizes: number[]; shown: number }> {
  await ensureDom();
  const p = await loadPage(path, { lifecycle: false, responses });
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
  const shown = p.count(selector);
  p.unload();
  return { sizes, shown };
}
