/** Findings as catalogue keys with typed parameters, and their rendering per reader (see render.ts). */
export { findingCatalogs, type FindingKey } from './catalogs.ts';
export { renderMessage, renderParam, renderTemplate, templatePlaceholders } from './render.ts';
export type { MessageParam, MessageParams, RenderOptions, RenderedFinding } from './render.ts';
export { finding, renderFinding, text, term, clause, list } from './finding.ts';
