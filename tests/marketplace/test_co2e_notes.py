"""The avoided-emissions notes stored with an exchange (English, as core writes them) are
shown in the page's language."""

import pytest
from django.utils import translation

from circularcities.core.lca.avoided import avoided_emissions
from circularcities.marketplace.templatetags.marketplace_extras import co2e_note


def _notes(**kwargs):
    r = avoided_emissions("150101", 10, **kwargs)
    return list(r.missing) + list(r.notes)


@pytest.mark.parametrize("lang", ["zh-hans", "ja", "ko"])
def test_every_note_core_writes_is_translated(lang):
    notes = set(_notes()) | set(_notes(route="reuse")) | set(_notes(freight_kg_co2e_per_tkm=0.1, tonne_km=25))
    notes |= set(_notes(factor_set="EPA-2021"))
    assert notes
    with translation.override(lang):
        for note in notes:
            shown = co2e_note(note)
            assert shown != note, (lang, note)


def test_unknown_notes_are_shown_as_stored():
    with translation.override("ja"):
        assert co2e_note("A note a person wrote.") == "A note a person wrote."
