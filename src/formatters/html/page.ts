// The page around every HTML report: a Content-Security-Policy that forbids any load from outside the file,
// the stylesheet (screen and print) and the one small script (table sorting), all inline.
import { esc } from './escape.js';

// Sorting for tables marked `data-sortable`: each header's button sorts by the cells' `data-sort` values
// (numbers when they parse, text otherwise); a second press reverses. Without JavaScript the table keeps the CLI's order.
const SCRIPT = `document.querySelectorAll('table[data-sortable]').forEach(function (table) {
  var body = table.tBodies[0];
  table.querySelectorAll('th button').forEach(function (button, col) {
    button.addEventListener('click', function () {
      var th = button.parentElement;
      var dir = th.getAttribute('aria-sort') === 'descending' ? 1 : -1;
      if (th.getAttribute('data-type') === 'text' && !th.hasAttribute('aria-sort')) dir = 1;
      table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      var key = function (row) {
        var v = row.cells[col].getAttribute('data-sort');
        return v === null ? row.cells[col].textContent : v;
      };
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        if (x === '' && y !== '') return 1;
        if (y === '' && x !== '') return -1;
        var nx = Number(x), ny = Number(y);
        var c = x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
        return c * dir || Number(a.getAttribute('data-input')) - Number(b.getAttribute('data-input'));
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});`;

/**
 * The script's hash for the Content-Security-Policy, worked out when a page is first written: node:crypto is not
 * loaded by a `score` that prints text or JSON (setting it up is ~13 ms of such a run, measured with --cpu-prof).
 */
let scriptHash: string | undefined;
const SCRIPT_HASH = (): string => (scriptHash ??= process.getBuiltinModule('node:crypto').createHash('sha256').update(SCRIPT).digest('base64'));

/** Nothing may be fetched: no fonts, images, styles or scripts from anywhere but this file's own inline ones. */
const CSP = (): string => `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${SCRIPT_HASH()}'; base-uri 'none'; form-action 'none'`;

