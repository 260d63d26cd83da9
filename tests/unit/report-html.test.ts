// The HTML report must open offline, run nothing and request nothing; data strings are text.
import { describe, expect, it } from 'vitest';
import { deckFont } from '../../src/ui/present/deck-font.ts';
import { nodeDocument, renderChartToSvgString } from '../../src/charts/render-node.ts';
import { renderMarkdown } from '../../src/notebook/markdown.ts';
import { renderHtmlReport, type HtmlReportInput } from '../../src/report/html.ts';
import { sanitizeProse, sanitizeSvg } from '../../src/report/sanitize.ts';
import { resolveFixture } from '../charts/fixtures.ts';

const PAYLOAD = '<img src=x onerror=alert(1)><script>alert(1)</script>';
function report(payload = PAYLOAD): HtmlReportInput {
  const chart = renderChartToSvgString(
    {
      title: 'Who really makes the profit?',
      data: 'whale_curve',
      y: { tickFormat: '%' },
      marks: [
        { type: 'line', x: 'customer_share', y: 'profit_share', options: { clip: true } },
        { type: 'text', rows: [{ x: 0.2, y: 1.38, t: payload }], x: 'x', y: 'y', text: 't' },
      ],
    },
    resolveFixture,
  );
  return {
    title: `Whale curve ${payload}`,
    description: 'Top customers & the rest',
    blocks: [
      {
        kind: 'prose',
        html: renderMarkdown(`The top 20% earn {share:%}. ${payload} ![logo](logo.png)`, { values: { share: 1.38 } })
          .html,
      },
      {
        kind: 'table',
        columns: [{ name: 'customer_id', type: 'VARCHAR' }, { name: 'profit', type: 'DOUBLE' }, 'signup'],
        rows: [{ customer_id: payload, profit: -1234.5, signup: new Date(Date.UTC(2024, 0, 31)) }, ['C2', 98765, null]],
        rowCount: 2500,
      },
      { kind: 'svg', svg: chart, title: 'Figure 1' },
      { kind: 'findings', items: [{ id: 'peak', text: `Top 20% earn 138% ${payload}`, value: 1.38 }, 'Plain finding'] },
      { kind: 'error', cell: 'top_regions', message: `Binder Error: column "${payload}" not found` },
    ],
  };
}

/** Parses the page like a browser and lists elements/attributes that could run or fetch. */
function activeContent(html: string): string[] {
  const doc = nodeDocument().implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '');
  const found: string[] = [];
  for (const el of doc.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'img', 'iframe', 'object', 'embed', 'link', 'image', 'use', 'foreignobject'].includes(tag))
      found.push(tag);
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on') || ['src', 'srcset', 'href', 'xlink:href'].includes(attr.name)) {
        found.push(`${tag}[${attr.name}]`);
      }
    }
  }
  return found;
}

