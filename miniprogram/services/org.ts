/** View models over the organisation tree. */
import type { UnitView } from '../../typings/actions';

/** One option of a t-picker-item column. */
export interface PickerOption {
  label: string;
  value: string;
}

/** The colleges a student can bind to, in the server's order. */
export function collegeOptions(units: readonly UnitView[]): PickerOption[] {
  return units.filter((u) => u.kind === 'college').map((u) => ({ label: u.name, value: u.id }));
}
