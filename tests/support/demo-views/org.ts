/**
 * Demo content for previews: the demo school 领雁示范大学 with its colleges, associations and branches,
 * and the people a reviewer looks at the app as. Realistic Chinese so that layout problems (long names,
 * wrapping, truncation) show up the way they would with real data.
 */

import { voteKindsHeldBy } from '../../../server/actions/org/me';
import { ROLE_PERMISSIONS, unitsWherePermitted } from '../../../server/domain/org/permissions';
import type {
  BindingView,
  ManagedUnitsView,
  MeView,
  PersonView,
  PositionView,
  UnitView,
} from '../../../typings/actions';
import {
  PERMISSIONS,
  type Permission,
  POLITICAL_STATUS_LABELS,
  type PoliticalStatus,
  ROLE_LABELS,
  type Role,
  UNIT_KIND_LABELS,
  type UnitKind,
} from '../../../typings/domain';
import type { Responses } from '../../component/harness';
import { ok } from '../../component/harness';
import { WORLD_PERSONAS, type WorldPersona, worldReply } from '../world-views';

export const SCHOOL_NAME = '领雁示范大学';

const unit = (id: string, kind: UnitKind, name: string, parentId: string | null): UnitView => ({
  id,
  kind,
  kindLabel: UNIT_KIND_LABELS[kind],
  name,
  parentId,
});

/** The organisation tree of the demo school. */
export const UNITS: UnitView[] = [
  unit('school', 'school', SCHOOL_NAME, null),
  unit('party-committee', 'party_committee', '中共领雁示范大学委员会', 'school'),
  unit('league-committee', 'league_committee', '共青团领雁示范大学委员会', 'school'),
  unit('federation', 'federation', '学生社团联合会', 'league-committee'),
  unit('college-pe', 'college', '体育学院', 'school'),
  unit('college-info', 'college', '信息学院', 'school'),
  unit('college-lit', 'college', '文学院', 'school'),
  unit('college-econ', 'college', '经济管理学院', 'school'),
  unit('college-marx', 'college', '马克思主义学院', 'school'),
  unit('pb-info-1', 'party_branch', '信息学院本科生第一党支部', 'college-info'),
  unit('pb-pe-1', 'party_branch', '体育学院学生党支部', 'college-pe'),
  unit('lb-info-2301', 'league_branch', '计算机科学与技术2301班团支部', 'college-info'),
  unit('assoc-basketball', 'association', '篮球协会', 'federation'),
  unit('assoc-volunteer', 'association', '志愿服务协会', 'federation'),
  unit('assoc-marxism', 'association', '青年马克思主义研习社', 'federation'),
  unit('assoc-robotics', 'association', '机器人创新实践协会', 'federation'),
  unit('tpb-basketball', 'temp_party_branch', '篮球协会临时党支部', 'assoc-basketball'),
  unit('tlb-volunteer', 'temp_league_branch', '志愿服务协会临时团支部', 'assoc-volunteer'),
];

const unitName = (id: string) => UNITS.find((u) => u.id === id)?.name ?? id;

export const position = (id: string, role: Role, unitId: string, start: string): PositionView => ({
  id,
  role,
  roleLabel: ROLE_LABELS[role],
  unitId,
  unitName: unitName(unitId),
  start,
  end: null,
});

interface DemoPerson {
  id: string;
  name: string;
  studentNo: string;
  collegeId: string;
  status: PoliticalStatus;
}

/** Students of the demo school. */
export const PEOPLE: DemoPerson[] = [
  { id: 'p-zhangsy', name: '张思远', studentNo: '2023110215', collegeId: 'college-info', status: 'league_member' },
  { id: 'p-liyt', name: '李雨桐', studentNo: '2022080134', collegeId: 'college-pe', status: 'probationary_member' },
  { id: 'p-wanghr', name: '王浩然', studentNo: '2023080207', collegeId: 'college-pe', status: 'activist' },
  { id: 'p-chenjy', name: '陈佳怡', studentNo: '2024110118', collegeId: 'college-info', status: 'league_member' },
  { id: 'p-liuzh', name: '刘子涵', studentNo: '2023030322', collegeId: 'college-lit', status: 'party_applicant' },
  {
    id: 'p-zhaoym',
    name: '赵一鸣',
    studentNo: '2022110409',
    collegeId: 'college-info',
    status: 'development_candidate',
  },
  { id: 'p-sunmy', name: '孙梦瑶', studentNo: '2024050211', collegeId: 'college-econ', status: 'league_member' },
  { id: 'p-zhoujj', name: '周俊杰', studentNo: '2023080315', collegeId: 'college-pe', status: 'league_member' },
  { id: 'p-ouyang', name: '欧阳明轩', studentNo: '2024110326', collegeId: 'college-info', status: 'masses' },
  { id: 'p-wuxr', name: '吴欣然', studentNo: '2021110102', collegeId: 'college-info', status: 'full_member' },
];

const person = (id: string) => {
  const p = PEOPLE.find((x) => x.id === id);
  if (!p) throw new Error(`demo person ${id}`);
  return p;
};

/**
 * Where these positions let a person act (MeView.manages), from the server's own grants and vote host rules; the
 * demo tree has no second parents, so "below" follows parentId.
 */
