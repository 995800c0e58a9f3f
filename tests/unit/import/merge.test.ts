/** How an imported row lands on a stored person: what the app added stays, an import never removes. */
import type { ImportedPerson } from '../../../scripts/import/model';
import { birthDateConflicts, mergePerson } from '../../../scripts/import/write';
import type { Person } from '../../../typings/domain';

const row: ImportedPerson = {
  _id: 'p_2023001',
  name: '张三',
  studentNo: '2023001',
  collegeId: 'c1',
  homePartyBranchId: null,
  homeLeagueBranchId: 'lb1',
  status: 'league_member',
  statusHistory: [{ status: 'league_member', since: '2019-05-04' }],
  memberOf: ['c1', 'lb1'],
  reach: ['c1', 'pc', 's', 'lb1'],
  positions: [
    {
      id: '',
      role: 'branch_committee',
      unitId: 'lb1',
      unitScope: ['lb1', 'c1', 'pc', 's'],
      start: '2026-09-01',
      end: null,
    },
  ],
};

const stored: Person = {
  ...row,
  openid: 'wx-openid-of-zhang',
  memberOf: ['lb1', 'c1'],
  reach: ['s', 'pc', 'c1', 'lb1'],
  positions: [{ ...row.positions[0], id: 'pos_given_in_app' }],
};

test('the same memberships in another order, the same term and the binding leave the stored person as it is', () => {
  expect(mergePerson(stored, row)).toEqual(stored);
});

test('a membership and a term given in the app stay; the term in the file keeps its stored id', () => {
  const withApp: Person = {
    ...stored,
    memberOf: [...stored.memberOf, 'as1'],
    reach: [...stored.reach, 'as1', 'fed'],
    positions: [
      ...stored.positions,
      { id: 'pos_app2', role: 'backbone', unitId: 'as1', unitScope: ['as1', 'fed'], start: '2026-10-01', end: null },
    ],
  };
  const merged = mergePerson(withApp, { ...row, name: '张三丰' });
  expect(merged.name).toBe('张三丰');
  expect(merged.openid).toBe('wx-openid-of-zhang');
  expect(merged.memberOf).toContain('as1');
  expect(merged.reach).toEqual(expect.arrayContaining(['as1', 'fed']));
  expect(merged.positions.map((p) => p.id)).toEqual(['pos_given_in_app', 'pos_app2']);
});

test('a term ended in the file updates the stored term; a new person gets deterministic position ids', () => {
  const ended = mergePerson(stored, { ...row, positions: [{ ...row.positions[0], end: '2027-06-30' }] });
  expect(ended.positions).toEqual([{ ...stored.positions[0], end: '2027-06-30' }]);
  const fresh = mergePerson(null, row);
  expect(fresh.openid).toBeNull();
  expect(fresh.positions[0].id).toBe('pos_imp_2023001_branch_committee_lb1_2026-09-01');
});

test('A1: a birth date is set once; a different one is a problem of its row and never lands on the person', () => {
  expect(mergePerson(stored, { ...row, birthDate: '2005-01-02' }).birthDate).toBe('2005-01-02');
  const dated: Person = { ...stored, birthDate: '2005-01-02' };
  expect(mergePerson(dated, { ...row, birthDate: '2005-01-03' }).birthDate).toBe('2005-01-02');
  expect(mergePerson(dated, row).birthDate).toBe('2005-01-02');
  const data = { units: [], people: [{ ...row, birthDate: '2005-01-03' }], personRows: { p_2023001: 7 } };
  expect(birthDateConflicts(new Map([[dated._id, dated]]), data)).toEqual([
    expect.objectContaining({ sheet: '人员', row: 7, column: '出生日期' }),
  ]);
  expect(
    birthDateConflicts(new Map([[dated._id, dated]]), { ...data, people: [{ ...row, birthDate: '2005-01-02' }] }),
  ).toEqual([]);
  expect(birthDateConflicts(new Map([[stored._id, stored]]), data)).toEqual([]);
});
