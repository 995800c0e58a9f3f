/** 实名绑定 (pages/binding/index): the form, its validation and the states of an application. */
import { ME_PENDING, ME_REJECTED, ME_UNBOUND, meBound, UNITS } from '../fixtures';
import { fail, type LoadedPage, loadPage, ok } from '../harness';

const PAGE = 'pages/binding/index';

async function fillForm(p: LoadedPage, values: { name?: string; studentNo?: string; collegeId?: string }) {
  if (values.name !== undefined) await p.trigger('#name-input', 'change', { value: values.name });
  if (values.studentNo !== undefined) await p.trigger('#student-no-input', 'change', { value: values.studentNo });
  if (values.collegeId !== undefined) {
    await p.tap('#college-cell');
    await p.trigger('#college-picker', 'confirm', { value: [values.collegeId], label: ['?'] });
  }
}

describe('实名绑定', () => {
  const base = { 'me.get': ok(ME_UNBOUND), 'org.tree': ok({ units: UNITS }) };

  it('offers only colleges in the college picker', async () => {
    const p = await loadPage(PAGE, { responses: base });
    expect(p.instance.data.colleges).toEqual([
      { label: '计算机学院', value: 'col-cs' },
      { label: '法学院', value: 'col-law' },
      { label: '艺术学院', value: 'col-art' },
    ]);
    await p.tap('#college-cell');
    expect(p.instance.data.pickerVisible).toBe(true);
    await p.trigger('#college-picker', 'confirm', { value: ['col-law'], label: ['法学院'] });
    expect(p.text('#college-cell')).toContain('法学院');
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
      responses: {
        ...base,
        'bindings.submit': fail('BAD_INPUT', {
          fields: { name: '姓名至少 2 个字', studentNo: '学号应为 4–20 位字母或数字' },
        }),
      },
    });
    await fillForm(p, { name: ' 王 ', studentNo: '12-3', collegeId: 'col-cs' });
    await p.tap('#submit-button');
    expect(p.callsOf('bindings.submit')[0].input).toEqual({ name: '王', studentNo: '12-3', collegeId: 'col-cs' });
    expect(p.text('#name-input')).toContain('姓名至少 2 个字');
    expect(p.text('#student-no-input')).toContain('学号应为 4–20 位字母或数字');
    // Every message sits beside its field, so no generic toast repeats it.
    expect(p.toasts).toEqual([]);
    expect(p.exists('#submitted')).toBe(false);
  });

  it('puts a taken student number under the student number field', async () => {
    const p = await loadPage(PAGE, {
      responses: { ...base, 'bindings.submit': fail('STUDENT_NO_TAKEN') },
    });
    await fillForm(p, { name: '王小明', studentNo: '2023100001', collegeId: 'col-cs' });
    await p.tap('#submit-button');
    expect(p.text('#student-no-input')).toContain('该学号已被其他微信账号绑定');
  });

  it('submits and then says it waits for the college', async () => {
    const p = await loadPage(PAGE, {
      responses: { ...base, 'bindings.submit': ok({ bindingId: 'bd-9', state: 'pending' as const }) },
    });
    await fillForm(p, { name: '王小明', studentNo: '2023100001', collegeId: 'col-art' });
    await p.tap('#submit-button');
    expect(p.callsOf('bindings.submit')).toEqual([
      {
        action: 'bindings.submit',
        input: { name: '王小明', studentNo: '2023100001', collegeId: 'col-art' },
        transport: 'cloud',
      },
    ]);
    expect(p.text('#submitted')).toContain('已提交，等待学院审核');
    await p.tap('#back-button');
    expect(p.navigations).toEqual([{ method: 'switchTab', url: '/pages/me/index' }]);
  });

  it('shows the last rejection reason above the form when resubmitting', async () => {
    const p = await loadPage(PAGE, { responses: { ...base, 'me.get': ok(ME_REJECTED) } });
    expect(p.text('#reject-notice')).toContain('学号与姓名不一致');
    expect(p.exists('#submit-button')).toBe(true);
  });

  it('shows the waiting state instead of the form while an application is pending', async () => {
    const p = await loadPage(PAGE, { responses: { ...base, 'me.get': ok(ME_PENDING) } });
    expect(p.text('#submitted')).toContain('已提交，等待学院审核');
    expect(p.exists('#submit-button')).toBe(false);
  });

  it('tells a bound person they are done', async () => {
    const p = await loadPage(PAGE, { responses: { ...base, 'me.get': ok(meBound()) } });
    expect(p.text('#bound')).toContain('您已完成实名绑定');
  });

  it('works the same through the local emulator transport', async () => {
    const p = await loadPage(PAGE, {
      transport: 'local',
      responses: { ...base, 'bindings.submit': ok({ bindingId: 'bd-9', state: 'pending' as const }) },
    });
    await fillForm(p, { name: '王小明', studentNo: '2023100001', collegeId: 'col-cs' });
    await p.tap('#submit-button');
    expect(p.calls.map((c) => [c.action, c.transport, c.openid])).toEqual([
      ['me.get', 'local', 'local-student'],
      ['org.tree', 'local', 'local-student'],
      ['bindings.submit', 'local', 'local-student'],
    ]);
    expect(p.text('#submitted')).toContain('已提交，等待学院审核');
  });

  it('opens the binding-code field when the college requires one, and sends the code with the claim', async () => {
    const p = await loadPage(PAGE, {
      responses: {
        ...base,
        'bindings.submit': [fail('SECOND_FACTOR_REQUIRED'), ok({ bindingId: 'bd-9', state: 'pending' as const })],
      },
    });
    expect(p.exists('#second-factor-input')).toBe(false);
    await fillForm(p, { name: '王小明', studentNo: '2023100001', collegeId: 'col-cs' });
    await p.tap('#submit-button');
    expect(p.text('#second-factor-input')).toContain('请填写学院发放的绑定码或身份证号后几位');
    await p.trigger('#second-factor-input', 'change', { value: ' K7M2Q9XA ' });
    await p.tap('#submit-button');
    expect(p.callsOf('bindings.submit').map((c) => c.input)).toEqual([
      { name: '王小明', studentNo: '2023100001', collegeId: 'col-cs' },
      { name: '王小明', studentNo: '2023100001', collegeId: 'col-cs', secondFactor: 'K7M2Q9XA' },
    ]);
    expect(p.text('#submitted')).toContain('已提交，等待学院审核');
  });

  it('lets a student open the binding-code field before submitting', async () => {
    const p = await loadPage(PAGE, { responses: base });
    await p.tap('#factor-toggle');
    expect(p.exists('#second-factor-input')).toBe(true);
  });

  it('tells a student whose binding was revoked why, and lets them apply again', async () => {
    const revoked = {
      ...ME_REJECTED,
      binding: { ...ME_REJECTED.binding!, state: 'revoked' as const, reason: '本人反映被他人冒名绑定' },
    };
    const p = await loadPage(PAGE, { responses: { ...base, 'me.get': ok(revoked) } });
    expect(p.text('#reject-notice')).toContain('您的实名绑定已被学院撤销');
    expect(p.text('#reject-notice')).toContain('本人反映被他人冒名绑定');
    expect(p.exists('#submit-button')).toBe(true);
  });
});
