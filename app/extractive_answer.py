"""The extractive component: for each part of the plan, the report's best sentences, cited.

Candidates are the sentences of the paragraphs retrieved for each part. One fitted scorer
(app/scorer.py) weighs their named features (app/features.py). The answer covers every part
whose best sentence the scorer believes, reads each sentence in context (the one before an
"It …", the one after that carries the figure asked for), and refuses when the first part's
best sentence is not believed.
"""

from __future__ import annotations

import re

import numpy as np

from index import ReportIndex, expand
from index.terms import question_terms

from .extractive import (
    ANAPHOR,
    CONSEQUENCE,
    CONTINUATION,
    INSPECTORS_ON,
    MIN_NOVELTY,
    NEAR_DUPLICATE,
    _neighbour,
    lexical_overlap,
    novelty,
    rarity,
    trim_to_clause,
)
from .features import Candidate, add_relative_features, rare_terms, sentence_features
from .judgement_answers import concern
from .numbers import missing_numbers
from .plan import QuestionPlan
from .scorer import Weights, current_weights
from .support import (
    ASKS_FOR_A_NAME,
    ASKS_FOR_A_PERSON,
    ASKS_FOR_AN_ORGANISATION,
    asks_for_a_count,
    figure_near,
    missing_shares,
    names_a_person,
    names_an_organisation,
    unknown_terms,
)
from .types import Answer, AnswerSentence, related_for

CANDIDATE_PARAGRAPHS = 8
ABOUT_THE_INSPECTION = re.compile(r"\binspect\w*", re.I)
MIN_WORDS = 4  # fragments left by the damaged extraction make poor answers


def retrieval_query(query: str, index: ReportIndex) -> str:
    """The query without the council names (and the year after one: "Tower Hamlets 2017")
    that chose the scope: inside one council's report its name is in every other paragraph,
    and the year in every dated figure, so as search words they only add noise."""
    out = query
    for council in {r.council for r in index.reports()}:
        out = re.sub(rf"(?i)\b{re.escape(council)}('s|s'|’s)?(\s+(?:19|20)\d\d)?\b", " ", out)
    out = " ".join(out.split())
    return out if len(question_terms(out)) >= 1 else query


def collect(
    plan: QuestionPlan, index: ReportIndex, report_ids, section: str | None = None
) -> tuple[list[list[Candidate]], list, np.ndarray]:
    """Scored candidates per part (best first), the first part's hits and its vector."""
    queries = [retrieval_query(p.query, index) for p in plan.parts]
    vectors = index.embedder.embed([expand(q) for q in [*queries, plan.query]])
    question_vector = vectors[-1]
    df = index.document_frequencies(report_ids)
    weight = rarity(df)
    report_years = {str(r.year) for r in index.reports()}
    weights = current_weights()
    per_part: list[list[Candidate]] = []
    first_hits: list = []
    for n, (part, query, part_vector) in enumerate(zip(plan.parts, queries, vectors)):
        rare = rare_terms(part, df)
        hits = index.search(
            query,
            CANDIDATE_PARAGRAPHS,
            report_ids=report_ids,
            section=section,
            query_vector=part_vector,
            rare=sorted(rare),
        )
        if n == 0:
            first_hits = hits
        found: list[Candidate] = []
        for hit in hits:
            p = hit.paragraph
            if missing_numbers(plan.query, p.text, report_years):
                continue  # a number the question turns on is not in this paragraph
            texts = p.sentence_texts()
            for i, (text, vec) in enumerate(zip(texts, index.sentence_vectors(p))):
                if len(text.split()) < MIN_WORDS:
                    continue
                features = sentence_features(
                    plan, part, hit, i, texts, vec, part_vector, question_vector, weight, rare
                )
                found.append(Candidate(hit, i, text, vec, n, features))
        add_relative_features(found)
        ranked = rank_part(found, part, plan, weights, index, report_ids)
        per_part.append(ranked)
    return per_part, first_hits, vectors[0]


def rank_part(
    found: list[Candidate], part, plan: QuestionPlan, weights: Weights, index, report_ids
) -> list[Candidate]:
    """A part's candidates scored under `weights`, in the order the answer reads them (the fit
    replays this with candidate weights, so there is one ordering, not two)."""
    for c in found:
        c.score = weights.probability(c.features)
    ranked = sorted(found, key=lambda c: -c.score)
    if INSPECTORS_ON.search(part.text) or not ABOUT_THE_INSPECTION.search(plan.query):
        # The account of how the inspection was done ("Inspectors considered the quality of
        # …", "… how well it is doing …") answers questions about the inspection ("who led
        # it?", "what did inspectors do?"), not about the service: "How well is the council
        # doing on adoption?", nor "What did inspectors say about plans?".
        ranked = [c for c in ranked if c.features["method"] == 0.0]
    if part.kind != "improve":
        ranked = findings_first(ranked, lambda c: believed(c, plan, weights, index, report_ids))
    return ranked


