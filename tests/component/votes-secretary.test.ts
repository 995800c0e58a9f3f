/** A branch secretary runs a vote: create, prepare and open, the meeting's turnout, close, the sheet and its export. */
import {
  acceptanceForSecretary,
  acceptancePresence,
  acceptanceResolution,
  ACCEPTANCE,
  BRANCH_CARDS,
  cardsPage,
  CONVERSION,
  conversionView,
  earlyPresence,
  FENG_CHEN,
  ME_PE_SECRETARY,
  ME_PE_VOTER,
  membersPage,
  PE_BRANCH,
  PENG_YUE,
  TUIYOU,
  tuiyouResolution,
  tuiyouView,
} from '../../scripts/preview/demo-votes';
import { managesFor, position, UNITS } from '../../scripts/preview/demo-data';
import { fail, loadPage, ok } from './harness';

const SECRETARY = { 'me.get': ok(ME_PE_SECRETARY), 'org.tree': ok({ units: UNITS }) };
const wx = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx;

describe('票决管理', () => {
  it('lists the branch’s votes and opens each where its state needs', async () => {
    const p = await loadPage('packages/votes/manage/index', {
      responses: { ...SECRETARY, 'votes.list': ok(cardsPage(BRANCH_CARDS)) },
    });
    expect(p.callsOf('votes.list')[0].input).toEqual({ unitId: PE_BRANCH, page: 1, pageSize: 10 });
    expect(p.text('#unit-cell')).toContain('体育学院学生党支部');
    expect(p.count('.vote')).toBe(4);
    await p.tap(`#vote-${CONVERSION.id}`);
    await p.tap(`#vote-${ACCEPTANCE.id}`);
    await p.tap('#create-button');
    expect(p.navigations.map((n) => n.url)).toEqual([
      `/packages/votes/prepare/index?voteId=${CONVERSION.id}`,
      `/packages/votes/presence/index?voteId=${ACCEPTANCE.id}`,
      `/packages/votes/create/index?unitId=${PE_BRANCH}`,
    ]);
  });

  it('turns away someone without vote.manage', async () => {
    const p = await loadPage('packages/votes/manage/index', {
      responses: { 'me.get': ok(ME_PE_VOTER), 'org.tree': ok({ units: UNITS }) },
    });
    expect(p.text('#page-state')).toContain('您没有组织表决的权限');
    expect(p.callsOf('votes.list')).toHaveLength(0);
  });
});

