"""Names people read for layers, balance statuses and process codes."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
