/** The router is this table: every action in typings/actions must have exactly one entry (the type enforces it). */
import type { ActionTable } from '../pipeline';
import { auditList, auditVerify } from './org/audit';
import { bindingsDecide, bindingsListPending, bindingsSubmit } from './org/bindings';
import { meGet, orgTree } from './org/me';
import { adminBootstrap, peopleList, positionsAssign, positionsEnd } from './org/people';

export const actions: ActionTable = {
  'me.get': meGet,
  'org.tree': orgTree,
  'bindings.submit': bindingsSubmit,
  'bindings.listPending': bindingsListPending,
  'bindings.decide': bindingsDecide,
  'people.list': peopleList,
  'positions.assign': positionsAssign,
  'positions.end': positionsEnd,
  'admin.bootstrap': adminBootstrap,
  'audit.list': auditList,
  'audit.verify': auditVerify,
};
