/**
 * The deploy planner against the repository's own specs: every collection of database/indexes.json, every function
 * with its config.json, every variable the functions read. A second run over what the first produced plans nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deploy } from '../../../scripts/deploy';
import {
  desiredState,
  EMULATOR_ONLY_VARIABLES,
  ROOT,
  settingsFrom,
  VARIABLES,
  variablesReadByFunctions,
} from '../../../scripts/deploy/desired';
import { execute, type Observed } from '../../../scripts/deploy/execute';
import { type CurrentState, EMPTY_STATE, type Plan, planDeploy } from '../../../scripts/deploy/plan';

const indexSpec = JSON.parse(fs.readFileSync(path.join(ROOT, 'database/indexes.json'), 'utf8')) as {
  collections: Record<string, { rules: object; indexes: { name: string; keys: object; unique?: boolean }[] }>;
};
const fnConfig = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudfunctions', name, 'config.json'), 'utf8')) as {
    timeout?: number;
    triggers?: { name: string; type: string; config: string }[];
    permissions?: { openapi?: string[] };
  };
const desired = desiredState();
const digests = { api: 'aaaa', scheduler: 'bbbb' };
/** The non-secret variables' values: the checkpoint fileID in the bucket and a template id from the shell. */
const settings = settingsFrom(
  {
    LINGYAN_TEMPLATE_WINDOW_MOVED: 'tmpl-window-moved',
    LINGYAN_TEMPLATE_TRAINING_PROMOTED: 'tmpl-promoted',
    LINGYAN_TEMPLATE_PIPELINE_DUE: 'tmpl-pipeline-due',
  },
  'lingyan-4g2x9c0d1e',
  '6c69-lingyan-4g2x9c0d1e-1300000000',
);
const SECRETS = VARIABLES.filter((v) => v.kind === 'secret' || v.kind === 'setup');

/** What an environment reports after the plan was carried out in full. */
function stateAfter(plan: Plan, before: CurrentState): CurrentState {
  const s: CurrentState = structuredClone(before);
  s.storageRule = desired.storageRule;
  for (const fn of desired.functions) {
    s.functions[fn.name] = {
      runtime: fn.runtime,
      timeout: fn.timeout,
      memorySize: fn.memorySize,
      triggers: fn.triggers,
      variables: [...new Set([...(s.functions[fn.name]?.variables ?? []), ...fn.variables])],
      settings: Object.fromEntries(fn.variables.filter((v) => settings[v] !== undefined).map((v) => [v, settings[v]])),
      codeDigest: digests[fn.name as keyof typeof digests],
    };
  }
  for (const c of desired.collections) {
    const had = s.collections[c.name]?.indexes ?? [];
    s.collections[c.name] = {
      indexes: [...had, ...c.indexes.filter((i) => !had.some((h) => h.name === i.name))],
      rule: c.rule,
    };
  }
  expect(plan).toBeDefined();
  return s;
}

