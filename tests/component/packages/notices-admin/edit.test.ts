/** 新建/编辑公示 (packages/notices-admin/edit/index): the draft form, its window and publishing. */
import { ME, UNITS } from '../../../support/demo-views/org';
import { DETAIL_DRAFT, DETAIL_OPEN_OFFICER } from '../../../support/demo-views/notices';
import { fail, loadPage, ok } from '../../harness';

const base = (persona: 'officer' | 'secretary' | 'student') => ({
  'me.get': ok(ME[persona]),
  'org.tree': ok({ units: UNITS }),
});

describe('新建/编辑公示', () => {
  const PAGE = 'packages/notices-admin/edit/index';

  it('creates a draft with what was entered and opens it', async () => {
    const p = await loadPage(PAGE, {
      responses: {
        ...base('officer'),
        'notices.create': ok({ noticeId: 'n-new', window: DETAIL_DRAFT.window }),
      },
    });
    // The officer manages notices for 信息学院 (college_officer); 支部委员 does not grant it.
    expect(p.instance.data.ownerUnits).toEqual([{ label: '信息学院', value: 'college-info' }]);
    await p.trigger('#kind-picker', 'confirm', { value: ['development_candidate'], label: ['发展对象确定'] });
    await p.trigger('#title-input', 'change', { value: ' 关于确定赵一鸣同志为发展对象的公示 ' });
    await p.trigger('#body-input', 'change', { value: '经支部委员会研究……' });
    await p.trigger('#name-input', 'change', { value: '赵一鸣、陈佳怡' });
    await p.tap('#add-name');
    expect(p.count('.subject')).toBe(2);
    await p.trigger('#scope-picker', 'confirm', { value: ['pb-info-1'], label: ['信息学院本科生第一党支部'] });
    await p.trigger('#start-picker', 'confirm', { value: '2026-12-01' });
    await p.trigger('#length-stepper', 'change', { value: 7 });
    await p.trigger('#unit-radio', 'change', { value: 'calendar_day' });
    expect(p.text('#rule-text')).toContain('自2026年12月1日起7天（开始当日计入）');
    await p.tap('#save-button');
    expect(p.callsOf('notices.create').map((c) => c.input)).toEqual([
      {
        unitId: 'college-info',
        kind: 'development_candidate',
        title: '关于确定赵一鸣同志为发展对象的公示',
        body: '经支部委员会研究……',
        subjects: [{ name: '赵一鸣' }, { name: '陈佳怡' }],
        scopeUnitIds: ['pb-info-1'],
        window: { start: '2026-12-01', length: 7, unit: 'calendar_day', counting: 'inclusive' },
      },
    ]);
    expect(p.toasts).toEqual(['草稿已保存']);
    expect(p.navigations).toEqual([{ method: 'redirectTo', url: '/packages/notices/detail/index?noticeId=n-new' }]);
  });

  it('offers the owner unit and the units below it as the scope', async () => {
    const p = await loadPage(PAGE, { responses: base('officer') });
    const scopes = p.instance.data.scopes.map((s: { value: string }) => s.value);
    expect(scopes[0]).toBe('college-info');
    expect(scopes).toEqual(expect.arrayContaining(['pb-info-1', 'lb-info-2301']));
    expect(scopes).not.toContain('college-pe');
  });

  it('checks what is required before calling, and rejects a name that is not a name', async () => {
    const p = await loadPage(PAGE, { responses: base('secretary') });
    await p.trigger('#name-input', 'change', { value: '王' });
    await p.tap('#add-name');
    expect(p.text('#subjects-error')).toContain('姓名为 2–20 个字');
    await p.tap('#save-button');
    expect(p.callsOf('notices.create')).toHaveLength(0);
    expect(p.text('#kind-error')).toBe('请选择公示类型');
    expect(p.text('#title-error')).toBe('请填写标题');
    expect(p.text('#body-error')).toBe('请填写公示内容');
  });

  it('shows server field errors next to the fields', async () => {
    const p = await loadPage(PAGE, {
      responses: {
        ...base('secretary'),
        'notices.create': fail('BAD_INPUT', { fields: { 'window.length': '至少 1 天', title: '标题不超过 60 字' } }),
      },
    });
    await p.trigger('#kind-picker', 'confirm', { value: ['acceptance'], label: ['接收预备党员'] });
    await p.trigger('#title-input', 'change', { value: '标题' });
    await p.trigger('#body-input', 'change', { value: '内容' });
    await p.tap('#save-button');
    expect(p.text('#length-error')).toBe('至少 1 天');
    expect(p.text('#title-error')).toBe('标题不超过 60 字');
  });

  it('edits a draft, sending only what changed', async () => {
    const p = await loadPage(PAGE, {
      query: { noticeId: DETAIL_DRAFT.id },
      responses: {
        ...base('officer'),
        'notices.get': ok(DETAIL_DRAFT),
        'notices.update': ok({ noticeId: DETAIL_DRAFT.id, window: DETAIL_DRAFT.window }),
      },
    });
    expect(p.instance.data.form.title).toBe(DETAIL_DRAFT.title);
    expect(p.count('.subject')).toBe(1);
    await p.trigger('#title-input', 'change', { value: '关于确定赵一鸣同志为发展对象的公示（更正）' });
    await p.trigger('#length-stepper', 'change', { value: 6 });
    await p.tap('#save-button');
    expect(p.callsOf('notices.update').map((c) => c.input)).toEqual([
      {
        noticeId: DETAIL_DRAFT.id,
        title: '关于确定赵一鸣同志为发展对象的公示（更正）',
        window: { start: '2026-12-28', length: 6, unit: 'workday', counting: 'inclusive' },
      },
    ]);
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });

  it('will not edit a published notice', async () => {
    const p = await loadPage(PAGE, {
      query: { noticeId: DETAIL_OPEN_OFFICER.id },
      responses: { ...base('secretary'), 'notices.get': ok(DETAIL_OPEN_OFFICER) },
    });
    expect(p.text('#page-state')).toContain('公示已发布，内容不能再修改');
  });
});
