import { escapeHtml } from './escape.ts';

/**
 * The page's only policy: nothing may load or run. Inline styles are allowed; scripts,
 * fetches, fonts, frames and remote images are not, so the file works offline by design.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const CSS = `
:root{color-scheme:light;--ink:#111827;--muted:#4b5563;--line:#e5e7eb;--accent:#1d4ed8;--warn:#fef3c7}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#f8fafc}
header.top{background:#0f172a;color:#f8fafc;padding:20px 32px}
header.top h1{margin:0 0 4px;font-size:24px}
header.top p{margin:2px 0;color:#cbd5e1}
main{max-width:1180px;margin:0 auto;padding:8px 32px 48px}
nav.toc{margin:16px 0;padding:10px 14px;background:white;border:1px solid var(--line);border-radius:6px}
nav.toc ol{margin:0;padding-left:20px;columns:2}
a{color:var(--accent)}
section{margin-top:28px}
h2{font-size:20px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:16px;margin:0}
figure.chart{margin:18px 0;padding:12px 14px;background:white;border:1px solid var(--line);border-radius:6px;break-inside:avoid}
figcaption p{margin:2px 0 8px;color:var(--muted);font-size:13px}
.plot{overflow-x:auto}
.plot svg{max-width:100%;height:auto;display:block}
details.alt{font-size:13px;color:var(--muted)}
details.alt ul{margin:4px 0;padding-left:18px}
.note{background:var(--warn);border-left:4px solid #d97706;padding:8px 12px;margin:8px 0;font-size:14px}
.notes{margin:16px 0}
table{border-collapse:collapse;font-size:13px;background:white;margin:6px 0 14px;min-width:50%}
caption{text-align:left;font-weight:600;padding:4px 0;color:var(--ink)}
th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
thead th{background:#f1f5f9;position:sticky;top:0}
table.figures td,td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.figures tbody th{font-weight:normal}
td.v{max-width:420px;overflow-wrap:anywhere;font-family:ui-monospace,monospace;font-size:12px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;overflow-wrap:anywhere}
code.hash{font-size:11px}
.scroll{overflow-x:auto}
details.table{margin:8px 0;background:white;border:1px solid var(--line);border-radius:6px;padding:6px 10px}
details.table summary{cursor:pointer;font-weight:600}
.tag{background:#dbeafe;color:#1e3a8a;border-radius:4px;padding:0 6px;font-size:12px;font-weight:normal}
.missing{color:#b45309}
footer{max-width:1180px;margin:0 auto;padding:16px 32px;color:var(--muted);font-size:13px}
@media print{body{background:white}details{display:block}nav.toc{display:none}}
`;

/** One section of the report: anchor, heading and body HTML (already escaped). */
export interface PageSection {
  readonly id: string;
  readonly heading: string;
  readonly intro?: string;
  readonly body: string;
}

/** The whole self-contained page: inline CSS, a table of contents, the sections; no script. */
export function pageHtml(title: string, lede: readonly string[], notes: readonly string[], sections: readonly PageSection[]): string {
  const toc = sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.heading)}</a></li>`).join('');
  const noteBlock = notes.length === 0 ? '' : `<div class="notes" role="region" aria-label="What these results lack">${notes.map((n) => `<p class="note" role="note">${escapeHtml(n)}</p>`).join('\n')}</div>`;
  const body = sections
    .map((s) => `<section id="${s.id}" aria-labelledby="${s.id}-h"><h2 id="${s.id}-h">${escapeHtml(s.heading)}</h2>${s.intro === undefined ? '' : `<p>${escapeHtml(s.intro)}</p>`}\n${s.body}\n</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="@stibium/report">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="top"><h1>${escapeHtml(title)}</h1>${lede.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</header>
<main>
<nav class="toc" aria-label="Contents"><ol>${toc}</ol></nav>
${noteBlock}
${body}
</main>
<footer>Made by @stibium/report from the files of the results folder. This page is self-contained: it loads nothing and runs no script.</footer>
</body>
</html>
`;
}
