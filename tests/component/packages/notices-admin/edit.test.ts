/** 新建/编辑公示 (packages/notices-admin/edit/index): the draft form, its window and publishing. */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { fail, loadPage, ok } from '../../harness';

/** Whose eyes: the sport college's officer, the sport party branch's secretary (the demo world's people). */
const base = (who: 'sport_officer' | 'sport_pb_sec') => ({
  'me.get': worldReply(`me.get.${who}`),
  'org.tree': worldReply(`org.tree.${who}`),
});

const DETAIL_DRAFT = worldView('notices.get.draft.secretary');
const DETAIL_OPEN_OFFICER = worldView('notices.get.open.officer');

describe('新建/编辑公示', () => {
  const PAGE = 'packages/notices-admin/edit/index';

  it('creates a draft with what was entered and opens it', async () => {
    // What the officer enters is what the world's officer sent to notices.create (and got a draft for).
    const sent = worldInput('notices.create.new');
    const created = worldView('notices.create.new');
    const college = worldView('me.get.sport_officer').manages.notices;
    const p = await loadPage(PAGE, {
      responses: { ...base('sport_officer'), 'notices.create': worldReply('notices.create.new') },
    });
    // The officer manages notices for his college (college_officer) and nothing else.
    expect(p.instance.data.ownerUnits).toEqual(college.map((u) => ({ label: u.name, value: u.id })));
    expect(college.map((u) => u.id)).toEqual([sent.unitId]);
    await p.trigger('#kind-picker', 'confirm', { value: [sent.kind], label: ['评优与荣誉'] });
    await p.trigger('#title-input', 'change', { value: ` ${sent.title} ` });
    await p.trigger('#body-input', 'change', { value: sent.body });
    await p.trigger('#name-input', 'change', { value: sent.subjects.map((s) => s.name).join('、') });
    await p.tap('#add-name');
    expect(p.count('.subject')).toBe(sent.subjects.length);
    await p.trigger('#scope-picker', 'confirm', { value: sent.scopeUnitIds, label: ['体育学院学生党支部'] });
    await p.trigger('#start-picker', 'confirm', { value: sent.window.start });
    await p.trigger('#length-stepper', 'change', { value: sent.window.length });
    await p.trigger('#unit-radio', 'change', { value: sent.window.unit });
    expect(p.text('#rule-text')).toContain('自2026年12月1日起7天（开始当日计入）');
    await p.tap('#save-button');
    expect(p.callsOf('notices.create').map((c) => c.input)).toEqual([sent]);
    expect(p.toasts).toEqual(['草稿已保存']);
    expect(p.navigations).toEqual([
      { method: 'redirectTo', url: `/packages/notices/detail/index?noticeId=${created.noticeId}` },
    ]);
  });

  it('offers the owner unit and the units below it as the scope', async () => {
    const p = await loadPage(PAGE, { responses: base('sport_officer') });
    const scopes = p.instance.data.scopes.map((s: { value: string }) => s.value);
    expect(scopes[0]).toBe('u_sport');
    expect(scopes).toEqual(expect.arrayContaining(['u_sport_pb', 'u_sport_lb1']));
    expect(scopes).not.toContain('u_info');
  });

  it('checks what is required before calling, and rejects a name that is not a name', async () => {
    const p = await loadPage(PAGE, { responses: base('sport_pb_sec') });
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
        ...base('sport_pb_sec'),
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
    // The change is the one the world's secretary made to the draft (notices.update).
    const sent = worldInput('notices.update.draft');
    const p = await loadPage(PAGE, {
      query: { noticeId: DETAIL_DRAFT.id },
      responses: {
        ...base('sport_pb_sec'),
        'notices.get': ok(DETAIL_DRAFT),
        'notices.update': worldReply('notices.update.draft'),
      },
    });
    expect(p.instance.data.form.title).toBe(DETAIL_DRAFT.title);
    expect(p.count('.subject')).toBe(DETAIL_DRAFT.subjects.length);
    await p.trigger('#title-input', 'change', { value: sent.title });
    await p.trigger('#length-stepper', 'change', { value: sent.window!.length });
    await p.tap('#save-button');
    expect(p.callsOf('notices.update').map((c) => c.input)).toEqual([sent]);
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });

  it('will not edit a published notice', async () => {
    const p = await loadPage(PAGE, {
      query: { noticeId: DETAIL_OPEN_OFFICER.id },
      responses: { ...base('sport_officer'), 'notices.get': ok(DETAIL_OPEN_OFFICER) },
    });
    expect(p.text('#page-state')).toContain('公示已发布，内容不能再修改');
  });
});
