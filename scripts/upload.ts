/**
 * `npm run upload [-- --dry-run] [--json] [--robot N]`: uploads the mini-program for review with miniprogram-ci,
 * with the version and description from package.json and the private key whose path is in the environment
 * (MINIPROGRAM_PRIVATE_KEY_PATH; the key is downloaded from the WeChat admin console, 开发管理 → 小程序代码上传).
 *
 * miniprogram-ci is not a dependency of this repository: it installs about 276 MB (a bundled compiler toolchain) for
 * a command run a few times a semester, and every `npm ci` here (CI, each developer) would pay for it. So the plan
 * and its checks live here and run anywhere (`--dry-run`, no network, no miniprogram-ci); the upload itself loads
 * miniprogram-ci from the project or from a global install (`npm i -g miniprogram-ci`) and says so when it is missing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Io } from './deploy';

const ROOT = path.resolve(__dirname, '..');
const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

export interface UploadPlan {
  appid: string;
  projectPath: string;
  version: string;
  desc: string;
  robot: number;
  privateKeyPath: string | null;
  setting: Record<string, unknown>;
  ignores: string[];
  /** Why the upload cannot go ahead (empty when it can). */
  blockers: string[];
}

/** What would be uploaded, and what stands in the way. Pure file reads. */
export function uploadPlan(env: NodeJS.ProcessEnv, robot = 1, root = ROOT): UploadPlan {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
    description: string;
  };
  const project = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8')) as {
    appid: string;
    setting: Record<string, unknown>;
  };
  const privFile = path.join(root, 'project.private.config.json');
  const priv = fs.existsSync(privFile) ? (JSON.parse(fs.readFileSync(privFile, 'utf8')) as { appid?: string }) : {};
  const appid = priv.appid ?? project.appid;
  const keyPath = env.MINIPROGRAM_PRIVATE_KEY_PATH ?? null;
  const blockers: string[] = [];
  if (!/^wx[0-9a-f]{16}$/.test(appid)) {
    blockers.push(
      `AppID「${appid}」是占位符：请在 project.private.config.json 中填写真实 AppID / the appid is a placeholder: set the real one in project.private.config.json`,
    );
  }
  if (!keyPath) {
    blockers.push(
      '未设置 MINIPROGRAM_PRIVATE_KEY_PATH（代码上传密钥文件的路径，放在仓库之外）/ MINIPROGRAM_PRIVATE_KEY_PATH is not set (path to the upload key, kept outside the repository)',
    );
  } else if (path.resolve(keyPath).startsWith(`${root}${path.sep}`)) {
    blockers.push('上传密钥不能放在仓库里 / the upload key must not live inside the repository');
  } else if (!fs.existsSync(keyPath)) blockers.push(`找不到密钥文件 ${keyPath} / no key file at ${keyPath}`);
  const config = fs.readFileSync(path.join(root, 'miniprogram/config.ts'), 'utf8');
  if (!/mode:\s*'cloud'/.test(config)) {
    blockers.push(
      "miniprogram/config.ts 的 mode 不是 'cloud'：不能发布连接本地模拟器的版本 / config mode is not 'cloud': never release against the local emulator",
    );
  }
  if (!fs.existsSync(path.join(root, 'miniprogram/miniprogram_npm'))) {
    blockers.push('尚未构建 npm：先运行 npx tsx scripts/build-mp-npm.ts / run scripts/build-mp-npm.ts first');
  }
  return {
    appid,
    projectPath: root,
    version: pkg.version,
    desc: pkg.description,
    robot,
    privateKeyPath: keyPath,
    setting: { es6: true, minify: true, useProjectConfig: true },
    ignores: [
      'node_modules/**/*',
      'build/**/*',
      '.data/**/*',
      '.preview/**/*',
      'tests/**/*',
      'server/**/*',
      'emulator/**/*',
    ],
    blockers,
  };
}

function loadCi(): unknown | null {
  const tryRequire = (id: string) => {
    try {
      return require(id);
    } catch {
      return null;
    }
  };
  const local = tryRequire('miniprogram-ci');
  if (local) return local;
  try {
    const globalRoot = execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim();
    return tryRequire(path.join(globalRoot, 'miniprogram-ci'));
  } catch {
    return null;
  }
}

export async function upload(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: Io = consoleIo,
): Promise<number> {
  const dryRun = argv.includes('--dry-run');
  const json = argv.includes('--json');
  const r = argv.indexOf('--robot');
  const robot = r >= 0 ? Number(argv[r + 1]) : 1;
  const plan = uploadPlan(env, Number.isInteger(robot) && robot >= 1 && robot <= 30 ? robot : 1);
  if (json) io.out(JSON.stringify({ dryRun, plan }, null, 2));
  else {
    io.out(`上传计划 / upload plan: appid ${plan.appid}, version ${plan.version}, robot ${plan.robot}`);
    io.out(`  desc: ${plan.desc}`);
    for (const b of plan.blockers) io.out(`  ! ${b}`);
  }
  if (dryRun) return plan.blockers.length > 0 ? 2 : 0;
  if (plan.blockers.length > 0) {
    io.err('未上传 / nothing was uploaded.');
    return 1;
  }
  // biome-ignore lint/suspicious/noExplicitAny: miniprogram-ci is optional and loaded at run time
  const ci = loadCi() as any;
  if (!ci) {
    io.err(
      '未安装 miniprogram-ci（约 276 MB，不随仓库安装）：请运行 npm i -g miniprogram-ci 后重试。未上传。\n' +
        'miniprogram-ci is not installed (about 276 MB, not a dependency): run `npm i -g miniprogram-ci`, then try again. Nothing was uploaded.',
    );
    return 1;
  }
  const project = new ci.Project({
    appid: plan.appid,
    type: 'miniProgram',
    projectPath: plan.projectPath,
    privateKeyPath: plan.privateKeyPath,
    ignores: plan.ignores,
  });
  await ci.upload({ project, version: plan.version, desc: plan.desc, setting: plan.setting, robot: plan.robot });
  io.out(`已上传 ${plan.version}，请在小程序管理后台提交审核 / uploaded; submit it for review in the admin console.`);
  return 0;
}

if (require.main === module) {
  upload(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`上传失败 / upload failed: ${(e as Error).message}`);
      process.exit(1);
    },
  );
}
