/** The 培训 pages as a student and an organiser see them: the list, a program with its waitlist, my hours, the code screen. */

import path from 'node:path';
import {
  ATTENDANCE,
  CANDIDATE_CARD,
  CANDIDATE_HOURS,
  CREATE_OPTIONS,
  ENROLLED_VIEW,
  ENROLMENT,
  EXAM,
  EXAM_DONE,
  LEAGUE_CARD,
  OPEN_VIEW,
  ORGANISER_VIEW,
  REPORT,
  TOKEN,
  TRAINERS,
  WAITLISTED_VIEW,
} from '../../scripts/preview/demo-trainings';
import { type DrawnCanvas, drawnCanvas } from './canvas';
import { fail, type LoadedPage, loadPage, MP_ROOT, ok } from './harness';

const LIST = 'packages/trainings/list/index';
const PROGRAM = 'packages/trainings/program/index';
const HOURS = 'packages/trainings/hours/index';
const SCREEN = 'packages/trainings/screen/index';
const ATTENDANCE_PAGE = 'packages/trainings/attendance/index';
const REPORT_PAGE = 'packages/trainings/report/index';
const RATE = 'packages/trainings/rate/index';
const EXAM_PAGE = 'packages/trainings/exam/index';
const page = <T>(items: T[]) => ok({ items, page: 1, pageSize: 50, hasMore: false });
const me = (capabilities: string[]) =>
  ok({ bound: true, person: null, binding: null, positions: [], units: [], capabilities }) as never;

// biome-ignore lint/suspicious/noExplicitAny: the simulator's global wx
const wxGlobal = () => (globalThis as any).wx;

describe('培训 list', () => {
  it('lists the programs open to me with their seats, and opens one', async () => {
    const p = await loadPage(LIST, {
      responses: { 'trainings.listOpen': page([CANDIDATE_CARD, LEAGUE_CARD]), 'me.get': me([]) },
    });
    expect(p.count('.program')).toBe(2);
    expect(p.text(`#program-${LEAGUE_CARD.id}`)).toContain('剩余名额 37/120');
    expect(p.callsOf('trainings.listManaged')).toHaveLength(0);
    await p.tap(`#program-${LEAGUE_CARD.id}`);
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: `/packages/trainings/program/index?id=${LEAGUE_CARD.id}` },
    ]);
  });

  it('shows an organiser the programs they run', async () => {
    const p = await loadPage(LIST, {
      responses: {
        'trainings.listOpen': page([]),
        'me.get': me(['training.manage']),
        'trainings.listManaged': page([CANDIDATE_CARD]),
      },
    });
    expect(p.text()).toContain('我组织的培训');
    expect(p.exists(`#managed-${CANDIDATE_CARD.id}`)).toBe(true);
  });

  it('scans with the camera only and sends the code read', async () => {
    const p = await loadPage(LIST, {
      responses: {
        'trainings.listOpen': page([]),
        'me.get': me([]),
        'trainings.checkIn': ok({ sessionId: 'ts_1', purpose: 'in', at: '2026-10-10T09:00:00+08:00', already: false }),
      },
    });
    const asked: Record<string, unknown>[] = [];
    wxGlobal().scanCode = (o: { success: (r: { result: string }) => void } & Record<string, unknown>) => {
      asked.push(o);
      o.success({ result: ' tp.ts.in.1.mac ' });
    };
    await p.tap('#scan-button');
    expect(asked[0]).toMatchObject({ onlyFromCamera: true, scanType: ['qrCode'] });
    expect(p.callsOf('trainings.checkIn')[0].input).toEqual({ token: 'tp.ts.in.1.mac' });
    expect(p.toasts).toEqual(['签到成功']);
  });

  it('says why a scan was refused', async () => {
    const p = await loadPage(LIST, {
      responses: {
        'trainings.listOpen': page([]),
        'me.get': me([]),
        'trainings.checkIn': fail('CHECKIN_TOKEN_EXPIRED'),
      },
    });
    wxGlobal().scanCode = (o: { success: (r: { result: string }) => void }) => o.success({ result: 'x' });
    await p.tap('#scan-button');
    expect(p.toasts).toEqual(['签到码已过期，请重新扫描培训现场屏幕上的二维码']);
  });
});

