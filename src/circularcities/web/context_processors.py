from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from circularcities.web.language import other_language

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
    ("systems:index", _("Systems")),
]


def platform(request):
    nav = []
    for name, label in NAV:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        nav.append({"url": url, "label": label,
                    "active": request.path == url or (url != "/" and url != "/zh-hans/" and request.path.startswith(url))})
    return {"nav": nav, "DEMO_MODE": getattr(settings, "DEMO_MODE", False),
            "other_language": other_language(request)}