describe('a first deploy plan covers everything the repository specifies', () => {
  const plan = planDeploy({ desired, current: EMPTY_STATE, codeDigests: digests, settings });
  const steps = (kind: string) => plan.steps.filter((s) => s.kind === kind);

  test('every collection in database/indexes.json is created with every index, unique ones unique', () => {
    expect(steps('collection.create').map((s) => s.target)).toEqual(Object.keys(indexSpec.collections));
    for (const [name, c] of Object.entries(indexSpec.collections)) {
      for (const i of c.indexes) {
        const step = plan.steps.find((s) => s.kind === 'index.create' && s.target === name && s.item === i.name);
        expect(step).toBeDefined();
        expect(step?.detail.includes('unique')).toBe(i.unique === true);
      }
    }
    expect(steps('index.create')).toHaveLength(
      Object.values(indexSpec.collections).reduce((n, c) => n + c.indexes.length, 0),
    );
  });

  test('every collection gets its security rule, and every rule closes the database to clients', () => {
    for (const [name, c] of Object.entries(indexSpec.collections)) {
      expect(c.rules).toEqual({ read: false, write: false });
      expect(plan.steps.find((s) => s.kind === 'rule.set' && s.target === name)?.detail).toContain(
        JSON.stringify(c.rules),
      );
    }
  });

  test('every function is created with its config.json timeout, triggers and openapi permissions', () => {
    const names = fs
      .readdirSync(path.join(ROOT, 'cloudfunctions'))
      .filter((n) => fs.existsSync(path.join(ROOT, 'cloudfunctions', n, 'index.ts')));
    expect(
      steps('function.create')
        .map((s) => s.target)
        .sort(),
    ).toEqual(names.sort());
    for (const name of names) {
      const cfg = fnConfig(name);
      const create = plan.steps.find((s) => s.kind === 'function.create' && s.target === name)!;
      expect(create.detail).toContain(`timeout ${cfg.timeout}s`);
      for (const api of cfg.permissions?.openapi ?? []) expect(create.detail).toContain(api);
      for (const t of cfg.triggers ?? []) {
        const step = plan.steps.find((s) => s.kind === 'trigger.create' && s.target === name && s.item === t.name);
        expect(step?.detail).toContain(t.config);
      }
    }
  });

  test('every secret the functions read is generated on the first deploy and no value appears in the plan', () => {
    for (const v of SECRETS) for (const fn of v.functions) expect(plan.generate[fn]).toContain(v.name);
    expect(plan.set.api).toEqual({
      LINGYAN_AUDIT_CHECKPOINT_FILE:
        'cloud://lingyan-4g2x9c0d1e.6c69-lingyan-4g2x9c0d1e-1300000000/lingyan-audit/checkpoint.json',
      LINGYAN_TEMPLATE_TRAINING_PROMOTED: 'tmpl-promoted',
      LINGYAN_TEMPLATE_PIPELINE_DUE: 'tmpl-pipeline-due',
    });
    expect(plan.set.scheduler).toMatchObject({ LINGYAN_TEMPLATE_WINDOW_MOVED: 'tmpl-window-moved' });
    expect(JSON.stringify(plan)).not.toMatch(/[A-Za-z0-9_-]{40,}/);
  });
});

test('every LINGYAN_ variable the deployed code reads is deployed (or is set only by the emulator)', () => {
  const read = variablesReadByFunctions();
  expect(read).toEqual(expect.arrayContaining(['LINGYAN_OBJECTION_SECRET', 'LINGYAN_SETUP_CODE']));
  const deployed = VARIABLES.map((v) => v.name);
  const forgotten = read.filter((v) => !deployed.includes(v) && !EMULATOR_ONLY_VARIABLES.includes(v));
  expect(forgotten).toEqual([]);
});

test('a second deploy over what the first produced changes nothing and says everything was left', () => {
  const first = planDeploy({ desired, current: EMPTY_STATE, codeDigests: digests, settings });
  const second = planDeploy({ desired, current: stateAfter(first, EMPTY_STATE), codeDigests: digests, settings });
  expect(second.steps).toEqual([]);
  expect(second.problems).toEqual([]);
  expect(second.generate).toEqual({});
  expect(second.set).toEqual({});
  expect(second.unchanged.length).toBeGreaterThan(desired.collections.length);
});

test('only what differs is planned: new code, a changed timeout, a missing secret, a missing index', () => {
  const full = stateAfter(planDeploy({ desired, current: EMPTY_STATE, codeDigests: digests, settings }), EMPTY_STATE);
  full.functions.api.codeDigest = 'old';
  full.functions.scheduler.timeout = 3;
  full.functions.api.variables = full.functions.api.variables.filter((v) => v !== 'LINGYAN_AUDIT_SECRET');
  full.collections.people.indexes = full.collections.people.indexes.filter((i) => i.name !== 'reach');
  const plan = planDeploy({ desired, current: full, codeDigests: digests, settings });
  expect(plan.steps.map((s) => `${s.kind} ${s.target}${s.item ? ` ${s.item}` : ''}`)).toEqual([
    'function.code api',
    'function.variables api LINGYAN_AUDIT_SECRET',
    'function.config scheduler',
    'index.create people reach',
  ]);
  expect(plan.generate).toEqual({ api: ['LINGYAN_AUDIT_SECRET'] });
  expect(plan.steps[1].detail).toContain('keep LINGYAN_SETUP_CODE, LINGYAN_OBJECTION_SECRET');
});

