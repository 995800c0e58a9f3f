/** Demo data shaped by the contract (typings/actions): shared by the component tests and the preview renderer. */

import { ROLE_PERMISSIONS } from '../../server/domain/org/permissions';
import type { BindingView, MeView, PositionView, UnitView } from '../../typings/actions';
import { PERMISSIONS, type Permission } from '../../typings/domain';

export const COLLEGES: UnitView[] = [
  { id: 'col-cs', kind: 'college', kindLabel: '学院', name: '计算机学院', parentId: 'school' },
  { id: 'col-law', kind: 'college', kindLabel: '学院', name: '法学院', parentId: 'school' },
  { id: 'col-art', kind: 'college', kindLabel: '学院', name: '艺术学院', parentId: 'school' },
];

export const UNITS: UnitView[] = [
  { id: 'school', kind: 'school', kindLabel: '学校', name: '示范大学', parentId: null },
  ...COLLEGES,
  { id: 'pb-cs-1', kind: 'party_branch', kindLabel: '党支部', name: '计算机学院学生第一党支部', parentId: 'col-cs' },
];

export const OFFICER_POSITION: PositionView = {
  id: 'pos-1',
  role: 'college_officer',
  roleLabel: '学院党团干部',
  unitId: 'col-cs',
  unitName: '计算机学院',
  start: '2024-09-01',
  end: null,
};

export const SECRETARY_POSITION: PositionView = {
  id: 'pos-2',
  role: 'branch_secretary',
  roleLabel: '支部书记',
  unitId: 'pb-cs-1',
  unitName: '计算机学院学生第一党支部',
  start: '2025-03-15',
  end: null,
};

export const ME_UNBOUND: MeView = {
  bound: false,
  person: null,
  binding: null,
  positions: [],
  units: [],
  capabilities: [],
  manages: { votes: [], notices: [] },
};

export const ME_PENDING: MeView = {
  bound: false,
  person: null,
  binding: { id: 'bd-1', state: 'pending', submittedAt: '2025-03-01T02:05:00.000Z', reason: null },
  positions: [],
  units: [],
  capabilities: [],
  manages: { votes: [], notices: [] },
};

export const ME_REJECTED: MeView = {
  bound: false,
  person: null,
  binding: { id: 'bd-1', state: 'rejected', submittedAt: '2025-03-01T02:05:00.000Z', reason: '学号与姓名不一致' },
  positions: [],
  units: [],
  capabilities: [],
  manages: { votes: [], notices: [] },
};

/** Permissions the server would report for these positions (the grants table of server/domain/org/permissions.ts). */
function capabilitiesFor(positions: PositionView[]): Permission[] {
  return PERMISSIONS.filter((perm) => positions.some((p) => ROLE_PERMISSIONS[p.role].includes(perm)));
}

export function meBound(positions: PositionView[] = []): MeView {
  return {
    bound: true,
    person: {
      id: 'p-1',
      name: '李华',
      studentNo: '2021110101',
      collegeId: 'col-cs',
      collegeName: '计算机学院',
      status: 'probationary_member',
      statusLabel: '预备党员',
    },
    binding: { id: 'bd-1', state: 'approved', submittedAt: '2025-03-01T02:05:00.000Z', reason: null },
    positions,
    units: [
      {
        id: 'pb-cs-1',
        kind: 'party_branch',
        kindLabel: '党支部',
        name: '计算机学院学生第一党支部',
        parentId: 'col-cs',
      },
      { id: 'as-robot', kind: 'association', kindLabel: '学生社团', name: '机器人协会', parentId: 'fed' },
    ],
    capabilities: capabilitiesFor(positions),
    // The home, 我的 and binding pages these feed never read where the person manages.
    manages: { votes: [], notices: [] },
  };
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['晓明', '思远', '雨桐', '子涵', '嘉怡', '浩然', '欣怡', '宇航', '梓萱', '俊杰'];

/** The n-th pending application (1-based), deterministic. */
export function pendingBinding(n: number): BindingView {
  return {
    id: `bd-${String(n).padStart(3, '0')}`,
    name: SURNAMES[n % 10] + GIVEN[Math.floor(n / 10) % 10],
    studentNo: `2023${String(100000 + n)}`,
    collegeId: COLLEGES[n % COLLEGES.length].id,
    collegeName: COLLEGES[n % COLLEGES.length].name,
    submittedAt: `2025-03-${String(1 + (n % 28)).padStart(2, '0')}T01:00:00.000Z`,
    rosterMatch: n % 4 !== 0,
    competingWith: [],
    secondFactor: 'none',
  };
}

/** A pending list of `total` applications, served a page at a time like bindings.listPending. */
export function pendingPages(total: number) {
  const all = Array.from({ length: total }, (_, i) => pendingBinding(i + 1));
  return {
    all,
    page(page = 1, pageSize = 20) {
      const items = all.slice((page - 1) * pageSize, page * pageSize);
      return { items, page, pageSize, hasMore: page * pageSize < all.length };
    },
  };
}
