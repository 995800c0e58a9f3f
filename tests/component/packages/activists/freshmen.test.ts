/**
 * 新生信息库 (packages/activists/freshmen/index): 体育学院's freshmen as its officer 陈志强 keeps them in the demo world
 * (emulator/demo/world-freshmen.ts): pages, the watched filter, a mark with its reason, first-lesson attendance, the
 * template, and an import whose workbook is refused by sheet, row and column or taken whole.
 */
import { stubWorkbookPick } from '../../../../scripts/preview/pages-activists';
import { worldInput, worldReply, worldView } from '../../../support/world-views';
import { loadPage, ok } from '../../harness';

const PAGE = 'packages/activists/freshmen/index';
const OFFICER_ME = worldReply('me.get.sport_officer');
const FIRST = worldView('freshmen.list.officer');
const SECOND = worldView('freshmen.list.officer.page2');
const WATCHED = worldView('freshmen.list.officer.watched');
const BAD = worldView('freshmen.import.check_bad');
const MARK = worldInput('freshmen.watch.mark');
const UNMARK = worldInput('freshmen.watch.unmark');
const college = worldView('me.get.sport_officer').manages.freshmen[0]!;

const load = (extra: Parameters<typeof loadPage>[1] = {}) =>
  loadPage(PAGE, { ...extra, responses: { 'me.get': OFFICER_ME, 'freshmen.list': ok(FIRST), ...extra.responses } });

