/** The audit key lives in the function's environment: without it nothing audited is written (fail closed). */
import { errorCode, startTestEmulator, type TestEmulator } from '../support';

let emu: TestEmulator;
const saved = process.env.LINGYAN_AUDIT_SECRET;
beforeAll(async () => {
  emu = await startTestEmulator({ functionEnv: { LINGYAN_AUDIT_SECRET: '' } });
});
afterAll(async () => {
  await emu.close();
  process.env.LINGYAN_AUDIT_SECRET = saved;
});

it('refuses every audited change when LINGYAN_AUDIT_SECRET is missing, and writes nothing', async () => {
  const before = {
    bindings: await emu.server.db.collection('bindings').count(),
    audit: await emu.server.db.collection('audit').count(),
  };
  const reply = await emu.as('openid:o-nokey', 'bindings.submit', {
    name: '测试生',
    studentNo: '2025019911',
    collegeId: 'u_sport',
  });
  expect(errorCode(reply)).toBe('INTERNAL');
  expect(await emu.server.db.collection('bindings').count()).toBe(before.bindings);
  expect(await emu.server.db.collection('audit').count()).toBe(before.audit);
  expect(errorCode(await emu.as('admin', 'audit.verify'))).toBe('INTERNAL');
});
