"""The platform's input rules: one place for every check a form, an API call, an
import or a command makes on a value before it is stored.

Each rule takes the field name and the value, returns the value normalised
(stripped text, upper-cased currency, int year) and raises :class:`FieldError`
naming the field otherwise. Messages are the English :class:`Msg` constants
below; their translations into every platform language live in core's gettext
catalogues (:mod:`circularcities.core.i18n`), so this module needs no Django and
a new language needs no code. The web layer (``circularcities.web.fielderrors``)
passes the language of the request.

Ranges, chosen once for the whole platform:

* data years (population, GDP, indicator values, flows, targets, programme
  series): :data:`YEAR_MIN`..:data:`YEAR_MAX` = 1900..2100, wide enough for
  historical baselines and 2100 targets, narrow enough to catch "20230";
* event dates (exchanges, 7R assessments, milestones): from
  :data:`DATE_MIN` = 1990-01-01 to :data:`DATE_MAX` = 2100-12-31;
* numbers are finite (no NaN or Infinity) and bounded by the named maxima.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Literal, NamedTuple, overload

from circularcities.core.errors import ValidationError
from circularcities.core.i18n import translate


class Msg(NamedTuple):
    """A message template (``%(name)s`` parameters); its English text is the key
    of its translations in core's catalogues."""

    en: str

    def render(self, lang: str = "en", params: dict | None = None) -> str:
        return translate(self.en, lang or "en") % (params or {})


class Verbatim(NamedTuple):
    """A message already in the reader's language (an app translated it with Django)."""

    text: str

    def render(self, lang: str = "en", params: dict | None = None) -> str:
        return self.text % (params or {})


class FieldError(ValidationError):
    """Bad input for one field: ``field`` names it so a form can put the message
    beside it and the API can name it; ``text(lang)`` is the sentence."""

    PREFIX = Msg("Field '%(field)s': %(message)s")


    def __init__(self, field: str, message: Msg | str, **params):
        self.field = field
        self.msg: Msg | Verbatim = message if isinstance(message, Msg) else Verbatim(message)
        self.params = params
        super().__init__(self.full("en"))

    def text(self, lang: str = "en") -> str:
        """The sentence without the field name (a form shows it beside the field)."""
        return self.msg.render(lang, self.params)

    def full(self, lang: str = "en") -> str:
        """The sentence naming the field, for the API and the command line."""
        return self.PREFIX.render(lang, {"field": self.field, "message": self.text(lang)})

    @property
    def detail(self) -> str:
        return self.text("en")

    def message(self):
        """The sentence without the field name as a :class:`~circularcities.core.i18n.Message`
        that renders in any language (kept with an import's refused rows), or the text as
        given when an app wrote it already translated."""
        from circularcities.core.i18n import Message

        if isinstance(self.msg, Msg):
            return Message(self.msg.en, **self.params)
        return self.text()


# --- messages ----------------------------------------------------------------

REQUIRED = Msg("A value is required.")

NOT_NUMBER = Msg("'%(value)s' is not a number.")

NOT_FINITE = Msg("Expected a finite number, not %(value)s.")

NOT_WHOLE = Msg("Expected a whole number; got %(value)s.")

AT_LEAST = Msg("Expected %(minimum)s or more; got %(value)s.")

ABOVE = Msg("Expected a number above %(minimum)s; got %(value)s.")

AT_MOST = Msg("Expected at most %(maximum)s; got %(value)s.")

SHARE = Msg("Expected a share between 0 and 100 %%; got %(value)s.")

FRACTION = Msg("Expected a fraction between 0 and 1; got %(value)s.")

YEAR = Msg("Expected a year from %(minimum)d to %(maximum)d; got %(value)s.")

YEAR_ORDER = Msg("Expected a target year after the baseline year.")

DATE = Msg("Expected a date from %(minimum)s to %(maximum)s; got %(value)s.")

NOT_DATE = Msg("Expected a date such as 2024-03-31; got '%(value)s'.")

FUTURE = Msg("Expected a date that is not in the future (today is %(today)s); got %(value)s.")

CURRENCY = Msg("Expected an ISO 4217 currency code such as EUR, USD or CNY; got '%(value)s'.")

CURRENCY_NEEDED = Msg("An amount of money needs its currency (ISO 4217, e.g. EUR).")

CHOICE = Msg("Expected one of %(choices)s; got '%(value)s'.")

