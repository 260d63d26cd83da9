import type { ChartSpec, MarkType } from '../../charts/spec.ts';
import { MARK_TYPES } from '../../charts/validate.ts';
import type { Reference } from './types.ts';
import { unknownKeys } from './yaml-body.ts';

/** Mark types a chart cell may use: the renderer's own list (src/charts/validate.ts). */
export const markTypes: readonly MarkType[] = MARK_TYPES;

const chartKeys = [
  'id',
  'title',
  'subtitle',
  'caption',
  'data',
  'width',
  'height',
  'marginLeft',
  'marginRight',
  'marginTop',
  'marginBottom',
  'x',
  'y',
  'color',
  'fx',
  'fy',
  'marks',
];

const dataName = /^([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?$/;

/**
 * Validates a chart cell's YAML mapping as a `ChartSpec` and lists the results it draws
 * (`data:` of the chart and of each mark; `cell.table` for analysis tables).
 * Deeper checks (channels, scales) happen when the chart renders.
 */
export function parseChartSpec(
  raw: Record<string, unknown>,
  label: string,
): { spec: ChartSpec | null; references: Reference[]; issues: string[] } {
  const issues = unknownKeys(raw, chartKeys, label);
  const references: Reference[] = [];
  const addData = (value: unknown, where: string) => {
    if (value === undefined) return;
    const m = typeof value === 'string' ? dataName.exec(value.trim()) : null;
    if (!m) {
      issues.push(
        `${label}: ${where} must name a result (sql_cell or analysis_cell.table), got ${JSON.stringify(value)}`,
      );
      return;
    }
    if (!references.some((r) => r.name === m[1] && r.member === m[2])) {
      references.push({ name: m[1]!, ...(m[2] ? { member: m[2] } : {}), via: 'data' });
    }
  };
  addData(raw.data, 'data');
  const marks = raw.marks;
  if (!Array.isArray(marks) || marks.length === 0) {
    issues.push(`${label}: marks must be a non-empty list, e.g. - { type: barY, x: region, y: customers }`);
    return { spec: null, references, issues };
  }
  marks.forEach((mark, i) => {
    if (!mark || typeof mark !== 'object' || Array.isArray(mark)) {
      issues.push(`${label}: mark ${i + 1} must be a mapping with a type`);
      return;
    }
    const { type, data, rows } = mark as { type?: unknown; data?: unknown; rows?: unknown };
    if (typeof type !== 'string' || !(markTypes as readonly string[]).includes(type)) {
      issues.push(
        `${label}: mark ${i + 1}: unknown mark type ${JSON.stringify(type)} (expected one of ${markTypes.join(', ')})`,
      );
    }
    addData(data, `mark ${i + 1} data`);
    if (
      raw.data === undefined &&
      data === undefined &&
      rows === undefined &&
      !['ruleX', 'ruleY', 'frame'].includes(String(type))
    ) {
      issues.push(`${label}: mark ${i + 1} has no data: give the chart a data: or the mark data:/rows:`);
    }
  });
  return { spec: issues.length ? null : (raw as unknown as ChartSpec), references, issues };
}
