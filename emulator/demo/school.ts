/**
 * The seeded demo school: two colleges, four associations with their temporary party and league
 * branches, and about forty people covering every role and political status. Every later capability
 * has people to act as. Openids are `demo_<slug>`; a few roster entries are unbound on purpose.
 */
import { scopeOf, withMembership } from '../../server/actions/org/access';
import { personIdFor } from '../../server/actions/org/docs';
import {
  type Person,
  POLITICAL_STATUSES,
  type PoliticalStatus,
  type Position,
  ROLES,
  type Role,
  type Unit,
  type UnitKind,
} from '../../typings/domain';

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

/**
 * The roster, one row a person. Unit columns drop the `u_` prefix; `-` is empty; lists are comma-separated;
 * positions are `role@unit`. `member_of` lists associations and temporary branches besides the college and the
 * home branches; a position's unit is a membership too. `bound: no` rows are on the roster without an account.
 */
/** The demo term starts on the first day of the autumn semester. */
export const TERM_START = '2026-09-01';

const PEOPLE_TABLE = `
slug            name    no          college  status                 party_branch  league_branch  member_of              positions                                                     bound
admin           王建国  T0001       school   full_member            -             -              -                      school_admin@school                                           yes
party_admin     李红梅  T0002       school   full_member            -             -              -                      party_committee_admin@party:2024-09-01                        yes
league_admin    张晓东  T0003       school   full_member            -             -              -                      league_committee_admin@league                                 yes
sport_officer   陈志强  T0101       sport    full_member            -             -              -                      college_officer@sport                                         yes
info_officer    刘芳    T0201       info     full_member            -             -              -                      college_officer@info:2024-09-01                               yes
advisor_bball   赵磊    T0102       sport    full_member            -             -              -                      advisor@as_bball                                              yes
advisor_taiji   周涛    T0103       sport    full_member            -             -              -                      advisor@as_taiji                                              yes
advisor_vol     孙丽    T0202       info     full_member            -             -              -                      advisor@as_vol                                                yes
advisor_robot   吴敏    T0203       info     full_member            -             -              -                      advisor@as_robot                                              yes
sport_pb_sec    马骁    2022010101  sport    full_member            sport_pb      sport_lb1      as_bball,as_bball_tpb  branch_secretary@sport_pb                                     yes
sport_pb_cm     何静    2022010102  sport    full_member            sport_pb      sport_lb1      as_bball,as_bball_tpb  branch_committee@sport_pb                                     yes
sport_full1     韩冬    2022010103  sport    full_member            sport_pb      -              as_taiji,as_taiji_tpb  branch_secretary@as_taiji_tpb                                 yes
sport_full2     曹宁    2022010104  sport    full_member            sport_pb      -              as_bball,as_bball_tpb  branch_secretary@as_bball_tpb                                 yes
sport_full3     邓凯    2022010105  sport    full_member            sport_pb      -              -                      -                                                             yes
sport_prob1     冯晨    2023010101  sport    probationary_member    sport_pb      sport_lb1      as_bball,as_bball_tpb  -                                                             yes
sport_prob2     彭悦    2023010102  sport    probationary_member    sport_pb      sport_lb1      as_taiji,as_taiji_tpb  -                                                             yes
bball_pres      罗浩然  2023010103  sport    development_candidate  sport_pb      sport_lb1      as_bball,as_bball_tlb  association_president@as_bball                                yes
sport_lb_sec    黄子豪  2023010104  sport    activist               sport_pb      sport_lb1      as_bball,as_bball_tlb  branch_secretary@sport_lb1,branch_secretary@as_bball_tlb      yes
bball_backbone  谢天宇  2023010105  sport    activist               sport_pb      sport_lb1      as_bball,as_bball_tlb  backbone@as_bball                                             yes
taiji_pres      唐诗雨  2023010106  sport    party_applicant        sport_pb      sport_lb1      as_taiji,as_taiji_tlb  association_president@as_taiji,branch_secretary@as_taiji_tlb  yes
taiji_backbone  许嘉    2023010107  sport    league_member          -             sport_lb1      as_taiji,as_taiji_tlb  backbone@as_taiji                                             yes
sport_league1   蒋文博  2023010108  sport    league_member          -             sport_lb1      as_bball,as_bball_tlb  -                                                             yes
sport_league2   沈可欣  2023010109  sport    league_member          -             sport_lb1      as_taiji,as_taiji_tlb  -                                                             yes
sport_masses    吕航    2023010110  sport    masses                 -             -              as_bball               -                                                             yes
sport_unbound   范思琪  2023010111  sport    league_member          -             sport_lb1      -                      -                                                             no
fed_chair       郑雨桐  2022020101  info     full_member            info_pb       -              as_vol,as_vol_tpb      federation_officer@fed                                        yes
info_pb_sec     林思远  2022020102  info     full_member            info_pb       -              as_robot,as_robot_tpb  branch_secretary@info_pb:2024-09-01,branch_secretary@as_robot_tpb  yes
info_pb_cm      高雅    2022020103  info     full_member            info_pb       -              as_vol,as_vol_tpb      branch_committee@info_pb,branch_secretary@as_vol_tpb          yes
info_full1      钱程    2022020104  info     full_member            info_pb       -              as_robot,as_robot_tpb  -                                                             yes
info_full2      孔令杰  2022020105  info     full_member            info_pb       -              -                      -                                                             yes
info_prob1      杨帆    2023020101  info     probationary_member    info_pb       info_lb1       as_vol,as_vol_tpb      -                                                             yes
vol_pres        朱晓雯  2023020102  info     development_candidate  info_pb       info_lb1       as_vol,as_vol_tlb      association_president@as_vol                                  yes
info_lb1_sec    徐佳怡  2023020103  info     activist               info_pb       info_lb1       as_vol,as_vol_tlb      branch_secretary@info_lb1,branch_secretary@as_vol_tlb         yes
robot_pres      秦子轩  2023020104  info     activist               info_pb       info_lb1       as_robot,as_robot_tlb  association_president@as_robot,branch_secretary@as_robot_tlb  yes
robot_backbone  任一鸣  2023020105  info     party_applicant        info_pb       info_lb1       as_robot,as_robot_tlb  backbone@as_robot                                             yes
vol_backbone    方雨晴  2023020106  info     league_member          -             info_lb1       as_vol,as_vol_tlb      backbone@as_vol                                               yes
info_lb2_sec    宋雨    2024020201  info     league_member          -             info_lb2       as_robot,as_robot_tlb  branch_secretary@info_lb2                                     yes
info_league1    袁梦    2024020202  info     league_member          -             info_lb2       as_vol,as_vol_tlb      -                                                             yes
info_league2    邹明    2024020203  info     party_applicant        info_pb       info_lb2       as_robot,as_robot_tlb  -                                                             yes
info_masses     白露    2024020204  info     masses                 -             -              as_vol                 -                                                             yes
info_masses2    唐果    2024020277  info     masses                 -             -              -                      -                                                             yes
info_cand       陶然    2023020107  info     masses                 -             -              -                      -                                                             yes
info_convert    顾晨阳  2022020106  info     masses                 -             -              -                      -                                                             yes
info_extend     江雪    2022020107  info     masses                 -             -              -                      -                                                             yes
info_cancel     梁欣    2022020108  info     masses                 -             -              -                      -                                                             yes
info_sworn      苏婉    2023020108  info     masses                 -             -              -                      -                                                             yes
info_approved   叶舟    2023020109  info     masses                 -             -              -                      -                                                             yes
info_unbound    施洋    2024020205  info     league_member          -             info_lb2       -                      -                                                             no
`;

