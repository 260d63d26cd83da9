/**
 * Import: bring your own data. Runs in the engine worker (browser) and in Node (CLI, tests).
 *
 * Flow: `inspectFile` (format, encoding, dialect, columns, preview, suggested mapping) → the user
 * confirms the mapping and rules (`previewImport` shows typed rows and rejects from the head) →
 * `importFile` (staging → canonical table in SQL → `ImportReport` with read = imported + rejected). `importFolder` does
 * both for every file of a data folder.
 * See docs/import.md.
 */
export { inspectFile, type InspectOptions, type InspectResult } from './inspect.ts';
export { previewImport, type ImportPreview, type PreviewOptions } from './preview-import.ts';
export { importFile, mapStaged, type ImportOptions, type ImportPhase, type ImportProgress } from './import-file.ts';
export {
  importFolder,
  parseFolderMapping,
  mappingFromFolderEntry,
  dataFilePattern,
  type FolderSource,
  type FolderFileMapping,
  type FolderMappingFile,
  type FolderReport,
} from './import-folder.ts';
export { rejectedRows, rejectsToCsv, type ImportReport, type RejectGroup } from './report.ts';
export type { ImportWarning } from './warnings.ts';
export {
  columnSignature,
  findSavedMapping,
  validateMapping,
  defaultRules,
  isProduct,
  type ImportMapping,
  type ImportRules,
  type ColumnMapping,
  type SourceColumn,
  type ProductColumn,
  type ExtraColumn,
  type SavedMapping,
} from './mapping.ts';
export { suggestMapping, suggestForTable, type MappingSuggestion, type ProfiledColumn } from './roles.ts';
export { detectEncoding, textEncodings, type EncodingGuess, type TextEncodingName } from './encoding.ts';
export { sniffCsv, type CsvDialect, type Delimiter } from './sniff-csv.ts';
export {
  profileColumn,
  detectDateFormat,
  detectNumberFormat,
  swapDayMonth,
  type ColumnProfile,
  type DateFormat,
  type NumberFormat,
  type ValueType,
} from './value-formats.ts';
export { detectFormat, type ImportFormat } from './detect-format.ts';
export { cancelToken, fileStem, type CancelToken, type ImportSource } from './source.ts';
export type { ImportErrorReason } from './errors.ts';
