/** How deep an input may nest; no procedure's input goes past 4. */
export const MAX_INPUT_DEPTH = 16;

/**
 * Why an input cannot be stored as text, or null when it can: Postgres refuses NUL characters
 * in text and turns lone UTF-16 surrogates into U+FFFD, so either would fail a command with a
 * 500 or change what was typed. Checked on every procedure's raw input, before its schema,
 * without recursion (a hostile input may nest deeper than the stack).
 */
export function textProblem(input: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value: input, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = stringProblem(value);
      if (problem) return problem;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH) return `Input is nested more than ${MAX_INPUT_DEPTH} levels deep`;
    const entries = Array.isArray(value) ? value : Object.entries(value).flat();
    for (const child of entries) stack.push({ value: child, depth: depth + 1 });
  }
  return null;
}

/** With the `u` flag a paired surrogate is one code point, so only lone halves match. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function stringProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'Text may not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'Text must be well-formed Unicode (it contains a lone surrogate)';
  return null;
}