CONTROL = Msg("Remove the invisible control character %(char)s (position %(position)d); "
              "only printable text can be stored.")

ONE_LINE = Msg("Write this on one line, without line breaks or tabs.")

TOO_LONG = Msg("Expected at most %(maximum)d characters; got %(length)d.")

LATITUDE = Msg("Expected a latitude between -90 and 90; got %(value)s.")

LONGITUDE = Msg("Expected a longitude between -180 and 180; got %(value)s.")


# --- ranges and maxima -------------------------------------------------------

YEAR_MIN, YEAR_MAX = 1900, 2100
"""Years any data may be stored for (values, flows, populations, targets, series)."""
DATE_MIN, DATE_MAX = dt.date(1990, 1, 1), dt.date(2100, 12, 31)
"""Dates of events (exchanges, assessments, milestones, project periods)."""

MAX_POPULATION = 100_000_000
"""People in one city; the largest metropolitan areas hold about 40 million."""
MAX_AREA_KM2 = 1_000_000.0
# At least a hectare: a smaller city area is a typing slip, and a denormal one made the
# density infinite (issue #11).
MIN_AREA_KM2 = 0.01
"""Area of one city or region in km²."""
MAX_GDP = 1e16
"""GDP in local currency (a large city in IDR or VND reaches 1e15)."""
MAX_MONEY = 1e15
"""Budgets, grants, costs in any currency."""
MAX_PRICE = 1e10
"""One listing's price or one exchange's value, in any currency."""
MAX_COST_PER_T = 1e6
"""A cost or price per tonne."""
MAX_TONNES = 1e10
"""Tonnes in one flow, stock or listing (a year of a megacity's materials is ~1e9 t)."""
MAX_QUANTITY = 1e7
"""A listed quantity in any unit (t, m3, pieces)."""
MAX_MAGNITUDE = 1e15
"""Any indicator or plan value; no catalogue indicator comes near it."""
MAX_ITEMS = 10_000_000
"""Counted items (pieces, people trained...)."""

NAME_LENGTH = 200
TEXT_LENGTH = 20_000

# --- numbers -----------------------------------------------------------------


def _fmt(x) -> str:
    """A bound or a value for a message: 100,000,000 or 1e+15 or 0.5."""
    try:
        f = float(x)
    except (TypeError, ValueError, OverflowError):
        return repr(x)
    if not math.isfinite(f):
        return str(f)
    if f.is_integer() and abs(f) < 1e12:
        return f"{int(f):,}"
    return f"{f:g}"