describe('发起表决', () => {
  it('creates an acceptance vote from the picked kind, candidates and meeting time', async () => {
    const p = await loadPage('packages/votes/create/index', {
      query: { unitId: PE_BRANCH },
      responses: { ...SECRETARY, 'people.list': ok(membersPage()), 'votes.create': ok({ voteId: 'v-new' }) },
    });
    expect(p.callsOf('people.list')[0].input).toEqual({ unitId: PE_BRANCH, page: 1, pageSize: 50 });

    await p.tap('#submit-button');
    expect(p.callsOf('votes.create')).toHaveLength(0);
    expect(p.text('#kind-error')).toBe('请选择表决类型');
    expect(p.text('#time-error')).toBe('请选择会议时间');

    await p.trigger('#kind-picker', 'confirm', { value: ['acceptance'], label: ['接收预备党员'] });
    await p.tap('#candidates-cell');
    expect(p.instance.data.picker).toBe('candidates');
    await p.tap(`#candidate-picker >>> #pp-${FENG_CHEN.id}`);
    await p.tap(`#candidate-picker >>> #pp-${PENG_YUE.id}`);
    await p.tap('#candidate-picker >>> #pp-confirm');
    expect(p.text('#candidates-cell')).toContain('冯晨、彭悦');
    expect(p.instance.data.form.title).toBe('接收预备党员表决：冯晨、彭悦');
    await p.trigger('#time-picker', 'confirm', { value: ['2026-11-26', '14:30'], label: ['', ''] });
    await p.tap('#submit-button');

    expect(p.callsOf('votes.create').map((c) => c.input)).toEqual([
      {
        unitId: PE_BRANCH,
        kind: 'acceptance',
        title: '接收预备党员表决：冯晨、彭悦',
        ruleVersion: '2014',
        scheduledStart: '2026-11-26T14:30:00+08:00',
        candidateIds: [FENG_CHEN.id, PENG_YUE.id],
        secret: true,
      },
    ]);
    expect(p.navigations).toEqual([{ method: 'redirectTo', url: '/packages/votes/prepare/index?voteId=v-new' }]);
  });

  it('offers only the kinds the chosen unit may hold, and drops a kind the next unit cannot hold', async () => {
    const positions = [
      position('pos-pe', 'branch_secretary', PE_BRANCH, '2025-06-20'),
      position('pos-tpb', 'branch_secretary', 'tpb-basketball', '2025-06-20'),
    ];
    const me = { ...ME_PE_SECRETARY, positions, manages: managesFor(positions) };
    const p = await loadPage('packages/votes/create/index', {
      query: { unitId: PE_BRANCH },
      responses: { 'me.get': ok(me), 'people.list': ok(membersPage()) },
    });
    const kinds = () => (p.instance.data.kinds as { value: string }[]).map((k) => k.value);
    expect(kinds()).toEqual(expect.arrayContaining(['acceptance', 'conversion', 'party_evaluation']));
    expect(kinds()).not.toContain('league_evaluation');

    await p.trigger('#kind-picker', 'confirm', { value: ['acceptance'], label: ['接收预备党员'] });
    // D6: a temporary party branch holds no acceptance vote.
    await p.trigger('#unit-picker', 'confirm', { value: ['tpb-basketball'], label: [''] });
    expect(kinds()).not.toContain('acceptance');
    expect(p.instance.data.form.kind).toBe('');
    expect(p.callsOf('org.tree')).toHaveLength(0);
  });

  it('asks for seats on an election and shows the server’s refusal next to the candidates', async () => {
    const p = await loadPage('packages/votes/create/index', {
      query: { unitId: PE_BRANCH },
      responses: { ...SECRETARY, 'people.list': ok(membersPage()), 'votes.create': fail('TOO_FEW_CANDIDATES') },
    });
    await p.trigger('#kind-picker', 'confirm', { value: ['party_branch_election'], label: [''] });
    await p.tap('#candidates-cell');
    await p.tap(`#candidate-picker >>> #pp-${FENG_CHEN.id}`);
    await p.tap('#candidate-picker >>> #pp-confirm');
    await p.trigger('#time-picker', 'confirm', { value: ['2026-11-26', '14:30'], label: ['', ''] });
    await p.tap('#submit-button');
    expect(p.text('#seats-input')).toContain('请填写应选名额');
    await p.trigger('#seats-input', 'change', { value: '3' });
    await p.tap('#submit-button');
    expect((p.callsOf('votes.create')[0].input as { seats: number }).seats).toBe(3);
    expect(p.text('#candidates-error')).toContain('候选人数不足');
  });
});

describe('表决准备', () => {
  it('opens the vote with the approved officials and an approved exclusion', async () => {
    const p = await loadPage('packages/votes/prepare/index', {
      query: { voteId: CONVERSION.id },
      responses: {
        'votes.get': ok(conversionView()),
        'people.list': ok(membersPage()),
        'votes.open': ok({ voteId: CONVERSION.id, expected: 10, openedAt: '', checkInCode: '482913' }),
      },
    });
    expect(p.text('#candidates')).toContain('李雨桐');
    expect(p.text('#roster')).toContain('开始表决时');

    await p.tap('#open-button');
    expect(p.text('#officials-error')).toContain('请指定经会议通过的监票人和计票人');

    await p.tap('#scrutineers-cell');
    await p.tap('#people-picker >>> #pp-p-dengjq');
    await p.tap('#people-picker >>> #pp-confirm');
    await p.tap('#tellers-cell');
    await p.tap('#people-picker >>> #pp-p-xuwb');
    await p.tap('#people-picker >>> #pp-confirm');
    expect(p.text('#scrutineers-cell')).toContain('邓佳琪');

    await p.tap('#add-exclusion');
    await p.tap('#excluded-person-cell');
    await p.tap('#people-picker >>> #pp-p-max');
    await p.tap('#people-picker >>> #pp-confirm');
    await p.trigger('#reason-picker', 'confirm', { value: ['abroad_private'], label: [''] });
    await p.trigger('#approval-input', 'change', { value: '体院党委〔2026〕12号' });
    await p.tap('#exclusion-add-button');
    expect(p.text('#exclusion-error')).toBe('不计入应到人数须经会议同意');
    await p.tap('#agreed-toggle');
    await p.tap('#exclusion-add-button');
    expect(p.text('#exclusion-p-max')).toContain('因私出国（境）6个月以上');

    await p.tap('#open-button');
    expect(p.text('#open-dialog')).toContain('应到名单即冻结');
    await p.trigger('#open-dialog', 'confirm');
    expect(p.callsOf('votes.open').map((c) => c.input)).toEqual([
      {
        voteId: CONVERSION.id,
        scrutineerIds: ['p-dengjq'],
        tellerIds: ['p-xuwb'],
        exclusions: [
          { personId: 'p-max', reason: 'abroad_private', higherApproval: '体院党委〔2026〕12号', meetingAgreed: true },
        ],
      },
    ]);
    expect(p.navigations).toEqual([
      { method: 'redirectTo', url: `/packages/votes/presence/index?voteId=${CONVERSION.id}` },
    ]);
  });

  it('cancels a vote that will not be held only with a reason, then goes back', async () => {
    const p = await loadPage('packages/votes/prepare/index', {
      query: { voteId: CONVERSION.id },
      responses: {
        'votes.get': ok(conversionView()),
        'people.list': ok(membersPage()),
        'votes.cancel': ok({ voteId: CONVERSION.id, state: 'cancelled' }),
      },
    });
    await p.tap('#cancel-vote-button');
    expect(p.text('#cancel-dialog')).toContain('取消后不能再开始');
    expect(p.exists('#cancel-dialog >>> #reason-error')).toBe(false);
    await p.trigger('#cancel-dialog >>> #reason-dialog', 'confirm');
    expect(p.text('#cancel-dialog >>> #reason-error')).toBe('请写明取消的理由');
    expect(p.callsOf('votes.cancel')).toHaveLength(0);
    await p.trigger('#cancel-dialog >>> #reason-input', 'change', { value: '会议改期，重新发起' });
    expect(p.exists('#cancel-dialog >>> #reason-error')).toBe(false);
    await p.trigger('#cancel-dialog >>> #reason-dialog', 'confirm');
    expect(p.callsOf('votes.cancel').map((c) => c.input)).toEqual([
      { voteId: CONVERSION.id, reason: '会议改期，重新发起' },
    ]);
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });
});

