/** The action pipeline against bad input and missing identity: a specific code, nothing written, no crash. */
import { errorCode, startTestEmulator, type TestEmulator } from '../support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

async function auditCount() {
  return emu.server.db.collection('audit').count();
}
async function bindingCount() {
  return emu.server.db.collection('bindings').count();
}

describe('the api pipeline', () => {
  it('refuses a call without a WeChat identity', async () => {
    expect(errorCode(await emu.call(null, 'me.get', {}))).toBe('UNAUTHENTICATED');
  });

  it('refuses an unknown action', async () => {
    expect(errorCode(await emu.as('sport_officer', 'bindings.deleteAll'))).toBe('UNKNOWN_ACTION');
  });

  it('refuses unknown keys, including an openid smuggled in the input, and writes nothing', async () => {
    const before = await bindingCount();
    const res = await emu.raw('openid:o-stranger', 'bindings.submit', {
      name: '张三',
      studentNo: '2025019999',
      collegeId: 'u_sport',
      openid: 'demo_admin',
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('BAD_INPUT');
    expect(res.error.fields).toHaveProperty('openid');
    expect(await bindingCount()).toBe(before);
  });

  it('refuses wrong types with a Chinese message per field', async () => {
    const res = await emu.raw('openid:o-stranger', 'bindings.submit', {
      name: 7,
      studentNo: '1',
      collegeId: 'u_sport',
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('BAD_INPUT');
    expect(Object.keys(res.error.fields ?? {}).sort()).toEqual(['name', 'studentNo']);
    expect(res.error.fields?.studentNo).toMatch(/学号/);
    expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('refuses oversized input before parsing it', async () => {
    const res = await emu.call('openid:o-stranger', 'bindings.submit', {
      name: 'x'.repeat(70_000),
      studentNo: '2025019999',
      collegeId: 'u_sport',
    });
    expect(errorCode(res)).toBe('INPUT_TOO_LARGE');
  });

  it('refuses a non-object input', async () => {
    expect(errorCode(await emu.raw('sport_officer', 'people.list', 'u_sport'))).toBe('BAD_INPUT');
  });

  it('writes no audit entry for any refused call', async () => {
    const before = await auditCount();
    await emu.call(null, 'bindings.submit', { name: '张三', studentNo: '2025019999', collegeId: 'u_sport' });
    await emu.call('sport_masses', 'bindings.decide', { bindingId: 'b_demo_applicant_fan', approve: true });
    await emu.call('info_officer', 'bindings.decide', { bindingId: 'b_demo_applicant_fan', approve: true });
    expect(await auditCount()).toBe(before);
  });

  it('answers an unexpected failure with INTERNAL and a logged id, never a stack trace', async () => {
    // A corrupted record (positions is not a list) makes the handler throw a TypeError.
    await emu.server.db.collection('people').insertMany([
      {
        _id: 'p_corrupt',
        openid: 'o-corrupt',
        name: '坏数据',
        studentNo: 'X0001',
        collegeId: 'u_sport',
        status: 'masses',
        positions: 'oops',
        memberOf: [],
      },
    ]);
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await emu.as('openid:o-corrupt', 'me.get');
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('INTERNAL');
    expect(res.error.message).toMatch(/^系统繁忙，请稍后重试（编号 [0-9a-f]{8}）$/);
    expect(JSON.stringify(res)).not.toMatch(/TypeError|\.ts:\d+/);
    expect(logged.mock.calls.some((c) => String(c[0]).includes(res.error.id ?? 'none'))).toBe(true);
    logged.mockRestore();
  });
});
