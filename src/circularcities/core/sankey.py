"""Sankey diagrams that read without hovering: the one rule every chart of flows follows
(diagnosis dashboard, industrial parks, systems, their PDF reports).

A Sankey is drawn from node names and links (source index, target index, amount, what
flows, unit). :func:`readout` adds what a reader needs without a mouse: each node's
amount in and out (per unit: tonnes are never added to megawatt-hours), each link's
amount as text, and the rows of the value table printed under the chart, largest
first. The page draws the chart with one script (``web/static/circularcities/sankey.js``)
and the table with one include (``web/sankey.html``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence


def fmt_amount(value: float) -> str:
    """A readable amount: 1,234 / 12.3 / 0.042."""
    a = abs(value)
    if a >= 100:
        return f"{value:,.0f}"
    if a >= 1:
        return f"{value:,.1f}"
    if a == 0:
        return "0"
    return f"{value:.2g}"


def _per_unit(totals: dict[str, float]) -> str:
    return " · ".join(f"{fmt_amount(v)} {u}".strip() for u, v in sorted(totals.items()) if v > 0)


def readout(node_labels: Sequence[str], source: Sequence[int], target: Sequence[int],
            amounts: Sequence[float | None], units: str | Sequence[str],
            what: Sequence[str] | None = None, missing: str = "–") -> dict:
    """What the reader sees beside the bands.

    ``amounts`` are the true amounts (``None``: not reported, shown as ``missing``);
    ``units`` one unit for every link or one per link; ``what`` what each link carries
    (a material, a flow's name), or nothing.

    Returns ``{"node_amounts": [text per node], "link_amounts": [text per link],
    "link_rows": [{"from", "to", "what", "amount", "value"}] largest first,
    "node_rows": [{"name", "in", "out"}]}``. A node's amount is its throughput (the larger
    of what enters and what leaves), per unit.
    """
    n_links = len(source)
    unit_of = [units] * n_links if isinstance(units, str) else list(units)
    labels = list(what) if what is not None else [""] * n_links
    ins: list[dict[str, float]] = [defaultdict(float) for _ in node_labels]
    outs: list[dict[str, float]] = [defaultdict(float) for _ in node_labels]
    link_amounts: list[str] = []
    rows: list[dict] = []
    for k in range(n_links):
        s, t, v, u = source[k], target[k], amounts[k], unit_of[k]
        text = missing if v is None else f"{fmt_amount(v)} {u}".strip()
        link_amounts.append(text)
        rows.append({"from": node_labels[s], "to": node_labels[t], "what": labels[k], "amount": text,
                     "value": v})
        if v is not None:
            outs[s][u] += v
            ins[t][u] += v
    node_amounts = []
    for i in range(len(node_labels)):
        through = {u: max(ins[i].get(u, 0.0), outs[i].get(u, 0.0)) for u in set(ins[i]) | set(outs[i])}
        node_amounts.append(_per_unit(through))
    rows.sort(key=lambda r: (r["value"] is None, -(r["value"] or 0.0)))
    nodes = [{"name": node_labels[i], "in": _per_unit(ins[i]) or "–", "out": _per_unit(outs[i]) or "–"}
             for i in range(len(node_labels))]
    return {"node_amounts": node_amounts, "link_amounts": link_amounts, "link_rows": rows, "node_rows": nodes}
