import { canonicalTables } from '../../model/schema.ts';
import { parseAnalysisBody } from './analysis-cell.ts';
import { parseChartSpec } from './chart-cell.ts';
import { parseFrontMatter, splitFrontMatter } from './front-matter.ts';
import { parseInputSpec } from './input-cell.ts';
import { findInterpolations } from './interpolation.ts';
import { sqlIdentifiers, sqlParameters } from './sql-scan.ts';
import { cellId, type Cell, type CellKind, type CellLayout, type Notebook, type Reference } from './types.ts';
import { parseYamlMapping } from './yaml-body.ts';

/** Cell kinds written as fenced blocks; any other fence (```js, ```text) stays part of the prose. */
export const fencedKinds = ['sql', 'input', 'chart', 'analysis'] as const;

const cellOpen = /^(`{3,}|~{3,})[ \t]*(sql|input|chart|analysis)(?=[ \t\r\n]|$)[ \t]*([^\r\n]*?)[ \t]*\r?\n?$/;
const otherFence = /^ {0,3}(`{3,}|~{3,})/;
const blank = /^[ \t]*\r?\n?$/;
/** What a cell name may look like: it becomes a table name and a parameter name. */
export const namePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface RawCell {
  kind: CellKind;
  name: string | null;
  extra: string;
  source: string;
  line: number;
  layout: CellLayout;
}

/**
 * Parses a notebook file. Never throws: problems are reported on the cell they concern (`issues`)
 * or on the notebook, so a broken notebook still opens, shows its errors and saves unchanged.
 */
export function parseNotebook(text: string): Notebook {
  const fm = splitFrontMatter(text);
  const { frontMatter, issues } = parseFrontMatter(fm.yaml, fm.raw !== '');
  const firstLine = countLines(fm.raw) + 1;
  const { raws, trailing } = splitCells(fm.rest, firstLine);
  const cells = raws.map((r, i) => buildCell(r, raws.slice(0, i)));
  // Ids must stay unique even when names clash (the clash itself is reported by resolveNotebookReferences).
  const seen = new Map<string, number>();
  for (const cell of cells) {
    const n = (seen.get(cell.id) ?? 0) + 1;
    seen.set(cell.id, n);
    if (n > 1) cell.id = cellId(`${cell.id}#${n}`);
  }
  resolveNotebookReferences(cells);
  return { frontMatter, cells, issues, layout: { frontMatterRaw: fm.raw, trailing } };
}

function countLines(s: string): number {
  return (s.match(/\n/g) ?? []).length;
}

/** Cuts the body of the file into prose chunks and fenced cells, keeping every byte. */
function splitCells(rest: string, firstLine: number): { raws: RawCell[]; trailing: string } {
  const lines = rest.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const raws: RawCell[] = [];
  let gap = '';
  let prose: string[] = [];
  let proseLine = 0;
  const flushProse = () => {
    let end = prose.length;
    while (end > 0 && blank.test(prose[end - 1]!)) end--;
    if (end > 0) {
      raws.push({
        kind: 'prose',
        name: null,
        extra: '',
        source: prose.slice(0, end).join(''),
        line: proseLine,
        layout: { gap },
      });
      gap = '';
    }
    gap += prose.slice(end).join('');
    prose = [];
  };
  const addProse = (line: string, at: number) => {
    if (prose.length === 0 && blank.test(line)) {
      gap += line;
      return;
    }
    if (prose.length === 0) proseLine = at;
    prose.push(line);
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const at = firstLine + i;
    const open = cellOpen.exec(line);
    if (open) {
      flushProse();
      const marker = open[1]!;
      const body: string[] = [];
      let close: string | undefined;
      i++;
      while (i < lines.length) {
        const l = lines[i]!;
        i++;
        if (new RegExp(`^${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*\\r?\\n?$`).test(l)) {
          close = l;
          break;
        }
        body.push(l);
      }
      const [name, ...more] = open[3]!.split(/[ \t]+/).filter(Boolean);
      raws.push({
        kind: open[2] as CellKind,
        name: name ?? null,
        extra: more.join(' '),
        source: body.join(''),
        line: at,
        layout: { gap, open: line, close: close ?? '' },
      });
      gap = '';
      continue;
    }
    const fence = otherFence.exec(line);
    addProse(line, at);
    i++;
    if (fence) {
      // A code block inside prose: keep it whole so a fence-like line inside it is not a cell.
      const closing = new RegExp(`^ {0,3}${fence[1]![0] === '`' ? '`' : '~'}{${fence[1]!.length},}[ \\t]*\\r?\\n?$`);
      while (i < lines.length) {
        const l = lines[i]!;
        addProse(l, firstLine + i);
        i++;
        if (closing.test(l)) break;
      }
    }
  }
  flushProse();
  return { raws, trailing: gap };
}

