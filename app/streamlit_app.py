"""The chat app. It only renders: every answer comes from app.answer.answer()."""

from __future__ import annotations

import sys
import time

import streamlit as st

st.set_page_config(page_title="ofsted-qa", page_icon="📋", layout="wide")


def _warm() -> bool:
    # Importing app.* pulls in Chroma, llama-index and torch (5-9 s cold); check without it.
    engine_module = sys.modules.get("app.engine")
    return bool(engine_module and engine_module.is_warm())


# The status goes out before the heavy imports, so a cold start shows it at once.
_loading = st.empty()
_status = None if _warm() else _loading.status("Loading the index of the reports…")

from app import feedback  # noqa: E402
from app.answer import answer  # noqa: E402
from app.engine import ensure_index, get_index, warm_up  # noqa: E402
from app.limits import MAX_QUESTION_CHARS  # noqa: E402
from app.overview_page import overview  # noqa: E402
from app.presentation import (  # noqa: E402
    AREA_NAMES,
    citation_title,
    conversation_markdown,
    current_report_line,
    grade_chip,
    highlighted,
    linked_markers,
    plain_answer,
    safe_label,
    safe_markdown,
    short_section,
    starter_questions,
)
from app.sources import publish, source_link  # noqa: E402
from app.suggestions import follow_ups  # noqa: E402
from app.table_view import render_table  # noqa: E402


@st.cache_resource(show_spinner=False)
def open_index():
    """One index per server, shared by all sessions; built from data/reports if missing."""
    index = get_index()
    ensure_index(index)
    return index


@st.cache_resource(show_spinner=False)
def start(_index) -> dict[str, str]:
    """Load the model and serve the reports' files before the first question, not during it."""
    warm_up(_index)
    return publish(_index)


def engine():
    index = open_index()
    if _status is not None:
        _status.update(label=f"Loading the index of {len(index.reports())} reports…")
    served = start(index)
    _loading.empty()
    return index, served


def name(index, rid: str | None) -> str:
    if rid is None:
        return "All reports"
    r = index.report(rid)
    return r.display_name() if r else rid


def names(index) -> dict[str, str]:
    return {r.id: r.display_name() for r in index.reports()}


def stream(result, key):
    """Yield the answer a sentence at a time, as a chat answer streams in."""
    for text in _static(result, key):
        yield text
        time.sleep(0.02)


def render_answer(result, index, served, key: str, live: bool = False) -> None:
    if result.scope_note:
        st.caption(safe_markdown(result.scope_note))
    if result.notice:
        st.info(safe_label(result.notice), icon="ℹ️")
    if result.refused:
        st.warning(safe_label(result.refusal_reason), icon="🔎")
        for r in result.related:
            label = f"Related: ¶{r.number} · " if r.number else "Related: "
            place = f"{short_section(r.section)} · {name(index, r.report_id)}"
            with st.expander(label + safe_label(place)):
                st.markdown(safe_markdown(r.text))
        return
    if live:
        st.write_stream(stream(result, key))
    else:
        st.markdown("".join(_static(result, key)))
    render_table(st, result.table)
    for c in result.citations:
        with st.expander(f"[{c.marker}] {safe_label(citation_title(c, name(index, c.report_id)))}"):
            # The anchor a marker [n] in the answer links to.
            st.html(f'<span id="cite-{key}-{c.marker}"></span>')
            st.markdown(highlighted(c.paragraph_text, c.quote), unsafe_allow_html=True)
            st.caption(safe_markdown(c.section))
            link = source_link(c, served)
            if link:
                st.markdown(f"[{link[0]}]({link[1]})")
    if result.rewritten_query:
        st.caption(f"Understood as: {safe_markdown(result.rewritten_query)}")
    actions(result, index, key)


def actions(result, index, key: str) -> None:
    """Copy, rate, and (on a thumbs down) say what was wrong."""
    left, right = st.columns([1, 5], vertical_alignment="center")
    with left.popover("Copy", icon=":material/content_copy:"):
        st.caption("Plain text with its references; the icon at the top right copies it.")
        st.code(plain_answer(result, names(index)), language=None, wrap_lines=True)
    with right:
        rating = st.feedback("thumbs", key=f"fb-{key}")
    if rating is None:
        return
    db = index.settings.feedback_db
    rows = st.session_state.setdefault("feedback_rows", {})
    saved = st.session_state.setdefault("feedback_saved", {})
    if key not in rows:
        rows[key] = feedback.record(db, result, rating)
        st.toast("Thanks: feedback saved")
    elif saved.get(key) != rating:
        feedback.update(db, rows[key], rating, "" if rating == 1 else None)
        st.toast("Feedback updated")
    saved[key] = rating
    if rating == 0:
        comment = st.text_input(
            "What was wrong? (optional)", key=f"fb-comment-{key}", placeholder="Press Enter to save"
        )
        if comment and st.session_state.get(f"fb-comment-saved-{key}") != comment:
            feedback.update(db, rows[key], 0, comment)
            st.session_state[f"fb-comment-saved-{key}"] = comment
            st.toast("Comment saved")


def _static(result, key: str):
    for text, markers in result.marked_sentences():
        yield safe_markdown(text) + linked_markers(markers, f"cite-{key}") + " "


def ask_later(question: str) -> None:
    """A button's question, asked in the run its click starts (so starters and follow-ups
    are gone by the time its answer is drawn)."""
    st.session_state.pending = question


