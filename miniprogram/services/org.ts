/** View models over the organisation tree. */
import type { UnitView } from '../../typings/actions';
import type { Result } from '../../typings/errors';
import { call } from './api';

/** One option of a t-picker-item column. */
export interface PickerOption {
  label: string;
  value: string;
}

/** The colleges a student can bind to, in the server's order. */
export function collegeOptions(units: readonly UnitView[]): PickerOption[] {
  return units.filter((u) => u.kind === 'college').map((u) => ({ label: u.name, value: u.id }));
}

/** The school's associations (org.tree, which anyone may read), in the server's order: the showcase's filter. */
export async function loadAssociations(): Promise<Result<{ id: string; name: string }[]>> {
  const res = await call('org.tree', {});
  if (!res.ok) return res;
  return {
    ok: true,
    data: res.data.units.filter((u) => u.kind === 'association').map((u) => ({ id: u.id, name: u.name })),
  };
}
