/**
 * `npm start`: builds the cloud functions, starts the local CloudBase emulator on 127.0.0.1:3900
 * (LINGYAN_PORT overrides; data in .data/, LINGYAN_DATA overrides), seeds the demo school when the data
 * folder is empty, runs timer triggers, and prints the address and the personas to act as.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Persona, ROOT, startEmulator } from '../emulator';
import { buildFunctions } from './build';

async function main(): Promise<void> {
  const port = Number(process.env.LINGYAN_PORT ?? 3900);
  const dataDir = path.resolve(process.env.LINGYAN_DATA ?? path.join(ROOT, '.data'));
  fs.mkdirSync(dataDir, { recursive: true });
  await buildFunctions({ quiet: true });
  const mpNpm = path.join(ROOT, 'scripts/build-mp-npm.ts');
  if (fs.existsSync(mpNpm)) await import(mpNpm).then((m) => m.buildMpNpm({ quiet: true }));

  const emu = await startEmulator({ port, dataDir, functions: 'build', seed: 'full', timers: true });
  const res = await fetch(`${emu.url}/personas`);
  const { personas } = (await res.json()) as { personas: Persona[] };

  console.log(
    `\n领雁 Lingyan local CloudBase emulator: ${emu.url}   (data: ${path.relative(process.cwd(), dataDir) || '.'})\n`,
  );
  console.log('Personas (act as one with the x-lingyan-openid header):');
  for (const p of personas) {
    const roles = p.roles.map((r) => `${r.roleLabel}@${r.unitName}`).join('，') || '—';
    console.log(`  ${p.openid.padEnd(24)} ${p.name.padEnd(4, '　')} ${roles}`);
  }
  console.log(`\nTry:
  curl -s ${emu.url}/functions/api -H 'x-lingyan-openid: demo_sport_pb_sec' -H 'content-type: application/json' -d '{"action":"me.get","input":{}}'
  curl -s ${emu.url}/actions      # every action with its input schema, access and error codes
  curl -s ${emu.url}/personas
Press Ctrl+C to stop.`);

  const stop = async () => {
    await emu.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
