/**
 * "Not applicable": an analysis that cannot say anything about this data (a table it needs is
 * missing, or the data holds nothing it measures) returns an empty result that says why, instead
 * of failing. The notebook shows it, and every cell depending on it, as not applicable.
 */
import { hasTable, type DatasetProfile } from '../model/profile.ts';
import type { AnalysisDefinition, AnalysisResult } from './types.ts';

/** An empty result that says why the analysis does not apply and which tables would make it apply. */
export function notApplicable(
  reason: string,
  needs: readonly string[] = [],
  notes: readonly string[] = [],
): AnalysisResult {
  return {
    tables: {},
    scalars: {},
    charts: [],
    findings: [],
    notes: notes.includes(reason) ? [...notes] : [...notes, reason],
    notApplicable: { reason, needs: [...needs] },
  };
}

/** The result for an analysis whose required tables the dataset lacks, or null when it has them all. */
export function missingRequired(
  def: Pick<AnalysisDefinition, 'title' | 'requires' | 'missingNote'>,
  profile: DatasetProfile,
): AnalysisResult | null {
  const missing = def.requires.filter((t) => !hasTable(profile, t));
  if (missing.length === 0) return null;
  const names = missing.map((t) => `\`${t}\``).join(' and ');
  const reason =
    def.missingNote ??
    `${def.title} needs ${missing.length > 1 ? 'the tables' : 'a table'} ${names}, which this dataset does not have. Import ${missing.length > 1 ? 'them' : 'it'} with the import wizard (Data → Import), mapping ${missing.length > 1 ? 'their' : 'its'} columns onto ${names}.`;
  return notApplicable(reason, missing);
}
