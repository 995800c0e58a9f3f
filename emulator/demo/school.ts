/**
 * The seeded demo school: two colleges, four associations with their temporary party and league
 * branches, and about forty people covering every role and political status. Every later capability
 * has people to act as. Openids are `demo_<slug>`; a few roster entries are unbound on purpose.
 */
import type { Person, PoliticalStatus, Position, Role, Unit, UnitKind } from '../../typings/domain';

type UnitSpec = [id: string, kind: UnitKind, name: string, parent: string | null, alsoUnder?: string[]];

const UNIT_SPECS: UnitSpec[] = [
  ['u_school', 'school', '领雁示范大学', null],
  ['u_party', 'party_committee', '校党委', 'u_school'],
  ['u_league', 'league_committee', '校团委', 'u_school'],
  ['u_fed', 'federation', '校学生社团联合会', 'u_league'],
  ['u_sport', 'college', '体育学院', 'u_party', ['u_league']],
  ['u_info', 'college', '信息学院', 'u_party', ['u_league']],
  ['u_sport_pb', 'party_branch', '体育学院学生党支部', 'u_sport'],
  ['u_info_pb', 'party_branch', '信息学院学生党支部', 'u_info'],
  ['u_sport_lb1', 'league_branch', '体育学院2023级1班团支部', 'u_sport'],
  ['u_info_lb1', 'league_branch', '信息学院2023级1班团支部', 'u_info'],
  ['u_info_lb2', 'league_branch', '信息学院2024级2班团支部', 'u_info'],
  ['u_as_bball', 'association', '篮球协会', 'u_fed', ['u_sport']],
  ['u_as_bball_tpb', 'temp_party_branch', '篮球协会临时党支部', 'u_as_bball'],
  ['u_as_bball_tlb', 'temp_league_branch', '篮球协会临时团支部', 'u_as_bball'],
  ['u_as_taiji', 'association', '太极拳社', 'u_fed', ['u_sport']],
  ['u_as_taiji_tpb', 'temp_party_branch', '太极拳社临时党支部', 'u_as_taiji'],
  ['u_as_taiji_tlb', 'temp_league_branch', '太极拳社临时团支部', 'u_as_taiji'],
  ['u_as_vol', 'association', '青年志愿者协会', 'u_fed', ['u_info']],
  ['u_as_vol_tpb', 'temp_party_branch', '青年志愿者协会临时党支部', 'u_as_vol'],
  ['u_as_vol_tlb', 'temp_league_branch', '青年志愿者协会临时团支部', 'u_as_vol'],
  ['u_as_robot', 'association', '机器人创新协会', 'u_fed', ['u_info']],
  ['u_as_robot_tpb', 'temp_party_branch', '机器人创新协会临时党支部', 'u_as_robot'],
  ['u_as_robot_tlb', 'temp_league_branch', '机器人创新协会临时团支部', 'u_as_robot'],
];

/** Ancestors = parent line plus every unit a unit is also registered under, transitively, nearest first. */
export function buildUnits(specs: UnitSpec[] = UNIT_SPECS): Unit[] {
  const byId = new Map(specs.map((s) => [s[0], s]));
  const ancestorsOf = (id: string): string[] => {
    const [, , , parent, also = []] = byId.get(id)!;
    const direct = [...(parent ? [parent] : []), ...also];
    const out: string[] = [];
    for (const d of direct) for (const a of [d, ...ancestorsOf(d)]) if (!out.includes(a)) out.push(a);
    return out;
  };
  return specs.map(([id, kind, name, parent, also = []]) => ({
    _id: id,
    kind,
    name,
    parentId: parent,
    alsoUnder: also,
    ancestors: ancestorsOf(id),
  }));
}

interface PersonSpec {
  slug: string;
  name: string;
  no: string;
  college: 'u_sport' | 'u_info' | 'u_school';
  status: PoliticalStatus;
  /** Home party branch / league branch. */
  pb?: string;
  lb?: string;
  /** Associations (and their temporary branches) the person belongs to. */
  member?: string[];
  roles?: [Role, string][];
  unbound?: boolean;
}

const S = 'u_sport';
const I = 'u_info';