def findings_first(ranked: list[Candidate], answers) -> list[Candidate]:
    """A recommendation says what should change; "how do IROs challenge plans?" asks what
    happens. Unless the part asks what must improve, the best finding leads whenever it
    `answers` the question well enough to be given on its own."""
    if not ranked or ranked[0].paragraph.kind != "recommendation":
        return ranked
    findings = [c for c in ranked if c.paragraph.kind != "recommendation"]
    if not findings or not answers(findings[0]):
        return ranked
    return findings + [c for c in ranked if c.paragraph.kind == "recommendation"]


def answerable_features(
    best: Candidate, plan: QuestionPlan, index: ReportIndex, report_ids, common_from: float
) -> dict[str, float]:
    """The refusal model's features; `common_from`: the Zipf frequency from which a word no
    report uses counts as common English (fitted, Weights.common_word_zipf)."""
    df = index.document_frequencies(report_ids)
    weight = rarity(df)
    words = question_terms(plan.query)
    missing = set(unknown_terms(plan.query, report_ids, index))
    missing_share, common_share = missing_shares(plan.query, missing, weight, common_from)
    return {
        "best": best.score,
        "best_dense": best.features["dense_question"],
        "best_overlap": best.features["overlap"],
        "missing_share": missing_share,
        "missing_common_share": common_share,
        # "how many …?" needs a figure, not a sentence that only shares words
        "count_unmet": 1.0
        if asks_for_a_count(plan.parts[0].text) and not figure_near(best, plan.parts[0].text)
        else 0.0,
        "best_in_area": best.features["section_match"],
        # "What did inspectors find about care leavers?" in a report that says
        # "care-experienced young people" under a heading that says "care leavers"
        "paragraph_overlap": lexical_overlap(
            set(words), f"{best.paragraph.section_path} {best.paragraph.text}", (), weight
        ),
        "asks_why": 1.0 if plan.parts[0].kind == "why" else 0.0,
        "several_parts": 1.0 if len(plan.parts) > 1 else 0.0,
        # "what is the director called?" needs a name, not a role
        "name_unmet": 1.0 if _name_unmet(plan.query, best.text, _council(best, index)) else 0.0,
    }


def _name_unmet(question: str, sentence: str, council: str) -> bool:
    """A question for a person's or an organisation's name, answered by a sentence that
    names none."""
    asks = ASKS_FOR_A_NAME.search(question) or ASKS_FOR_A_PERSON.search(question)
    if asks and not names_a_person(sentence, council):
        return True
    return bool(ASKS_FOR_AN_ORGANISATION.search(question)) and not names_an_organisation(
        sentence, council, question
    )


def _council(c: Candidate, index: ReportIndex) -> str:
    report = index.report(c.paragraph.report_id)
    return report.council if report else ""


def believed(best: Candidate, plan: QuestionPlan, weights: Weights, index, report_ids) -> bool:
    """Whether to answer: the fitted model of answerable questions believes the first part's
    best sentence."""
    features = answerable_features(best, plan, index, report_ids, weights.common_word_zipf)
    return weights.answerable_probability(features) >= weights.answer_above


def parts_believed(
    per_part: list[list[Candidate]], plan: QuestionPlan, weights: Weights, index, report_ids
) -> list[bool]:
    """Per part, whether its best sentence is believed. A question is answered when any part
    is: "How many care leavers are NEET, and what is the Aftercare team?" can answer the
    count even when the report never names the team, and the reverse."""
    return [bool(r) and believed(r[0], plan, weights, index, report_ids) for r in per_part]


