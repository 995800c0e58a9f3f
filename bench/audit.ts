/**
 * Audited writes across the school at once: people in different branches each doing an audited write (here a
 * student submitting an account binding: it touches only its own records, so the one thing the writes share is the
 * audit trail). BENCH_AUDIT_WRITES writes (default 300), BENCH_AUDIT_CONCURRENCY of them in flight at a time
 * (default 30: thirty offices or freshmen acting in the same moment). Reports writes per second, the 95th percentile
 * wait and, with `--conflicts` (transactions conflicting as on CloudBase), retries per write and BUSY answers: the
 * measure of how much the trail's head documents are contended.
 *
 *   npm run bench -- audit --conflicts
 */
import { contentionFigures, measureContention } from './contention';
import { percentile, printFigures, type Reply, withBenchEmulator } from './support';

const WRITES = Number(process.env.BENCH_AUDIT_WRITES ?? 300);
const CONCURRENCY = Number(process.env.BENCH_AUDIT_CONCURRENCY ?? 30);

export function run() {
  return withBenchEmulator('audit', { functionTimeoutS: 300 }, async (emu) => {
    emu.host.setClock('2026-09-07T10:00:00+08:00');
    const waits: number[] = [];
    let busy = 0;
    let next = 0;
    const phase = measureContention(emu);
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < WRITES) {
          const i = next++;
          const no = `2026${String(900000 + i)}`;
          const t = performance.now();
          const r = await emu.call(
            'bindings.submit',
            { name: '新同学', studentNo: no, collegeId: 'u_sport' },
            `o_b${i}`,
          );
          waits.push(performance.now() - t);
          const body = r.body as Reply;
          if (typeof body?.ok !== 'boolean') throw new Error(`no envelope: ${JSON.stringify(r.body)}`);
          if (!body.ok) {
            if (body.error.code !== 'BUSY')
              throw new Error(`bindings.submit: ${body.error.code} ${body.error.message}`);
            busy++;
          }
        }
      }),
    );
    const ms = performance.now() - t0;
    const c = phase(busy);
    const entries = await emu.server.db.collection('audit').count();
    return {
      transactions: emu.transactionMode,
      writes: WRITES,
      concurrency: CONCURRENCY,
      committed: c.writes,
      auditEntries: entries,
      writesPerSecond: Math.round((c.writes / ms) * 1000 * 10) / 10,
      p50Ms: percentile(waits, 50),
      p95Ms: percentile(waits, 95),
      burstMs: Math.round(ms),
      ...contentionFigures('audited', c),
    };
  });
}

if (require.main === module) printFigures(run());