test('an index that differs from the spec is reported, never dropped or recreated', () => {
  const full = stateAfter(planDeploy({ desired, current: EMPTY_STATE, codeDigests: digests, settings }), EMPTY_STATE);
  full.collections.people.indexes = full.collections.people.indexes.map((i) =>
    i.name === 'studentNo_unique' ? { ...i, unique: false } : i,
  );
  full.collections.people.indexes.push({ name: 'legacy', keys: { name: 1 }, unique: false });
  const plan = planDeploy({ desired, current: full, codeDigests: digests, settings });
  expect(plan.steps).toEqual([]);
  expect(plan.problems.map((p) => p.item)).toEqual(['studentNo_unique', 'legacy']);
  expect(plan.problems[0].detail).toContain('never does');
});

test('a school setting missing from the shell is reported; a changed one is set and shown, secrets are not', () => {
  const full = stateAfter(planDeploy({ desired, current: EMPTY_STATE, codeDigests: digests, settings }), EMPTY_STATE);
  delete full.functions.scheduler.settings?.LINGYAN_TEMPLATE_WINDOW_MOVED;
  full.functions.scheduler.variables = full.functions.scheduler.variables.filter(
    (v) => v !== 'LINGYAN_TEMPLATE_WINDOW_MOVED',
  );
  const without = planDeploy({
    desired,
    current: full,
    codeDigests: digests,
    settings: { LINGYAN_AUDIT_CHECKPOINT_FILE: settings.LINGYAN_AUDIT_CHECKPOINT_FILE },
  });
  expect(without.steps).toEqual([]);
  expect(without.problems.map((p) => `${p.target} ${p.item}`)).toEqual(['scheduler LINGYAN_TEMPLATE_WINDOW_MOVED']);
  expect(without.problems[0].detail).toContain('LINGYAN_TEMPLATE_WINDOW_MOVED=<value>');
  const changed = planDeploy({
    desired,
    current: full,
    codeDigests: digests,
    settings: { ...settings, LINGYAN_TEMPLATE_WINDOW_MOVED: 'tmpl-new' },
  });
  expect(changed.set).toEqual({ scheduler: { LINGYAN_TEMPLATE_WINDOW_MOVED: 'tmpl-new' } });
  expect(changed.steps.map((s) => s.detail)).toEqual([
    'set variables on scheduler: LINGYAN_TEMPLATE_WINDOW_MOVED=tmpl-new; keep LINGYAN_OBJECTION_SECRET, LINGYAN_AUDIT_SECRET',
  ]);
});

test('a collection left open to clients gets its closed rule back', () => {
  const full = stateAfter(planDeploy({ desired, current: EMPTY_STATE, codeDigests: digests, settings }), EMPTY_STATE);
  full.collections.audit.rule = '{"read":true,"write":false}';
  const plan = planDeploy({ desired, current: full, codeDigests: digests, settings });
  expect(plan.steps.map((s) => `${s.kind} ${s.target}`)).toEqual(['rule.set audit']);
});