const STYLE = `
:root { --ink: #1b1f24; --muted: #4a5560; --line: #d5dbe1; --panel: #f5f7f9; --blue: #1f5f99; --blue-2: #5b9bd1;
  --orange: #a34e00; --orange-2: #e08a2c; --good-bg: #cfe3f5; --good-bg-2: #e6f0fa; --weak-bg: #fde3c7; --weak-bg-2: #fbcb97; }
* { box-sizing: border-box; }
html { color: var(--ink); background: #fff; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
p { margin: .4rem 0; }
a { color: var(--blue); }
a:focus-visible, button:focus-visible, summary:focus-visible, .s:focus-visible { outline: 3px solid #111; outline-offset: 2px; }
.muted { color: var(--muted); }
.small { font-size: .875rem; }
.kicker, h2.kicker { border: 0; padding: 0; text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; color: var(--muted); margin: 0; font-weight: 600; }
.summary { display: grid; grid-template-columns: 11rem 1fr; gap: 1.5rem; align-items: start; background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 1.25rem; margin-top: 1rem; }
.gauge { text-align: center; }
.gauge svg { width: 9.5rem; height: 9.5rem; }
.gauge .band { display: inline-block; margin-top: .25rem; font-weight: 700; padding: .1rem .6rem; border-radius: 999px; border: 2px solid currentColor; }
.band-strong { color: #174a78; } .band-moderate { color: #2d5f86; } .band-weak { color: #8a4300; } .band-off-key { color: #7a2e00; } .band-none { color: var(--muted); }
.lead { font-size: 1.1rem; font-weight: 600; margin-top: 0; }
.dims { list-style: none; padding: 0; margin: .75rem 0 0; }
.dims li { display: grid; grid-template-columns: 12rem 1fr 7.5rem; gap: .75rem; align-items: center; padding: .3rem 0; }
.dims .name { font-weight: 600; }
.dims .value { font-variant-numeric: tabular-nums; text-align: right; }
.dims .value b { font-size: 1.15rem; }
.bar { width: 100%; height: 1.1rem; display: block; }
.bar .track { fill: #e3e8ed; } .bar .fill { fill: var(--blue); } .bar .fill.low { fill: var(--orange-2); } .bar .mid { stroke: #4a5560; stroke-width: .6; }
.dimsum { grid-column: 1 / -1; margin: 0 0 .35rem; font-size: .9rem; color: var(--muted); }
.howto { font-size: .9rem; color: var(--muted); margin-top: .75rem; }
.cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(19rem, 1fr)); gap: 1.25rem; }
.card { border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.1rem; background: #fff; }
.card h3 { margin-top: 0; }
ol.suggestions { padding-left: 1.4rem; } ol.suggestions li { margin: .35rem 0; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem .9rem; align-items: center; font-size: .875rem; margin: .3rem 0 .8rem; padding: 0; list-style: none; }
.legend .sw { display: inline-block; padding: 0 .45rem; border-radius: 3px; }
.draft { font-size: 1.05rem; line-height: 1.85; max-width: 46rem; }
.draft p { margin: 0 0 .9rem; }
.s { position: relative; border-radius: 3px; padding: .1rem 0; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.t-strongest { background: var(--good-bg); border-bottom: 3px solid var(--blue); }
.t-strong { background: var(--good-bg-2); border-bottom: 2px solid var(--blue-2); }
.t-middle { border-bottom: 1px dotted #8795a1; }
.t-weak { background: var(--weak-bg); border-bottom: 2px dashed var(--orange-2); }
.t-weakest { background: var(--weak-bg-2); border-bottom: 3px dashed var(--orange); }
.t-unread { color: var(--muted); }
.s .tip { display: none; position: absolute; left: 0; top: 100%; z-index: 5; width: min(26rem, 80vw); margin-top: .35rem; padding: .55rem .7rem;
  background: #1b1f24; color: #fff; font-size: .85rem; line-height: 1.45; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.25); font-weight: 400; }
.s:hover .tip, .s:focus .tip { display: block; }
.s .tip b { color: #fff; }
.fnref { display: none; font-size: .7rem; vertical-align: super; line-height: 0; }
.notes { font-size: .875rem; color: var(--ink); columns: 2 22rem; column-gap: 2rem; padding-left: 1.6rem; }
.notes li { break-inside: avoid; }
.notes li { margin: .2rem 0; }
.chips { display: flex; flex-wrap: wrap; gap: .35rem; list-style: none; padding: 0; margin: .3rem 0; }
.chips li { border-radius: 999px; padding: .1rem .6rem; font-size: .9rem; border: 1px solid var(--line); background: var(--panel); }
.chips.used li { background: var(--good-bg-2); border-color: var(--blue-2); }
.chips.missed li { background: #fff; border-style: dashed; }
.chips.replace li { background: var(--weak-bg); border-color: var(--orange-2); }
.chips .n { color: var(--muted); font-size: .8rem; }
.cols.emotion { grid-template-columns: minmax(0, 35rem) minmax(14rem, 1fr); align-items: start; }
.chart { max-width: 100%; height: auto; display: block; }
.chart text { fill: var(--ink); font-size: 12px; font-family: inherit; }
.chart .axis { stroke: #8795a1; stroke-width: 1; }
.key { display: flex; flex-wrap: wrap; gap: .3rem 1rem; list-style: none; padding: 0; margin: .25rem 0 .5rem; font-size: .875rem; }
.key i { display: inline-block; width: .9rem; height: .9rem; border-radius: 2px; vertical-align: -2px; margin-right: .3rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { padding: .4rem .5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: var(--panel); font-weight: 700; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th button { font: inherit; font-weight: 700; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }
th[aria-sort=ascending] button::after { content: " ▲"; } th[aria-sort=descending] button::after { content: " ▼"; }
.table-wrap { overflow-x: auto; }
details { margin: .4rem 0; } summary { cursor: pointer; color: var(--blue); font-weight: 600; }
.evidence { margin: .3rem 0 .6rem; padding-left: 1.2rem; font-size: .875rem; }
.error { color: #8a1c00; font-weight: 600; }
.note { border-left: 4px solid #8a1c00; padding: .2rem .7rem; }
.notice { margin-top: 2.5rem; font-size: .875rem; color: var(--muted); border-top: 1px solid var(--line); padding-top: .8rem; }
.cmp { display: grid; grid-template-columns: 1fr 2.5rem; gap: .5rem; align-items: center; min-width: 12rem; }
.side { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
@media (max-width: 760px) { .summary, .side, .cols.emotion { grid-template-columns: 1fr; } .dims li { grid-template-columns: 1fr 5.5rem; } .dims .bar-cell { grid-column: 1 / -1; grid-row: 2; } }
@media print {
  html { font-size: 12px; } body { max-width: none; padding: 0; }
  .s .tip { display: none !important; }
  .fnref { display: inline; }
  h2 { break-after: avoid; } .card, .summary, tr, .dims li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  th button::after { content: none !important; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

export interface PageOptions {
  title: string;
  body: string;
  /** Whether the page has a sortable table, so the script is worth including. */
  sortable?: boolean;
}

export function page({ title, body, sortable = false }: PageOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP()}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
${sortable ? `<script>${SCRIPT}</script>\n` : ''}</body>
</html>
`;
}
