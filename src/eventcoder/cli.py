"""The command line: a thin Typer layer over the library functions of the same name."""

from __future__ import annotations

import json
import logging
import sys
import time
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from eventcoder import __version__
from eventcoder.errors import ConfigError, EventcoderError
from eventcoder.settings import Settings

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="News reports in, sourced and geocoded political events out.",
)
evaluate_app = typer.Typer(no_args_is_help=True, help="Score eventcoder against gold data.")
app.add_typer(evaluate_app, name="evaluate")
actors_app = typer.Typer(no_args_is_help=True, help="The actor knowledge base.")
app.add_typer(actors_app, name="actors")
sources_app = typer.Typer(no_args_is_help=True, help="News sources' geographic focus.")
app.add_typer(sources_app, name="sources")

Config = Annotated[Path | None, typer.Option("--config", help="eventcoder.toml to read.")]
DbOption = Annotated[Path, typer.Option("--db", help="The SQLite database file.")]


def _settings(config: Path | None, **overrides: object) -> Settings:
    return Settings.load(config, **overrides)


def _fail(err: EventcoderError) -> None:
    typer.echo(f"error: {err}", err=True)
    raise typer.Exit(2)


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="Article file, or - for standard input.")] = "-",
    published: Annotated[
        str | None, typer.Option("--date", help="Publication date YYYY-MM-DD.")
    ] = None,
    input_format: Annotated[str, typer.Option(help="text, html or jsonl.")] = "text",
    output_format: Annotated[str, typer.Option("--format", help="json or jsonl.")] = "json",
    title: Annotated[str | None, typer.Option(help="Article title.")] = None,
    source: Annotated[str | None, typer.Option(help="Outlet name.")] = None,
    url: Annotated[str | None, typer.Option(help="Article URL.")] = None,
    config: Config = None,
) -> None:
    """Print the events of articles in output contract v1 (one object per article)."""
    from eventcoder.contract import article_to_json
    from eventcoder.runner import code_articles

    try:
        settings = _settings(config)
        articles = _read_inputs(path, input_format, settings, published, title, source, url)
        for article in code_articles(articles, settings):
            _print_json(article_to_json(article), output_format)
    except EventcoderError as err:
        _fail(err)


def _read_inputs(
    path: str,
    input_format: str,
    settings: Settings,
    published: str | None,
    title: str | None,
    source: str | None,
    url: str | None,
):
    from eventcoder.ingest import article_from_html, article_from_text, read_jsonl, read_text_file

    day = _parse_day(published)
    if input_format == "jsonl":
        stream = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
        return read_jsonl(stream, settings, origin=path)
    text = sys.stdin.read() if path == "-" else None
    if input_format == "html":
        raw = text if text is not None else Path(path).read_text(encoding="utf-8", errors="replace")
        article = article_from_html(raw, settings, origin=path, url=url)
        return [article.with_(meta=_meta(article.meta, day, title, source, url))]
    if text is None:
        article = read_text_file(path, settings)
        return [article.with_(meta=_meta(article.meta, day, title, source, url))]
    return [
        article_from_text(
            text, settings, published=day, title=title, source=source, url=url, origin="<stdin>"
        )
    ]


def _parse_day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published)
    except ValueError as err:
        raise ConfigError(f"--date {published!r} is not a date: write it as YYYY-MM-DD") from err


def _meta(meta, day: date | None, title: str | None, source: str | None, url: str | None):
    from dataclasses import replace

    return replace(
        meta,
        published=day or meta.published,
        title=title or meta.title,
        source=source or meta.source,
        url=url or meta.url,
    )


def _print_json(obj: dict, output_format: str) -> None:
    if output_format == "jsonl":
        typer.echo(json.dumps(obj, ensure_ascii=False))
    else:
        typer.echo(json.dumps(obj, ensure_ascii=False, indent=2))


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders to ingest.")],
    db: DbOption = Path("events.sqlite"),
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False,
    config: Config = None,
) -> None:
    """Ingest files and folders, code them and store articles, events and rejections."""
    from eventcoder.ingest import iter_articles
    from eventcoder.runner import run_into_store
    from eventcoder.store import Store

    try:
        settings = _settings(config)
        with Store.open(db) as store, _Progress(quiet) as progress:
            summary = run_into_store(
                iter_articles(paths, settings), store, settings, progress=progress.advance
            )
    except EventcoderError as err:
        _fail(err)
    typer.echo(_summary_text(summary, db))


