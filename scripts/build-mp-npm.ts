/**
 * Offline replacement for the developer tools' "构建 npm" (run: `npx tsx scripts/build-mp-npm.ts`).
 *
 * TDesign's miniprogram_npm output is a plain copy of its `miniprogram_dist`. We copy only what the app uses:
 * every `tdesign-miniprogram/<x>/<x>` named in a usingComponents map under miniprogram/, plus everything those
 * components reach (their .json usingComponents, JS imports/requires, WXML import/include/wxs src, WXSS @import,
 * WXS requires), so the main package stays far below the 2 MB limit. Idempotent: unchanged files are not rewritten,
 * files no longer needed are removed.
 *
 * It also copies the shared vocabulary (typings/vocabulary.ts: enums, labels, code shapes, input bounds) into
 * miniprogram/typings/vocabulary.ts, the only place pages take labels from at run time. Like miniprogram_npm the
 * copy is gitignored: `npm start`, `npm test`, `npm run typecheck` and `npm run preview` make it.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const MP_ROOT = path.join(ROOT, 'miniprogram');
const PKG = 'tdesign-miniprogram';
const DIST = path.join(ROOT, 'node_modules', PKG, 'miniprogram_dist');
const OUT = path.join(MP_ROOT, 'miniprogram_npm', PKG);

const COMPONENT_FILE_EXTS = ['.js', '.json', '.wxml', '.wxss', '.wxs'];

/** The zod-free vocabulary both sides share, and where the mini-program's copy of it lives. */
export const VOCABULARY_SOURCE = path.join(ROOT, 'typings', 'vocabulary.ts');
export const VOCABULARY_COPY = path.join(MP_ROOT, 'typings', 'vocabulary.ts');

/** The text of the mini-program's copy: the source verbatim under a do-not-edit line. */
export function vocabularyCopyText(): string {
  const source = fs.readFileSync(VOCABULARY_SOURCE, 'utf8');
  return `// Generated from typings/vocabulary.ts by scripts/build-mp-npm.ts: edit the source, not this copy.\n${source}`;
}

