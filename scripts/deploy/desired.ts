/**
 * What a CloudBase environment must hold, read from the repository: the functions (cloudfunctions/<name>/config.json),
 * the collections with their indexes and security rules (database/indexes.json), and the environment variables the
 * functions read. Pure file reads, no network.
 */
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/**
 * The function runtime: Node 20, what the repository runs and is tested on (package.json engines) and
 * manager-node 5.x's own default. The bundles target node16 syntax (scripts/build.ts), which Node 20 runs.
 */
export const RUNTIME = 'Nodejs20.19';
/** Memory when a function's config.json does not say (MB). */
export const DEFAULT_MEMORY_MB = 256;

export interface Trigger {
  name: string;
  type: string;
  config: string;
}

/**
 * How a variable's value comes about.
 * - `secret`: a strong random value generated on the first deploy and kept ever after, never printed.
 * - `setup`: the same, but printed once when generated, because a person must type it (admin.bootstrap).
 * - `storage-file`: the cloud storage fileID of `path` in the environment's bucket, derived from the environment.
 * - `provided`: a setting only the school has (e.g. a subscribe message template id from the mini-program admin
 *   console), taken from the deployer's shell variable of the same name; not secret, shown in the plan.
 * Existing values of secrets are always kept: the deploy never rotates a secret.
 */
export type VariableKind = 'secret' | 'setup' | 'storage-file' | 'provided';

export interface VariableSpec {
  name: string;
  kind: VariableKind;
  functions: string[];
  why: string;
  /** For `storage-file`: the object's path in the bucket. */
  path?: string;
}

/**
 * Every LINGYAN_ variable the deployed functions read. tests/unit/deploy checks this list against the code, so a
 * variable read in server/ or cloudfunctions/ but missing here fails the tests.
 */
export const VARIABLES: VariableSpec[] = [
  {
    name: 'LINGYAN_SETUP_CODE',
    kind: 'setup',
    functions: ['api'],
    why: 'admin.bootstrap: the first administrator proves they hold it, once',
  },
  {
    name: 'LINGYAN_OBJECTION_SECRET',
    kind: 'secret',
    functions: ['api', 'scheduler'],
    why: 'keyed digest of an objection author; changing it orphans objections',
  },
  {
    name: 'LINGYAN_AUDIT_SECRET',
    kind: 'secret',
    functions: ['api', 'scheduler'],
    why: 'key of the audit chain and its checkpoint; every audited write and the daily check need it',
  },
  {
    name: 'LINGYAN_ROSTER_SECRET',
    kind: 'secret',
    functions: ['api'],
    why: 'keys the digest of the ID-number digits a roster may carry as the second factor of a binding',
  },
  {
    name: 'LINGYAN_CHECKIN_SECRET',
    kind: 'secret',
    functions: ['api'],
    why: 'signs the rotating check-in codes of training sessions and vote meetings; without it no code is issued or accepted',
  },
  {
    name: 'LINGYAN_AUDIT_CHECKPOINT_FILE',
    kind: 'storage-file',
    functions: ['api', 'scheduler'],
    why: 'where verification finds the signed audit checkpoint without asking the database',
    path: 'lingyan-audit/checkpoint.json',
  },
  {
    name: 'LINGYAN_TEMPLATE_WINDOW_MOVED',
    kind: 'provided',
    functions: ['scheduler'],
    why: 'subscribe message template id (公示期调整提醒: thing1 title, date2 new last day, thing3 remark) from the mini-program admin console',
  },
  {
    name: 'LINGYAN_TEMPLATE_TRAINING_PROMOTED',
    kind: 'provided',
    functions: ['api'],
    why: 'subscribe message template id that tells a trainee they moved from the waitlist to a place',
  },
  {
    name: 'LINGYAN_TEMPLATE_PIPELINE_DUE',
    kind: 'provided',
    functions: ['api', 'scheduler'],
    why: 'subscribe message template id (发展党员事项提醒: thing1 name and branch, thing2 item, date3 due day, thing4 remark) the to-do page asks to accept and the reminder job sends',
  },
];

/** The values of the non-secret variables: `provided` ones from the deployer's shell, `storage-file` ones from the bucket. */
export function settingsFrom(shell: NodeJS.ProcessEnv, envId: string, bucket: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of VARIABLES) {
    if (v.kind === 'provided' && shell[v.name]) out[v.name] = String(shell[v.name]);
    if (v.kind === 'storage-file' && bucket) out[v.name] = `cloud://${envId}.${bucket}/${v.path}`;
  }
  return out;
}

