/**
 * `npm run bench [-- suite]`: prints figures (never asserted in tests). Each suite module exports
 * `run(): Promise<Record<string, number | string>>`; its result is printed last as one JSON line.
 */
import fs from 'node:fs';
import path from 'node:path';

const SUITES = ['foundation', 'notices', 'votes', 'checkin', 'showcase'] as const;

async function main(): Promise<void> {
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
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
