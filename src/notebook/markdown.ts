/**
 * Notebook prose → safe HTML, in the browser and in Node alike (no DOM needed).
 *
 * Safety (design §7, "safe to open anything"): raw HTML in prose is escaped, never passed
 * through (markdown-it `html: false`); links may only be http(s), mailto, in-page or relative;
 * images from another origin are not loaded (a stranger's notebook could otherwise leak that it
 * was opened); interpolated values are escaped like any other text.
 *
 * Interpolation: `{name}`, `{name.path}` and `{name.path:format}` in prose show a parameter or
 * an analysis scalar, formatted with a d3-format string (see `src/format/specifier.ts`). An unknown
 * name shows a visible marker `⟨unknown: whale.top_share⟩` and is reported, never silently blank.
 * Braces inside code spans and code blocks are left alone.
 */
import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import type { StateInline, Token } from 'markdown-it';
import { compileFormat } from '../format/specifier.ts';

/** One `{…}` reference in prose. */
export interface InterpolationRef {
  /** First segment: an input name or an analysis cell name. */
  name: string;
  /** Further segments, e.g. `['top20_share']` for `{whale.top20_share}`. */
  path: string[];
  /** The format after the colon, if any (d3-format, or `time:` + d3-time-format). */
  format?: string;
  /** The reference as written, without braces and format: `whale.top20_share`. */
  key: string;
}

/**
 * Where interpolated values come from: an object (`{ margin: 0.35, whale: { top20_share: 1.38 } }`,
 * flat dotted keys like `'whale.top20_share'` also work) or a function returning `undefined`
 * for an unknown reference.
 */
export type InterpolationScope = Readonly<Record<string, unknown>> | ((ref: InterpolationRef) => unknown);

/** Options of `renderMarkdown`. */
export interface RenderMarkdownOptions {
  /** Values for `{…}` references; without it every reference is unknown. */
  values?: InterpolationScope;
}

/** Result of `renderMarkdown`. */
export interface MarkdownResult {
  /** Safe HTML. */
  html: string;
  /** References that named nothing in scope, as written (`whale.top_share`), in order of first use. */
  unknown: string[];
  /** Other interpolation problems (bad format, a table where a single value was expected). */
  problems: string[];
}

/** Matches `{name}`, `{name.path}`, `{name.path:format}`; a format may not start with a space. */
const REFERENCE = /^\{([A-Za-z_][\w]*)((?:\.[\w]+)*)(?::([^\s{}][^{}\n]*))?\}/;
/** Link schemes allowed in prose; anything else with a scheme (javascript:, data:, vbscript:…) is refused. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);
const NOT_FOUND = Symbol('not found');

/** markdown-it's per-render `env`: carries the scope in and the findings out. */
interface RenderEnv {
  [key: string | symbol]: unknown;
  values: InterpolationScope | undefined;
  unknown: string[];
  problems: string[];
  refs: InterpolationRef[];
}

const md = createMarkdown();

/** Renders notebook prose to safe HTML, interpolating `{…}` references from `options.values`. */
export function renderMarkdown(source: string, options: RenderMarkdownOptions = {}): MarkdownResult {
  const env: RenderEnv = { values: options.values, unknown: [], problems: [], refs: [] };
  const html = md.render(source, env);
  return { html, unknown: env.unknown, problems: env.problems };
}

/** Lists the `{…}` references in prose (outside code), e.g. for a notebook's dependency graph. */
export function findInterpolations(source: string): InterpolationRef[] {
  const env: RenderEnv = { values: undefined, unknown: [], problems: [], refs: [] };
  md.parse(source, env);
  return env.refs;
}

/** Plain number formats for prose values without a format (never exponent notation). */
const plainWhole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const plainTwo = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const plainSmall = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/**
 * Formats one interpolated value. Numbers use `format` when given; otherwise integers print
 * as is (grouped from 10,000 up, so a year stays `2024`); fractions in whole units from 10,000,
 * two decimals from 1, four significant digits below — never in exponent notation.
 */
