"""Exception hierarchy of the platform.

Core code raises these; the web apps and the command line turn them into
messages for people. Every message is a sentence that says what was expected.
"""

from __future__ import annotations

from circularcities.core.i18n import Message, render


class CircularCitiesError(Exception):
    """Base class of every error the platform raises on purpose."""


class ValidationError(CircularCitiesError, ValueError):
    """A parameter object or an input value is not valid."""


class DataImportError(CircularCitiesError):
    """An uploaded or read file has problems.

    Parameters
    ----------
    problems
        One entry per problem, each naming where it is (sheet, row, column)
        and what is wrong.
    """

    def __init__(self, problems: list[Problem] | list[str]):
        self.problems = [p if isinstance(p, Problem) else Problem(message=p) for p in problems]
        super().__init__("; ".join(str(p) for p in self.problems[:5])
                         + (f" (and {len(self.problems) - 5} more)" if len(self.problems) > 5 else ""))


class MassBalanceError(CircularCitiesError):
    """A process's inflows and outflows do not balance."""


class InfeasibleError(CircularCitiesError):
    """A model cannot be solved as given (e.g. a load heavier than any vehicle)."""


class Problem:
    """One problem found in input data, located as precisely as possible.

    Parameters
    ----------
    message
        What is wrong, as a sentence.
    sheet, row, column
        Where it is. ``row`` is the 1-based line or spreadsheet row number as
        the user sees it (header is row 1); ``column`` is the header name.
    letter
        The spreadsheet's column letter (``C``), when known.
    """

    __slots__ = ("message", "sheet", "row", "column", "letter")

    def __init__(self, message: str | Message, sheet: str | None = None, row: int | None = None,
                 column: str | None = None, letter: str | None = None):
        self.message = message
        self.sheet = sheet
        self.row = row
        self.column = column
        self.letter = letter

    def location(self, language: str | None = None) -> str:
        """Where the problem is ("sheet 'flows', row 3, column C 'tonnes'"), in ``language``
        (default: the active one, see :mod:`circularcities.core.i18n`)."""
        parts = []
        if self.sheet:
            parts.append(Message("sheet '%(sheet)s'", sheet=self.sheet))
        if self.row is not None:
            parts.append(Message("row %(row)d", row=self.row))
        if self.column:
            parts.append(Message("column %(letter)s '%(column)s'", letter=self.letter, column=self.column)
                         if self.letter else Message("column '%(column)s'", column=self.column))
        elif self.letter:
            parts.append(Message("column %(letter)s", letter=self.letter))
        return ", ".join(p.render(language) for p in parts)

    def text(self, language: str | None = None) -> str:
        """The message without its location, in ``language`` (default: the active one)."""
        return render(self.message, language)

    def full(self, language: str | None = None) -> str:
        loc = self.location(language)
        if not loc:
            return self.text(language)
        return Message("%(where)s: %(message)s", where=loc[0].upper() + loc[1:],
                       message=self.text(language)).render(language)

    def __str__(self) -> str:
        return self.full()

    def as_dict(self, language: str | None = None) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column,
                "letter": self.letter, "message": self.text(language), "text": self.full(language)}

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Problem({str(self)!r})"
