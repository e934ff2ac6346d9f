"""Sentence scoring details: word rarity, fragments, and causes for 'why' questions."""

import pytest

from app.extractive import (
    MIN_NOVELTY,
    SYNONYM_CREDIT,
    lexical_overlap,
    novelty,
    question_type,
    rarity,
    synonyms_of,
    trim_to_clause,
    type_bonus,
)
from index.terms import question_terms


def test_rare_question_words_count_for_more():
    weight = rarity({"dashboard": 1, "board": 60, "perform": 30})
    words = {"dashboard", "board", "perform"}
    about_dashboard = lexical_overlap(
        words, "There is no performance dashboard in place.", weight=weight
    )
    about_board = lexical_overlap(words, "The board holds an awareness month.", weight=weight)
    assert about_dashboard > 0.7 > 0.3 > about_board
    # Unweighted, both share one or two words and look alike.
    assert lexical_overlap(words, "The board holds an awareness month.") == 1 / 3


def test_glossary_synonym_matches_the_whole_phrase():
    question = "How many serious case reviews were ongoing?"
    words = set(question_terms(question))
    sentence = "There were two SCRs ongoing at the time of the inspection."
    plain = lexical_overlap(words, sentence)
    with_synonym = lexical_overlap(words, sentence, synonyms_of(question))
    assert plain == 1 / 4  # only 'ongoing'
    # 'SCRs' stands for 'serious case reviews', a little below the report saying it outright.
    assert with_synonym == pytest.approx((1 + 3 * SYNONYM_CREDIT) / 4)


def test_cla_matches_children_looked_after():
    words = {"cla", "march"}
    sentence = "333 children were looked after at 31 March."
    assert lexical_overlap(words, sentence) == 0.5
    with_synonym = lexical_overlap(words, sentence, synonyms_of("How many CLA in March?"))
    assert with_synonym == pytest.approx((1 + SYNONYM_CREDIT) / 2)


def test_the_borough_is_the_local_authority_area():
    question = "How many live outside the borough?"
    words = set(question_terms(question))
    sentence = "Of this number, 113 (or 16%) live outside the local authority area."
    assert lexical_overlap(words, sentence, synonyms_of(question)) > lexical_overlap(
        words, sentence
    )


def test_novelty_is_the_share_of_new_words():
    from types import SimpleNamespace

    chosen = [
        SimpleNamespace(
            text="The range and coordination of early help provision for children and "
            "families are underdeveloped."
        )
    ]
    restated = (
        "The range and coordination of early help provision for children and families "
        "are not fully established."
    )
    assert novelty(restated, chosen) < MIN_NOVELTY
    assert novelty("Thresholds for early help are not understood by partners.", chosen) > 0.5


def test_long_sentence_is_trimmed_to_the_clause_that_answers():
    sentence = (
        "In the first quarter of 2017–18, only 13 children looked after were supported by an "
        "advocate and this means that very few children have the benefit of an independent "
        "supporter who can help them to express their views, challenge their plans, or raise "
        "something that they are worried about."
    )
    question = "How many children looked after had an advocate?"
    head = trim_to_clause(sentence, question)
    assert head == (
        "In the first quarter of 2017–18, only 13 children looked after were supported by an "
        "advocate"
    )
    assert sentence.startswith(head)
    # A "why" question keeps the whole sentence: its cause may be in the later clause.
    assert trim_to_clause(sentence, "Why do few children have an advocate?") == sentence
    # A later clause with one of the question's words is kept.
    assert trim_to_clause(sentence, "How many children can challenge their plans?") == sentence


def test_a_noun_phrase_is_not_trimmed_off_its_verb():
    sentence = (
        "The determined work of the care proceedings manager, appointed in September 2016, and "
        "the introduction of weekly legal gateway meetings have led to a significant improvement "
        "in the timeliness of care proceedings for children and families in the borough."
    )
    assert trim_to_clause(sentence, "When was the care proceedings manager appointed?") == sentence


def test_when_as_a_conjunction_does_not_ask_for_a_date():
    assert question_type("When did the DCS come into post?") == "date"
    assert question_type("and when was that?") == "date"
    assert question_type("What happens when children go missing from care?") == "general"


def test_a_count_is_not_a_year_nor_the_question_own_number():
    question = "How many children were in care in 2020?"
    assert type_bonus("number", "333 children were looked after.", question)
    assert not type_bonus("number", "A co-location began in April 2020.", question)
    assert not type_bonus("number", "Children in care in 2020 were seen.", question)


