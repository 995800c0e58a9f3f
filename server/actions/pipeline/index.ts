/** The member development pipeline's actions. */
export { pipelineApply, pipelineSetRuleVersion } from './apply';
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
export { pipelineAcceptReminder, pipelineReminderStatus } from './reminders';
export { pipelineTakeStep } from './steps';
