"""Events: modality, negation, symmetric dyads, quoted events, user lexicons, and the seed."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import shared

import dateline
from dateline.errors import DatelineError
from dateline.events import build
from dateline.events.lexicon import load_file
from dateline.schema import Document, Event


def analyze(body: str, **kw) -> Document:
    return dateline.analyze(f"Headline about talks\n\n{body}\n", published="2016-12-01", **kw)


def only(doc: Document, type_: str) -> Event:
    found = [e for e in doc.events if e.type == type_]
    assert len(found) == 1, [(e.type, e.source, e.target) for e in doc.events]
    return found[0]


def test_meeting_with_a_partner_is_a_consult_event() -> None:
    doc = analyze("French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin.")
    event = only(doc, "CONSULT")
    assert event.cameo.startswith("04")
    assert (event.source.code, event.target.code) == ("FRAGOV", "DEUGOV")
    assert event.location is not None and event.location.name == "Berlin"
    assert doc.text[event.evidence.start : event.evidence.end] == event.evidence.text


def test_future_plans_are_intent() -> None:
    # PLOVER (and PLV's coders) read an announced meeting as AGREE, CAMEO 036 "intend to meet"
    doc = analyze("France and Germany will hold talks on energy next month.")
    event = only(doc, "AGREE")
    assert (event.mode, event.cameo) == ("intent", "036")
    assert event.symmetric


def test_agreeing_to_act_is_plover_agree_with_the_intent_code() -> None:
    doc = analyze("Japan agreed to provide aid to Nepal.")
    event = only(doc, "AGREE")  # PLOVER: agree to, promise or offer to do something
    assert event.mode == "intent" and event.cameo == "033"  # CAMEO: intent to provide aid
    assert (event.source.code, event.target.code) == ("JPN", "NPL")


def test_negated_event_is_marked() -> None:
    doc = analyze("China did not criticize India over the border dispute.")
    event = only(doc, "ACCUSE")
    assert event.negated


def test_hypothetical_events_are_not_events() -> None:
    doc = analyze(
        "If Russia attacked Ukraine, the alliance would respond. "
        "Japan could impose sanctions on Iran."
    )
    assert doc.events == []


def test_coordinated_actors_give_a_symmetric_dyad() -> None:
    doc = analyze("Russia and Turkey have been exchanging information on the rebels.")
    event = only(doc, "COOPERATE")
    assert event.symmetric and event.cameo == "064"
    assert {event.source.code, event.target.code} == {"RUS", "TUR"}


def test_a_coded_group_noun_in_a_list_of_named_sides_keeps_its_own_event() -> None:
    doc = analyze(
        "The ministry is facing criticism from Acme Holdings and the Farmers Union "
        "and its own backbenchers."
    )
    sources = {e.source.name for e in doc.events if e.type == "ACCUSE"}
    assert "its own backbenchers" in sources, [(e.type, e.source, e.target) for e in doc.events]


def test_object_of_discuss_is_a_topic_not_a_target() -> None:
    doc = analyze("Canada and Mexico discussed the crisis in Venezuela.")
    event = only(doc, "CONSULT")
    assert {event.source.code, event.target.code} == {"CAN", "MEX"}


def test_event_inside_a_quote_takes_the_speakers_side() -> None:
    doc = analyze(
        "Indian Foreign Minister Subrahmanyam Jaishankar met Chinese Foreign Minister Wang Yi "
        'on Monday. "We have agreed to hold regular consultations," Jaishankar said.'
    )
    intent = [e for e in doc.events if e.mode == "intent"]
    assert len(intent) == 1
    event = intent[0]
    assert event.quote is not None
    assert {event.source.code, event.target.code} == {"INDGOV", "CHNGOV"}


def test_relative_date_is_resolved_from_the_article_date() -> None:
    doc = analyze("Egypt's president met Jordan's king on Monday.")
    event = only(doc, "CONSULT")
    assert event.date == "2016-11-28"


def test_user_csv_lexicon_adds_a_predicate(tmp_path: Path) -> None:
    extra = tmp_path / "extra.csv"
    extra.write_text("fete,VERB,*,SUPPORT,051,0,n,\n")
    body = "Norway feted Sweden over fishing quotas."
    assert analyze(body).events == []
    doc = analyze(body, lexicon=build([extra]))
    assert only(doc, "SUPPORT").target.code == "SWE"


def test_user_yaml_lexicon_adds_actors(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "predicates:\n  - {lemma: rebuke, pos: VERB, type: ACCUSE, cameo: '111'}\n"
        "actors:\n  the junta: MMRMIL\n"
    )
    doc = analyze("Norway rebuked the junta over the arrests.", lexicon=build([extra]))
    assert only(doc, "ACCUSE").target.code == "MMRMIL"


def test_malformed_lexicon_line_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("# comment\nmeet,VERB,*,CONSULT,040,036,y,with\nrebuke,VERB,*,SCOLD,111,0,n,\n")
    with pytest.raises(DatelineError, match=r"bad.csv:3: unknown PLOVER type"):
        load_file(bad)


def test_seed_consult_between_russia_and_turkey_at_alanya(seed: Document) -> None:
    consult = [
        e
        for e in seed.events
        if e.type == "CONSULT" and e.cameo.startswith("04") and e.date == "2016-12-01"
    ]
    assert consult
    event = consult[0]
    assert {event.source.code[:3], event.target.code[:3]} == {"RUS", "TUR"}
    assert event.location is not None and event.location.name == "Alanya"
    assert event.location.lat is not None


def test_seed_information_exchange_is_cooperation(seed: Document) -> None:
    coop = [e for e in seed.events if e.type == "COOPERATE" and e.cameo.startswith("06")]
    assert len(coop) == 1
    assert {coop[0].source.code[:3], coop[0].target.code[:3]} == {"RUS", "TUR"}
    assert coop[0].evidence.text.startswith("Russia and Turkey have been exchanging information")


def test_seed_planned_consultations_are_intent_to_meet(seed: Document) -> None:
    intent = [e for e in seed.events if e.cameo == "036"]
    assert len(intent) == 1
    assert {intent[0].source.code[:3], intent[0].target.code[:3]} == {"RUS", "TUR"}


def test_seed_akkuyu_status_is_intent_to_cooperate_economically(seed: Document) -> None:
    econ = [e for e in seed.events if e.cameo.startswith("031")]
    assert len(econ) == 1
    assert (econ[0].source.code[:3], econ[0].target.code[:3]) == ("TUR", "RUS")
    assert "Akkuyu" in econ[0].evidence.text


def test_seed_has_no_event_with_the_photographer(seed: Document) -> None:
    photographer = next(e for e in seed.entities if e.role == "photographer")
    for event in seed.events:
        assert photographer.id not in (event.source.entity, event.target and event.target.entity)


def test_seed_evidence_spans_are_sentences(seed: Document) -> None:
    from dateline import nlp

    doc = nlp.parse(seed.text)
    for event in seed.events:
        assert seed.text[event.evidence.start : event.evidence.end] == event.evidence.text
        sentence = doc.char_span(event.trigger.start, event.trigger.end).sent
        assert event.evidence.text in sentence.text
        assert len(event.evidence.text) >= len(sentence.text.strip()) - len(seed.dateline.text) - 1


def test_hand_coded_dev_sentences_precision() -> None:
    # A tuning set since issue 9 (coded by the hands that tuned the coder): a regression guard,
    # not a figure to report as held out. The PLV-trained coder finds more (10 of 20 gold
    # events, was 9) and emits more (17, was 10): see docs/benchmarks.md.
    from dateline.eval.events import evaluate

    report = evaluate(shared("polnear", "dev"))
    assert report.sentences == 60
    assert report.precision >= 0.55 and report.recall >= 0.5, report.format()


def test_what_someone_is_urged_to_do_is_not_an_event() -> None:
    doc = analyze("Germany urged France to impose sanctions on Iran.")
    assert [e.type for e in doc.events] == ["REQUEST"]
    assert doc.events[0].target.code == "FRA"


def test_a_one_word_surname_tagged_as_a_place_is_still_the_person() -> None:
    doc = analyze("Rep. Adam Schiff spoke first.\n\nSchiff called on Japan to act.")
    event = only(doc, "REQUEST")
    assert event.source.name == "Adam Schiff" and event.target.code == "JPN"


def test_a_person_attacking_a_person_is_criticism_not_force() -> None:
    doc = analyze("On Monday, Senator Ann Lee attacked Governor Tom Wolf over the budget.")
    event = only(doc, "ACCUSE")
    assert event.cameo == "111"
    assert (event.source.name, event.target.name) == ("Ann Lee", "Tom Wolf")


def test_white_house_is_government_not_legislature() -> None:
    doc = analyze("The White House said the talks were over.")
    white_house = [e for e in doc.entities if e.name == "White House"]
    assert white_house and white_house[0].code == "GOV"


def test_a_state_attacking_a_state_is_an_assault() -> None:
    doc = analyze("China attacked India on Monday.")
    event = only(doc, "ASSAULT")
    assert (event.source.code, event.target.code) == ("CHN", "IND")


def test_a_named_treaty_is_not_an_agreement_event() -> None:
    doc = analyze("Mexico signed on to the North American Free Trade Agreement long ago.")
    assert [e for e in doc.events if e.type == "AGREE"] == []


def test_calling_someone_names_is_not_a_request() -> None:
    doc = analyze("Senator Ann Lee called Governor Tom Wolf a liar on Monday.")
    assert [e for e in doc.events if e.type == "REQUEST"] == []


@pytest.mark.parametrize(
    ("body", "target"),
    [
        ("Several Nordic states have called for sanctions against Belarus.", "Belarus"),
        ("The Green Party called for an inquiry into the Harlow Trust.", "Harlow Trust"),
        ("Campaigners demanded sanctions on Venezuela.", "Venezuela"),
    ],
)
def test_a_call_for_a_measure_against_someone_accuses_them(body: str, target: str) -> None:
    event = only(analyze(body), "ACCUSE")
    assert event.target is not None and event.target.name == target


def test_a_call_for_an_inquiry_into_a_thing_stays_a_request() -> None:
    doc = analyze("The union called for an investigation into the accident.")
    assert [e.type for e in doc.events] == ["REQUEST"]


@pytest.mark.parametrize(
    "body",
    [
        "Velmar called for sanctions on Tarsia to be lifted within a month.",
        "Her family called for an inquiry into Ms Pryce's treatment at the clinic.",
        "Mr Falk asked Norland for sanctions on Cordavia.",
    ],
)
def test_a_call_to_end_a_measure_or_looking_into_a_victim_accuses_no_one(body: str) -> None:
    assert not [e for e in analyze(body).events if e.type == "ACCUSE"]
