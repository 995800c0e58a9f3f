import type { ManagedUnitsView, UnitView } from '../../../typings/actions/org';
import { NOTICE_KIND_LABELS } from '../../typings/vocabulary';
import type { PickerOption } from '../org';

export function kindOptions(): PickerOption[] {
  return Object.entries(NOTICE_KIND_LABELS).map(([value, label]) => ({ label, value }));
}

/**
 * The units whose notices the person may draft, as me.get names them (MeView.manages.notices: the server's own
 * grants, position by position). A hint for the picker only: notices.create checks the unit again.
 */
export function managedUnitOptions(manages: Pick<ManagedUnitsView, 'notices'>): PickerOption[] {
  return manages.notices.map((u) => ({ label: u.name, value: u.id }));
}

/**
 * Where a unit's notice may be posted: the unit itself and the units below it, nearest first. A notice of a
 * branch goes to that branch; a college's may go to the college or one of its branches.
 */
export function scopeOptions(ownerId: string, units: readonly UnitView[]): PickerOption[] {
  const owner = units.find((u) => u.id === ownerId);
  if (!owner) return [];
  const out: PickerOption[] = [{ label: owner.name, value: owner.id }];
  let level = [owner.id];
  const seen = new Set(level);
  while (level.length) {
    const next = units.filter((u) => u.parentId !== null && level.includes(u.parentId) && !seen.has(u.id));
    for (const u of next) {
      seen.add(u.id);
      out.push({ label: u.name, value: u.id });
    }
    level = next.map((u) => u.id);
  }
  return out;
}
