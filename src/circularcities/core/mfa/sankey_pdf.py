"""A Sankey diagram drawn with ReportLab, for PDF reports.

Takes the data of :func:`circularcities.core.mfa.system.sankey` (the same the page
draws with Plotly): nodes in columns by their distance from the sources, heights
and band widths proportional to ``width`` (the amount, with the readable floor for
tiny flows), each node labelled with its name and throughput and each band with its
amount (in a diagram of more than 40 bands, those at least 5 pt wide), so the printed
diagram reads without hovering.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

PALETTE = ("#1f7a5a", "#2c6fa8", "#b7791f", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d", "#d35400")


def columns(n_nodes: int, sources: list[int], targets: list[int]) -> list[int]:
    """Column of each node: the longest path to it from a node nothing flows into,
    ignoring the edges that close a loop (found by depth-first search)."""
    out: dict[int, list[int]] = defaultdict(list)
    for s, t in zip(sources, targets, strict=True):
        out[s].append(t)
    state = [0] * n_nodes  # 0 new, 1 on the stack, 2 done
    forward: list[tuple[int, int]] = []
    has_in = {t for s, t in zip(sources, targets, strict=True) if s != t}

    def visit(start: int) -> None:
        stack = [(start, iter(out[start]))]
        state[start] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
            elif state[nxt] == 0:
                forward.append((node, nxt))
                state[nxt] = 1
                stack.append((nxt, iter(out[nxt])))
            elif state[nxt] == 2:
                forward.append((node, nxt))

    for start in [i for i in range(n_nodes) if i not in has_in] + list(range(n_nodes)):
        if state[start] == 0:
            visit(start)
    col = [0] * n_nodes
    for _ in range(n_nodes):
        changed = False
        for s, t in forward:
            if col[t] < col[s] + 1:
                col[t] = col[s] + 1
                changed = True
        if not changed:
            break
    return col


@dataclass
class SankeyFigure:
    """A figure for :class:`circularcities.core.reports.Section` (``figures``)."""

    data: dict
    title: str = ""
    height: float = 300.0

    def flowable(self, width: float, font: str):
        from reportlab.graphics.shapes import Drawing, Path, Rect, String
        from reportlab.lib import colors
        from reportlab.lib.utils import simpleSplit
        from reportlab.pdfbase.pdfmetrics import stringWidth

        d = self.data
        n = len(d["nodes"])
        drawing = Drawing(width, self.height)
        if not n:
            return drawing
        links = d["links"]
        col = columns(n, links["source"], links["target"])
        n_cols = max(col) + 1
        node_w = 8.0
        label_room = 90.0
        x_step = (width - label_room - node_w) / max(1, n_cols - 1) if n_cols > 1 else 0
        ins: dict[int, float] = defaultdict(float)
        outs: dict[int, float] = defaultdict(float)
        for s, t, w in zip(links["source"], links["target"], links["width"], strict=True):
            outs[s] += w
            ins[t] += w
        size = [max(ins[i], outs[i]) for i in range(n)]
        gap = 10.0
        per_col: dict[int, list[int]] = defaultdict(list)
        for i in range(n):
            per_col[col[i]].append(i)
        usable = self.height - 24
        scale = min((usable - gap * (len(nodes) - 1)) / max(sum(size[i] for i in nodes), 1e-12)
                    for nodes in per_col.values())
        scale = max(scale, 0.0)
        y_top: dict[int, float] = {}
        x_of: dict[int, float] = {}
        for c, nodes in per_col.items():
            y = self.height - 16
            for i in nodes:
                y_top[i] = y
                x_of[i] = c * x_step
                y -= size[i] * scale + gap
        out_y = dict(y_top)
        n_links = len(links["source"])
        # bands leave a node in the order of their targets' heights and enter in that of
        # their sources', so fewer of them cross
        order = sorted(range(n_links), key=lambda k: (-y_top[links["target"][k]], k))
        in_offset: dict[int, float] = {}
        acc: dict[int, float] = defaultdict(float)
        for k in sorted(range(n_links), key=lambda k: (-y_top[links["source"][k]], k)):
            t = links["target"][k]
            in_offset[k] = acc[t]
            acc[t] += links["width"][k] * scale
        for k in order:
            s, t, w = links["source"][k], links["target"][k], links["width"][k]
            th = w * scale
            x0, x1 = x_of[s] + node_w, x_of[t]
            y0, y1 = out_y[s], y_top[t] - in_offset[k]
            out_y[s] -= th
            color = colors.HexColor(PALETTE[s % len(PALETTE)])
            band = Path(fillColor=colors.Color(color.red, color.green, color.blue, alpha=0.35), strokeColor=None)
            if x1 <= x0:  # a band going back: a straight line under the nodes
                x1 = x0 + 4
            mid = (x0 + x1) / 2
            band.moveTo(x0, y0)
            band.curveTo(mid, y0, mid, y1, x1, y1)
            band.lineTo(x1, y1 - th)
            band.curveTo(mid, y1 - th, mid, y0 - th, x0, y0 - th)
            band.closePath()
            drawing.add(band)
            if th < 5 and n_links > 40:
                continue  # a big diagram labels the bands that have room; the table has every amount
            drawing.add(String(mid, (y0 + y1) / 2 - th / 2 - 3, links["label"][k], fontName=font, fontSize=6,
                               textAnchor="middle", fillColor=colors.HexColor("#333333")))
        room = max(40.0, (x_step if n_cols > 1 else width) - node_w - 6)
        for i in range(n):
            h = max(size[i] * scale, 1.0)
            flagged = d.get("imbalanced", [False] * n)[i]
            drawing.add(Rect(x_of[i], y_top[i] - h, node_w, h, fillColor=colors.HexColor(
                "#c0392b" if flagged else "#123d31"), strokeColor=None))
            text = d["node_text"][i] + (" (!)" if flagged else "")
            last = col[i] == n_cols - 1 and n_cols > 1
            for j, line in enumerate(simpleSplit(text, font, 6.5, label_room - 6 if last else room)[:4]):
                tw = stringWidth(line, font, 6.5)
                tx = x_of[i] + node_w + 2
                ty = y_top[i] - 8 - 8 * j
                drawing.add(Rect(tx - 1, ty - 2, tw + 2, 8.5, fillColor=colors.Color(1, 1, 1, alpha=0.8),
                                 strokeColor=None))
                drawing.add(String(tx, ty, line, fontName=font, fontSize=6.5, textAnchor="start"))
        return drawing
