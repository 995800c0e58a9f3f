/**
 * What counts as citing a rule code, and how docs/rules.md is read. The definitions are stated in words at the
 * top of docs/rules.md; keep the two in step.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROOT } from './repo-files';

/**
 * A rule code: a capital A–G or S, then one or two digits, standing as a word of its own (JavaScript's `\b`:
 * letters, digits and `_` may not touch it; Chinese characters, punctuation and spaces may).
 */
const CODE = /\b[A-GS]\d{1,2}\b/g;

export interface Citation {
  code: string;
  line: number;
}

/**
 * The rule codes cited in a text, in order. Not citations: a code right after `#` (a CSS colour such as
 * `#A12`), and a code that is the whole of a quoted string (`'C1'`, `"C1"`, `` `C1` ``: test data such as
 * candidate labels). A range such as `C1–C4` cites its two ends.
 */
export function citations(text: string): Citation[] {
  const found: Citation[] = [];
  for (const m of text.matchAll(CODE)) {
    const at = m.index;
    const before = text[at - 1];
    const after = text[at + m[0].length];
    if (before === '#') continue;
    if (before !== undefined && before === after && `'"\``.includes(before)) continue;
    found.push({ code: m[0], line: text.slice(0, at).split('\n').length });
  }
  return found;
}

export interface RuleEntry {
  code: string;
  title: string;
  /** The entry's lines after its heading, up to the next heading. */
  body: string;
  line: number;
}

/** Headings of rule entries: `### A14 — title`. */
const ENTRY_HEADING = /^### ([A-GS]\d{1,2}) — (.+)$/;

/** The entries in document order; fenced code blocks (examples) are skipped. */
export function ruleEntries(doc: string): RuleEntry[] {
  const lines = doc.split('\n');
  const entries: RuleEntry[] = [];
  let current: RuleEntry | null = null;
  let fenced = false;
  lines.forEach((text, i) => {
    if (text.trimStart().startsWith('```')) fenced = !fenced;
    if (fenced || text.trimStart().startsWith('```')) return;
    if (text.startsWith('#')) {
      if (current) entries.push(current);
      const m = ENTRY_HEADING.exec(text);
      current = m ? { code: m[1], title: m[2].trim(), body: '', line: i + 1 } : null;
    } else if (current) {
      current.body += `${text}\n`;
    }
  });
  if (current) entries.push(current);
  return entries;
}

/** A field line of an entry (`- Rule: …`), or null. */
export function field(entry: RuleEntry, name: string): string | null {
  const m = new RegExp(`^- ${name}: (.+)$`, 'm').exec(entry.body);
  return m ? m[1].trim() : null;
}

export interface FunctionRef {
  file: string;
  name: string;
  line: number;
}

/** Every `` `path/to/file.ts: name` `` in the document outside fenced code blocks (those hold examples). */
export function functionRefs(doc: string): FunctionRef[] {
  const refs: FunctionRef[] = [];
  let fenced = false;
  doc.split('\n').forEach((text, i) => {
    if (text.trimStart().startsWith('```')) fenced = !fenced;
    if (fenced) return;
    for (const m of text.matchAll(/`([\w./-]+\.ts): ([A-Za-z_$][\w$]*)`/g)) {
      refs.push({ file: m[1], name: m[2], line: i + 1 });
    }
  });
  return refs;
}

/**
 * The names a TypeScript file declares anywhere in it: functions, variables, classes and their members,
 * properties of object literals, interfaces, type aliases, enums.
 */
export function declaredNames(file: string): Set<string> {
  const abs = path.join(ROOT, file);
  const names = new Set<string>();
  if (!fs.existsSync(abs)) return names;
  const source = ts.createSourceFile(file, fs.readFileSync(abs, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (
      (ts.isFunctionDeclaration(node) ||
        ts.isClassDeclaration(node) ||
        ts.isInterfaceDeclaration(node) ||
        ts.isTypeAliasDeclaration(node) ||
        ts.isEnumDeclaration(node) ||
        ts.isMethodDeclaration(node) ||
        ts.isPropertyDeclaration(node) ||
        ts.isPropertyAssignment(node) ||
        ts.isVariableDeclaration(node)) &&
      node.name &&
      (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))
    ) {
      names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}