def offer_follow_ups(result, index, key: str) -> None:
    if result.refused or len(result.scope) != 1:
        return
    report = index.report(result.scope[0])
    questions = follow_ups(result, report, index.reports()) if report else []
    if not questions:
        return
    st.caption("Ask next")
    cols = st.columns(len(questions))
    for i, q in enumerate(questions):
        cols[i].button(
            safe_markdown(q),
            key=f"follow-{key}-{i}",
            on_click=ask_later,
            args=(q,),
            width="stretch",
            wrap=True,
        )


def sidebar(index):
    ids = [r.id for r in index.reports()]
    options = [*ids, None]
    default = index.settings.default_report
    with st.sidebar:
        st.title("ofsted-qa")
        view = st.radio("View", ["Chat", "Report overview"], horizontal=True)
        scope = st.selectbox(
            "Report",
            options,
            index=options.index(default) if default in options else len(options) - 1,
            format_func=lambda rid: name(index, rid),
        )
        # Filled after the chat has run, so the download holds the answer just given.
        actions_slot = st.container()
        if scope:
            report = index.report(scope)
            st.markdown(f"**{safe_markdown(report.title or report.council)}**")
            st.caption(
                safe_markdown(f"Inspected {report.inspection_dates}; published {report.published}")
            )
            for j in report.judgements:
                st.markdown(
                    f"{AREA_NAMES[j.area]}<br>{grade_chip(j.grade)}", unsafe_allow_html=True
                )
        mode = index.settings.llm
        st.caption(
            "Answer mode: extractive (the report's own sentences, each cited)"
            if mode == "extractive"
            else f"Answer mode: {mode}, checked against the cited paragraphs"
        )
    return view, scope, actions_slot


def sidebar_actions(slot, index) -> None:
    with slot:
        if st.button("New conversation", icon=":material/add:", width="stretch"):
            st.session_state.messages = []
            st.rerun()
        turns = [(m["question"], m["answer"]) for m in st.session_state.get("messages", [])]
        st.download_button(
            "Download conversation",
            icon=":material/download:",
            data=conversation_markdown(turns, names(index)),
            file_name="ofsted-qa-conversation.md",
            mime="text/markdown",
            width="stretch",
            disabled=not turns,
            help="The conversation as Markdown, with each cited paragraph",
        )


def chat(index, served, scope) -> None:
    messages = st.session_state.setdefault("messages", [])
    report = index.report(scope) if scope else None
    # The chat box names the report too: it stays in view however far the chat scrolls, and
    # on a phone the sidebar, which also names it, is hidden.
    asking = name(index, scope) if scope else "all reports"
    # A stable key: the placeholder names the report, and a question typed as the report set
    # changes (another process removed one) must not be dropped with a re-created widget.
    question = st.chat_input(f"Ask about {asking}", max_chars=MAX_QUESTION_CHARS, key="ask")
    question = question or st.session_state.pop("pending", None)
    if not messages and not question:
        st.markdown(
            "Ask about an Ofsted inspection of children's services.  \n"
            "Answers quote the report and cite Ofsted's paragraph numbers; open a citation "
            "to read the paragraph."
        )
        cols = st.columns(2)
        for i, q in enumerate(starter_questions(report)):
            cols[i % 2].button(
                q, key=f"starter-{i}", on_click=ask_later, args=(q,), width="stretch", wrap=True
            )
    previous = None
    for i, m in enumerate(messages):
        if i and m["scope"] != previous:
            now_asking(index, m["scope"])
        previous = m["scope"]
        with st.chat_message("user"):
            st.markdown(safe_markdown(m["question"]))
        with st.chat_message("assistant"):
            render_answer(m["answer"], index, served, key=str(i))
            if i == len(messages) - 1 and not question:
                offer_follow_ups(m["answer"], index, str(i))
    if messages and scope != previous:
        now_asking(index, scope)
    # A report removed (by `ofsted-qa remove`) while this conversation was on it gets a clear
    # answer rather than a silent switch to the sidebar's new default.
    asked_scope = scope
    if messages and messages[-1].get("scope") in index.removed:
        asked_scope = messages[-1]["scope"]
    if question:
        # Choosing another report in the sidebar starts a new thread: earlier questions no
        # longer steer follow-ups or carry their council over.
        history = [m["question"] for m in messages if m.get("scope") == scope]
        with st.chat_message("user"):
            st.markdown(safe_markdown(question))
        with st.chat_message("assistant"):
            with st.spinner(f"Searching {name(index, scope)}…"):
                result = answer(
                    question,
                    history=history,
                    default_scope=[asked_scope] if asked_scope else None,
                    index=index,
                )
            key = str(len(messages))
            render_answer(result, index, served, key=key, live=True)
            offer_follow_ups(result, index, key)
        messages.append({"question": question, "answer": result, "scope": scope})


def now_asking(index, scope) -> None:
    st.divider()
    st.caption(f"Now asking about {safe_markdown(name(index, scope))}")


def main() -> None:
    index, served = engine()
    index.refresh()  # pick up another process's ingest or remove: one stat when nothing changed
    view, scope, actions_slot = sidebar(index)
    st.markdown(
        current_report_line(index.report(scope) if scope else None, len(index.reports())),
        unsafe_allow_html=True,
    )
    if view == "Chat":
        chat(index, served, scope)
    else:
        overview(index, served, scope)
    sidebar_actions(actions_slot, index)


main()
