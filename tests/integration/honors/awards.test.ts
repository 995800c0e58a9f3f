/** Awarding, verifying, revoking and hiding honors through the api function. */
import type { HonorView, Page, VerifyView } from '../../../typings/actions';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { footprint, JIANG, SHEN, seedEvidence } from './support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

const excellentMember = (over: Record<string, unknown> = {}) => ({
  unitId: 'u_league',
  title: '优秀共青团员',
  recipient: { kind: 'person', personId: JIANG },
  term: '2026年度',
  citation: '学习工作表现突出',
  ...over,
});

/** honors.verify as an unbound WeChat user, through the function host (which counts the database round trips). */
const verifyRaw = (certificateNo: string) =>
  emu.host.invoke('api', { action: 'honors.verify', input: { certificateNo } }, { openid: 'o-stranger' });

async function refused(who: string, action: string, input: unknown, code: string) {
  const before = await footprint(emu);
  const res = await emu.as(who, action, input);
  expect(errorCode(res)).toBe(code);
  expect(await footprint(emu)).toEqual(before);
  return res;
}

describe('who may award which title (C6)', () => {
  it('refuses the federation awarding 优秀共产党员, which is not on its list', async () => {
    await refused(
      'fed_chair',
      'honors.award',
      excellentMember({ unitId: 'u_fed', title: '优秀共产党员' }),
      'TITLE_NOT_ENTITLED',
    );
  });

  it('refuses a federation officer awarding in the party committee’s name', async () => {
    await refused(
      'fed_chair',
      'honors.award',
      excellentMember({ unitId: 'u_party', title: '优秀共产党员' }),
      'OUT_OF_SCOPE',
    );
  });

  it('refuses a title given to the wrong kind of recipient', async () => {
    await refused(
      'fed_chair',
      'honors.award',
      { ...excellentMember({ unitId: 'u_fed', title: '五星社团' }), recipient: { kind: 'person', personId: JIANG } },
      'RECIPIENT_KIND_INVALID',
    );
  });

  it('refuses the party committee’s 先进临时党支部 for a temporary League branch', async () => {
    await refused(
      'party_admin',
      'honors.award',
      {
        ...excellentMember({ unitId: 'u_party', title: '先进临时党支部' }),
        recipient: { kind: 'branch', unitId: 'u_as_bball_tlb' },
      },
      'RECIPIENT_KIND_INVALID',
    );
  });

  it('lists the titles a unit may award with what each needs', async () => {
    const titles = expectOk(
      await emu.as<{ title: string; needsVote: boolean }[]>('fed_chair', 'honors.titles', { unitId: 'u_league' }),
    );
    expect(titles.find((t) => t.title === '优秀共青团员')?.needsVote).toBe(true);
  });
});