describe('renderHtmlReport', () => {
  const html = renderHtmlReport(report());

  it('contains no script, no handler and no reference to anything outside the file', () => {
    // A clean report (no payload strings in the data, which would show up as escaped text).
    const clean = renderHtmlReport(report('Acme & Co. <Ltd>'));
    // `http-equiv` (the Content-Security-Policy meta) is the one allowed occurrence of "http".
    expect(clean.replace('http-equiv=', '')).not.toMatch(/http/i);
    expect(clean).not.toMatch(/src=/i);
    expect(clean).not.toMatch(/\/\/[a-z0-9-]+\./i); // protocol-relative URLs
    expect(clean).not.toMatch(/url\((?!#)/i); // url(#clip) is a reference inside the same SVG
    expect(clean).toMatch(/url\(#cw-[0-9a-z]+-1\)/);
    expect(html).not.toMatch(/<script/i);
    expect(activeContent(html)).toEqual([]);
    expect(html).toContain(`content="default-src 'none';`);
  });

  it('escapes data strings everywhere they appear', () => {
    const escaped = '&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(1)&lt;/script&gt;';
    expect(html).toContain(`<title>Whale curve ${escaped}</title>`);
    expect(html).toContain(`<td>${escaped}</td>`);
    expect(html).toContain(`Top 20% earn 138% ${escaped}</li>`);
    expect(html).toContain(`column &quot;${escaped}&quot; not found`);
    expect(html).toContain('<p class="lede">Top customers &amp; the rest</p>');
  });

  it('renders each block kind', () => {
    expect(html).toContain('The top 20% earn <span class="nb-value">138%</span>.');
    expect(html).toContain('<span class="blocked">⟨image: logo⟩</span>');
    expect(html).toContain('<td class="num">-1,234.5</td><td>2024-01-31</td>');
    expect(html).toContain('<td class="num">98,765</td><td class="null"></td>');
    expect(html).toContain('Showing the first 2 of 2,500 rows.');
    expect(html).toMatch(/<figure class="chart"><svg class="cw-chart"[^>]*>/);
    expect(html).toContain('<figcaption>Figure 1</figcaption>');
    expect(html).toContain('<li>Plain finding</li>');
    expect(html).toContain('<strong>Cell top_regions failed</strong>');
  });

  it('keeps the chart intact apart from its namespace declaration', () => {
    const svg = report().blocks.find((b) => b.kind === 'svg');
    const original = svg !== undefined && svg.kind === 'svg' ? svg.svg : '';
    expect(original).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(sanitizeSvg(original)).toBe(original.replace(' xmlns="http://www.w3.org/2000/svg"', ''));
  });

  it('is print-friendly', () => {
    expect(html).toContain('@media print');
    expect(html).toContain('break-inside: avoid');
  });

  it('names the system CJK fonts of the report’s script when it is Chinese (no web font)', () => {
    for (const [language, font, other] of [
      ['zh-Hans', '"PingFang SC"', '"PingFang TC"'],
      ['zh-Hant', '"PingFang TC"', '"PingFang SC"'],
    ] as const) {
      const page = renderHtmlReport({ ...report(), language });
      const doc = nodeDocument().implementation.createHTMLDocument('');
      doc.documentElement.innerHTML = page.replace(/^<!doctype html>/i, '');
      expect(page).toContain(`<html lang="${language}">`);
      const css = doc.querySelector('style')?.textContent ?? '';
      const rule = new RegExp(`:lang\\(${language}\\) body \\{[^}]*\\}`).exec(css)?.[0] ?? '';
      expect(rule).toContain(font);
      expect(rule).not.toContain(other);
      expect(rule).toContain('line-break: strict');
      expect(css).not.toMatch(/@font-face|url\(/);
    }
  });
});

describe('PowerPoint deck font', () => {
  it('names a CJK font of the deck’s script for Chinese decks, Arial otherwise', () => {
    expect(deckFont('zh-Hans')).toBe('Microsoft YaHei');
    expect(deckFont('zh-Hant')).toBe('Microsoft JhengHei');
    expect(deckFont('en')).toBe('Arial');
    expect(deckFont(undefined)).toBe('Arial');
  });
});

describe('sanitizers (defence in depth for fragments not made by our renderers)', () => {
  // Output is the parser's serialisation (DOMPurify over jsdom): empty SVG elements get a closing tag.
  it.each([
    ['<svg><script>alert(1)</script><rect onclick="alert(1)"/></svg>', '<svg><rect></rect></svg>'],
    ['<svg><image href="https://evil.example/x.png"/></svg>', '<svg><image></image></svg>'],
    [
      '<svg><rect fill="url(https://evil.example/#g)" clip-path="url(#c1)"/></svg>',
      '<svg><rect fill="none" clip-path="url(#c1)"></rect></svg>',
    ],
    ['<svg><text>option one=5 at url(x)</text></svg>', '<svg><text>option one=5 at url(x)</text></svg>'],
    // What a parser sees and a regular expression missed: `/` separates attributes, quotes may be single.
    ['<svg><rect/onclick="alert(1)"/></svg>', '<svg><rect></rect></svg>'],
    ["<svg><a href='javascript:alert(1)'><text>x</text></a></svg>", '<svg><a><text>x</text></a></svg>'],
    ["<svg><rect fill='url(https://evil.example/#g)'/></svg>", '<svg><rect fill="none"></rect></svg>'],
    ['<svg><use href="#c1"></use><use href="https://evil.example/s.svg#x"></use></svg>', '<svg></svg>'], // DOMPurify drops <use> altogether; charts never use it,
  ])('svg %s', (input, expected) => {
    expect(sanitizeSvg(input)).toBe(expected);
  });

  it.each([
    ['<p>a <img src="https://t.example/p.gif" alt="t"></p>', '<p>a <span class="blocked">⟨image: t⟩</span></p>'],
    ['<p><a href="javascript:alert(1)">x</a></p>', '<p><a>x</a></p>'],
    [
      '<p><a href="https://example.org/">a link stays</a></p>',
      '<p><a href="https://example.org/">a link stays</a></p>',
    ],
    ["<p><a href='javascript:alert(1)'>x</a></p>", '<p><a>x</a></p>'],
    ['<p><video/src="https://t.example/v.mp4"/autoplay></video>text</p>', '<p>text</p>'],
    ['<p style="background:url(https://t.example/p.gif)">hi</p>', '<p>hi</p>'],
    ['<p onmouseover="x()">hi</p>', '<p>hi</p>'],
    ['<iframe src="https://e.example"></iframe>', ''],
  ])('prose %s', (input, expected) => {
    expect(sanitizeProse(input)).toBe(expected);
  });
});
