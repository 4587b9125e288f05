// Reads a lexicon data file (src/lexicons/*.json, shipped with the package).
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';

export function readLexicon(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(packagePath('src', 'lexicons', name), 'utf8')) as Record<string, unknown>;
}
