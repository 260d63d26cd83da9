import { toRows, type Cell as Value } from '../../sql/table.ts';
import { bindSqlParameters, singleQuery } from '../format/sql-scan.ts';
import { assertNever, type Cell, type InputValue, type SelectOption } from '../format/types.ts';
import type { NotebookEffects } from './effects.ts';
import type { DependencyGraph } from './graph.ts';
import type { CellOutput } from './state.ts';
import { parameterValue, resolveOptions } from './values.ts';

/** Limits on what a run reads back from the engine. */
export interface RunLimits {
  /** Rows kept as a sql cell's preview. */
  previewRows: number;
  /** Rows a chart reads from a sql result. */
  chartRows: number;
  /** Distinct values a select reads for its options. */
  optionRows: number;
}

/** What a cell run can see: the effects, current input values, and the outputs of cells it depends on. */
export interface RunContext {
  effects: NotebookEffects;
  inputs: Map<string, InputValue>;
  graph: DependencyGraph;
  outputOf(name: string): CellOutput | undefined;
  limits: RunLimits;
}

/** Runs one cell. Throws a plain-language Error on failure. */
export async function runCell(cell: Cell, ctx: RunContext): Promise<{ output: CellOutput; rowCount?: number }> {
  switch (cell.kind) {
    case 'sql': {
      const query = singleQuery(cell.source);
      const { sql, params } = bindSqlParameters(query, (p) => parameterValue(ctx.inputs, p.name, p.member));
      const r = await ctx.effects.runSql({ table: cell.name!, sql, params, previewRows: ctx.limits.previewRows });
      return {
        output: { kind: 'sql', table: cell.name!, columns: r.columns, rowCount: r.rowCount, preview: r.preview },
        rowCount: r.rowCount,
      };
    }
    case 'input':
      return { output: await runInput(cell, ctx) };
    case 'analysis': {
      const options = resolveOptions(cell.options, ctx.inputs) as Record<string, unknown>;
      // Result tables are named `<cell>_<table>`; the engine can keep them as tables where it
      // computed them, and only when it did not are they sent back in.
      const prefix = `${cell.name}_`;
      const names = (table: string) => `${prefix}${table}`;
      const { registered, ...result } = await ctx.effects.runAnalysis(cell.analysis!, options, prefix);
      const tables: Record<string, string> = {};
      for (const [name, table] of Object.entries(result.tables)) {
        tables[name] = names(name);
        if (!registered) await ctx.effects.registerTable(tables[name], table);
      }
      // Tables the engine kept whole (too large to send: e.g. every customer's scores) are SQL-only.
      if (registered) for (const name of Object.keys(result.engineTables ?? {})) tables[name] = names(name);
      const first = Object.values(result.tables)[0];
      return { output: { kind: 'analysis', result, tables }, ...(first ? { rowCount: first.rowCount } : {}) };
    }
    case 'chart': {
      const data: Record<string, ReturnType<typeof toRows>> = {};
      for (const ref of cell.references) {
        const key = ref.member ? `${ref.name}.${ref.member}` : ref.name;
        const out = ctx.outputOf(ref.name);
        if (out?.kind === 'sql') data[key] = toRows(await ctx.effects.readTable(out.table, ctx.limits.chartRows));
        else if (out?.kind === 'analysis') data[key] = toRows(analysisTable(ref.name, ref.member, out));
        else throw new Error(`${ref.name} has no result yet`);
      }
      return { output: { kind: 'chart', spec: cell.spec!, data } };
    }
    case 'prose': {
      const values: Record<string, Value | InputValue> = {};
      for (const ref of cell.references) {
        const key = ref.member ? `${ref.name}.${ref.member}` : ref.name;
        values[key] = interpolationValue(ref.name, ref.member, ctx);
      }
      return { output: { kind: 'prose', values } };
    }
    default:
      return assertNever(cell);
  }
}

async function runInput(cell: Extract<Cell, { kind: 'input' }>, ctx: RunContext): Promise<CellOutput> {
  const spec = cell.spec!;
  if (!spec.optionsFrom) {
    const value = ctx.inputs.get(cell.name!) ?? spec.value;
    return { kind: 'input', value, ...(spec.options ? { options: spec.options } : {}) };
  }
  const { cell: source, column } = spec.optionsFrom;
  const out = ctx.outputOf(source);
  if (out?.kind !== 'sql') throw new Error(`${source} has no result yet`);
  if (!out.columns.some((c) => c.name === column)) {
    throw new Error(`${source} has no column "${column}" (columns: ${out.columns.map((c) => c.name).join(', ')})`);
  }
  const rows = toRows(await ctx.effects.readTable(out.table, ctx.limits.optionRows));
  const seen = new Set<unknown>();
  const options: SelectOption[] = [];
  for (const row of rows) {
    const v = row[column];
    if (v === null || v === undefined) continue;
    const plain = v instanceof Date ? v.toISOString().slice(0, 10) : v;
    if (seen.has(plain)) continue;
    seen.add(plain);
    options.push({ value: plain, label: String(plain) });
  }
  // Keep the user's choice while the query still offers it; otherwise fall back to the first option.
  // (Read after the await: the user may have moved the control meanwhile. The runtime stores the value.)
  let value = ctx.inputs.get(cell.name!) ?? spec.value;
  if (!options.some((o) => o.value === value)) value = options[0]?.value ?? null;
  return { kind: 'input', value, options };
}

function analysisTable(name: string, member: string | undefined, out: Extract<CellOutput, { kind: 'analysis' }>) {
  const names = Object.keys(out.result.tables);
  const key = member ?? names[0];
  const table = key === undefined ? undefined : out.result.tables[key];
  if (!table) throw new Error(`${name} has no table "${member ?? ''}" (tables: ${names.join(', ') || 'none'})`);
  return table;
}

/** The value behind `{name}` or `{name.member}` in prose. */
function interpolationValue(name: string, member: string | undefined, ctx: RunContext): Value | InputValue {
  const owner = ctx.graph.owners.get(name);
  if (owner?.kind === 'input') {
    const value = ctx.inputs.get(name) ?? null;
    if (member === 'from' || member === 'to' || Array.isArray(value)) return parameterValue(ctx.inputs, name, member);
    if (member) throw new Error(`{${name}.${member}}: input ${name} has no member ${member}`);
    return value;
  }
  const out = ctx.outputOf(name);
  if (out?.kind === 'sql') {
    if (!member) return out.rowCount;
    if (!out.columns.some((c) => c.name === member)) {
      throw new Error(
        `{${name}.${member}}: ${name} has no column ${member} (columns: ${out.columns.map((c) => c.name).join(', ')})`,
      );
    }
    return out.preview.rowCount ? (toRows(out.preview)[0]![member] ?? null) : null;
  }
  if (out?.kind === 'analysis') {
    if (!member)
      throw new Error(`{${name}}: name a scalar, e.g. {${name}.${Object.keys(out.result.scalars)[0] ?? 'value'}}`);
    if (member in out.result.scalars) return out.result.scalars[member] ?? null;
    const finding = out.result.findings.find((f) => f.id === member);
    if (finding) return finding.value ?? null;
    throw new Error(
      `{${name}.${member}}: ${name} has no scalar ${member} (scalars: ${Object.keys(out.result.scalars).join(', ') || 'none'})`,
    );
  }
  throw new Error(`{${name}} has no value yet`);
}
