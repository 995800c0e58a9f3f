/**
 * `npm run deploy` end to end over an in-memory stand-in for @cloudbase/manager-node that answers in the library's
 * own shapes (GetFunction, DescribeTable, DescribeResourcePermission): the first run creates everything, the second
 * changes nothing, a wrong environment changes nothing, and no secret value is ever printed except the setup code once.
 */
import { type DeployDeps, deploy } from '../../../scripts/deploy';
import { desiredState } from '../../../scripts/deploy/desired';

interface Fn {
  Runtime: string;
  Timeout: number;
  MemorySize: number;
  Description: string;
  Triggers: { TriggerName: string; Type: string; TriggerDesc: string }[];
  Environment: { Variables: { Key: string; Value: string }[] };
}

function fakeCloud(opts: { envExists?: boolean } = {}) {
  const functions = new Map<string, Fn>();
  const collections = new Map<
    string,
    { Name: string; Keys: { Name: string; Direction: string }[]; Unique: boolean }[]
  >();
  const rules = new Map<string, string>();
  const mutations: string[] = [];
  const notFound = (what: string) =>
    Object.assign(new Error(`${what} not found`), { code: `ResourceNotFound.${what}` });
  const m = (name: string) => mutations.push(name);
  const toVars = (v: Record<string, string>) => ({
    Variables: Object.entries(v).map(([Key, Value]) => ({ Key, Value })),
  });
  const app = {
    env: {
      getEnvInfo: async () =>
        opts.envExists === false
          ? Promise.reject(notFound('Env'))
          : { EnvInfo: { Storages: [{ Bucket: '6c69-lingyan-4g2x9c0d1e-1300000000', Region: 'ap-shanghai' }] } },
    },
    functions: {
      getFunctionDetail: async (name: string) => {
        const f = functions.get(name);
        if (!f) throw notFound('Function');
        return structuredClone(f);
      },
      createFunction: async ({ func }: { func: Record<string, unknown> }) => {
        m(`createFunction ${func.name}`);
        functions.set(func.name as string, {
          Runtime: func.runtime as string,
          Timeout: func.timeout as number,
          MemorySize: func.memorySize as number,
          Description: func.description as string,
          Triggers: (func.triggers as { name: string; type: string; config: string }[]).map((t) => ({
            TriggerName: t.name,
            Type: t.type,
            TriggerDesc: JSON.stringify({ cron: t.config }),
          })),
          Environment: toVars(func.envVariables as Record<string, string>),
        });
      },
      updateFunctionCode: async ({ func }: { func: { name: string } }) => m(`updateFunctionCode ${func.name}`),
      waitFunctionActive: async () => {},
      updateFunctionConfig: async (func: Record<string, unknown>) => {
        m(
          `updateFunctionConfig ${func.name} ${Object.keys(func)
            .filter((k) => k !== 'name')
            .join(',')}`,
        );
        const f = functions.get(func.name as string)!;
        if (func.description !== undefined) f.Description = func.description as string;
        if (func.timeout !== undefined) f.Timeout = func.timeout as number;
        if (func.memorySize !== undefined) f.MemorySize = func.memorySize as number;
        if (func.envVariables) f.Environment = toVars(func.envVariables as Record<string, string>);
      },
      createFunctionTriggers: async (name: string) => m(`createFunctionTriggers ${name}`),
      deleteFunctionTrigger: async (name: string) => m(`deleteFunctionTrigger ${name}`),
    },
    database: {
      listCollections: async () => ({
        Collections: [...collections.keys()].map((CollectionName) => ({ CollectionName })),
      }),
      describeCollection: async (name: string) => ({ Indexes: structuredClone(collections.get(name)) }),
      createCollection: async (name: string) => {
        m(`createCollection ${name}`);
        collections.set(name, [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }]);
      },
      updateCollection: async (
        name: string,
        info: {
          CreateIndexes: {
            IndexName: string;
            MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean };
          }[];
        },
      ) => {
        m(`updateCollection ${name}`);
        for (const i of info.CreateIndexes) {
          collections
            .get(name)!
            .push({ Name: i.IndexName, Keys: i.MgoKeySchema.MgoIndexKeys, Unique: i.MgoKeySchema.MgoIsUnique });
        }
      },
    },
    permission: {
      describeResourcePermission: async ({ resources }: { resources: string[] }) => ({
        Data: {
          PermissionList: resources.map((r) =>
            rules.has(r)
              ? { Resource: r, Permission: 'CUSTOM', SecurityRule: rules.get(r) }
              : { Resource: r, Permission: 'PRIVATE' },
          ),
        },
      }),
      modifyResourcePermission: async (o: { resource: string; securityRule: string }) => {
        m(`modifyResourcePermission ${o.resource}`);
        rules.set(o.resource, o.securityRule);
      },
    },
  };
  let builds = 0;
  const deps: DeployDeps = {
    manager: () => app,
    build: async () => {
      builds++;
      return { api: 'digest-api', scheduler: 'digest-scheduler' };
    },
  };
  return { deps, functions, collections, rules, mutations, builds: () => builds };
}