const PEOPLE: PersonSpec[] = [
  // Teachers and committee staff
  {
    slug: 'admin',
    name: '王建国',
    no: 'T0001',
    college: 'u_school',
    status: 'full_member',
    roles: [['school_admin', 'u_school']],
  },
  {
    slug: 'party_admin',
    name: '李红梅',
    no: 'T0002',
    college: 'u_school',
    status: 'full_member',
    roles: [['party_committee_admin', 'u_party']],
  },
  {
    slug: 'league_admin',
    name: '张晓东',
    no: 'T0003',
    college: 'u_school',
    status: 'full_member',
    roles: [['league_committee_admin', 'u_league']],
  },
  {
    slug: 'sport_officer',
    name: '陈志强',
    no: 'T0101',
    college: S,
    status: 'full_member',
    roles: [['college_officer', S]],
  },
  {
    slug: 'info_officer',
    name: '刘芳',
    no: 'T0201',
    college: I,
    status: 'full_member',
    roles: [['college_officer', I]],
  },
  {
    slug: 'advisor_bball',
    name: '赵磊',
    no: 'T0102',
    college: S,
    status: 'full_member',
    roles: [['advisor', 'u_as_bball']],
  },
  {
    slug: 'advisor_taiji',
    name: '周涛',
    no: 'T0103',
    college: S,
    status: 'full_member',
    roles: [['advisor', 'u_as_taiji']],
  },
  {
    slug: 'advisor_vol',
    name: '孙丽',
    no: 'T0202',
    college: I,
    status: 'full_member',
    roles: [['advisor', 'u_as_vol']],
  },
  {
    slug: 'advisor_robot',
    name: '吴敏',
    no: 'T0203',
    college: I,
    status: 'full_member',
    roles: [['advisor', 'u_as_robot']],
  },
  // 体育学院 students
  {
    slug: 'sport_pb_sec',
    name: '马骁',
    no: '2022010101',
    college: S,
    status: 'full_member',
    pb: 'u_sport_pb',
    lb: 'u_sport_lb1',
    member: ['u_as_bball', 'u_as_bball_tpb'],
    roles: [['branch_secretary', 'u_sport_pb']],
  },
  {
    slug: 'sport_pb_cm',
    name: '何静',
    no: '2022010102',
    college: S,
    status: 'full_member',
    pb: 'u_sport_pb',
    lb: 'u_sport_lb1',
    member: ['u_as_bball', 'u_as_bball_tpb'],
    roles: [['branch_committee', 'u_sport_pb']],
  },
  {
    slug: 'sport_full1',
    name: '韩冬',
    no: '2022010103',
    college: S,
    status: 'full_member',
    pb: 'u_sport_pb',
    member: ['u_as_taiji', 'u_as_taiji_tpb'],
    roles: [['branch_secretary', 'u_as_taiji_tpb']],
  },
  {
    slug: 'sport_full2',
    name: '曹宁',
    no: '2022010104',
    college: S,
    status: 'full_member',
    pb: 'u_sport_pb',
    member: ['u_as_bball', 'u_as_bball_tpb'],
    roles: [['branch_secretary', 'u_as_bball_tpb']],
  },
  { slug: 'sport_full3', name: '邓凯', no: '2022010105', college: S, status: 'full_member', pb: 'u_sport_pb' },
  {
    slug: 'sport_prob1',
    name: '冯晨',
    no: '2023010101',
    college: S,
    status: 'probationary_member',
    pb: 'u_sport_pb',
    lb: 'u_sport_lb1',
    member: ['u_as_bball', 'u_as_bball_tpb'],
  },
  {
    slug: 'sport_prob2',
    name: '彭悦',
    no: '2023010102',
    college: S,
    status: 'probationary_member',
    pb: 'u_sport_pb',
    lb: 'u_sport_lb1',
    member: ['u_as_taiji', 'u_as_taiji_tpb'],
  },
  {
    slug: 'bball_pres',
    name: '罗浩然',
    no: '2023010103',
    college: S,
    status: 'development_candidate',
    pb: 'u_sport_pb',
    lb: 'u_sport_lb1',
    member: ['u_as_bball', 'u_as_bball_tlb'],
    roles: [['association_president', 'u_as_bball']],
  },
  {
    slug: 'sport_lb_sec',
    name: '黄子豪',
    no: '2023010104',
    college: S,
    status: 'activist',
    pb: 'u_sport_pb',
    lb: 'u_sport_lb1',
    member: ['u_as_bball', 'u_as_bball_tlb'],
    roles: [
      ['branch_secretary', 'u_sport_lb1'],
      ['branch_secretary', 'u_as_bball_tlb'],
    ],
  },
  {
    slug: 'bball_backbone',
    name: '谢天宇',
    no: '2023010105',
    college: S,
    status: 'activist',
    pb: 'u_sport_pb',
    lb: 'u_sport_lb1',
    member: ['u_as_bball', 'u_as_bball_tlb'],
    roles: [['backbone', 'u_as_bball']],
  },
  {
    slug: 'taiji_pres',
    name: '唐诗雨',
    no: '2023010106',
    college: S,
    status: 'party_applicant',
    pb: 'u_sport_pb',
    lb: 'u_sport_lb1',
    member: ['u_as_taiji', 'u_as_taiji_tlb'],
    roles: [
      ['association_president', 'u_as_taiji'],
      ['branch_secretary', 'u_as_taiji_tlb'],
    ],
  },
  {
    slug: 'taiji_backbone',
    name: '许嘉',
    no: '2023010107',
    college: S,
    status: 'league_member',
    lb: 'u_sport_lb1',
    member: ['u_as_taiji', 'u_as_taiji_tlb'],
    roles: [['backbone', 'u_as_taiji']],
  },
  {
    slug: 'sport_league1',
    name: '蒋文博',
    no: '2023010108',
    college: S,
    status: 'league_member',
    lb: 'u_sport_lb1',
    member: ['u_as_bball', 'u_as_bball_tlb'],
  },
  {
    slug: 'sport_league2',
    name: '沈可欣',
    no: '2023010109',
    college: S,
    status: 'league_member',
    lb: 'u_sport_lb1',
    member: ['u_as_taiji', 'u_as_taiji_tlb'],
  },
  { slug: 'sport_masses', name: '吕航', no: '2023010110', college: S, status: 'masses', member: ['u_as_bball'] },
  {
    slug: 'sport_unbound',
    name: '范思琪',
    no: '2023010111',
    college: S,
    status: 'league_member',
    lb: 'u_sport_lb1',
    unbound: true,
  },
  // 信息学院 students
  {
    slug: 'fed_chair',
    name: '郑雨桐',
    no: '2022020101',
    college: I,
    status: 'full_member',
    pb: 'u_info_pb',
    member: ['u_as_vol', 'u_as_vol_tpb'],
    roles: [['federation_officer', 'u_fed']],
  },
  {
    slug: 'info_pb_sec',
    name: '林思远',
    no: '2022020102',
    college: I,
    status: 'full_member',
    pb: 'u_info_pb',
    member: ['u_as_robot', 'u_as_robot_tpb'],
    roles: [
      ['branch_secretary', 'u_info_pb'],
      ['branch_secretary', 'u_as_robot_tpb'],
    ],
  },
  {
    slug: 'info_pb_cm',
    name: '高雅',
    no: '2022020103',
    college: I,
    status: 'full_member',
    pb: 'u_info_pb',
    member: ['u_as_vol', 'u_as_vol_tpb'],
    roles: [
      ['branch_committee', 'u_info_pb'],
      ['branch_secretary', 'u_as_vol_tpb'],
    ],
  },
  {
    slug: 'info_full1',
    name: '钱程',
    no: '2022020104',
    college: I,
    status: 'full_member',
    pb: 'u_info_pb',
    member: ['u_as_robot', 'u_as_robot_tpb'],
  },
  { slug: 'info_full2', name: '孔令杰', no: '2022020105', college: I, status: 'full_member', pb: 'u_info_pb' },
  {
    slug: 'info_prob1',
    name: '杨帆',
    no: '2023020101',
    college: I,
    status: 'probationary_member',
    pb: 'u_info_pb',
    lb: 'u_info_lb1',
    member: ['u_as_vol', 'u_as_vol_tpb'],
  },
  {
    slug: 'vol_pres',
    name: '朱晓雯',
    no: '2023020102',
    college: I,
    status: 'development_candidate',
    pb: 'u_info_pb',
    lb: 'u_info_lb1',
    member: ['u_as_vol', 'u_as_vol_tlb'],
    roles: [['association_president', 'u_as_vol']],
  },
  {
    slug: 'info_lb1_sec',
    name: '徐佳怡',
    no: '2023020103',
    college: I,
    status: 'activist',
    pb: 'u_info_pb',
    lb: 'u_info_lb1',
    member: ['u_as_vol', 'u_as_vol_tlb'],
    roles: [
      ['branch_secretary', 'u_info_lb1'],
      ['branch_secretary', 'u_as_vol_tlb'],
    ],
  },
  {
    slug: 'robot_pres',
    name: '秦子轩',
    no: '2023020104',
    college: I,
    status: 'activist',
    pb: 'u_info_pb',
    lb: 'u_info_lb1',
    member: ['u_as_robot', 'u_as_robot_tlb'],
    roles: [
      ['association_president', 'u_as_robot'],
      ['branch_secretary', 'u_as_robot_tlb'],
    ],
  },
  {
    slug: 'robot_backbone',
    name: '任一鸣',
    no: '2023020105',
    college: I,
    status: 'party_applicant',
    pb: 'u_info_pb',
    lb: 'u_info_lb1',
    member: ['u_as_robot', 'u_as_robot_tlb'],
    roles: [['backbone', 'u_as_robot']],
  },
  {
    slug: 'vol_backbone',
    name: '方雨晴',
    no: '2023020106',
    college: I,
    status: 'league_member',
    lb: 'u_info_lb1',
    member: ['u_as_vol', 'u_as_vol_tlb'],
    roles: [['backbone', 'u_as_vol']],
  },
  {
    slug: 'info_lb2_sec',
    name: '宋雨',
    no: '2024020201',
    college: I,
    status: 'league_member',
    lb: 'u_info_lb2',
    member: ['u_as_robot', 'u_as_robot_tlb'],
    roles: [['branch_secretary', 'u_info_lb2']],
  },
  {
    slug: 'info_league1',
    name: '袁梦',
    no: '2024020202',
    college: I,
    status: 'league_member',
    lb: 'u_info_lb2',
    member: ['u_as_vol', 'u_as_vol_tlb'],
  },
  {
    slug: 'info_league2',
    name: '邹明',
    no: '2024020203',
    college: I,
    status: 'party_applicant',
    pb: 'u_info_pb',
    lb: 'u_info_lb2',
    member: ['u_as_robot', 'u_as_robot_tlb'],
  },
  { slug: 'info_masses', name: '白露', no: '2024020204', college: I, status: 'masses', member: ['u_as_vol'] },
  {
    slug: 'info_unbound',
    name: '施洋',
    no: '2024020205',
    college: I,
    status: 'league_member',
    lb: 'u_info_lb2',
    unbound: true,
  },
];

