"""The command line's date options (``--as-of``, ``--from``, ``--to``) read by the one
date reader, so that they take what the data takes: ``--as-of 16/01/2014`` is
``--as-of 2014-01-16``, and a date it cannot read gets the reader's message."""
from __future__ import annotations

from typing import Any

import click

from graphmodel.dates import DateError, read_date

__all__ = ["DateType", "DATE"]


class DateType(click.ParamType[str]):
    """A date in any form :func:`graphmodel.dates.read_date` reads, given on as ISO text."""
    name = "date"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        try:
            day = read_date(value)
        except DateError as exc:
            self.fail(str(exc), param, ctx)
        if day is None:
            self.fail("no date given; write YYYY-MM-DD or DD/MM/YYYY", param, ctx)
        return day


DATE = DateType()