def _cluster_coder(settings: Settings, workers: int, scheduler: str | None):
    """A function coding articles on Dask, or None to code in this process."""
    if not workers and not scheduler:
        return None
    from eventcoder.runner.distributed import code_on_cluster, connect, local_cluster

    client = connect(scheduler) if scheduler else local_cluster(workers)
    return lambda articles: code_on_cluster(articles, settings, client)


class _Progress:
    """A rich progress bar showing articles/s (silent when ``quiet``)."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.count = 0
        self.t0 = time.perf_counter()

    def __enter__(self) -> _Progress:
        if not self.quiet:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("coding articles")
        return self

    def advance(self, article: object) -> None:
        """Count one article."""
        self.count += 1
        if not self.quiet:
            rate = self.count / max(time.perf_counter() - self.t0, 1e-9)
            self.bar.update(self.task, description=f"{self.count} articles  {rate:.1f} articles/s")

    def __exit__(self, *exc: object) -> None:
        if not self.quiet:
            self.bar.stop()


def _summary_text(summary, db: Path) -> str:
    lines = [
        f"{summary.total} articles in {summary.seconds:.1f} s "
        f"({summary.total / max(summary.seconds, 1e-9):.1f} articles/s) -> {db}",
        f"  accepted: {summary.accepted}",
        f"  rejected: {sum(summary.rejected.values())}",
    ]
    lines += [f"    {reason}: {n}" for reason, n in sorted(summary.rejected.items())]
    lines.append(f"  events: {sum(summary.events.values())}")
    lines += [f"    {kind}: {n}" for kind, n in summary.events.most_common()]
    return "\n".join(lines)


@app.command("export")
def export_cmd(
    db: DbOption = Path("events.sqlite"),
    fmt: Annotated[str, typer.Option("--format", help="csv, jsonl, geojson or parquet.")] = "csv",
    out: Annotated[
        Path | None, typer.Option("--out", help="Output file (default: stdout).")
    ] = None,
    country: Annotated[
        str | None, typer.Option(help="Only this country (ISO code or name).")
    ] = None,
) -> None:
    """Export the stored events: ACLED-column CSV, PLOVER JSONL, GeoJSON or Parquet."""
    from eventcoder.export import export
    from eventcoder.store import Store

    if fmt == "parquet" and out is None:
        _fail(EventcoderError("parquet needs a file: add --out events.parquet"))
    try:
        with Store.open(db) as store:
            result = export(store, fmt, out if out else sys.stdout, country=country)
    except EventcoderError as err:
        _fail(err)
    skipped = f", {result.skipped} left out ({result.reason})" if result.skipped else ""
    typer.echo(f"{result.written} {fmt} records{skipped}", err=True)


@app.command()
def timeline(
    db: DbOption = Path("events.sqlite"),
    country: Annotated[str | None, typer.Option(help="Only this country.")] = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")] = None,
    mentions: Annotated[
        bool, typer.Option("--mentions", help="One block per report instead of per merged event.")
    ] = False,
) -> None:
    """Print the merged events by date: place, type, actors, counts, sources and their evolution."""
    from eventcoder.export import render_timeline
    from eventcoder.export.timeline import render_merged_timeline
    from eventcoder.resolve.crossdoc import merged_events
    from eventcoder.store import Store

    filters = {"country": country, "since": since, "until": until}
    try:
        with Store.open(db) as store:
            text = (render_timeline(store.events(**filters)) if mentions
                    else render_merged_timeline(merged_events(store, **filters)))
    except EventcoderError as err:
        _fail(err)
    typer.echo(text)


@app.command()
def info(config: Config = None) -> None:
    """Print versions, the language pipeline and the gazetteer in use."""
    from eventcoder.resolve.actors import load_actor_kb
    from eventcoder.resolve.gazetteer import cache_file, load_gazetteer
    from eventcoder.resources import nlp

    settings = _settings(config)
    model = nlp(settings)
    gazetteer = load_gazetteer(settings)
    kb = load_actor_kb(settings)
    import spacy

    typer.echo(
        f"eventcoder {__version__}\n"
        f"spaCy {spacy.__version__}, pipeline {settings.spacy_model} "
        f"{model.meta.get('version')} ({', '.join(model.pipe_names)})\n"
        f"gazetteer: {len(gazetteer.entries)} entries, cities >= "
        f"{settings.gazetteer_min_population} people, cache {cache_file(settings)}\n"
        f"actors: {len(kb.people)} people, {len(kb.organizations)} organisations, "
        f"{len(kb.agents)} generic agents"
    )


@actors_app.command("validate")
def actors_validate(
    path: Annotated[Path, typer.Argument(help="An actor knowledge file (JSON).")],
) -> None:
    """Check an actor file: JSON, keys, ISO codes, dates, overlapping terms, inter codes."""
    from eventcoder.resolve.actors_validate import validate_actor_file

    problems = validate_actor_file(path)
    for problem in problems:
        typer.echo(problem)
    errors = [p for p in problems if not p.startswith("warning:")]
    typer.echo(f"{path}: {len(errors)} problems, {len(problems) - len(errors)} warnings",
               err=True)
    raise typer.Exit(1 if errors else 0)


@sources_app.command("learn")
def sources_learn(
    path: Annotated[str, typer.Argument(help="Articles as JSONL (with source or url), or -.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Profile JSON to write.")],
    config: Config = None,
) -> None:
    """Learn where each source's stories happen; point `source_profile` at the file."""
    from eventcoder.resolve.focus import save_profile
    from eventcoder.resolve.sources import learn_source_profile

    try:
        settings = _settings(config)
        articles = _read_inputs(path, "jsonl", settings, None, None, None, None)
        profile = learn_source_profile((a for a in articles if a.rejected is None), settings)
        save_profile(profile, out)
        typer.echo(f"{len(profile.focuses)} source focus(es) written to {out}")
    except EventcoderError as err:
        _fail(err)


