import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { knowledgeJsonSchema } from '../../src/knowledge/json-schema.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';

it('the JSON Schema editors use matches the zod schema (run npm run kb:schema after changing it)', () => {
  const committed = JSON.parse(readFileSync(resolve(DEFAULT_KNOWLEDGE_DIR, 'knowledge.schema.json'), 'utf8'));
  expect(committed).toEqual(knowledgeJsonSchema());
  expect(JSON.stringify(committed)).toContain('"questions"');
});
