/**
 * The server sends what the client shows: no rule, threshold or role list lives in miniprogram/. The views carry
 * the numbers (PresenceView.quorumNeeded, ResolutionView.excellentLimit and ballotForm, RuleSettingView.choices,
 * MeView.manages) and the words come from the generated copy of typings/vocabulary.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROLES } from '../../../typings/vocabulary';

const MP = path.resolve(__dirname, '../../../miniprogram');
/** The generated vocabulary copy names every role (ROLE_LABELS): it is the one place allowed to. */
const COPY = path.join(MP, 'typings', 'vocabulary.ts');

function sources(dir: string, acc: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'miniprogram_npm' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sources(full, acc);
    else if (/\.(ts|js|wxs|wxml|json)$/.test(entry.name) && full !== COPY) acc.push(full);
  }
  return acc;
}

const files = sources(MP).map((file) => ({
  file: path.relative(MP, file),
  // Comments may explain what the server decides; only code counts.
  code: fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1'),
}));

/** Every (file, match) of `re` in the mini-program's own code. */
function found(re: RegExp): string[] {
  return files.flatMap(({ file, code }) => [...code.matchAll(re)].map((m) => `${file}: ${m[0]}`));
}

describe('the mini-program holds no server rule', () => {
  it('has no copy of the old rule constants and helpers', () => {
    const names = [
      'DEFAULT_QUORUM',
      'EXCELLENT_QUOTA',
      'HOST_KINDS',
      'GRADE_ORDER',
      'managedVoteUnits',
      'isEvaluation',
      'quorumNeeded\\s*\\(',
      'excellentLimit\\s*\\(',
      'SHARE_CHOICES',
    ];
    expect(found(new RegExp(`\\b(?:${names.join('|')})`, 'g'))).toEqual([]);
    expect(found(/\b[A-Z_]*MANAGER_ROLES\b/g)).toEqual([]);
  });

  it('loads nothing from outside miniprogram/ at run time: the contract only as types, the words from the copy', () => {
    const outside: string[] = [];
    for (const { file, code } of files) {
      if (!file.endsWith('.ts')) continue;
      for (const m of code.matchAll(/\bimport\s+(type\s+)?([^'";]*?)\s*from\s+['"]([^'"]+)['"]/g)) {
        const [, typeOnly, names, spec] = m;
        if (typeOnly || !spec.startsWith('.')) continue;
        // `import { type A, type B } from …` is erased as well.
        if (
          /^\{[^}]*\}$/.test(names.trim()) &&
          names
            .replace(/[{}\s]/g, '')
            .split(',')
            .every((n) => n.startsWith('type'))
        )
          continue;
        const target = path.resolve(path.dirname(path.join(MP, file)), spec);
        if (!target.startsWith(MP + path.sep)) outside.push(`${file}: ${spec}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('keeps no hand copies of the vocabulary under miniprogram/strings', () => {
    expect(fs.existsSync(path.join(MP, 'strings'))).toBe(false);
    expect(found(/from\s+['"][./]*strings\//g)).toEqual([]);
  });

  it('names no role outside the vocabulary: who may act where comes from me.get', () => {
    const role = new RegExp(`['"\`](?:${ROLES.join('|')})['"\`]`, 'g');
    expect(found(role)).toEqual([]);
  });

  it('writes no threshold: no share literal, no quorum or quota arithmetic', () => {
    expect(found(/\{\s*num:\s*\d+\s*,\s*den:\s*\d+\s*\}/g)).toEqual([]);
    expect(found(/\b(?:quorum|quota)\s*\.\s*(?:num|den)\b/gi)).toEqual([]);
  });
});
