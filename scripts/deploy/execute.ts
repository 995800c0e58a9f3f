/**
 * The thin executor over @cloudbase/manager-node 5.x: reads what the environment has (current state) and carries out
 * a plan step by step. Every call used here was read in the library's lib/{function,database,permission}/index.js:
 *   functions.getFunctionDetail(name) → SCF GetFunction (Timeout, MemorySize, Runtime, Triggers, Environment, Description)
 *   functions.createFunction({func, functionRootPath}) → packs <root>/<name>, CreateFunction, waits, creates triggers
 *   functions.updateFunctionCode({func, functionRootPath}) / updateFunctionConfig(func) (Environment is replaced
 *     whole, so every variable is sent, old values included) / createFunctionTriggers / deleteFunctionTrigger
 *   database.listCollections / describeCollection (Indexes: Name, Keys[{Name, Direction}], Unique) /
 *     createCollection / updateCollection(name, {CreateIndexes: [{IndexName, MgoKeySchema}]})
 *   permission.describeResourcePermission / modifyResourcePermission({resourceType: 'collection', permission: 'CUSTOM',
 *     securityRule})
 * Secret values live only in this module's memory between reading and writing a function's environment.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DesiredState, FunctionSpec, IndexSpec, Trigger } from './desired';
import { ROOT, VARIABLES } from './desired';
import type { CurrentState, Plan } from './plan';

// biome-ignore lint/suspicious/noExplicitAny: manager-node's typings are partial; the calls are listed above
type Manager = any;

export const CODE_TAG = 'lingyan-code:';

export interface Observed {
  state: CurrentState;
  /** The environment's storage bucket (the storage rule's resource), when it has one. */
  bucket?: string | null;
  /** Variable values per function, to send back unchanged (never printed). */
  values: Record<string, Record<string, string>>;
}

function notFound(e: unknown): boolean {
  const code = String((e as { code?: unknown })?.code ?? '');
  const msg = String((e as { message?: unknown })?.message ?? '');
  return /ResourceNotFound/i.test(code) || /ResourceNotFound|not exist|不存在/i.test(msg);
}

function triggerOf(t: { TriggerName: string; Type: string; TriggerDesc: string }): Trigger {
  let config = t.TriggerDesc;
  try {
    const parsed = JSON.parse(t.TriggerDesc) as { cron?: string };
    if (parsed && typeof parsed.cron === 'string') config = parsed.cron;
  } catch {
    // a plain cron expression
  }
  return { name: t.TriggerName, type: t.Type, config };
}

export async function readCurrent(
  app: Manager,
  desired: DesiredState,
  bucket: string | null = null,
): Promise<Observed> {
  const state: CurrentState = { functions: {}, collections: {} };
  if (bucket) {
    const res = await app.permission.describeResourcePermission({ resourceType: 'storage', resources: [bucket] });
    const p = (res.Data?.PermissionList ?? [])[0];
    state.storageRule = p?.Permission === 'CUSTOM' && p.SecurityRule ? p.SecurityRule : null;
  }
  const values: Observed['values'] = {};
  for (const fn of desired.functions) {
    let info: Manager;
    try {
      info = await app.functions.getFunctionDetail(fn.name);
    } catch (e) {
      if (notFound(e)) continue;
      throw e;
    }
    const vars: Record<string, string> = {};
    for (const v of info.Environment?.Variables ?? []) vars[v.Key] = String(v.Value);
    values[fn.name] = vars;
    const desc = String(info.Description ?? '');
    state.functions[fn.name] = {
      runtime: info.Runtime,
      timeout: Number(info.Timeout),
      memorySize: Number(info.MemorySize),
      triggers: (info.Triggers ?? []).map(triggerOf),
      variables: Object.keys(vars),
      settings: Object.fromEntries(
        VARIABLES.filter((v) => (v.kind === 'storage-file' || v.kind === 'provided') && vars[v.name] !== undefined).map(
          (v) => [v.name, vars[v.name]],
        ),
      ),
      codeDigest: desc.startsWith(CODE_TAG) ? desc.slice(CODE_TAG.length).trim() : null,
    };
  }
  const existing = new Set<string>();
  for (let offset = 0; ; offset += 100) {
    const res = await app.database.listCollections({ MgoOffset: offset, MgoLimit: 100 });
    for (const c of res.Collections ?? []) existing.add(c.CollectionName);
    if ((res.Collections ?? []).length < 100) break;
  }
  const names = desired.collections.map((c) => c.name).filter((n) => existing.has(n));
  const rules = new Map<string, string | null>();
  if (names.length > 0) {
    const res = await app.permission.describeResourcePermission({ resourceType: 'collection', resources: names });
    for (const p of res.Data?.PermissionList ?? []) {
      rules.set(p.Resource, p.Permission === 'CUSTOM' && p.SecurityRule ? p.SecurityRule : null);
    }
  }
  for (const name of names) {
    const info = await app.database.describeCollection(name);
    const indexes: IndexSpec[] = (info.Indexes ?? []).map(
      (i: { Name: string; Keys: { Name: string; Direction: string }[]; Unique: boolean }) => ({
        name: i.Name,
        keys: Object.fromEntries(i.Keys.map((k) => [k.Name, Number(k.Direction) === -1 ? -1 : 1])),
        unique: i.Unique === true,
      }),
    );
    state.collections[name] = { indexes, rule: rules.get(name) ?? null };
  }
  return { state, values, bucket };
}

