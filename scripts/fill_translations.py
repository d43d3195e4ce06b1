"""Fill empty msgstr entries of the apps' zh_Hans catalogues from a Python file
holding ``T`` (msgid -> msgstr) and ``P`` (singular msgid -> msgstr for the one
Chinese plural form). Existing translations are kept.

    python scripts/fill_translations.py TRANSLATIONS.py
"""

import runpy
import sys

import polib

sys.path.insert(0, __import__("os").path.dirname(__file__))
from i18n import catalogues, compile_all  # noqa: E402

ns = runpy.run_path(sys.argv[1])
T, P = ns.get("T", {}), ns.get("P", {})
for _app, po in catalogues():
    cat = polib.pofile(str(po))
    for e in cat:
        if e.msgid_plural:
            if not e.msgstr_plural.get(0) and e.msgid in P:
                e.msgstr_plural = {0: P[e.msgid]}
        elif not e.msgstr and e.msgid in T:
            e.msgstr = T[e.msgid]
        if "fuzzy" in e.flags and e.msgstr:
            e.flags.remove("fuzzy")
    cat.save()
compile_all()