describe('a program', () => {
  it('shows my place on the waitlist from the server’s figure and lets me leave it', async () => {
    const p = await loadPage(PROGRAM, {
      query: { id: CANDIDATE_CARD.id },
      responses: {
        'trainings.get': ok(WAITLISTED_VIEW),
        'trainings.withdraw': ok({ state: 'withdrawn', promoted: 0 }),
      },
    });
    expect(p.text('#my-state')).toContain('您在候补名单第 2 位');
    expect(p.exists('#signup-button')).toBe(false);
    await p.tap('#withdraw-button');
    expect(p.callsOf('trainings.withdraw')[0].input).toEqual({ programId: CANDIDATE_CARD.id });
    expect(p.toasts).toEqual(['已退出']);
  });

  it('signs up and tells the waitlist place when the seats are gone', async () => {
    const p = await loadPage(PROGRAM, {
      query: { id: LEAGUE_CARD.id },
      responses: {
        'trainings.get': ok(OPEN_VIEW),
        'trainings.signUp': ok({ state: 'waitlisted', waitlistPosition: 4 }),
      },
    });
    await p.tap('#signup-button');
    expect(p.toasts).toEqual(['已进入候补，第 4 位']);
    expect(p.callsOf('trainings.get')).toHaveLength(2);
  });

  it('shows an enrolled trainee their attendance per session and the scanner', async () => {
    const p = await loadPage(PROGRAM, {
      query: { id: CANDIDATE_CARD.id },
      responses: { 'trainings.get': ok(ENROLLED_VIEW) },
    });
    expect(p.text('#session-ts_demo_1')).toContain('已签到');
    expect(p.text('#session-ts_demo_2')).toContain('未签到');
    expect(p.exists('#scan-button')).toBe(true);
  });

  it('gives the organiser each session’s code screen', async () => {
    const p = await loadPage(PROGRAM, {
      query: { id: CANDIDATE_CARD.id },
      responses: { 'trainings.get': ok(ORGANISER_VIEW) },
    });
    await p.tap('.screen-out', 1);
    expect(p.navigations).toEqual([
      { method: 'navigateTo', url: '/packages/trainings/screen/index?sessionId=ts_demo_2&purpose=out' },
    ]);
  });
});

describe('my hours', () => {
  it('shows each requirement with the server’s figures and the sessions that count', async () => {
    const p = await loadPage(HOURS, { responses: { 'trainings.myHours': ok(CANDIDATE_HOURS) } });
    const line = p.text('#line-candidate_training');
    expect(line).toContain('8 / 24 学时（或 3 天，已 1 天）');
    expect(line).toContain('还差 16 学时');
    expect(line).toContain('A10');
    expect(line).toContain('2026-10-10 党章学习 · 8 学时');
  });
});

/** The value the screen's t-qrcode holds. */
const qrValue = (p: LoadedPage): string => p.page.querySelector('#qrcode').instance.data.value;

/**
 * The modules drawn on the QR code's canvas, one string of 0/1 a row, read back from the filled rectangles: the
 * background first, then one square (1.05 modules wide, so neighbours leave no hairline) per dark module.
 */
function drawnModules(d: DrawnCanvas): string[] {
  const [bg, ...dark] = d.rects;
  const cell = dark[0].w / 1.05;
  const n = Math.round(bg.w / cell);
  const rows = Array.from({ length: n }, () => Array(n).fill('0'));
  for (const r of dark) rows[Math.round(r.y / cell)][Math.round(r.x / cell)] = '1';
  return rows.map((r) => r.join(''));
}

/** What TDesign's own encoder makes of `text` at level M: the matrix the canvas should show. */
function encoded(text: string): string[] {
  const { QrCode, QrSegment, Ecc } = require(
    path.join(MP_ROOT, 'miniprogram_npm/tdesign-miniprogram/common/shared/qrcode/qrcodegen'),
  );
  const modules: boolean[][] = QrCode.encodeSegments(QrSegment.makeSegments(text), Ecc.MEDIUM, 1).getModules();
  return modules.map((row) => row.map((m) => (m ? '1' : '0')).join(''));
}