/** Digest of a built function package (what the description records, so a second run skips an unchanged upload). */
export function codeDigest(dir: string): string {
  const h = createHash('sha256');
  for (const f of ['index.js', 'config.json', 'package.json']) {
    const p = path.join(dir, f);
    h.update(`${f}\0`);
    if (fs.existsSync(p)) h.update(fs.readFileSync(p));
  }
  return h.digest('hex').slice(0, 16);
}

export function generateSecret(): string {
  return randomBytes(32).toString('base64url');
}

export interface ExecuteResult {
  done: string[];
  /** Setup codes generated now: shown once, by the caller, and never again. */
  shownOnce: Record<string, string>;
}

export async function execute(
  app: Manager,
  desired: DesiredState,
  plan: Plan,
  observed: Observed,
  codeDigests: Record<string, string>,
  log: (line: string) => void,
  buildRoot = path.join(ROOT, 'build/functions'),
): Promise<ExecuteResult> {
  const done: string[] = [];
  const shownOnce: Record<string, string> = {};
  const fnSpec = (name: string): FunctionSpec => desired.functions.find((f) => f.name === name)!;
  const generated: Record<string, Record<string, string>> = {};
  for (const [fn, names] of Object.entries(plan.generate)) {
    generated[fn] = {};
    for (const n of names) {
      // A secret shared by several functions gets one value: reuse one already set on another function.
      const elsewhere = Object.values(observed.values).find((v) => v[n] !== undefined)?.[n];
      const already = Object.values(generated).find((g) => g[n] !== undefined)?.[n];
      const value = elsewhere ?? already ?? generateSecret();
      generated[fn][n] = value;
      if (VARIABLES.find((v) => v.name === n)?.kind === 'setup' && !elsewhere) shownOnce[n] = value;
    }
  }
  const allVariables = (fn: string) => ({
    ...(observed.values[fn] ?? {}),
    ...(generated[fn] ?? {}),
    ...(plan.set[fn] ?? {}),
  });
  const description = (fn: string) => `${CODE_TAG}${codeDigests[fn]}`;
  const run = async (line: string, f: () => Promise<unknown>) => {
    log(`… ${line}`);
    await f();
    done.push(line);
  };
  for (const s of plan.steps) {
    const spec = s.kind.startsWith('function') || s.kind.startsWith('trigger') ? fnSpec(s.target) : null;
    switch (s.kind) {
      case 'function.create':
        await run(s.detail, () =>
          app.functions.createFunction({
            func: {
              name: spec!.name,
              runtime: spec!.runtime,
              handler: 'index.main',
              timeout: spec!.timeout,
              memorySize: spec!.memorySize,
              installDependency: true,
              description: description(spec!.name),
              envVariables: allVariables(spec!.name),
              triggers: spec!.triggers,
            },
            functionRootPath: buildRoot,
            force: false,
          }),
        );
        break;
      case 'function.code':
        await run(s.detail, async () => {
          await app.functions.updateFunctionCode({
            func: { name: spec!.name, installDependency: true },
            functionRootPath: buildRoot,
          });
          await app.functions.waitFunctionActive(spec!.name);
          await app.functions.updateFunctionConfig({ name: spec!.name, description: description(spec!.name) });
        });
        break;
      case 'function.config':
        await run(s.detail, () =>
          app.functions.updateFunctionConfig({
            name: spec!.name,
            timeout: spec!.timeout,
            memorySize: spec!.memorySize,
          }),
        );
        break;
      case 'function.variables':
        if (plan.steps.some((x) => x.kind === 'function.create' && x.target === s.target)) {
          done.push(s.detail); // set by createFunction
          break;
        }
        await run(s.detail, () =>
          app.functions.updateFunctionConfig({ name: spec!.name, envVariables: allVariables(spec!.name) }),
        );
        break;
      case 'trigger.create':
        if (plan.steps.some((x) => x.kind === 'function.create' && x.target === s.target)) {
          done.push(s.detail); // created by createFunction
          break;
        }
        await run(s.detail, () =>
          app.functions.createFunctionTriggers(
            spec!.name,
            spec!.triggers.filter((t) => t.name === s.item),
          ),
        );
        break;
      case 'trigger.replace':
        await run(s.detail, async () => {
          await app.functions.deleteFunctionTrigger(spec!.name, s.item);
          await app.functions.createFunctionTriggers(
            spec!.name,
            spec!.triggers.filter((t) => t.name === s.item),
          );
        });
        break;
      case 'collection.create':
        await run(s.detail, () => app.database.createCollection(s.target));
        break;
      case 'index.create': {
        const idx = desired.collections.find((c) => c.name === s.target)!.indexes.find((i) => i.name === s.item)!;
        await run(s.detail, () =>
          app.database.updateCollection(s.target, {
            CreateIndexes: [
              {
                IndexName: idx.name,
                MgoKeySchema: {
                  MgoIndexKeys: Object.entries(idx.keys).map(([k, v]) => ({ Name: k, Direction: String(v) })),
                  MgoIsUnique: idx.unique,
                },
              },
            ],
          }),
        );
        break;
      }
      case 'storage.rule':
        if (!observed.bucket) throw new Error('the environment reports no storage bucket');
        await run(s.detail, () =>
          app.permission.modifyResourcePermission({
            resourceType: 'storage',
            resource: observed.bucket,
            permission: 'CUSTOM',
            securityRule: desired.storageRule,
          }),
        );
        break;
      case 'rule.set': {
        const rule = desired.collections.find((c) => c.name === s.target)!.rule;
        await run(s.detail, () =>
          app.permission.modifyResourcePermission({
            resourceType: 'collection',
            resource: s.target,
            permission: 'CUSTOM',
            securityRule: rule,
          }),
        );
        break;
      }
    }
  }
  return { done, shownOnce };
}