describe('会场签到', () => {
  const load = (presence = acceptancePresence(), extra = {}) =>
    loadPage('packages/votes/presence/index', {
      query: { voteId: ACCEPTANCE.id },
      responses: { 'votes.get': ok(acceptanceForSecretary()), 'votes.presence': ok(presence), ...extra },
    });

  it('shows the code, counts and who is here — never anyone’s choice', async () => {
    const p = await load();
    expect(p.text('#check-in-code')).toBe('482913');
    expect(p.text('#counts')).toBe('11应到8已签到6已投票1书面意见');
    expect(p.text('#quorum')).toContain('已达到法定人数（至少 6 人）');
    expect(p.text('#checked-in')).toContain('韩雪');
    expect(p.text('#absent')).toContain('唐雨萱');
    // An absent member who sent a written opinion may still come: then the ballot in the room is what counts.
    expect(p.text('#absent')).toContain('已交书面意见，到会签到后以现场投票为准');
    expect(p.text()).not.toMatch(/赞成|反对|弃权/);
  });

  it('says how many are missing for the quorum', async () => {
    const p = await load(earlyPresence());
    expect(p.text('#quorum')).toContain('还差 3 人达到法定人数（至少 6 人）');
  });

  it('checks an absent member in for them', async () => {
    const p = await load(acceptancePresence(), {
      'votes.checkIn': ok({ personId: 'p-tangyx', checkedInAt: '', present: 9 }),
    });
    await p.tap('.proxy-button');
    expect(p.callsOf('votes.checkIn').map((c) => c.input)).toEqual([{ voteId: ACCEPTANCE.id, personId: 'p-tangyx' }]);
    expect(p.toasts).toContain('已代为签到');
  });

  it('closes only after the confirm dialog, then shows the result', async () => {
    const p = await load(acceptancePresence(), { 'votes.close': ok(acceptanceResolution()) });
    await p.tap('#close-button');
    expect(p.text('#close-dialog')).toContain('还有 2 人已签到但未投票');
    await p.trigger('#close-dialog', 'cancel');
    expect(p.callsOf('votes.close')).toHaveLength(0);
    await p.tap('#close-button');
    await p.trigger('#close-dialog', 'confirm');
    expect(p.callsOf('votes.close').map((c) => c.input)).toEqual([{ voteId: ACCEPTANCE.id }]);
    expect(p.navigations).toEqual([
      { method: 'redirectTo', url: `/packages/votes/result/index?voteId=${ACCEPTANCE.id}` },
    ]);
  });
});

