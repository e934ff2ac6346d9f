"""The chat app in a real browser: Debian Chromium driven by Playwright, audited by axe-core."""

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.servers import CHROMIUM, CHROMIUM_ARGS, streamlit_server

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium"),
]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
ASSETS = ROOT / "tests" / "browser_assets"
AXE = ASSETS / "node_modules" / "axe-core" / "axe.min.js"
QUESTION = "How many children were on a child protection plan?"


@pytest.fixture(scope="module")
def server(full_index):
    with streamlit_server(full_index.settings.index_dir) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def axe_script():
    """axe-core from npm (tests/browser_assets/package.json), installed on first use."""
    if not AXE.exists():
        if shutil.which("npm") is None:
            pytest.fail("axe-core is not installed and npm is missing: run `make test`")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ASSETS, check=True)
    return AXE.read_text()


def _open(browser, server, width=1400, height=900):
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(server, timeout=90_000)
    expect(page.get_by_test_id("stChatInputTextArea")).to_be_visible(timeout=90_000)
    return page


def _ask(page, question):
    from playwright.sync_api import expect

    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    box.press("Enter")
    expect(page.get_by_text("Ask next")).to_be_visible(timeout=60_000)
    # Streamlit may still be re-running the script, which redraws the citations' expanders
    # closed; a user's click lands on the page they see once it stops.
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=60_000)


def _serious(page, axe_script):
    page.add_script_tag(content=axe_script)
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))"""
    )
    return [v for v in violations if v["impact"] in ("serious", "critical")], violations


def test_ask_open_citation_and_see_the_paragraph(server, browser):
    from playwright.sync_api import expect

    page = _open(browser, server, 1280, 900)
    _ask(page, QUESTION)
    citation = page.get_by_text("[1] Unnumbered · Information about this local authority")
    citation.click()
    paragraph = page.locator("mark", has_text="401 children and young people")
    expect(paragraph).to_be_visible(timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "chat.png"), full_page=True)
    page.close()


def test_clicking_a_marker_opens_its_citation(server, browser):
    from playwright.sync_api import expect

    page = _open(browser, server)
    _ask(page, QUESTION)
    page.locator('a[href="#cite-0-1"]').first.click()
    expect(page.locator("mark", has_text="401 children and young people")).to_be_in_viewport(
        timeout=10_000
    )
    page.close()


def test_chat_has_no_serious_accessibility_violations(server, browser, axe_script):
    page = _open(browser, server)
    _ask(page, QUESTION)
    page.get_by_text("[1] Unnumbered · Information about this local authority").click()
    serious, everything = _serious(page, axe_script)
    (ARTIFACTS / "axe-chat.txt").write_text(repr(everything))
    assert not serious, serious
    page.close()


def test_overview_has_no_serious_accessibility_violations(server, browser, axe_script):
    from playwright.sync_api import expect

    page = _open(browser, server)
    page.get_by_text("Report overview").click()
    expect(page.get_by_text("Section summaries")).to_be_visible(timeout=30_000)
    serious, everything = _serious(page, axe_script)
    (ARTIFACTS / "axe-overview.txt").write_text(repr(everything))
    assert not serious, serious
    page.close()


def test_desktop_and_phone_screenshots_show_the_report_asked_about(server, browser):
    from playwright.sync_api import expect

    page = _open(browser, server, 1400, 900)
    expect(page.get_by_role("button", name="New conversation")).to_be_in_viewport()
    expect(page.get_by_role("button", name="Download")).to_be_in_viewport()
    _ask(page, QUESTION)
    page.get_by_text("[1] Unnumbered · Information about this local authority").click()
    expect(page.locator("mark", has_text="401 children")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Show in the full report text")).to_be_visible()
    page.wait_for_timeout(500)  # the expander's opening animation
    page.screenshot(path=str(ARTIFACTS / "desktop.png"))
    page.close()
    phone = _open(browser, server, 390, 844)
    expect(phone.get_by_text("Asking about")).to_be_in_viewport()
    _ask(phone, QUESTION)
    # Scrolled down to the answer, the chat box still names the report.
    expect(phone.get_by_placeholder("Ask about Tower Hamlets 2017")).to_be_in_viewport()
    expect(phone.get_by_role("button", name="Tower Hamlets in 2019")).to_be_visible()
    phone.wait_for_timeout(500)
    phone.screenshot(path=str(ARTIFACTS / "phone.png"))
    phone.close()


def test_a_timeline_question_shows_the_grades_table_and_chart(server, browser):
    from playwright.sync_api import expect

    page = _open(browser, server, 1280, 1400)
    box = page.get_by_test_id("stChatInputTextArea")
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
    page.close()
    assert (ARTIFACTS / "timeline.png").stat().st_size > 10_000