export function managesFor(positions: PositionView[]): ManagedUnitsView {
  const held = positions.map((p) => ({ ...p, unitScope: [] }));
  const where = (perm: Permission) => unitsWherePermitted(held, perm, '2026-01-01');
  const below = (id: string): UnitView[] => UNITS.filter((u) => u.parentId === id).flatMap((u) => [u, ...below(u.id)]);
  const seen = new Set<string>();
  const votes = where('vote.manage')
    .flatMap((id) => [UNITS.find((u) => u.id === id)!, ...below(id)])
    .filter((u) => !seen.has(u.id) && seen.add(u.id))
    .map((u) => ({ ...u, voteKinds: voteKindsHeldBy(u.kind) }))
    .filter((u) => u.voteKinds.length > 0);
  const notices = where('notice.manage').map((id) => UNITS.find((u) => u.id === id)!);
  return { votes, notices };
}

const NO_UNITS: ManagedUnitsView = { votes: [], notices: [] };

function meBound(id: string, positions: PositionView[]): MeView {
  const p = person(id);
  return {
    bound: true,
    person: {
      id: p.id,
      name: p.name,
      studentNo: p.studentNo,
      collegeId: p.collegeId,
      collegeName: unitName(p.collegeId),
      status: p.status,
      statusLabel: POLITICAL_STATUS_LABELS[p.status],
    },
    binding: { id: `b-${p.id}`, state: 'approved', submittedAt: '2025-09-16T10:24:00.000+08:00', reason: null },
    positions,
    units: (MEMBERSHIPS[id] ?? []).map((u) => UNITS.find((x) => x.id === u)!),
    capabilities: PERMISSIONS.filter((perm) => positions.some((pos) => ROLE_PERMISSIONS[pos.role].includes(perm))),
    manages: managesFor(positions),
  };
}

/** The organisations each demo persona belongs to besides the college (MeView.units), home branches first. */
const MEMBERSHIPS: Record<string, string[]> = {
  'p-zhangsy': ['lb-info-2301', 'assoc-robotics'],
  'p-liyt': ['pb-pe-1', 'assoc-basketball', 'tpb-basketball'],
  'p-wuxr': ['pb-info-1', 'assoc-marxism'],
};

/** How `me.get` answers for each persona. */
export const ME: Record<string, MeView> = {
  unbound: { bound: false, person: null, binding: null, positions: [], units: [], capabilities: [], manages: NO_UNITS },
  pending: {
    bound: false,
    person: null,
    binding: { id: 'b-pending', state: 'pending', submittedAt: '2025-10-14T09:32:00.000+08:00', reason: null },
    positions: [],
    units: [],
    capabilities: [],
    manages: NO_UNITS,
  },
  rejected: {
    bound: false,
    person: null,
    binding: {
      id: 'b-rejected',
      state: 'rejected',
      submittedAt: '2025-10-12T21:05:00.000+08:00',
      reason: '学号与学院花名册不一致，请核对学号后重新提交',
    },
    positions: [],
    units: [],
    capabilities: [],
    manages: NO_UNITS,
  },
  student: meBound('p-zhangsy', []),
  secretary: meBound('p-liyt', [
    position('pos-liyt-1', 'branch_secretary', 'tpb-basketball', '2025-09-01'),
    position('pos-liyt-2', 'backbone', 'assoc-basketball', '2024-10-08'),
  ]),
  officer: meBound('p-wuxr', [
    position('pos-wuxr-1', 'college_officer', 'college-info', '2025-03-01'),
    position('pos-wuxr-2', 'branch_committee', 'pb-info-1', '2024-12-20'),
  ]),
  admin: meBound('p-wuxr', [position('pos-admin', 'school_admin', 'school', '2025-08-25')]),
};

export const PERSONAS = Object.keys(ME);

/** Binding requests waiting for a decision, newest first. */
export const PENDING_BINDINGS: BindingView[] = [
  ['b-101', 'p-chenjy', '2025-10-15T08:41:00.000+08:00', true],
  ['b-102', 'p-ouyang', '2025-10-14T22:17:00.000+08:00', true],
  ['b-103', 'p-zhoujj', '2025-10-14T19:03:00.000+08:00', false],
  ['b-104', 'p-sunmy', '2025-10-13T12:30:00.000+08:00', true],
  ['b-105', 'p-liuzh', '2025-10-12T16:48:00.000+08:00', true],
].map(([id, pid, at, match]) => {
  const p = person(pid as string);
  return {
    id: id as string,
    name: p.name,
    studentNo: p.studentNo,
    collegeId: p.collegeId,
    collegeName: unitName(p.collegeId),
    submittedAt: at as string,
    rosterMatch: match as boolean,
    competingWith: [],
    secondFactor: 'none' as const,
  };
});

export const PEOPLE_VIEWS: PersonView[] = PEOPLE.map((p) => ({
  id: p.id,
  name: p.name,
  studentNo: p.studentNo,
  status: p.status,
  statusLabel: POLITICAL_STATUS_LABELS[p.status],
  bound: p.id !== 'p-ouyang',
  positions: ME.secretary.person?.id === p.id ? ME.secretary.positions : [],
}));

/** The answers every state of a persona starts from (a state's own responses win). */
export function personaResponses(persona: string | undefined): Responses {
  if (!persona) return {};
  if ((WORLD_PERSONAS as readonly string[]).includes(persona)) {
    const who = persona as WorldPersona;
    return { 'me.get': worldReply(`me.get.${who}`), 'org.tree': worldReply(`org.tree.${who}`) };
  }
  const me = ME[persona];
  if (!me) throw new Error(`unknown preview persona ${persona}; known: ${[...PERSONAS, ...WORLD_PERSONAS].join(', ')}`);
  return {
    'me.get': ok(me),
    'org.tree': ok({ units: UNITS }),
  };
}
