/**
 * `npm run deploy -- --env <envId> [--dry-run] [--json] [--current state.json]`
 *
 * Builds the functions and brings a CloudBase environment to what the repository specifies: both functions with
 * their config, timer trigger and variables (secrets generated on the first deploy, kept after), every collection of
 * database/indexes.json with its indexes and security rule. It plans first (scripts/deploy/plan.ts: desired state +
 * what the environment reports), then carries out only the difference, so a second run changes nothing.
 * `--dry-run` makes no network call: it plans against an empty environment, or the state in `--current`.
 * Credentials come only from the environment: TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY
 * (and TENCENTCLOUD_SESSIONTOKEN for temporary keys).
 */
import fs from 'node:fs';
import path from 'node:path';
import { desiredState, functionNames, ROOT, settingsFrom, VARIABLES } from './deploy/desired';
import { codeDigest, execute, readCurrent } from './deploy/execute';
import { type CurrentState, EMPTY_STATE, planDeploy, planText } from './deploy/plan';

/** CloudBase environment ids: lower-case letters, digits and '-', starting with a letter (e.g. lingyan-4g2x9c0d1e). */
export const ENV_ID = /^[a-z][a-z0-9-]{3,40}[a-z0-9]$/;

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

interface Args {
  env?: string;
  dryRun: boolean;
  json: boolean;
  current?: string;
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { dryRun: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--dry-run') a.dryRun = true;
    else if (x === '--json') a.json = true;
    else if (x === '--env') a.env = argv[++i];
    else if (x.startsWith('--env=')) a.env = x.slice(6);
    else if (x === '--current') a.current = argv[++i];
    else return `未知参数 ${x}（unknown argument）`;
  }
  return a;
}

const USAGE = '用法（usage）: npm run deploy -- --env <环境ID> [--dry-run] [--json] [--current state.json]';

/** What the command reaches outside itself; tests pass stand-ins for the management library and the build. */
export interface DeployDeps {
  // biome-ignore lint/suspicious/noExplicitAny: manager-node's typings are partial
  manager(config: { secretId?: string; secretKey?: string; token?: string; envId: string }): any;
  /** Builds the functions; returns the digest of each built package. */
  build(quiet: boolean): Promise<Record<string, string>>;
}

const realDeps: DeployDeps = {
  manager: (config) => {
    const CloudBase = require('@cloudbase/manager-node');
    return new CloudBase(config);
  },
  build: async (quiet) => {
    const { buildFunctions } = await import('./build');
    await buildFunctions({ quiet });
    return builtDigests();
  },
};

/** Runs the command; returns the exit code (0 done, 1 failed or refused, 2 a problem needs a person). */
export async function deploy(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: Io = consoleIo,
  deps: DeployDeps = realDeps,
): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`${args}\n${USAGE}`);
    return 1;
  }
  if (!args.env || !ENV_ID.test(args.env)) {
    io.err(
      `环境 ID「${args.env ?? ''}」格式不正确：应为云开发控制台显示的环境 ID，如 lingyan-4g2x9c0d1e。未做任何更改。\n` +
        `Malformed environment id "${args.env ?? ''}": use the id the CloudBase console shows (e.g. lingyan-4g2x9c0d1e). Nothing was changed.\n${USAGE}`,
    );
    return 1;
  }
  const desired = desiredState();
  if (args.dryRun) {
    let current: CurrentState = EMPTY_STATE;
    if (args.current) current = JSON.parse(fs.readFileSync(args.current, 'utf8')) as CurrentState;
    const digests = builtDigests();
    // Without network the bucket is unknown: a value the environment already has stands, else a placeholder shows.
    const settings = settingsFrom(env, args.env, '<bucket>');
    for (const v of VARIABLES.filter((x) => x.kind === 'storage-file')) {
      const have = Object.values(current.functions).find((f) => f.settings?.[v.name])?.settings?.[v.name];
      if (have) settings[v.name] = have;
    }
    const plan = planDeploy({ desired, current, codeDigests: digests, settings });
    if (args.json) io.out(JSON.stringify({ envId: args.env, dryRun: true, plan }, null, 2));
    else
      io.out(`${planText(plan, args.env)}\n（演练：未连接网络，未做任何更改 / dry run: no network, nothing changed）`);
    return 0;
  }
  if (!env.TENCENTCLOUD_SECRETID || !env.TENCENTCLOUD_SECRETKEY) {
    io.err(
      '缺少腾讯云 API 密钥：请在环境变量中设置 TENCENTCLOUD_SECRETID 和 TENCENTCLOUD_SECRETKEY（临时密钥另设 TENCENTCLOUD_SESSIONTOKEN），不要写进仓库里的任何文件。未做任何更改。\n' +
        'Missing Tencent Cloud API credentials: set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (and TENCENTCLOUD_SESSIONTOKEN for temporary keys) in the environment, never in a file in the repository. Nothing was changed.',
    );
    return 1;
  }
  const app = deps.manager({
    secretId: env.TENCENTCLOUD_SECRETID,
    secretKey: env.TENCENTCLOUD_SECRETKEY,
    token: env.TENCENTCLOUD_SESSIONTOKEN,
    envId: args.env,
  });
  // Read first: a wrong id, or keys without access to it, stop here, before anything is built or changed.
  let observed: Awaited<ReturnType<typeof readCurrent>>;
  let bucket: string | null = null;
  try {
    const info = await app.env.getEnvInfo();
    bucket = info?.EnvInfo?.Storages?.[0]?.Bucket ?? null;
    observed = await readCurrent(app, desired, bucket);
  } catch (e) {
    io.err(
      `无法读取环境 ${args.env}：${(e as Error).message}\n请确认环境 ID 正确、密钥有权访问该环境。未做任何更改。\n` +
        `Cannot read environment ${args.env}: check the id and that the keys may access it. Nothing was changed.`,
    );
    return 1;
  }
  const digests = await deps.build(args.json);
  const settings = settingsFrom(env, args.env, bucket);
  const plan = planDeploy({ desired, current: observed.state, codeDigests: digests, settings });
  if (!args.json) io.out(planText(plan, args.env));
  try {
    const result = await execute(app, desired, plan, observed, digests, (l) => {
      if (!args.json) io.out(l);
    });
    if (args.json) io.out(JSON.stringify({ envId: args.env, dryRun: false, plan, done: result.done }, null, 2));
    else
      io.out(
        result.done.length === 0
          ? '没有需要更改的内容（nothing changed）。'
          : `已完成 ${result.done.length} 项更改（changed）。`,
      );
    for (const [name, value] of Object.entries(result.shownOnce)) {
      io.err(
        `\n首次部署生成的 ${name}（只显示这一次，请交给第一位管理员用于 admin.bootstrap）：\n  ${value}\n` +
          `${name} generated on this first deploy (shown this once only; give it to the first administrator for admin.bootstrap).`,
      );
    }
  } catch (e) {
    io.err(
      `部署中断：${(e as Error).message}\n已完成的步骤保留；修正后再次运行只会做剩下的部分。\nDeploy stopped; run again to do the rest.`,
    );
    return 1;
  }
  return plan.problems.length > 0 ? 2 : 0;
}

/** Digests of the built packages that exist (a dry run does not build). */
function builtDigests(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of functionNames()) {
    const dir = path.join(ROOT, 'build/functions', name);
    if (fs.existsSync(path.join(dir, 'index.js'))) out[name] = codeDigest(dir);
  }
  return out;
}

if (require.main === module) {
  deploy(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
