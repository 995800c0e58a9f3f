/**
 * The school's vote settings (A0: settings that vary by school are parameters with the national
 * default): who may set them, that they may only tighten what the rules fix, that a vote copies the parameters
 * in force when it is created, and that every change is in the audit trail.
 */
import type { ResolutionView, RuleSettingsView, RuleSettingView, VoteView } from '../../../typings/actions';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addMembers, addUnit, type Member, openAndCheckIn, sh } from './fixtures';

let emu: TestEmulator;
let members: Member[];
let candidates: Member[];
const OFFICER = 'sport_officer';
const TWO_THIRDS = { num: 2, den: 3 };

beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock(sh('2026-10-12 09:00'));
  const unit = await addUnit(emu, 'u_t_set', 'party_branch', 'u_sport');
  members = await addMembers(emu, unit, 11, 'S', 'full_member');
  candidates = await addMembers(emu, unit, 2, 'SC', 'development_candidate');
});
afterAll(() => emu.close());

async function settings(who = 'admin'): Promise<RuleSettingsView> {
  return expectOk(await emu.as<RuleSettingsView>(who, 'votes.ruleSettings', {}));
}

async function createAcceptance(candidate: Member): Promise<string> {
  return expectOk(
    await emu.as<{ voteId: string }>(OFFICER, 'votes.create', {
      unitId: 'u_t_set',
      kind: 'acceptance',
      title: `接收${candidate.id}为预备党员`,
      scheduledStart: sh('2026-10-12 14:00'),
      candidateIds: [candidate.id],
    }),
  ).voteId;
}

/** Opens the vote with 7 of the 11 members present, all voting yes, and closes it. */
/** Seven of 11 present, all yes: what the presence bar aimed at while it was open, and how the close counted. */
async function holdWithSeven(
  voteId: string,
  candidate: Member,
): Promise<ResolutionView & { quorumNeededShown: number }> {
  const present = members.slice(0, 7);
  await openAndCheckIn(emu, OFFICER, voteId, { scrutineer: members[0].id, teller: members[1].id }, present);
  for (const m of present) {
    expectOk(await emu.call(m.who, 'votes.cast', { voteId, marks: [{ candidateId: candidate.id, choice: 'yes' }] }));
  }
  const presence = expectOk(await emu.call(OFFICER, 'votes.presence', { voteId }));
  return { ...expectOk(await emu.call(OFFICER, 'votes.close', { voteId })), quorumNeededShown: presence.quorumNeeded };
}

