"""The ``cchc`` command: thin click wrappers over ``indexer`` and ``search``.

    cchc index  [--corpus DIR] [--index DIR] [--full] [--scratch] [--jobs N] [--wait] [--max-bytes N]
    cchc search QUERY [--province P]... [--year Y]... [--quarter Q]... [--topic T]...
                [--sort relevance|newest|oldest] [--page N] [--per-page N] [--match best|all] [--explain] [--json]
    cchc show   ID [--json]
    cchc stats  [--json]
    cchc serve  [--host H] [--port P] [--index DIR] [--corpus DIR] [--workers N] [--threads N]

Defaults: corpus ``./corpus`` and index ``./instance/index``, overridden by the
options or by ``CCHC_CORPUS`` / ``CCHC_INDEX``. ``cchc serve`` reads them, like its
other settings, from ``instance/config.toml`` and ``CCHC_*`` too; its options
override a setting only when given. Errors print one clear line and exit
non-zero: 1 (no index, missing corpus), 2 (bad query or option), 3 (the
index is being written by another run). Set ``CCHC_DEBUG=1`` for tracebacks.
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
from pathlib import Path

import click

DEFAULT_CORPUS = "corpus"
DEFAULT_INDEX = "instance/index"
LOG_EVERY = 200


class Failure(click.ClickException):
    """An error for the person at the terminal, with an exit code."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.exit_code = code

    def show(self, file=None):
        click.echo(f"Error: {self.format_message()}", err=True)


def index_option(function):
    return click.option(
        "--index", "index_dir", envvar="CCHC_INDEX", default=DEFAULT_INDEX, show_default=True,
        type=click.Path(file_okay=False, path_type=Path), help="Index folder (env CCHC_INDEX).",
    )(function)


def json_option(function):
    return click.option("--json", "as_json", is_flag=True, help="Print JSON.")(function)


def _print_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cchc-search")
def main():
    """Search Vietnamese administrative-reform (CCHC) bulletins."""


# -- index ---------------------------------------------------------------------------
class _Progress:
    """A progress bar on a terminal, a log line every LOG_EVERY bulletins otherwise."""

    def __init__(self):
        self.count = 0
        self.bar = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(unit=" bulletins", desc="Indexing", leave=False)

    def __call__(self, step: int) -> None:
        self.count += step
        if self.bar is not None:
            self.bar.update(step)
        elif self.count % LOG_EVERY == 0:
            click.echo(f"indexed {self.count} bulletins", err=True)

    def close(self):
        if self.bar is not None:
            self.bar.close()


