"""The chat app: renders answer() results; all logic lives in the app package."""

from __future__ import annotations

import html

import streamlit as st

from app.answer import answer
from app.engine import ensure_index, get_index

st.set_page_config(page_title="ofsted-qa", page_icon="📋", layout="wide")


@st.cache_resource(show_spinner=False)
def engine():
    """One index per process, shared by every session; built from data/reports if missing."""
    index = get_index()
    if index.is_empty():
        with st.status("Building the index from data/reports (about a minute)…") as status:
            ensure_index(index, progress=lambda msg: status.update(label=msg))
    return index


def report_label(index, rid: str | None) -> str:
    if rid is None:
        return "All reports"
    r = index.report(rid)
    return r.display_name() if r else rid


def render_answer(result, index) -> None:
    if result.scope_note:
        st.caption(result.scope_note)
    if result.refused:
        st.warning(result.refusal_reason)
        for r in result.related:
            with st.expander(f"Related: {report_label(index, r.report_id)} · {r.section[:60]}"):
                st.text(r.text)
        return
    st.markdown(html.escape(result.text).replace("[", "\\["))
    for c in result.citations:
        with st.expander(f"[{c.marker}] {c.label(report_label(index, c.report_id))}"):
            text = html.escape(c.paragraph_text)
            quote = html.escape(c.quote)
            st.markdown(text.replace(quote, f"<mark>{quote}</mark>"), unsafe_allow_html=True)
    if result.rewritten_query:
        st.caption(f"Understood as: {result.rewritten_query}")


def main() -> None:
    index = engine()
    ids = [r.id for r in index.reports()]
    default = index.settings.default_report
    options = [*ids, None]
    with st.sidebar:
        st.title("ofsted-qa")
        scope = st.selectbox(
            "Report",
            options,
            index=options.index(default) if default in options else len(options) - 1,
            format_func=lambda rid: report_label(index, rid),
        )
        if scope:
            for j in index.report(scope).judgements:
                st.markdown(f"**{j.area.replace('_', ' ')}**: {j.grade}")
        if st.button("New conversation"):
            st.session_state.messages = []
        st.caption("Answer mode: extractive (sentences from the report, each cited)")
    messages = st.session_state.setdefault("messages", [])
    if not messages:
        st.info(
            "Ask about an Ofsted inspection of children's services. Answers quote the "
            "report and cite Ofsted's paragraph numbers."
        )
    for m in messages:
        with st.chat_message(m["role"]):
            if m["role"] == "user":
                st.text(m["content"])
            else:
                render_answer(m["content"], index)
    question = st.chat_input("Ask about the report")
    if question:
        history = [m["content"] for m in messages if m["role"] == "user"]
        with st.chat_message("user"):
            st.text(question)
        result = answer(
            question, history=history, default_scope=[scope] if scope else None, index=index
        )
        with st.chat_message("assistant"):
            render_answer(result, index)
        messages += [
            {"role": "user", "content": question},
            {"role": "assistant", "content": result},
        ]


main()
