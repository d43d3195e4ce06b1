"""The method document (a small Markdown subset) as HTML that wraps on a
narrow screen: headings, paragraphs, lists, tables (scrolling inside their
own box) and indented formula blocks."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe


def _inline(text: str) -> str:
    out: str = escape(text)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    out = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", out)
    out = re.sub(r"(?<![*\w])\*([^*]+)\*(?!\w)", r"<em>\1</em>", out)
    return out


def _table(lines: list[str]) -> str:
    rows = [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in lines
            if not re.fullmatch(r"\|?[\s:|-]+\|?", ln.strip())]
    if not rows:
        return ""
    head, body = rows[0], rows[1:]
    th = "".join(f"<th>{_inline(c)}</th>" for c in head)
    trs = "".join("<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in r) + "</tr>" for r in body)
    return f'<div class="table-wrap"><table class="small"><thead><tr>{th}</tr></thead><tbody>{trs}</tbody></table></div>'


def to_html(markdown: str):
    lines = markdown.splitlines()
    html: list[str] = []
    para: list[str] = []
    items: list[str] = []
    i = 0

    def flush():
        if para:
            html.append(f"<p>{_inline(' '.join(para))}</p>")
            para.clear()
        if items:
            html.append("<ul>" + "".join(f"<li>{_inline(x)}</li>" for x in items) + "</ul>")
            items.clear()

    while i < len(lines):
        ln = lines[i]
        if not ln.strip():
            flush()
        elif ln.startswith("#"):
            flush()
            level = min(len(ln) - len(ln.lstrip("#")) + 1, 4)
            html.append(f"<h{level}>{_inline(ln.lstrip('#').strip())}</h{level}>")
        elif ln.lstrip().startswith("|"):
            flush()
            block = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                block.append(lines[i])
                i += 1
            html.append(_table(block))
            continue
        elif ln.startswith("    ") and not para and not items:
            block = []
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                block.append(lines[i][4:])
                i += 1
            html.append(f'<pre class="formula">{escape(chr(10).join(block).strip(chr(10)))}</pre>')
            continue
        elif ln.lstrip().startswith("- "):
            if para:
                flush()
            items.append(ln.lstrip()[2:].strip())
        elif items and ln.startswith("  "):
            items[-1] += " " + ln.strip()
        else:
            if items:
                flush()
            para.append(ln.strip())
        i += 1
    flush()
    return mark_safe("\n".join(html))
