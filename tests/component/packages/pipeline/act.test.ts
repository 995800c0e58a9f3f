/**
 * 发展党员事项办理 (packages/pipeline/act/index): the branch's forms on a case, fed by the demo world's recordings —
 * what each sends, the gate's own answer when it refuses (rule, source, what is missing), and the fields a refusal
 * is about.
 */
import { formatChineseDate } from '../../../../miniprogram/services/format';
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { fail, loadPage, ok } from '../../harness';

const PAGE = 'packages/pipeline/act/index';
/** 吕航's case as the sport branch's secretary sees it: his talk is overdue. */
const OVERDUE = worldView('pipeline.get.overdue.secretary');
/** 沈可欣's case as the committee member sees it: talked, waiting for the activist decision. */
const TALKED = worldView('pipeline.get.talked.committee');
/** 白露, an activist of the 信息学院 branch. */
const ACTIVIST = worldView('pipeline.get.activist.info_secretary');

/** The step form's options as the demo world's secretaries and committee saw them (pipeline.stepOptions). */
const OVERDUE_STEPS = worldView('pipeline.stepOptions.overdue.secretary');
const ROBOT_STEPS = worldView('pipeline.stepOptions.robot.secretary');
const CANDIDATE_STEPS = worldView('pipeline.stepOptions.candidate.secretary');
const NO_VOTE_STEPS = worldView('pipeline.stepOptions.activist.secretary');
/** 苏婉, a 预备党员 who took the oath: conversion waits for the end of her probation. */
const PROBATION_STEPS = worldView('pipeline.stepOptions.probationary.secretary');