def test_a_number_the_question_gives_counts_only_when_the_sentence_gives_it_again():
    question = "How many adoptions were there in the past 12 months?"
    assert type_bonus("number", "In the past 12 months: there have been 12 adoptions", question)
    assert not type_bonus("number", "Adoptions in the past 12 months were timely.", question)
    homeless = "How many homeless 16 and 17 year olds came for help?"
    assert not type_bonus("number", "Help for homeless 16 to 17-year-olds is prompt.", homeless)


def test_a_question_about_money_wants_a_sum_of_money():
    question = "How much did the council spend on agency placements?"
    assert type_bonus("number", "It spent £1.4 million on them.", question)
    assert type_bonus("number", "The cost reached 2.3m last year.", question)
    assert not type_bonus("number", "Three children live in agency placements.", question)
    assert not type_bonus("number", "Placements cost more than in-house care.", question)
    budget = "What is the LSCB's budget?"
    assert not type_bonus("number", "The board has 12 partners.", budget)
    # "how much" about something else still wants any figure
    assert type_bonus("number", "Caseloads average 18.", "How much work do social workers have?")


def test_a_number_that_names_a_section_or_stage_is_not_a_count():
    question = "How many children were in care?"
    assert not type_bonus("number", "Core work such as section 47 enquiries is late.", question)
    assert not type_bonus("number", "Pupils at key stage 4 and tier 3 CAMHS.", question)
    assert type_bonus("number", "Section 47 enquiries rose to 1,200 last year.", question)


def test_an_age_is_not_a_count():
    question = "How many children are in care?"
    assert not type_bonus("number", "PAs are allocated before turning 18.", question)
    assert not type_bonus("number", "This includes care leavers aged over 21.", question)
    assert not type_bonus("number", "A 15-year-old girl was seen.", question)
    assert type_bonus("number", "Of the 412 children in care, 30 are aged 16.", question)


def test_a_consequence_is_led_by_its_cause():
    from types import SimpleNamespace

    import numpy as np

    from app.extractive_answer import Candidate, in_context

    hit = SimpleNamespace(paragraph=SimpleNamespace(id="p1", kind="finding"), rank=1)
    texts = [
        "The director's span of responsibility is too broad.",
        "Consequently, senior managers were unaware of serious practice issues.",
    ]
    vectors = np.eye(2, dtype=np.float32)
    cause, consequence = (
        Candidate(hit, i, t, vectors[i], 0, {}, score)
        for i, (t, score) in enumerate(zip(texts, (0.3, 0.9)))
    )
    assert [s.text for s in in_context(consequence, [consequence, cause])] == texts


def test_how_good_something_is_is_answered_by_both_sides_of_its_paragraph():
    from types import SimpleNamespace

    import numpy as np

    from app.extractive_answer import Candidate, other_side

    hit = SimpleNamespace(paragraph=SimpleNamespace(id="p1", kind="finding"), rank=1)
    elsewhere = SimpleNamespace(paragraph=SimpleNamespace(id="p2", kind="finding"), rank=2)
    praise = "Care leavers have comprehensive pathway plans that are well written."
    neutral = "Pathway plans are reviewed every six months."
    critical = "Some plans lack detail and do not address all identified needs."
    vectors = np.eye(4, dtype=np.float32)
    best, plain, other = (
        Candidate(hit, i, t, vectors[i], 0, {}, 0.5)
        for i, t in enumerate((praise, neutral, critical))
    )
    far = Candidate(elsewhere, 0, critical, vectors[3], 0, {}, 0.9)
    # The critical sentence of the same paragraph, not a neutral one, not another paragraph's.
    assert other_side(best, [best, far, plain, other]) is other
    assert other_side(other, [other, plain, best]) is best
    assert other_side(plain, [plain, best, other]) is None  # a fact takes no side


def test_a_missing_word_common_in_english_is_told_from_the_subject_asked_about():
    from app.support import missing_shares

    even = lambda _term: 1.0  # noqa: E731
    # "hold" is everyday English; "vacancy" is the thing asked about
    _, generic = missing_shares("How often do they hold practice weeks?", {"hold"}, even, 5.0)
    _, subject = missing_shares("What is the vacancy rate?", {"vacanc"}, even, 5.0)
    assert generic == pytest.approx(1 / 3)  # hold, practice, weeks
    assert subject == 0.0
