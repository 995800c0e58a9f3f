/** Collection names and derived ids of the organisation actions (units, accounts, binding applications). */
import { createHash } from 'node:crypto';

export const UNITS = 'units';
export const ACCOUNTS = 'accounts';
export const BINDINGS = 'bindings';

/** People ids are derived from the student number, so "one person per student number" holds by construction. */
export function personIdFor(studentNo: string): string {
  return `p_${studentNo}`;
}

/** Openids never appear as document ids; their digest does. */
function openidDigest(openid: string): string {
  return createHash('sha256').update(`lingyan:${openid}`).digest('hex').slice(0, 32);
}

/** accounts/<id> exists once per bound openid: inserting it in the binding transaction makes a double bind impossible. */
export function accountIdFor(openid: string): string {
  return `o_${openidDigest(openid)}`;
}

/** One binding application per openid (resubmission after rejection reuses it). */
export function bindingIdFor(openid: string): string {
  return `b_${openidDigest(openid)}`;
}