/**
 * Read by the code but set only by the local emulator's function host, or read by the emulator itself
 * (LINGYAN_EMULATOR_CONFLICTS: its transactions conflict as CloudBase's do); never deployed.
 */
export const EMULATOR_ONLY_VARIABLES = ['LINGYAN_EMULATOR_URL', 'LINGYAN_NOW', 'LINGYAN_EMULATOR_CONFLICTS'];

export interface FunctionSpec {
  name: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  triggers: Trigger[];
  /** WeChat openapi calls the function makes (config.json permissions.openapi); they travel in the code package. */
  openapi: string[];
  variables: string[];
}

export interface IndexSpec {
  name: string;
  keys: Record<string, 1 | -1>;
  unique: boolean;
}

export interface CollectionSpec {
  name: string;
  indexes: IndexSpec[];
  /** The security rule as CloudBase stores it (JSON text). */
  rule: string;
}

export interface DesiredState {
  functions: FunctionSpec[];
  collections: CollectionSpec[];
  /** The security rule of the environment's storage bucket (JSON text). */
  storageRule: string;
}

/**
 * The bucket is closed to clients except for their own uploads: the mini-program uploads a showcase image, a freshmen
 * workbook or a case's attachment with wx.cloud.uploadFile, and may read back or replace only a file it created
 * (CloudBase's "仅创建者可读写"). Every other file — the signed audit checkpoint, the generated forms, anyone else's
 * upload — only the functions read, and they hand out short-lived links after their own scope check; a client cannot
 * overwrite a file the functions wrote (its owner is not the client).
 */
export const STORAGE_RULE = JSON.stringify({
  read: 'resource.openid == auth.openid',
  write: 'resource.openid == auth.openid',
});

interface FunctionConfigFile {
  timeout?: number;
  memorySize?: number;
  triggers?: Trigger[];
  permissions?: { openapi?: string[] };
}

interface IndexFile {
  collections: Record<
    string,
    {
      rules: Record<string, unknown>;
      indexes: { name: string; keys: Record<string, 1 | -1>; unique?: boolean }[];
    }
  >;
}

export function functionNames(root = ROOT): string[] {
  const dir = path.join(root, 'cloudfunctions');
  return fs
    .readdirSync(dir)
    .filter((n) => fs.existsSync(path.join(dir, n, 'index.ts')))
    .sort();
}

export function desiredState(root = ROOT): DesiredState {
  const functions = functionNames(root).map((name): FunctionSpec => {
    const file = path.join(root, 'cloudfunctions', name, 'config.json');
    const cfg: FunctionConfigFile = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
    return {
      name,
      runtime: RUNTIME,
      timeout: cfg.timeout ?? 3,
      memorySize: cfg.memorySize ?? DEFAULT_MEMORY_MB,
      triggers: (cfg.triggers ?? []).map((t) => ({ name: t.name, type: t.type, config: t.config })),
      openapi: [...(cfg.permissions?.openapi ?? [])].sort(),
      variables: VARIABLES.filter((v) => v.functions.includes(name)).map((v) => v.name),
    };
  });
  const spec = JSON.parse(fs.readFileSync(path.join(root, 'database/indexes.json'), 'utf8')) as IndexFile;
  const collections = Object.entries(spec.collections).map(
    ([name, c]): CollectionSpec => ({
      name,
      indexes: c.indexes.map((i) => ({ name: i.name, keys: i.keys, unique: i.unique === true })),
      rule: JSON.stringify(c.rules),
    }),
  );
  return { functions, collections, storageRule: STORAGE_RULE };
}

/** Every `process.env.LINGYAN_*` name read by the code that runs in the deployed functions. */
export function variablesReadByFunctions(root = ROOT): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(p);
      } else if (e.name.endsWith('.ts')) {
        const text = fs.readFileSync(p, 'utf8');
        for (const m of text.matchAll(/process\.env(?:\.|\[['"])(LINGYAN_[A-Z0-9_]+)/g)) found.add(m[1]);
      }
    }
  };
  for (const d of ['server', 'cloudfunctions', 'typings']) walk(path.join(root, d));
  return [...found].sort();
}
