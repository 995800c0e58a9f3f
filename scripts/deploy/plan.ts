/**
 * The deploy planner: desired state (from the repository) + current state (what the environment reports) → plan.
 * Pure: no network, no clock, no randomness. The executor (./execute.ts) carries a plan out; the same plan is what
 * `--dry-run` prints. Secret values never appear in a plan: only whether a variable is generated or kept.
 */
import type { CollectionSpec, DesiredState, FunctionSpec, IndexSpec, Trigger } from './desired';
import { VARIABLES } from './desired';

export interface CurrentFunction {
  runtime?: string;
  timeout: number;
  memorySize: number;
  triggers: Trigger[];
  /** Names of the variables set on the function (secret values stay with the executor, never in a plan). */
  variables: string[];
  /** Values of the function's non-secret variables (storage-file and provided kinds). */
  settings?: Record<string, string>;
  /** Digest of the deployed code package, as the deploy recorded it in the function's description. */
  codeDigest: string | null;
}

export interface CurrentCollection {
  indexes: IndexSpec[];
  /** The security rule JSON text, or null when the collection has a preset permission instead. */
  rule: string | null;
}

export interface CurrentState {
  functions: Record<string, CurrentFunction>;
  collections: Record<string, CurrentCollection>;
  /** The storage bucket's security rule (null: a preset permission; absent: not read, e.g. a dry run's empty state). */
  storageRule?: string | null;
}

export const EMPTY_STATE: CurrentState = { functions: {}, collections: {} };

export type StepKind =
  | 'function.create'
  | 'function.code'
  | 'function.config'
  | 'function.variables'
  | 'trigger.create'
  | 'trigger.replace'
  | 'collection.create'
  | 'index.create'
  | 'rule.set'
  | 'storage.rule';

/** Something the plan changes. */
export interface Step {
  kind: StepKind;
  /** Function or collection name. */
  target: string;
  /** Index, trigger or variable names the step is about. */
  item?: string;
  /** One line for people. */
  detail: string;
}

/** Something the plan will not do and a person must decide (e.g. an index that differs would need dropping). */
export interface Problem {
  target: string;
  item?: string;
  detail: string;
}

export interface Plan {
  steps: Step[];
  /** What already matches, one line each (so a second run can say it left everything as it was). */
  unchanged: string[];
  problems: Problem[];
  /** Variables to generate on this deploy, per function (names only). */
  generate: Record<string, string[]>;
  /** Non-secret variables to set on this deploy, per function, with their values. */
  set: Record<string, Record<string, string>>;
}

export interface PlanInput {
  desired: DesiredState;
  current: CurrentState;
  /** Digest of each function's built code package; absent in a dry run that did not build. */
  codeDigests?: Record<string, string>;
  /** Values of the non-secret variables (desired.ts settingsFrom). */
  settings?: Record<string, string>;
}

export function planDeploy({ desired, current, codeDigests = {}, settings = {} }: PlanInput): Plan {
  const plan: Plan = { steps: [], unchanged: [], problems: [], generate: {}, set: {} };
  for (const fn of desired.functions) {
    planFunction(plan, fn, current.functions[fn.name], codeDigests[fn.name], settings);
  }
  for (const c of desired.collections) planCollection(plan, c, current.collections[c.name]);
  const storage = current.storageRule ?? null;
  if (normaliseRule(storage) !== normaliseRule(desired.storageRule)) {
    plan.steps.push({
      kind: 'storage.rule',
      target: 'storage',
      detail: `set security rule of the storage bucket to ${desired.storageRule}${storage ? ` (was ${storage})` : ''}`,
    });
  } else plan.unchanged.push(`rule storage: ${desired.storageRule}`);
  return plan;
}

