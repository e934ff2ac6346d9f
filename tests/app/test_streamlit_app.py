"""The chat app through Streamlit's AppTest, on the real engine and index."""

import csv
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from typer.testing import CliRunner

from app.cli import cli
from app.presentation import conversation_markdown, highlighted, safe_markdown

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
    shown = "\n".join(m.value for m in app.markdown)
    assert "1. Take immediate action" in shown and "\n15. " in shown
    assert "Children who need help and protection" in shown
    assert not app.expander  # nothing an inductee has to open, nothing cut mid-word


def test_practise_shows_the_reports_answer_after_the_users(app):
    app.sidebar.radio[0].set_value("Report overview").run()
    app.text_area[0].input("I think it was inadequate").run()
    _button(app, "Show the report's answer").click().run()
    assert not app.exception
    assert any(m.value.startswith("**[1] ") for m in app.markdown)


def test_the_report_asked_about_is_named_above_the_chat(app):
    assert app.markdown[0].value.startswith("Asking about **Tower Hamlets 2017**")


def test_changing_report_mid_conversation_inserts_a_divider(app):
    _ask(app, "Who was the lead inspector?")
    app.selectbox[0].select("croydon-2024").run()
    assert any(c.value == "Now asking about Croydon 2024" for c in app.caption)
    assert app.markdown[0].value.startswith("Asking about **Croydon 2024**")
    assert app.chat_input[0].placeholder == "Ask about Croydon 2024"


def test_a_changed_vote_updates_the_stored_row_and_a_comment_is_kept(app, full_index):
    from app import feedback

    _ask(app, "Who was the lead inspector?")
    db = full_index.settings.feedback_db
    app.session_state["fb-0"] = 1  # the thumbs widget: no click API in AppTest
    app.run()
    row_id = app.session_state.feedback_rows["0"]
    assert feedback.row(db, row_id)["rating"] == 1
    count = len(_rows(db))
    app.session_state["fb-0"] = 0
    app.run()
    assert feedback.row(db, row_id)["rating"] == 0
    box = next(t for t in app.text_input if t.label == "What was wrong? (optional)")
    box.input("It named the wrong inspector").run()
    stored = feedback.row(db, row_id)
    assert stored["rating"] == 0 and stored["comment"] == "It named the wrong inspector"
    app.session_state["fb-0"] = 1
    app.run()
    assert feedback.row(db, row_id)["rating"] == 1
    assert len(_rows(db)) == count  # updated in place, never a second row


def _rows(db):
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id FROM feedback").fetchall()


def test_follow_up_buttons_ask_their_question(app):
    _ask(app, "What did inspectors find about care leavers?")
    offered = [b for b in app.button if b.key and b.key.startswith("follow-0-")]
    assert 2 <= len(offered) <= 3
    label = offered[0].label
    offered[0].click().run()
    assert not app.exception
    last = app.session_state.messages[-1]
    assert last["question"] == label and not last["answer"].refused


def test_citation_offers_its_source_and_markers_link_to_it(app):
    app.selectbox[0].select("croydon-2024").run()
    _ask(app, "What did inspectors find about care leavers?")
    c = app.session_state.messages[-1]["answer"].citations[0]
    assert any(
        f"[Open in PDF, p.{c.page}](app/static/reports/croydon-2024-" in m.value
        for m in app.markdown
    )
    assert any("[\\[1\\]](#cite-0-1)" in m.value for m in app.markdown)
    copied = " ".join(c.value for c in app.code)  # the Copy popover's text, references included
    assert f"[1] {c.number and f'¶{c.number}' or 'Unnumbered'}" in copied


def test_download_holds_the_answer_just_given(app):
    _ask(app, "Who was the lead inspector?")
    button = app.get("download_button")[0]
    assert not button.proto.disabled


def test_exported_markdown_has_answers_citations_and_paragraphs(full_index):
    from app import answer

    a = answer("How long do care proceedings take?", scope=["tower-hamlets-2017"], index=full_index)
    md = conversation_markdown(
        [("How long do care proceedings take?", a)], {"tower-hamlets-2017": "Tower Hamlets 2017"}
    )
    assert md.splitlines()[2].startswith("- Date: 20")
    assert "- Reports: Tower Hamlets 2017" in md
    assert "## Q: How long do care proceedings take?" in md
    assert "_Scope: Tower Hamlets 2017_" in md
    assert "29 weeks" in md
    assert f"[1] ¶{a.citations[0].number}" in md
    quote = a.citations[0].quote.split(". ")[0].rstrip(".")
    assert f"**{quote}" in md  # the quoted sentence is bold inside its paragraph


def test_export_records_how_a_question_was_understood_and_rescoped(full_index):
    from app import answer

    first = answer(
        "How many children were on a child protection plan?",
        default_scope=["tower-hamlets-2017"],
        index=full_index,
    )
    follow = answer(
        "and what rate is that?",
        history=[first.question],
        default_scope=["tower-hamlets-2017"],
        index=full_index,
    )
    moved = answer(
        "What was Newham's grade in 2022?", default_scope=["tower-hamlets-2017"], index=full_index
    )
    md = conversation_markdown(
        [(first.question, first), (follow.question, follow), (moved.question, moved)],
        {r.id: r.display_name() for r in full_index.reports()},
    )
    assert f"_Understood as: {follow.rewritten_query}_" in md
    assert f"_{moved.scope_note}_" in md and "Newham 2022" in md


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


def test_feedback_export_includes_comments(full_index, tmp_path):
    from app import answer, feedback

    db = tmp_path / "fb.sqlite3"
    a = answer("How often do MARACs take place?", scope=["tower-hamlets-2017"], index=full_index)
    row_id = feedback.record(db, a, 1)
    feedback.update(db, row_id, 0, "Quoted the wrong meeting")
    out = tmp_path / "fb.csv"
    assert feedback.export_csv(db, out) == 1
    rows = list(csv.DictReader(out.open()))
    assert rows[0]["rating"] == "0" and rows[0]["comment"] == "Quoted the wrong meeting"


def test_every_grade_chip_reaches_aa_contrast():
    from app.presentation import GRADE_COLOURS, contrast_ratio

    for grade, colour in GRADE_COLOURS.items():
        assert contrast_ratio("#ffffff", colour) >= 4.5, grade
