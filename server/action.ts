/**
 * An action declares everything about itself in one place: its name (whose input schema lives in
 * typings/actions), who may call it, the error codes it can return, and what it does.
 */
import type { ActionName, Output, Parsed } from '../typings/actions';
import type { ErrorCode } from '../typings/errors';
import type { Actor } from './actor';
import type { Permission } from './domain/org/permissions';
import type { Ports } from './ports';
import type { Store, Tx } from './store';

/**
 * - anyone: any caller with a WeChat identity, bound or not (e.g. reading one's own state, submitting a binding).
 * - member: a bound person.
 * - permission: a bound person holding the permission in some unit. The handler then narrows to the
 *   target's scope with `ctx.actor.authorize(permission, scope)` once it has loaded the target.
 */
export type Access = { kind: 'anyone' } | { kind: 'member' } | { kind: 'permission'; permission: Permission };

export interface ActionContext {
  actor: Actor;
  store: Store;
  ports: Ports;
  /** The instant this invocation runs at (from the clock port, read once). */
  now: Date;
  /** `now` as a Shanghai calendar date, YYYY-MM-DD. */
  today: string;
  /** `now` as ISO +08:00. */
  nowIso: string;
  /**
   * Runs `fn` in one transaction with its audit entries, attributed to the caller. With `anonymous`, the
   * entries are recorded with actorId null (an anonymous objection): they still chain, only the attribution
   * is dropped, so the audit trail cannot name the person.
   */
  write<R>(fn: (tx: Tx) => Promise<R>, opts?: WriteAs): Promise<R>;
}

export interface WriteAs {
  anonymous?: boolean;
}

export interface ActionDef<A extends ActionName> {
  name: A;
  /** One line for the API reference. */
  summary: string;
  access: Access;
  /** Codes this action's handler can return, beyond the pipeline's own (BAD_INPUT, FORBIDDEN, ...). */
  errors: readonly ErrorCode[];
  run(ctx: ActionContext, input: Parsed<A>): Promise<Output<A>>;
}

export function defineAction<A extends ActionName>(def: ActionDef<A>): ActionDef<A> {
  return def;
}

/** Error codes the pipeline itself can return for any action. */
export const PIPELINE_ERRORS: readonly ErrorCode[] = [
  'UNAUTHENTICATED',
  'UNKNOWN_ACTION',
  'BAD_INPUT',
  'INPUT_TOO_LARGE',
  'INTERNAL',
  'BUSY',
];

export function accessErrors(access: Access): ErrorCode[] {
  if (access.kind === 'anyone') return [];
  if (access.kind === 'member') return ['NOT_BOUND'];
  return ['NOT_BOUND', 'FORBIDDEN'];
}
