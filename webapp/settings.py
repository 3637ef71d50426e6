"""One table of settings: name, default, type, help.

Values come, later overriding earlier, from the defaults below, the instance
config file (``instance/config.toml``, keys as named here), the environment
(``CCHC_<NAME>``) and the overrides: the options given to ``cchc serve``, or in
tests the test config. ``load_settings`` converts each value to its type and
stops start-up with a message naming the bad key.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


class SettingsError(ValueError):
    """A setting has a value that cannot be used."""


def default_workers() -> int:
    """One worker process per core, at most 8 (each holds its own copy of the index arrays)."""
    return max(1, min(os.cpu_count() or 1, 8))


def _positive_int(value) -> int:
    number = int(str(value).strip())
    if number < 1:
        raise ValueError("must be at least 1")
    return number


def _count(value) -> int:
    number = int(str(value).strip())
    if number < 0:
        raise ValueError("must be 0 or more")
    return number


def _positive_seconds(value) -> float:
    number = float(str(value).strip())
    if not 0 < number <= 600:
        raise ValueError("must be a number of seconds above 0, at most 600")
    return number


def _origins(value) -> tuple[str, ...]:
    items = value if isinstance(value, list | tuple) else str(value).split(",")
    origins = tuple(item.strip().rstrip("/") for item in items if item.strip())
    for origin in origins:
        if origin != "*" and not origin.startswith(("http://", "https://")):
            raise ValueError(f"'{origin}' is not '*' nor an http(s) origin")
    return origins or ("*",)


def _rate(value) -> str:
    """A request budget such as ``60/minute`` or ``10 per hour`` (checked with ``limits``), or "" for none."""
    from limits import parse

    text = str(value).strip()
    if text and parse(text).amount < 1:  # parse raises ValueError when it is not a rate
        raise ValueError("must allow at least 1 request")
    return text


def _language(value) -> str:
    if value not in ("vi", "en"):
        raise ValueError("must be 'vi' or 'en'")
    return value


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    convert: Callable
    help: str


SETTINGS = (
    Setting("INDEX", "instance/index", str, "Index folder to search."),
    Setting("CORPUS", "corpus", str, "Corpus folder that `cchc serve` indexes when no index exists yet."),
    Setting("PER_PAGE", 10, _positive_int, "Results per page when the URL does not say."),
    Setting("EXPORT_LIMIT", 10_000, _positive_int, "Most rows in one export (CSV, JSON Lines, RIS, BibTeX, CSL-JSON)."),
    Setting("SIMILAR", 5, _positive_int, "Similar bulletins shown on a bulletin page."),
    Setting("CORS_ORIGINS", "*", _origins,
            "Origins allowed to call the JSON API and load widget.js: '*' or a comma-separated list."),
    Setting("LANGUAGE", "vi", _language, "Interface language when the URL does not say: vi or en."),
    Setting("WORKERS", default_workers(), _positive_int,
            "Worker processes of the WSGI server (`cchc serve`); default: one per core, at most 8."),
    Setting("THREADS", 8, _positive_int, "Threads per worker process of the WSGI server."),
    Setting("RESULT_CACHE", 256, _count,
            "Search answers each worker keeps per index state (0: none)."),
    Setting("QUERY_TIMEOUT", 5.0, _positive_seconds,
            "Seconds one search may run before it is stopped with a message (HTTP 422)."),
    Setting("RATE_LIMIT", "60/minute", _rate,
            "Requests one client address may make to the API, /embed and widget.js: '60/minute', "
            "'1000 per hour'; '' for no limit. Past it: HTTP 429 with Retry-After."),
    Setting("EXPORT_RATE_LIMIT", "10/minute", _rate,
            "Exports (CSV, JSON Lines, RIS, BibTeX, CSL-JSON) one client address may download, as RATE_LIMIT; "
            "'' for no limit."),
    Setting("RATE_LIMIT_STORAGE", "", str,
            "SQLite file of the request counters, shared by the worker processes; '' for a temporary file "
            "per `cchc serve`."),
    Setting("TRUSTED_PROXIES", 0, _count,
            "Reverse proxies in front of the app: the client address is then read from X-Forwarded-For."),
)
ENV_PREFIX = "CCHC_"
CONFIG_FILE = "config.toml"


def _convert(setting: Setting, value, source: str):
    try:
        return setting.convert(value)
    except (TypeError, ValueError) as error:
        raise SettingsError(f"Setting {setting.name} from {source}: {value!r} is not valid ({error}).") from None


def _from_file(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(f"Cannot read {path}: {error}") from None
    known = {s.name for s in SETTINGS}
    unknown = sorted(set(data) - known)
    if unknown:
        raise SettingsError(f"Unknown setting {unknown[0]!r} in {path}; known: {', '.join(sorted(known))}.")
    return data


def load_settings(instance_path: Path, environ=None, overrides: dict | None = None) -> dict:
    """Every setting's value, converted and checked."""
    environ = os.environ if environ is None else environ
    from_file = _from_file(Path(instance_path) / CONFIG_FILE)
    values = {}
    for setting in SETTINGS:
        value, source = setting.default, "the defaults"
        if setting.name in from_file:
            value, source = from_file[setting.name], CONFIG_FILE
        if ENV_PREFIX + setting.name in environ:
            value, source = environ[ENV_PREFIX + setting.name], ENV_PREFIX + setting.name
        if overrides and setting.name in overrides:
            value, source = overrides[setting.name], "the command line or test config"
        values[setting.name] = _convert(setting, value, source)
    return values
