// The JSON Schema of a knowledge file, generated from the zod schema (one source of truth).
import { z } from 'zod';
import { KnowledgeFileSchema } from './schema.js';

export function knowledgeJsonSchema(): unknown {
  // The input side: what an editor sees in the YAML, before dates are normalized.
  return { title: 'NMI bot knowledge file', ...z.toJSONSchema(KnowledgeFileSchema, { io: 'input', unrepresentable: 'any' }) };
}