@evaluate_app.command("seed")
def evaluate_seed(
    gold: Annotated[Path, typer.Argument(help="The seed's gold JSON.")],
    article: Annotated[Path, typer.Argument(help="The seed article text.")],
    published: Annotated[str, typer.Option("--date")] = "2022-01-07",
    scorer: Annotated[Path, typer.Option(help="score_seed.py")] = Path(
        "../shared/tools/score_seed.py"
    ),
    config: Config = None,
) -> None:
    """Extract the seed article and score it with the shared seed scorer."""
    import subprocess
    import tempfile

    from eventcoder.contract import article_to_json
    from eventcoder.runner import code_articles

    settings = _settings(config)
    inputs = _read_inputs(str(article), "text", settings, published, None, None, None)
    coded = next(iter(code_articles(inputs, settings)))
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(article_to_json(coded), handle)
    done = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(article), handle.name, "--verbose"],
        check=False,
    )
    raise typer.Exit(done.returncode)


@evaluate_app.command("geoparse")
def evaluate_geoparse_cmd(
    path: Annotated[Path, typer.Argument(help="LGL-format XML (geoparsing-lgl.xml).")],
    limit: Annotated[int | None, typer.Option(help="Only the first N articles.")] = None,
    config: Config = None,
) -> None:
    """Toponym detection and resolution (accuracy within 161 km) on an LGL-format file."""
    from eventcoder.evaluate.geoparse import evaluate_geoparse

    _print_json(evaluate_geoparse(path, _settings(config), limit=limit), "json")


@evaluate_app.command("timeml")
def evaluate_timeml_cmd(
    folder: Annotated[Path, typer.Argument(help="Folder of TimeML .tml files.")],
    config: Config = None,
) -> None:
    """TIMEX3 DATE span and value F1 on TimeML files."""
    from eventcoder.evaluate.timeml import evaluate_timeml

    result = evaluate_timeml(folder, _settings(config))
    result.pop("misses", None)
    _print_json(result, "json")


