/** Awarding and revoking honors, and the title lists. */
import { randomBytes } from 'node:crypto';
import type { AwardOptionsView } from '../../../typings/actions';
import { type Person, UNIT_KIND_LABELS, type Unit } from '../../../typings/domain';
import { type AwardingKind, NOTICE_STATE_LABELS, type RecipientKind } from '../../../typings/vocabulary';
import { defineAction } from '../../action';
import { PEOPLE } from '../../actor';
import { DomainError } from '../../domain/errors';
import {
  assertHonorGateOpen,
  assertRecipientFits,
  assertTitleEntitled,
  assertTitleListKeepsFloors,
  awardingKindOf,
  certificateNumberFrom,
  checkRevocation,
  type PublicityEvidence,
  recipientKindOfUnit,
  type TitleRule,
  type VoteEvidence,
} from '../../domain/honors';
import { effectiveState, publicityRaisesNoBar } from '../../domain/notices';
import type { Store } from '../../store';
import { assertPostable } from '../content';
import { NOTICES, type NoticeDoc } from '../notices/docs';
import { toDomainObjection } from '../notices/filing';
import { objectionsOf } from '../notices/load';
import { authorizeSettingOwners } from '../org/authority';
import { UNITS } from '../org/docs';
import { requireUnit } from '../org/load';
import { RESULTS, type ResultsDoc, resultsId, VOTES, type VoteDoc } from '../votes/docs';
import { loadVote } from '../votes/load';
import { assertMayAward, awardingScopeOf, isHonorOfficer, OFFICER_PERMISSION } from './access';
import {
  HONOR_KEYS,
  HONOR_TITLES_ID,
  HONORS,
  type HonorDoc,
  type HonorKeyDoc,
  honorId,
  honorKeyId,
  SETTINGS,
  type TitleSettingsDoc,
} from './docs';
import { loadTitleTable, requireHonor } from './load';
import { honorView, titleView } from './views';

interface Recipient {
  kind: RecipientKind | null;
  /** A unit recipient's kind of unit. */
  unitKind?: Unit['kind'];
  id: string;
  name: string;
  /** The units the recipient sits in (a person's reach; a unit and its ancestors). */
  within: string[];
}

async function loadRecipient(
  store: Store,
  input: { kind: 'person'; personId: string } | { kind: 'branch' | 'association'; unitId: string },
): Promise<Recipient> {
  if (input.kind === 'person') {
    const p = await store.get<Person>(PEOPLE, input.personId);
    if (!p) throw new DomainError('NOT_FOUND', '找不到该人员');
    return { kind: 'person', id: p._id, name: p.name, within: p.reach };
  }
  const u = await store.get<Unit>(UNITS, input.unitId);
  if (!u) throw new DomainError('UNIT_NOT_FOUND');
  const kind = recipientKindOfUnit(u.kind);
  // A branch asked for as an association (or the reverse) is the wrong kind of recipient.
  return {
    kind: kind === input.kind ? kind : null,
    unitKind: u.kind,
    id: u._id,
    name: u.name,
    within: [u._id, ...u.ancestors],
  };
}

/** C3: the 评优 vote named, as the votes module's results loader answers it (the results alone once it closed). */
async function voteEvidence(store: Store, voteId: string | undefined): Promise<VoteEvidence | null> {
  if (!voteId) return null;
  const { results, vote } = await loadVote(store, voteId);
  const elected = results?.sheet.election?.elected ?? [];
  if (!vote && results?.unitScope) {
    // Results are filed only by the close, with the vote's outcome on the tally: the vote is closed.
    return {
      kind: results.sheet.kind,
      state: 'closed',
      outcome: results.tally.outcome,
      elected,
      unitScope: results.unitScope,
    };
  }
  if (!vote) throw new DomainError('NOT_FOUND', '找不到关联的评优表决');
  return { kind: vote.kind, state: vote.state, outcome: vote.outcome, elected, unitScope: vote.unitScope };
}

async function publicityEvidence(
  store: Store,
  noticeId: string | undefined,
  now: Date,
): Promise<PublicityEvidence | null> {
  if (!noticeId) return null;
  const [notice, objections] = await Promise.all([
    store.get<NoticeDoc>(NOTICES, noticeId),
    objectionsOf(store, noticeId),
  ]);
  if (!notice) throw new DomainError('NOT_FOUND', '找不到关联的公示');
  return {
    kind: notice.kind,
    unitId: notice.unitId,
    status: effectiveState(notice, now),
    subjectPersonIds: notice.subjects.map((s) => s.personId).filter((id): id is string => !!id),
    subjectNames: notice.subjects.map((s) => s.name),
    // The notices module's check: every objection investigated and none upheld.
    raisesNoBar: publicityRaisesNoBar(objections.map(toDomainObjection)),
  };
}

