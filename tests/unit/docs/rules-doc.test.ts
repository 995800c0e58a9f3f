/**
 * docs/rules.md is the one place the rules live: every rule code the repository cites has an entry there, and
 * every function an entry names still exists in the file it names.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, RULES_DOC, trackedTextFiles } from './repo-files';
import { citations, declaredNames, field, functionRefs, ruleEntries } from './rule-codes';

const doc = fs.readFileSync(path.join(ROOT, RULES_DOC), 'utf8');
const entries = ruleEntries(doc);

describe('what counts as citing a rule code', () => {
  it('finds codes in comments, strings and Chinese text', () => {
    const text = "// A14 / F3: before the meeting\nconst s = 'B4：无记名投票';\n/** 民主评议（C2）与 E1/A24 */";
    expect(citations(text).map((c) => [c.code, c.line])).toEqual([
      ['A14', 1],
      ['F3', 1],
      ['B4', 2],
      ['C2', 3],
      ['E1', 3],
      ['A24', 3],
    ]);
  });

  it('takes the two ends of a range', () => {
    expect(citations('grades (C1–C4), 推优 (B2-B5)').map((c) => c.code)).toEqual(['C1', 'C4', 'B2', 'B5']);
  });

  it('ignores colours, hex numbers, longer words and codes that are a whole quoted string', () => {
    const text = 'color:#A12; 0xA1; E2E; A123; DA14; A14x; [\'C1\', "C2", `C3`]; T00:00; F1_SECRET';
    expect(citations(text)).toEqual([]);
  });
});

describe('docs/rules.md', () => {
  it('has one entry per rule code, each with the rule, its source and what checks it', () => {
    expect(entries.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const e of entries) {
      if (seen.has(e.code)) problems.push(`${e.code}: two entries`);
      seen.add(e.code);
      for (const name of ['Rule', 'Source', 'Checked by']) {
        if (!field(e, name)) problems.push(`${e.code} (line ${e.line}): no "- ${name}:" line`);
      }
      const checkedBy = field(e, 'Checked by');
      if (checkedBy && !checkedBy.startsWith('not yet') && functionRefs(checkedBy).length === 0) {
        problems.push(`${e.code}: "Checked by" names no \`file.ts: function\` and does not say "not yet"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has an entry for every rule code cited anywhere in the repository', () => {
    const documented = new Set(entries.map((e) => e.code));
    const missing = new Map<string, string>();
    for (const file of trackedTextFiles()) {
      if (file.path === RULES_DOC) continue;
      for (const c of citations(file.text)) {
        if (!documented.has(c.code) && !missing.has(c.code)) missing.set(c.code, `${file.path}:${c.line}`);
      }
    }
    expect(Object.fromEntries(missing)).toEqual({});
  });

  it('names only functions that exist in the files it names', () => {
    const refs = functionRefs(doc);
    expect(refs.length).toBeGreaterThan(0);
    const cache = new Map<string, Set<string>>();
    const gone: string[] = [];
    for (const r of refs) {
      if (!cache.has(r.file)) cache.set(r.file, declaredNames(r.file));
      if (!cache.get(r.file)!.has(r.name)) gone.push(`line ${r.line}: ${r.file}: ${r.name}`);
    }
    expect(gone).toEqual([]);
  });
});