describe('the code screen', () => {
  it('draws the current code as a QR code across the card, and redraws it when the code rotates', async () => {
    const next = { ...TOKEN, token: TOKEN.token.replace('178977600', '178977601').replace('q3V0', 'Zk9p') };
    const p = await loadPage(SCREEN, {
      query: { sessionId: 'ts_demo_1', purpose: 'in' },
      responses: { 'trainings.checkinToken': [ok(TOKEN), ok(next)] },
    });
    expect(qrValue(p)).toBe(TOKEN.token);
    expect(p.text()).not.toContain(TOKEN.token);
    expect(p.text()).not.toContain('尚未安装');
    const canvas = p.root.querySelector('wx-canvas');
    const first = drawnCanvas(canvas);
    if (!first) throw new Error('nothing was drawn on the canvas');
    // 311 px on a 375 px wide phone: the card's full inner width, drawn at the device's pixel ratio.
    const side = p.page.querySelector('#qrcode').instance.data.size;
    expect(side).toBeGreaterThanOrEqual(300);
    expect(first.width).toBe(side * wxGlobal().getWindowInfo().pixelRatio);
    const before = drawnModules(first);
    expect(before).toEqual(encoded(TOKEN.token));

    await p.instance.refresh();
    await p.settle();
    expect(qrValue(p)).toBe(next.token);
    const after = drawnModules(drawnCanvas(canvas) as DrawnCanvas);
    expect(after).toEqual(encoded(next.token));
    expect(after).not.toEqual(before);
  });

  it('keeps the screen on, shows the code and fetches the next one', async () => {
    const keep: boolean[] = [];
    const p = await loadPage(SCREEN, {
      query: { sessionId: 'ts_demo_1', purpose: 'in' },
      responses: { 'trainings.checkinToken': ok(TOKEN) },
      lifecycle: false,
    });
    wxGlobal().setKeepScreenOn = (o: { keepScreenOn: boolean }) => keep.push(o.keepScreenOn);
    p.instance.onLoad({ sessionId: 'ts_demo_1', purpose: 'in' });
    await p.settle();
    expect(keep).toEqual([true]);
    expect(qrValue(p)).toBe(TOKEN.token);
    expect(p.callsOf('trainings.checkinToken')[0].input).toEqual({ sessionId: 'ts_demo_1', purpose: 'in' });
    await p.instance.refresh();
    expect(p.callsOf('trainings.checkinToken')).toHaveLength(2);
    p.instance.onUnload();
    expect(keep).toEqual([true, false]);
    p.unload();
    expect(keep).toEqual([true, false]);
  });

  it('stops fetching codes when the page is closed, even before its next slot', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const p = await loadPage(SCREEN, {
        query: { sessionId: 'ts_demo_1', purpose: 'in' },
        responses: { 'trainings.checkinToken': ok(TOKEN) },
        lifecycle: false,
      });
      p.instance.onLoad({ sessionId: 'ts_demo_1', purpose: 'in' });
      await jest.advanceTimersByTimeAsync(10);
      expect(p.callsOf('trainings.checkinToken')).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(TOKEN.refreshInMs + 300);
      expect(p.callsOf('trainings.checkinToken')).toHaveLength(2);
      p.unload();
      await jest.advanceTimersByTimeAsync(30_000);
      expect(p.callsOf('trainings.checkinToken')).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('the attendance sheet', () => {
  const load = () =>
    loadPage(ATTENDANCE_PAGE, {
      query: { sessionId: 'ts_demo_1' },
      responses: {
        'trainings.attendance': ok(ATTENDANCE),
        'trainings.mark': ok({ personId: 'p-zhoujj', state: 'present' }),
        'trainings.decideLeave': ok({ state: 'approved' }),
      },
    });

  it('asks for a reason before a hand mark and sends it with the mark', async () => {
    const p = await load();
    expect(p.text('#summary')).toBe('应到 3 人，已签到 1 人，请假 1 人，缺勤 1 人');
    await p.tap('.mark-present', 1);
    await p.trigger('#mark-dialog', 'confirm', { reason: '' });
    expect(p.callsOf('trainings.mark')).toHaveLength(0);
    expect(p.text()).toContain('手工登记考勤须写明理由');
    await p.trigger('#mark-dialog', 'confirm', { reason: '手机没电，现场核实' });
    expect(p.callsOf('trainings.mark')[0].input).toEqual({
      sessionId: 'ts_demo_1',
      personId: 'p-zhoujj',
      present: true,
      reason: '手机没电，现场核实',
    });
    expect(p.toasts).toEqual(['已登记']);
  });

  it('approves a pending leave request', async () => {
    const p = await load();
    await p.tap('.leave-approve');
    expect(p.callsOf('trainings.decideLeave')[0].input).toEqual({
      sessionId: 'ts_demo_1',
      personId: 'p-zhoujj',
      approve: true,
    });
  });
});

describe('the program report', () => {
  it('shows satisfaction only from 3 ratings and exports the workbook', async () => {
    const p = await loadPage(REPORT_PAGE, {
      query: { programId: REPORT.programId },
      responses: {
        'trainings.report': ok(REPORT),
        'trainings.reportExport': ok({
          fileID: 'cloud://x/r.xlsx',
          url: 'https://tmp/r.xlsx',
          fileName: 'r.xlsx',
          expiresInS: 3600,
        }),
      },
    });
    expect(p.text('#session-ts_demo_2')).toContain('2 人评价，不足 3 人，暂不显示');
    const opened: string[] = [];
    wxGlobal().downloadFile = (o: {
      url: string;
      success: (r: { statusCode: number; tempFilePath: string }) => void;
    }) => o.success({ statusCode: 200, tempFilePath: `tmp:${o.url}` });
    wxGlobal().openDocument = (o: { filePath: string; success: () => void }) => {
      opened.push(o.filePath);
      o.success();
    };
    await p.tap('#export-button');
    expect(p.callsOf('trainings.reportExport')[0].input).toEqual({ programId: REPORT.programId });
    expect(opened).toEqual(['tmp:https://tmp/r.xlsx']);
  });
});

describe('rating a session', () => {
  it('wants all three scores, then sends them with the comment', async () => {
    const p = await loadPage(RATE, {
      query: { sessionId: 'ts_demo_1', title: '党章学习' },
      responses: { 'trainings.rate': ok({ rated: true }) },
    });
    await p.tap('#submit-button');
    expect(p.text('#rate-error')).toBe('请为三项都打分');
    expect(p.callsOf('trainings.rate')).toHaveLength(0);
    await p.trigger('#rate-content', 'change', { value: 5 });
    await p.trigger('#rate-delivery', 'change', { value: 4 });
    await p.trigger('#rate-usefulness', 'change', { value: 3 });
    await p.trigger('#comment', 'change', { value: '很有收获' });
    await p.tap('#submit-button');
    expect(p.callsOf('trainings.rate')[0].input).toEqual({
      sessionId: 'ts_demo_1',
      content: 5,
      delivery: 4,
      usefulness: 3,
      comment: '很有收获',
    });
    expect(p.exists('#rate-done')).toBe(true);
  });

  it('shows the content check’s refusal next to the comment', async () => {
    const p = await loadPage(RATE, {
      query: { sessionId: 'ts_demo_1' },
      responses: { 'trainings.rate': fail('CONTENT_REJECTED') },
    });
    for (const id of ['#rate-content', '#rate-delivery', '#rate-usefulness'])
      await p.trigger(id, 'change', { value: 2 });
    await p.tap('#submit-button');
    expect(p.text('#rate-error')).toBe('内容含有不适宜的信息，请修改后重试');
  });
});

describe('the exam', () => {
  it('sends the choices made: one for single choice, several for multiple choice', async () => {
    const p = await loadPage(EXAM_PAGE, {
      query: { programId: EXAM.programId },
      responses: {
        'trainings.exam': [ok(EXAM), ok(EXAM_DONE)],
        'trainings.submitExam': ok({ score: 80, total: 100, passed: true }),
      },
    });
    await p.tap('#q-q1 .option', 1);
    await p.tap('#q-q1 .option', 0);
    await p.tap('#q-q2 .option', 0);
    await p.tap('#q-q2 .option', 2);
    expect(p.count('.option--selected')).toBe(3);
    await p.tap('#submit-button');
    expect(p.callsOf('trainings.submitExam')[0].input).toEqual({
      programId: EXAM.programId,
      answers: [
        { questionId: 'q1', choice: [0] },
        { questionId: 'q2', choice: [0, 2] },
      ],
    });
    expect(p.text('#result')).toContain('80 分（满分 100），合格');
    expect(p.exists('#submit-button')).toBe(false);
  });
});

describe('the enrolment list', () => {
  it('admits a sign-up under review and says where it landed', async () => {
    const p = await loadPage('packages/trainings/enrolment/index', {
      query: { programId: ENROLMENT.programId },
      responses: { 'trainings.enrolment': ok(ENROLMENT), 'trainings.review': ok({ state: 'waitlisted' }) },
    });
    await p.tap('#pending-p-ouyang .approve');
    expect(p.callsOf('trainings.review')[0].input).toEqual({
      programId: ENROLMENT.programId,
      personId: 'p-ouyang',
      approve: true,
    });
    expect(p.toasts).toEqual(['已通过，进入候补']);
  });
});

describe('creating a program and its sessions', () => {
  it('creates a program with the options chosen and opens it', async () => {
    const p = await loadPage('packages/trainings/create/index', {
      responses: {
        'trainings.createOptions': ok(CREATE_OPTIONS),
        'trainings.createProgram': ok({ programId: 'tp_new' }),
      },
    });
    for (const [cell, value] of [
      ['#unit-cell', 'pb-pe'],
      ['#level-cell', 'development_candidate'],
      ['#category-cell', 'political'],
      ['#admission-cell', 'review'],
    ]) {
      await p.tap(cell);
      await p.trigger('#picker', 'confirm', { value: [value], label: [''] });
    }
    await p.trigger('#title-input', 'change', { value: '发展对象集中培训' });
    await p.trigger('#term-input', 'change', { value: '2026-2027-1' });
    await p.trigger('#capacity-input', 'change', { value: '40' });
    await p.trigger('#waitlist-input', 'change', { value: '5' });
    expect(p.text('#admission-cell')).toContain('报名审核');
    await p.tap('#save-button');
    expect(p.callsOf('trainings.createProgram')[0].input).toEqual({
      unitId: 'pb-pe',
      title: '发展对象集中培训',
      level: 'development_candidate',
      category: 'political',
      term: '2026-2027-1',
      capacity: 40,
      waitlistLimit: 5,
      admission: 'review',
      hoursMode: 'session',
    });
    expect(p.navigations).toEqual([{ method: 'redirectTo', url: '/packages/trainings/program/index?id=tp_new' }]);
  });

  it('shows the server’s field message in place', async () => {
    const p = await loadPage('packages/trainings/create/index', {
      responses: {
        'trainings.createOptions': ok({ ...CREATE_OPTIONS, units: [CREATE_OPTIONS.units[0]] }),
        'trainings.createProgram': fail('BAD_INPUT', { fields: { term: '学期格式应为 2026-2027-1' } }),
      },
    });
    await p.tap('#level-cell');
    await p.trigger('#picker', 'confirm', { value: ['activist'], label: [''] });
    await p.tap('#category-cell');
    await p.trigger('#picker', 'confirm', { value: ['ideology'], label: [''] });
    await p.trigger('#capacity-input', 'change', { value: '10' });
    await p.tap('#save-button');
    expect(p.callsOf('trainings.createProgram')[0].input).toMatchObject({ unitId: 'college-pe' });
    expect(p.text('#term-error')).toBe('学期格式应为 2026-2027-1');
  });

  it('adds a session in Beijing time and goes back', async () => {
    const p = await loadPage('packages/trainings/session/index', {
      query: { programId: 'tp_x', unitId: 'college-pe' },
      responses: { 'trainings.addSession': ok({ sessionId: 'ts_new' }), 'trainings.listTrainers': ok(TRAINERS) },
    });
    expect(p.callsOf('trainings.listTrainers')[0].input).toEqual({ unitId: 'college-pe' });
    await p.tap('#trainer-cell');
    await p.trigger('#trainer-picker', 'confirm', { value: ['tt_demo_2'], label: [''] });
    expect(p.text('#trainer-cell')).toContain('赵明（外聘讲师）');
    for (const [id, value] of [
      ['#title-input', '党章学习'],
      ['#date-input', '2026-10-10'],
      ['#start-input', '09:00'],
      ['#end-input', '11:30'],
      ['#place-input', '党员活动室'],
      ['#hours-input', '2.5'],
    ]) {
      await p.trigger(id, 'change', { value });
    }
    await p.tap('#save-button');
    expect(p.callsOf('trainings.addSession')[0].input).toEqual({
      programId: 'tp_x',
      title: '党章学习',
      start: '2026-10-10T09:00:00+08:00',
      end: '2026-10-10T11:30:00+08:00',
      place: '党员活动室',
      hours: 2.5,
      trainerId: 'tt_demo_2',
    });
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });
});

describe('asking for leave', () => {
  it('sends the reason for a session not yet started and reloads', async () => {
    const p = await loadPage(PROGRAM, {
      query: { id: CANDIDATE_CARD.id },
      responses: { 'trainings.get': ok(ENROLLED_VIEW), 'trainings.requestLeave': ok({ state: 'pending' }) },
    });
    expect(p.exists('#session-ts_demo_1 .ask-leave')).toBe(false);
    await p.tap('#session-ts_demo_2 .ask-leave');
    await p.trigger('#leave-dialog', 'confirm', { reason: '' });
    expect(p.callsOf('trainings.requestLeave')).toHaveLength(0);
    await p.trigger('#leave-dialog', 'confirm', { reason: '参加省运会集训' });
    expect(p.callsOf('trainings.requestLeave')[0].input).toEqual({ sessionId: 'ts_demo_2', reason: '参加省运会集训' });
    expect(p.toasts).toEqual(['已提交请假，等待批准']);
  });

  it('shows the server’s refusal once the session has begun', async () => {
    const p = await loadPage(PROGRAM, {
      query: { id: CANDIDATE_CARD.id },
      responses: { 'trainings.get': ok(ENROLLED_VIEW), 'trainings.requestLeave': fail('LEAVE_TOO_LATE') },
    });
    await p.tap('#session-ts_demo_2 .ask-leave');
    await p.trigger('#leave-dialog', 'confirm', { reason: '临时有事' });
    expect(p.text()).toContain('请假须在培训开始前提出');
  });
});

describe('adding a trainer', () => {
  it('saves a trainer of the unit with kind and profile', async () => {
    const p = await loadPage('packages/trainings/trainer/index', {
      query: { unitId: 'college-pe' },
      responses: {
        'trainings.createOptions': ok(CREATE_OPTIONS),
        'trainings.createTrainer': ok({ trainerId: 'tt_n' }),
      },
    });
    await p.trigger('#name-input', 'change', { value: '赵明' });
    await p.tap('#save-button');
    expect(p.text('#kind-error')).toBe('请选择讲师类型');
    await p.tap('#kind-cell');
    await p.trigger('#kind-picker', 'confirm', { value: ['outside'], label: [''] });
    await p.trigger('#profile-input', 'change', { value: '市委党校副教授' });
    await p.tap('#save-button');
    expect(p.callsOf('trainings.createTrainer')[0].input).toEqual({
      unitId: 'college-pe',
      name: '赵明',
      kind: 'outside',
      profile: '市委党校副教授',
    });
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });
});

describe('setting the exam', () => {
  const load = () =>
    loadPage('packages/trainings/exam-setup/index', {
      query: { programId: 'tp_x' },
      responses: {
        'trainings.createOptions': ok(CREATE_OPTIONS),
        'trainings.setExam': ok({ questions: 2, total: 30 }),
      },
    });

  it('sends the paper with the key as option indexes and the deadline in Beijing time', async () => {
    const p = await load();
    await p.trigger('#pass-input', 'change', { value: '18' });
    await p.trigger('#deadline-input', 'change', { value: '2026-10-13 18:00' });
    await p.trigger('#question-0 .q-text', 'change', { value: '入党誓词包括？' });
    await p.tap('#question-0 .kind');
    await p.trigger('#kind-picker', 'confirm', { value: ['multiple'], label: [''] });
    await p.trigger('#question-0 .q-options', 'change', { value: '拥护党的纲领\n遵守党的章程\n\n随时退党' });
    await p.trigger('#question-0 .q-answer', 'change', { value: 'ba' });
    await p.trigger('#question-0 .q-points', 'change', { value: '20' });
    await p.tap('#add-question');
    await p.tap('#question-1 .kind');
    await p.trigger('#kind-picker', 'confirm', { value: ['truefalse'], label: [''] });
    await p.trigger('#question-1 .q-text', 'change', { value: '发展对象须经过集中培训。' });
    await p.trigger('#question-1 .q-answer', 'change', { value: 'A' });
    await p.tap('#save-button');
    expect(p.callsOf('trainings.setExam')[0].input).toEqual({
      programId: 'tp_x',
      passMark: 18,
      deadline: '2026-10-13T18:00:00+08:00',
      questions: [
        {
          id: 'q1',
          kind: 'multiple',
          text: '入党誓词包括？',
          options: ['拥护党的纲领', '遵守党的章程', '随时退党'],
          answer: [0, 1],
          points: 20,
        },
        {
          id: 'q2',
          kind: 'truefalse',
          text: '发展对象须经过集中培训。',
          options: ['正确', '错误'],
          answer: [0],
          points: 10,
        },
      ],
    });
    expect(p.navigations).toEqual([{ method: 'navigateBack' }]);
  });

  it('names the question to fix before sending anything', async () => {
    const p = await load();
    await p.trigger('#pass-input', 'change', { value: '6' });
    await p.trigger('#deadline-input', 'change', { value: '2026-10-13 18:00' });
    await p.trigger('#question-0 .q-text', 'change', { value: '题一' });
    await p.trigger('#question-0 .q-options', 'change', { value: '甲\n乙' });
    await p.trigger('#question-0 .q-answer', 'change', { value: 'C' });
    await p.tap('#save-button');
    expect(p.text('#setup-error')).toBe('第 1 题：答案请填选项字母（如 A 或 AC），且在选项范围内');
    expect(p.callsOf('trainings.setExam')).toHaveLength(0);
  });

  it('sets an offline exam with its full marks', async () => {
    const p = await load();
    await p.tap('#mode-offline');
    await p.trigger('#pass-input', 'change', { value: '60' });
    await p.trigger('#deadline-input', 'change', { value: '2026-10-13 18:00' });
    await p.tap('#save-button');
    expect(p.callsOf('trainings.setExam')[0].input).toEqual({
      programId: 'tp_x',
      passMark: 60,
      deadline: '2026-10-13T18:00:00+08:00',
      offline: true,
      offlineTotal: 100,
    });
  });
});

describe('recording offline scores', () => {
  it('sends the scores filled in and leaves the blank ones out', async () => {
    const p = await loadPage('packages/trainings/scores/index', {
      query: { programId: 'tp_x' },
      responses: { 'trainings.enrolment': ok(ENROLMENT), 'trainings.recordScores': ok({ recorded: 1 }) },
    });
    await p.tap('#save-button');
    expect(p.text('#scores-error')).toBe('请至少填写一人的成绩');
    await p.trigger('#score-p-wanghr', 'change', { value: '86.5' });
    await p.tap('#save-button');
    expect(p.callsOf('trainings.recordScores')[0].input).toEqual({
      programId: 'tp_x',
      scores: [{ personId: 'p-wanghr', score: 86.5 }],
    });
    expect(p.toasts).toEqual(['已录入 1 人的成绩']);
  });
});
