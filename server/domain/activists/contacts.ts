import type { PoliticalStatus } from '../../../typings/domain';
import { DomainError } from '../errors';

/**
 * A5: the branch names one or two formal members (正式党员) as an activist's cultivation contacts (培养联系人);
 * a probationary member cannot be one, nor can the activist themself (细则 2014 第九条).
 */
export function assertContactsMayCultivate(
  activistId: string,
  contacts: readonly { _id: string; status: PoliticalStatus }[],
): void {
  if (contacts.length < 1 || contacts.length > 2) throw new DomainError('CONTACTS_INVALID', '培养联系人应为 1 至 2 名');
  if (new Set(contacts.map((c) => c._id)).size !== contacts.length) {
    throw new DomainError('CONTACTS_INVALID', '培养联系人不能重复');
  }
  for (const c of contacts) {
    if (c._id === activistId) throw new DomainError('CONTACTS_INVALID', '不能指定本人为培养联系人');
    if (c.status !== 'full_member') throw new DomainError('CONTACTS_INVALID', '培养联系人须为正式党员');
  }
}
