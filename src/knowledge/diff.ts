// What a reload changes: entries added, changed and removed, and shortcut
// (subcommand) changes, which need the Discord commands registered again.
import { isDeepStrictEqual } from 'node:util';
import type { KnowledgeBase } from './knowledge-base.js';

export interface KnowledgeDiff {
  added: string[];
  changed: string[];
  removed: string[];
  shortcutsAdded: string[];
  shortcutsRemoved: string[];
  sourcesChanged: boolean;
}

export function diffKnowledge(before: KnowledgeBase, after: KnowledgeBase): KnowledgeDiff {
  const added = [...after.byId.keys()].filter((id) => !before.byId.has(id));
  const removed = [...before.byId.keys()].filter((id) => !after.byId.has(id));
  const changed = [...after.byId.keys()].filter((id) => before.byId.has(id) && !isDeepStrictEqual(before.byId.get(id), after.byId.get(id)));
  const shortcutsAdded = [...after.byShortcut.keys()].filter((s) => !before.byShortcut.has(s));
  const shortcutsRemoved = [...before.byShortcut.keys()].filter((s) => !after.byShortcut.has(s));
  const sourcesChanged = !isDeepStrictEqual([...before.sources.values()], [...after.sources.values()]);
  return { added, changed, removed, shortcutsAdded, shortcutsRemoved, sourcesChanged };
}

export const shortcutsChanged = (d: KnowledgeDiff) => d.shortcutsAdded.length > 0 || d.shortcutsRemoved.length > 0;

/** Plain-text summary, the same for the reload reply and `npm run kb:diff`. */
export function formatDiff(before: string, after: string, d: KnowledgeDiff, lang: 'en' | 'da' = 'en'): string {
  const da = lang === 'da';
  const list = (ids: string[]) => (ids.length ? ids.join(', ') : da ? 'ingen' : 'none');
  const lines = [
    `${da ? 'Version' : 'Version'}: ${before} → ${after}${before === after ? (da ? ' (uændret)' : ' (unchanged)') : ''}`,
    `${da ? 'Tilføjet' : 'Added'}: ${list(d.added)}`,
    `${da ? 'Ændret' : 'Changed'}: ${list(d.changed)}`,
    `${da ? 'Fjernet' : 'Removed'}: ${list(d.removed)}`,
  ];
  if (d.shortcutsAdded.length || d.shortcutsRemoved.length) {
    lines.push(`${da ? 'Genveje' : 'Shortcuts'}: ${[...d.shortcutsAdded.map((s) => `+${s}`), ...d.shortcutsRemoved.map((s) => `-${s}`)].join(', ')}`);
  }
  if (d.sourcesChanged) lines.push(da ? 'Kilderegistret er ændret.' : 'The source registry changed.');
  return lines.join('\n');
}
