"""Metadata, judgements, sections and the `parse --json` schema."""

import json

import pytest
from typer.testing import CliRunner

from app.cli import cli
from tests.conftest import SEED, SHARED

EXPECTED_2017 = {
    "overall": "Inadequate",
    "help_and_protection": "Inadequate",
    "in_care": "Requires improvement",
    "adoption": "Requires improvement",
    "care_leavers": "Requires improvement",
    "leadership": "Inadequate",
    "lscb": "Inadequate",
}


@pytest.mark.parametrize("which", ["seed_report", "seed_pdf_report"])
def test_seed_and_pdf_agree_on_metadata_and_judgements(which, request):
    report = request.getfixturevalue(which)
    assert report.id == "tower-hamlets-2017"
    assert report.council == "Tower Hamlets"
    assert report.framework == "SIF"
    assert report.published == "2017-04-07"
    assert report.inspection_dates == "23 January to 16 February 2017"
    assert report.lead_inspector == "Brenda McLaughlin"
    assert {j.area: j.grade for j in report.judgements} == EXPECTED_2017


def test_sections_carry_their_heading_path(seed_report):
    paths = {p.section_path for p in seed_report.paragraphs}
    assert (
        "The experiences and progress of children who need help and protection › "
        "Inspection findings"
    ) in paths


def test_paragraphs_have_sentence_spans(seed_report):
    p = next(p for p in seed_report.paragraphs if p.number == 27)
    sentences = p.sentence_texts()
    assert sentences[0].startswith("At the time of the inspection, 18 children")
    assert len(sentences) >= 4


def test_parse_json_schema():
    result = CliRunner().invoke(cli, ["parse", str(SEED), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in ("id", "council", "title", "framework", "inspection_dates", "published"):
        assert key in data
    assert data["judgements"][0] == {"area": "overall", "grade": "Inadequate"}
    first = data["paragraphs"][0]
    assert set(first) == {"id", "number", "section", "kind", "page", "text"}


def test_parse_shows_each_paragraph_whole_on_request():
    # The plain listing cuts paragraphs at 80 characters, and says so with "…"; --full is for
    # reading them (gold writers had to fall back on --json).
    short = CliRunner().invoke(cli, ["parse", str(SEED)])
    whole = CliRunner().invoke(cli, ["parse", str(SEED), "--full"])
    assert short.exit_code == 0 and whole.exit_code == 0, whole.output
    sentence = "unacceptable drift and delay"  # deep inside ¶21 of the seed
    assert "…" in short.output and sentence not in " ".join(short.output.split())
    assert sentence in " ".join(whole.output.split())


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "corpus" / "judgements.csv").exists(), reason="needs ../shared")
def test_judgements_match_published_grades():
    from evals.judgement_check import compare

    matched, total, problems = compare(SHARED / "corpus")
    assert total > 250
    assert matched / total >= 0.95, problems[:20]
