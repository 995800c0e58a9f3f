/**
 * The 积极分子档案 pages and their states, for the preview registry (pages.ts spreads these into PAGES). Every answer
 * is the demo world's own, recorded through the real actions (tests/support/world-views.ts): 体育学院学生党支部's
 * activists 黄子豪 (a decided 优秀 he may appeal, a report waiting for his contact 邓凯) and 谢天宇 (an appeal waiting
 * for the secretary 马骁). States the world does not contain are built from a recorded answer or an error code.
 */
import { fail, ok } from '../../tests/component/harness';
import { worldInput, worldReply, worldView } from '../../tests/support/world-views';
import type { PreviewPage } from './types';

const MINE = worldView('activists.file.activist');
const CONTACT = worldView('activists.file.contact');
const APPEALED = worldView('activists.file.appealed');
const APPEAL = worldInput('activists.appeal.activist');
const SECRETARY = worldView('activists.branchFiles.secretary');
const COMMITTEE = worldView('activists.branchFiles.committee');
const REPORT = worldInput('activists.submitReport.activist');
const appealedRow = SECRETARY.files.find((f) => f.grade?.appeal)!;
const FRESHMEN = worldView('freshmen.list.officer');
const FRESHMEN_WATCHED = worldView('freshmen.list.officer.watched');
const FRESHMEN_BAD = worldView('freshmen.import.check_bad');
const attendedRow = FRESHMEN.items.find((f) => f.firstLessonAttended)!;

