/** 实名绑定 (pages/binding/index): the form, its validation and the states of an application. */
import { worldInput, worldPersona, worldReply, worldView } from '../../support/world-views';
import { type LoadedPage, loadPage } from '../harness';

const PAGE = 'pages/binding/index';

async function fillForm(p: LoadedPage, values: { name?: string; studentNo?: string; collegeId?: string }) {
  if (values.name !== undefined) await p.trigger('#name-input', 'change', { value: values.name });
  if (values.studentNo !== undefined) await p.trigger('#student-no-input', 'change', { value: values.studentNo });
  if (values.collegeId !== undefined) {
    await p.tap('#college-cell');
    await p.trigger('#college-picker', 'confirm', { value: [values.collegeId], label: ['?'] });
  }
}

/** The claims the world's server answered: refused for want of the binding code, a malformed number, a number
 * already bound, and accepted. */
const NO_FACTOR = worldInput('bindings.submit.no_factor');
const BAD_NO = worldInput('bindings.submit.bad_student_no');
const TAKEN = worldInput('bindings.submit.taken');
const NEW = worldInput('bindings.submit.new');

describe('实名绑定', () => {
  // A WeChat user of the demo world who never claimed anyone: `me.get` and `org.tree` as they see them.
  const base = worldPersona('newcomer');

  it('offers only colleges in the college picker', async () => {
    const p = await loadPage(PAGE, { responses: base });
    const colleges = worldView('org.tree.newcomer').units.filter((u) => u.kind === 'college');
    expect(colleges.length).toBeGreaterThan(1);
    expect(p.instance.data.colleges).toEqual(colleges.map((u) => ({ label: u.name, value: u.id })));
    await p.tap('#college-cell');
    expect(p.instance.data.pickerVisible).toBe(true);
    await p.trigger('#college-picker', 'confirm', { value: [colleges[1].id], label: [colleges[1].name] });
    expect(p.text('#college-cell')).toContain(colleges[1].name);
    expect(p.instance.data.pickerVisible).toBe(false);
  });

  it('asks for every empty field before calling the server', async () => {
    const p = await loadPage(PAGE, { responses: base });
    await p.tap('#submit-button');
    expect(p.callsOf('bindings.submit')).toHaveLength(0);
    expect(p.text('#name-input')).toContain('请输入姓名');
    expect(p.text('#student-no-input')).toContain('请输入学号');
    expect(p.text('#college-error')).toBe('请选择学院');
    await fillForm(p, { name: '王小明' });
    expect(p.text('#name-input')).not.toContain('请输入姓名');
  });

  it('shows the server’s field messages under the fields they belong to', async () => {
    const p = await loadPage(PAGE, {
      responses: { ...base, 'bindings.submit': worldReply('bindings.submit.bad_student_no') },
    });
    await fillForm(p, { name: ` ${BAD_NO.name} `, studentNo: BAD_NO.studentNo, collegeId: BAD_NO.collegeId });
    await p.tap('#submit-button');
    expect(p.callsOf('bindings.submit')[0].input).toEqual(BAD_NO);
    const refused = worldReply('bindings.submit.bad_student_no');
    expect(refused.ok).toBe(false);
    expect(p.text('#student-no-input')).toContain(refused.ok ? '' : refused.error.fields!.studentNo);
    // Every message sits beside its field, so no generic toast repeats it.
    expect(p.toasts).toEqual([]);
    expect(p.exists('#submitted')).toBe(false);
  });

  it('puts a taken student number under the student number field', async () => {
    const p = await loadPage(PAGE, {
      responses: { ...base, 'bindings.submit': worldReply('bindings.submit.taken') },
    });
    await fillForm(p, TAKEN);
    await p.tap('#submit-button');
    expect(p.text('#student-no-input')).toContain('该学号已被其他微信账号绑定');
  });

  it('submits and then says it waits for the college', async () => {
    const p = await loadPage(PAGE, {
      responses: { ...base, 'bindings.submit': worldReply('bindings.submit.new') },
    });
    await fillForm(p, NEW);
    await p.tap('#submit-button');
    expect(p.callsOf('bindings.submit')).toEqual([{ action: 'bindings.submit', input: NEW, transport: 'cloud' }]);
    expect(p.text('#submitted')).toContain('已提交，等待学院审核');
    await p.tap('#back-button');
    expect(p.navigations).toEqual([{ method: 'switchTab', url: '/pages/me/index' }]);
  });

  it('shows the last rejection reason above the form when resubmitting', async () => {
    const p = await loadPage(PAGE, { responses: worldPersona('applicant_bai') });
    expect(p.text('#reject-notice')).toContain(worldView('me.get.applicant_bai').binding!.reason!);
    expect(p.exists('#submit-button')).toBe(true);
  });

  it('shows the waiting state instead of the form while an application is pending', async () => {
    const p = await loadPage(PAGE, { responses: worldPersona('applicant_wei') });
    expect(p.text('#submitted')).toContain('已提交，等待学院审核');
    expect(p.exists('#submit-button')).toBe(false);
  });

  it('tells a bound person they are done', async () => {
    const p = await loadPage(PAGE, { responses: worldPersona('sport_prob2') });
    expect(p.text('#bound')).toContain('您已完成实名绑定');
  });

  it('works the same through the local emulator transport', async () => {
    const p = await loadPage(PAGE, {
      transport: 'local',
      responses: { ...base, 'bindings.submit': worldReply('bindings.submit.new') },
    });
    await fillForm(p, NEW);
    await p.tap('#submit-button');
    expect(p.calls.map((c) => [c.action, c.transport, c.openid])).toEqual([
      ['me.get', 'local', 'local-student'],
      ['org.tree', 'local', 'local-student'],
      ['bindings.submit', 'local', 'local-student'],
    ]);
    expect(p.text('#submitted')).toContain('已提交，等待学院审核');
  });

  it('opens the binding-code field when the college requires one, and sends the code with the claim', async () => {
    const code = worldView('bindings.issueCode.fan').code;
    const p = await loadPage(PAGE, {
      responses: {
        ...base,
        'bindings.submit': [worldReply('bindings.submit.no_factor'), worldReply('bindings.submit.new')],
      },
    });
    expect(p.exists('#second-factor-input')).toBe(false);
    await fillForm(p, NO_FACTOR);
    await p.tap('#submit-button');
    expect(p.text('#second-factor-input')).toContain('请填写学院发放的绑定码或身份证号后几位');
    await p.trigger('#second-factor-input', 'change', { value: ` ${code} ` });
    await p.tap('#submit-button');
    expect(p.callsOf('bindings.submit').map((c) => c.input)).toEqual([NO_FACTOR, { ...NO_FACTOR, secondFactor: code }]);
    expect(p.text('#submitted')).toContain('已提交，等待学院审核');
  });

  it('lets a student open the binding-code field before submitting', async () => {
    const p = await loadPage(PAGE, { responses: base });
    await p.tap('#factor-toggle');
    expect(p.exists('#second-factor-input')).toBe(true);
  });

  it('tells a student whose binding was revoked why, and lets them apply again', async () => {
    const p = await loadPage(PAGE, { responses: { ...base, 'me.get': worldReply('me.get.applicant_qin.revoked') } });
    expect(p.text('#reject-notice')).toContain('您的实名绑定已被学院撤销');
    expect(p.text('#reject-notice')).toContain(worldInput('bindings.revoke.qin').reason);
    expect(p.exists('#submit-button')).toBe(true);
  });
});