function planFunction(
  plan: Plan,
  fn: FunctionSpec,
  cur: CurrentFunction | undefined,
  digest: string | undefined,
  settings: Record<string, string>,
) {
  const config = `timeout ${fn.timeout}s, memory ${fn.memorySize} MB, runtime ${fn.runtime}`;
  const openapi = fn.openapi.length > 0 ? `; openapi ${fn.openapi.join(', ')} (config.json in the package)` : '';
  if (!cur) {
    plan.steps.push({
      kind: 'function.create',
      target: fn.name,
      detail: `create function ${fn.name}: ${config}${openapi}`,
    });
    for (const t of fn.triggers) {
      plan.steps.push({ kind: 'trigger.create', target: fn.name, item: t.name, detail: triggerText(fn.name, t) });
    }
    planVariables(plan, fn, undefined, settings);
    return;
  }
  if (digest === undefined || cur.codeDigest !== digest) {
    plan.steps.push({
      kind: 'function.code',
      target: fn.name,
      detail:
        digest === undefined
          ? `upload code of ${fn.name} (built at deploy time; compared by digest then)`
          : `upload code of ${fn.name} (${cur.codeDigest ? `digest ${cur.codeDigest} → ${digest}` : `digest ${digest}`})${openapi}`,
    });
  } else plan.unchanged.push(`function ${fn.name}: code ${digest}`);
  if (cur.timeout !== fn.timeout || cur.memorySize !== fn.memorySize) {
    plan.steps.push({
      kind: 'function.config',
      target: fn.name,
      detail: `configure ${fn.name}: timeout ${cur.timeout}s → ${fn.timeout}s, memory ${cur.memorySize} → ${fn.memorySize} MB`,
    });
  } else plan.unchanged.push(`function ${fn.name}: timeout ${fn.timeout}s, memory ${fn.memorySize} MB`);
  if (cur.runtime && cur.runtime !== fn.runtime) {
    plan.problems.push({
      target: fn.name,
      detail: `${fn.name} runs ${cur.runtime}, the build targets ${fn.runtime}: a runtime is fixed at creation; delete and redeploy the function to change it`,
    });
  }
  for (const t of fn.triggers) {
    const have = cur.triggers.find((x) => x.name === t.name);
    if (!have)
      plan.steps.push({ kind: 'trigger.create', target: fn.name, item: t.name, detail: triggerText(fn.name, t) });
    else if (have.type !== t.type || have.config !== t.config) {
      plan.steps.push({
        kind: 'trigger.replace',
        target: fn.name,
        item: t.name,
        detail: `replace trigger ${fn.name}/${t.name}: ${have.type} "${have.config}" → ${t.type} "${t.config}"`,
      });
    } else plan.unchanged.push(`trigger ${fn.name}/${t.name}: ${t.type} "${t.config}"`);
  }
  for (const t of cur.triggers) {
    if (!fn.triggers.some((x) => x.name === t.name)) {
      plan.problems.push({
        target: fn.name,
        item: t.name,
        detail: `trigger ${fn.name}/${t.name} is not in config.json; left in place (delete it in the console if it is stale)`,
      });
    }
  }
  planVariables(plan, fn, cur, settings);
}

function triggerText(fn: string, t: Trigger): string {
  return `create trigger ${fn}/${t.name}: ${t.type} "${t.config}"`;
}

function planVariables(
  plan: Plan,
  fn: FunctionSpec,
  cur: CurrentFunction | undefined,
  settings: Record<string, string>,
) {
  const present = cur?.variables ?? [];
  const specs = VARIABLES.filter((v) => fn.variables.includes(v.name));
  const secrets = specs.filter((v) => v.kind === 'secret' || v.kind === 'setup');
  const missing = secrets.filter((v) => !present.includes(v.name)).map((v) => v.name);
  const kept = secrets.filter((v) => present.includes(v.name)).map((v) => v.name);
  const set: Record<string, string> = {};
  const left: string[] = [];
  for (const v of specs.filter((x) => x.kind === 'storage-file' || x.kind === 'provided')) {
    const want = settings[v.name];
    const have = cur?.settings?.[v.name];
    if (want !== undefined && want !== have) set[v.name] = want;
    else if (want !== undefined || have !== undefined) left.push(`${v.name}=${have ?? want}`);
    else {
      plan.problems.push({
        target: fn.name,
        item: v.name,
        detail:
          v.kind === 'provided'
            ? `${v.name} is not set on ${fn.name} (${v.why}): run the deploy with ${v.name}=<value> in your shell`
            : `${v.name} is not set on ${fn.name}: the environment reports no storage bucket`,
      });
    }
  }
  const parts: string[] = [];
  if (missing.length > 0) {
    plan.generate[fn.name] = missing;
    parts.push(
      ...missing.map(
        (n) =>
          `${n} (${VARIABLES.find((s) => s.name === n)?.kind === 'setup' ? 'generate, shown once' : 'generate, never shown'})`,
      ),
    );
  }
  if (Object.keys(set).length > 0) {
    plan.set[fn.name] = set;
    parts.push(
      ...Object.entries(set).map(([k, v]) => `${k}=${v}${cur?.settings?.[k] ? ` (was ${cur.settings[k]})` : ''}`),
    );
  }
  if (parts.length > 0) {
    plan.steps.push({
      kind: 'function.variables',
      target: fn.name,
      item: [...missing, ...Object.keys(set)].join(','),
      detail: `set variables on ${fn.name}: ${parts.join(', ')}${kept.length > 0 ? `; keep ${kept.join(', ')}` : ''}`,
    });
  } else if (kept.length + left.length > 0) {
    plan.unchanged.push(`function ${fn.name}: variables ${[...kept, ...left].join(', ')} kept`);
  }
}

