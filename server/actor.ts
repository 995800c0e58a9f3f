/** Who is calling: resolved from the WeChat openid (never from input) with one database read. */
import type { Person } from '../typings/domain';
import { DomainError } from './domain/errors';
import { holdsAnywhere, holdsOver, type Permission, unitsWherePermitted } from './domain/org/permissions';
import type { Store } from './store';

export const PEOPLE = 'people';

export class Actor {
  constructor(
    readonly openid: string,
    readonly person: Person | null,
    /** Shanghai calendar date used to decide which positions are current. */
    readonly today: string,
  ) {}

  get personId(): string | null {
    return this.person?._id ?? null;
  }

  /** The bound person, or NOT_BOUND. */
  requirePerson(): Person {
    if (!this.person) throw new DomainError('NOT_BOUND');
    return this.person;
  }

  holdsAnywhere(permission: Permission): boolean {
    return holdsAnywhere(this.person?.positions ?? [], permission, this.today);
  }

  holdsOver(permission: Permission, targetScope: readonly string[]): boolean {
    return holdsOver(this.person?.positions ?? [], permission, targetScope, this.today);
  }

  /** Throws OUT_OF_SCOPE unless a current position grants `permission` over the target. */
  authorize(permission: Permission, targetScope: readonly string[]): void {
    if (!this.holdsOver(permission, targetScope)) throw new DomainError('OUT_OF_SCOPE');
  }

  unitsWhere(permission: Permission): string[] {
    return unitsWherePermitted(this.person?.positions ?? [], permission, this.today);
  }
}

export async function loadActor(store: Store, openid: string, today: string): Promise<Actor> {
  const [person] = await store.find<Person>(PEOPLE, { openid }, { limit: 1 });
  return new Actor(openid, person ?? null, today);
}
