"""Extract and compile translations, one catalogue per app.

    python scripts/i18n.py extract [APP ...]  # needs GNU gettext (xgettext), updates app/locale/*.po
    python scripts/i18n.py compile   # pure Python (polib): .po -> .mo
    python scripts/i18n.py check     # untranslated or fuzzy entries, stale .mo

Each app keeps its own ``locale/`` so capabilities stay apart; ``core`` (which has no
Django) keeps ``core/locale/<lang>/LC_MESSAGES/core.po`` with every ``Msg("...")`` and
``Message("...")`` of core, read by ``circularcities.core.i18n``. ``extract`` writes a
catalogue for every platform language (settings.PLATFORM_LANGUAGES); ``check``
covers the languages the platform is set to serve (settings.LANGUAGES).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import polib

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "circularcities"
APPS = ["web", "accounts", "coalition", "knowledge", "diagnosis", "planning", "marketplace",
        "logistics", "jobs", "buildings", "waste", "procurement", "reuse", "systems"]


def _settings():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "circularcities.site.settings")
    sys.path.insert(0, str(PACKAGE.parent))
    from django.conf import settings
    from django.utils.translation import to_locale

    every = [to_locale(code) for code in settings.PLATFORM_LANGUAGES if code != "en"]
    served = [to_locale(code) for code, _name in settings.LANGUAGES if code != "en"]
    return every, served


ALL_LANGS, LANGS = _settings()
LANG = "zh_Hans"  # the default of scripts/fill_translations.py


def catalogues(langs: list[str] | None = None):
    for lang in langs or LANGS:
        for app in APPS:
            po = PACKAGE / app / "locale" / lang / "LC_MESSAGES" / "django.po"
            if po.exists():
                yield app, po
        po = PACKAGE / "core" / "locale" / lang / "LC_MESSAGES" / "core.po"
        if po.exists():
            yield "core", po


def extract_core() -> None:
    """core's messages: the first argument of every Msg(...) and Message(...) call."""
    sources = sorted(str(p.relative_to(PACKAGE.parent)) for p in (PACKAGE / "core").rglob("*.py"))
    pot = subprocess.run(["xgettext", "-L", "Python", "--from-code=UTF-8", "--keyword=", "--keyword=Msg:1",
                          "--keyword=Message:1", "--keyword=N_", "--no-location", "-o", "-", *sources],
                         cwd=PACKAGE.parent, check=True, capture_output=True, text=True).stdout
    template = polib.pofile(pot)
    for lang in ALL_LANGS:
        po_path = PACKAGE / "core" / "locale" / lang / "LC_MESSAGES" / "core.po"
        po_path.parent.mkdir(parents=True, exist_ok=True)
        cat = polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()
        cat.merge(template)
        for entry in cat:
            entry.flags = [f for f in entry.flags if f != "fuzzy"] if not entry.msgstr else entry.flags
        cat.metadata = {"Project-Id-Version": "circularcities core", "Language": lang,
                        "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
                        "Content-Transfer-Encoding": "8bit", "Plural-Forms": "nplurals=1; plural=0;"}
        cat[:] = [e for e in cat if not e.obsolete]
        cat.save(str(po_path))


def extract(only: list[str] | None = None) -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "circularcities.site.settings"}
    if only is None or "core" in only:
        extract_core()
        only = [app for app in only or APPS if app != "core"]
        if not only:
            return
    for app in only or APPS:
        app_dir = PACKAGE / app
        if not app_dir.exists():
            continue
        (app_dir / "locale").mkdir(exist_ok=True)
        args = [arg for lang in ALL_LANGS for arg in ("-l", lang)]
        subprocess.run([sys.executable, "-m", "django", "makemessages", *args, "--no-obsolete",
                        "--no-location", "-e", "html,txt,py"], cwd=app_dir, env=env, check=True)
        for lang in ALL_LANGS:
            po = app_dir / "locale" / lang / "LC_MESSAGES" / "django.po"
            if po.exists():
                cat = polib.pofile(str(po))
                cat.metadata["Plural-Forms"] = "nplurals=1; plural=0;"  # zh, ja and ko: one form
                cat.metadata["Language"] = lang
                cat.metadata["Content-Type"] = "text/plain; charset=UTF-8"
                cat.save()


def compile_all() -> None:
    for _app, po in catalogues(ALL_LANGS):
        polib.pofile(str(po)).save_as_mofile(str(po.with_suffix(".mo")))


def problems() -> list[str]:
    found = []
    for app, po in catalogues():
        app = f"{app} ({po.parent.parent.name})"
        cat = polib.pofile(str(po))
        for entry in cat:
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags:
                found.append(f"{app}: fuzzy: {entry.msgid!r}")
            elif not entry.translated():
                found.append(f"{app}: untranslated: {entry.msgid!r}")
        mo = po.with_suffix(".mo")
        if not mo.exists():
            found.append(f"{app}: {mo.name} missing; run scripts/i18n.py compile")
            continue
        compiled = {(e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
                    for e in polib.mofile(str(mo))}
        for entry in cat.translated_entries():
            key = (entry.msgctxt, entry.msgid)
            want = (entry.msgstr, tuple(sorted(entry.msgstr_plural.items())))
            if compiled.get(key) != want:
                found.append(f"{app}: {mo.name} is stale for {entry.msgid!r}; run scripts/i18n.py compile")
                break
    return found


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "check"
    if cmd == "extract":
        extract(sys.argv[2:] or None)
    elif cmd == "compile":
        compile_all()
    found = problems()
    for line in found:
        print(line)
    sys.exit(1 if (cmd == "check" and found) else 0)
