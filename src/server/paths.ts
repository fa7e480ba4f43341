import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, whether running from src/ (tsx, tests) or dist/ (npm start): both are two levels down. */
export const ROOT_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const MIGRATIONS_DIR = path.join(ROOT_DIR, 'migrations');
export const REFERENCE_DATA_DIR = path.join(ROOT_DIR, 'data', 'reference');
export const WEB_DIST_DIR = path.join(ROOT_DIR, 'dist', 'web');

/** The version in package.json, reported by /api/health and `bridges --version`. */
export const VERSION: string = (
  JSON.parse(readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as { version: string }
).version;
/** The library's starting content (one YAML file per item) and the source documents it cites. */
export const LIBRARY_CONTENT_DIR = path.join(ROOT_DIR, 'content', 'library');
export const SOURCE_DOCUMENTS_DIR = path.join(ROOT_DIR, 'content', 'sources');