export const honorsAward = defineAction({
  name: 'honors.award',
  summary:
    '授予荣誉：授予单位须有该称号（C6），须经评优表决（C3）和公示（C7）的称号须关联已通过的表决和无异议成立的公示',
  access: { kind: 'permission', permission: OFFICER_PERMISSION },
  errors: [
    'UNIT_NOT_FOUND',
    'NOT_FOUND',
    'OUT_OF_SCOPE',
    'TITLE_NOT_ENTITLED',
    'RECIPIENT_KIND_INVALID',
    'HONOR_VOTE_REQUIRED',
    'HONOR_VOTE_FAILED',
    'HONOR_PUBLICITY_REQUIRED',
    'HONOR_PUBLICITY_FAILED',
    'HONOR_DUPLICATE',
    'CONTENT_REJECTED',
  ],
  async run({ actor, store, ports, now, nowIso, today, write }, input) {
    const unit = await requireUnit(store, input.unitId);
    const awardingScope = await awardingScopeOf(store, unit);
    assertMayAward(actor, awardingScope);
    const [table, recipient, vote, publicity] = await Promise.all([
      loadTitleTable(store),
      loadRecipient(store, input.recipient),
      voteEvidence(store, input.voteId),
      publicityEvidence(store, input.noticeId, now),
    ]);
    const rule = assertTitleEntitled(table, unit.kind, input.title);
    assertRecipientFits(rule, recipient.kind, recipient.unitKind);
    if (!recipient.within.includes(unit._id)) throw new DomainError('OUT_OF_SCOPE', '获奖对象不在授予单位范围内');
    assertHonorGateOpen({
      rule,
      awardingUnitId: unit._id,
      recipientId: recipient.id,
      recipientName: recipient.name,
      recipientIsPerson: recipient.kind === 'person',
      vote,
      publicity,
    });
    // The citation and term are read by anyone on walls and certificates: user-generated text to WeChat.
    await assertPostable(ports, actor.openid, `${input.term}\n${input.citation}`);
    const certificateNo = certificateNumberFrom(randomBytes(10));
    const doc: HonorDoc = {
      _id: honorId(certificateNo),
      certificateNo,
      title: input.title,
      awardingUnitId: unit._id,
      awardingUnitName: unit.name,
      awardingScope,
      recipientKind: recipient.kind as RecipientKind,
      recipientId: recipient.id,
      recipientName: recipient.name,
      term: input.term,
      citation: input.citation,
      voteId: input.voteId ?? null,
      noticeId: input.noticeId ?? null,
      awardedAt: nowIso,
      awardedOn: today,
      awardedBy: actor.requirePerson()._id,
      hidden: false,
      onWall: true,
      revoked: null,
    };
    const key = honorKeyId(unit._id, input.title, recipient.id, input.term);
    await write(async (tx) => {
      if (await tx.get<HonorKeyDoc>(HONOR_KEYS, key)) throw new DomainError('HONOR_DUPLICATE');
      await tx.insert<HonorKeyDoc>(HONOR_KEYS, { _id: key, honorId: doc._id });
      await tx.insert(HONORS, doc);
      tx.audit('honors.award', doc._id, null, doc);
    });
    return honorView(doc);
  },
});

export const honorsRevoke = defineAction({
  name: 'honors.revoke',
  summary: '撤销荣誉（须写明理由，记入审计；证书查验显示已撤销及日期，理由仅授予单位干部可见）',
  access: { kind: 'permission', permission: OFFICER_PERMISSION },
  errors: ['HONOR_NOT_FOUND', 'OUT_OF_SCOPE', 'HONOR_REVOKED', 'REVOKE_REASON_REQUIRED'],
  async run({ actor, store, nowIso, today, write }, input) {
    const found = await requireHonor(store, input.honorId);
    if (!isHonorOfficer(actor, found)) throw new DomainError('OUT_OF_SCOPE');
    checkRevocation({ revoked: found.revoked !== null }, input.reason);
    return write(async (tx) => {
      const h = await tx.get<HonorDoc>(HONORS, found._id);
      if (!h) throw new DomainError('HONOR_NOT_FOUND');
      const reason = checkRevocation({ revoked: h.revoked !== null }, input.reason);
      const after: HonorDoc = {
        ...h,
        onWall: false,
        revoked: { at: nowIso, on: today, by: actor.requirePerson()._id, reason },
      };
      await tx.put(HONORS, after);
      tx.audit('honors.revoke', h._id, { revoked: null }, { revoked: after.revoked });
      return honorView(after);
    });
  },
});

export const honorsTitles = defineAction({
  name: 'honors.titles',
  summary: '某单位可授予的荣誉称号，及每个称号是否须经评优表决、公示（C6）',
  access: { kind: 'member' },
  errors: ['UNIT_NOT_FOUND'],
  async run({ store }, input) {
    const [unit, table] = await Promise.all([requireUnit(store, input.unitId), loadTitleTable(store)]);
    const kind = awardingKindOf(unit.kind);
    return kind ? table[kind].map(titleView) : [];
  },
});

