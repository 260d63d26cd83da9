// Notebook prose rendering: Markdown → safe HTML with {…} interpolation. Payloads that would run
// script if passed through must come out as inert, escaped text — in prose and in data values.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNotebook } from '../../src/notebook/format/index.ts';
import { nodeDocument } from '../../src/charts/render-node.ts';
import { findInterpolations, formatValue, renderMarkdown } from '../../src/notebook/markdown.ts';

const payloads = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '<svg onload=alert(1)>'];

/** Parses HTML like a browser would and lists anything that could run script. */
function activeContent(html: string): string[] {
  const body = nodeDocument().createElement('div');
  body.innerHTML = html;
  const found: string[] = [];
  for (const el of body.querySelectorAll('*')) {
    if (['SCRIPT', 'IMG', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'svg'].includes(el.tagName)) found.push(el.tagName);
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) found.push(`${el.tagName}[${attr.name}]`);
      if (/^\s*(javascript|data|vbscript):/i.test(attr.value)) found.push(`${el.tagName}[${attr.name}=${attr.value}]`);
    }
  }
  return found;
}

const values = {
  margin: 0.35,
  whale: { top20_share: 1.38, peak_customers: 0.2, customers: 12345, label: 'Top 20%' },
  'flat.key': 7,
  evil: { name: payloads.join(' ') },
  when: new Date(Date.UTC(2024, 2, 1)),
};

describe('renderMarkdown: interpolation', () => {
  it.each([
    ['{margin:.0%}', '35%'],
    ['{whale.top20_share:%}', '138%'],
    ['{whale.top20_share}', '1.38'],
    ['{whale.customers}', '12,345'],
    ['{whale.customers:,d}', '12,345'],
    ['{whale.label}', 'Top 20%'],
    ['{flat.key}', '7'],
    ['{when}', '2024-03-01'],
    ['{when:time:%b %Y}', 'Mar 2024'],
  ])('%s → %s', (source, expected) => {
    const { html, unknown, problems } = renderMarkdown(`Value: ${source}.`, { values });
    expect(html).toBe(`<p>Value: <span class="nb-value">${expected}</span>.</p>\n`);
    expect(unknown).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows and reports unknown names instead of leaving a blank', () => {
    const { html, unknown } = renderMarkdown('Top share: {whale.top_share:%}, again {whale.top_share}, {nope}.', {
      values,
    });
    expect(html).toContain('<span class="nb-unknown">⟨unknown: whale.top_share⟩</span>');
    expect(html).toContain('⟨unknown: nope⟩');
    expect(unknown).toEqual(['whale.top_share', 'nope']);
  });

  it('never reaches into prototypes', () => {
    const { unknown } = renderMarkdown('{constructor} {whale.__proto__} {toString}', { values });
    expect(unknown).toEqual(['constructor', 'whale.__proto__', 'toString']);
  });

  it('reports a bad format and a table where a value was expected', () => {
    const { html, problems } = renderMarkdown('{margin:zz} {whale}', { values });
    expect(html).toContain('⟨invalid format: margin:zz⟩');
    expect(html).toContain('⟨not a single value: whale⟩');
    expect(problems).toHaveLength(2);
  });

  it('leaves braces in code and non-references alone', () => {
    const { html, unknown } = renderMarkdown('`{margin}` and {x: 1} and {}\n\n```\n{margin}\n```', { values });
    expect(html).toContain('<code>{margin}</code>');
    expect(html).toContain('{x: 1} and {}');
    expect(html).toContain('<pre><code>{margin}\n</code></pre>');
    expect(unknown).toEqual([]);
  });

  it('accepts a lookup function', () => {
    const { html } = renderMarkdown('{a.b:.1f}', { values: (ref) => (ref.key === 'a.b' ? 2.25 : undefined) });
    expect(html).toContain('>2.3<');
  });

  it('lists references outside code for dependency tracking', () => {
    expect(findInterpolations('A {margin:.0%} and {whale.top20_share} but not `{skip}`')).toEqual([
      { name: 'margin', path: [], key: 'margin', format: '.0%' },
      { name: 'whale', path: ['top20_share'], key: 'whale.top20_share' },
    ]);
  });
});

