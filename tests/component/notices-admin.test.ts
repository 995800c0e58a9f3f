/** The officers' 公示 pages: 公示管理, the draft form, 异议处理 and 归档记录. */
import { ME, UNITS } from '../../scripts/preview/demo-data';
import {
  ARCHIVE,
  DETAIL_DRAFT,
  DETAIL_OPEN_OFFICER,
  MANAGED_CARDS,
  noticePage,
  OFFICER_OBJECTIONS,
  objectionsPage,
} from '../../scripts/preview/demo-notices';
import { fail, loadPage, ok } from './harness';

const base = (persona: 'officer' | 'secretary' | 'student') => ({
  'me.get': ok(ME[persona]),
  'org.tree': ok({ units: UNITS }),
});

describe('公示管理', () => {
  const PAGE = 'packages/notices-admin/manage/index';

  it('is offered on 我的 to those who manage notices, and only to them', async () => {
    const secretary = await loadPage('pages/me/index', { responses: base('secretary') });
    await secretary.tap('#notices-entry');
    expect(secretary.navigations).toEqual([{ method: 'navigateTo', url: '/packages/notices-admin/manage/index' }]);
    expect(secretary.exists('#review-entry')).toBe(false);
    const student = await loadPage('pages/me/index', { responses: base('student') });
    expect(student.exists('#notices-entry')).toBe(false);
  });

  it('lists the managed notices, drafts included, and opens one or the form', async () => {
    const p = await loadPage(PAGE, { responses: { 'notices.list': ok(noticePage(MANAGED_CARDS)) } });
    expect(p.callsOf('notices.list')[0].input).toEqual({ scope: 'managed', page: 1, pageSize: 10 });
    expect(p.count('.notice')).toBe(MANAGED_CARDS.length);
    expect(p.text(`#notice-${MANAGED_CARDS[0].id}`)).toContain('草稿');
    // Where objections wait for an investigation, the card says how many.
    expect(p.text('#notice-n-tuiyou-2301')).toContain('2 条异议待处理');
    expect(p.text(`#notice-${MANAGED_CARDS[0].id}`)).not.toContain('待处理');
    await p.tap(`#notice-${MANAGED_CARDS[0].id}`);
    await p.tap('#create-button');
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/notices/detail/index?noticeId=${MANAGED_CARDS[0].id}` },
      { method: 'navigateTo', url: '/packages/notices-admin/edit/index' },
    ]);
  });

  it('tells a student they may not manage notices', async () => {
    const p = await loadPage(PAGE, { responses: { 'notices.list': fail('FORBIDDEN') } });
    expect(p.text('#page-state')).toContain('您没有管理公示的权限');
    expect(p.exists('#create-button')).toBe(false);
  });
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

describe('异议处理', () => {
  const PAGE = 'packages/notices-admin/objections/index';
  const query = { noticeId: DETAIL_OPEN_OFFICER.id };

  it('lists objections: a real-name one with its name, anonymous ones without any', async () => {
    const p = await loadPage(PAGE, { query, responses: { 'notices.objections': ok(objectionsPage()) } });
    expect(p.callsOf('notices.objections')[0].input).toEqual({
      noticeId: DETAIL_OPEN_OFFICER.id,
      page: 1,
      pageSize: 20,
    });
    expect(p.text('#objection-o-1')).toContain('实名');
    expect(p.text('#objection-o-1')).toContain('孙梦瑶');
    expect(p.text('#objection-o-1')).toContain('2026-11-20 提交');
    expect(p.text('#objection-o-2')).toContain('匿名');
    expect(p.text('#objection-o-2')).toContain('内容待人工复核');
    expect(p.text('#objection-o-2')).toContain('异议不成立');
    expect(p.text('#pending-count')).toBe('1 条待处理。');
  });

  it('records the investigation and the finding, and shows the result', async () => {
    const p = await loadPage(PAGE, {
      query,
      responses: {
        'notices.objections': ok(objectionsPage()),
        'notices.handleObjection': ok({ objectionId: 'o-1', outcome: 'dismissed', noticeOutcome: null }),
      },
    });
    await p.tap('#objection-o-1 .handle-button');
    await p.tap('#submit-handling');
    expect(p.callsOf('notices.handleObjection')).toHaveLength(0);
    expect(p.text('#investigation-error')).toBe('请填写调查核实情况');
    expect(p.text('#outcome-error')).toBe('请选择核实结论');

    await p.trigger('#investigation-input', 'change', { value: ' 经查为缓考，已补考合格。 ' });
    await p.trigger('#outcome-radio', 'change', { value: 'dismissed' });
    await p.tap('#submit-handling');
    expect(p.callsOf('notices.handleObjection').map((c) => c.input)).toEqual([
      { objectionId: 'o-1', investigation: '经查为缓考，已补考合格。', outcome: 'dismissed' },
    ]);
    expect(p.toasts).toEqual(['已记录处理结果']);
    expect(p.exists('#handle-form')).toBe(false);
    expect(p.text('#objection-o-1')).toContain('异议不成立');
    expect(p.text('#objection-o-1')).toContain('经查为缓考，已补考合格。');
    expect(p.exists('#pending-count')).toBe(false);
  });

  it('reloads when another officer handled it first', async () => {
    const handled = OFFICER_OBJECTIONS.map((o) =>
      o.id === 'o-1' ? { ...o, handling: OFFICER_OBJECTIONS[1].handling } : o,
    );
    const p = await loadPage(PAGE, {
      query,
      responses: {
        'notices.objections': [ok(objectionsPage()), ok(objectionsPage(handled))],
        'notices.handleObjection': fail('OBJECTION_ALREADY_HANDLED'),
      },
    });
    await p.tap('#objection-o-1 .handle-button');
    await p.trigger('#investigation-input', 'change', { value: '核实' });
    await p.trigger('#outcome-radio', 'change', { value: 'upheld' });
    await p.tap('#submit-handling');
    expect(p.toasts).toEqual(['该异议已处理']);
    expect(p.callsOf('notices.objections')).toHaveLength(2);
    expect(p.text('#objection-o-1')).toContain('异议不成立');
  });
});

describe('归档记录', () => {
  const PAGE = 'packages/notices-admin/report/index';

  it('shows the filed record; anonymous objections stay anonymous', async () => {
    const p = await loadPage(PAGE, {
      query: { noticeId: ARCHIVE.noticeId },
      responses: { 'notices.closeReport': ok(ARCHIVE), 'org.tree': ok({ units: UNITS }) },
    });
    expect(p.callsOf('notices.closeReport')[0].input).toEqual({ noticeId: ARCHIVE.noticeId });
    const text = p.text();
    expect(p.text('#result')).toContain('异议已核实处理');
    expect(text).toContain('体育学院学生党支部、篮球协会');
    expect(text).toContain('异议及处理（3条）');
    expect(p.count('.report-obj')).toBe(3);
    expect(p.text('#report-obj-1')).toContain('孙梦瑶');
    expect(p.text('#report-obj-1')).toContain('2026-11-20 14:32');
    const anonymous = p.text('#report-obj-2');
    expect(anonymous).toContain('匿名');
    // The day only, and no name anywhere in the entry.
    expect(anonymous.replace(/李雨桐 · 2026-11-22 10:05/, '')).not.toMatch(/\d{2}:\d{2}/);
    expect(anonymous).toContain('2026-11-20');
  });

  it('keeps how the publicity stood when first filed after a later handling re-filed it', async () => {
    const refiled = { ...ARCHIVE, revision: 2, filedOutcomeLabel: '尚有异议待处理' };
    const p = await loadPage(PAGE, {
      query: { noticeId: ARCHIVE.noticeId },
      responses: { 'notices.closeReport': ok(refiled), 'org.tree': ok({ units: UNITS }) },
    });
    expect(p.text('#result')).toContain('异议已核实处理');
    expect(p.text('#filed-text')).toContain('归档时：尚有异议待处理');
    expect(p.text('#filed-text')).toContain('第 2 次归档');
  });

  it('shows no filing note on a record filed once', async () => {
    const p = await loadPage(PAGE, {
      query: { noticeId: ARCHIVE.noticeId },
      responses: { 'notices.closeReport': ok(ARCHIVE), 'org.tree': ok({ units: UNITS }) },
    });
    expect(p.exists('#filed-text')).toBe(false);
  });

  it('says the record comes after the end', async () => {
    const p = await loadPage(PAGE, {
      query: { noticeId: 'n-x' },
      responses: { 'notices.closeReport': fail('NOTICE_NOT_ENDED'), 'org.tree': ok({ units: UNITS }) },
    });
    expect(p.text('#page-state')).toContain('公示期结束或撤回后，才会生成归档记录');
  });
});
