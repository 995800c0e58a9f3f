/**
 * Scheduled work, run by the `scheduler` function's timer trigger. Each job decides from `now` whether
 * it is due, so a missed or repeated tick does no harm (jobs are idempotent).
 */
import { verifyAuditChain } from '../actions/org/audit';
import { shanghaiDate, shanghaiIso } from '../domain/time';
import type { Job, JobContext } from './job';
import { mediaRecheckJob } from './media';
import { noticesAdvanceJob } from './notices';
import { pipelineRemindersJob } from './pipeline';
import { provisionalWindowsJob } from './provisional';

export const META_AUDIT_CHECK = 'audit_check';

/** Supervision: verify the audit chain once a Shanghai day and keep the verdict for the admins' page. */
export const auditCheckJob: Job = {
  name: 'audit.dailyVerify',
  async run({ store, now }) {
    const today = shanghaiDate(now);
    const last = await store.get<{ _id: string; date: string }>('meta', META_AUDIT_CHECK);
    if (last?.date === today) return { skipped: true };
    // Also moves the checkpoint in cloud storage to the verified head.
    const result = await verifyAuditChain(store, shanghaiIso(now));
    await store
      .collection('meta')
      .doc(META_AUDIT_CHECK)
      .set({ data: { date: today, at: shanghaiIso(now), ...result } });
    if (!result.ok) {
      console.error(
        `[lingyan] audit trail: ${result.problems.length} problem(s), first at entry ${result.firstBroken}`,
        result.problems.map((p) => p.message),
      );
    }
    return result;
  },
};

export const jobs: Job[] = [
  auditCheckJob,
  provisionalWindowsJob(),
  noticesAdvanceJob,
  mediaRecheckJob,
  pipelineRemindersJob,
];

export async function runJobs(ctx: JobContext): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const job of jobs) {
    try {
      out[job.name] = await job.run(ctx);
    } catch (err) {
      console.error(`[lingyan] job ${job.name} failed`, err);
      out[job.name] = { error: String((err as Error)?.message ?? err) };
    }
  }
  return out;
}
