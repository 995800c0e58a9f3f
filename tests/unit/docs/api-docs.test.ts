import fs from 'node:fs';
import { API_DOC, renderApiDocs } from '../../../scripts/gen-api-docs';

it('docs/api.md is generated from the current action catalog (run `npm run docs` after changing an action)', () => {
  expect(fs.readFileSync(API_DOC, 'utf8')).toBe(renderApiDocs());
});
