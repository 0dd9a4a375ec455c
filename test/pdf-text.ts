import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

/** Opens PDF bytes with pdf.js (legacy build, for Node); the caller's array is left intact. */
async function openPdf(bytes: Uint8Array) {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  return getDocument({ data: bytes.slice(), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false }).promise;
}

/**
 * The text of each page of a PDF, one string per page. Runs of a line are joined as drawn
 * (pdfkit writes spaces as their own runs); a line break ends each line.
 */
export async function extractPdfText(bytes: Uint8Array): Promise<string[]> {
  const doc = await openPdf(bytes);
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + ((item as TextItem).hasEOL ? '\n' : '') : '')).join(''));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** The PDF's Title metadata (the document information dictionary), or null. */
export async function extractPdfTitle(bytes: Uint8Array): Promise<string | null> {
  const doc = await openPdf(bytes);
  try {
    const { info } = await doc.getMetadata();
    const title = (info as { Title?: unknown }).Title;
    return typeof title === 'string' ? title : null;
  } finally {
    await doc.destroy();
  }
}