def number(field: str, value, *, maximum: float, minimum: float = 0.0, above: bool = False,
           integer: bool = False, required: bool = True):
    """A finite number in ``minimum..maximum`` (``above``: strictly above ``minimum``).

    Accepts int, float, Decimal and numeric text ("1,200" too); returns int for
    ``integer``, Decimal for a Decimal, float otherwise; ``None`` for a missing
    optional value.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise FieldError(field, REQUIRED)
        return None
    if isinstance(value, bool):
        raise FieldError(field, NOT_NUMBER, value=value)
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", ""))
        except ValueError:
            raise FieldError(field, NOT_NUMBER, value=value.strip()[:40]) from None
    if not isinstance(value, int | float | Decimal):
        raise FieldError(field, NOT_NUMBER, value=str(value)[:40])
    try:
        f = float(value)
    except (OverflowError, InvalidOperation):
        raise FieldError(field, AT_MOST, maximum=_fmt(maximum), value=str(value)[:40]) from None
    if not math.isfinite(f):
        raise FieldError(field, NOT_FINITE, value=_fmt(f))
    if integer and not f.is_integer():
        raise FieldError(field, NOT_WHOLE, value=_fmt(f))
    if above and f <= minimum:
        raise FieldError(field, ABOVE, minimum=_fmt(minimum), value=_fmt(f))
    if f < minimum:
        raise FieldError(field, AT_LEAST, minimum=_fmt(minimum), value=_fmt(f))
    if f > maximum:
        raise FieldError(field, AT_MOST, maximum=_fmt(maximum), value=_fmt(f))
    if integer:
        return int(f)
    return value if isinstance(value, Decimal) else f


def positive(field: str, value, *, maximum: float, **kw):
    """A finite number above zero and at most ``maximum``."""
    return number(field, value, maximum=maximum, minimum=0.0, above=True, **kw)


def non_negative(field: str, value, *, maximum: float, **kw):
    """A finite number of zero or more and at most ``maximum``."""
    return number(field, value, maximum=maximum, minimum=0.0, **kw)


def magnitude(field: str, value, *, required: bool = True):
    """Any finite number of at most :data:`MAX_MAGNITUDE` in size (may be negative)."""
    return number(field, value, maximum=MAX_MAGNITUDE, minimum=-MAX_MAGNITUDE, required=required)


def share(field: str, value, *, required: bool = True):
    """A percentage 0..100."""
    v = number(field, value, maximum=math.inf, minimum=-math.inf, required=required)
    if v is not None and not 0 <= v <= 100:
        raise FieldError(field, SHARE, value=_fmt(v))
    return v


def fraction(field: str, value, *, required: bool = True):
    """A fraction 0..1."""
    v = number(field, value, maximum=math.inf, minimum=-math.inf, required=required)
    if v is not None and not 0 <= v <= 1:
        raise FieldError(field, FRACTION, value=_fmt(v))
    return v


def indicator_value(field: str, unit: str, value, *, required: bool = True):
    """A value of an indicator or a target: finite, at most 1e15 in size, 0..100 for unit %."""
    if unit == "%":
        return share(field, value, required=required)
    return magnitude(field, value, required=required)


def latitude(field: str, value, *, required: bool = True):
    v = number(field, value, maximum=math.inf, minimum=-math.inf, required=required)
    if v is not None and not -90 <= v <= 90:
        raise FieldError(field, LATITUDE, value=_fmt(v))
    return v


def longitude(field: str, value, *, required: bool = True):
    v = number(field, value, maximum=math.inf, minimum=-math.inf, required=required)
    if v is not None and not -180 <= v <= 180:
        raise FieldError(field, LONGITUDE, value=_fmt(v))
    return v


# --- years and dates ---------------------------------------------------------


@overload
def year(field: str, value, *, required: Literal[True] = ...) -> int: ...
@overload
def year(field: str, value, *, required: bool) -> int | None: ...
def year(field: str, value, *, required: bool = True) -> int | None:
    """A whole data year in :data:`YEAR_MIN`..:data:`YEAR_MAX` (2023, 2023.0 or "2023")."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise FieldError(field, REQUIRED)
        return None
    shown = f"{value:g}" if isinstance(value, float) else str(value).strip()[:40]
    try:
        f = float(value) if not isinstance(value, bool) else math.nan
    except (TypeError, ValueError, OverflowError):
        raise FieldError(field, YEAR, minimum=YEAR_MIN, maximum=YEAR_MAX, value=shown) from None
    if not math.isfinite(f) or not f.is_integer() or not YEAR_MIN <= f <= YEAR_MAX:
        raise FieldError(field, YEAR, minimum=YEAR_MIN, maximum=YEAR_MAX, value=shown)
    return int(f)


def year_after(field: str, later: int, earlier: int) -> None:
    """A target year strictly after its baseline year."""
    if later is not None and earlier is not None and later <= earlier:
        raise FieldError(field, YEAR_ORDER)


def date(field: str, value, *, not_future: bool = False, today: dt.date | None = None,
         required: bool = True) -> dt.date | None:
    """A date in :data:`DATE_MIN`..:data:`DATE_MAX` (and not after ``today`` for ``not_future``)."""
    if value is None or value == "":
        if required:
            raise FieldError(field, REQUIRED)
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise FieldError(field, NOT_DATE, value=value.strip()[:40]) from None
    if not isinstance(value, dt.date):
        raise FieldError(field, NOT_DATE, value=str(value)[:40])
    today = today or dt.date.today()
    if not_future and value > today:
        raise FieldError(field, FUTURE, today=today.isoformat(), value=value.isoformat())
    if not DATE_MIN <= value <= DATE_MAX:
        raise FieldError(field, DATE, minimum=DATE_MIN.isoformat(), maximum=DATE_MAX.isoformat(),
                         value=value.isoformat())
    return value


# --- currencies --------------------------------------------------------------

ISO_4217 = frozenset("""
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN
BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS
GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW
KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD
NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD
SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED
VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG
""".split())
"""Active ISO 4217 currency codes (the maintenance agency's list of money, without the
fund, precious-metal and testing codes such as XAU, XDR or XTS)."""
CURRENCIES = tuple(sorted(ISO_4217))


