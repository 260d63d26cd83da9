/**
 * Finds `{name}`, `{cell.member}` and `{name:format}` interpolations in prose. Code (inline
 * backticks and fenced blocks) is skipped so SQL or JSON shown in prose is left alone.
 * The format after the colon is a d3-format string (`%`, `.1%`, `$,.0f`, `,d`).
 */

/** One interpolation in prose. */
export interface Interpolation {
  /** Offsets of the whole `{…}` in the prose text. */
  start: number;
  end: number;
  name: string;
  member?: string;
  format?: string;
}

const pattern = /\{([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?(?::([^{}\n]+))?\}/g;

/** All interpolations in a piece of Markdown, in order. */
export function findInterpolations(markdown: string): Interpolation[] {
  const out: Interpolation[] = [];
  const code = codeRanges(markdown);
  for (const m of markdown.matchAll(pattern)) {
    const start = m.index;
    if (code.some(([a, b]) => start >= a && start < b)) continue;
    out.push({
      start,
      end: start + m[0].length,
      name: m[1]!,
      ...(m[2] ? { member: m[2] } : {}),
      ...(m[3] ? { format: m[3] } : {}),
    });
  }
  return out;
}

/** Offsets covered by fenced code blocks and inline code spans. */
function codeRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const fence = /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[`~]*[ \t]*$|(?![\s\S]))/gm;
  for (const m of text.matchAll(fence)) ranges.push([m.index, m.index + m[0].length]);
  const inline = /(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g;
  for (const m of text.matchAll(inline)) {
    if (!ranges.some(([a, b]) => m.index >= a && m.index < b)) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}