export function formatValue(value: unknown, format?: string): string {
  if (value === null || value === undefined) return '—';
  if (format !== undefined) return compileFormat(format)(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    if (Number.isInteger(value)) return Math.abs(value) >= 10_000 ? compileFormat(',d')(value) : String(value);
    // Never exponent notation (d3's `g` writes 991912.3 as 9.919e+5): whole units from 10,000,
    // two decimals from 1, four significant digits below.
    const abs = Math.abs(value);
    const f = abs >= 10_000 ? plainWhole : abs >= 1 ? plainTwo : plainSmall;
    return f.format(value).replace('-', '−');
  }
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- text and booleans; objects never reach a prose value
  return String(value);
}

function createMarkdown(): InstanceType<typeof MarkdownIt> {
  const instance = new MarkdownIt({ html: false, linkify: false, typographer: false });
  // CommonMark's flanking rules leave `**前 20%**，` and `比例为**{x}**。` as literal asterisks: a
  // `**` between a CJK character and punctuation is neither left- nor right-flanking. The plugin
  // (the CommonMark proposal's reference implementation) lets CJK text count as a word boundary.
  instance.use(cjkFriendly);
  instance.validateLink = isSafeLink;
  instance.inline.ruler.before('escape', 'interpolation', interpolationRule);
  instance.renderer.rules.interpolation = (tokens, i, _options, env) =>
    renderReference(tokens[i]!, env as unknown as RenderEnv);
  const escape = instance.utils.escapeHtml;
  instance.renderer.rules.image = (tokens, i, options, env, self) => {
    const token = tokens[i]!;
    const src = String(token.attrGet('src') ?? '');
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src.trim())) {
      return `<span class="nb-blocked">⟨image not loaded: ${escape(alt || src)}⟩</span>`;
    }
    token.attrSet('alt', alt);
    return self.renderToken(tokens, i, options);
  };
  instance.renderer.rules.link_open = (tokens, i, options, _env, self) => {
    tokens[i]!.attrSet('rel', 'noopener noreferrer');
    return self.renderToken(tokens, i, options);
  };
  return instance;
}

function isSafeLink(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim());
  return scheme === null || SAFE_SCHEMES.has(scheme[1]!.toLowerCase());
}

function interpolationRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x7b /* { */) return false;
  const match = REFERENCE.exec(state.src.slice(state.pos));
  if (match === null) return false;
  if (!silent) {
    const path = match[2] === '' || match[2] === undefined ? [] : match[2].slice(1).split('.');
    const ref: InterpolationRef = { name: match[1]!, path, key: [match[1]!, ...path].join('.') };
    if (match[3] !== undefined) ref.format = match[3];
    const token = state.push('interpolation', '', 0);
    token.meta = ref as unknown as Record<string, unknown>;
    (state.env as unknown as RenderEnv).refs.push(ref);
  }
  state.pos += match[0].length;
  return true;
}

function renderReference(token: Token, env: RenderEnv): string {
  const ref = token.meta as unknown as InterpolationRef;
  const escape = md.utils.escapeHtml;
  const value = lookup(env.values, ref);
  if (value === NOT_FOUND) {
    if (!env.unknown.includes(ref.key)) env.unknown.push(ref.key);
    return `<span class="nb-unknown">⟨unknown: ${escape(ref.key)}⟩</span>`;
  }
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    env.problems.push(`{${ref.key}} is not a single value`);
    return `<span class="nb-unknown">⟨not a single value: ${escape(ref.key)}⟩</span>`;
  }
  let text: string;
  try {
    text = formatValue(value, ref.format);
  } catch (cause) {
    env.problems.push(`{${ref.key}:${ref.format}}: ${(cause as Error).message}`);
    return `<span class="nb-unknown">⟨invalid format: ${escape(ref.key)}:${escape(ref.format ?? '')}⟩</span>`;
  }
  return `<span class="nb-value">${escape(text)}</span>`;
}

function lookup(values: InterpolationScope | undefined, ref: InterpolationRef): unknown {
  if (values === undefined) return NOT_FOUND;
  if (typeof values === 'function') {
    const value = values(ref);
    return value === undefined ? NOT_FOUND : value;
  }
  // Own properties only: `{constructor}` or `{x.__proto__}` must not reach into prototypes.
  if (Object.hasOwn(values, ref.key)) return values[ref.key];
  let current: unknown = values;
  for (const segment of [ref.name, ...ref.path]) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return NOT_FOUND;
    current = (current as Record<string, unknown>)[segment];
  }
  return current === undefined ? NOT_FOUND : current;
}
