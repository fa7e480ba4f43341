/** "Top destinations — Philippines" → "top-destinations-philippines": a file name from a title. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'chart'
  );
}

/** Offers `content` to the reader as a file download. */
export function downloadBlob(filename: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Offers CSV text as a download, after a byte-order mark: without it Excel, which most readers open
 * a download in, reads the file as Windows-1252 and garbles every name and dash that is not ASCII
 * ("CÃ´te d'Ivoire"). CSV readers (csv-parse, pandas, R's readr, LibreOffice) skip the mark.
 */
export function downloadCsv(filename: string, csv: string): void {
  downloadBlob(filename, new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
}
