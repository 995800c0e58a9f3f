/**
 * The school's vote settings (A0: settings that vary by school are parameters with the national
 * default): one document, `settings/vote_rules`, with the overrides per kind. The rules decide what may change
 * (server/domain/votes/rules.ts: tighten only, loosen only what the rules leave open). A vote copies the
 * parameters in force when it is created (VoteDoc.params), so a later change never moves an existing vote.
 */
import {
  type Ratio,
  type RuleOverridesInput,
  type RuleSettingView,
  type ShareChoiceView,
  VOTE_KIND_LABELS,
  VOTE_KINDS,
  type VoteKind,
} from '../../../typings/actions/votes';
import { DEFAULT_RULE_VERSION } from '../../../typings/domain';
import { defineAction } from '../../action';
import {
  assertSchoolOverrides,
  compareShares,
  requirementTexts,
  ruleSetFor,
  settingsOwner,
  shareInWords,
} from '../../domain/votes';
import type { Store } from '../../store';
import { authorizeSettingOwners } from '../org/authority';

export const SETTINGS = 'settings';
export const VOTE_RULES_ID = 'vote_rules';

export interface VoteRulesDoc {
  _id: typeof VOTE_RULES_ID;
  /** As the settings action accepted them (its schema): assignable to the domain's RuleOverrides. */
  overrides: Partial<Record<VoteKind, RuleOverridesInput>>;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
}

function loadVoteRules(store: Store): Promise<VoteRulesDoc | null> {
  return store.get<VoteRulesDoc>(SETTINGS, VOTE_RULES_ID);
}

/** The school's overrides for a kind (none set: the national defaults). */
export async function schoolOverrides(store: Store, kind: VoteKind): Promise<RuleOverridesInput> {
  return (await loadVoteRules(store))?.overrides[kind] ?? {};
}

/** The shares the settings form names, loosest first (a school picks among these, or keeps the national value). */
const SHARE_MENU: readonly ShareChoiceView[] = [
  { ratio: { num: 1, den: 2 }, label: '半数' },
  { ratio: { num: 3, den: 5 }, label: '五分之三' },
  { ratio: { num: 2, den: 3 }, label: '三分之二' },
  { ratio: { num: 3, den: 4 }, label: '四分之三' },
  { ratio: { num: 4, den: 5 }, label: '五分之四' },
];

/** What the form offers for a threshold whose national value is `national`: it first, then every stricter share. */
export function shareChoices(national: Ratio | null): ShareChoiceView[] {
  if (!national) return [];
  const named = SHARE_MENU.find((c) => compareShares(c.ratio, national) === 0)?.label ?? shareInWords(national);
  return [
    { ratio: national, label: `${named}（默认）` },
    ...SHARE_MENU.filter((c) => compareShares(c.ratio, national) > 0),
  ];
}

function settingView(kind: VoteKind, overrides: RuleOverridesInput): RuleSettingView {
  const national = ruleSetFor(kind, DEFAULT_RULE_VERSION);
  return {
    kind,
    kindLabel: VOTE_KIND_LABELS[kind],
    overrides,
    nationalRequirements: requirementTexts(national),
    requirements: requirementTexts(ruleSetFor(kind, DEFAULT_RULE_VERSION, overrides)),
    open: [...national.open],
    national: {
      quorum: national.quorum,
      pass: national.pass,
      excellentQuota: national.excellentQuota,
      recommendQuota: national.recommendQuota,
    },
    choices: { quorum: shareChoices(national.quorum), pass: shareChoices(national.pass) },
  };
}

export const votesRuleSettings = defineAction({
  name: 'votes.ruleSettings',
  summary: '本校表决规则设置：各类表决的全国默认标准、本校设置及实际执行的标准',
  access: { kind: 'permission', permission: 'vote.manage' },
  errors: [],
  async run({ store }) {
    const doc = await loadVoteRules(store);
    return {
      kinds: VOTE_KINDS.map((k) => settingView(k, doc?.overrides[k] ?? {})),
      updatedAt: doc?.updatedAt ?? null,
      updatedBy: doc?.updatedByName ?? null,
    };
  },
});

export const votesSetRuleSettings = defineAction({
  name: 'votes.setRuleSettings',
  summary:
    '设置本校某类表决的规则参数（到会比例、通过比例、名额比例等）：只能从严，规则未规定的可自定；只影响此后发起的表决',
  access: { kind: 'permission', permission: 'rules.configure' },
  errors: ['OUT_OF_SCOPE', 'RULE_OVERRIDE_LOOSER', 'UNIT_NOT_FOUND'],
  async run({ actor, store, write, nowIso }, { kind, overrides }) {
    const owner = settingsOwner(kind);
    const kinds = ['school', ...(owner ? [owner] : ['party_committee', 'league_committee'])];
    await authorizeSettingOwners(actor, store, kinds);
    assertSchoolOverrides(kind, overrides);
    const person = actor.requirePerson();
    return write(async (tx) => {
      const before = await tx.get<VoteRulesDoc>(SETTINGS, VOTE_RULES_ID);
      const after: VoteRulesDoc = {
        _id: VOTE_RULES_ID,
        overrides: { ...(before?.overrides ?? {}), [kind]: overrides },
        updatedAt: nowIso,
        updatedBy: person._id,
        updatedByName: person.name,
      };
      await tx.put(SETTINGS, after);
      tx.audit(
        'votes.setRuleSettings',
        `${SETTINGS}/${VOTE_RULES_ID}#${kind}`,
        before?.overrides[kind] ?? {},
        overrides,
      );
      return settingView(kind, overrides);
    });
  },
});
