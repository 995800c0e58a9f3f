/**
 * Integration tests start a real emulator (random port, own temp data folder) with the demo school, and
 * call the production `api` function through the function host — the same path as the mini-program.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoOpenid } from '../../emulator/demo/school';
import { type Emulator, type StartOptions, startEmulator } from '../../emulator';

export type Envelope<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string; fields?: Record<string, string>; id?: string } };

export interface TestEmulator extends Emulator {
  dataDir: string;
  /** Calls the api as a demo persona (its slug, e.g. "sport_officer"), a raw "openid:xyz", or nobody (null). */
  as<T = unknown>(who: string | null, action: string, input?: unknown): Promise<Envelope<T>>;
}

export async function startTestEmulator(opts: Partial<StartOptions> = {}): Promise<TestEmulator> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lingyan-test-'));
  const emu = await startEmulator({ dataDir, seed: 'base', functions: 'source', ...opts });
  const closeEmulator = emu.close;
  return Object.assign(emu, {
    dataDir,
    async as<T>(who: string | null, action: string, input: unknown = {}) {
      const openid =
        who === null ? undefined : who.startsWith('openid:') ? who.slice('openid:'.length) : demoOpenid(who);
      return (await emu.call(action, input, openid)).body as Envelope<T>;
    },
    async close() {
      await closeEmulator();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

export function expectOk<T>(env: Envelope<T>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.error.code}: ${env.error.message}`);
  return env.data;
}

export function errorCode(env: Envelope): string | null {
  return env.ok ? null : env.error.code;
}
