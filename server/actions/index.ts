/** The router is this table: every action in typings/actions must have exactly one entry (the type enforces it). */
import type { ActionTable } from '../pipeline';
import { noticesCreate, noticesPublish, noticesUpdate, noticesWithdraw } from './notices/drafts';
import { noticesHandleObjection, noticesMyObjections, noticesObject, noticesObjections } from './notices/objections';
import { noticesCloseReport, noticesGet, noticesList } from './notices/reads';
import { noticesSetWindowSettings, noticesWindowSettings } from './notices/settings';
import { auditList, auditVerify } from './org/audit';
import { bindingsDecide, bindingsIssueCode, bindingsListPending, bindingsRevoke, bindingsSubmit } from './org/bindings';
import { meGet, orgTree } from './org/me';
import { adminBootstrap, peopleList, positionsAssign, positionsEnd } from './org/people';
import {
  votesAddWrittenOpinion,
  votesCancel,
  votesCast,
  votesCheckIn,
  votesClose,
  votesCreate,
  votesGet,
  votesList,
  votesListMine,
  votesNoticeDraft,
  votesOpen,
  votesPresence,
  votesRecordDecision,
  votesResolution,
  votesRuleSettings,
  votesSetRuleSettings,
  votesVerifyBallot,
} from './votes';

export const actions: ActionTable = {
  'me.get': meGet,
  'org.tree': orgTree,
  'bindings.submit': bindingsSubmit,
  'bindings.listPending': bindingsListPending,
  'bindings.decide': bindingsDecide,
  'bindings.revoke': bindingsRevoke,
  'bindings.issueCode': bindingsIssueCode,
  'people.list': peopleList,
  'positions.assign': positionsAssign,
  'positions.end': positionsEnd,
  'admin.bootstrap': adminBootstrap,
  'audit.list': auditList,
  'audit.verify': auditVerify,
  'notices.create': noticesCreate,
  'notices.update': noticesUpdate,
  'notices.publish': noticesPublish,
  'notices.withdraw': noticesWithdraw,
  'notices.list': noticesList,
  'notices.get': noticesGet,
  'notices.object': noticesObject,
  'notices.myObjections': noticesMyObjections,
  'notices.objections': noticesObjections,
  'notices.handleObjection': noticesHandleObjection,
  'notices.closeReport': noticesCloseReport,
  'notices.windowSettings': noticesWindowSettings,
  'notices.setWindowSettings': noticesSetWindowSettings,
  'votes.create': votesCreate,
  'votes.open': votesOpen,
  'votes.checkIn': votesCheckIn,
  'votes.cast': votesCast,
  'votes.close': votesClose,
  'votes.cancel': votesCancel,
  'votes.get': votesGet,
  'votes.listMine': votesListMine,
  'votes.list': votesList,
  'votes.presence': votesPresence,
  'votes.resolution': votesResolution,
  'votes.verifyBallot': votesVerifyBallot,
  'votes.ruleSettings': votesRuleSettings,
  'votes.setRuleSettings': votesSetRuleSettings,
  'votes.recordDecision': votesRecordDecision,
  'votes.addWrittenOpinion': votesAddWrittenOpinion,
  'votes.noticeDraft': votesNoticeDraft,
};
