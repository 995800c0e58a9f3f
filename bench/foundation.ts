/**
 * Foundation figures: emulator point read / indexed query over 100,000 documents (p50/p95), the api
 * bundle's minified size and cold require time, and the mini-program main package size.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildFunctions } from '../scripts/build';
import { buildMpNpm, mainPackageBytes } from '../scripts/build-mp-npm';
import { benchEmulator } from './emulator';

const ROOT = path.resolve(__dirname, '..');

/** Median of several fresh `node` processes requiring the bundle (what a cold start pays for our code). */
function requireMs(module: string, runs = 7): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(module)});console.log(Number(process.hrtime.bigint()-t)/1e6)`;
  const times = Array.from({ length: runs }, () =>
    Number(execFileSync(process.execPath, ['-e', script], { cwd: ROOT }).toString().trim()),
  );
  times.sort((a, b) => a - b);
  return round(times[Math.floor(runs / 2)]);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export async function run() {
  const sizes = await buildFunctions({ quiet: true });
  const bundle = path.join(ROOT, 'build/functions/api/index.js');
  console.error(`api bundle ${(sizes.api / 1024).toFixed(1)} KB; measuring cold require…`);
  const req = requireMs(bundle);
  // Most of a cold require is wx-server-sdk itself (CloudBase installs it; not part of our bundle).
  const sdkReq = requireMs('wx-server-sdk');
  buildMpNpm({ quiet: true });
  const mainKb = round(mainPackageBytes() / 1024);
  console.error('loading 100,000 documents into the emulator…');
  const emu = await benchEmulator();
  console.error(`point read p50 ${emu.pointReadP50Ms} ms, indexed query p50 ${emu.indexedQueryP50Ms} ms`);
  if (!fs.existsSync(bundle)) throw new Error('api bundle missing');
  return {
    pointReadP50Ms: emu.pointReadP50Ms,
    pointReadP95Ms: emu.pointReadP95Ms,
    indexedQueryP50Ms: emu.indexedQueryP50Ms,
    indexedQueryP95Ms: emu.indexedQueryP95Ms,
    apiBundleKb: round(sizes.api / 1024),
    requireMs: req,
    sdkRequireMs: sdkReq,
    mainPackageKb: mainKb,
  };
}
