/**
 * `npm run bench [-- suite]`: prints figures (never asserted in tests). Each suite module exports
 * `run(): Promise<Record<string, number | string>>`; its result is printed last as one JSON line.
 * `--conflicts` runs the emulator's transactions as CloudBase does (they conflict; `<suite>-conflicts` when saved).
 * `--save` (or `--save-as=key` for a variant) also merges each suite's figures into bench/results.json with the date and the machine's load, the
 * measured figures `npm run capacity` computes docs/capacity.md from (commit that file with the document).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const RESULTS_PATH = path.join(__dirname, 'results.json');

export interface SavedSuite {
  /** When the suite finished (ISO, UTC). */
  measuredAt: string;
  /** The machine, so a reader can judge the latencies (round trips and sizes do not depend on it). */
  machine: { cpus: number; loadAverage1m: number; node: string };
  figures: Record<string, unknown>;
}

function save(name: string, figures: Record<string, unknown>): void {
  const all: Record<string, SavedSuite> = fs.existsSync(RESULTS_PATH)
    ? JSON.parse(fs.readFileSync(RESULTS_PATH, 'utf8'))
    : {};
  all[name] = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadAverage1m: Math.round(os.loadavg()[0] * 100) / 100, node: process.version },
    figures,
  };
  const sorted = Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : 1)));
  fs.writeFileSync(RESULTS_PATH, `${JSON.stringify(sorted, null, 2)}\n`);
}

const SUITES = ['foundation', 'notices', 'votes', 'checkin', 'showcase', 'audit', 'pipeline'] as const;

async function main(): Promise<void> {
  // `--conflicts`: transactions conflict as on CloudBase (emulator/db/transactions.ts); the suites that write under
  // load then report retries per write and BUSY answers, and save under "<suite>-conflicts".
  const conflicts = process.argv.includes('--conflicts');
  if (conflicts) process.env.LINGYAN_EMULATOR_CONFLICTS = '1';
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = wanted.length ? wanted : SUITES.filter((s) => fs.existsSync(path.join(__dirname, `${s}.ts`)));
  for (const name of names) {
    if (!fs.existsSync(path.join(__dirname, `${name}.ts`))) {
      console.error(`no benchmark suite "${name}" (have: ${SUITES.join(', ')})`);
      process.exit(2);
    }
    console.error(`\n== ${name} ==`);
    const mod = (await import(`./${name}`)) as { run: () => Promise<Record<string, unknown>> };
    const figures = await mod.run();
    console.log(JSON.stringify(figures));
    // `--save-as=key` keeps a variant (e.g. BENCH_STUDENTS=1000 checkin) beside the suite's standard figures.
    const as = process.argv.find((a) => a.startsWith('--save-as='))?.slice('--save-as='.length);
    if (as) save(as, figures);
    else if (process.argv.includes('--save')) save(conflicts ? `${name}-conflicts` : name, figures);
  }
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
