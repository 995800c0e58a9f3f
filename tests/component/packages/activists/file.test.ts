/**
 * 积极分子档案 (packages/activists/file/index): the activist's file and semester grades as the demo world records them
 * (黄子豪 of 体育学院学生党支部), the appeal of a decided grade, and what the contact and other people see.
 */
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { fail, loadPage, ok } from '../../harness';

const FILE = 'packages/activists/file/index';
const MINE = worldView('activists.file.activist');
const AS_CONTACT = worldView('activists.file.contact');
const APPEALED = worldView('activists.file.appealed');
const APPEAL = worldInput('activists.appeal.activist');
const query = { personId: MINE.personId };

describe('积极分子档案', () => {
  it('is opened from 我的 (own file, no person named)', async () => {
    // 马骁 as the world records him.
    const me = await loadPage('pages/me/index', { responses: { 'me.get': worldReply('me.get.sport_pb_sec') } });
    await me.tap('#activist-entry');
    expect(me.navigations).toEqual([{ method: 'navigateTo', url: '/packages/activists/file/index' }]);
    await me.tap('#activist-grading-entry');
    expect(me.navigations.at(-1)).toEqual({ method: 'navigateTo', url: '/packages/activists/grading/index' });
    const own = worldView('me.get.sport_pb_sec');
    const p = await loadPage(FILE, { responses: { 'me.get': ok(own), 'activists.file': ok(MINE) } });
    expect(p.callsOf('activists.file')[0]!.input).toEqual({ personId: own.person!.id });
  });

  it('shows the activist the grade decided beside the computed one, its parts and weights, and no officers’ notes', async () => {
    const p = await loadPage(FILE, { query, responses: { 'activists.file': ok(MINE) } });
    const g = MINE.grades[0]!;
    expect(p.text('#grade-0')).toContain(g.termLabel);
    expect(p.text('#grade-0')).toContain(`计算等次：${g.computedLabel}`);
    expect(p.text('#grade-0')).toContain(`支委会确定：${g.decision!.label}`);
    // Every part with its weight: a part with nothing to measure this term says its weight was shared out.
    for (const c of g.components) {
      expect(p.text('#grade-0')).toContain(c.label);
      expect(p.text('#grade-0')).toContain(
        c.score === null ? `权重 ${c.weight}% · 本学期无此项，已分摊` : `${c.score} 分 · 权重 ${c.weight}%`,
      );
    }
    expect(g.components.map((c) => c.label)).toContain('思想汇报（数量与质量）');
    expect(p.text()).toContain('组织新生志愿服务');
    expect(p.text()).toContain('质量评定：优 · 邓凯');
    expect(p.text()).not.toContain('干部记录');
    expect(p.exists('#write-button')).toBe(true);
    expect(p.exists('#review-button')).toBe(false);
  });

  it('appeals once with a reason and shows the appeal waiting', async () => {
    const p = await loadPage(FILE, {
      query,
      responses: {
        'activists.file': [ok(MINE), ok(MINE)],
        'activists.appeal': worldReply('activists.appeal.activist'),
      },
    });
    await p.tap('#appeal-button-0');
    await p.tap('#appeal-submit');
    expect(p.text('#appeal-error')).toContain('请写明申诉理由');
    expect(p.callsOf('activists.appeal')).toHaveLength(0);
    await p.trigger('#appeal-input', 'change', { value: APPEAL.reason });
    const after = {
      ...MINE,
      grades: [worldView('activists.appeal.activist'), ...MINE.grades.slice(1)],
    };
    p.respond('activists.file', ok(after));
    await p.tap('#appeal-submit');
    expect(p.callsOf('activists.appeal')[0]!.input).toEqual(APPEAL);
    expect(p.toasts).toContain('申诉已提交，等待党支部答复');
    expect(p.text('#appeal-0')).toContain(APPEAL.reason);
    expect(p.text('#appeal-0')).toContain('等待党支部答复');
    expect(p.exists('#appeal-button-0')).toBe(false);
  });

  it('shows the answer to an appeal, and no second appeal', async () => {
    const p = await loadPage(FILE, {
      query: { personId: APPEALED.personId },
      responses: { 'activists.file': ok(APPEALED) },
    });
    expect(p.text('#appeal-0')).toContain(APPEALED.grades[0]!.appeal!.reason);
    expect(p.exists('#appeal-button-0')).toBe(false);
  });

  it('shows a refused appeal’s message', async () => {
    const p = await loadPage(FILE, {
      query,
      responses: { 'activists.file': ok(MINE), 'activists.appeal': fail('APPEAL_EXISTS') },
    });
    await p.tap('#appeal-button-0');
    await p.trigger('#appeal-input', 'change', { value: '再次申诉' });
    await p.tap('#appeal-submit');
    expect(p.toasts).toContain('每个学期的等次只能申诉一次');
  });

  it('offers the contact the reports waiting for review, with the officers’ notes', async () => {
    const p = await loadPage(FILE, { query, responses: { 'activists.file': ok(AS_CONTACT) } });
    expect(p.text('#review-button')).toContain('1 份待审');
    expect(p.text('#note-0')).toContain('组织观念强');
    expect(p.exists('#write-button')).toBe(false);
    await p.tap('#review-button');
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/activists/review/index?personId=${MINE.personId}` },
    ]);
  });

  it('shows the half-yearly assessments of the development case, the temporary branch’s marked as sent home', async () => {
    const p = await loadPage(FILE, {
      query: { personId: APPEALED.personId },
      responses: { 'activists.file': ok(APPEALED) },
    });
    expect(APPEALED.assessments.map((a) => a.fromTemporary)).toEqual([false, true]);
    expect(p.text('#assessment-0')).toContain(`考察 · ${APPEALED.assessments[0]!.on}`);
    expect(p.text('#assessment-0')).toContain('体育学院学生党支部');
    expect(p.text('#assessment-1')).toContain('篮球协会临时团支部（临时支部报送）');
    expect(p.text('#assessment-1')).toContain('工作认真负责');
  });

  it('shows the file the 确定入党积极分子 step opened, with the contact the case names', async () => {
    const opened = worldView('activists.file.opened_by_step');
    const p = await loadPage(FILE, {
      query: { personId: opened.personId },
      responses: { 'activists.file': ok(opened) },
    });
    expect(p.text('#file-head')).toContain('信息学院学生党支部');
    expect(p.text('#file-head')).toContain('培养联系人：钱程');
    // The assessments the case holds since the step (the world assesses 白露 once, with its three evaluations).
    expect(p.exists('#assessments-empty')).toBe(opened.assessments.length === 0);
    for (const [i, a] of opened.assessments.entries()) expect(p.text(`#assessment-${i}`)).toContain(a.on);
  });

  it('tells a student without a file, and someone out of scope', async () => {
    const none = await loadPage(FILE, { query, responses: { 'activists.file': worldReply('activists.file.none') } });
    expect(none.text('#page-state')).toContain('尚未建立入党积极分子档案');
    const stranger = await loadPage(FILE, {
      query,
      responses: { 'activists.file': worldReply('activists.file.stranger') },
    });
    expect(stranger.text('#page-state')).toContain('您没有查看该档案的权限');
  });
});
