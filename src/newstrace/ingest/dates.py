"""Any date string -> ISO 8601 UTC (`2026-03-04T10:00:00Z`), or None when unknown."""

from __future__ import annotations

import re
import time
import warnings
from datetime import UTC, datetime, timedelta, timezone
from typing import cast

_HOUR = 3600
# Zone abbreviations common in English-language news datelines.
TZINFOS: dict[str, int] = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "BST": _HOUR,
    "CET": _HOUR,
    "CEST": 2 * _HOUR,
    "EET": 2 * _HOUR,
    "EEST": 3 * _HOUR,
    "IST": 5 * _HOUR + 1800,
    "JST": 9 * _HOUR,
    "AEST": 10 * _HOUR,
    "AEDT": 11 * _HOUR,
    "EST": -5 * _HOUR,
    "EDT": -4 * _HOUR,
    "CST": -6 * _HOUR,
    "CDT": -5 * _HOUR,
    "MST": -7 * _HOUR,
    "MDT": -6 * _HOUR,
    "PST": -8 * _HOUR,
    "PDT": -7 * _HOUR,
    "ET": -5 * _HOUR,  # US zones without daylight marker: standard time assumed
    "CT": -6 * _HOUR,
    "MT": -7 * _HOUR,
    "PT": -8 * _HOUR,
}
_MIN_YEAR, _MAX_YEAR = 1900, 2100
_EPOCH = re.compile(r"^\d{9,13}(\.\d+)?$")
_NOISE = re.compile(r"^(published|updated|posted|date|on)\s*:?\s*", re.IGNORECASE)


def format_utc(moment: datetime) -> str:
    """A datetime as `YYYY-MM-DDTHH:MM:SSZ`; naive datetimes are taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def from_struct_time(value: time.struct_time | None) -> str | None:
    """feedparser's `*_parsed` fields (already UTC) -> ISO string."""
    if value is None:
        return None
    try:
        moment = datetime(*value[:6], tzinfo=UTC)
    except (TypeError, ValueError):
        return None
    return format_utc(moment) if _MIN_YEAR <= moment.year <= _MAX_YEAR else None


def normalize_date(value: str | datetime | None) -> str | None:
    """Parse ISO 8601, RFC 2822, epoch seconds/milliseconds or free forms like
    `March 4, 2026 10:00 AM EST`; the result is UTC. Dates without a time get midnight UTC."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return format_utc(value) if _MIN_YEAR <= value.year <= _MAX_YEAR else None
    text = _NOISE.sub("", value.strip())
    if not text or len(text) > 100:
        return None
    moment = _parse(text)
    if moment is None or not _MIN_YEAR <= moment.year <= _MAX_YEAR:
        return None
    return format_utc(moment)


def _parse(text: str) -> datetime | None:
    if _EPOCH.match(text):
        seconds = float(text)
        if seconds > 1e11:  # milliseconds
            seconds /= 1000
        return datetime.fromtimestamp(seconds, tz=UTC)
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    return _parse_free(text)


def _parse_free(text: str) -> datetime | None:
    """dateutil, accepted only when the string names a full date (year, month and day)."""
    from dateutil import parser

    tzinfos = {name: timezone(timedelta(seconds=offset)) for name, offset in TZINFOS.items()}
    results: list[datetime] = []
    for default in _DEFAULTS:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                parsed, skipped = parser.parse(
                    text, default=default, tzinfos=tzinfos, fuzzy_with_tokens=True
                )
        except (ValueError, OverflowError, TypeError, parser.ParserError):
            return None
        # Fuzzy parses count only when most of the string was date material.
        if sum(len(part.strip()) for part in skipped) > len(text) // 2:
            return None
        results.append(cast(datetime, parsed))
    first, second = results
    if first.date() != second.date():
        return None  # a component was filled in from the default: not a full date
    return first


_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))
