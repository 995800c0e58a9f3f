/**
 * Integration tests start a real emulator (random port, own temp data folder) with the demo school, and
 * call the production `api` function through the function host — the same path as the mini-program.
 *
 * The client is typed by the action contract (typings/actions), like the mini-program's own seam:
 *   const r = await emu.call('sport_officer', 'votes.create', { unitId, kind: 'acceptance', ... });
 *   r.ok && r.data.voteId;               // Result<Output<'votes.create'>>
 *   await emu.raw('sport_officer', 'votes.create', { kind: 'no_such_kind' });   // bad input on purpose
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Emulator, type StartOptions, startEmulator } from '../../emulator';
import { demoOpenid } from '../../emulator/demo/school';
import type { ActionName, Input, Output } from '../../typings/actions';
import type { ErrorCode, Result } from '../../typings/errors';

export type Envelope<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string; fields?: Record<string, string>; id?: string } };

/** A demo persona's slug (e.g. "sport_officer"), a raw "openid:xyz", or nobody (null). */
export type Who = string | null;

export interface TestEmulator extends Omit<Emulator, 'call'> {
  dataDir: string;
  /** Calls `action` as `who` with the input its schema takes; the reply is the action's own `Result<Output>`. */
  call<A extends ActionName>(who: Who, action: A, input: Input<A>): Promise<Result<Output<A>>>;
  /** The same with any input at all, for tests that send what the schema refuses. */
  raw<A extends ActionName>(who: Who, action: A, input: unknown): Promise<Result<Output<A>>>;
  /** Untyped call, for actions or shapes outside the contract. Prefer `call` (or `raw` for bad input). */
  as<T = unknown>(who: Who, action: string, input?: unknown): Promise<Envelope<T>>;
  /** The transport underneath: the reply body, the database round trips and the storage calls the invocation cost. */
  invoke(
    action: string,
    input: unknown,
    who: Who,
  ): Promise<{ body: unknown; roundTrips: number; storageCalls: number }>;
}

function openidOf(who: Who): string | undefined {
  if (who === null) return undefined;
  return who.startsWith('openid:') ? who.slice('openid:'.length) : demoOpenid(who);
}

export async function startTestEmulator(opts: Partial<StartOptions> = {}): Promise<TestEmulator> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lingyan-test-'));
  const emu = await startEmulator({ dataDir, seed: 'base', functions: 'source', ...opts });
  const transport = emu.call;
  const invoke = (action: string, input: unknown, who: Who) => transport(action, input, openidOf(who));
  const send = async (who: Who, action: string, input: unknown) => (await invoke(action, input, who)).body;
  const { call: _transport, ...rest } = emu;
  return Object.assign(rest, {
    dataDir,
    invoke,
    call: <A extends ActionName>(who: Who, action: A, input: Input<A>) =>
      send(who, action, input) as Promise<Result<Output<A>>>,
    raw: <A extends ActionName>(who: Who, action: A, input: unknown) =>
      send(who, action, input) as Promise<Result<Output<A>>>,
    as: <T>(who: Who, action: string, input: unknown = {}) => send(who, action, input) as Promise<Envelope<T>>,
    async close() {
      await emu.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

export function expectOk<T>(env: Envelope<T> | Result<T>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.error.code}: ${env.error.message}`);
  return env.data;
}

/** The error code of a refused call (null when it succeeded), typed by the contract's codes. */
export function errorCode(env: Envelope | Result<unknown>): ErrorCode | null {
  return env.ok ? null : (env.error.code as ErrorCode);
}
