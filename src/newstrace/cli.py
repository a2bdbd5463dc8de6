"""Command line: parses arguments, calls the pipeline, prints. No analysis happens here."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer

from newstrace.model import IngestError
from newstrace.settings import Settings

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Who reported what, who copied whom, and what was added or changed along the way.",
)

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="NEWSTRACE_DB",
        help="SQLite file (default newstrace.db) or a postgresql:// URL.",
    ),
]
LexicalOption = Annotated[
    bool,
    typer.Option("--lexical", help="Use no neural model (rule-based NER, hashed lexical vectors)."),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")]

EXIT_INPUT_ERRORS = 3


def _settings(lexical: bool) -> Settings:
    return Settings.lexical() if lexical else Settings.from_env()


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _print_error(error: IngestError) -> None:
    _err(f"error: {error}")


def _open(db: str, must_exist: bool = False) -> Any:
    """The store at `db`; with `must_exist`, a missing SQLite file is an error naming the path
    (exit 2) and nothing is created."""
    from newstrace.store import StoreNotFound, open_store

    try:
        return open_store(db, must_exist=must_exist)
    except StoreNotFound as exc:
        _err(f"error: {exc}")
        raise typer.Exit(2) from None


def _pipeline(store: Any, lexical: bool, quiet: bool, analyzer: Any = None) -> Any:
    from newstrace.pipeline import Pipeline

    progress = not quiet and sys.stderr.isatty()
    pipe = Pipeline(store, _settings(lexical), progress=progress, analyzer=analyzer)
    pipe.on_error = _print_error
    return pipe


@app.command()
def dossier(
    files: Annotated[list[Path], typer.Argument(help="Article files or folders, any format.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the JSON.")],
    lexical: LexicalOption = False,
    quiet: QuietOption = False,
) -> None:
    """One shot: read FILES into a temporary store and write the whole dossier as JSON."""
    from newstrace.report.dossier import validate_dossier

    with tempfile.TemporaryDirectory(prefix="newstrace-") as tmp:
        store = _open(str(Path(tmp) / "dossier.db"))
        try:
            pipe = _pipeline(store, lexical, quiet)
            report = pipe.ingest(files)
            result = pipe.dossier()
        finally:
            store.close()
    validate_dossier(result)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    _err(
        f"{len(result['articles'])} articles, {len(result['stories'])} stories, "
        f"{len(result['derivations'])} derivations, {len(result['flags'])} flags -> {output}"
    )
    if report.errors:
        _err(f"{len(report.errors)} input(s) could not be read (see above)")
        raise typer.Exit(EXIT_INPUT_ERRORS)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to ingest.")],
    db: DbOption = "newstrace.db",
    lexical: LexicalOption = False,
    quiet: QuietOption = False,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", help="Largest file (or JSONL/WARC record) read, in bytes.")
    ] = 25_000_000,
    ray: Annotated[
        bool, typer.Option("--ray", help="Analyse on Ray workers (needs the `ray` extra).")
    ] = False,
    ray_address: Annotated[
        str | None,
        typer.Option("--ray-address", help="A running Ray cluster; default: local Ray."),
    ] = None,
    workers: Annotated[int, typer.Option("--workers", help="Ray workers (actors).")] = 2,
    meta: Annotated[
        Path | None,
        typer.Option(
            "--meta",
            help="CSV or JSONL table: a `file` column (file name, path or id) and any of "
            "title, outlet, published, url, author, filled into the articles read.",
        ),
    ] = None,
) -> None:
    """Add articles to the corpus; each joins its story at once. Re-ingesting changes nothing."""
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        _err(f"error: {path}: no such file or folder")
    if len(missing) == len(paths):
        _err("error: nothing to read; the store was not opened")
        raise typer.Exit(EXIT_INPUT_ERRORS)
    table = None
    if meta is not None:
        from newstrace.ingest.meta import ArticleMeta, MetaError

        try:
            table = ArticleMeta.load(meta)
        except MetaError as exc:
            _err(f"error: {exc}")
            raise typer.Exit(2) from None
    analyzer = None
    if ray or ray_address:
        from newstrace.distributed import RayAnalyzer

        try:
            analyzer = RayAnalyzer(_settings(lexical), workers=workers, address=ray_address)
        except ImportError as exc:
            _err(f"error: {exc}")
            raise typer.Exit(2) from exc
    store = _open(db)
    try:
        report = _pipeline(store, lexical, quiet, analyzer).ingest(
            [p for p in paths if p.exists()], max_bytes=max_bytes, meta=table
        )
    finally:
        store.close()
        if analyzer is not None:
            analyzer.close()
    typer.echo(
        f"added {len(report.added)}, already stored {len(report.skipped)}, "
        f"failed {len(report.errors)}; stories updated {len(report.stories_updated)} "
        f"({report.seconds:.1f}s)"
    )
    if table is not None and table.unused():
        unused = table.unused()
        _err(
            f"note: {len(unused)} row(s) of {meta} matched no article added in this run: "
            + ", ".join(unused[:10])
            + (" …" if len(unused) > 10 else "")
        )
    if report.errors or missing:
        raise typer.Exit(EXIT_INPUT_ERRORS)


@app.command()
def recluster(
    db: DbOption = "newstrace.db", lexical: LexicalOption = False, quiet: QuietOption = False
) -> None:
    """Rebuild all stories and events from scratch (the incremental path keeps them current)."""
    store = _open(db, must_exist=True)
    try:
        stories = _pipeline(store, lexical, quiet).recluster()
    finally:
        store.close()
    typer.echo(f"{len(stories)} stories")


@app.command()
def stories(db: DbOption = "newstrace.db") -> None:
    """List stories: id, articles, events, flags, title."""
    store = _open(db, must_exist=True)
    try:
        rows = store.stories()
        typer.echo(f"{'story':<14} {'articles':>8} {'events':>6} {'flags':>5}  title")
        for story in rows:
            prov = store.get_provenance(story.id)
            flags = len(prov.flags) if prov else 0
            typer.echo(
                f"{story.id:<14} {len(story.articles):>8} {len(story.events):>6} {flags:>5}  "
                f"{story.title}"
            )
    finally:
        store.close()


@app.command()
def show(story_id: str, db: DbOption = "newstrace.db") -> None:
    """Print one story: events, articles, derivations and flags with evidence."""
    from newstrace.report.markdown import render_story_markdown

    store = _open(db, must_exist=True)
    try:
        if store.get_story(story_id) is None:
            _err(f"error: no story {story_id!r} in {db} (see `newstrace stories`)")
            raise typer.Exit(2)
        typer.echo(render_story_markdown(store, story_id))
    finally:
        store.close()


@app.command()
def report(
    story_id: str,
    html: Annotated[Path | None, typer.Option("--html", help="Self-contained HTML page.")] = None,
    markdown: Annotated[Path | None, typer.Option("--markdown", help="Markdown file.")] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Dossier JSON of the story.")
    ] = None,
    db: DbOption = "newstrace.db",
) -> None:
    """Write a story's report as HTML, Markdown and/or JSON."""
    store = _open(db, must_exist=True)
    try:
        if store.get_story(story_id) is None:
            _err(f"error: no story {story_id!r} in {db} (see `newstrace stories`)")
            raise typer.Exit(2)
        if not (html or markdown or json_out):
            _err("error: say where to write: --html FILE, --markdown FILE or --json FILE")
            raise typer.Exit(2)
        _write_reports(store, story_id, html, markdown, json_out)
    finally:
        store.close()


