/**
 * Print rules for "Export PDF": while a presentation is open, printing shows every slide, one per
 * 16 × 9 inch landscape page, and nothing else of the app. The browser's "Save as PDF" printer then
 * writes the file — offline, no library.
 *
 * The rules are added to the document only while presenting (and removed on close), so printing
 * the notebook itself is unaffected. A named page (`@page present`) carries the size.
 */

/** The CSS installed while presenting. `.present-root` is the presentation's root, a child of `<body>`. */
export const PRINT_CSS = `
@page present { size: 16in 9in; margin: 0; }
@media print {
  html, body { margin: 0 !important; padding: 0 !important; height: auto !important; overflow: visible !important; background: #fff !important; }
  body > :not(.present-root) { display: none !important; }
  .present-root { position: static !important; inset: auto !important; display: block !important; background: #fff !important; overflow: visible !important; }
  .present-root .present-chrome, .present-root .speaker-notes { display: none !important; }
  .present-root .present-stage { display: block !important; padding: 0 !important; container-type: normal !important; }
  .present-root .slide { display: flex !important; page: present; width: 16in !important; height: 9in !important; margin: 0 !important;
    box-shadow: none !important; border-radius: 0 !important; break-after: page; break-inside: avoid; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .present-root .slide:last-child { break-after: auto; }
}
`;

/** Adds the print rules to `<head>`; returns the function that removes them. */
export function installPrintCss(doc: Document = document): () => void {
  const style = doc.createElement('style');
  style.dataset.present = 'print';
  style.textContent = PRINT_CSS;
  doc.head.append(style);
  return () => style.remove();
}
