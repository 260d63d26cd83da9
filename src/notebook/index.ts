/** Notebooks: the Markdown file format and the reactive runtime. */
export * from './format/index.ts';
export * from './runtime/index.ts';
