/**
 * "Not applicable": an analysis that cannot say anything about this data (a table it needs is
 * missing, or the data holds nothing it measures) returns an empty result that says why, instead
 * of failing. The notebook shows it, and every cell depending on it, as not applicable.
 */
import { hasTable, type DatasetProfile } from '../model/profile.ts';
import { findingCatalogs, type FindingKey } from './messages/catalogs.ts';
import { list, term, text } from './messages/finding.ts';
import { fixedNote } from './messages/localise.ts';
import { note, noteFields, noteText, type Note } from './messages/notes.ts';
import type { AnalysisDefinition, AnalysisResult } from './types.ts';

/** An empty result that says why the analysis does not apply and which tables would make it apply. */
export function notApplicable(
  reason: Note,
  needs: readonly string[] = [],
  notes: readonly Note[] = [],
): AnalysisResult {
  // A fixed sentence of the catalogue (an analysis's `missingNote`) is a message too.
  const key = typeof reason === 'string' ? fixedNote(reason) : undefined;
  const reasonRef = typeof reason === 'string' ? (key ? note(key) : undefined) : reason;
  return {
    tables: {},
    scalars: {},
    charts: [],
    findings: [],
    ...noteFields(notes.includes(reason) ? notes : [...notes, reason]),
    notApplicable: {
      reason: noteText(reason),
      needs: [...needs],
      ...(reasonRef ? { reasonRef } : {}),
    },
  };
}

/** The result for an analysis whose required tables the dataset lacks, or null when it has them all. */
export function missingRequired(
  def: Pick<AnalysisDefinition, 'title' | 'requires' | 'missingNote'> & { id?: string },
  profile: DatasetProfile,
): AnalysisResult | null {
  const missing = def.requires.filter((t) => !hasTable(profile, t));
  if (missing.length === 0) return null;
  // The analysis by its name in the catalogue, the tables as code (`customers`).
  const titleKey = `analysis.${def.id ?? ''}`;
  const analysis = titleKey in findingCatalogs.en ? term(titleKey as FindingKey) : text(def.title);
  const tables = list(
    missing.map((t) => text(`\`${t}\``)),
    'and',
  );
  const reason: Note =
    def.missingNote ?? note(missing.length > 1 ? 'note.missing_tables' : 'note.missing_table', { analysis, tables });
  return notApplicable(reason, missing);
}