const CREDS = {
  TENCENTCLOUD_SECRETID: 'id',
  TENCENTCLOUD_SECRETKEY: 'key',
  LINGYAN_TEMPLATE_WINDOW_MOVED: 'tmpl-window-moved',
  LINGYAN_TEMPLATE_TRAINING_PROMOTED: 'tmpl-promoted',
  LINGYAN_TEMPLATE_PIPELINE_DUE: 'tmpl-pipeline-due',
};
const desired = desiredState();

async function run(cloud: ReturnType<typeof fakeCloud>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await deploy(
    ['--env', 'lingyan-4g2x9c0d1e'],
    CREDS,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    cloud.deps,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('a first deploy creates everything; a second changes nothing and says so', async () => {
  const cloud = fakeCloud();
  const first = await run(cloud);
  expect(first.code).toBe(0);
  expect([...cloud.collections.keys()]).toEqual(desired.collections.map((c) => c.name));
  for (const c of desired.collections) {
    expect(cloud.rules.get(c.name)).toBe('{"read":false,"write":false}');
    for (const i of c.indexes) {
      expect(cloud.collections.get(c.name)!.find((x) => x.Name === i.name)).toMatchObject({ Unique: i.unique });
    }
  }
  // The bucket: a client reads and writes only the files it uploaded.
  expect(JSON.parse(cloud.rules.get('6c69-lingyan-4g2x9c0d1e-1300000000')!)).toEqual({
    read: 'resource.openid == auth.openid',
    write: 'resource.openid == auth.openid',
  });
  const api = cloud.functions.get('api')!;
  const values = Object.fromEntries(api.Environment.Variables.map((v) => [v.Key, v.Value]));
  // The setup code is shown once; the other secrets never.
  expect(first.err).toContain(values.LINGYAN_SETUP_CODE);
  for (const k of ['LINGYAN_OBJECTION_SECRET', 'LINGYAN_AUDIT_SECRET']) {
    expect(first.out + first.err).not.toContain(values[k]);
  }
  expect(cloud.functions.get('scheduler')!.Triggers[0]).toMatchObject({ TriggerName: 'everyMinute', Type: 'timer' });
  // The checkpoint's fileID is in the environment's own bucket; the template id came from the deployer's shell.
  expect(values.LINGYAN_AUDIT_CHECKPOINT_FILE).toBe(
    'cloud://lingyan-4g2x9c0d1e.6c69-lingyan-4g2x9c0d1e-1300000000/lingyan-audit/checkpoint.json',
  );
  const scheduler = Object.fromEntries(
    cloud.functions.get('scheduler')!.Environment.Variables.map((v) => [v.Key, v.Value]),
  );
  expect(scheduler.LINGYAN_TEMPLATE_WINDOW_MOVED).toBe('tmpl-window-moved');
  expect(scheduler.LINGYAN_AUDIT_SECRET).toBe(values.LINGYAN_AUDIT_SECRET);

  const before = cloud.mutations.length;
  const second = await run(cloud);
  expect(second.code).toBe(0);
  expect(cloud.mutations.length).toBe(before);
  expect(second.out).toContain('nothing to change');
  expect(second.out).toContain('nothing changed');
  expect(second.err).toBe('');
  // Secrets were kept, not rotated.
  expect(Object.fromEntries(cloud.functions.get('api')!.Environment.Variables.map((v) => [v.Key, v.Value]))).toEqual(
    values,
  );
});

test('new code is uploaded alone, and a differing index is reported (exit 2), never dropped', async () => {
  const cloud = fakeCloud();
  await run(cloud);
  cloud.functions.get('api')!.Description = 'lingyan-code:older';
  const people = cloud.collections.get('people')!;
  people.find((i) => i.Name === 'studentNo_unique')!.Unique = false;
  const before = cloud.mutations.length;
  const res = await run(cloud);
  expect(res.code).toBe(2);
  expect(cloud.mutations.slice(before)).toEqual(['updateFunctionCode api', 'updateFunctionConfig api description']);
  expect(res.out).toContain('! index people.studentNo_unique');
  expect(cloud.collections.get('people')!.find((i) => i.Name === 'studentNo_unique')!.Unique).toBe(false);
});

test('a wrong environment: a clear message, nothing built, nothing changed, non-zero exit', async () => {
  const cloud = fakeCloud({ envExists: false });
  const res = await run(cloud);
  expect(res.code).toBe(1);
  expect(res.err).toContain('无法读取环境 lingyan-4g2x9c0d1e');
  expect(res.err).toContain('Nothing was changed');
  expect(cloud.mutations).toEqual([]);
  expect(cloud.builds()).toBe(0);
});