def choose(
    per_part: list[list[Candidate]],
    plan: QuestionPlan,
    weights: Weights,
    believed_parts: list[bool] | None = None,
):
    """The sentences of the answer, in the order they are shown. Each part is answered when
    the answerable model believes its best sentence (`parts_believed`), or that sentence is
    likely (`part_above`): a question of two parts wants both answered."""
    believed_parts = believed_parts or [True] * len(per_part)
    first_believed = believed_parts[0]
    chosen: list[Candidate] = []
    kind = plan.parts[0].kind
    limit = weights.max_sentences_multi if len(per_part) > 1 else weights.most_sentences(kind)
    for n, ranked in enumerate(per_part):
        fresh = [c for c in ranked if not any(_same(c, k) for k in chosen)]
        if not fresh or not _answered(fresh, believed_parts[n], weights):
            continue
        best = fresh[0]
        if n > 0 and _repeats(best, chosen):
            continue  # the first part's sentences already say this
        chosen.extend(c for c in in_context(best, ranked) if not any(_same(c, k) for k in chosen))
        if plan.parts[n].stance == "quality":
            other = other_side(best, ranked)
            if other is not None and not any(_same(other, k) for k in chosen):
                chosen.append(other)
    chosen = with_the_figure(chosen, per_part, plan, weights)
    # Further sentences are weighed against the paragraphs the answer will cite: a summary
    # sentence that restates a finding is cited to the finding.
    chosen = numbered(chosen, per_part)
    if not first_believed or not per_part[0]:
        return qualified(chosen[:limit], per_part, limit + weights.qualifiers)
    best = per_part[0][0]
    for cand in per_part[0][1:]:
        if len(chosen) >= limit or cand.score < best.score - weights.runner_up_within:
            break
        if _said(cand, chosen) or CONTINUATION.match(cand.text):
            continue
        if cand.paragraph.kind == "recommendation" and not plan.improve:
            continue
        cited = {c.paragraph.id for c in chosen}
        if cand.paragraph.id not in cited and cand.score < weights.new_paragraph_bar(kind):
            continue
        chosen.append(cand)
    return qualified(numbered(chosen, per_part)[:limit], per_part, limit + weights.qualifiers)


# Ofsted balances a finding in its own paragraph: "Return home interviews are delivered by
# youth workers who are curious and analytical. … However, take-up has been patchy."
CONTRAST = re.compile(r"^(however|but|although|nevertheless|despite|while|yet|even so)\b", re.I)


def qualified(
    chosen: list[Candidate], per_part: list[list[Candidate]], limit: int
) -> list[Candidate]:
    """Each part's answer with the sentence of the same paragraph that qualifies it ("However,
    …"), placed after that paragraph's sentences: an answer that gives one side of a
    paragraph reads as the inspectors' verdict when it is not. It cites no new paragraph."""
    out = list(chosen)
    for n, ranked in enumerate(per_part):
        cited = {c.paragraph.id for c in chosen if c.part == n}
        for cand in ranked:
            if len(out) >= limit:
                return out
            if (
                cand.paragraph.id in cited
                and CONTRAST.match(cand.text)
                and not any(_same(cand, c) for c in out)
                and not _said(cand, out)
            ):
                last = max(i for i, c in enumerate(out) if c.paragraph.id == cand.paragraph.id)
                out.insert(last + 1, cand)
                break
    return out


def _answered(ranked: list[Candidate], believed_part: bool, weights: Weights) -> bool:
    return bool(ranked) and (believed_part or ranked[0].score >= weights.part_above)


def unanswered_parts(
    per_part: list[list[Candidate]], plan: QuestionPlan, weights: Weights, believed_parts, first=1
) -> list[str]:
    """The further parts of the question nothing found answers: "how many children are on
    plans, and are the plans any good?" may get the count alone, and the user should know
    the rest was looked for, not forgotten. `first`: 0 when another component answered the
    question's first part and `plan` holds the rest."""
    return [
        plan.parts[n].text.strip(" ?.,")
        for n in range(first, len(per_part))
        if not _answered(per_part[n], believed_parts[n], weights)
    ]


TYPED_KINDS = ("number", "date")


def with_the_figure(
    chosen: list[Candidate], per_part: list[list[Candidate]], plan: QuestionPlan, weights: Weights
) -> list[Candidate]:
    """A part that asks for a figure or a date and is answered without one gets its best
    candidate that gives one, when that is likely enough (`typed_above`, fitted), placed
    after the part's own sentences. "How quickly does the MASH deal with contacts?" is
    answered by "The MASH is responsive …" and then by the sentence with "within 24 hours",
    often in the next paragraph."""
    out = list(chosen)
    for n, ranked in enumerate(per_part):
        own = [i for i, c in enumerate(out) if c.part == n]
        if plan.parts[n].kind not in TYPED_KINDS or not own:
            continue
        if any(out[i].features["type_match"] for i in own):
            continue
        typed = next(
            (c for c in ranked if c.features["type_match"] and not any(_same(c, k) for k in out)),
            None,
        )
        if typed is not None and typed.score >= weights.typed_above:
            out.insert(own[-1] + 1, typed)
    return out


