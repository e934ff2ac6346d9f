"""The chat app through Streamlit's AppTest, on the real engine and index."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

SCRIPT = str(Path(__file__).resolve().parents[2] / "app" / "streamlit_app.py")


@pytest.fixture
def app(full_index, monkeypatch):
    import app.engine as engine

    monkeypatch.setattr(engine, "_index", full_index)
    return AppTest.from_file(SCRIPT, default_timeout=120).run()


def test_question_shows_answer_and_citation_with_the_quoted_sentence(app):
    app.chat_input[0].set_value("How many children were on a child protection plan?").run()
    assert not app.exception
    expander = app.expander[0]
    assert expander.label.startswith("[1]") and "Tower Hamlets 2017" in expander.label
    shown = " ".join(m.value for m in expander.markdown)
    assert "<mark>At 31 January 2017, 401 children" in shown


def test_refusal_is_shown_as_a_warning(app):
    app.chat_input[0].set_value("What is the capital of France?").run()
    assert app.warning and "do not say enough" in app.warning[0].value


def test_new_conversation_clears_the_chat(app):
    app.chat_input[0].set_value("Who was the lead inspector?").run()
    assert app.chat_message
    app.button[0].click().run()
    assert not app.chat_message
