/** The import wizard (browser side of docs/import.md). */
export { default as ImportWizardView } from './ImportWizard.svelte';
export { downloadCsv } from './download.ts';
export { ImportWizard, shownError, type FileEntry, type FileOverrides, type ShownError } from './wizard.svelte.ts';
export {
  draftFrom,
  mappingFrom,
  missingRequired,
  usedSources,
  formatLabel,
  PRODUCT,
  type MappingDraft,
} from './mapping-edit.ts';