/** The demo term starts on the first day of the autumn semester. */
export const TERM_START = '2026-09-01';

export function demoOpenid(slug: string): string {
  return `demo_${slug}`;
}

export function buildPeople(units: Unit[]): Person[] {
  const byId = new Map(units.map((u) => [u._id, u]));
  return PEOPLE.map((s, i) => {
    const positions: Position[] = (s.roles ?? []).map(([role, unitId], k) => {
      const unit = byId.get(unitId)!;
      return {
        id: `pos_demo_${i}_${k}`,
        role,
        unitId,
        unitScope: [unit._id, ...unit.ancestors],
        start: TERM_START,
        end: null,
      };
    });
    const memberOf = [
      ...new Set([
        s.college,
        ...(s.pb ? [s.pb] : []),
        ...(s.lb ? [s.lb] : []),
        ...(s.member ?? []),
        ...positions.map((p) => p.unitId),
      ]),
    ];
    return {
      _id: `p_${s.no}`,
      openid: s.unbound ? null : demoOpenid(s.slug),
      name: s.name,
      studentNo: s.no,
      collegeId: s.college,
      homePartyBranchId: s.pb ?? null,
      homeLeagueBranchId: s.lb ?? null,
      status: s.status,
      statusHistory: [{ status: s.status, since: '2025-09-01' }],
      memberOf,
      reach: [...new Set(memberOf.flatMap((u) => [u, ...byId.get(u)!.ancestors]))],
      positions,
    };
  });
}

