"""The chat app as a long-lived reader: a real Streamlit server, real browsers, real CLI writers.

In order, on one server: eight sessions at once, each with its own question; then a hostile
report ingested from "another terminal", which the running app picks up and shows inert; then
a report removed under an open conversation.
"""

from __future__ import annotations

import csv
import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.servers import CHROMIUM, CHROMIUM_ARGS

from .conftest import (
    BASE_ID,
    ROOT,
    env_for,
    hostile_report,
    run_cli,
    start_app,
    stop,
)

pytestmark = [
    pytest.mark.reliability,
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium package"),
]
QUESTIONS = [
    "What did inspectors say about private fostering?",
    "What was the overall judgement?",
    "How many children and young people live in the area?",
    "What proportion of children are entitled to free school meals?",
    "When did the DCS come into post?",
    "Which social work model does the local authority use?",
    "How many children's homes does the local authority operate?",
    "When was the last inspection of safeguarding arrangements?",
]
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="module")
def live(base_index, tmp_path_factory):
    folder = tmp_path_factory.mktemp("live")
    index_dir = folder / "index"
    shutil.copytree(base_index, index_dir)
    proc, url, port = start_app(index_dir, folder / "streamlit.log")
    _not_on_the_network(port)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield {"url": url, "index": index_dir, "browser": browser, "folder": folder}
        browser.close()
    stop(proc)
    log = (folder / "streamlit.log").read_text()
    assert "Traceback" not in log, log[-3000:]


def _not_on_the_network(port: int) -> None:
    """`ofsted-qa app` listens on 127.0.0.1 only unless --host says otherwise."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))  # no packet is sent: this only picks a route
            address = probe.getsockname()[0]
    except OSError:
        return  # no network interface but loopback
    if address.startswith("127."):
        return
    with socket.socket() as s, pytest.raises(OSError):
        s.settimeout(2)
        s.connect((address, port))


def _open(live):
    page = live["browser"].new_page(viewport={"width": 1280, "height": 900})
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.goto(live["url"], timeout=90_000)
    page.get_by_test_id("stChatInputTextArea").wait_for(timeout=90_000)
    return page


def _ask(page, question: str) -> None:
    page.answers_before = page.get_by_test_id("stChatMessage").count()
    page.question = question
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    box.press("Enter")
    page.asked_at = time.perf_counter()


def _answered(page) -> bool:
    """The new assistant turn has its citations or its refusal, and the script has finished."""
    messages = page.get_by_test_id("stChatMessage")
    if messages.count() < page.answers_before + 2:
        return False
    # While the script reruns, the previous turn's elements are still on the page: the turn
    # counts only once the question just asked sits above it.
    if page.question not in messages.nth(messages.count() - 2).inner_text():
        return False
    last = messages.nth(messages.count() - 1)
    done = last.get_by_test_id("stExpander").count() or last.get_by_test_id("stAlert").count()
    return bool(done) and not page.get_by_test_id("stStatusWidget").is_visible()


def _wait(pages, seconds: float = 120) -> dict:
    """Seconds from each page's question to its answer."""
    started = time.perf_counter()
    finished: dict = {}
    while len(finished) < len(pages) and time.perf_counter() - started < seconds:
        for i, page in enumerate(pages):
            if i not in finished and _answered(page):
                finished[i] = time.perf_counter() - page.asked_at
        time.sleep(0.05)
    assert len(finished) == len(pages), f"only {len(finished)} of {len(pages)} answered"
    return finished


