/**
 * Lines of authority (a product rule: the party and League organisations each govern their own line). The school runs three lines of business: the party line (party committee, party
 * branches, temporary party branches), the League line (League committee, League branches, temporary League
 * branches) and the association line (League committee, federation, associations, temporary League branches
 * for their association business). Which lines a unit belongs to follows from its kind; the school and a
 * college belong to every line (a college's officers run both lines inside their college).
 *
 * Every target acted on (a vote, a 公示, a position, a person's political record) belongs to one line, the
 * line of its business. Its scope in that line is its own unit plus the units above it that belong to the
 * line; a role reaches the target only when the role's unit is in that scope. So the League committee, above
 * every college, still never reaches a party branch's acceptance vote (its unit is not in the party line),
 * the party committee never reaches a League branch's 推优, and the federation never reaches a temporary party
 * branch. Sources: 《中国共产党普通高等学校基层组织工作条例》 (the school party committee leads the party
 * organisations), 《中国共产主义青年团章程》 (the League committee leads the League organisations) and
 * 《高校学生社团建设管理办法》 (the League committee guides the associations through the federation).
 */
import type { UnitKind } from '../../../typings/domain';

export const LINES = ['party', 'league', 'association'] as const;
export type Line = (typeof LINES)[number];

export const LINE_LABELS: Record<Line, string> = { party: '党的工作', league: '团的工作', association: '社团工作' };

/** The lines each kind of unit belongs to. */
export const UNIT_LINES: Record<UnitKind, readonly Line[]> = {
  school: LINES,
  college: LINES,
  party_committee: ['party'],
  party_branch: ['party'],
  temp_party_branch: ['party'],
  // The League committee leads League organisations and, through the federation, the associations.
  league_committee: ['league', 'association'],
  league_branch: ['league'],
  // A temporary League branch is a League organisation that also carries its association's business.
  temp_league_branch: ['league', 'association'],
  federation: ['association'],
  association: ['association'],
};

/** The line of a piece of business: one line, or `own` = whatever lines its unit belongs to (an honor, a notice of other business). */
export type Business = Line | 'own';

export function unitInLine(kind: UnitKind, line: Line): boolean {
  return UNIT_LINES[kind].includes(line);
}

/** The lines a piece of business held in `unitKind` acts in. */
export function linesOf(business: Business, unitKind: UnitKind): readonly Line[] {
  return business === 'own' ? UNIT_LINES[unitKind] : [business];
}

/**
 * The scope of a target in the lines of its business: its own unit, then every unit above it that belongs
 * to one of those lines (nearest first, as `ancestors`). An ancestor whose kind is unknown is left out (fails
 * closed). The target's own unit is always included: whether the business may be held there at all is the
 * hosting or publication rule's own question, answered with its own code.
 */
export function lineScope(
  unit: { _id: string; kind: UnitKind; ancestors: readonly string[] },
  business: Business,
  kindOf: (unitId: string) => UnitKind | undefined,
): string[] {
  const lines = linesOf(business, unit.kind);
  return [
    unit._id,
    ...unit.ancestors.filter((id) => {
      const kind = kindOf(id);
      return kind !== undefined && lines.some((l) => unitInLine(kind, l));
    }),
  ];
}

/**
 * The line of a vote kind, from the units its rules let it be held in: the one line they all share
 * (acceptance, conversion, 民主评议党员 → party; 推优, 团员评议 → League; 骨干选举 → association), or `own` when
 * they share none (评优 and honors: the line of the awarding unit).
 */
export function voteBusiness(hostUnits: readonly UnitKind[]): Business {
  const shared = LINES.filter((l) => hostUnits.length > 0 && hostUnits.every((k) => unitInLine(k, l)));
  return shared.length === 1 ? shared[0]! : 'own';
}

/** The line of a 公示 by its kind (development steps → party, 推优 → League, backbones → association). */
export function noticeBusiness(
  kind: 'activist' | 'development_candidate' | 'acceptance' | 'conversion' | 'tuiyou' | 'honor' | 'backbone' | 'other',
): Business {
  switch (kind) {
    case 'activist':
    case 'development_candidate':
    case 'acceptance':
    case 'conversion':
      return 'party';
    case 'tuiyou':
      return 'league';
    case 'backbone':
      return 'association';
    case 'honor':
    case 'other':
      return 'own';
  }
}