describe('votes.ruleSettings and votes.setRuleSettings', () => {
  it('starts at the national defaults for every kind', async () => {
    const s = await settings('sport_pb_sec');
    expect(s.updatedAt).toBeNull();
    const acceptance = s.kinds.find((k) => k.kind === 'acceptance')!;
    expect(acceptance.overrides).toEqual({});
    expect(acceptance.requirements).toEqual(acceptance.nationalRequirements);
    expect(acceptance.requirements[0]).toBe('到会有表决权的人数须超过应到人数的半数');
  });

  it('lets only the committee that owns a kind (or the school administrator) set it', async () => {
    // Acceptance is a party vote: the League committee has no say over it, nor the party committee over 推优.
    expect(
      errorCode(await emu.as('league_admin', 'votes.setRuleSettings', { kind: 'acceptance', overrides: {} })),
    ).toBe('OUT_OF_SCOPE');
    expect(errorCode(await emu.as('party_admin', 'votes.setRuleSettings', { kind: 'tuiyou', overrides: {} }))).toBe(
      'OUT_OF_SCOPE',
    );
    expect(errorCode(await emu.as('sport_officer', 'votes.setRuleSettings', { kind: 'tuiyou', overrides: {} }))).toBe(
      'FORBIDDEN',
    );
    expect((await settings()).updatedAt).toBeNull();
  });

  it('refuses a setting looser than the rules and writes nothing', async () => {
    const audit = await emu.server.db.collection('audit').count();
    const looser = await emu.as('party_admin', 'votes.setRuleSettings', {
      kind: 'acceptance',
      overrides: { quorum: { num: 1, den: 3 } },
    });
    expect(errorCode(looser)).toBe('RULE_OVERRIDE_LOOSER');
    expect(looser.ok ? null : looser.error.fields).toHaveProperty('quorum');
    // A parameter the kind does not use is bad input, not silently stored.
    expect(
      errorCode(
        await emu.as('party_admin', 'votes.setRuleSettings', {
          kind: 'acceptance',
          overrides: { excellentQuota: { num: 1, den: 4 } },
        }),
      ),
    ).toBe('BAD_INPUT');
    expect(await emu.server.db.collection('audit').count()).toBe(audit);
    expect((await settings()).updatedAt).toBeNull();
  });

  it('takes a stricter 推优 quota from the League committee, in words on the settings page', async () => {
    const view = expectOk(
      await emu.as<RuleSettingView>('league_admin', 'votes.setRuleSettings', {
        kind: 'tuiyou',
        overrides: { recommendQuota: { num: 13, den: 100 } },
      }),
    );
    expect(view.requirements).toContain('推荐人数不超过团员总数的13%，由支部委员会考察决定');
    expect(view.nationalRequirements).toContain('推荐人数不超过团员总数的20%，由支部委员会考察决定');
    const s = await settings();
    expect(s.updatedBy).toBe('张晓东'); // the League committee's administrator in the demo school
    expect(s.kinds.find((k) => k.kind === 'tuiyou')!.overrides).toEqual({ recommendQuota: { num: 13, den: 100 } });
  });

  it('lets the League committee set its own 推优 share above 20% and the League 优秀 share of "about 30%" (B3, C4)', async () => {
    const tuiyou = expectOk(
      await emu.as<RuleSettingView>('league_admin', 'votes.setRuleSettings', {
        kind: 'tuiyou',
        overrides: { recommendQuota: { num: 25, den: 100 } },
      }),
    );
    expect(tuiyou.requirements).toContain('推荐人数不超过团员总数的25%，由支部委员会考察决定');
    expect(tuiyou.open).toContain('recommendQuota');
    const league = expectOk(
      await emu.as<RuleSettingView>('league_admin', 'votes.setRuleSettings', {
        kind: 'league_evaluation',
        overrides: { excellentQuota: { num: 35, den: 100 } },
      }),
    );
    expect(league.requirements).toContain('优秀不超过35%');
  });

  it('keeps the national floors: a looser party 优秀 share or dropping the 推优 quota is refused, nothing written', async () => {
    for (const [who, input, code] of [
      [
        'party_admin',
        { kind: 'party_evaluation', overrides: { excellentQuota: { num: 2, den: 5 } } },
        'RULE_OVERRIDE_LOOSER',
      ],
      [
        'league_admin',
        { kind: 'league_evaluation', overrides: { quorum: { num: 1, den: 2 } } },
        'RULE_OVERRIDE_LOOSER',
      ],
      ['league_admin', { kind: 'tuiyou', overrides: { recommendQuota: null } }, 'BAD_INPUT'],
    ] as const) {
      const before = JSON.stringify(await emu.server.db.collection('settings').find({}));
      const audit = await emu.server.db.collection('audit').count();
      expect(errorCode(await emu.as(who, 'votes.setRuleSettings', input))).toBe(code);
      expect(JSON.stringify(await emu.server.db.collection('settings').find({}))).toBe(before);
      expect(await emu.server.db.collection('audit').count()).toBe(audit);
    }
  });
});

describe('a vote keeps the parameters it was created under', () => {
  it('holds the quorum at 2/3 for a vote created after the party committee tightened it, not for one before', async () => {
    const before = await createAcceptance(candidates[0]);
    expectOk(
      await emu.as('party_admin', 'votes.setRuleSettings', { kind: 'acceptance', overrides: { quorum: TWO_THIRDS } }),
    );
    const after = await createAcceptance(candidates[1]);
    const shown = expectOk(await emu.as<VoteView>(OFFICER, 'votes.get', { voteId: after }));
    expect(shown.requirements[0]).toBe('到会有表决权的人数须超过应到人数的三分之二');

    emu.host.setClock(sh('2026-10-12 14:00'));
    // 7 of 11 present: more than half (the national rule), not more than two thirds (3·7 = 21 ≤ 22).
    const old = await holdWithSeven(before, candidates[0]);
    expect(old.outcome).toBe('counted');
    expect(old.requirements[0]).toBe('到会有表决权的人数须超过应到人数的半数');
    const strict = await holdWithSeven(after, candidates[1]);
    expect(strict.outcome).toBe('inquorate');
    expect(strict.requirements[0]).toBe('到会有表决权的人数须超过应到人数的三分之二');
    // The presence bar aims at each vote's own quorum: 6 of 11 for more than half, 8 of 11 for more than 2/3.
    expect(old.quorumNeededShown).toBe(6);
    expect(strict.quorumNeededShown).toBe(8);
  });

  it('records every change in the audit trail', async () => {
    const changes = (await emu.server.db.collection('audit').find({ action: 'votes.setRuleSettings' })) as {
      target: string;
    }[];
    expect(changes.map((c) => c.target).sort()).toEqual([
      'settings/vote_rules#acceptance',
      'settings/vote_rules#league_evaluation',
      'settings/vote_rules#tuiyou',
      'settings/vote_rules#tuiyou',
    ]);
  });
});
