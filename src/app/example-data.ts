/**
 * Example datasets a built-in notebook can offer when the active data lacks what it needs. They
 * are served from our own origin (bundled by Vite, `?url`) and go through the import wizard like
 * any file the user picks; nothing is imported until the user says so.
 */
import telcoUrl from '../../sample-data/telco/Telco-Customer-Churn.csv?url';

/** Example datasets by the name a notebook's front matter gives in `dataset:`. */
const examples: Record<string, { label: string; url: string; fileName: string }> = {
  telco: { label: 'IBM Telco', url: telcoUrl, fileName: 'Telco-Customer-Churn.csv' },
};

/** The display name of the example dataset a notebook is written for, if the app ships it. */
export function exampleLabel(dataset: string): string | null {
  return examples[dataset]?.label ?? null;
}

/** Fetches an example dataset's file, ready for the import wizard. */
export async function exampleFile(dataset: string): Promise<File> {
  const ex = examples[dataset];
  if (!ex) throw new Error(`no example dataset "${dataset}"`);
  const res = await fetch(new URL(ex.url, location.href));
  if (!res.ok) throw new Error(`${ex.fileName}: HTTP ${res.status}`);
  return new File([await res.blob()], ex.fileName, { type: 'text/csv' });
}