describe('renderMarkdown: safety', () => {
  it.each(payloads)('escapes raw HTML in prose: %s', (payload) => {
    const { html } = renderMarkdown(`Hello ${payload} world\n\n${payload}`);
    expect(activeContent(html)).toEqual([]);
    expect(html).toContain(payload.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });

  it('escapes payloads inside interpolated data values', () => {
    const { html } = renderMarkdown('Customer: **{evil.name}**', { values });
    expect(activeContent(html)).toEqual([]);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it.each([
    ['[x](javascript:alert(1))', false],
    ['[x](JaVaScRiPt:alert(1))', false],
    ['[x](javascript&#58;alert(1))', false],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', false],
    ['[x](vbscript:msgbox)', false],
    ['[x](https://example.com/a)', true],
    ['[x](mailto:a@example.com)', true],
    ['[x](#section)', true],
    ['[x](other.md)', true],
  ])('link %s allowed: %s', (source, allowed) => {
    const { html } = renderMarkdown(source);
    expect(activeContent(html)).toEqual([]);
    expect(html.includes('<a href=')).toBe(allowed);
    if (allowed) expect(html).toContain('rel="noopener noreferrer"');
  });

  it('does not load images from other origins or data: URLs', () => {
    const { html } = renderMarkdown('![tracker](https://evil.example/p.gif?q=1) ![inline](data:image/png;base64,AAAA)');
    expect(html).not.toContain('<img');
    expect(html).toContain('⟨image not loaded: tracker⟩');
  });

  it('keeps Markdown features prose needs: emphasis, lists, tables', () => {
    const { html } = renderMarkdown('**bold** _em_\n\n- a\n- b\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<li>a</li>');
    expect(html).toContain('<td>1</td>');
  });
});

describe('formatValue', () => {
  it.each([
    [2024, undefined, '2024'],
    [12345, undefined, '12,345'],
    [0.123456, undefined, '0.1235'],
    [991912.345, undefined, '991,912'],
    [1294123.9, undefined, '1,294,124'],
    [-12.3456, undefined, '−12.35'],
    [1.5e-7, undefined, '0.00000015'],
    [3.2e21 + 0.5, undefined, '3,200,000,000,000,000,000,000'],
    [null, undefined, '—'],
    [true, undefined, 'true'],
    [new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), undefined, '2024-01-02 03:04:05'],
    [1234.5, '$,.0f', '$1,235'],
  ] as const)('%s (%s) → %s', (value, format, expected) => {
    expect(formatValue(value, format)).toBe(expected);
  });
});

describe('renderMarkdown: bold next to Chinese punctuation', () => {
  it.each([
    ['**前 20%**，贡献了大部分利润', '<strong>前 20%</strong>，贡献了大部分利润'],
    ['利润占比为**{whale.top20_share:.0%}**。', /利润占比为<strong><span[^>]*>138%<\/span><\/strong>。/],
    ['「**滿意**」不等於忠誠', '「<strong>滿意</strong>」不等於忠誠'],
    ['The **top 20%**, in English', 'The <strong>top 20%</strong>, in English'],
  ] as const)('%s', (source, html) => {
    const out = renderMarkdown(source, { values }).html;
    if (typeof html === 'string') expect(out).toContain(html);
    else expect(out).toMatch(html);
    expect(out).not.toContain('**');
  });

  it('no built-in notebook renders a literal ** in its prose', () => {
    const dir = path.resolve(import.meta.dirname, '../../notebooks');
    const left: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const nb = parseNotebook(readFileSync(path.join(dir, file), 'utf8'));
      for (const cell of nb.cells)
        if (cell.kind === 'prose' && renderMarkdown(cell.source, { values: () => 1 }).html.includes('**'))
          left.push(`${file}:${cell.line}`);
    }
    expect(left).toEqual([]);
  });
});
