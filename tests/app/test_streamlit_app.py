"""The chat app through Streamlit's AppTest, on the real engine and index."""

import csv
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from typer.testing import CliRunner

from app.cli import cli
from app.presentation import conversation_markdown, export_text, highlighted, safe_markdown

SCRIPT = str(Path(__file__).resolve().parents[2] / "app" / "streamlit_app.py")


@pytest.fixture
def app(full_index, monkeypatch):
    import app.engine as engine

    monkeypatch.setattr(engine, "_index", full_index)
    return AppTest.from_file(SCRIPT, default_timeout=120).run()


def _ask(app, question):
    app.chat_input[0].set_value(question).run()
    assert not app.exception, app.exception


def _button(app, label):
    return next(b for b in app.button if b.label == label)


def test_empty_state_offers_starter_questions(app):
    labels = [b.label for b in app.button]
    assert 4 <= len([b for b in labels if b.endswith("?")]) <= 6


def test_question_shows_answer_and_citation_with_the_quoted_sentence(app):
    _ask(app, "How many children were on a child protection plan?")
    expander = app.expander[0]
    assert expander.label.startswith("[1] ") and "Tower Hamlets 2017" in expander.label
    shown = " ".join(m.value for m in expander.markdown)
    assert "<mark>At 31 January 2017, 401 children" in shown


def test_follow_up_uses_the_conversation(app):
    _ask(app, "How many children were on a child protection plan?")
    _ask(app, "and what rate is that?")
    assert any("62 per 10,000" in m.value for m in app.markdown)
    assert any("Understood as" in c.value for c in app.caption)


def test_the_conversation_stays_on_the_council_it_moved_to_until_the_sidebar_changes(app):
    _ask(app, "What was Newham's grade in 2022?")
    _ask(app, "What improved?")
    assert any("Still on Newham 2022" in c.value for c in app.caption)
    app.selectbox[0].select("croydon-2024").run()
    _ask(app, "What improved?")
    last = app.session_state.messages[-1]["answer"]
    assert last.scope == ["croydon-2024"] and not last.scope_note


def test_refusal_is_shown_as_a_warning_with_related_paragraphs(app):
    _ask(app, "What is the capital of France?")
    assert app.warning and "do not say enough" in app.warning[0].value
    assert any(e.label.startswith("Related") for e in app.expander)


def test_new_conversation_clears_the_chat(app):
    _ask(app, "Who was the lead inspector?")
    assert app.chat_message
    _button(app, "New conversation").click().run()
    assert not app.chat_message


def test_starter_question_is_answered(app):
    _button(app, "What did inspectors say about private fostering?").click().run()
    assert not app.exception
    assert app.chat_message and app.expander


def test_report_overview_lists_judgements_and_numbered_recommendations(app):
    app.sidebar.radio[0].set_value("Report overview").run()
    assert not app.exception
    labels = [e.label for e in app.expander]
    assert any(label.startswith("¶1 · Take immediate action") for label in labels)
    assert any(label.startswith("¶15 · ") for label in labels)


def test_exported_markdown_has_answers_citations_and_paragraphs(full_index):
    from app import answer

    a = answer("How long do care proceedings take?", scope=["tower-hamlets-2017"], index=full_index)
    md = conversation_markdown(
        [("How long do care proceedings take?", a)], {"tower-hamlets-2017": "Tower Hamlets 2017"}
    )
    assert "## Q: How long do care proceedings take?" in md
    assert "29 weeks" in md
    assert f"[1] ¶{a.citations[0].number}" in md
    assert "> " + export_text(a.citations[0].paragraph_text) in md


def test_report_text_cannot_inject_html_or_markdown():
    evil = "<script>alert(1)</script> **bold** [link](http://x)"
    out = safe_markdown(evil)
    assert "<script>" not in out and "**" not in out and "](" not in out
    assert "<mark>" in highlighted("Before. " + evil, evil)


def test_feedback_is_stored_and_exported(full_index, tmp_path, monkeypatch):
    from app import answer, feedback

    db = tmp_path / "fb.sqlite3"
    a = answer("How often do MARACs take place?", scope=["tower-hamlets-2017"], index=full_index)
    feedback.record(db, a, 1)
    monkeypatch.setenv("OFSTED_QA_FEEDBACK_DB", str(db))
    from index.settings import get_settings

    get_settings.cache_clear()
    out = tmp_path / "fb.csv"
    result = CliRunner().invoke(cli, ["feedback", "export", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open()))
    assert rows[0]["question"] == "How often do MARACs take place?"
    assert rows[0]["rating"] == "1" and "tower-hamlets-2017" in rows[0]["citations"]
