/**
 * Contention figures for the load suites. With `--conflicts` (or LINGYAN_EMULATOR_CONFLICTS=1) the emulator runs
 * transactions as CloudBase does — at once, the later committer of a shared document refused with
 * DATABASE_TRANSACTION_CONFLICT — and Store.write retries with backoff, answering BUSY when the retries run out.
 * The emulator counts committed and conflicted commits; the suite counts BUSY answers; every conflict is either a
 * retry or (the last one of a write) a BUSY answer, so retries = conflicts − BUSY answers.
 */
import type { Emulator } from '../emulator';

export interface Contention {
  /** Transactions committed in the phase (successful writes). */
  writes: number;
  conflicts: number;
  retries: number;
  busy: number;
  retriesPerWrite: number;
}

/** Starts counting a phase; the returned function gives its figures (`busy`: BUSY answers the suite saw). */
export function measureContention(emu: Emulator): (busy: number) => Contention {
  const start = emu.transactionStats();
  return (busy) => {
    const end = emu.transactionStats();
    const writes = end.committed - start.committed;
    const conflicts = end.conflicts - start.conflicts;
    const retries = Math.max(0, conflicts - busy);
    return {
      writes,
      conflicts,
      retries,
      busy,
      retriesPerWrite: writes ? Math.round((retries / writes) * 1000) / 1000 : 0,
    };
  };
}

/** The figures under `prefix` (checkIn → checkInRetries, checkInRetriesPerWrite, checkInBusy). */
export function contentionFigures(prefix: string, c: Contention): Record<string, number> {
  return {
    [`${prefix}Retries`]: c.retries,
    [`${prefix}RetriesPerWrite`]: c.retriesPerWrite,
    [`${prefix}Busy`]: c.busy,
  };
}
