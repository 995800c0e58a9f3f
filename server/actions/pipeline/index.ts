/** The member development pipeline's actions. */
export { pipelineApply, pipelineSetRuleVersion } from './apply';
export { pipelineAttachmentLink } from './attachments';
export {
  pipelineAcknowledgeFiling,
  pipelineCorrectBirthDate,
  pipelineFilings,
  pipelinePeople,
  pipelineRecordDiscipline,
} from './committee';
export { pipelineDossier, pipelineDossierForm } from './dossier';
export { pipelineRecordPreExam } from './evaluations';
export { pipelineRecordOath } from './oath';
export { pipelineAssessable, pipelineStepOptions } from './options';
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
