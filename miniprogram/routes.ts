/**
 * Every page in one place. `tab` pages are listed in app.json tabBar and opened with switchTab; the rest with
 * navigateTo. A new tab (公示, 培训) is one entry in app.json tabBar.list and one entry here with `tab: true`
 * (tests/component/app-shell.test.ts checks the two agree).
 */
export const PAGES = {
  home: { url: '/pages/home/index', tab: true },
  notices: { url: '/pages/notices/index', tab: true },
  me: { url: '/pages/me/index', tab: true },
  binding: { url: '/pages/binding/index', tab: false },
  bindingReview: { url: '/packages/admin/bindings/index', tab: false },
  voteRules: { url: '/packages/admin/vote-rules/index', tab: false },
  noticeDetail: { url: '/packages/notices/detail/index', tab: false },
  myObjections: { url: '/packages/notices/my-objections/index', tab: false },
  noticesManage: { url: '/packages/notices-admin/manage/index', tab: false },
  noticeEdit: { url: '/packages/notices-admin/edit/index', tab: false },
  noticeObjections: { url: '/packages/notices-admin/objections/index', tab: false },
  noticeReport: { url: '/packages/notices-admin/report/index', tab: false },
  votesMine: { url: '/packages/votes/mine/index', tab: false },
  voteDetail: { url: '/packages/votes/detail/index', tab: false },
  voteBallot: { url: '/packages/votes/ballot/index', tab: false },
  voteResult: { url: '/packages/votes/result/index', tab: false },
  voteVerify: { url: '/packages/votes/verify/index', tab: false },
  votesManage: { url: '/packages/votes/manage/index', tab: false },
  voteCreate: { url: '/packages/votes/create/index', tab: false },
  votePrepare: { url: '/packages/votes/prepare/index', tab: false },
  votePresence: { url: '/packages/votes/presence/index', tab: false },
  voteDecision: { url: '/packages/votes/decision/index', tab: false },
  voteWritten: { url: '/packages/votes/written/index', tab: false },
  trainings: { url: '/packages/trainings/list/index', tab: false },
  trainingProgram: { url: '/packages/trainings/program/index', tab: false },
  trainingHours: { url: '/packages/trainings/hours/index', tab: false },
  myJourney: { url: '/packages/pipeline/journey/index', tab: false },
  pipelineTodo: { url: '/packages/pipeline/todo/index', tab: false },
  pipelineCase: { url: '/packages/pipeline/case/index', tab: false },
  pipelineDossier: { url: '/packages/pipeline/dossier/index', tab: false },
  pipelineApply: { url: '/packages/pipeline/apply/index', tab: false },
  pipelineAct: { url: '/packages/pipeline/act/index', tab: false },
  pipelineCases: { url: '/packages/pipeline/cases/index', tab: false },
  pipelineOath: { url: '/packages/pipeline/oath/index', tab: false },
  pipelineFilings: { url: '/packages/pipeline/filings/index', tab: false },
  pipelineFiling: { url: '/packages/pipeline/filing/index', tab: false },
  pipelineMembers: { url: '/packages/pipeline/members/index', tab: false },
  pipelineAssess: { url: '/packages/pipeline/assess/index', tab: false },
  trainingScreen: { url: '/packages/trainings/screen/index', tab: false },
  trainingAttendance: { url: '/packages/trainings/attendance/index', tab: false },
  trainingReport: { url: '/packages/trainings/report/index', tab: false },
  trainingRate: { url: '/packages/trainings/rate/index', tab: false },
  trainingExam: { url: '/packages/trainings/exam/index', tab: false },
  trainingEnrolment: { url: '/packages/trainings/enrolment/index', tab: false },
  trainingCreate: { url: '/packages/trainings/create/index', tab: false },
  trainingSession: { url: '/packages/trainings/session/index', tab: false },
  trainingTrainer: { url: '/packages/trainings/trainer/index', tab: false },
  trainingExamSetup: { url: '/packages/trainings/exam-setup/index', tab: false },
  trainingScores: { url: '/packages/trainings/scores/index', tab: false },
  trainingRecord: { url: '/packages/trainings/record/index', tab: false },
  trainingRatings: { url: '/packages/trainings/ratings/index', tab: false },
  trainingBackbones: { url: '/packages/trainings/backbones/index', tab: false },
  honorVerify: { url: '/packages/honors/verify/index', tab: false },
  honorCertificate: { url: '/packages/honors/certificate/index', tab: false },
  honorWall: { url: '/packages/honors/wall/index', tab: false },
  showcasePost: { url: '/packages/honors/post/index', tab: false },
  showcaseEdit: { url: '/packages/honors/edit/index', tab: false },
  showcaseReview: { url: '/packages/honors/review/index', tab: false },
  association: { url: '/packages/honors/association/index', tab: false },
  honorAward: { url: '/packages/honors/award/index', tab: false },
  showcase: { url: '/packages/honors/showcase/index', tab: false },
  activistFile: { url: '/packages/activists/file/index', tab: false },
  activistReport: { url: '/packages/activists/report/index', tab: false },
  activistReview: { url: '/packages/activists/review/index', tab: false },
  activistGrading: { url: '/packages/activists/grading/index', tab: false },
  freshmen: { url: '/packages/activists/freshmen/index', tab: false },
} as const;

export type PageName = keyof typeof PAGES;

/** The page's url with `query` appended (a tab page takes no query: switchTab drops it). */
export function urlOf(name: PageName, query: Record<string, string> = {}): string {
  const qs = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return qs ? `${PAGES[name].url}?${qs}` : PAGES[name].url;
}

export function go(name: PageName, query?: Record<string, string>): void {
  const { tab } = PAGES[name];
  if (tab) wx.switchTab({ url: PAGES[name].url });
  else wx.navigateTo({ url: urlOf(name, query) });
}

/** Replace the current page (after creating something, the form gives way to what was created). */
export function replace(name: PageName, query?: Record<string, string>): void {
  wx.redirectTo({ url: urlOf(name, query) });
}
