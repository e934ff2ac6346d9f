"""Each repair the damaged seed text needs."""

from ingest.blocks import build_blocks
from ingest.read import Line
from ingest.repair import fix_fused_years, repair, restore_apostrophes


def test_fused_year_ranges_are_split():
    assert (
        fix_fused_years("In 201516, 58% of care leavers") == "In 2015\u201316, 58% of care leavers"
    )
    assert fix_fused_years("a rate of 201599 here") == "a rate of 201599 here"  # not a year range


def test_unambiguous_apostrophes_are_restored():
    assert restore_apostrophes("the childrens services") == "the children's services"
    assert restore_apostrophes("Childrens services") == "Children's services"
    assert restore_apostrophes("the local authoritys arrangements") == (
        "the local authority's arrangements"
    )
    assert restore_apostrophes("the councils met") == "the councils met"  # ambiguous: left


def test_page_break_mid_sentence_is_rejoined():
    lines = [
        Line(t, None)
        for t in [
            "Inspection findings",
            "Cases seen by inspectors evidence that social workers visit most children",
            "regularly, and for a large",
            "",
            "",
            "majority of children, the quality of work undertaken needs to improve.",
            "",
            "",
            "Assessments seen by inspectors were not of good quality for most children.",
        ]
    ]
    blocks = [b for b in build_blocks(lines, "text") if b.kind == "text"]
    assert len(blocks) == 2
    assert "for a large majority of children" in blocks[0].text


def test_headings_are_not_body_text(seed_report):
    texts = {p.text for p in seed_report.paragraphs}
    assert "Inspection findings" not in texts
    assert "Leadership, management and governance" not in texts
    assert any(p.section[-1] == "Inspection findings" for p in seed_report.paragraphs)


def test_licence_and_furniture_stay_out_of_paragraphs(seed_report, seed_pdf_report):
    for report in (seed_report, seed_pdf_report):
        for p in report.paragraphs:
            assert "Open Government Licence" not in p.text
            assert "Crown copyright" not in p.text
            assert not p.text.strip().isdigit()


def test_repair_normalises_curly_quotes():
    assert repair("children\u2019s") == "children's"


def test_a_symbol_font_bullet_is_a_bullet_not_text():
    # Haringey 2014 prints its facts with Wingdings' square bullet (U+F0A7): it was left at
    # the start of each fact, shown to users, and ran the facts together in one paragraph.
    lines = [
        Line(t, None)
        for t in [
            "Children looked after",
            "\uf0a7 At 31 March 2014, 507 children were being looked after.",
            "\uf0a7 At 31 March 2014, 13 children lived in a privately arranged placement.",
        ]
    ]
    texts = [b.text for b in build_blocks(lines, "text") if "31 March" in b.text]
    assert texts and all(not t.startswith("\uf0a7") and "\uf0a7" not in t for t in texts)
    assert not any("507" in t and "13 children" in t for t in texts)


def test_a_box_drawing_dash_is_a_bullet():
    # South Tyneside 2017 lists its facts after "Of this number:" with U+2500: they ran
    # together, and "112 children ceased to be looked after" outranked the count looked after.
    lines = [
        Line(t, None)
        for t in [
            "In the last 12 months:",
            "\u2500 there have been 26 adoptions",
            "\u2500 112 children ceased to be looked after, of whom 1% subsequently",
            "returned to be looked after",
        ]
    ]
    texts = [b.text for b in build_blocks(lines, "text")]
    assert not any("\u2500" in t for t in texts)
    assert any(
        t.startswith("112 children") and t.endswith("returned to be looked after") for t in texts
    )
    assert not any("26 adoptions" in t and "112 children" in t for t in texts)
