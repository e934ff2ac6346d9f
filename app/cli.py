"""The `ofsted-qa` command: parse, ingest, reports, remove, ask, chat, app, eval."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import typer
from rich import box
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Column, Table

cli = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
out = Console()
err = Console(stderr=True)


def fail(message: str, code: int = 1):
    """One line on stderr, with what came from the user or a file shown as typed: a path like
    `reports[/x].pdf` is rich markup, and printed raw it would raise instead of being shown."""
    from rich.markup import escape

    err.print(f"[red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _settings(index_dir: Path | None = None):
    from index import Settings, get_settings

    if index_dir is None:
        return get_settings()
    return Settings(index_dir=index_dir)


def _open_index(index_dir: Path | None = None):
    from index import IndexUnavailableError, ReportIndex

    try:
        return ReportIndex(_settings(index_dir))
    except (IndexUnavailableError, ValueError, OSError) as exc:
        raise fail(str(exc), 2) from None


IndexDir = typer.Option(None, "--index-dir", help="Index folder (default: OFSTED_QA_INDEX_DIR).")
Wait = typer.Option(
    None,
    "--wait",
    help="Seconds to wait for another ingest or remove to finish (default 300; 0: fail at once).",
)


@cli.command()
def parse(
    file: Path,
    as_json: bool = typer.Option(False, "--json", help="Print the parsed report as JSON."),
    full: bool = typer.Option(
        False, "--full", help="Print each paragraph whole, not its first 80 characters."
    ),
):
    """Parse one report file and show what the parser saw."""
    from ingest import UnreadableReportError, parse_report

    try:
        report = parse_report(file)
    except (UnreadableReportError, OSError) as exc:
        raise fail(str(exc)) from None
    if as_json:
        print(json.dumps(report_json(report), indent=1, ensure_ascii=False))
        return
    out.print(f"[bold]{report.id}[/] {report.title} ({report.framework}, {report.published})")
    for j in report.judgements:
        out.print(f"  {j.area}: {j.grade}")
    for p in report.paragraphs:
        num = f"¶{p.number}" if p.number is not None else "  -"
        if full:  # a reader checking the parse needs the whole text, under its heading
            page = f", p.{p.page}" if p.page else ""
            out.print(f"{num:>5} [{p.kind}] {p.section_path}{page}", highlight=False)
            out.print(f"      {p.text}\n", highlight=False)
            continue
        text = p.text if len(p.text) <= 80 else f"{p.text[:79]}…"
        out.print(f"{num:>5} [{p.kind}] {p.section_path[:50]} | {text}", highlight=False)


def report_json(report) -> dict:
    """The stable schema of `parse --json` (documented in the README)."""
    return {
        "id": report.id,
        "council": report.council,
        "title": report.title,
        "framework": report.framework,
        "inspection_dates": report.inspection_dates,
        "published": report.published,
        "lead_inspector": report.lead_inspector,
        "judgements": [{"area": j.area, "grade": j.grade} for j in report.judgements],
        "paragraphs": [
            {
                "id": p.id,
                "number": p.number,
                "section": p.section_path,
                "kind": p.kind,
                "page": p.page,
                "text": p.text,
            }
            for p in report.paragraphs
        ],
    }


@cli.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Report files or folders (.pdf, .txt)."),
    if_missing: bool = typer.Option(False, help="Do nothing if the index already has reports."),
    replace: bool = typer.Option(
        False, "--replace", help="Replace a report indexed from another file under the same id."
    ),
    wait: float | None = Wait,
    index_dir: Path | None = IndexDir,
):
    """Add reports to the index (idempotent: unchanged files are skipped)."""
    from rich.markup import escape

    from index import IndexBusyError, IndexReadOnlyError

    index = _open_index(index_dir)
    if if_missing and not index.is_empty():
        out.print(f"Index has {len(index.reports())} reports; nothing to do.")
        return
    try:
        with Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err
        ) as bar:
            task = bar.add_task("starting", total=None)

            def progress(msg: str) -> None:
                if msg.startswith("waiting"):
                    err.print(f"[yellow]{escape(msg)}[/]")
                bar.update(task, description=escape(msg))

            summary = index.ingest(paths, progress=progress, wait_s=wait, replace=replace)
    except (IndexBusyError, IndexReadOnlyError) as exc:
        raise fail(str(exc), 2) from None
    _publish(index)
    for line in summary.errors:
        err.print(f"[red]error:[/] {escape(line)}", highlight=False, soft_wrap=True)
    for line in summary.warnings:
        err.print(f"[yellow]warning:[/] {escape(line)}", highlight=False, soft_wrap=True)
    table = Table("sections", "paragraphs", "numbered", "judgements", title="Ingested")
    table.columns.insert(0, Column("report", no_wrap=True))
    for r in summary.indexed:
        table.add_row(
            escape(r.id),
            str(len(r.sections)),
            str(len(r.paragraphs)),
            str(sum(p.number is not None for p in r.paragraphs)),
            str(len(r.judgements)),
        )
    if summary.indexed:
        out.print(table)
    out.print(
        f"{len(summary.indexed)} indexed, {len(summary.unchanged)} unchanged, "
        f"{len(summary.errors)} failed in {summary.seconds:.1f} s"
    )
    if not summary.ok:
        raise typer.Exit(1)


@cli.command()
def reports(index_dir: Path | None = IndexDir):
    """List the indexed reports with their grades."""
    from rich.markup import escape

    index = _open_index(index_dir)
    if index.is_empty():
        out.print("No reports indexed. Run: ofsted-qa ingest data/reports")
        return
    # One narrow column per judgement area, graded as Ofsted's own shorthand, so the table
    # fits an 80-column terminal instead of wrapping "help_and_protection=Requires…".
    # (The id carries the year; `ofsted-qa parse --json` has dates and paragraphs.)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, padding=(0, 1, 0, 0), pad_edge=False)
    table.add_column("id", no_wrap=True, min_width=18)
    table.add_column("type", no_wrap=True, min_width=5)
    for header in AREA_HEADERS.values():
        table.add_column(header, justify="center", no_wrap=True, min_width=len(header))
    for r in index.reports():
        short = [GRADE_SHORT.get(r.grade(area), "–") for area in AREA_HEADERS]
        table.add_row(escape(r.id), r.framework, *short)
    out.print(table)
    out.print(
        "O Outstanding · G Good · RI Requires improvement · I Inadequate · – not graded",
        style="dim",
    )


AREA_HEADERS = {
    "overall": "overall",
    "help_and_protection": "help",
    "in_care": "in care",
    "adoption": "adopt",
    "care_leavers": "leavers",
    "leadership": "leaders",
    "lscb": "LSCB",
}
GRADE_SHORT = {"Outstanding": "O", "Good": "G", "Requires improvement": "RI", "Inadequate": "I"}


@cli.command()
def remove(report_id: str, wait: float | None = Wait, index_dir: Path | None = IndexDir):
    """Remove one report from the index."""
    from rich.markup import escape

    from app.limits import check_report_id
    from index import IndexBusyError, IndexReadOnlyError

    problem = check_report_id(report_id)
    if problem:
        raise fail(problem)
    index = _open_index(index_dir)

    def say(msg: str) -> None:
        err.print(f"[yellow]{escape(msg)}[/]")

    try:
        removed = index.remove(report_id, wait_s=wait, progress=say)
    except (IndexBusyError, IndexReadOnlyError) as exc:
        raise fail(str(exc), 2) from None
    if not removed:
        raise fail(f"{report_id}: not in the index")
    _publish(index)
    out.print(f"Removed {escape(report_id)}.", highlight=False)


@cli.command()
def ask(
    question: str,
    report: list[str] = typer.Option(None, "--report", help="Report id(s) to answer from."),
    history_file: Path | None = typer.Option(
        None, help="Earlier questions of the conversation, one per line."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the Answer as JSON."),
    all_reports: bool = typer.Option(
        False, "--all", help="Start from every report, not OFSTED_QA_DEFAULT_REPORT."
    ),
    section: str | None = typer.Option(
        None, help="Only paragraphs whose section heading contains this text."
    ),
    index_dir: Path | None = IndexDir,
):
    """Answer one question, with citations.

    Like the chat, it starts from the default report; a question that names another council
    or year re-scopes itself, and --report fixes the scope.
    """
    from app.answer import answer
    from app.limits import check_report_id, read_history_file

    history: list[str] = []
    if history_file is not None:
        try:
            history = read_history_file(history_file)
        except ValueError as exc:
            raise fail(str(exc), 2) from None
    problem = next(filter(None, map(check_report_id, report or [])), None)
    if problem:
        raise fail(problem, 2)
    index = _open_index(index_dir)
    result = answer(
        question,
        history=history,
        scope=report or None,
        default_scope=None if all_reports else _default_scope(index),
        index=index,
        section=section,
    )
    if as_json:
        print(json.dumps(result.to_dict(), indent=1, ensure_ascii=False))
    else:
        print_answer(result, index)


def _default_scope(index) -> list[str] | None:
    default = index.settings.default_report
    return [default] if index.report(default) else None


def print_answer(result, index) -> None:
    from rich.markup import escape

    if result.rewritten_query:
        out.print(f"[dim](understood as: {escape(result.rewritten_query)})[/]")
    if result.scope_note:
        out.print(f"[dim]{escape(result.scope_note)}[/]")
    if result.notice:
        out.print(f"[yellow]{escape(result.notice)}[/]")
    if result.refused:
        out.print(f"[yellow]{escape(result.refusal_reason)}[/]")
        for r in result.related:
            out.print(
                f"  related: {escape(_name(index, r.report_id))} ¶{r.number or '-'} "
                f"{escape(r.text[:120])}"
            )
        return
    out.print(escape(result.text))
    for c in result.citations:
        out.print(f"  [bold][{c.marker}][/] {escape(c.label(_name(index, c.report_id)))}")


def _name(index, report_id: str) -> str:
    r = index.report(report_id)
    return r.display_name() if r else report_id


@cli.command()
def chat(
    report: list[str] = typer.Option(None, "--report", help="Report id(s) to answer from."),
    index_dir: Path | None = IndexDir,
):
    """Hold a conversation in the terminal (empty line or Ctrl-D to quit)."""
    from app.answer import answer

    index = _open_index(index_dir)
    history: list[str] = []
    default = report or _default_scope(index)
    while True:
        try:
            question = input("you> ").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if not question:
            break
        print_answer(answer(question, history=history, default_scope=default, index=index), index)
        history.append(question)


def _publish(index) -> None:
    """Keep the files the chat app links to (app/static/reports/) in step with the index."""
    from .sources import publish

    publish(index)


@cli.command("app")
def run_app(
    port: int = typer.Option(8501, help="Port to serve the chat app on."),
    host: str = typer.Option(
        "127.0.0.1",
        "--host",
        help="Address to listen on. The default serves this machine only; "
        "--host 0.0.0.0 opens the app to the network.",
    ),
):
    """Open the Streamlit chat app."""
    script = Path(__file__).with_name("streamlit_app.py")
    # -P: the current folder is not put on sys.path, so a folder there named `index` or `app`
    # (a data folder, a checkout) cannot shadow the packages the app imports.
    os.execv(
        sys.executable,
        [
            sys.executable,
            "-P",
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.port",
            str(port),
            "--server.address",
            host,
            # Citations link to the reports' PDFs in app/static/, whatever the working folder.
            "--server.enableStaticServing",
            "true",
            # The theme of .streamlit/config.toml, read by Streamlit only from the working folder.
            "--theme.base",
            "light",
            "--theme.textColor",
            "#0e1117",
        ],
    )


feedback_cli = typer.Typer(no_args_is_help=True, help="Thumbs up/down given in the chat app.")
cli.add_typer(feedback_cli, name="feedback")


@feedback_cli.command("export")
def feedback_export(
    out_file: Path = typer.Argument(Path("feedback.csv"), help="CSV file to write."),
):
    """Write all feedback as CSV: rating, question, answer, citations, scope."""
    from app import feedback

    db = _settings().feedback_db
    count = feedback.export_csv(db, out_file)
    out.print(f"Wrote {count} feedback rows from {db} to {out_file}.")


def main() -> None:
    cli()


if __name__ == "__main__":
    main()


@cli.command("eval")
def run_eval_cmd(
    suite: list[str] = typer.Option(
        None,
        "--suite",
        help="Gold suite(s), side by side: shipped (default), cross, dev, test, fresh.",
    ),
    gold: list[Path] = typer.Option(None, "--gold", help="Score these gold JSONL file(s) instead."),
    corpus: Path | None = typer.Option(
        None,
        help="Folder of reports: with --gold, score on a cached index of it; for the dev, "
        "test and fresh suites, where their reports are (default ../shared/corpus/scale).",
    ),
    baselines: bool = typer.Option(False, "--baselines", help="Score the baselines too."),
    json_out: Path | None = typer.Option(None, "--json", help="Write results as JSON."),
    markdown_out: Path | None = typer.Option(None, "--markdown", help="Write a Markdown report."),
    index_dir: Path | None = IndexDir,
):
    """Score answers against the gold sets; several suites are shown side by side."""
    from evals.cache import cached_index
    from evals.cli_support import evaluate
    from evals.runner import EmptyIndexError
    from evals.suites import SUITES, default_corpus

    suites = suite or ["shipped"]
    unknown = [s for s in suites if s not in SUITES]
    if unknown:
        err.print(f"[red]error:[/] unknown suite {unknown[0]!r} (expected {', '.join(SUITES)})")
        raise typer.Exit(2)
    if corpus is not None and not corpus.is_dir():
        err.print(f"[red]error:[/] {corpus}: no such folder")
        raise typer.Exit(2)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), console=err) as bar:
        task = bar.add_task("evaluating", total=None)
        say = lambda msg: bar.update(task, description=f"indexing the eval corpus: {msg}")  # noqa: E731
        try:
            if gold and corpus:
                files = sorted(p for p in corpus.iterdir() if p.suffix.lower() in (".pdf", ".txt"))
                index = cached_index(files, progress=say)
            else:
                index = _open_index(index_dir)
            result = evaluate(
                index,
                suites,
                corpus or default_corpus(),
                gold or None,
                baselines,
                json_out,
                markdown_out,
                progress=say,
            )
        except (EmptyIndexError, FileNotFoundError, RuntimeError) as exc:
            bar.stop()
            err.print(f"[red]error:[/] {exc}")
            raise typer.Exit(2) from None
    out.print(result)
