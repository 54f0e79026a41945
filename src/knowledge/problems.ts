// A problem found in the knowledge files, located as precisely as we can:
// file, line, entry id and field, so an admin can go straight to it.
export interface Problem {
  severity: 'error' | 'warning';
  file: string;
  line?: number;
  entry?: string;
  field?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const what = [p.entry && `entry "${p.entry}"`, p.field && `field "${p.field}"`].filter(Boolean).join(', ');
  return `${p.severity}: ${where}${what ? ` (${what})` : ''}: ${p.message}`;
}

/** A heading and one problem a line: how every command reports knowledge it cannot use. */
export function formatProblems(heading: string, problems: readonly Problem[]): string {
  return `${heading}\n${problems.map(formatProblem).join('\n')}\n`;
}

/** Thrown when the knowledge files cannot be served; carries every problem at once. */
export class KnowledgeError extends Error {
  constructor(readonly problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(`knowledge base is invalid (${errors.length} problem${errors.length === 1 ? '' : 's'}):\n${errors.map(formatProblem).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}
