/** The member development pipeline's actions. */
export { pipelineApply, pipelineSetRuleVersion } from './apply';
export { pipelineAcknowledgeFiling, pipelineCorrectBirthDate, pipelineRecordDiscipline } from './committee';
export { pipelineRecordOath } from './oath';
export { pipelineConfirmOverride, pipelineRequestOverride } from './overrides';
export { pipelineGet, pipelineList, pipelineMine, pipelineTodo } from './read';
export {
  pipelineRecordAssessment,
  pipelineRecordRecommendation,
  pipelineRecordReview,
  pipelineRecordTalk,
  pipelineSetContacts,
  pipelineSetIntroducers,
} from './records';
export { pipelineTakeStep } from './steps';
