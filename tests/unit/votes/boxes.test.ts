/**
 * Ballot boxes: how many a vote opens with and which one a ballot goes in. Casts in flight at once conflict only
 * when they write the same box (CloudBase's optimistic transactions), so a large roster gets more boxes; the box is
 * picked by the random receipt code, and box order stays code order, so where a ballot sits says nothing about when.
 */
import { ballotBoxesFor, boxId, boxOf, newBallotCode } from '../../../server/actions/votes/docs';

describe('how many ballot boxes a vote opens with', () => {
  it('gives a branch of up to 128 voters the 32 boxes of one code symbol', () => {
    expect([1, 8, 128].map(ballotBoxesFor)).toEqual([32, 32, 32]);
  });

  it('doubles the boxes until there are at most four voters a box', () => {
    expect([129, 200, 256, 257, 1000].map(ballotBoxesFor)).toEqual([64, 64, 64, 128, 256]);
  });

  it('stops at 256 boxes, so the open that makes them stays well inside the function timeout', () => {
    expect([1025, 2000, 10_000].map(ballotBoxesFor)).toEqual([256, 256, 256]);
  });
});

describe('which box a ballot goes in', () => {
  it('is the first symbol of the code when the vote has 32 boxes, as before boxes scaled', () => {
    expect(boxOf('22XXXXXX')).toBe(0);
    expect(boxOf('AZXXXXXX')).toBe(8);
    expect(boxOf('ZZXXXXXX', 32)).toBe(31);
  });

  it('keeps box order in code order whatever the number of boxes', () => {
    const codes = Array.from({ length: 2000 }, newBallotCode).sort();
    for (const boxes of [32, 64, 256, 1024]) {
      const picked = codes.map((c) => boxOf(c, boxes));
      expect(picked).toEqual([...picked].sort((a, b) => a - b));
      expect(Math.min(...picked)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...picked)).toBeLessThan(boxes);
      const ids = codes.map((c) => boxId('v1', boxOf(c, boxes), boxes));
      expect(ids).toEqual([...ids].sort());
    }
  });

  it('spreads 1,000 ballots over 256 boxes evenly enough that none holds more than 16', () => {
    const counts = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      const b = boxOf(newBallotCode(), 256);
      counts.set(b, (counts.get(b) ?? 0) + 1);
    }
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(16);
  });

  it('names boxes with as many digits as the last box needs, so id order is box order', () => {
    expect(boxId('v1', 3)).toBe('bx_v1_03');
    expect(boxId('v1', 3, 256)).toBe('bx_v1_003');
    expect(boxId('v1', 1023, 1024)).toBe('bx_v1_1023');
  });
});