/** Two applicants waiting for their college to approve their binding (one matches the roster, one is new). */
export function buildPendingBindings(): {
  _id: string;
  openid: string;
  name: string;
  studentNo: string;
  collegeId: string;
  state: 'pending';
  submittedAt: string;
  decidedAt: null;
  decidedBy: null;
  reason: null;
  personId: null;
}[] {
  const mk = (slug: string, name: string, studentNo: string, collegeId: string, submittedAt: string) => ({
    _id: `b_demo_${slug}`,
    openid: demoOpenid(slug),
    name,
    studentNo,
    collegeId,
    state: 'pending' as const,
    submittedAt,
    decidedAt: null,
    decidedBy: null,
    reason: null,
    personId: null,
  });
  return [
    mk('applicant_fan', '范思琪', '2023010111', 'u_sport', '2026-11-20T09:12:00.000+08:00'),
    mk('applicant_new', '陆子墨', '2025010199', 'u_sport', '2026-11-21T15:40:00.000+08:00'),
    mk('applicant_shi', '施洋', '2024020205', 'u_info', '2026-11-22T10:05:00.000+08:00'),
  ];
}

export interface DemoSchool {
  units: Unit[];
  people: Person[];
  bindings: ReturnType<typeof buildPendingBindings>;
}

export function demoSchool(): DemoSchool {
  const units = buildUnits();
  return { units, people: buildPeople(units), bindings: buildPendingBindings() };
}

export function demoPersonSlugs(): string[] {
  return PEOPLE.filter((p) => !p.unbound).map((p) => p.slug);
}