def numbered(chosen: list[Candidate], per_part: list[list[Candidate]]) -> list[Candidate]:
    """A summary sentence that restates a numbered finding among the candidates is cited to
    the finding: the user can open "¶67" and read it in full, with its context. A restatement
    is close in meaning, or has nearly all its words in the finding's sentence: summaries
    shorten findings ("MARACs take place every two weeks." of "…, due to the high volume of
    serious domestic abuse incidents"), and the shortened one may have lost what was asked."""
    out = []
    for c in chosen:
        if c.paragraph.number is None and c.paragraph.kind == "summary":
            same = [
                f
                for f in per_part[c.part]
                if f.paragraph.number is not None
                and (
                    float(f.vector @ c.vector) > NEAR_DUPLICATE
                    or novelty(c.text, [f]) < MIN_NOVELTY  # as in _said()
                )
                and not any(_same(f, k) for k in chosen)
            ]
            c = max(same, key=lambda f: float(f.vector @ c.vector), default=c)
        out.append(c)
    return out


def in_context(best: Candidate, ranked: list[Candidate]) -> list[Candidate]:
    """The sentence with the one before it when it leans on it ("It identifies …",
    "Consequently, …"), and the one after it when that one continues it ("This is an increase
    from 298") or carries the figure, date or cause the part asks for."""
    out = [best]
    if ANAPHOR.match(best.text) or CONSEQUENCE.match(best.text):
        before = _neighbour(best, ranked, -1)
        if before is not None:
            out.insert(0, before)
    after = _neighbour(best, ranked, 1)
    if after is not None and (
        CONTINUATION.match(after.text) or best.features.get("next_carries", 0.0) > 0
    ):
        out.append(after)
    return out


def other_side(best: Candidate, ranked: list[Candidate]) -> Candidate | None:
    """ "Are the pathway plans any good?" is answered by both sides where the paragraph gives
    both: its best sentence that praises when the best one criticises, or the reverse
    ("Some plans need to be strengthened because they lack detail")."""
    sign = _polarity(best.text)
    if not sign:
        return None
    return next(
        (c for c in ranked if c.paragraph.id == best.paragraph.id and _polarity(c.text) == -sign),
        None,
    )


def _polarity(text: str) -> int:
    """+1 for a sentence that praises, -1 for one that criticises, 0 for neither."""
    score = concern(text)
    return (score < 0) - (score > 0)


def _same(a: Candidate, b: Candidate) -> bool:
    return a.paragraph.id == b.paragraph.id and a.index == b.index


def _said(cand: Candidate, chosen: list[Candidate]) -> bool:
    """Already in the answer, or nearly: the same sentence, one close in meaning, or one
    whose words the answer mostly has (summaries restate findings almost word for word)."""
    return any(
        _same(cand, c) or float(cand.vector @ c.vector) > NEAR_DUPLICATE for c in chosen
    ) or (chosen and novelty(cand.text, chosen) < MIN_NOVELTY)


def _repeats(cand: Candidate, chosen: list[Candidate]) -> bool:
    """The same sentence or one close in meaning: a further part's answer shares its topic
    words with the first part's, so words alone do not make it a repeat."""
    return any(_same(cand, c) or float(cand.vector @ c.vector) > NEAR_DUPLICATE for c in chosen)


def compose(result: Answer, plan: QuestionPlan, chosen: list[Candidate]) -> None:
    for i, c in enumerate(chosen):
        # A sentence read with the one after it ("This is an increase …") stays whole.
        followed = i + 1 < len(chosen) and chosen[i + 1].paragraph.id == c.paragraph.id
        imperative = c.paragraph.kind == "recommendation"
        part = plan.parts[c.part]
        text = c.text if followed else trim_to_clause(c.text, part.text, imperative)
        marker = result.cite(c.paragraph, text)
        result.sentences.append(AnswerSentence(text, [marker], trimmed=text != c.text))


def related(hits, ranked: list[Candidate] = ()) -> list:
    """The retrieved paragraphs, in the order the fitted scorer ranks their best sentences
    (the answer's own paragraphs first), then any it did not score, in search order."""
    order: dict[str, int] = {}
    for c in ranked:
        order.setdefault(c.paragraph.id, len(order))
    hits = sorted(hits, key=lambda h: order.get(h.paragraph.id, len(order) + h.rank))
    return [related_for(h.paragraph) for h in hits[:5]]
