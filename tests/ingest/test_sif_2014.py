"""The 2014-15 SIF template and PDF layout quirks, on small line fixtures."""

from ingest.blocks import build_blocks, split_cover
from ingest.footnotes import lift_footnotes
from ingest.headings import match_heading
from ingest.judgements import from_cover
from ingest.read import Line
from ingest.structure import to_paragraphs


def _lines(*texts: str, page: int = 1) -> list[Line]:
    return [Line(t, page) for t in texts]


def _paragraphs(*texts: str):
    return to_paragraphs(build_blocks(_lines(*texts), "pdf"), recover_numbers=False)


def test_a_heading_wrapped_mid_title_is_joined():
    heading = match_heading(
        ["Section 2: The effectiveness of the Local Safeguarding", "Children Board", "x"], 0
    )
    assert heading.title == "Section 2: The effectiveness of the Local Safeguarding Children Board"
    assert (heading.level, heading.area, heading.lines_used) == (1, "lscb", 2)
    heading = match_heading(["What the inspection judgements mean: the local", "authority"], 0)
    assert heading.title == "What the inspection judgements mean: the local authority"


def test_the_2014_graded_sub_section_spelling_and_a_verdict_on_the_next_line():
    heading = match_heading(
        ["The graded judgment for the experiences and progress of care leavers is",
         "requires improvement", "119. Young people"],
        0,
    )  # fmt: skip
    assert (heading.area, heading.grade, heading.lines_used) == (
        "care_leavers",
        "Requires improvement",
        2,
    )
    heading = match_heading(
        ["The experiences and progress of children who need help and protection", "are inadequate"],
        0,
    )
    assert (heading.area, heading.grade, heading.lines_used) == (
        "help_and_protection",
        "Inadequate",
        2,
    )


def test_lscb_strengths_after_its_areas_for_improvement_are_findings():
    paras = _paragraphs(
        "Section 2: The effectiveness of the Local Safeguarding",
        "Children Board",
        "The effectiveness of the LSCB is inadequate",
        "Priority and immediate action",
        "1. The LSCB should review its business unit.",
        "Areas for improvement",
        "2. The LSCB should seek a renewal of commitment.",
        "Key strengths and weaknesses of the LSCB",
        "3. The Board is not fully compliant with Working Together 2013.",
    )
    kinds = {p.number: p.kind for p in paras if p.number}
    assert kinds == {1: "recommendation", 2: "recommendation", 3: "finding"}
    assert paras[-1].text.endswith("Working Together 2013.")
    statement = next(p for p in paras if p.number is None)
    assert statement.text == "The effectiveness of the LSCB is inadequate"


def test_an_unknown_short_heading_before_the_next_number_is_not_glued_on():
    paras = _paragraphs(
        "What does the local authority need to improve?",
        "Areas for improvement",
        "Leadership and management",
        "1. Undertake a review of quality assurance activity.",
        "Social work practice",
        "2. Review the process of section 47 enquiries.",
    )
    assert [p.text for p in paras] == [
        "Undertake a review of quality assurance activity.",
        "Review the process of section 47 enquiries.",
    ]
    assert all(p.kind == "recommendation" for p in paras)
    assert paras[1].section[-1] == "Social work practice"


def test_cover_statements_of_the_2014_sif():
    text = (
        "The overall judgement is inadequate There are widespread failures. "
        "The effectiveness of the Local Safeguarding Children Board (LSCB) is inadequate"
    )
    grades = {j.area: j.grade for j in from_cover(text)}
    assert grades == {"overall": "Inadequate", "lscb": "Inadequate"}
    grades = {j.area: j.grade for j in from_cover("This local authority is good because")}
    assert grades == {"overall": "Good"}
    assert not from_cover("This local authority is good at placing children for adoption")


def test_a_cover_table_without_an_overall_row_ends_at_its_last_grade():
    cover, body = split_cover(
        _lines(
            "Inspection of Trafford local authority",
            "Judgement Grade",
            "The experiences and progress of care",
            "leavers",
            "Requires improvement to be good",
            "Since the previous inspection in 2022, when services were judged as requires",
        )
    )
    assert cover[-1].text == "Requires improvement to be good"
    assert body[0].text.startswith("Since the previous inspection")


def test_numbers_the_report_skips_and_numbers_glued_to_the_line_before():
    paras = _paragraphs(
        "1. The response to allegations is thorough.",
        "3. Services for care leavers are variable. 4. The vast majority of children",
        "enter care appropriately.",
        "5. When children cannot return home, they live with family.",
    )
    assert [p.number for p in paras] == [1, 3, 4, 5]
    assert paras[1].text == "Services for care leavers are variable."
    assert paras[2].text == "The vast majority of children enter care appropriately."


