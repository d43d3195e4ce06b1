"""Fill the apps' catalogues of one language from a Python file holding ``T``
(msgid -> msgstr), ``P`` (singular msgid -> msgstr for the one plural form that
Chinese, Japanese and Korean have) and optionally ``LANG`` (a locale name:
``zh_Hans``, the default, ``ja`` or ``ko``).

Empty entries are filled; fuzzy entries (msgmerge's guesses) are overwritten
when the file has the string and otherwise stay fuzzy, so ``scripts/i18n.py
check`` keeps reporting them. Reviewed translations are kept.

    python scripts/fill_translations.py TRANSLATIONS.py
"""

import runpy
import sys

import polib

sys.path.insert(0, __import__("os").path.dirname(__file__))
from i18n import LANG, catalogues, compile_all  # noqa: E402

ns = runpy.run_path(sys.argv[1])
T, P = ns.get("T", {}), ns.get("P", {})
for _app, po in catalogues([ns.get("LANG", LANG)]):
    cat = polib.pofile(str(po))
    for e in cat:
        fuzzy = "fuzzy" in e.flags
        if e.msgid_plural:
            if (fuzzy or not e.msgstr_plural.get(0)) and e.msgid in P:
                e.msgstr_plural = {0: P[e.msgid]}
                if fuzzy:
                    e.flags.remove("fuzzy")
        elif (fuzzy or not e.msgstr) and e.msgid in T:
            e.msgstr = T[e.msgid]
            if fuzzy:
                e.flags.remove("fuzzy")
    cat.save()
compile_all()
