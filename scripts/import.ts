/**
 * The school's organisation and people from a spreadsheet.
 *
 *   npm run import -- school.xlsx --env <envId>        validate every row, then write to CloudBase (nothing if any fails)
 *   npm run import -- school.xlsx --local [URL]       the same into the local emulator (default http://127.0.0.1:3900)
 *   npm run import -- school.xlsx --check             validate only
 *   npm run import -- --template [file.xlsx]          the template: sheets, headers, one example row, choice lists
 *   npm run import -- --export out.xlsx (--local [URL] | --env <envId>) [--unit <unitId>]
 *       units, people and positions in the same format; with --unit, only the people of that unit and the units
 *       below it (an office's own list), still with every unit so the file imports as it is
 *
 * Credentials for CloudBase come only from the environment (TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY).
 */
import { ENV_ID, type Io } from './deploy';
import { problemText, toWorkbook, validate } from './import/model';
import { readWorkbook, TEMPLATE, writeWorkbook } from './import/workbook';
import { connect, readSchool, type Target, writeSchool } from './import/write';

const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };
const USAGE =
  '用法（usage）: npm run import -- <文件.xlsx> (--env <环境ID> | --local [URL] | --check)\n' +
  '              npm run import -- --template [文件.xlsx]\n' +
  '              npm run import -- --export <文件.xlsx> (--env <环境ID> | --local [URL]) [--unit <组织编号>]';

interface Args {
  file?: string;
  template?: string;
  export?: string;
  local?: string;
  env?: string;
  unit?: string;
  check: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { check: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    const next = () => (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : undefined);
    if (x === '--template') a.template = next() ?? '领雁-导入模板.xlsx';
    else if (x === '--export') {
      a.export = next();
      if (!a.export) return '--export 需要文件名（needs a file name）';
    } else if (x === '--local') a.local = next() ?? 'http://127.0.0.1:3900';
    else if (x === '--env') a.env = next();
    else if (x === '--check') a.check = true;
    else if (x === '--unit') a.unit = next();
    else if (x.startsWith('--')) return `未知参数 ${x}（unknown argument）`;
    else a.file = x;
  }
  return a;
}

function target(a: Args, env: NodeJS.ProcessEnv, io: Io): Target | null {
  if (a.local) return { local: a.local, envId: 'local' };
  if (!a.env || !ENV_ID.test(a.env)) {
    io.err(
      `请用 --env <环境ID> 指定云开发环境，或用 --local 写入本地模拟器。环境 ID「${a.env ?? ''}」格式不正确。\nGive --env <envId> or --local.\n${USAGE}`,
    );
    return null;
  }
  if (!env.TENCENTCLOUD_SECRETID || !env.TENCENTCLOUD_SECRETKEY) {
    io.err(
      '缺少腾讯云 API 密钥：请在环境变量中设置 TENCENTCLOUD_SECRETID 和 TENCENTCLOUD_SECRETKEY。未做任何更改。\n' +
        'Missing TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY in the environment. Nothing was changed.',
    );
    return null;
  }
  return { local: null, envId: a.env };
}

/** Runs the command; returns the exit code (0 done, 1 refused or failed). */
export async function runImport(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: Io = consoleIo,
  now: () => Date = () => new Date(),
): Promise<number> {
  const a = parseArgs(argv);
  if (typeof a === 'string') {
    io.err(`${a}\n${USAGE}`);
    return 1;
  }
  if (a.template) {
    await writeWorkbook(a.template, TEMPLATE);
    io.out(`已生成导入模板 ${a.template}（template written）`);
    return 0;
  }
  if (a.export) {
    const t = target(a, env, io);
    if (!t) return 1;
    const school = await readSchool(await connect(t, env));
    if (a.unit && !school.units.some((u) => u._id === a.unit)) {
      io.err(`组织「${a.unit}」不存在 / no unit ${a.unit}`);
      return 1;
    }
    // reach holds every unit a person belongs to and every unit above those: "in this unit or below" is one test.
    const people = a.unit ? school.people.filter((p) => p.reach.includes(a.unit!)) : school.people;
    await writeWorkbook(a.export, toWorkbook(school.units, people));
    const positions = people.reduce((n, p) => n + p.positions.length, 0);
    io.out(`已导出 ${school.units.length} 个组织、${people.length} 人、${positions} 项职务到 ${a.export}`);
    return 0;
  }
  if (!a.file) {
    io.err(USAGE);
    return 1;
  }
  const t = a.check ? null : target(a, env, io);
  if (!a.check && !t) return 1;
  const { workbook, problems: shape } = await readWorkbook(a.file);
  const checked = shape.length > 0 ? { ok: false as const, problems: shape } : validate(workbook);
  if (!checked.ok) {
    io.err(`发现 ${checked.problems.length} 个问题，未写入任何数据（nothing was written）：`);
    for (const p of checked.problems) io.err(`  ${problemText(p)}`);
    return 1;
  }
  const v = checked.value;
  io.out(
    `校验通过：${v.units.length} 个组织、${v.people.length} 人、${v.people.reduce((n, p) => n + p.positions.length, 0)} 项职务。`,
  );
  if (a.check) return 0;
  const r = await writeSchool(await connect(t!, env), v, now());
  if (r.problems.length > 0) {
    io.err(`发现 ${r.problems.length} 个问题，未写入任何数据（nothing was written）：`);
    for (const p of r.problems) io.err(`  ${problemText(p)}`);
    return 1;
  }
  io.out(
    `组织：新增 ${r.units.created}，更新 ${r.units.updated}，不变 ${r.units.unchanged}；` +
      `人员：新增 ${r.people.created}，更新 ${r.people.updated}，不变 ${r.people.unchanged}。`,
  );
  return 0;
}

if (require.main === module) {
  runImport(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`导入失败：${(e as Error).message}`);
      process.exit(1);
    },
  );
}