@evaluate_app.command("case")
def evaluate_case_cmd(
    path: Annotated[Path, typer.Argument(help="CASE 2021 task 2 TSV (id, EventSnippet, SubType).")],
    limit: Annotated[int | None, typer.Option(help="Only the first N snippets.")] = None,
    config: Config = None,
) -> None:
    """ACLED sub-type macro-F1 and no-event accuracy on CASE 2021 snippets."""
    from eventcoder.evaluate.case import evaluate_case

    _print_json(evaluate_case(path, _settings(config), limit=limit), "json")


@evaluate_app.command("plover")
def evaluate_plover_cmd(
    path: Annotated[Path, typer.Argument(help="PLOVER gold-standard records (JSON).")],
    limit: Annotated[int | None, typer.Option(help="Only the first N records.")] = None,
    config: Config = None,
) -> None:
    """PLOVER event-type accuracy and actor text match on PLOVER gold records."""
    from eventcoder.evaluate.plover import evaluate_plover

    _print_json(evaluate_plover(path, _settings(config), limit=limit), "json")


@evaluate_app.command("actors")
def evaluate_actors_cmd(
    path: Annotated[Path, typer.Argument(help="Sentences with source/target actor text (JSONL).")],
    config: Config = None,
) -> None:
    """actor1/actor2 text match on sentences annotated with their source and target actors."""
    from eventcoder.evaluate.actors import evaluate_actors

    result = evaluate_actors(path, _settings(config))
    result.pop("misses", None)
    _print_json(result, "json")


@evaluate_app.command("attribution")
def evaluate_attribution_cmd(
    path: Annotated[Path, typer.Argument(help="Attribution corpus (JSONL).")],
    config: Config = None,
) -> None:
    """Attribution kind, source and verb accuracy on an attribution corpus."""
    from eventcoder.evaluate.attribution import evaluate_attribution

    _print_json(evaluate_attribution(path, _settings(config)), "json")


@app.command()
def stories(
    db: DbOption = Path("events.sqlite"),
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per story.")] = False,
) -> None:
    """List the stories: articles grouped by the events they share (and near duplicates)."""
    from itertools import groupby

    from eventcoder.store import Store

    try:
        with Store.open(db) as store:
            rows = store.resolution.stories()
    except EventcoderError as err:
        _fail(err)
    for story_id, members in groupby(rows, key=lambda r: r["story_id"]):
        articles = list(members)
        if as_json:
            typer.echo(json.dumps({"story_id": story_id, "articles": articles}, ensure_ascii=False))
            continue
        typer.echo(f"story {story_id} · {len(articles)} article{'s' * (len(articles) > 1)}")
        for a in articles:
            typer.echo(f"    {a['published'] or 'undated'}  {a['source'] or '-'}  "
                       f"{a['title'] or a['article_id']}")


@app.command()
def unmerge(
    event_id: Annotated[str, typer.Argument(help="The event (mention) id to split off.")],
    other: Annotated[
        str | None, typer.Option(help="Only split it from this event id.")
    ] = None,
    db: DbOption = Path("events.sqlite"),
) -> None:
    """Undo a merge: veto the links of an event mention (kept, marked) and rebuild."""
    from eventcoder.resolve.crossdoc import unmerge as unmerge_event
    from eventcoder.store import Store

    try:
        with Store.open(db) as store:
            vetoed = unmerge_event(store, event_id, other)
    except EventcoderError as err:
        _fail(err)
    typer.echo(f"{vetoed} link{'s' * (vetoed != 1)} vetoed", err=True)


@evaluate_app.command("clusters")
def evaluate_clusters_cmd(
    path: Annotated[Path, typer.Argument(help="Articles with a gold `cluster` (JSONL).")],
    config: Config = None,
) -> None:
    """Stories against gold clusters: B-cubed precision/recall/F1 and adjusted Rand index."""
    from eventcoder.evaluate.clusters import evaluate_clusters

    try:
        _print_json(evaluate_clusters(path, _settings(config)), "json")
    except EventcoderError as err:
        _fail(err)


def main() -> None:
    """Entry point with logging set up."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()
