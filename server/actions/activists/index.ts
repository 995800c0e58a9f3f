export { activistsAnswerAppeal, activistsAppeal } from './appeals';
export {
  activistsAddNote,
  activistsBranches,
  activistsBranchFiles,
  activistsFile,
  activistsOpen,
  activistsRecordContribution,
} from './files';
export { freshmenImport, freshmenList, freshmenSetFirstLesson, freshmenTemplate, freshmenWatch } from './freshmen';
export {
  activistsComputeGrades,
  activistsDecideGrade,
  activistsGradingSettings,
  activistsSetGradingSettings,
} from './grading';
export { activistsReviewReport, activistsSubmitReport } from './reports';
