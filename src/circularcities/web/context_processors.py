from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from circularcities.web.language import codes, language_links

NAV = [
    ("home", _("Home")),
    ("coalition:city_list", _("Cities")),
    ("coalition:area_list", _("Working groups")),
    ("knowledge:case_list", _("Cases")),
    ("coalition:event_list", _("Events")),
    ("diagnosis:index", _("Diagnosis")),
    ("planning:index", _("Plans")),
    ("marketplace:index", _("Marketplace")),
    ("logistics:index", _("Logistics")),
    ("buildings:index", _("Buildings")),
    ("waste:index", _("Waste")),
    ("procurement:index", _("Procurement")),
    ("reuse:index", _("Reuse")),
    ("systems:index", _("Systems")),
]


def platform(request):
    nav = []
    homes = {"/"} | {f"/{code}/" for code in codes()}
    for name, label in NAV:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        nav.append({"url": url, "label": label,
                    "active": request.path == url or (url not in homes and request.path.startswith(url))})
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