/** Writes the copy when it differs; returns whether it did. */
export function copyVocabulary(): boolean {
  const text = vocabularyCopyText();
  if (fs.existsSync(VOCABULARY_COPY) && fs.readFileSync(VOCABULARY_COPY, 'utf8') === text) return false;
  fs.mkdirSync(path.dirname(VOCABULARY_COPY), { recursive: true });
  // Written aside and renamed, so a test worker compiling the page never reads half a file.
  const temp = `${VOCABULARY_COPY}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, VOCABULARY_COPY);
  return true;
}

export interface BuildResult {
  components: string[];
  files: number;
  bytes: number;
  written: number;
  removed: number;
}

/** Every JSON file of our own under miniprogram/ (the npm output excluded). */
function ownJsonFiles(dir: string, acc: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'miniprogram_npm' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) ownJsonFiles(full, acc);
    else if (entry.name.endsWith('.json')) acc.push(full);
  }
  return acc;
}

/** Component entries (paths relative to the dist root, no extension) named by our usingComponents maps. */
export function usedComponents(mpRoot = MP_ROOT): string[] {
  const found = new Set<string>();
  for (const file of ownJsonFiles(mpRoot)) {
    let json: { usingComponents?: Record<string, string> };
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      continue; // tsconfig.json and friends may hold comments; they carry no components
    }
    for (const target of Object.values(json.usingComponents ?? {})) {
      const m = /^\/?(?:miniprogram_npm\/)?tdesign-miniprogram\/(.+)$/.exec(target);
      if (m) found.add(m[1]);
    }
  }
  return [...found].sort();
}

function exists(rel: string): boolean {
  const full = path.join(DIST, rel);
  return fs.existsSync(full) && fs.statSync(full).isFile();
}

/** Resolve a JS module specifier the way the mini-program runtime does inside the package. */
function resolveScript(fromRel: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('.') || spec.startsWith('/')) {
    base = path.posix.join(path.posix.dirname(fromRel), spec);
  } else {
    // Bare names resolve to the package's own nested miniprogram_npm (tslib, dayjs, ...).
    base = path.posix.join('miniprogram_npm', spec);
  }
  for (const candidate of [base, `${base}.js`, `${base}/index.js`]) if (exists(candidate)) return candidate;
  return null;
}

function resolveRelative(fromRel: string, spec: string): string | null {
  const rel = path.posix.join(path.posix.dirname(fromRel), spec);
  return exists(rel) ? rel : null;
}

/** Files referenced by one file of the dist. */
function referencesOf(rel: string, text: string): { files: string[]; components: string[] } {
  const files: string[] = [];
  const components: string[] = [];
  const add = (r: string | null, what: string) => {
    if (!r) throw new Error(`build-mp-npm: ${rel} refers to ${what}, which is not in ${PKG}`);
    files.push(r);
  };
  const ext = path.posix.extname(rel);
  if (ext === '.js' || ext === '.wxs') {
    const re = /(?:\bfrom\s*|\bimport\s*|\brequire\(\s*)["']([^"']+)["']/g;
    for (const m of text.matchAll(re)) add(resolveScript(rel, m[1]), m[1]);
  } else if (ext === '.json') {
    const json = JSON.parse(text) as { usingComponents?: Record<string, string> };
    for (const target of Object.values(json.usingComponents ?? {})) {
      components.push(path.posix.join(path.posix.dirname(rel), target));
    }
  } else if (ext === '.wxml') {
    const re = /<(?:import|include|wxs)\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/g;
    for (const m of text.matchAll(re)) add(resolveRelative(rel, m[1]), m[1]);
  } else if (ext === '.wxss') {
    const re = /@import\s+(?:url\()?\s*["']([^"']+)["']/g;
    for (const m of text.matchAll(re)) add(resolveRelative(rel, m[1]), m[1]);
  }
  return { files, components };
}

/** The transitive closure of files needed by the given component entries. */
export function closure(entries: string[]): string[] {
  const files = new Set<string>();
  const seenComponents = new Set<string>();
  const fileQueue: string[] = [];
  const componentQueue = [...entries];
  while (componentQueue.length || fileQueue.length) {
    const comp = componentQueue.pop();
    if (comp !== undefined) {
      const norm = path.posix.normalize(comp);
      if (seenComponents.has(norm)) continue;
      seenComponents.add(norm);
      const parts = COMPONENT_FILE_EXTS.map((e) => `${norm}${e}`).filter(exists);
      if (!parts.some((p) => p.endsWith('.json'))) throw new Error(`build-mp-npm: no component ${PKG}/${norm}`);
      fileQueue.push(...parts);
      continue;
    }
    const rel = fileQueue.pop()!;
    if (files.has(rel)) continue;
    files.add(rel);
    const refs = referencesOf(rel, fs.readFileSync(path.join(DIST, rel), 'utf8'));
    fileQueue.push(...refs.files);
    componentQueue.push(...refs.components);
  }
  return [...files].sort();
}

function listFiles(dir: string, base = dir, acc: string[] = []): string[] {
  if (!fs.existsSync(dir)) return acc;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, base, acc);
    else acc.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return acc;
}

function removeEmptyDirs(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) removeEmptyDirs(path.join(dir, entry.name));
  }
  if (dir !== OUT && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
}

export function buildMpNpm(options: { quiet?: boolean } = {}): BuildResult {
  if (!fs.existsSync(DIST)) throw new Error(`build-mp-npm: ${DIST} is missing; run npm ci first`);
  const vocabularyWritten = copyVocabulary();
  const components = usedComponents();
  const wanted = closure(components);
  const wantedSet = new Set(wanted);
  let written = 0;
  let removed = 0;
  let bytes = 0;
  for (const rel of wanted) {
    const src = path.join(DIST, rel);
    const dest = path.join(OUT, rel);
    const content = fs.readFileSync(src);
    bytes += content.length;
    if (fs.existsSync(dest) && fs.readFileSync(dest).equals(content)) continue;
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, content);
    written++;
  }
  for (const rel of listFiles(OUT)) {
    if (!wantedSet.has(rel)) {
      fs.rmSync(path.join(OUT, rel));
      removed++;
    }
  }
  removeEmptyDirs(OUT);
  const result = { components, files: wanted.length, bytes, written, removed };
  if (!options.quiet) {
    const kb = (bytes / 1024).toFixed(1);
    console.log(
      `build-mp-npm: ${components.length} TDesign components requested (${components.map((c) => c.split('/')[0]).join(', ')})`,
    );
    console.log(
      `build-mp-npm: ${wanted.length} files, ${kb} KB in miniprogram/miniprogram_npm/${PKG} (${written} written, ${removed} removed)`,
    );
    console.log(`build-mp-npm: miniprogram/typings/vocabulary.ts ${vocabularyWritten ? 'written' : 'up to date'}`);
  }
  return result;
}

/** Size in bytes of the main package as uploaded: miniprogram/ minus subpackages, TypeScript sources counted as-is. */
export function mainPackageBytes(): number {
  const app = JSON.parse(fs.readFileSync(path.join(MP_ROOT, 'app.json'), 'utf8')) as {
    subpackages?: { root: string }[];
    subPackages?: { root: string }[];
  };
  const subRoots = (app.subpackages ?? app.subPackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  return listFiles(MP_ROOT)
    .filter((rel) => !rel.endsWith('.d.ts') && !rel.endsWith('tsconfig.json'))
    .filter((rel) => !subRoots.some((root) => rel === root || rel.startsWith(`${root}/`)))
    .reduce((sum, rel) => sum + fs.statSync(path.join(MP_ROOT, rel)).size, 0);
}

if (require.main === module) {
  const t0 = Date.now();
  buildMpNpm();
  const main = mainPackageBytes();
  console.log(`build-mp-npm: main package ≈ ${(main / 1024).toFixed(1)} KB of 2048 KB (${Date.now() - t0} ms)`);
}