export const ACTIVIST_PAGES: PreviewPage[] = [
  {
    name: 'activist-file',
    path: 'packages/activists/file/index',
    states: [
      {
        name: 'mine',
        title: '积极分子档案 · 本人（已确定等次，可申诉）',
        query: { personId: MINE.personId },
        responses: { 'activists.file': ok(MINE) },
        expect: ['黄子豪', '支委会确定：优秀', '对等次提出申诉', '写思想汇报', '组织新生志愿服务'],
        absent: ['干部记录'],
      },
      {
        name: 'appeal-form',
        title: '积极分子档案 · 填写申诉理由',
        query: { personId: MINE.personId },
        responses: { 'activists.file': ok(MINE) },
        setup: async (p) => {
          await p.tap('#appeal-button-0');
          await p.trigger('#appeal-input', 'change', { value: APPEAL.reason });
        },
        expect: ['提交申诉', APPEAL.reason],
      },
      {
        name: 'appealed',
        title: '积极分子档案 · 申诉待答复',
        query: { personId: APPEALED.personId },
        responses: { 'activists.file': ok(APPEALED) },
        expect: ['谢天宇', '申诉', '等待党支部答复'],
        absent: ['对等次提出申诉'],
      },
      {
        name: 'contact',
        title: '积极分子档案 · 培养联系人（有待审思想汇报，可见干部记录）',
        query: { personId: CONTACT.personId },
        responses: { 'activists.file': ok(CONTACT) },
        expect: ['审阅思想汇报（1 份待审）', '干部记录（本人不可见）'],
      },
      {
        name: 'none',
        title: '积极分子档案 · 尚未建档',
        query: { personId: 'p_2023010108' },
        responses: { 'activists.file': worldReply('activists.file.none') },
        expect: ['尚未建立入党积极分子档案'],
      },
    ],
  },
  {
    name: 'activist-report',
    path: 'packages/activists/report/index',
    states: [
      {
        name: 'writing',
        title: '写思想汇报 · 填写中',
        setup: async (p) => {
          await p.trigger('#title-input', 'change', { value: REPORT.title });
          await p.trigger('#text-input', 'change', { value: REPORT.text });
        },
        expect: ['提交思想汇报', '培养联系人审阅'],
      },
      {
        name: 'risky',
        title: '写思想汇报 · 内容未通过安全检测',
        responses: { 'activists.submitReport': fail('CONTENT_REJECTED') },
        setup: async (p) => {
          await p.trigger('#text-input', 'change', { value: REPORT.text });
          await p.tap('#submit-button');
        },
        expect: ['内容含有不适宜的信息'],
      },
    ],
  },
  {
    name: 'activist-review',
    path: 'packages/activists/review/index',
    states: [
      {
        name: 'waiting',
        title: '审阅思想汇报 · 培养联系人评定质量',
        query: { personId: CONTACT.personId },
        responses: { 'activists.file': ok(CONTACT) },
        setup: async (p) => {
          await p.tap('#review-0 .mark-good');
        },
        expect: ['待审阅 1 份', '记录审阅', '优', '良', '中', '差'],
      },
      {
        name: 'done',
        title: '审阅思想汇报 · 都已审阅',
        query: { personId: APPEALED.personId },
        responses: { 'activists.file': ok(APPEALED) },
        expect: ['的思想汇报都已审阅'],
      },
    ],
  },
  {
    name: 'activist-grading',
    path: 'packages/activists/grading/index',
    states: [
      {
        name: 'secretary',
        title: '积极分子学期评定 · 支部书记（优秀名额、申诉待答复）',
        query: { branchId: SECRETARY.branchId },
        responses: { 'activists.branchFiles': ok(SECRETARY) },
        expect: ['体育学院学生党支部', '上限', '申诉待答复', '答复申诉', appealedRow.name],
      },
      {
        name: 'choose-branch',
        title: '积极分子学期评定 · 党委选择党支部',
        responses: { 'activists.branches': worldReply('activists.branches.party_admin') },
        expect: ['请选择党支部', '体育学院学生党支部', '信息学院学生党支部'],
      },
      {
        name: 'committee',
        title: '积极分子学期评定 · 支部委员（只读）',
        query: { branchId: COMMITTEE.branchId },
        responses: { 'activists.branchFiles': ok(COMMITTEE) },
        expect: ['体育学院学生党支部', '计算：'],
        absent: ['答复申诉', '记录支委会确定的等次'],
      },
    ],
  },
  {
    name: 'freshmen',
    path: 'packages/activists/freshmen/index',
    states: [
      {
        name: 'officer',
        title: '新生信息库 · 学院干部（第一页、重点关注、第一课出勤）',
        persona: 'sport_officer',
        responses: { 'freshmen.list': ok(FRESHMEN) },
        expect: [
          '体育学院',
          '下载模板',
          '导入名单',
          attendedRow.name,
          '已参加第一课',
          '未参加第一课',
          '重点关注',
          '加载更多',
        ],
      },
      {
        name: 'watched',
        title: '新生信息库 · 只看重点关注的新生（理由）',
        persona: 'sport_officer',
        responses: { 'freshmen.list': ok(FRESHMEN_WATCHED) },
        setup: async (p) => {
          await p.tap('#filter-watched');
        },
        expect: [FRESHMEN_WATCHED.items[0]!.watch!.reason, '取消关注'],
        absent: ['加载更多'],
      },
      {
        name: 'import-refused',
        title: '新生信息库 · 导入的名单有误（按工作表、行、列列出，未写入）',
        persona: 'sport_officer',
        responses: {
          'freshmen.list': ok(FRESHMEN),
          'freshmen.import': worldReply('freshmen.import.check_bad'),
        },
        setup: async (p) => {
          stubWorkbookPick('体育学院-新生名单-初稿.xlsx');
          await p.tap('#import-button');
        },
        expect: [
          `有 ${FRESHMEN_BAD.problems.length} 处问题，未导入任何数据`,
          '「新生名单」第 3 行「学号」：与第 2 行重复',
        ],
      },
      {
        name: 'empty',
        title: '新生信息库 · 还没有导入名单',
        persona: 'info_officer',
        responses: { 'freshmen.list': worldReply('freshmen.list.empty') },
        expect: ['还没有导入新生名单'],
      },
      {
        name: 'forbidden',
        title: '新生信息库 · 没有可管理的学院',
        persona: 'sport_pb_sec',
        expect: ['您没有可管理新生信息的学院'],
      },
    ],
  },
];

/** A chat file picked and uploaded as WeChat would (the page only sees the temp path and the fileID). */
export function stubWorkbookPick(name: string): void {
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  wx.chooseMessageFile = (o: { success: (r: unknown) => void }) =>
    o.success({ tempFiles: [{ path: `wxfile://tmp/${name}`, name, size: 9000, type: 'file', time: 0 }] });
  (wx.cloud as Record<string, unknown>).uploadFile = async (o: { cloudPath: string }) => ({
    fileID: `cloud://lingyan-demo.bucket/${o.cloudPath}`,
    statusCode: 200,
    errMsg: 'cloud.uploadFile:ok',
  });
}
