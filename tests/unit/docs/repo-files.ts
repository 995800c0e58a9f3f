/**
 * The repository as the documentation tests see it: every file git tracks, read as text. Lockfiles and binary
 * files (a NUL byte in the first 8 KB) are left out.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');

export const RULES_DOC = 'docs/rules.md';

const LOCKFILES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml']);

export interface RepoFile {
  /** Path from the repository root, with forward slashes. */
  path: string;
  text: string;
}

export function trackedTextFiles(): RepoFile[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const files: RepoFile[] = [];
  for (const rel of out.split('\0')) {
    if (!rel || LOCKFILES.has(path.posix.basename(rel))) continue;
    const abs = path.join(ROOT, rel);
    if (!fs.existsSync(abs) || !fs.statSync(abs).isFile()) continue;
    const buf = fs.readFileSync(abs);
    if (buf.subarray(0, 8192).includes(0)) continue;
    files.push({ path: rel, text: buf.toString('utf8') });
  }
  return files;
}
