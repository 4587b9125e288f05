// JSON: the report as is (schema documented in README.md; versioned by schemaVersion).
import type { Formatter } from './formatter.js';

export const formatJson: Formatter = (report) => JSON.stringify(report, null, 2) + '\n';
