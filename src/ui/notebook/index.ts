/** The notebook view: components, the open-notebook session (runtime + autosave), and pure edit helpers. */
export { default as NotebookView } from './NotebookView.svelte';
export { default as NotebookList } from './NotebookList.svelte';
export { NotebookSession, SAVE_DELAY_MS } from './session.svelte.ts';
export type { NotebookRef, SaveStatus, SessionOptions } from './session.svelte.ts';
export { addCell, deleteCell, moveCell, duplicateCell, setCellSource, setTitle } from './edit.ts';
export { renderProse, formatValue } from './prose.ts';
export { tableToCsv, downloadText } from './csv.ts';