describe('the vote and the 公示 a title needs (C3, C7)', () => {
  it('refuses 优秀共青团员 without a selection vote and names the missing step', async () => {
    const { noticeId } = await seedEvidence(emu, 'novote');
    const res = await refused('league_admin', 'honors.award', excellentMember({ noticeId }), 'HONOR_VOTE_REQUIRED');
    expect(res.ok ? null : res.error.fields).toEqual({ vote: '须先经评优表决' });
  });

  it('refuses when the vote did not count', async () => {
    const { voteId, noticeId } = await seedEvidence(emu, 'void', { outcome: 'inquorate' });
    await refused('league_admin', 'honors.award', excellentMember({ voteId, noticeId }), 'HONOR_VOTE_FAILED');
  });

  it('refuses someone the vote did not elect', async () => {
    const { voteId, noticeId } = await seedEvidence(emu, 'notelected', { elected: [SHEN] });
    await refused('league_admin', 'honors.award', excellentMember({ voteId, noticeId }), 'HONOR_VOTE_FAILED');
  });

  it('reads a closed 评优 vote from its results alone, as the votes module files them at the close', async () => {
    /** The results of a vote closed since they keep the unit's scope, with no vote document beside them to read. */
    const fromResults = async (id: string, elected: string[]) => {
      const { noticeId } = await seedEvidence(emu, id);
      const voteId = `v_${id}_results_only`;
      await emu.server.db.collection('vote_results').insertOne({
        _id: `r_${voteId}`,
        voteId,
        unitId: 'u_sport_lb1',
        unitScope: ['u_sport_lb1', 'u_sport', 'u_party', 'u_league', 'u_school'],
        sheet: { kind: 'honor', outcome: 'counted', election: { elected } },
        tally: { outcome: 'counted', candidates: [] },
      });
      return { voteId, noticeId };
    };
    const other = await fromResults('results_other', [SHEN]);
    await refused('league_admin', 'honors.award', excellentMember(other), 'HONOR_VOTE_FAILED');
    const mine = await fromResults('results_mine', [JIANG]);
    const honor = expectOk(
      await emu.as<HonorView>('league_admin', 'honors.award', excellentMember({ ...mine, term: '2025年度' })),
    );
    expect(honor).toMatchObject({ title: '优秀共青团员', term: '2025年度' });
  });

  it('refuses without a 公示', async () => {
    const { voteId } = await seedEvidence(emu, 'nonotice');
    await refused('league_admin', 'honors.award', excellentMember({ voteId }), 'HONOR_PUBLICITY_REQUIRED');
  });

  it('refuses when an objection to the 公示 was upheld, or is still pending', async () => {
    const upheld = await seedEvidence(emu, 'upheld', { objection: 'upheld' });
    await refused('league_admin', 'honors.award', excellentMember(upheld), 'HONOR_PUBLICITY_FAILED');
    const pending = await seedEvidence(emu, 'pendingobj', { objection: 'pending' });
    await refused('league_admin', 'honors.award', excellentMember(pending), 'HONOR_PUBLICITY_FAILED');
  });

  it('refuses a 公示 published by another unit than the awarding one', async () => {
    const ev = await seedEvidence(emu, 'otherunit', { noticeUnit: 'u_sport_lb1' });
    await refused('league_admin', 'honors.award', excellentMember(ev), 'HONOR_PUBLICITY_FAILED');
  });

  it('refuses a citation the content check rejects', async () => {
    const ev = await seedEvidence(emu, 'badtext');
    await refused(
      'league_admin',
      'honors.award',
      excellentMember({ ...ev, citation: '组织赌博活动' }),
      'CONTENT_REJECTED',
    );
  });

  it('refuses a certificate number chosen by the caller', async () => {
    const ev = await seedEvidence(emu, 'chosen');
    await refused(
      'league_admin',
      'honors.award',
      { ...excellentMember(ev), certificateNo: 'LY-0000-0000-0000-0001-X' },
      'BAD_INPUT',
    );
  });
});

