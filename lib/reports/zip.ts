// Zip files with every entry dated at the report's "as of" instant, so the
// same content always zips to the same bytes.
import JSZip from 'jszip';

export interface ZipEntry {
  name: string;
  content: Buffer | string;
}

export async function deterministicZip(entries: ZipEntry[], date: Date): Promise<Buffer> {
  const zip = new JSZip();
  for (const entry of entries) {
    // No implicit folder entries: JSZip would date them now.
    zip.file(entry.name, entry.content, { date, createFolders: false });
  }

  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'UNIX',
  });
}

/** Re-packs a zip (e.g. exceljs output) in entry order with fixed dates. */
export async function redateZip(buffer: Buffer, date: Date): Promise<Buffer> {
  const source = await JSZip.loadAsync(buffer);
  const entries: ZipEntry[] = [];
  for (const file of Object.values(source.files)) {
    if (file.dir) continue;
    entries.push({ name: file.name, content: await file.async('nodebuffer') });
  }

  return deterministicZip(entries, date);
}