describe('办理下一步', () => {
  it('offers only the steps the case can take next and picks the branch’s vote from a list, sending it with the step', async () => {
    const sent = worldInput('pipeline.takeStep.robot.secretary');
    const refusal = worldReply('pipeline.takeStep.robot.secretary');
    const p = await loadPage(PAGE, {
      query: { caseId: ROBOT_STEPS.caseId, form: 'step' },
      responses: { 'pipeline.stepOptions': ok(ROBOT_STEPS), 'pipeline.takeStep': refusal },
    });
    expect(p.callsOf('pipeline.get')).toEqual([]);
    expect(p.text('#act-subject')).toContain('秦子轩');
    expect(p.exists('#step-determine_candidate')).toBe(true);
    expect(p.exists('#step-determine_activist')).toBe(false);
    expect(p.exists('#step-branch_accept')).toBe(false);
    const [vote] = ROBOT_STEPS.steps[0].votes;
    expect(p.text('#vote-pick')).toContain(vote.title);
    expect(p.text('#vote-pick')).toContain('本人通过');
    // No vote id to type: the one that would do is picked already.
    expect(p.exists('#vote-input')).toBe(false);
    await p.trigger('#meeting-input', 'change', { value: sent.meetingRef });
    await p.tap('#submit-button');
    expect(p.callsOf('pipeline.takeStep')[0].input).toEqual(sent);
    if (refusal.ok) throw new Error('expected the recorded refusal');
    expect(p.text('#gate-answer')).toContain('A5');
    expect(p.text('#gate-answer')).toContain(refusal.error.fields!.missing);
    expect(p.navigations).toEqual([]);
  });

  it('says from which day the branch may discuss conversion, and still lets the secretary fill the form', async () => {
    const convert = PROBATION_STEPS.steps.find((x) => x.step === 'branch_convert')!;
    expect(convert.notBefore).not.toBeNull();
    const p = await loadPage(PAGE, {
      query: { caseId: PROBATION_STEPS.caseId, form: 'step' },
      responses: { 'pipeline.stepOptions': ok(PROBATION_STEPS) },
    });
    expect(p.text('#act-subject')).toContain(PROBATION_STEPS.personName);
    await p.trigger('#step-kind', 'change', { value: 'branch_convert' });
    expect(p.text('#step-not-before')).toContain(`${formatChineseDate(convert.notBefore!)}起方可办理`);
    expect(p.exists('#meeting-input')).toBe(true);
    // A step with no such day says nothing of one.
    await p.trigger('#step-kind', 'change', { value: 'extend_probation' });
    expect(p.exists('#step-not-before')).toBe(false);
  });

  it('shows the committee’s step as not the secretary’s, with the reason, and sends nothing', async () => {
    const p = await loadPage(PAGE, {
      query: { caseId: CANDIDATE_STEPS.caseId, form: 'step' },
      responses: { 'pipeline.stepOptions': ok(CANDIDATE_STEPS) },
    });
    expect(p.text('#act-subject')).toContain('陶然');
    expect(p.text('#step-kind')).toContain('党委预审');
    expect(p.text('#step-reason')).toContain(CANDIDATE_STEPS.steps[0].reason!);
    expect(p.exists('#meeting-input')).toBe(false);
    await p.tap('#submit-button');
    expect(p.callsOf('pipeline.takeStep')).toEqual([]);
  });

  it('says when the branch has held no vote to pick, and leads to 票决管理', async () => {
    const p = await loadPage(PAGE, {
      query: { caseId: NO_VOTE_STEPS.caseId, form: 'step' },
      responses: { 'pipeline.stepOptions': ok(NO_VOTE_STEPS) },
    });
    expect(p.text('#vote-empty')).toContain('本支部尚无可用的表决，请先在票决中发起');
    await p.tap('#vote-empty-link');
    expect(p.navigations).toEqual([{ method: 'navigateTo', url: '/packages/votes/manage/index' }]);
  });

  it('shows that it is loading the steps until the server answers', async () => {
    const p = await loadPage(PAGE, {
      query: { caseId: NO_VOTE_STEPS.caseId, form: 'step' },
      responses: { 'pipeline.stepOptions': () => new Promise(() => {}) },
    });
    expect(p.text('#page-state')).toContain('加载中');
    expect(p.exists('#step-kind')).toBe(false);
  });

  it('shows the gate that refused the step: its rule, its source and what is missing', async () => {
    const refusal = worldReply('pipeline.takeStep.gate.secretary');
    const p = await loadPage(PAGE, {
      query: { caseId: OVERDUE_STEPS.caseId, form: 'step' },
      responses: { 'pipeline.stepOptions': ok(OVERDUE_STEPS), 'pipeline.takeStep': refusal },
    });
    expect(p.text('#act-subject')).toContain('吕航');
    const sent = worldInput('pipeline.takeStep.gate.secretary');
    await p.trigger('#meeting-input', 'change', { value: sent.meetingRef });
    await p.tap('#submit-button');
    expect(p.callsOf('pipeline.takeStep')[0].input).toEqual(sent);
    if (refusal.ok) throw new Error('expected the recorded refusal');
    const gate = p.text('#gate-answer');
    expect(gate).toContain('A3');
    expect(gate).toContain(refusal.error.fields!.missing);
    expect(gate).toContain(refusal.error.fields!.source);
    expect(p.navigations).toEqual([]);
  });

  it('says when the case cannot be loaded, and loads again on request', async () => {
    const p = await loadPage(PAGE, {
      query: { caseId: OVERDUE_STEPS.caseId, form: 'step' },
      responses: { 'pipeline.stepOptions': [fail('INTERNAL'), ok(OVERDUE_STEPS)] },
    });
    expect(p.text('#page-state')).toContain('系统繁忙，请稍后重试');
    await p.tap('#page-state >>> #status-action');
    expect(p.text('#act-subject')).toContain('吕航');
  });
});

describe('记录谈话', () => {
  it('records a regular talk with the case it belongs to and goes back to the case', async () => {
    const sent = worldInput('pipeline.recordTalk.regular');
    const p = await loadPage(PAGE, {
      query: { caseId: TALKED.caseId, form: 'talk' },
      responses: { 'pipeline.get': ok(TALKED), 'pipeline.recordTalk': worldReply('pipeline.recordTalk.regular') },
    });
    await p.trigger('#talk-kind', 'change', { value: sent.kind });
    await p.trigger('#date-picker', 'confirm', { value: sent.on });
    await p.trigger('#topics-input', 'change', { value: sent.topics });
    await p.trigger('#content-input', 'change', { value: sent.content });
    await p.trigger('#opinion-input', 'change', { value: sent.opinion });
    await p.tap('#submit-button');
    expect(p.callsOf('pipeline.recordTalk')[0].input).toEqual(sent);
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });

  it('shows a back-dated talk refused beside its date', async () => {
    const sent = worldInput('pipeline.recordTalk.backdated');
    const p = await loadPage(PAGE, {
      query: { caseId: TALKED.caseId, form: 'talk' },
      responses: { 'pipeline.get': ok(TALKED), 'pipeline.recordTalk': worldReply('pipeline.recordTalk.backdated') },
    });
    await p.trigger('#date-picker', 'confirm', { value: sent.on });
    await p.tap('#submit-button');
    expect(p.text('#on-error')).toContain('补记期限');
    expect(p.navigations).toEqual([]);
  });
});

