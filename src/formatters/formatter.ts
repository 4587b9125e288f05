// The formatter contract: render a Report, compute nothing.
import type { ChalkInstance } from 'chalk';
import type { Report } from '../report/report-types.js';

export interface FormatContext {
  /** A chalk instance with colour already decided (level 0 = plain). */
  chalk?: ChalkInstance;
}

export type Formatter = (report: Report, context: FormatContext) => string;