describe('新生信息库', () => {
  it('opens the college the server names and shows each freshman with the first lesson attended or not', async () => {
    const p = await load();
    expect(p.callsOf('freshmen.list')[0]!.input).toEqual({ collegeId: college.id, watchedOnly: false, page: 1 });
    expect(p.text()).toContain(college.name);
    expect(p.count('.fr-row-card')).toBe(FIRST.items.length);
    const attended = FIRST.items.find((f) => f.firstLessonAttended)!;
    const absent = FIRST.items.find((f) => f.firstLessonAttended === false)!;
    expect(p.text(`#row-${attended.id}`)).toContain('已参加第一课');
    expect(p.text(`#row-${absent.id}`)).toContain('未参加第一课');
    const watched = FIRST.items.find((f) => f.watch)!;
    expect(p.text(`#row-${watched.id}`)).toContain(`重点关注（${watched.watch!.on}）：${watched.watch!.reason}`);
  });

  it('pages on to the rest of the list', async () => {
    expect(FIRST.hasMore).toBe(true);
    const p = await load();
    p.respond('freshmen.list', () => ok(SECOND));
    await p.tap('#more-button');
    expect(p.callsOf('freshmen.list')[1]!.input).toEqual({ collegeId: college.id, watchedOnly: false, page: 2 });
    expect(p.count('.fr-row-card')).toBe(FIRST.items.length + SECOND.items.length);
    expect(p.exists('#more-button')).toBe(false);
  });

  it('shows only the students marked to watch, and takes one off with the list', async () => {
    const p = await load({ responses: { 'freshmen.watch': worldReply('freshmen.watch.unmark') } });
    p.respond('freshmen.list', () => ok(WATCHED));
    await p.tap('#filter-watched');
    expect(p.callsOf('freshmen.list')[1]!.input).toEqual({ collegeId: college.id, watchedOnly: true, page: 1 });
    expect(p.count('.fr-row-card')).toBe(WATCHED.items.length);
    await p.tap(`#row-${UNMARK.freshmanId} .unmark-button`);
    expect(p.callsOf('freshmen.watch')[0]!.input).toEqual(UNMARK);
    expect(p.exists(`#row-${UNMARK.freshmanId}`)).toBe(false);
    expect(p.toasts).toContain('已取消关注');
  });

  it('asks for the reason before marking a student to watch, then shows the mark', async () => {
    const p = await load({ responses: { 'freshmen.watch': worldReply('freshmen.watch.mark') } });
    const row = `#row-${MARK.freshmanId}`;
    await p.tap(`${row} .open-mark-button`);
    await p.tap(`${row} .mark-button`);
    expect(p.text(row)).toContain('请写明关注理由');
    expect(p.callsOf('freshmen.watch')).toHaveLength(0);
    await p.trigger(`${row} .fr-text`, 'change', { value: MARK.reason });
    await p.tap(`${row} .mark-button`);
    expect(p.callsOf('freshmen.watch')[0]!.input).toEqual(MARK);
    expect(p.text(row)).toContain(`：${MARK.reason}`);
    expect(p.exists(`${row} .unmark-button`)).toBe(true);
  });

  it('shows the server’s refusal of a mark without a reason beside the row', async () => {
    const p = await load({ responses: { 'freshmen.watch': worldReply('freshmen.watch.no_reason') } });
    const row = `#row-${MARK.freshmanId}`;
    await p.tap(`${row} .open-mark-button`);
    await p.trigger(`${row} .fr-text`, 'change', { value: '  x ' });
    await p.tap(`${row} .mark-button`);
    expect(p.text(row)).toContain('请写明关注理由');
  });

  it('checks a chosen workbook first and lists every problem by sheet, row and column, importing nothing', async () => {
    const p = await load({ responses: { 'freshmen.import': worldReply('freshmen.import.check_bad') } });
    stubWorkbookPick('新生名单.xlsx');
    await p.tap('#import-button');
    const calls = p.callsOf('freshmen.import');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.input).toEqual({
      collegeId: college.id,
      fileID: expect.stringMatching(/^cloud:\/\/.+\/imports\/freshmen\/u_sport\/.+\.xlsx$/),
      check: true,
    });
    expect(p.count('.fr-problem')).toBe(BAD.problems.length);
    for (const q of BAD.problems)
      expect(p.text('#import-problems')).toContain(`「${q.sheet}」第 ${q.row} 行「${q.column}」：${q.message}`);
    expect(p.text('#import-note')).toContain(`有 ${BAD.problems.length} 处问题，未导入任何数据`);
  });

  it('imports a workbook that passes its check and reloads the list', async () => {
    const p = await load();
    p.respond('freshmen.import', (input) =>
      input.check ? worldReply('freshmen.import.check_good') : worldReply('freshmen.import.good'),
    );
    stubWorkbookPick('新生名单.xlsx');
    await p.tap('#import-button');
    const calls = p.callsOf('freshmen.import');
    expect(calls.map((c) => (c.input as { check: boolean }).check)).toEqual([true, false]);
    const written = worldView('freshmen.import.good').written;
    expect(p.text('#import-note')).toBe(`已导入 ${written} 名新生`);
    expect(p.callsOf('freshmen.list')).toHaveLength(2);
  });

  it('hands out the template as a download', async () => {
    const opened: string[] = [];
    const p = await load({ responses: { 'freshmen.template': worldReply('freshmen.template.officer') } });
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    wx.downloadFile = (o: { url: string; success: (r: unknown) => void }) => {
      opened.push(o.url);
      o.success({ statusCode: 200, tempFilePath: 'wxfile://tmp/t.xlsx' });
    };
    wx.openDocument = (o: { success: () => void }) => o.success();
    await p.tap('#template-button');
    expect(p.callsOf('freshmen.template')[0]!.input).toEqual({ collegeId: college.id });
    expect(opened).toEqual([worldView('freshmen.template.officer').url]);
  });

  it('says so when the server names no college, and when a college is out of scope', async () => {
    const none = await loadPage(PAGE, { responses: { 'me.get': worldReply('me.get.sport_pb_sec') } });
    expect(none.text()).toContain('您没有可管理新生信息的学院');
    const other = await loadPage(PAGE, {
      query: { collegeId: 'u_sport' },
      responses: { 'freshmen.list': worldReply('freshmen.list.other_college') },
    });
    expect(other.text()).toContain('您没有管理该学院新生信息的权限');
  });
});
