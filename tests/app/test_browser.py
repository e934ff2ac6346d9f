"""The chat app in a real browser: Debian Chromium driven by Playwright."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import free_port, wait_until_up

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
# Without these, Chromium keeps trying to reach Google's hosts on this closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def server(full_index):
    port = free_port()
    env = {**os.environ, "OFSTED_QA_INDEX_DIR": str(full_index.settings.index_dir)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app" / "streamlit_app.py"),
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_up(proc, f"{url}/_stcore/health", "streamlit")
    yield url
    proc.terminate()
    proc.wait(timeout=30)


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium package")
def test_ask_open_citation_and_see_the_paragraph(server):
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(server, timeout=90_000)
        box = page.get_by_test_id("stChatInputTextArea")
        expect(box).to_be_visible(timeout=90_000)
        box.fill("How many children were on a child protection plan?")
        box.press("Enter")
        citation = page.get_by_text("[1] Unnumbered · Information about this local authority")
        expect(citation).to_be_visible(timeout=60_000)
        citation.click()
        paragraph = page.locator("mark", has_text="401 children and young people")
        expect(paragraph).to_be_visible(timeout=30_000)
        page.screenshot(path=str(ARTIFACTS / "chat.png"), full_page=True)
        browser.close()
    assert (ARTIFACTS / "chat.png").stat().st_size > 10_000


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium package")
def test_a_timeline_question_shows_the_grades_table_and_chart(server):
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1400})
        page.goto(server, timeout=90_000)
        box = page.get_by_test_id("stChatInputTextArea")
        expect(box).to_be_visible(timeout=90_000)
        box.fill("How has Croydon changed since 2017?")
        box.press("Enter")
        table = page.locator("table.grades-table[data-kind=timeline]")
        expect(table).to_be_visible(timeout=60_000)
        rows = table.locator("tbody tr")
        expect(rows).to_have_count(3)
        expect(rows.nth(0)).to_contain_text("Croydon 2017")
        expect(rows.nth(0)).to_contain_text("Inadequate")
        expect(rows.nth(2)).to_contain_text("Croydon 2024")
        expect(page.locator("[data-testid=stVegaLiteChart], .vega-embed").first).to_be_visible(
            timeout=30_000
        )
        page.screenshot(path=str(ARTIFACTS / "timeline.png"), full_page=True)
        browser.close()
    assert (ARTIFACTS / "timeline.png").stat().st_size > 10_000