function sameKeys(a: Record<string, number>, b: Record<string, number>): boolean {
  const ea = Object.entries(a);
  const eb = Object.entries(b);
  return ea.length === eb.length && ea.every(([k, v], i) => eb[i][0] === k && Number(eb[i][1]) === Number(v));
}

function keysText(i: IndexSpec): string {
  return `${Object.entries(i.keys)
    .map(([k, v]) => `${k} ${v === 1 ? 'asc' : 'desc'}`)
    .join(', ')}${i.unique ? ', unique' : ''}`;
}

function planCollection(plan: Plan, c: CollectionSpec, cur: CurrentCollection | undefined) {
  if (!cur) plan.steps.push({ kind: 'collection.create', target: c.name, detail: `create collection ${c.name}` });
  for (const i of c.indexes) {
    const have = cur?.indexes.find((x) => x.name === i.name);
    if (!have) {
      plan.steps.push({
        kind: 'index.create',
        target: c.name,
        item: i.name,
        detail: `create index ${c.name}.${i.name} (${keysText(i)})`,
      });
    } else if (!sameKeys(have.keys, i.keys) || have.unique !== i.unique) {
      plan.problems.push({
        target: c.name,
        item: i.name,
        detail: `index ${c.name}.${i.name} is (${keysText(have)}), the spec says (${keysText(i)}): changing it means dropping it, which the deploy never does; drop it in the console, then deploy again`,
      });
    } else plan.unchanged.push(`index ${c.name}.${i.name} (${keysText(i)})`);
  }
  for (const i of cur?.indexes ?? []) {
    if (i.name === '_id_' || c.indexes.some((x) => x.name === i.name)) continue;
    plan.problems.push({
      target: c.name,
      item: i.name,
      detail: `index ${c.name}.${i.name} is not in database/indexes.json; left in place`,
    });
  }
  if (!cur || normaliseRule(cur.rule) !== normaliseRule(c.rule)) {
    plan.steps.push({
      kind: 'rule.set',
      target: c.name,
      detail: `set security rule of ${c.name} to ${c.rule}${cur ? ` (was ${cur.rule ?? 'a preset permission'})` : ''}`,
    });
  } else plan.unchanged.push(`rule ${c.name}: ${c.rule}`);
}

function normaliseRule(rule: string | null): string | null {
  if (rule === null) return null;
  try {
    const parsed = JSON.parse(rule) as Record<string, unknown>;
    return JSON.stringify(Object.fromEntries(Object.entries(parsed).sort(([a], [b]) => a.localeCompare(b))));
  } catch {
    return rule;
  }
}

/** The plan for people: what changes, what is left, what needs a decision. */
export function planText(plan: Plan, envId: string): string {
  const lines = [`Plan for CloudBase environment ${envId}:`];
  if (plan.steps.length === 0) lines.push('  nothing to change: the environment matches the repository.');
  for (const s of plan.steps) lines.push(`  + ${s.detail}`);
  if (plan.unchanged.length > 0) lines.push(`  = ${plan.unchanged.length} item(s) already as specified`);
  for (const p of plan.problems) lines.push(`  ! ${p.detail}`);
  return lines.join('\n');
}
