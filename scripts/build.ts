/**
 * Bundles each cloud function (cloudfunctions/<name>/index.ts) with esbuild into build/functions/<name>/,
 * with its config.json and package.json: that folder is what gets uploaded to CloudBase.
 * wx-server-sdk stays external (installed by CloudBase from the function's package.json), and so does exceljs: it is
 * 1.1 MB and only the trainings report export loads it, so bundling it would slow every cold start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(__dirname, '..');

export async function buildFunctions(opts: { quiet?: boolean } = {}): Promise<Record<string, number>> {
  const dir = path.join(ROOT, 'cloudfunctions');
  const names = fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, 'index.ts')));
  const sizes: Record<string, number> = {};
  for (const name of names) {
    const out = path.join(ROOT, 'build/functions', name);
    fs.mkdirSync(out, { recursive: true });
    await build({
      entryPoints: [path.join(dir, name, 'index.ts')],
      outfile: path.join(out, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      sourcemap: false,
      external: ['wx-server-sdk', 'exceljs', 'docx'],
      // Prefer ES modules so unused parts of zod (e.g. its other locales) are tree-shaken away.
      mainFields: ['module', 'main'],
      conditions: ['import'],
      logLevel: 'warning',
    });
    for (const f of ['config.json', 'package.json']) {
      const src = path.join(dir, name, f);
      if (fs.existsSync(src)) fs.copyFileSync(src, path.join(out, f));
    }
    sizes[name] = fs.statSync(path.join(out, 'index.js')).size;
    if (!opts.quiet) console.log(`built ${name}: ${(sizes[name] / 1024).toFixed(1)} KB`);
  }
  return sizes;
}

if (require.main === module) {
  buildFunctions().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