describe('培养联系人', () => {
  it('picks the branch’s members and sends them; a probationary member is refused with the reason', async () => {
    const people = worldReply('people.list.info_pb.secretary');
    const sent = worldInput('pipeline.setContacts.activist');
    const p = await loadPage(PAGE, {
      query: { caseId: ACTIVIST.caseId, form: 'contacts' },
      responses: {
        'pipeline.get': ok(ACTIVIST),
        'people.list': people,
        'pipeline.setContacts': [
          worldReply('pipeline.setContacts.probationary'),
          worldReply('pipeline.setContacts.activist'),
        ],
      },
    });
    expect(p.exists(`#pick-${ACTIVIST.personId}`)).toBe(false);
    const wrong = worldInput('pipeline.setContacts.probationary');
    await p.trigger('#date-picker', 'confirm', { value: sent.on });
    await p.tap(`#pick-${wrong.contactIds[0]}`);
    await p.tap('#submit-button');
    expect(p.callsOf('pipeline.setContacts')[0].input).toEqual(wrong);
    expect(p.text('#picked-error')).toContain('不是正式党员');
    await p.tap(`#pick-${wrong.contactIds[0]}`);
    for (const id of sent.contactIds) await p.tap(`#pick-${id}`);
    await p.tap('#submit-button');
    expect(p.callsOf('pipeline.setContacts')[1].input).toEqual(sent);
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });

  it('says when the branch has nobody to pick', async () => {
    const p = await loadPage(PAGE, {
      query: { caseId: ACTIVIST.caseId, form: 'introducers' },
      responses: {
        'pipeline.get': ok(ACTIVIST),
        'people.list': ok({ items: [], page: 1, pageSize: 50, hasMore: false }),
      },
    });
    expect(p.text('#page-state')).toContain('本支部暂无可选的党员');
  });
});

describe('政治审查 and 考察', () => {
  it('shows a review refused out of order', async () => {
    const sent = worldInput('pipeline.recordReview.out_of_order');
    const p = await loadPage(PAGE, {
      query: { caseId: OVERDUE.caseId, form: 'review' },
      responses: {
        'pipeline.get': ok(OVERDUE),
        'pipeline.recordReview': worldReply('pipeline.recordReview.out_of_order'),
      },
    });
    await p.trigger('#date-picker', 'confirm', { value: sent.on });
    await p.trigger('#summary-input', 'change', { value: sent.summary });
    await p.tap('#submit-button');
    expect(p.callsOf('pipeline.recordReview')[0].input).toEqual(sent);
    expect(p.toasts).toContain('该步骤不是当前阶段可以办理的下一步');
  });

  it('lets a temporary branch’s secretary send an activity record that flows home, without opening the case', async () => {
    const sent = worldInput('pipeline.recordAssessment.temp_branch');
    const p = await loadPage(PAGE, {
      query: { form: 'assessment', personId: sent.personId, unitId: sent.unitId, personName: '沈可欣' },
      responses: { 'pipeline.recordAssessment': worldReply('pipeline.recordAssessment.temp_branch') },
    });
    expect(p.callsOf('pipeline.get')).toEqual([]);
    expect(p.text('#act-subject')).toContain('报送其所在党支部');
    await p.trigger('#assessment-kind', 'change', { value: sent.kind });
    await p.trigger('#date-picker', 'confirm', { value: sent.on });
    await p.trigger('#content-input', 'change', { value: sent.content });
    await p.trigger('#opinion-input', 'change', { value: sent.opinion });
    await p.tap('#submit-button');
    expect(p.callsOf('pipeline.recordAssessment')[0].input).toEqual(sent);
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });
});
