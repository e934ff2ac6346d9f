"""The Report overview view of the chat app: what an inductee reads first. It only renders."""

from __future__ import annotations

import random

import streamlit as st

from .answer import answer
from .overview import (
    judgement_reasons,
    practise_questions,
    recommendation_groups,
    section_summaries,
)
from .presentation import (
    AREA_NAMES,
    citation_title,
    grade_chip,
    highlighted,
    safe_markdown,
    short_section,
)
from .sources import source_link


def overview(index, served, scope) -> None:
    if not scope:
        st.info("Choose a report in the sidebar to see its overview.")
        return
    report = index.report(scope)
    st.header(f"{safe_markdown(report.display_name())}: report overview")
    st.caption(safe_markdown(report.title))
    judgements(report)
    recommendations(report)
    summaries(report)
    practise(index, served, report)


def judgements(report) -> None:
    st.subheader("Judgements")
    for reason in judgement_reasons(report):
        j, p = reason.judgement, reason.paragraph
        st.markdown(f"**{AREA_NAMES[j.area]}** {grade_chip(j.grade)}", unsafe_allow_html=True)
        if p is not None:
            label = f"¶{p.number}" if p.number is not None else short_section(p.section_path)
            st.markdown(f"> {safe_markdown(p.text)}")
            st.caption(f"{label} · {safe_markdown(p.section_path)}")


def recommendations(report) -> None:
    st.subheader("Recommendations")
    groups = recommendation_groups(report)
    if not groups:
        st.caption("This report makes no recommendations.")
    for heading, paras in groups:
        if heading:
            st.markdown(f"**{safe_markdown(heading)}**")
        # Ofsted's own numbers where it numbers them; the list's order where it does not.
        items = [
            f"{p.number if p.number is not None else i}. {safe_markdown(p.text)}"
            for i, p in enumerate(paras, 1)
        ]
        st.markdown("\n".join(items))


def summaries(report) -> None:
    st.subheader("Section summaries")
    for section, paras in section_summaries(report):
        st.markdown(f"**{safe_markdown(section)}**")
        st.markdown("\n\n".join(safe_markdown(p.text) for p in paras))


def practise(index, served, report) -> None:
    """A question about the report, the user's own answer, then the report's."""
    st.subheader("Practise")
    key = f"practise-{report.id}"
    questions = practise_questions(report)
    if key not in st.session_state or st.session_state[key] not in questions:
        st.session_state[key] = random.choice(questions)
    question = st.session_state[key]
    st.markdown(f"**{safe_markdown(question)}**")
    st.text_area("Your answer", key=f"{key}-guess", height=80)
    left, right = st.columns(2)
    if left.button("Show the report's answer", key=f"{key}-show", use_container_width=True):
        st.session_state[f"{key}-shown"] = True
    if right.button("Another question", key=f"{key}-next", use_container_width=True):
        others = [q for q in questions if q != question] or questions
        st.session_state[key] = random.choice(others)
        st.session_state[f"{key}-shown"] = False
        st.rerun()
    if st.session_state.get(f"{key}-shown"):
        result = answer(question, scope=[report.id], index=index)
        st.markdown(safe_markdown(result.text))
        for c in result.citations:
            st.markdown(
                f"**[{c.marker}] {safe_markdown(citation_title(c, report.display_name()))}**"
            )
            st.markdown(highlighted(c.paragraph_text, c.quote), unsafe_allow_html=True)
            link = source_link(c, served)
            if link:
                st.markdown(f"[{link[0]}]({link[1]})")
