/**
 * Text width estimates for layout without a browser. jsdom (CLI, tests) cannot measure text,
 * and results must be identical in Node and the browser, so widths are estimated from character
 * classes instead of measured: ~0.58em for Latin lower case (wide enough for DejaVu Sans, the
 * widest common fallback), 1em for CJK ideographs and full-width forms.
 */

/** Estimated width in px of `text` at `fontSize`. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let latin = 0;
  let cjk = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x2e80) cjk += 1;
    else if (/[A-Z0-9%$€£¥@#&MW]/.test(char)) latin += 0.64;
    else if (/[il.,:;'|!\s]/.test(char)) latin += 0.3;
    else latin += 0.58;
  }
  // Bold (700) Latin text is about 13% wider than regular in the page's fallback fonts (measured in
  // Chromium: 926 vs 822 px for a 20 px chart title); ideographs keep their square em.
  return (latin * (bold ? BOLD_LATIN : 1) + cjk) * fontSize;
}

/** How much wider bold Latin text is than regular (see `textWidth`). */
const BOLD_LATIN = 1.13;

/** Splits `text` into lines no wider than `maxWidth` (breaking at spaces, or anywhere in CJK runs). */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    // Tokens: words with their trailing space, or single CJK characters (which may break anywhere).
    const tokens = paragraph.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+/g) ?? [''];
    let line = '';
    for (const token of tokens) {
      if (line !== '' && textWidth((line + token).trimEnd(), fontSize, bold) > maxWidth) {
        lines.push(line.trimEnd());
        line = token.trimStart();
      } else {
        line += token;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
