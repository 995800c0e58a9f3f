/** How database failures reach the user: the codes they can act on, everything else left for the INTERNAL path. */
import { DomainError } from '../../../server/domain/errors';
import { translateDbError } from '../../../server/store';

const codeOf = (e: unknown) => (e instanceof DomainError ? e.code : null);

describe('translateDbError', () => {
  it('turns a duplicate id or unique key into CONFLICT', () => {
    expect(codeOf(translateDbError({ code: 'DATABASE_DUPLICATE_WRITE', message: 'x' }))).toBe('CONFLICT');
    expect(codeOf(translateDbError(new Error('E11000 duplicate key error')))).toBe('CONFLICT');
  });

  it('turns a transaction that kept conflicting after its retries into BUSY', () => {
    expect(codeOf(translateDbError({ code: 'DATABASE_TRANSACTION_CONFLICT', message: 'conflict' }))).toBe('BUSY');
  });

  it('leaves domain errors and unknown failures as they are', () => {
    const domain = new DomainError('NOT_FOUND');
    expect(translateDbError(domain)).toBe(domain);
    const other = new Error('socket hang up');
    expect(translateDbError(other)).toBe(other);
  });
});
