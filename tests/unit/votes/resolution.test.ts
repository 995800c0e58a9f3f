import {
  ballotSpecFor,
  buildResolution,
  freezeRoster,
  methodLabel,
  requirementTexts,
  ruleSetFor,
  shareInWords,
  tally,
} from '../../../server/domain/votes';
import { ballots, formalMembers, MEETING_START, noFor, opinion, yesFor } from './fixtures';

describe('the resolution sheet (F4)', () => {
  const ruleSet = ruleSetFor('acceptance');
  const roster = freezeRoster(ruleSet, 'party_branch', formalMembers(11));
  const result = tally({
    ruleSet,
    roster,
    spec: ballotSpecFor(ruleSet, ['c1'], null),
    checkedIn: roster.voters.slice(0, 8),
    ballots: [...ballots(6, yesFor('c1')), noFor('c1'), []],
    writtenOpinions: [opinion('f11', yesFor('c1'))],
    cutoff: MEETING_START,
  });
  const sheet = buildResolution({
    ruleSet,
    roster,
    result,
    date: '2026-06-10',
    secret: true,
    scrutineers: ['f01'],
    tellers: ['f02'],
  });

  it('states 应到, 实到 and the written opinions', () => {
    expect(sheet).toMatchObject({ expected: 11, present: 8, writtenOpinions: 1, ballotsIssued: 8, ballotsReturned: 8 });
  });

  it('states 赞成/反对/弃权/无效 per candidate with written opinions on their own line, and the outcome', () => {
    expect(sheet.lines).toEqual([
      expect.objectContaining({
        candidateId: 'c1',
        yes: 6,
        no: 1,
        abstain: 1,
        invalid: 0,
        writtenYes: 1,
        totalYes: 7,
        outcome: 'passed',
      }),
    ]);
  });

  it('states the method, the date and the rule version', () => {
    expect(sheet.method).toBe('无记名投票');
    expect(sheet.date).toBe('2026-06-10');
    expect(sheet.ruleVersion).toBe('2014');
    expect(sheet.ruleVerified).toBe(true);
    expect(sheet.articles.join()).toContain('第二十一条');
  });

  it('names the scrutineer and the teller (F3)', () => {
    expect(sheet.scrutineers).toEqual(['f01']);
    expect(sheet.tellers).toEqual(['f02']);
  });

  it('holds no voter-to-choice link', () => {
    const text = JSON.stringify(sheet.lines);
    for (const id of roster.voters) expect(text).not.toContain(id);
  });
});

describe('requirements in words', () => {
  it('says the acceptance thresholds against 应到', () => {
    const texts = requirementTexts(ruleSetFor('acceptance'));
    expect(texts[0]).toBe('到会有表决权的人数须超过应到人数的半数');
    expect(texts[1]).toBe('赞成票须超过应到会有表决权人数的半数，为通过');
    expect(texts).toContain('会前正式提交的书面意见计入；会议开始后提交的无效');
  });

  it('says a party election counts against 实到 and caps 赞成 at the seats', () => {
    const texts = requirementTexts(ruleSetFor('party_branch_election'));
    expect(texts[0]).toContain('五分之四');
    expect(texts[1]).toContain('实到会');
    expect(texts[1]).toContain('始得当选');
    expect(texts).toContain('每张选票赞成人数不得超过应选名额');
  });

  it('writes common shares in words and others as fractions', () => {
    expect(shareInWords({ num: 2, den: 3 })).toBe('三分之二');
    expect(shareInWords({ num: 3, den: 5 })).toBe('3/5');
  });

  it('writes the method', () => {
    expect(methodLabel(true)).toBe('无记名投票');
    expect(methodLabel(false)).toBe('记名投票');
  });
});
