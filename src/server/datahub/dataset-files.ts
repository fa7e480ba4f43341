import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BUNDLED_IMPORTERS } from '../importers/index.js';
import { editionChecksum, STATS_DATA_DIR } from '../stats/import-dataset.js';

/** One of the files an edition was loaded from, as bundled (gzipped where its name says so). */
export interface DatasetFile {
  name: string;
  path: string;
  bytes: number;
  sha256: string;
}

const known = new Map<string, DatasetFile[]>();

/**
 * The bundled files a dataset edition was loaded from: its importer's files, when hashing them
 * with the importer gives the checksum stored with the edition (so a file replaced since, or a
 * user's own import, lists nothing rather than a file the data did not come from).
 */
export function datasetFiles(datasetId: string, checksum: string, dataDir = STATS_DATA_DIR): DatasetFile[] {
  const importer = BUNDLED_IMPORTERS.find((i) => i.meta.id === datasetId);
  // Hashed once per version of the files on disk: a file replaced since is hashed again.
  const stamps = (importer?.files ?? []).map((relative) => {
    try {
      const stat = statSync(path.join(dataDir, relative));
      return `${String(stat.size)}@${String(stat.mtimeMs)}`;
    } catch {
      return 'missing';
    }
  });
  const key = `${datasetId}|${checksum}|${dataDir}|${stamps.join(',')}`;
  const cached = known.get(key);
  if (cached) return cached;
  let files: DatasetFile[] = [];
  if (importer) {
    try {
      files = importer.files.map((relative) => {
        const file = path.join(dataDir, relative);
        const raw = readFileSync(file);
        return {
          name: path.basename(relative),
          path: file,
          bytes: raw.length,
          sha256: createHash('sha256').update(raw).digest('hex'),
        };
      });
      if (
        editionChecksum(
          importer,
          files.map((f) => f.sha256),
        ) !== checksum
      )
        files = [];
    } catch {
      files = []; // a file no longer there: nothing to offer
    }
  }
  known.set(key, files);
  return files;
}

/** The media type a bundled file is sent with. */
export function fileMediaType(name: string): string {
  if (name.endsWith('.gz')) return 'application/gzip';
  if (name.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (name.endsWith('.xls')) return 'application/vnd.ms-excel';
  if (name.endsWith('.csv')) return 'text/csv; charset=utf-8';
  return 'application/octet-stream';
}