describe('表决结果（管理）', () => {
  it('exports the resolution as text with every F4 item', async () => {
    const p = await loadPage('packages/votes/result/index', {
      query: { voteId: ACCEPTANCE.id },
      responses: {
        'votes.resolution': ok(acceptanceResolution()),
        'votes.get': ok(acceptanceForSecretary({ state: 'closed' })),
      },
    });
    const copied: string[] = [];
    wx().setClipboardData = (o: { data: string; success?: () => void }) => {
      copied.push(o.data);
      o.success?.();
    };
    await p.tap('#export-button');
    const text = copied[0];
    for (const t of [
      '体育学院学生党支部接收预备党员表决结果',
      '会议日期：2026年11月26日',
      '表决方式：无记名投票',
      '依据：细则（2014）',
      '应到会有表决权人数 11 人，实到 9 人，会前书面意见 1 份',
      '一、冯晨：会场赞成 8 票，反对 1 票，弃权 0 票，无效 0 票；会前书面意见赞成 1 票',
      '赞成合计 9 票，通过',
      '二、彭悦',
      '未通过',
      '监票人：邓佳琪',
    ])
      expect(text).toContain(t);
    expect(p.toasts).toContain('表决结果已复制，可粘贴到会议记录或文档中');
  });

  it('turns a decided 推优 into a 公示 draft and opens it for review', async () => {
    const decision = {
      voteId: TUIYOU.id,
      decidedOn: '2026-11-27',
      minutesRef: '团支委会〔2026〕5号',
      recordedBy: '黄子豪',
      recommended: [],
      declined: [],
      grades: [],
    };
    const draft = {
      unitId: 'lb-x',
      kind: 'tuiyou' as const,
      title: '推优公示',
      body: '拟推荐人选如下',
      subjects: [],
      scopeUnitIds: ['lb-x'],
      window: { start: '2026-11-30', length: 5, unit: 'workday' as const, counting: 'inclusive' as const },
    };
    const p = await loadPage('packages/votes/result/index', {
      query: { voteId: TUIYOU.id },
      responses: {
        'votes.resolution': ok(tuiyouResolution(decision)),
        'votes.get': ok(tuiyouView()),
        'votes.noticeDraft': ok(draft),
        'notices.create': ok({ noticeId: 'n-tuiyou', window: {} as never }),
      },
    });
    expect(p.exists('#decision-button')).toBe(false);
    await p.tap('#notice-button');
    expect(p.callsOf('notices.create')[0].input).toEqual(draft);
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: '/packages/notices-admin/edit/index?noticeId=n-tuiyou' },
    ]);
  });

  it('offers no 公示 draft before the committee has decided', async () => {
    const p = await loadPage('packages/votes/result/index', {
      query: { voteId: TUIYOU.id },
      responses: { 'votes.resolution': ok(tuiyouResolution()), 'votes.get': ok(tuiyouView()) },
    });
    expect(p.exists('#notice-button')).toBe(false);
  });

  it('records the committee’s 推优 decision, with a reason for a passed candidate not recommended', async () => {
    const result = await loadPage('packages/votes/result/index', {
      query: { voteId: TUIYOU.id },
      responses: { 'votes.resolution': ok(tuiyouResolution()), 'votes.get': ok(tuiyouView()) },
    });
    await result.tap('#decision-button');
    expect(result.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/votes/decision/index?voteId=${TUIYOU.id}` },
    ]);

    const p = await loadPage('packages/votes/decision/index', {
      query: { voteId: TUIYOU.id },
      responses: {
        'votes.resolution': ok(tuiyouResolution()),
        'votes.recordDecision': ok({
          voteId: TUIYOU.id,
          decidedOn: '',
          minutesRef: '',
          recordedBy: '',
          recommended: [],
          declined: [],
          grades: [],
        }),
      },
    });
    expect(p.text('#decide-p-zhangsy')).toContain('未获得规定赞成票，不能推荐');
    await p.tap('#submit-button');
    expect(p.text('#decide-p-chenjy')).toContain('请选择推荐或不推荐');
    await p.tap('#decide-p-chenjy .recommend');
    await p.tap('#decide-p-sunmy .decline');
    expect(p.instance.data.reason.visible).toBe(true);
    await p.trigger('#reason-input', 'change', { value: '本学期有一门课程不及格，待下学期考察' });
    await p.trigger('#reason-dialog', 'confirm');
    await p.trigger('#minutes-input', 'change', { value: '计2301团支委〔2026〕5号' });
    await p.tap('#submit-button');
    const input = p.callsOf('votes.recordDecision')[0].input as { decision: unknown; minutesRef: string };
    expect(input.minutesRef).toBe('计2301团支委〔2026〕5号');
    expect(input.decision).toEqual({
      type: 'tuiyou',
      recommended: ['p-chenjy'],
      declined: [{ candidateId: 'p-sunmy', reason: '本学期有一门课程不及格，待下学期考察' }],
    });
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });
});
