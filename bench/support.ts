/**
 * What the load benches share: a fresh emulator for a suite's run, one timed call through the api function as a
 * person, the envelope's data or the refusal as an error, a percentile of the waits, and the figures printed when a
 * suite runs on its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Emulator, startEmulator } from '../emulator';

/**
 * Runs a suite's measurement on a fresh emulator seeded with the roster alone, the functions run from source, its
 * data in a temporary folder that is removed afterwards whatever happens.
 */
export async function withBenchEmulator<T>(
  suite: string,
  options: { functionTimeoutS?: number },
  measure: (emu: Emulator) => Promise<T>,
): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `lingyan-bench-${suite}-`));
  const emu = await startEmulator({ dataDir, seed: 'base', functions: 'source', ...options });
  try {
    return await measure(emu);
  } finally {
    await emu.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A suite run on its own (`npx tsx bench/<suite>.ts`): its figures as one JSON line; a failure exits with 1. */
export function printFigures(figures: Promise<unknown>): void {
  figures
    .then((r) => console.log(JSON.stringify(r)))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}

export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** Calls `action` as `openid` and times it; the reply, its database round trips and its size as JSON. */
export async function call<T>(emu: Emulator, openid: string, action: string, input: unknown) {
  const t0 = performance.now();
  const r = await emu.call(action, input, openid);
  const body = r.body as Reply<T> | undefined;
  // Anything else is the host's own reply (a timed-out or crashed invocation): say so rather than miscount.
  if (typeof body?.ok !== 'boolean') throw new Error(`${action}: no envelope in the reply: ${JSON.stringify(r.body)}`);
  // Reply bytes as JSON: the function's outbound payload (what the capacity figures price as traffic).
  return { reply: body, roundTrips: r.roundTrips, ms: performance.now() - t0, bytes: JSON.stringify(body).length };
}

/** The data of a reply; a refusal throws, naming `what` was refused. */
export function ok<T>(r: Reply<T>, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** The `p`th percentile of `values` (any order), rounded to the millisecond. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
}

/** The mean of `values`, to two decimals (round trips per call). */
export function mean(values: number[]): number {
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}