def test_a_number_is_not_skipped_when_the_missing_one_is_printed_later():
    paras = _paragraphs(
        "1. First paragraph ends here.",
        "3. Three children were seen.",
        "2. Second paragraph.",
    )
    assert [p.number for p in paras] == [1, 2]
    assert "3. Three children" in paras[0].text


def test_a_dash_that_continues_a_name_is_not_a_bullet():
    paras = _paragraphs(
        "1. A range of services, including Multi-Systemic Therapy",
        "\u2013 Child Abuse and Neglect, work effectively with families.",
    )
    assert len(paras) == 1
    assert "Multi-Systemic Therapy \u2013 Child Abuse and Neglect, work" in paras[0].text


def test_soft_hyphen_bullets():
    paras = _paragraphs(
        "Children living in this area",
        "\uf06e The proportion of children entitled to free school meals:",
        "\u00ad in primary schools is 19.5%",
    )
    assert paras[-1].text.endswith("in primary schools is 19.5%")


def test_footnotes_are_lifted_out_and_their_glued_markers_dropped():
    lines = [
        Line("2. Of this number:", 3),
        Line("\u2013 2 live in residential special schools,3 and out of the area", 3),
        Line("3. When the family history", 3),
        Line("3 These are residential special schools that look after children for", 3),
        Line("295 days or less per year.", 3),
        Line("has been provided, it is considered.", 4),
    ]
    kept, notes = lift_footnotes(lines)
    assert [ln.text for ln in kept][1] == (
        "\u2013 2 live in residential special schools, and out of the area"
    )
    assert kept[-1].text == "has been provided, it is considered."
    assert [n.text for n in notes] == [
        "3 These are residential special schools that look after children for "
        "295 days or less per year."
    ]


def test_a_number_at_the_foot_of_a_page_without_a_marker_is_not_a_footnote():
    lines = [Line("Children at Key Stage 4, and 12 others.", 1), Line("4 Good homes.", 1)]
    kept, notes = lift_footnotes(lines)
    assert not notes and kept == lines


def test_the_blank_space_between_unnumbered_paragraphs_ends_one():
    # An executive summary paragraph whose last line happens to fill the width ran into the
    # next (Greenwich 2016's became one of 457 words); the text layer's blank line ends it.
    def full(text: str) -> str:
        return f"{text} and then runs on to fill the width of the whole line".ljust(90, "x")

    lines = [
        Line("Executive summary", 1),
        Line(full("Services for care leavers are of high quality"), 1),
        Line(full("The last line of this paragraph fills the width") + ".", 1),
        Line(full("Leadership, management and governance are mostly strong"), 1, True),
        Line(full("Its last line on this page ends a sentence too") + ".", 1),
        # a new page opens after blank space too, but a paragraph runs on across it
        Line(full("Its paragraph goes on after the page break") + ".", 2),
    ]
    texts = [b.text for b in build_blocks(lines, "pdf") if b.kind == "text"]
    assert len(texts) == 2, texts
    assert texts[0].startswith("Services") and texts[1].startswith("Leadership")
    assert "after the page break" in texts[1]


def test_a_pdf_line_after_a_blank_on_its_page_says_so():
    from ingest.read import _strip_furniture

    lines = _strip_furniture([" \n 3 \nFirst line.\n \nSecond paragraph.\n", "Next page.\n"])
    assert [(ln.text, ln.gap_before) for ln in lines] == [
        ("First line.", False),  # the blank at the page's top is no paragraph's end
        ("Second paragraph.", True),
        ("Next page.", False),
    ]


def test_an_area_named_inside_the_recommendations_groups_items_and_a_wrapped_grade_ends():
    # Plymouth 2015 groups its recommendations under the areas' names; Somerset 2018 wraps
    # "Requires improvement" / "to be good" under an area's heading.
    paragraphs = _paragraphs(
        "What does the local authority need to improve?",
        "Priority and immediate action",
        "Leadership, management and governance",
        "1. Ensure that practitioners have reasonable workloads.",
        "The experiences and progress of children who need help and protection",
        "Requires improvement",
        "to be good",
        "Summary",
        "Children are seen promptly.",
    )
    first, last = paragraphs[0], paragraphs[-1]
    assert first.kind == "recommendation", first
    assert first.section[-1] == "Leadership, management and governance"
    assert [p.text for p in paragraphs] == [first.text, "Children are seen promptly."]
    assert last.section[0].startswith("The experiences and progress")