function buildCell(raw: RawCell, before: RawCell[]): Cell {
  const label = raw.name ? `${raw.kind} ${raw.name}` : `${raw.kind} on line ${raw.line}`;
  const issues: string[] = [];
  if (raw.kind !== 'prose') {
    if (raw.layout.close === '') issues.push(`${label}: the fence opened on line ${raw.line} is never closed`);
    if (raw.extra)
      issues.push(`${label}: unexpected text after the name: "${raw.extra}" (write \`${raw.kind} <name>\`)`);
    if (raw.name !== null && !namePattern.test(raw.name)) {
      issues.push(`${label}: invalid name "${raw.name}" (use letters, digits and _; start with a letter)`);
    }
    if (raw.name === null && raw.kind !== 'chart') issues.push(`${label}: missing name (write \`${raw.kind} <name>\`)`);
  }
  const unnamedIndex = before.filter((b) => b.kind === raw.kind && b.name === null).length + 1;
  const base = {
    id: cellId(raw.name ?? `${raw.kind}#${unnamedIndex}`),
    name: raw.name,
    source: raw.source,
    declares: raw.name && raw.kind !== 'prose' ? [raw.name] : [],
    references: [] as Reference[],
    issues,
    line: raw.line,
    layout: raw.layout,
  };
  switch (raw.kind) {
    case 'prose':
      base.references = findInterpolations(raw.source).map((p) => ({
        name: p.name,
        ...(p.member ? { member: p.member } : {}),
        via: 'interpolation' as const,
      }));
      return { kind: 'prose', ...base };
    case 'sql':
      if (raw.name && canonicalTables.some((t) => t.name === raw.name)) {
        issues.push(`${label}: the name would hide the data table ${raw.name}; choose another name`);
      }
      base.references = sqlParameters(raw.source).map((p) => ({
        name: p.name,
        ...(p.member ? { member: p.member } : {}),
        via: 'param' as const,
      }));
      return { kind: 'sql', ...base, parameters: [...new Set(sqlParameters(raw.source).map((p) => p.name))] };
    case 'input': {
      const body = parseYamlMapping(raw.source, label);
      if (body.issue) issues.push(body.issue);
      const { spec, issues: more } = body.issue ? { spec: null, issues: [] } : parseInputSpec(body.value, label);
      issues.push(...more);
      if (spec?.optionsFrom)
        base.references = [{ name: spec.optionsFrom.cell, member: spec.optionsFrom.column, via: 'options' }];
      return { kind: 'input', ...base, spec: more.length ? null : spec };
    }
    case 'chart': {
      const body = parseYamlMapping(raw.source, label);
      if (body.issue) issues.push(body.issue);
      const parsed = body.issue ? { spec: null, references: [], issues: [] } : parseChartSpec(body.value, label);
      issues.push(...parsed.issues);
      base.references = parsed.references;
      return { kind: 'chart', ...base, spec: parsed.spec };
    }
    case 'analysis': {
      const body = parseYamlMapping(raw.source, label);
      if (body.issue) issues.push(body.issue);
      const parsed = parseAnalysisBody(body.value, label);
      if (!body.issue) issues.push(...parsed.issues);
      base.references = parsed.references;
      return { kind: 'analysis', ...base, analysis: parsed.analysis, options: parsed.options };
    }
  }
}

/**
 * Adds the references that need the whole notebook to see: identifiers in SQL that name a sql
 * cell (`top_regions`) or an analysis table (`whale_curve` for analysis `whale`), and duplicate names.
 */
function resolveNotebookReferences(cells: Cell[]): void {
  const owner = new Map<string, Cell>();
  for (const cell of cells) {
    if (!cell.name || cell.kind === 'prose') continue;
    const prev = owner.get(cell.name);
    if (prev)
      cell.issues.push(
        `${cell.kind} ${cell.name}: the name is already used by the ${prev.kind} cell on line ${prev.line}`,
      );
    else owner.set(cell.name, cell);
  }
  const analyses = cells.filter((c) => c.kind === 'analysis' && c.name).map((c) => c.name!);
  for (const cell of cells) {
    if (cell.kind !== 'sql') continue;
    for (const ident of sqlIdentifiers(cell.source)) {
      if (ident === cell.name) continue;
      const target = owner.get(ident);
      if (target?.kind === 'sql') {
        if (!cell.references.some((r) => r.name === ident && r.via === 'table'))
          cell.references.push({ name: ident, via: 'table' });
        continue;
      }
      const a = analyses.find((name) => ident.startsWith(`${name}_`) && ident.length > name.length + 1);
      if (a && !cell.references.some((r) => r.name === a && r.member === ident.slice(a.length + 1))) {
        cell.references.push({ name: a, member: ident.slice(a.length + 1), via: 'table' });
      }
    }
  }
}
