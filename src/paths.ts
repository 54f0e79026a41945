// Locations that must not depend on the directory a command is started from.
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const srcDir = dirname(fileURLToPath(import.meta.url));
/** The project root, whether running from src/ (tsx) or dist/src/ (compiled). */
export const PROJECT_ROOT = basename(dirname(srcDir)) === 'dist' ? resolve(srcDir, '..', '..') : resolve(srcDir, '..');

export const DEFAULT_KNOWLEDGE_DIR = resolve(PROJECT_ROOT, 'knowledge');
