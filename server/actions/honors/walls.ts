/** Honor walls (per person, per receiving unit, per awarding unit) and hiding one's own honor. */
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { assertMayHide } from '../../domain/honors';
import { HONORS, type HonorDoc } from './docs';
import { honorsPage, requireHonor } from './load';
import { honorView } from './views';

export const honorsWall = defineAction({
  name: 'honors.wall',
  summary: '荣誉墙：个人、社团或支部获得的荣誉，或某单位授予的荣誉（本人隐藏的不在公开墙上，本人仍可见），分页',
  access: { kind: 'anyone' },
  errors: [],
  async run({ actor, store }, { of, page, pageSize }) {
    let where: Record<string, unknown>;
    if (of.kind === 'person') {
      // C9: the holder sees their own hidden honors; everyone else only what is on the wall.
      where =
        of.personId === actor.personId
          ? { recipientKind: 'person', recipientId: of.personId, revoked: null }
          : { recipientKind: 'person', recipientId: of.personId, onWall: true };
    } else if (of.kind === 'recipientUnit') {
      where = { recipientId: of.unitId, onWall: true };
    } else {
      where = { awardingUnitId: of.unitId, onWall: true };
    }
    const rows = await honorsPage(store, where, page, pageSize);
    return { ...rows, items: rows.items.map(honorView) };
  },
});

export const honorsSetHidden = defineAction({
  name: 'honors.setHidden',
  summary: '本人在公开荣誉墙上隐藏或重新显示自己的荣誉（隐藏后仍可凭编号查验）',
  access: { kind: 'member' },
  errors: ['HONOR_NOT_FOUND', 'NOT_YOUR_HONOR', 'HONOR_REVOKED'],
  async run({ actor, store, write }, input) {
    const me = actor.requirePerson()._id;
    const found = await requireHonor(store, input.honorId);
    assertMayHide({ ...found, revoked: found.revoked !== null }, me);
    if (found.revoked) throw new DomainError('HONOR_REVOKED');
    return write(async (tx) => {
      const h = await tx.get<HonorDoc>(HONORS, found._id);
      if (!h) throw new DomainError('HONOR_NOT_FOUND');
      if (h.revoked) throw new DomainError('HONOR_REVOKED');
      const after: HonorDoc = { ...h, hidden: input.hidden, onWall: !input.hidden };
      await tx.put(HONORS, after);
      tx.audit('honors.setHidden', h._id, { hidden: h.hidden }, { hidden: after.hidden });
      return honorView(after);
    });
  },
});
