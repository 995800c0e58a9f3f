/** The mini-program upload plan: version and description from package.json, and every reason not to upload. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { upload, uploadPlan } from '../../../scripts/upload';

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'));

function fakeProject(opts: { appid: string; mode: 'cloud' | 'local'; npmBuilt: boolean }) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lingyan-upload-'));
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ version: '1.2.3', description: '测试版' }));
  fs.writeFileSync(path.join(root, 'project.config.json'), JSON.stringify({ appid: 'touristappid', setting: {} }));
  fs.writeFileSync(path.join(root, 'project.private.config.json'), JSON.stringify({ appid: opts.appid }));
  fs.mkdirSync(path.join(root, 'miniprogram'));
  fs.writeFileSync(path.join(root, 'miniprogram/config.ts'), `export const config = { mode: '${opts.mode}' };`);
  if (opts.npmBuilt) fs.mkdirSync(path.join(root, 'miniprogram/miniprogram_npm'));
  return root;
}

test('the dry run takes version and description from package.json and names what blocks an upload', async () => {
  const out: string[] = [];
  const code = await upload(['--dry-run', '--json'], {}, { out: (l) => out.push(l), err: (l) => out.push(l) });
  const { plan } = JSON.parse(out.join('\n'));
  expect(plan).toMatchObject({ version: pkg.version, desc: pkg.description, robot: 1, privateKeyPath: null });
  // The repository carries the placeholder appid and no key: an upload from it as it is must not go ahead.
  expect(plan.blockers.join('\n')).toContain('touristappid');
  expect(plan.blockers.join('\n')).toContain('MINIPROGRAM_PRIVATE_KEY_PATH');
  expect(code).toBe(2);
});

test('without a real appid and key the upload refuses before loading miniprogram-ci', async () => {
  const err: string[] = [];
  expect(await upload([], {}, { out: () => {}, err: (l) => err.push(l) })).toBe(1);
  expect(err.join('\n')).toContain('nothing was uploaded');
});

test('a project with a real appid, a key outside it, cloud mode and built npm has no blockers', () => {
  const root = fakeProject({ appid: 'wx0123456789abcdef', mode: 'cloud', npmBuilt: true });
  const key = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lingyan-key-')), 'private.key');
  fs.writeFileSync(key, 'k');
  const plan = uploadPlan({ MINIPROGRAM_PRIVATE_KEY_PATH: key }, 1, root);
  expect(plan.blockers).toEqual([]);
  expect(plan).toMatchObject({ appid: 'wx0123456789abcdef', version: '1.2.3', desc: '测试版' });
});

test('a build pointed at the local emulator, a key inside the repository or npm not built is refused', () => {
  const root = fakeProject({ appid: 'wx0123456789abcdef', mode: 'local', npmBuilt: false });
  const key = path.join(root, 'private.key');
  fs.writeFileSync(key, 'k');
  const text = uploadPlan({ MINIPROGRAM_PRIVATE_KEY_PATH: key }, 1, root).blockers.join('\n');
  expect(text).toContain("mode 不是 'cloud'");
  expect(text).toContain('不能放在仓库里');
  expect(text).toContain('build-mp-npm');
});
