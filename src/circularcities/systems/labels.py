"""Names people read for layers, balance statuses and process codes."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from circularcities.core.mfa import system as core
from circularcities.core.sankey import fmt_amount, readout

LAYER_LABELS = {
    "materials": gettext_lazy("materials"),
    "water": gettext_lazy("water"),
    "energy": gettext_lazy("energy"),
    "phosphorus": gettext_lazy("phosphorus"),
    "nitrogen": gettext_lazy("nitrogen"),
    "carbon": gettext_lazy("carbon"),
}


def layer_label(code: str, name: str = "") -> str:
    """A standard layer in the reader's language; a city's own layer by its name."""
    if code in LAYER_LABELS and (not name or name.lower() == code):
        return str(LAYER_LABELS[code])
    return name or code


def status_label(status: str) -> str:
    return {
        "balanced": _("Every process balances in every layer and year."),
        "accepted": _("Every imbalance is accepted with a reason."),
        "warning": _("Some processes do not balance; they are shown where they are. Accept them with a reason or "
                     "correct the flows."),
        "blocked": _("Some processes do not balance and balance is blocking: the system cannot be published until "
                     "each imbalance is corrected or accepted."),
        "empty": _("The system has no layer yet."),
    }.get(status, status)


def chart(result: core.SystemResult, layer: str, year: int, item: str | None = None) -> dict:
    """The Sankey data of one layer and year with its nodes named for the reader (the boundary
    as where flows come from and go to, other layers as what conversions turn into this one)
    and the readout every Sankey of the platform prints (:func:`core.sankey.readout`)."""
    data = core.sankey(result, layer, year, item)
    labels, links, unit = data["node_labels"], data["links"], data["unit"]
    for i, code in enumerate(data["nodes"]):
        if code == core.BOUNDARY:  # the boundary: where flows come from, and where they go
            labels[i] = _("From: %(node)s") % {"node": labels[i]}
        elif code == core.BOUNDARY + core.SINK:
            labels[i] = _("To: %(node)s") % {"node": labels[i]}
        elif code.startswith(core.LAYER_NODE):  # another layer that a conversion turns into this one, or this into
            other = result.definition.layer(code.removeprefix(core.LAYER_NODE))
            name = layer_label(other.code, other.name)
            labels[i] = (_("Converted from %(layer)s") if i in links["source"]
                         else _("Converted into %(layer)s")) % {"layer": name}
    # The PDF drawing writes each node's name and amount beside it.
    data["node_text"] = [f"{label}: {fmt_amount(v)} {unit}"
                         for label, v in zip(labels, data["node_values"], strict=True)]
    data.update(readout(labels, links["source"], links["target"], links["value"], unit))
    data["layer_label"] = layer_label(layer, result.definition.layer(layer).name)
    return data