def currency(field: str, value, *, required: bool = True) -> str:
    """An ISO 4217 code, returned upper-cased; ``""`` for a missing optional code."""
    code = (value or "").strip().upper() if isinstance(value, str | type(None)) else str(value)
    if not code:
        if required:
            raise FieldError(field, CURRENCY_NEEDED)
        return ""
    if code not in ISO_4217:
        raise FieldError(field, CURRENCY, value=code[:12])
    return code


def money_currency(field: str, code, amount) -> str:
    """The currency of an amount: required when ``amount`` is given, else optional."""
    return currency(field, code, required=amount is not None)


# --- choices and text --------------------------------------------------------


def choice(field: str, value, allowed) -> str:
    """One of ``allowed`` (units, kinds, statuses)."""
    if value not in allowed:
        raise FieldError(field, CHOICE, choices=", ".join(str(a) for a in allowed), value=str(value)[:40])
    return value


def _bad_char(ch: str, *, multi_line: bool) -> bool:
    if multi_line and ch in "\n\t\r":  # text() turns \r\n and \r into \n
        return False
    # Cc: C0/C1 controls (incl. \n, \t, DEL); Cs: lone surrogates; Zl/Zp: line and paragraph separators.
    return unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp")


def _text(field: str, value, *, max_length: int, required: bool, multi_line: bool) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        value = str(value)
    if multi_line:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.strip()
    for i, ch in enumerate(value, start=1):
        if _bad_char(ch, multi_line=multi_line):
            if not multi_line and ch in "\n\t\r":
                raise FieldError(field, ONE_LINE)
            raise FieldError(field, CONTROL, char=f"U+{ord(ch):04X}", position=i)
    if required and not value:
        raise FieldError(field, REQUIRED)
    if len(value) > max_length:
        raise FieldError(field, TOO_LONG, maximum=max_length, length=len(value))
    return value


def name(field: str, value, *, max_length: int = NAME_LENGTH, required: bool = False) -> str:
    """Single-line text (names, titles, codes): stripped; refuses every control character."""
    return _text(field, value, max_length=max_length, required=required, multi_line=False)


def text(field: str, value, *, max_length: int = TEXT_LENGTH, required: bool = False) -> str:
    """Multi-line text (descriptions, notes): line breaks and tabs only; ``\\r\\n`` becomes ``\\n``."""
    return _text(field, value, max_length=max_length, required=required, multi_line=True)


def plain(value: str, *, multi_line: bool = True) -> bool:
    """Whether ``value`` holds no forbidden control character (for bulk checks)."""
    return not any(_bad_char(ch, multi_line=multi_line) for ch in value or "")


# --- identifiers (slugs, country codes, e-mail addresses) ----------------------

SLUG = Msg("Use lower-case letters, digits and hyphens (e.g. 'new-city'); got '%(value)s'.")
COUNTRY = Msg("Expected a two-letter ISO 3166 country code such as NL or CN; got '%(value)s'.")
EMAIL = Msg("Expected an e-mail address such as name@example.org; got '%(value)s'.")


def slug(field: str, value, *, max_length: int = 50) -> str:
    """A URL name: lower-case letters, digits and single hyphens, not starting or ending with one."""
    text = str(value or "").strip()
    if not text:
        raise FieldError(field, REQUIRED)
    if len(text) > max_length:
        raise FieldError(field, TOO_LONG, maximum=max_length, length=len(text))
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", text):
        raise FieldError(field, SLUG, value=text[:40])
    return text


def country(field: str, value, *, required: bool = True) -> str:
    """An ISO 3166-1 alpha-2 code, upper-cased."""
    text = str(value or "").strip().upper()
    if not text:
        if required:
            raise FieldError(field, REQUIRED)
        return ""
    if len(text) != 2 or not text.isascii() or not text.isalpha():
        raise FieldError(field, COUNTRY, value=text[:40])
    return text


def email(field: str, value, *, required: bool = False) -> str:
    """An e-mail address (one @, a dot in the domain, no spaces)."""
    text = str(value or "").strip()
    if not text:
        if required:
            raise FieldError(field, REQUIRED)
        return ""
    if len(text) > 254 or not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", text):
        raise FieldError(field, EMAIL, value=text[:60])
    return text
