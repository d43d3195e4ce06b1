from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from circularcities.web.language import codes, language_links

# The main menu: a few groups, each opening a short list, so it fits one line at 1366 px in
# every language however many capabilities the platform gains. (url name, label) or
# (group label, [(url name, label), ...]).
NAV: list = [
    ("home", _("Home")),
    (_("Coalition"), [
        ("coalition:city_list", _("Cities")),
        ("coalition:area_list", _("Working groups")),
        ("knowledge:case_list", _("Cases")),
        ("coalition:event_list", _("Events")),
    ]),
    (_("Diagnose and plan"), [
        ("diagnosis:index", _("Diagnosis")),
        ("systems:index", _("Systems")),
        ("waste:index", _("Waste")),
        ("planning:index", _("Plans")),
    ]),
    (_("Materials"), [
        ("marketplace:index", _("Marketplace")),
        ("reuse:index", _("Reuse")),
        ("buildings:index", _("Buildings")),
        ("procurement:index", _("Procurement")),
        ("logistics:index", _("Logistics")),
    ]),
]


def _link(request, name, label, homes):
    try:
        url = reverse(name)
    except NoReverseMatch:
        return None
    return {"url": url, "label": label,
            "active": request.path == url or (url not in homes and request.path.startswith(url))}


def platform(request):
    nav = []
    homes = {"/"} | {f"/{code}/" for code in codes()}
    for name, target in NAV:
        if isinstance(target, list):
            items = [link for link in (_link(request, n, label, homes) for n, label in target) if link]
            if items:
                nav.append({"label": name, "links": items, "is_group": True,
                            "active": any(i["active"] for i in items)})
            continue
        link = _link(request, name, target, homes)
        if link:
            nav.append(link)
    if getattr(getattr(request, "user", None), "is_authenticated", False) and _is_secretariat(request.user):
        try:
            url = reverse("coalition:office")
        except NoReverseMatch:
            url = ""
        if url:
            nav.append({"url": url, "label": _("Back office"), "active": request.path.startswith(url)})
    return {"nav": nav, "DEMO_MODE": getattr(settings, "DEMO_MODE", False),
            "languages": (links := language_links(request)),
            "other_language": next((link for link in links if not link["current"]), links[0])}


def _is_secretariat(user) -> bool:
    profile = getattr(user, "profile", None)
    return bool(user.is_superuser or (profile is not None and profile.role == "secretariat"))
