"""Sentence scoring details: word rarity, fragments, and causes for 'why' questions."""

from app.extractive import lexical_overlap, rarity


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


def test_glossary_synonym_counts_as_a_match():
    plain = lexical_overlap({"cla", "march"}, "333 children were looked after at 31 March.")
    with_synonym = lexical_overlap(
        {"cla", "march"}, "333 children were looked after at 31 March.", synonyms={"look"}
    )
    assert with_synonym > plain
