/**
 * The repository is read on its own: no tracked file points to documents kept beside it. The rules are in
 * docs/rules.md and are cited by their codes. The needles are assembled so this file does not match itself.
 */
import { trackedTextFiles } from './repo-files';

const NEEDLES: { what: string; pattern: RegExp }[] = [
  { what: 'a path into the folder beside the repository', pattern: new RegExp(['\\.\\.', 'shared'].join('/')) },
  { what: 'the outside rules document', pattern: new RegExp(['domain', 'rules'].join('-')) },
  { what: 'a founding document by number', pattern: new RegExp(`\\b${'seed'}s? 0\\d\\d\\b|\\b0\\d\\d ${'§'}`, 'i') },
  { what: 'an outside design or style note', pattern: new RegExp(`(?<![\\w/.-])(${'design'}|${'style'})\\.md\\b`) },
];

it('no tracked file points to documents outside the repository', () => {
  const hits: string[] = [];
  for (const file of trackedTextFiles()) {
    file.text.split('\n').forEach((line, i) => {
      for (const n of NEEDLES) if (n.pattern.test(line)) hits.push(`${file.path}:${i + 1} (${n.what})`);
    });
  }
  expect(hits).toEqual([]);
});