export const honorsAwardOptions = defineAction({
  name: 'honors.awardOptions',
  summary:
    '授予荣誉时可选的内容（授予单位干部）：本单位可授予的称号（C6）、下属组织已结束的评优表决及当选者（C3）、本单位的评优与荣誉公示（C7）、可受表彰的支部和社团',
  access: { kind: 'permission', permission: OFFICER_PERMISSION },
  errors: ['UNIT_NOT_FOUND', 'OUT_OF_SCOPE'],
  async run({ actor, store, now }, { unitId }): Promise<AwardOptionsView> {
    const unit = await requireUnit(store, unitId);
    assertMayAward(actor, await awardingScopeOf(store, unit));
    const _ = store.command;
    const kind = awardingKindOf(unit.kind);
    const [table, votes, notices, units] = await Promise.all([
      loadTitleTable(store),
      store.find<VoteDoc>(
        VOTES,
        { unitScope: unit._id, kind: 'honor', state: 'closed' },
        { orderBy: [['closedAt', 'desc']], limit: OPTIONS_LIMIT },
      ),
      store.find<NoticeDoc>(
        NOTICES,
        { unitId: unit._id, kind: 'honor' },
        { orderBy: [['listOrder', 'desc']], limit: OPTIONS_LIMIT, field: { body: false, objectorTally: false } },
      ),
      store.find<Unit>(
        UNITS,
        { ancestors: unit._id, kind: _.in(RECIPIENT_UNIT_KINDS) },
        { orderBy: [['_id', 'asc']], limit: 200 },
      ),
    ]);
    const results = votes.length
      ? await store.find<ResultsDoc>(
          RESULTS,
          { _id: _.in(votes.map((v) => resultsId(v._id))) },
          { limit: votes.length },
        )
      : [];
    const electedOf = new Map(results.map((r) => [r.voteId, r.sheet.election?.elected ?? []]));
    return {
      unitId: unit._id,
      unitName: unit.name,
      titles: kind ? table[kind].map(titleView) : [],
      votes: votes.map((v) => {
        const elected = new Set(electedOf.get(v._id) ?? []);
        return {
          id: v._id,
          title: v.title,
          unitName: v.unitName,
          closedOn: (v.closedAt ?? '').slice(0, 10),
          elected: (v.candidates ?? []).filter((c) => elected.has(c.id)).map((c) => ({ id: c.id, name: c.name })),
        };
      }),
      notices: notices.map((n) => {
        const state = effectiveState(n, now);
        return {
          id: n._id,
          title: n.title,
          state,
          stateLabel: NOTICE_STATE_LABELS[state],
          subjects: n.subjects.map((sub) => ({ id: sub.personId ?? null, name: sub.name })),
        };
      }),
      units: units.flatMap((u) => {
        const k = recipientKindOfUnit(u.kind);
        return k ? [{ id: u._id, name: u.name, kind: k, unitKind: u.kind, kindLabel: UNIT_KIND_LABELS[u.kind] }] : [];
      }),
    };
  },
});

/** Each list of the awarding page holds at most this many (the newest). */
const OPTIONS_LIMIT = 20;
const RECIPIENT_UNIT_KINDS: Unit['kind'][] = [
  'association',
  'party_branch',
  'league_branch',
  'temp_party_branch',
  'temp_league_branch',
];

/** Whose settings a list is: the committee of the awarding kind's line, and the school. */
const SETTINGS_OWNERS: Record<AwardingKind, Unit['kind'][]> = {
  federation: ['school', 'league_committee'],
  league_committee: ['school', 'league_committee'],
  party_committee: ['school', 'party_committee'],
  college: ['school'],
};

export const honorsSetTitles = defineAction({
  name: 'honors.setTitles',
  summary: '设置本校某类授予单位可授予的荣誉称号（C6）；默认须经评优表决或公示的称号不能取消该环节',
  access: { kind: 'permission', permission: 'rules.configure' },
  errors: ['OUT_OF_SCOPE', 'RULE_OVERRIDE_LOOSER', 'UNIT_NOT_FOUND'],
  async run({ actor, store, write, nowIso }, { kind, titles }) {
    await authorizeSettingOwners(actor, store, SETTINGS_OWNERS[kind]);
    const list: TitleRule[] = titles.map((t) => ({
      title: t.title,
      recipients: [...new Set(t.recipients)],
      ...(t.branchKinds ? { branchKinds: t.branchKinds } : {}),
      needsVote: t.needsVote,
      needsPublicity: t.needsPublicity,
    }));
    assertTitleListKeepsFloors(kind, list);
    const by = actor.requirePerson()._id;
    return write(async (tx) => {
      const before = await tx.get<TitleSettingsDoc>(SETTINGS, HONOR_TITLES_ID);
      const after: TitleSettingsDoc = {
        _id: HONOR_TITLES_ID,
        titles: { ...(before?.titles ?? {}), [kind]: list },
        updatedAt: nowIso,
        updatedBy: by,
      };
      await tx.put(SETTINGS, after);
      tx.audit('honors.setTitles', `${SETTINGS}/${HONOR_TITLES_ID}#${kind}`, before?.titles[kind] ?? null, list);
      return list.map(titleView);
    });
  },
});
