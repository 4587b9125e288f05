// The project config: `resonate.config.json` or a `resonate` key in package.json, found from the working
// directory upward, validated once into typed defaults that command-line flags override.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { UsageError } from './errors.js';

export const CONFIG_FILE = 'resonate.config.json';
export const DIMENSION_IDS = ['language', 'emotion', 'engagement', 'conversation'] as const;

export interface ResonateConfig {
  /** Where the config was read from (`…/resonate.config.json` or `…/package.json`). */
  source: string;
  /** A saved profile, resolved against the config file's folder. */
  profile?: string;
  /** A community export, resolved against the config file's folder. */
  community?: string;
  /** Weights per dimension id; ids left out keep their default weight. */
  weights?: Record<string, number>;
  failUnder?: number;
  columns?: { text?: string; score?: string; time?: string };
}

const KEYS = ['profile', 'community', 'weights', 'failUnder', 'columns'];
const COLUMN_KEYS = ['text', 'score', 'time'];

/** Finds and validates the nearest config from `cwd` upward; null when there is none. */
export async function loadConfig(cwd: string = process.cwd()): Promise<ResonateConfig | null> {
  let dir = resolve(cwd);
  for (;;) {
    const own = join(dir, CONFIG_FILE);
    const text = readIfExists(own);
    if (text !== null) return validateConfig(parseJson(text, own), own);
    const pkgPath = join(dir, 'package.json');
    const pkg = readIfExists(pkgPath);
    if (pkg !== null) {
      const data = parseJson(pkg, pkgPath);
      if (data && typeof data === 'object' && !Array.isArray(data) && Object.prototype.hasOwnProperty.call(data, 'resonate')) {
        return validateConfig((data as Record<string, unknown>).resonate, pkgPath, 'resonate.');
      }
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** Checks every key; the first problem is one line that names the key (with `prefix` for package.json). */
export function validateConfig(raw: unknown, source: string, prefix = ''): ResonateConfig {
  const bad = (key: string, what: string): UsageError => new UsageError(`invalid config ${source}: '${prefix}${key}' ${what}`);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UsageError(`invalid config ${source}: ${prefix ? `'${prefix.slice(0, -1)}'` : 'the file'} must be a JSON object`);
  }
  const obj = raw as Record<string, unknown>;
  const config: ResonateConfig = { source };
  const base = dirname(source);
  for (const key of Object.keys(obj)) {
    if (!KEYS.includes(key)) throw bad(key, `is not a known key (known: ${KEYS.join(', ')})`);
  }
  for (const key of ['profile', 'community'] as const) {
    const v = obj[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v.trim() === '') throw bad(key, 'must be a file path (a non-empty string)');
    if (v === '-') throw bad(key, "cannot be '-' (standard input); give '-' on the command line instead");
    config[key] = isAbsolute(v) ? v : join(base, v);
  }
  if (config.profile && config.community) throw bad('community', 'cannot be set together with profile (set one of the two)');
  if (obj.weights !== undefined) {
    const w = obj.weights;
    if (!w || typeof w !== 'object' || Array.isArray(w)) throw bad('weights', `must be an object of numbers by dimension id (${DIMENSION_IDS.join(', ')})`);
    const weights: Record<string, number> = {};
    for (const [id, value] of Object.entries(w as Record<string, unknown>)) {
      if (!(DIMENSION_IDS as readonly string[]).includes(id)) throw bad(`weights.${id}`, `is not a dimension id (ids: ${DIMENSION_IDS.join(', ')})`);
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw bad(`weights.${id}`, 'must be a number of 0 or more');
      weights[id] = value;
    }
    config.weights = weights;
  }
  if (obj.failUnder !== undefined) {
    const f = obj.failUnder;
    if (typeof f !== 'number' || !Number.isFinite(f) || f < 0 || f > 100) throw bad('failUnder', 'must be a number from 0 to 100');
    config.failUnder = f;
  }
  if (obj.columns !== undefined) {
    const c = obj.columns;
    if (!c || typeof c !== 'object' || Array.isArray(c)) throw bad('columns', `must be an object with ${COLUMN_KEYS.join(', ')}`);
    const columns: Record<string, string> = {};
    for (const [k, v] of Object.entries(c as Record<string, unknown>)) {
      if (!COLUMN_KEYS.includes(k)) throw bad(`columns.${k}`, `is not a known column key (known: ${COLUMN_KEYS.join(', ')})`);
      if (typeof v !== 'string' || v === '') throw bad(`columns.${k}`, 'must be a column name (a non-empty string)');
      columns[k] = v;
    }
    config.columns = columns;
  }
  return config;
}

/** Weights for buildReport: the defaults with the config's ids replaced; undefined when the config sets none. */
export function mergedWeights(defaults: Readonly<Record<string, number>>, config: ResonateConfig | null): Record<string, number> | undefined {
  if (!config?.weights) return undefined;
  const merged = { ...defaults, ...config.weights };
  if (!Object.values(merged).some((w) => w > 0)) throw new UsageError(`invalid config ${config.source}: 'weights' must give at least one dimension a weight above 0`);
  return merged;
}

// Synchronous: the lookup tries two files in every folder up to the root, on every run.
function readIfExists(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null;
    throw new UsageError(`cannot read config ${path} (${code ?? (err as Error).message})`);
  }
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`invalid config ${path}: not valid JSON (${(err as Error).message.split('\n')[0]})`);
  }
}