def test_eight_sessions_at_once_each_get_their_own_answer(live):
    warm = _open(live)  # the server's first question loads the model: not what is measured
    _ask(warm, "What did inspectors find?")
    _wait([warm])
    warm.close()
    solo = _open(live)
    _ask(solo, QUESTIONS[0])
    alone = _wait([solo])[0]
    solo.close()
    pages = [_open(live) for _ in QUESTIONS]
    for page, question in zip(pages, QUESTIONS):
        _ask(page, question)
    times = _wait(pages)
    for page, question in zip(pages, QUESTIONS):
        shown = page.get_by_test_id("stChatMessage").all_inner_texts()
        assert len(shown) == 2 and question in shown[0], shown
        others = [q for q in QUESTIONS if q != question]
        # The follow-up buttons under an answer ("Ask next") may offer another session's
        # question by coincidence; the conversation itself must hold only this one's.
        said = " ".join(shown).split("Ask next")[0]
        assert not any(q in said for q in others), shown
        assert not page.get_by_test_id("stException").count()
    ratios = sorted(t / alone for t in times.values())
    report = {"alone_s": round(alone, 2), "ratios": [round(r, 2) for r in ratios]}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "concurrent_sessions.json").write_text(json.dumps(report, indent=1))
    print(f"\n8 concurrent sessions: {report}")
    for page in pages:
        page.close()


def test_the_app_follows_an_ingest_and_shows_the_hostile_report_inert(live, tmp_path):
    page = _open(live)  # opened before the ingest: the app has never seen Tower Hamlets
    ingest = run_cli(live["index"], "ingest", hostile_report(tmp_path))
    assert ingest.returncode == 0, ingest.stderr
    question = "What did inspectors say about the quokka register in Quokkaham?"
    _ask(page, question)
    _wait([page])
    last = page.get_by_test_id("stChatMessage").last
    assert "quokka register" in last.inner_text()
    for expander in last.get_by_test_id("stExpander").all():
        expander.click()
    page.wait_for_timeout(500)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "hostile.png"), full_page=True)
    assert page.dialogs == []
    assert page.locator("script:has-text('alert')").count() == 0
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    # A bare http(s) address may be linked, as any viewer would; a link may never hide where
    # it goes behind other words, as "[click here](…)" rendered would.
    for link in page.locator("a[href*='evil.example']").all():
        assert link.inner_text().strip() in link.get_attribute("href").replace("%22", '"')
    assert page.locator(".katex").count() == 0
    assert page.locator("strong", has_text="bold").count() == 0
    assert "<script>alert('script')</script>" in last.inner_text()  # shown as typed
    page.close()
    _exports_are_inert(live, question, tmp_path)


def _exports_are_inert(live, question, tmp_path):
    from app import feedback
    from app.answer import answer
    from app.presentation import conversation_markdown
    from index import ReportIndex, Settings

    index = ReportIndex(Settings(index_dir=live["index"]))
    formula = '=HYPERLINK("http://evil.example","x") ' + question
    turns = [(q, answer(q, default_scope=[BASE_ID], index=index)) for q in (question, formula)]
    assert "quokka" in turns[0][1].text
    md = conversation_markdown(turns, {r.id: r.display_name() for r in index.reports()})
    for bad in ("<script", "<img", "javascript:", "](http", "](javascript", "$\\frac", ":red["):
        assert bad not in md, bad
    db = tmp_path / "feedback.sqlite3"
    for _q, result in turns:
        feedback.record(db, result, 0)
    out = tmp_path / "feedback.csv"
    env = env_for(live["index"], OFSTED_QA_FEEDBACK_DB=str(db))
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "feedback", "export", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    cells = [cell for row in csv.reader(out.open()) for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells), cells
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)


def test_a_report_removed_under_an_open_conversation_is_named_as_gone(live):
    page = _open(live)
    _ask(page, QUESTIONS[0])
    _wait([page])
    removed = run_cli(live["index"], "remove", BASE_ID)
    assert removed.returncode == 0, removed.stderr
    _ask(page, "and what about free school meals?")
    _wait([page])
    last = page.get_by_test_id("stChatMessage").last.inner_text()
    assert f"{BASE_ID} is no longer indexed" in last, last
    assert not page.get_by_test_id("stException").count()
    page.close()
