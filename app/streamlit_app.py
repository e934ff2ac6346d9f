"""The chat app. It only renders: every answer comes from app.answer.answer()."""

from __future__ import annotations

import time

import streamlit as st

from app import feedback
from app.answer import answer
from app.engine import ensure_index, get_index
from app.judgement_answers import evidence_paragraph
from app.presentation import (
    AREA_NAMES,
    citation_title,
    conversation_markdown,
    grade_chip,
    highlighted,
    safe_markdown,
    short_section,
    starter_questions,
)
from app.table_view import render_table

st.set_page_config(page_title="ofsted-qa", page_icon="📋", layout="wide")


@st.cache_resource(show_spinner=False)
def engine():
    """One index per process, shared by all sessions; built from data/reports if missing."""
    index = get_index()
    if index.is_empty():
        with st.status("Building the index from data/reports (about a minute)…") as status:
            bar = st.progress(0.0)
            seen: list[str] = []

            def progress(msg: str) -> None:
                seen.append(msg)
                status.update(label=msg)
                bar.progress(min(len(seen) / 21, 1.0))  # a parse and an embed step per report

            ensure_index(index, progress=progress)
            status.update(label="Index ready", state="complete")
    return index


def name(index, rid: str | None) -> str:
    if rid is None:
        return "All reports"
    r = index.report(rid)
    return r.display_name() if r else rid


def stream(result):
    """Yield the answer a sentence at a time, as a chat answer streams in."""
    for text in _static(result):
        yield text
        time.sleep(0.02)


def render_answer(result, index, key: str, live: bool = False) -> None:
    if result.scope_note:
        st.caption(safe_markdown(result.scope_note))
    if result.notice:
        st.info(result.notice, icon="ℹ️")
    if result.refused:
        st.warning(result.refusal_reason, icon="🔎")
        for r in result.related:
            label = f"Related: ¶{r.number} · " if r.number else "Related: "
            with st.expander(f"{label}{short_section(r.section)} · {name(index, r.report_id)}"):
                st.markdown(safe_markdown(r.text))
        return
    if live:
        st.write_stream(stream(result))
    else:
        st.markdown("".join(stream_text for stream_text in _static(result)))
    render_table(st, result.table)
    for c in result.citations:
        with st.expander(f"[{c.marker}] {citation_title(c, name(index, c.report_id))}"):
            st.markdown(highlighted(c.paragraph_text, c.quote), unsafe_allow_html=True)
            st.caption(safe_markdown(c.section))
    if result.rewritten_query:
        st.caption(f"Understood as: {safe_markdown(result.rewritten_query)}")
    rating = st.feedback("thumbs", key=f"fb-{key}")
    if rating is not None and not st.session_state.get(f"fb-saved-{key}"):
        feedback.record(index.settings.feedback_db, result, rating)
        st.session_state[f"fb-saved-{key}"] = True
        st.toast("Thanks: feedback saved")


def _static(result):
    for text, markers in result.marked_sentences():
        yield safe_markdown(text) + "".join(f" \\[{m}\\]" for m in markers) + " "


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
        if scope:
            report = index.report(scope)
            st.markdown(f"**{safe_markdown(report.title or report.council)}**")
            st.caption(f"Inspected {report.inspection_dates}; published {report.published}")
            for j in report.judgements:
                st.markdown(
                    f"{AREA_NAMES[j.area]}<br>{grade_chip(j.grade)}", unsafe_allow_html=True
                )
        if st.button("New conversation", use_container_width=True):
            st.session_state.messages = []
        turns = [(m["question"], m["answer"]) for m in st.session_state.get("messages", [])]
        st.download_button(
            "Download conversation",
            conversation_markdown(turns, {r.id: r.display_name() for r in index.reports()}),
            file_name="ofsted-qa-conversation.md",
            mime="text/markdown",
            use_container_width=True,
            disabled=not turns,
        )
        mode = index.settings.llm
        st.caption(
            "Answer mode: extractive (the report's own sentences, each cited)"
            if mode == "extractive"
            else f"Answer mode: {mode}, checked against the cited paragraphs"
        )
    return view, scope


def chat(index, scope) -> None:
    messages = st.session_state.setdefault("messages", [])
    report = index.report(scope) if scope else None
    if not messages:
        st.markdown(
            "Ask about an Ofsted inspection of children's services.  \n"
            "Answers quote the report and cite Ofsted's paragraph numbers; open a citation "
            "to read the paragraph."
        )
        cols = st.columns(2)
        for i, q in enumerate(starter_questions(report)):
            if cols[i % 2].button(q, key=f"starter-{i}", use_container_width=True):
                st.session_state.pending = q
    for i, m in enumerate(messages):
        with st.chat_message("user"):
            st.markdown(safe_markdown(m["question"]))
        with st.chat_message("assistant"):
            render_answer(m["answer"], index, key=str(i))
    question = st.chat_input("Ask about the report") or st.session_state.pop("pending", None)
    if question:
        # Choosing another report in the sidebar starts a new thread: earlier questions no
        # longer steer follow-ups or carry their council over.
        history = [m["question"] for m in messages if m.get("scope") == scope]
        with st.chat_message("user"):
            st.markdown(safe_markdown(question))
        result = answer(
            question, history=history, default_scope=[scope] if scope else None, index=index
        )
        with st.chat_message("assistant"):
            render_answer(result, index, key=str(len(messages)), live=True)
        messages.append({"question": question, "answer": result, "scope": scope})


def overview(index, scope) -> None:
    if not scope:
        st.info("Choose a report in the sidebar to see its overview.")
        return
    report = index.report(scope)
    st.header(f"{report.display_name()}: report overview")
    st.caption(safe_markdown(report.title))
    st.subheader("Judgements")
    rows = "".join(
        f"<tr><td>{AREA_NAMES[j.area]}</td><td>{grade_chip(j.grade)}</td></tr>"
        for j in report.judgements
    )
    st.markdown(f"<table>{rows}</table>", unsafe_allow_html=True)
    for j in report.judgements:
        p = evidence_paragraph(report, j.area, j.evidence, j.grade)
        if p is not None:
            label = f"¶{p.number}" if p.number is not None else short_section(p.section_path)
            with st.expander(f"{AREA_NAMES[j.area]}: {j.grade} · {label}"):
                st.markdown(safe_markdown(p.text))
                st.caption(safe_markdown(p.section_path))
    st.subheader("Recommendations")
    for p in (p for p in report.paragraphs if p.kind == "recommendation"):
        title = f"¶{p.number}" if p.number is not None else short_section(p.section_path)
        first = p.sentence_texts()[0] if p.sentences else p.text
        with st.expander(f"{title} · {first[:110]}"):
            st.markdown(safe_markdown(p.text))
            st.caption(safe_markdown(p.section_path))
    st.subheader("Section summaries")
    for section in report.sections:
        paras = [p for p in report.paragraphs if p.section == section and p.kind == "summary"]
        if paras:
            with st.expander(" › ".join(section)):
                for p in paras:
                    st.markdown(safe_markdown(p.text))


def main() -> None:
    index = engine()
    view, scope = sidebar(index)
    if view == "Chat":
        chat(index, scope)
    else:
        overview(index, scope)


main()
