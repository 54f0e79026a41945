// npm run kb:schema: writes knowledge/knowledge.schema.json so editors
// (yaml-language-server) validate knowledge files while typing.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { knowledgeJsonSchema } from '../knowledge/json-schema.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../paths.js';

const out = resolve(DEFAULT_KNOWLEDGE_DIR, 'knowledge.schema.json');
writeFileSync(out, `${JSON.stringify(knowledgeJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${out}\n`);