describe('an awarded honor', () => {
  let honor: HonorView;

  it('is conferred once the elected member’s 公示 closed with objections dismissed, and audited', async () => {
    const ev = await seedEvidence(emu, 'ok', { objection: 'dismissed' });
    const before = await footprint(emu);
    honor = expectOk(await emu.as<HonorView>('league_admin', 'honors.award', excellentMember(ev)));
    expect(honor).toMatchObject({ title: '优秀共青团员', recipientName: '蒋文博', state: 'valid', voteId: ev.voteId });
    expect(honor.certificateNo).toMatch(/^LY-/);
    // A person's id carries the student number: no view of an honor shows it.
    expect(honor.recipientUnitId).toBeNull();
    expect(JSON.stringify(honor)).not.toContain('2023010108');
    const after = await footprint(emu);
    expect(after.honors).toBe(before.honors + 1);
    expect(after.audit).toBe(before.audit + 1);
  });

  it('is given once per recipient, title and term', async () => {
    const ev = await seedEvidence(emu, 'again');
    await refused('league_admin', 'honors.award', excellentMember(ev), 'HONOR_DUPLICATE');
  });

  it('verifies for anyone, even an unbound WeChat user, in one read after the caller’s own', async () => {
    const res = await verifyRaw(honor.certificateNo.toLowerCase());
    const v = expectOk(res.result as never) as VerifyView;
    expect(v).toMatchObject({
      state: 'valid',
      title: '优秀共青团员',
      recipientName: '蒋文博',
      awardingUnitName: '校团委',
    });
    expect(res.roundTrips).toBeLessThanOrEqual(2);
  });

  it('refuses a guessed number: a wrong check symbol reads nothing, a right one finds nothing', async () => {
    const body = honor.certificateNo.replace(/-/g, '').slice(2, 18);
    const flipped = `${body.slice(0, 15)}${body[15] === '0' ? '1' : '0'}${honor.certificateNo.slice(-1)}`;
    const res = await verifyRaw(flipped);
    expect(errorCode(res.result as never)).toBe('CERTIFICATE_NUMBER_INVALID');
    expect(res.roundTrips).toBeLessThanOrEqual(1);
    const { certificateNumberFrom } = await import('../../../server/domain/honors');
    const guessed = certificateNumberFrom(Uint8Array.from([9, 9, 9, 9, 9, 9, 9, 9, 9, 9]));
    expect(errorCode(await emu.as('openid:o-stranger', 'honors.verify', { certificateNo: guessed }))).toBe(
      'HONOR_NOT_FOUND',
    );
  });

  it('carries a mini-program code that opens verification with its number', async () => {
    const code = expectOk(
      await emu.as<{ page: string; scene: string }>('openid:o-stranger', 'share.code', {
        target: { kind: 'certificate', certificateNo: honor.certificateNo },
      }),
    );
    expect(code.page).toBe('packages/honors/verify/index');
    expect(code.scene).toBe(`no=${honor.certificateNo.replace(/-/g, '').slice(2)}`);
  });

  it('can be hidden by its holder only; hidden, it leaves the public wall and still verifies', async () => {
    await refused('sport_league2', 'honors.setHidden', { honorId: honor.id, hidden: true }, 'NOT_YOUR_HONOR');
    expectOk(await emu.as('sport_league1', 'honors.setHidden', { honorId: honor.id, hidden: true }));
    const wall = (who: string) =>
      emu.as<Page<HonorView>>(who, 'honors.wall', { of: { kind: 'person', personId: JIANG } }).then(expectOk);
    expect((await wall('sport_league2')).items.map((h) => h.id)).not.toContain(honor.id);
    expect((await wall('sport_league1')).items.map((h) => h.id)).toContain(honor.id);
    const v = expectOk(
      await emu.as<VerifyView>('openid:o-stranger', 'honors.verify', { certificateNo: honor.certificateNo }),
    );
    expect(v.state).toBe('valid');
    expectOk(await emu.as('sport_league1', 'honors.setHidden', { honorId: honor.id, hidden: false }));
    expect((await wall('sport_league2')).items.map((h) => h.id)).toContain(honor.id);
  });

  it('is not revoked without a reason, nor by an officer of another line', async () => {
    await refused('league_admin', 'honors.revoke', { honorId: honor.id, reason: '  ' }, 'REVOKE_REASON_REQUIRED');
    await refused('party_admin', 'honors.revoke', { honorId: honor.id, reason: '材料不实' }, 'OUT_OF_SCOPE');
  });

  it('offers 撤销 to the awarding unit’s officers only, while it is valid', async () => {
    const officer = expectOk(
      await emu.as<VerifyView>('league_admin', 'honors.verify', { certificateNo: honor.certificateNo }),
    );
    expect(officer).toMatchObject({ mayRevoke: true, honorId: honor.id });
    const stranger = expectOk(
      await emu.as<VerifyView>('openid:o-stranger', 'honors.verify', { certificateNo: honor.certificateNo }),
    );
    expect(stranger.mayRevoke).toBe(false);
    expect(
      expectOk(await emu.as<VerifyView>('party_admin', 'honors.verify', { certificateNo: honor.certificateNo }))
        .mayRevoke,
    ).toBe(false);
  });

  it('once revoked with a reason, verifies as revoked with the date; the reason only for officers', async () => {
    const before = await footprint(emu);
    expectOk(await emu.as('league_admin', 'honors.revoke', { honorId: honor.id, reason: '材料不实' }));
    expect((await footprint(emu)).audit).toBe(before.audit + 1);
    const stranger = expectOk(
      await emu.as<VerifyView>('openid:o-stranger', 'honors.verify', { certificateNo: honor.certificateNo }),
    );
    expect(stranger).toMatchObject({ state: 'revoked', revocationReason: null });
    expect(stranger.revokedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const officer = expectOk(
      await emu.as<VerifyView>('league_admin', 'honors.verify', { certificateNo: honor.certificateNo }),
    );
    expect(officer.revocationReason).toBe('材料不实');
    expect(officer.mayRevoke).toBe(false);
    await refused('league_admin', 'honors.revoke', { honorId: honor.id, reason: '再次撤销' }, 'HONOR_REVOKED');
  });

  it('a title that needs neither vote nor 公示 is awarded to an association and shows on its wall', async () => {
    const h = expectOk(
      await emu.as<HonorView>('fed_chair', 'honors.award', {
        unitId: 'u_fed',
        title: '优秀社团',
        recipient: { kind: 'association', unitId: 'u_as_bball' },
        term: '2026年度',
        citation: '活动丰富',
      }),
    );
    const wall = expectOk(
      await emu.as<Page<HonorView>>('openid:o-stranger', 'honors.wall', {
        of: { kind: 'recipientUnit', unitId: 'u_as_bball' },
      }),
    );
    expect(wall.items.map((x) => x.id)).toContain(h.id);
  });
});

describe('an honor’s id carries its certificate number, check symbol included', () => {
  it('takes ids whose check symbol is one of *~$= and refuses anything else before reading', async () => {
    // The check symbol ranges over 37 values, five of them outside the general id alphabet.
    for (const sym of ['*', '~', '$', '=']) {
      const res = await emu.as('sport_league1', 'honors.setHidden', {
        honorId: `h_0000000000000000${sym}`,
        hidden: true,
      });
      expect(errorCode(res)).toBe('HONOR_NOT_FOUND');
    }
    await refused('sport_league1', 'honors.setHidden', { honorId: 'h_../../x', hidden: true }, 'BAD_INPUT');
  });
});

describe('what an awarding officer chooses from (honors.awardOptions)', () => {
  type Options = {
    unitName: string;
    titles: { title: string }[];
    votes: { id: string; elected: { id: string; name: string }[] }[];
    notices: { id: string; state: string; subjects: { id: string | null; name: string }[] }[];
    units: { id: string; kind: string }[];
  };

  it('gives the League committee its titles, the closed 评优 votes under it and its own honor 公示', async () => {
    const ev = await seedEvidence(emu, 'options');
    const o = expectOk(await emu.as<Options>('league_admin', 'honors.awardOptions', { unitId: 'u_league' }));
    expect(o.unitName).toBe('校团委');
    expect(o.titles.map((t) => t.title)).toContain('优秀共青团员');
    const vote = o.votes.find((v) => v.id === ev.voteId);
    expect(vote?.elected).toEqual([{ id: JIANG, name: '蒋文博' }]);
    expect(o.notices.map((n) => n.id)).toContain(ev.noticeId);
    expect(o.units.map((u) => u.id)).toEqual(expect.arrayContaining(['u_sport_lb1', 'u_as_bball']));
    expect(o.units.map((u) => u.id)).not.toContain('u_sport');
  });

  it('gives a college only its own line: no 公示 of the League committee, no units of another college', async () => {
    const o = expectOk(await emu.as<Options>('sport_officer', 'honors.awardOptions', { unitId: 'u_sport' }));
    expect(o.titles.map((t) => t.title)).toContain('社会实践先进个人');
    expect(o.notices).toEqual([]);
    expect(o.units.map((u) => u.id)).not.toContain('u_info_lb1');
  });

  it('refuses an officer of another unit (out of scope) and a student (forbidden), writing nothing', async () => {
    await refused('sport_officer', 'honors.awardOptions', { unitId: 'u_league' }, 'OUT_OF_SCOPE');
    await refused('fed_chair', 'honors.awardOptions', { unitId: 'u_party' }, 'OUT_OF_SCOPE');
    await refused('sport_league1', 'honors.awardOptions', { unitId: 'u_league' }, 'FORBIDDEN');
  });

  it('puts the units I may award for on my home tab, and none on a student’s', async () => {
    const feed = (who: string) => emu.as<{ awardAs: { unitId: string }[] }>(who, 'home.feed', {}).then(expectOk);
    expect((await feed('league_admin')).awardAs.map((u) => u.unitId)).toEqual(['u_league']);
    expect((await feed('sport_officer')).awardAs.map((u) => u.unitId)).toEqual(['u_sport']);
    // A branch secretary publishes 公示 but awards nothing in the branch's name.
    expect((await feed('sport_pb_sec')).awardAs).toEqual([]);
    expect((await feed('sport_league1')).awardAs).toEqual([]);
  });
});
