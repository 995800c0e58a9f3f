/**
 * The backbones of an association (社团骨干) and who looks after their training record (the record evaluation of the
 * backbones of the associations' temporary party and League branches): the association's guidance
 * officers, the officers of its temporary branches, and the units above it in the association line (the federation,
 * the League committee, its guidance college, the school). The party committee is not in that line.
 */
import type { BackbonesView } from '../../../typings/actions/trainings';
import { type Person, POLITICAL_STATUS_LABELS, ROLE_LABELS, type Role, type Unit } from '../../../typings/domain';
import { defineAction } from '../../action';
import { type Actor, PEOPLE } from '../../actor';
import { DomainError } from '../../domain/errors';
import { lineScope } from '../../domain/org/lines';
import { positionIsActive } from '../../domain/org/permissions';
import type { Store } from '../../store';
import { kindIndex, withAncestors } from '../org/authority';
import { unitsById, unitsWithin } from '../org/load';

/** Reading the backbones: whoever reads people in the association line or in one of its temporary branches. */
const PERMISSION = 'people.read' as const;
/** The posts that make someone a backbone of the association (its guidance officers are not among them). */
const BACKBONE_ROLES: readonly Role[] = ['association_president', 'backbone', 'branch_secretary', 'branch_committee'];

/** The association's scope: itself and its temporary branches, then the units above it in the association line. */
function backboneScope(association: Unit, branches: readonly Unit[], units: Map<string, Unit>): string[] {
  return [...branches.map((b) => b._id), ...lineScope(association, 'association', kindIndex(units))];
}

/** The association and its temporary branches (one read); UNIT_NOT_FOUND, UNIT_KIND_INVALID. */
async function associationWithBranches(store: Store, id: string): Promise<{ association: Unit; branches: Unit[] }> {
  const within = await unitsWithin(store, [id]);
  const association = within.find((u) => u._id === id);
  if (!association) throw new DomainError('UNIT_NOT_FOUND');
  if (association.kind !== 'association') throw new DomainError('UNIT_KIND_INVALID', '请选择一个社团');
  return { association, branches: within.filter((u) => u._id !== id) };
}

function mayRead(actor: Actor, scope: readonly string[]): boolean {
  return actor.holdsOver(PERMISSION, scope);
}

export const trainingsBackboneAssociations = defineAction({
  name: 'trainings.backboneAssociations',
  summary: '我可查看骨干培训档案的社团（社团指导老师、临时支部书记和社团工作线上的组织）',
  access: { kind: 'permission', permission: PERMISSION },
  errors: [],
  async run({ actor, store }) {
    // Every unit under the reader's posts (one read), the associations above temporary branches among them (one
    // read), and the ancestors' kinds of the associations (one read): three reads whatever the school's size.
    const below = await unitsWithin(store, actor.unitsWhere(PERMISSION));
    const known = new Map(below.map((u) => [u._id, u]));
    const parents = below
      .filter((u) => u.kind === 'temp_party_branch' || u.kind === 'temp_league_branch')
      .map((u) => u.parentId)
      .filter((id): id is string => Boolean(id) && !known.has(id as string));
    for (const [id, u] of await unitsById(store, [...new Set(parents)])) known.set(id, u);
    const associations = [...known.values()].filter((u) => u.kind === 'association');
    const units = await withAncestors(store, associations);
    const branchesOf = (a: Unit) => [...known.values()].filter((u) => u.parentId === a._id);
    return associations
      .filter((a) => mayRead(actor, backboneScope(a, branchesOf(a), units)))
      .sort((a, b) => a._id.localeCompare(b._id))
      .map((a) => ({ id: a._id, name: a.name }));
  },
});

export const trainingsBackbones = defineAction({
  name: 'trainings.backbones',
  summary: '社团骨干名单（社团负责人、骨干、临时党团支部干部），可逐人查看培训档案',
  access: { kind: 'permission', permission: PERMISSION },
  errors: ['UNIT_NOT_FOUND', 'UNIT_KIND_INVALID', 'OUT_OF_SCOPE'],
  async run({ actor, store, today }, { associationId }): Promise<BackbonesView> {
    const { association, branches } = await associationWithBranches(store, associationId);
    const units = await withAncestors(store, [association]);
    if (!mayRead(actor, backboneScope(association, branches, units))) throw new DomainError('OUT_OF_SCOPE');
    const own = new Map([association, ...branches].map((u) => [u._id, u]));
    const people = await store.all<Person>(PEOPLE, { 'positions.unitId': store.command.in([...own.keys()]) });
    const backbones = people
      .map((p) => ({
        person: p,
        posts: p.positions.filter(
          (pos) => own.has(pos.unitId) && BACKBONE_ROLES.includes(pos.role) && positionIsActive(pos, today),
        ),
      }))
      .filter((b) => b.posts.length > 0)
      .sort((a, b) => a.person.studentNo.localeCompare(b.person.studentNo));
    return {
      associationId: association._id,
      associationName: association.name,
      backbones: backbones.map(({ person, posts }) => ({
        personId: person._id,
        name: person.name,
        statusLabel: POLITICAL_STATUS_LABELS[person.status],
        posts: posts.map((pos) => ({ roleLabel: ROLE_LABELS[pos.role], unitName: own.get(pos.unitId)?.name ?? '' })),
      })),
    };
  },
});