@main.command()
@click.option("--corpus", envvar="CCHC_CORPUS", default=DEFAULT_CORPUS, show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Corpus folder (env CCHC_CORPUS).")
@index_option
@click.option("--full", is_flag=True,
              help="Rebuild into a new index, swapped in atomically (reusing what is unchanged).")
@click.option("--scratch", is_flag=True, help="With or without --full: rebuild every bulletin from nothing.")
@click.option("--jobs", type=click.IntRange(1, 256), default=None,
              help="Worker processes for segmentation [default: all cores].")
@click.option("--wait", is_flag=True, help="Wait for another running 'cchc index' instead of stopping.")
@click.option("--max-bytes", type=click.IntRange(1), default=None,
              help="Skip files (and JSONL lines) larger than this [default: 20,000,000].")
@json_option
def index(corpus: Path, index_dir: Path, full: bool, scratch: bool, jobs, wait: bool, max_bytes, as_json: bool):
    """Build or update the index from a corpus folder (incremental unless --full)."""
    from indexer.builder import IndexBusy, build_index
    from indexer.reader import DEFAULT_MAX_BYTES

    progress = _Progress()
    try:
        report = build_index(corpus, index_dir, full=full, jobs=jobs, wait=wait, scratch=scratch,
                             max_bytes=max_bytes or DEFAULT_MAX_BYTES, progress=progress)
    except IndexBusy as error:
        raise Failure(str(error), 3) from None
    except FileNotFoundError as error:
        raise Failure(str(error), 1) from None
    finally:
        progress.close()
    if as_json:
        _print_json({**report.summary(),
                     "skipped_files": [{"origin": s.origin, "reason": s.reason} for s in report.skipped],
                     "warnings": [{"origin": o, "warning": w} for o, w in report.warnings],
                     "converted_files": [{"origin": o, "encoding": e} for o, e in report.converted]})
        return
    for item in report.skipped:
        click.echo(f"skipped  {item.origin}: {item.reason}")
    for origin, warning in report.warnings:
        click.echo(f"warning  {origin}: {warning}")
    if report.converted:
        click.echo("converted: " + ", ".join(f"{origin} ({encoding})" for origin, encoding in report.converted))
    s = report.summary()
    kind = "full rebuild" if report.full else "incremental update"
    click.echo(f"{kind} of {index_dir} from {corpus}: {s['added']} added, {s['updated']} updated, "
               f"{s['removed']} removed, {s['unchanged']} unchanged, {s['skipped']} skipped "
               f"in {s['elapsed_seconds']:.1f} s; {s['total']} bulletins in the index.")


# -- search ----------------------------------------------------------------------------
def _engine(index_dir: Path):
    from search.engine import SearchEngine

    return SearchEngine(index_dir)


def _run(callable_, *args):
    from search.models import RequestError
    from search.query import QuerySyntaxError
    from search.storage import IndexMissing

    try:
        return callable_(*args)
    except IndexMissing as error:
        raise Failure(str(error), 1) from None
    except (RequestError, QuerySyntaxError) as error:
        raise Failure(str(error), 2) from None


def _terminal_snippet(snippet: str) -> str:
    marked = (lambda m: click.style(m.group(1), bold=True)) if sys.stdout.isatty() else r"[\1]"
    return html.unescape(re.sub(r"<mark>(.*?)</mark>", marked, snippet))


def _period(hit) -> str:
    from search.labels import quarter_label

    parts = [quarter_label(hit.quarter)] if hit.quarter else []
    return " ".join(parts + ([str(hit.year)] if hit.year else [])) or "?"


def _print_results(response) -> None:
    pages = max(1, -(-response.total // response.per_page))
    if response.corrected:
        slips = ", ".join(f"{typed!r} as {used!r}" for typed, used in response.corrected.items())
        click.echo(f"The index has no such word; searched {slips}, the nearest beside the query's other words.")
    if response.unquoted:
        click.echo(f"No bulletin holds the quoted phrase exactly; results for {response.unquoted!r}.")
    if response.same_issuer:
        shown = response.same_issuer["cited"]
        cited = ", ".join(shown[:5]) + (", ..." if len(shown) > 5 else "")
        click.echo(f"No bulletin has or cites {response.same_issuer['number']}; results for bulletins citing {cited}.")
    if response.full_matches is not None and response.full_matches != response.phrase_matches:
        click.echo(f"{response.full_matches} bulletins hold enough of the words; those after them hold some.")
    if response.phrase_matches is not None:
        click.echo(f"{response.phrase_matches} bulletins hold the quoted phrases exactly; those after them hold "
                   "their words otherwise.")
    click.echo(f"{response.total} bulletins match {response.query!r} (page {response.page} of {pages})\n")
    for rank, hit in enumerate(response.results, (response.page - 1) * response.per_page + 1):
        click.echo(f"{rank}. {hit.title}  [{hit.id}]")
        details = [hit.province or "?", _period(hit), hit.published or "", ", ".join(hit.topics)]
        click.echo("   " + " · ".join(d for d in details if d))
        click.echo("   " + _terminal_snippet(hit.snippet))
        click.echo(("   missing: " + ", ".join(hit.missing) + "\n") if hit.missing else "")
    for name, buckets in response.facets.items():
        if buckets:
            shown = ", ".join(f"{'*' if b.selected else ''}{b.label} ({b.count})" for b in buckets[:8])
            click.echo(f"{name}: {shown}")


@main.command()
@click.argument("query", required=False, default="")
@click.option("--province", multiple=True, help="Province before 2025 (repeat to widen).")
@click.option("--province-2025", "province_2025", multiple=True, help="Province after July 2025.")
@click.option("--year", multiple=True, help="Reporting year (repeat to widen).")
@click.option("--quarter", multiple=True, help="Q1-Q4, H1, H2, 9M or FY.")
@click.option("--topic", multiple=True, help="Topic id, e.g. thu_tuc.")
@click.option("--sort", default="relevance", show_default=True, help="relevance, newest or oldest.")
@click.option("--page", default="1", show_default=True)
@click.option("--per-page", "per_page", default="10", show_default=True)
@click.option("--match", default="best", show_default=True,
              help="best: the most informative words suffice, complete matches first; all: every word required.")
@click.option("--explain", is_flag=True, help="With --json: how each result's score was made.")
@index_option
@json_option
def search(query, province, province_2025, year, quarter, topic, sort, page, per_page, match, explain, index_dir,
           as_json):
    """Full-text search with facet filters."""
    from search.models import make_request

    filters = {"province": province, "province_2025": province_2025, "year": year, "quarter": quarter,
               "topic": topic}
    request = _run(make_request, query, filters, sort, page, per_page, None, match, explain)
    response = _run(_engine(index_dir).run_search, request)
    if as_json:
        _print_json(response.to_dict())
    else:
        _print_results(response)


@main.command()
@click.argument("doc_id")
@index_option
@json_option
def show(doc_id: str, index_dir: Path, as_json: bool):
    """Print one bulletin's metadata and text."""
    document = _run(_engine(index_dir).document, doc_id)
    if document is None:
        raise Failure(f"No bulletin with id {doc_id!r}. Find ids with: cchc search QUERY", 1)
    if as_json:
        _print_json(document)
        return
    text = document.pop("text")
    figures = document.pop("figures", None) or []
    for key, value in document.items():
        shown = ", ".join(value) if isinstance(value, list) else value
        click.echo(f"{key:>14}: {shown if shown not in (None, '') else '-'}")
    click.echo(f"{'figures':>14}: {len(figures) or '-'}")
    for figure in figures:
        click.echo(" " * 16 + _figure_line(figure))
    click.echo("\n" + text)


def _figure_line(figure: dict) -> str:
    """One extracted figure as a line: indicator, value and unit, period and year, scope, and where its sentence
    starts in the text ("dossiers_on_time 99.2 % Q1 2024 Cao Bằng (province) @ 120")."""
    value = f"{figure['value']:g}"
    period = " ".join(str(part) for part in (figure.get("period"), figure.get("year")) if part)
    return (f"{figure['indicator']} {value} {figure['unit']} {period or '-'} {figure.get('scope') or '-'} "
            f"({figure.get('scope_level') or '-'}) @ {figure.get('start', '-')}")


@main.command()
@index_option
@json_option
def stats(index_dir: Path, as_json: bool):
    """Print what the index holds."""
    data = _run(_engine(index_dir).stats)
    if as_json:
        _print_json(data)
        return
    years = f"{data['years'][0]}-{data['years'][1]}" if data["years"] else "-"
    click.echo(f"{data['documents']} bulletins, {data['provinces']} provinces, years {years}, "
               f"built {data['built_at']}\nindex: {data['index']}")
    for name, counts in data["facets"].items():
        shown = ", ".join(f"{k} ({v})" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])[:10])
        click.echo(f"{name}: {shown or '-'}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--index", "index_dir", default=None, type=click.Path(file_okay=False, path_type=Path),
              help="Index folder [setting INDEX: instance/index].")
@click.option("--corpus", default=None, type=click.Path(file_okay=False, path_type=Path),
              help="Indexed first if there is no index yet [setting CORPUS: corpus].")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Worker processes [setting WORKERS: one per core].")
@click.option("--threads", type=click.IntRange(1, 256), default=None,
              help="Threads per worker process [setting THREADS].")
def serve(host: str, port: int, index_dir, corpus, workers, threads):
    """Serve the web app with a production WSGI server (gunicorn: worker processes with threads).

    Settings come from instance/config.toml and CCHC_* variables; an option overrides its setting
    only when it is given.
    """
    from search.schema import SCHEMA_VERSION
    from search.storage import current_generation, read_build_info
    from webapp.server import Server

    given = {"INDEX": index_dir, "CORPUS": corpus, "WORKERS": workers, "THREADS": threads}
    app = serving_app({name: value for name, value in given.items() if value is not None})
    config = app.config
    index_dir, corpus = Path(config["INDEX"]), Path(config["CORPUS"])
    generation = current_generation(index_dir)
    found = read_build_info(generation).get("schema_version") if generation else None
    if generation is None or found != SCHEMA_VERSION:
        why = (f"No index at {index_dir} yet" if generation is None else
               f"The index at {index_dir} has schema version {found}, this version needs {SCHEMA_VERSION}")
        click.echo(f"{why}: indexing {corpus} first.", err=True)
        click.get_current_context().invoke(index, corpus=corpus, index_dir=index_dir, full=generation is not None,
                                            scratch=generation is not None, jobs=None, wait=True, max_bytes=None,
                                            as_json=False)
    _check_port(host, port)
    click.echo(f"Serving {index_dir} on http://{host}:{port}/ with {config['WORKERS']} worker processes x "
               f"{config['THREADS']} threads  (Ctrl+C to stop)", err=True)
    Server(app, host, port, config["WORKERS"], config["THREADS"]).run()


def serving_app(options: dict):
    """The app ``cchc serve`` runs: settings from the instance config and environment, then ``options``."""
    from webapp import create_app
    from webapp.settings import SettingsError

    try:
        return create_app(options, testing=False)
    except SettingsError as error:
        raise Failure(str(error), 2) from None


def _check_port(host: str, port: int) -> None:
    """Stop with one line when the address cannot be listened on (in use, not this machine's)."""
    import socket

    try:
        with socket.create_server((host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET):
            pass
    except OSError as error:
        reason = os.strerror(error.errno) if error.errno else str(error)
        raise Failure(f"Cannot listen on {host}:{port}: {reason}.", 1) from None


def run() -> None:
    """Entry point with a last-resort handler: one line, never a traceback."""
    try:
        main(standalone_mode=True)
    except Exception as error:  # pragma: no cover - the safety net itself
        if os.environ.get("CCHC_DEBUG"):
            raise
        click.echo(f"Error: unexpected {type(error).__name__}: {error} (set CCHC_DEBUG=1 for details)",
                   err=True)
        sys.exit(70)