describe('the executor carries out exactly the plan through the manager library', () => {
  /** A recording stand-in for @cloudbase/manager-node's services (the library, not our code). */
  function recorder() {
    const calls: [string, unknown[]][] = [];
    const rec =
      (name: string) =>
      async (...args: unknown[]) => {
        calls.push([name, args]);
        return {};
      };
    const app = {
      functions: {
        createFunction: rec('createFunction'),
        updateFunctionCode: rec('updateFunctionCode'),
        updateFunctionConfig: rec('updateFunctionConfig'),
        waitFunctionActive: rec('waitFunctionActive'),
        createFunctionTriggers: rec('createFunctionTriggers'),
        deleteFunctionTrigger: rec('deleteFunctionTrigger'),
      },
      database: { createCollection: rec('createCollection'), updateCollection: rec('updateCollection') },
      permission: { modifyResourcePermission: rec('modifyResourcePermission') },
    };
    return { app, calls };
  }

  test('a first deploy creates functions with their variables, collections, unique indexes and closed rules', async () => {
    const { app, calls } = recorder();
    const plan = planDeploy({ desired, current: EMPTY_STATE, codeDigests: digests, settings });
    const observed = { state: EMPTY_STATE, values: {}, bucket: '6c69-lingyan-4g2x9c0d1e-1300000000' };
    const res = await execute(app, desired, plan, observed, digests, () => {});
    const creates = calls
      .filter(([n]) => n === 'createFunction')
      .map(
        ([, a]) => (a[0] as { func: { name: string; envVariables: Record<string, string>; triggers: unknown[] } }).func,
      );
    expect(creates.map((f) => f.name)).toEqual(['api', 'scheduler']);
    const api = creates[0];
    const scheduler = creates[1];
    // Every variable declared for api (all of them are secrets or derived from the environment).
    expect(Object.keys(api.envVariables).sort()).toEqual(
      VARIABLES.filter((v) => v.functions.includes('api'))
        .map((v) => v.name)
        .sort(),
    );
    expect(api.envVariables).toHaveProperty('LINGYAN_AUDIT_SECRET');
    for (const v of SECRETS.filter((x) => x.functions.includes('api'))) {
      expect(api.envVariables[v.name].length).toBeGreaterThanOrEqual(32);
    }
    expect(api.envVariables.LINGYAN_AUDIT_CHECKPOINT_FILE).toBe(settings.LINGYAN_AUDIT_CHECKPOINT_FILE);
    expect(scheduler.envVariables.LINGYAN_TEMPLATE_WINDOW_MOVED).toBe('tmpl-window-moved');
    // One audit key for both functions, or the scheduler's chain check would fail.
    expect(scheduler.envVariables.LINGYAN_AUDIT_SECRET).toBe(api.envVariables.LINGYAN_AUDIT_SECRET);
    expect(scheduler.triggers).toEqual(fnConfig('scheduler').triggers);
    expect(res.shownOnce).toEqual({ LINGYAN_SETUP_CODE: api.envVariables.LINGYAN_SETUP_CODE });
    const unique = calls.find(
      ([n, a]) => n === 'updateCollection' && a[0] === 'people' && JSON.stringify(a[1]).includes('studentNo_unique'),
    );
    expect(JSON.stringify(unique?.[1])).toContain('"MgoIsUnique":true');
    const rules = calls
      .filter(([n]) => n === 'modifyResourcePermission')
      .map(([, a]) => a[0] as { resourceType: string; resource: string; permission: string; securityRule: string });
    expect(rules.filter((r) => r.resourceType === 'collection')).toHaveLength(desired.collections.length);
    for (const r of rules.filter((x) => x.resourceType === 'collection')) {
      expect(r).toMatchObject({ permission: 'CUSTOM', securityRule: '{"read":false,"write":false}' });
    }
    // The bucket: a client reads and writes only what it uploaded; the audit checkpoint and every other file are the
    // functions' alone.
    const bucket = rules.filter((r) => r.resourceType === 'storage');
    expect(bucket.map((r) => r.resource)).toEqual(['6c69-lingyan-4g2x9c0d1e-1300000000']);
    expect(bucket[0].permission).toBe('CUSTOM');
    expect(JSON.parse(bucket[0].securityRule)).toEqual({
      read: 'resource.openid == auth.openid',
      write: 'resource.openid == auth.openid',
    });
  });

  test('adding a secret keeps every existing value (CloudBase replaces a function environment whole)', async () => {
    const { app, calls } = recorder();
    const full = stateAfter(planDeploy({ desired, current: EMPTY_STATE, codeDigests: digests, settings }), EMPTY_STATE);
    full.functions.api.variables = full.functions.api.variables.filter((v) => v !== 'LINGYAN_AUDIT_SECRET');
    const apiValues = Object.fromEntries(full.functions.api.variables.map((v) => [v, settings[v] ?? `kept-${v}`]));
    const observed: Observed = {
      state: full,
      values: {
        api: apiValues,
        scheduler: { LINGYAN_OBJECTION_SECRET: 'kept-objection', LINGYAN_AUDIT_SECRET: 'shared-audit-key' },
      },
    };
    const plan = planDeploy({ desired, current: full, codeDigests: digests, settings });
    const res = await execute(app, desired, plan, observed, digests, () => {});
    expect(calls).toEqual([
      [
        'updateFunctionConfig',
        [
          {
            name: 'api',
            envVariables: { ...apiValues, LINGYAN_AUDIT_SECRET: 'shared-audit-key' },
          },
        ],
      ],
    ]);
    expect(res.shownOnce).toEqual({});
  });
});