interface PersonSpec {
  slug: string;
  name: string;
  no: string;
  college: string;
  status: PoliticalStatus;
  /** Home party branch / league branch. */
  pb: string | null;
  lb: string | null;
  /** Associations (and their temporary branches) the person belongs to. */
  member: string[];
  /** Role, unit and the day the post was taken. */
  roles: [Role, string, string][];
  unbound: boolean;
}

function parsePeople(table: string): PersonSpec[] {
  const unitId = (cell: string) => `u_${cell}`;
  const list = (cell: string) => (cell === '-' ? [] : cell.split(','));
  return table
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [slug, name, no, college, status, pb, lb, member, positions, bound] = line.trim().split(/\s+/);
      if (!(POLITICAL_STATUSES as readonly string[]).includes(status))
        throw new Error(`demo ${slug}: status ${status}`);
      const roles = list(positions).map((p): [Role, string, string] => {
        const [role, at] = p.split('@');
        // `role@unit:YYYY-MM-DD`: a post held since before this term (the term's first day otherwise).
        const [unit, since] = at.split(':');
        if (!(ROLES as readonly string[]).includes(role)) throw new Error(`demo ${slug}: role ${role}`);
        return [role as Role, unitId(unit), since ?? TERM_START];
      });
      return {
        slug,
        name,
        no,
        college: unitId(college),
        status: status as PoliticalStatus,
        pb: pb === '-' ? null : unitId(pb),
        lb: lb === '-' ? null : unitId(lb),
        member: list(member).map(unitId),
        roles,
        unbound: bound === 'no',
      };
    });
}

const PEOPLE: PersonSpec[] = parsePeople(PEOPLE_TABLE);

export function demoOpenid(slug: string): string {
  return `demo_${slug}`;
}

/** The demo person's id (the server derives it from the student number). */
export function demoPersonId(slug: string): string {
  const p = PEOPLE.find((x) => x.slug === slug);
  if (!p) throw new Error(`no demo person ${slug}`);
  return personIdFor(p.no);
}

/** The demo person's student (or staff) number, as on the roster. */
export function demoStudentNo(slug: string): string {
  const p = PEOPLE.find((x) => x.slug === slug);
  if (!p) throw new Error(`no demo person ${slug}`);
  return p.no;
}

export function demoPersonName(slug: string): string {
  const p = PEOPLE.find((x) => x.slug === slug);
  if (!p) throw new Error(`no demo person ${slug}`);
  return p.name;
}

/** Memberships and reach come from the server's own functions (scopeOf, withMembership), as a binding writes them. */
export function buildPeople(units: Unit[]): Person[] {
  const byId = new Map(units.map((u) => [u._id, u]));
  const unit = (id: string) => {
    const u = byId.get(id);
    if (!u) throw new Error(`demo unit ${id}`);
    return u;
  };
  return PEOPLE.map((s, i) => {
    const positions: Position[] = s.roles.map(([role, unitId, start], k) => ({
      id: `pos_demo_${i}_${k}`,
      role,
      unitId,
      unitScope: scopeOf(unit(unitId)),
      start,
      end: null,
    }));
    const bare: Person = {
      _id: personIdFor(s.no),
      openid: s.unbound ? null : demoOpenid(s.slug),
      name: s.name,
      studentNo: s.no,
      collegeId: s.college,
      homePartyBranchId: s.pb,
      homeLeagueBranchId: s.lb,
      status: s.status,
      statusHistory: [{ status: s.status, since: '2025-09-01' }],
      memberOf: [],
      reach: [],
      positions,
    };
    const memberships = [s.college, s.pb, s.lb, ...s.member, ...positions.map((p) => p.unitId)];
    return memberships
      .filter((id): id is string => id !== null)
      .reduce((person, id) => withMembership(person, unit(id)), bare);
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