def _write_reports(
    store: Any, story_id: str, html: Path | None, markdown: Path | None, json_out: Path | None
) -> None:
    if html:
        from newstrace.report.html import render_story_html

        html.parent.mkdir(parents=True, exist_ok=True)
        html.write_text(render_story_html(store, story_id), encoding="utf-8")
        typer.echo(f"HTML report: {html}")
    if markdown:
        from newstrace.report.markdown import render_story_markdown

        markdown.parent.mkdir(parents=True, exist_ok=True)
        markdown.write_text(render_story_markdown(store, story_id), encoding="utf-8")
        typer.echo(f"Markdown report: {markdown}")
    if json_out:
        from newstrace.pipeline import Pipeline

        data = Pipeline(store).dossier([story_id])
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
        typer.echo(f"JSON dossier: {json_out}")


@app.command()
def compare(
    article_a: Annotated[str, typer.Argument(help="Article id: the one compared against.")],
    article_b: Annotated[str, typer.Argument(help="Article id: aligned to A and checked.")],
    db: DbOption = "newstrace.db",
    json_out: Annotated[bool, typer.Option("--json", help="Print the view as JSON.")] = False,
    lexical: LexicalOption = False,
) -> None:
    """Any two stored articles side by side: B aligned to A, the checker's verdict per sentence."""
    from newstrace.report.markdown import render_compare_markdown
    from newstrace.report.views import ViewNotFound, pair_view, to_jsonable

    store = _open(db, must_exist=True)
    try:
        try:
            view = pair_view(store, article_a, article_b, _settings(lexical))
        except ViewNotFound as exc:
            _err(f"error: {exc.args[0]} in {db}")
            raise typer.Exit(2) from None
    finally:
        store.close()
    if json_out:
        typer.echo(json.dumps(to_jsonable(view), indent=2, ensure_ascii=False))
    else:
        typer.echo(render_compare_markdown(view))