describe('npm run deploy', () => {
  function io() {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
  }

  test('--dry-run --json prints the plan without credentials or network', async () => {
    const o = io();
    expect(await deploy(['--env', 'lingyan-4g2x9c0d1e', '--dry-run', '--json'], {}, o.io)).toBe(0);
    const body = JSON.parse(o.out.join('\n'));
    expect(body.dryRun).toBe(true);
    expect(body.plan.steps.filter((s: { kind: string }) => s.kind === 'collection.create')).toHaveLength(
      Object.keys(indexSpec.collections).length,
    );
  });

  test('--dry-run against a given current state plans only the difference, in readable text', async () => {
    const full = stateAfter(planDeploy({ desired, current: EMPTY_STATE, codeDigests: digests, settings }), EMPTY_STATE);
    delete (full.collections as Record<string, unknown>).ballots;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lingyan-deploy-')), 'state.json');
    fs.writeFileSync(file, JSON.stringify(full));
    const o = io();
    expect(await deploy(['--env', 'lingyan-4g2x9c0d1e', '--dry-run', '--current', file], {}, o.io)).toBe(0);
    const text = o.out.join('\n');
    expect(text).toContain('+ create collection ballots');
    expect(text).not.toContain('create collection people');
    expect(text).toContain('dry run');
  });

  test('without credentials: a clear message in Chinese and English, nothing changed, non-zero exit', async () => {
    const o = io();
    const built = path.join(ROOT, 'build/functions/api/index.js');
    const before = fs.existsSync(built) ? fs.statSync(built).mtimeMs : null;
    expect(await deploy(['--env', 'lingyan-4g2x9c0d1e'], {}, o.io)).toBe(1);
    expect(o.err.join('\n')).toContain('缺少腾讯云 API 密钥');
    expect(o.err.join('\n')).toContain('TENCENTCLOUD_SECRETID');
    expect(o.err.join('\n')).toContain('Nothing was changed');
    expect(o.out).toEqual([]);
    expect(fs.existsSync(built) ? fs.statSync(built).mtimeMs : null).toBe(before);
  });

  test.each([['LINGYAN-PROD'], ['x'], ['lingyan_prod'], ['lingyan-prod-'], ['']])(
    'a malformed environment id (%p) is refused before anything happens, even with credentials',
    async (envId) => {
      const o = io();
      const env = { TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key' };
      expect(await deploy(['--env', envId], env, o.io)).toBe(1);
      expect(o.err.join('\n')).toContain('环境 ID');
      expect(o.err.join('\n')).toContain('Malformed environment id');
    },
  );
});
