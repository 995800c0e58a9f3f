/**
 * The one path every call takes: identity → strict input parse → permission gate → handler → one error mapper.
 * Identity is the WeChat openid handed in by the function entry (from cloud.getWXContext()), never from input.
 */
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
// A named import lets the bundler drop every other language (z.locales would add about 260 KB).
import { zhCN } from 'zod/v4/locales';
import { type ActionName, schemas } from '../typings/actions';
import { ERROR_MESSAGES, type Result } from '../typings/errors';
import type { ActionContext, ActionDef } from './action';
import { loadActor } from './actor';
import { DomainError } from './domain/errors';
import { shanghaiDate, shanghaiIso } from './domain/time';
import type { Ports } from './ports';
import type { Store } from './store';

z.config(zhCN());

/** Largest accepted input, serialized. Anything bigger is refused before parsing. */
export const MAX_INPUT_BYTES = 64 * 1024;

export type ActionTable = { [A in ActionName]: ActionDef<A> };

export interface Invocation {
  openid: string | undefined;
  store: Store;
  ports: Ports;
  /** Where unexpected failures are logged (console.error in a cloud function). */
  log?: (message: string, detail: unknown) => void;
}

export async function dispatch(actions: ActionTable, event: unknown, inv: Invocation): Promise<Result<unknown>> {
  const log = inv.log ?? ((m, d) => console.error(m, d));
  try {
    if (!inv.openid) throw new DomainError('UNAUTHENTICATED');
    if (!event || typeof event !== 'object') throw new DomainError('BAD_INPUT');
    const { action, input } = event as { action?: unknown; input?: unknown };
    if (typeof action !== 'string' || !Object.hasOwn(actions, action)) throw new DomainError('UNKNOWN_ACTION');
    const name = action as ActionName;
    if (input !== undefined && byteLength(input) > MAX_INPUT_BYTES) throw new DomainError('INPUT_TOO_LARGE');

    const parsed = schemas[name].safeParse(input ?? {});
    if (!parsed.success) throw new DomainError('BAD_INPUT', undefined, fieldMessages(parsed.error));

    const now = inv.ports.clock.now();
    const today = shanghaiDate(now);
    const nowIso = shanghaiIso(now);
    const actor = await loadActor(inv.store, inv.openid, today);
    const def = actions[name] as ActionDef<ActionName>;
    if (def.access.kind !== 'anyone') actor.requirePerson();
    if (def.access.kind === 'permission' && !actor.holdsAnywhere(def.access.permission)) {
      throw new DomainError('FORBIDDEN');
    }
    const ctx: ActionContext = {
      actor,
      store: inv.store,
      ports: inv.ports,
      now,
      today,
      nowIso,
      write: (fn, as) => inv.store.write({ actorId: as?.anonymous ? null : actor.personId, at: nowIso }, fn),
    };
    // biome-ignore lint/suspicious/noExplicitAny: the table guarantees def matches name's parsed input
    const data = await def.run(ctx, parsed.data as any);
    return { ok: true, data };
  } catch (err) {
    if (err instanceof DomainError) {
      return {
        ok: false,
        error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) },
      };
    }
    const id = randomUUID().slice(0, 8);
    log(`[lingyan] unexpected error ${id}`, err);
    return { ok: false, error: { code: 'INTERNAL', message: `${ERROR_MESSAGES.INTERNAL}（编号 ${id}）`, id } };
  }
}

function byteLength(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function fieldMessages(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : issue.code === 'unrecognized_keys' ? 'input' : 'input';
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) fields[k] ??= '不支持的字段';
      continue;
    }
    fields[key] ??= issue.message;
  }
  return fields;
}