@app.command()
def export(
    story_id: str,
    what: Annotated[str, typer.Argument(help="quotes, figures, flags or claims.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="CSV file (default: print).")
    ] = None,
    db: DbOption = "newstrace.db",
) -> None:
    """A story's quotes, figures, flags or claims as CSV."""
    from newstrace.report.export import EXPORTS, export_csv
    from newstrace.report.views import story_view

    if what not in EXPORTS:
        _err(f"error: nothing to export as {what!r}: choose one of {', '.join(EXPORTS)}")
        raise typer.Exit(2)
    store = _open(db, must_exist=True)
    try:
        if store.get_story(story_id) is None:
            _err(f"error: no story {story_id!r} in {db} (see `newstrace stories`)")
            raise typer.Exit(2)
        view = story_view(store, story_id, claims_page=None if what == "claims" else 1)
        text = export_csv(view, what)
    finally:
        store.close()
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        _err(f"{what}: {text.count(chr(10)) - 1} rows -> {output}")


@app.command("score-support")
def score_support(
    input_path: Annotated[Path, typer.Argument(help='JSONL lines {"id","source","claim"}.')],
    output: Annotated[Path, typer.Option("--output", "-o", help='JSONL lines {"id","score"}.')],
    lexical: LexicalOption = False,
) -> None:
    """Score how well each claim is supported by its source text (the checker flags use)."""
    from newstrace.align import score_support_file

    count = score_support_file(input_path, output, _settings(lexical))
    _err(f"scored {count} claims -> {output}")


@app.command()
def serve(
    db: DbOption = "newstrace.db",
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8765,
) -> None:
    """Start the local web app (story list, timeline, provenance graph, diffs, claim matrix)."""
    try:
        from newstrace.web import run
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        _err(f"error: the web UI needs the `web` extra: pip install 'newstrace[web]' ({exc})")
        raise typer.Exit(2) from exc
    _open(db, must_exist=True).close()
    typer.echo(f"newstrace: serving {db} at http://{host}:{port}/")
    run(db, host, port)


@app.command()
def demo(
    out: Annotated[Path, typer.Option(help="Folder for the demo store and reports.")] = Path(
        "build/demo"
    ),
    corpus: Annotated[Path, typer.Option(help="The demo corpus folder.")] = Path("demo/corpus"),
    lexical: LexicalOption = False,
    quiet: QuietOption = False,
) -> None:
    """Ingest the demo corpus and write its dossier and reports; print where they are."""
    from newstrace.report.dossier import validate_dossier

    if not corpus.is_dir():
        _err(f"error: demo corpus not found at {corpus} (run from the repository root)")
        raise typer.Exit(2)
    out.mkdir(parents=True, exist_ok=True)
    db_path = out / "demo.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    store = _open(str(db_path))
    try:
        pipe = _pipeline(store, lexical, quiet)
        pipe.ingest([corpus])
        data = pipe.dossier()
        validate_dossier(data)
        (out / "dossier.json").write_text(
            json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8"
        )
        typer.echo(f"dossier: {out / 'dossier.json'}")
        for story in sorted(store.stories(), key=lambda s: -len(s.articles)):
            _write_reports(store, story.id, out / f"{story.id}.html", out / f"{story.id}.md", None)
    finally:
        store.close()
    typer.echo(
        f"\nOpen the reports above in a browser, or browse everything with:\n"
        f"  .venv/bin/newstrace serve --db {db_path}\n"
    )


def main() -> None:
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    app()


if __name__ == "__main__":
    main()
