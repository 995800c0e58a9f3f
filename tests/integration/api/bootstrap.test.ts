/** The first administrator comes from the setup code in the deployment environment, once, never from a default. */
import { buildUnits } from '../../../emulator/demo/school';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ seed: false, functionEnv: { LINGYAN_SETUP_CODE: 'setup-4f9c2a7e-lingyan' } });
  await emu.server.db.collection('units').insertMany(buildUnits());
});
afterAll(() => emu.close());

it('refuses a wrong code, accepts the right one once, then refuses every later attempt', async () => {
  const input = { name: '王建国', studentNo: 'T0001' };
  expect(errorCode(await emu.as('openid:o-first', 'admin.bootstrap', { ...input, code: 'wrong-code-123' }))).toBe(
    'SETUP_CODE_INVALID',
  );
  expect(
    expectOk(await emu.as('openid:o-first', 'admin.bootstrap', { ...input, code: 'setup-4f9c2a7e-lingyan' })),
  ).toEqual({ personId: 'p_T0001' });
  const me = expectOk(await emu.as<{ positions: { roleLabel: string }[] }>('openid:o-first', 'me.get'));
  expect(me.positions.map((p) => p.roleLabel)).toEqual(['系统管理员']);
  expect(
    errorCode(
      await emu.as('openid:o-second', 'admin.bootstrap', {
        name: '李四',
        studentNo: 'T0009',
        code: 'setup-4f9c2a7e-lingyan',
      }),
    ),
  ).toBe('SETUP_DISABLED');
  // The new administrator can now act.
  expect(expectOk(await emu.as('openid:o-first', 'audit.verify'))).toMatchObject({ ok: true });
});
