// Escaping for HTML text and quoted attribute values: every piece of draft or community text goes through here.
import { stripControl } from '../../text/normalize.js';

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text that renders as itself in element content or a quoted attribute, with control characters removed. */
export function esc(text: string): string {
  return stripControl(text).replace(/[&<>"']/g, (c) => ENTITY[c]);
}

/** A number for an attribute or label; non-finite numbers become an empty string. */
export function num(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '' : String(n);
}
