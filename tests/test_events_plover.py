"""PLOVER readings of the sentence kinds events users meet in politics news (issue 9).

Each test is one behaviour: the type a reader sees, the side that acts and the side acted on,
and negation or intent never dropped.
"""

from __future__ import annotations

import dateline
from dateline.schema import Document, Event


def analyze(body: str) -> Document:
    return dateline.analyze(f"Headline here\n\n{body}\n", published="2016-12-01")


def events(body: str) -> list[Event]:
    return analyze(body).events


def only(body: str) -> Event:
    found = events(body)
    assert len(found) == 1, [(e.type, e.source, e.target) for e in found]
    return found[0]


def name(side) -> str:
    return side.name if side is not None else "-"


def test_a_politician_attacking_plans_is_criticism() -> None:
    event = only("Tony Blair attacked the Tory plans on Monday.")
    assert (event.type, event.cameo) == ("ACCUSE", "111")
    assert name(event.source) == "Tony Blair"
    # the plans stand for the party that made them; the span still says where it is named
    assert event.target is not None and event.target.entity is not None
    assert name(event.target) == "Tory" and event.target.span is not None
    assert event.target.span.text == "the Tory plans"


def test_a_party_criticising_a_record_is_accuse() -> None:
    event = only("Labour criticised Michael Howard's record on immigration.")
    assert event.type == "ACCUSE" and name(event.source) == "Labour"


def test_asking_a_watchdog_to_act_is_a_request_to_the_watchdog() -> None:
    event = only("The Liberal Democrats asked the watchdog to stop the calls.")
    assert event.type == "REQUEST"
    assert "Democrats" in name(event.source) and name(event.target) == "the watchdog"


def test_calling_on_someone_to_apologise_is_a_request_not_an_apology() -> None:
    event = only("The Conservatives called on Ken Livingstone to apologise.")
    assert event.type == "REQUEST" and name(event.target) == "Ken Livingstone"


def test_police_reopening_a_case_is_an_investigation() -> None:
    event = only("Police reopened the arson case last week.")
    assert (event.type, event.cameo[:2]) == ("ACCUSE", "09")
    assert event.source.code == "COP"


def test_refusing_to_back_a_bill_is_rejection_not_support() -> None:
    found = events("Senator John Smith refused to back the bill.")
    assert [e.type for e in found] == ["REJECT"]
    assert not found[0].negated


def test_unable_to_meet_is_a_negated_consultation() -> None:
    event = only(
        "The French president was unable to reschedule a meeting with the German chancellor."
    )
    assert event.type == "CONSULT" and event.negated
    assert (event.source.code, event.target.code) == ("FRAGOV", "DEUGOV")


def test_hoping_to_meet_is_an_intended_consultation() -> None:
    # CAMEO 036 "express intent to meet or negotiate": root 03, PLOVER's AGREE
    event = only("Iran hoped to meet European negotiators next week.")
    assert (event.type, event.mode, event.cameo) == ("AGREE", "intent", "036")


def test_an_announced_hostile_act_is_a_threat() -> None:
    event = only("Turkey will impose sanctions on Syria next week.")
    assert (event.type, event.mode, event.cameo) == ("THREATEN", "intent", "132")
    assert (event.source.code, event.target.code) == ("TUR", "SYR")


def test_threatening_sanctions_is_a_threat_against_the_target() -> None:
    event = only("Russia threatened to impose sanctions on Georgia.")
    assert event.type == "THREATEN" and not event.negated
    assert (event.source.code, event.target.code) == ("RUS", "GEO")


def test_denying_allegations_is_rejection() -> None:
    event = only("The minister denied the allegations made by the opposition.")
    assert event.type == "REJECT" and event.source.code == "GOV"


def test_demonym_modifiers_make_state_actors() -> None:
    event = only("Hungarian officials met Serbian officials in Belgrade.")
    assert (event.source.code, event.target.code) == ("HUNGOV", "SRBGOV")


def test_one_event_per_target_in_a_coordinated_list() -> None:
    found = events("The United States imposed sanctions on Iran, Libya, North Korea and Sudan.")
    assert {e.type for e in found} == {"COERCE"}  # PLV codes imposed sanctions as COERCE
    assert [e.target.code for e in found] == ["IRN", "LBY", "PRK", "SDN"]


def test_passive_voice_puts_the_agent_first() -> None:
    event = only("The protesters were arrested by police in Cairo.")
    assert event.type == "COERCE"
    assert (event.source.code, event.target.code) == ("COP", "OPP")


def test_sides_carry_the_span_that_names_them() -> None:
    doc = analyze("Russia threatened to impose sanctions on Georgia.")
    event = doc.events[0]
    for side in (event.source, event.target):
        assert side.span is not None
        assert doc.text[side.span.start : side.span.end] == side.span.text
    assert doc.offset_errors() == []


def test_words_the_predicate_table_does_not_list_are_coded_by_the_model() -> None:
    assert [(e.type, name(e.target)) for e in events("Japan donated rice to North Korea.")] == [
        ("AID", "North Korea")
    ]
    assert [e.type for e in events("Rebels ambushed a Nigerian army convoy.")] == ["ASSAULT"]
    assert [e.type for e in events("The EU faulted Poland over its judicial reforms.")] == [
        "ACCUSE"
    ]


def test_coordinated_subjects_of_a_one_sided_act_do_not_face_each_other() -> None:
    found = events("Thousands of students and workers protested in the capital on Monday.")
    assert found and all(e.type == "PROTEST" and e.target is None for e in found)


def test_two_uncoded_sides_are_two_actors() -> None:
    event = only("On Monday the critics attacked the supporters of the plan.")
    assert event.target is not None and "supporters" in event.target.name


def test_a_witness_is_not_the_source_of_what_it_saw() -> None:
    found = events("On Monday Russia witnessed the attack on Georgia.")
    assert not any(e.source is not None and e.source.code == "RUS" for e in found)


def test_a_meeting_place_is_not_the_other_side() -> None:
    found = events("The Iranian foreign minister met his counterpart in Paris.")
    assert found and all(e.target is None or e.target.name != "Paris" for e in found)


def test_each_event_has_its_own_side_objects() -> None:
    found = events("The United States imposed sanctions on Iran and Libya.")
    assert len(found) == 2 and found[0].source is not found[1].source


def test_a_reported_must_is_a_demand_on_the_one_who_must_act() -> None:
    found = events("Germany said Turkey must end its attacks on the Kurdish region.")
    demands = [e for e in found if e.type == "REQUEST"]
    assert demands, [(e.type, e.source, e.target) for e in found]
    assert name(demands[0].source) == "Germany" and name(demands[0].target) == "Turkey"


def test_a_demand_that_someone_act_targets_the_clause_subject() -> None:
    found = events("The opposition leader demanded that the interior minister resign.")
    demands = [e for e in found if e.type == "REQUEST"]
    assert demands and "minister" in name(demands[0].target)


def test_what_comes_from_someone_is_done_by_them() -> None:
    event = next(e for e in events("Jordan received military aid from Japan.") if e.type == "AID")
    assert (name(event.source), name(event.target)) == ("Japan", "Jordan")


def test_said_it_would_is_a_promise_not_a_hypothesis() -> None:
    found = events("Ethiopia said it would allow United Nations aid workers into the region.")
    assert any(e.mode == "intent" and name(e.source) == "Ethiopia" for e in found), found


def test_armed_men_attacking_a_base_is_an_assault_not_criticism() -> None:
    found = events("Armed men attacked an army base near the border, killing four soldiers.")
    assert found and found[0].type == "ASSAULT", [(e.type, e.source, e.target) for e in found]


def test_not_only_is_no_negation() -> None:
    found = events("Russia not only signed the deal with Syria but also sent troops to the region.")
    signed = [e for e in found if e.trigger is not None and e.trigger.text == "signed"]
    assert signed and not signed[0].negated


def test_a_phrasal_verb_is_read_as_one_predicate() -> None:
    # "call off" and "back down" are concessions, not calls or backing
    called = [e for e in events("The union called off the strike on Friday.") if e.trigger]
    assert [(e.type, e.trigger.text) for e in called] == [("CONCEDE", "called")]
    backed = events("The minister backed down over the tax plan.")
    assert [e.type for e in backed] == ["CONCEDE"]


def test_a_concession_refused_is_a_rejection() -> None:
    # CAMEO 124, refuse to yield: a rejection, not a negated concession
    event = only("The United States will not lift sanctions on Iran.")
    assert (event.type, event.cameo, event.negated) == ("REJECT", "124", False)
    assert name(event.source) == "The United States" or "United States" in name(event.source)


def test_an_armed_word_in_an_uncoded_side_makes_an_attack_force() -> None:
    found = events("Unidentified men attacked an army camp in the north on Sunday.")
    assert found and found[0].type == "ASSAULT", [(e.type, e.source, e.target) for e in found]


def test_a_name_the_parse_hung_on_a_place_before_it_still_acts() -> None:
    # the parser makes "Kim Song" a conjunct of "Ghana" and leaves "praised" without a subject
    event = only("On a visit to Ghana, North Korean leader Kim Song praised President Kofi Mensah.")
    assert event.type == "SUPPORT"
    assert (name(event.source), name(event.target)) == ("Kim Song", "Kofi Mensah")


def test_a_verb_after_a_comma_borrows_no_name() -> None:
    # the name right before the verb is the only one taken, never one across punctuation
    found = events("Reporters met Kofi Mensah, praised the new trade deal and left.")
    assert all(name(e.source) != "Kofi Mensah" for e in found)


def test_a_title_case_name_the_recogniser_missed_acts() -> None:
    # "Friends of Peace": a title-case noun and its title-case object, no entity
    event = only("Friends of Peace condemned the attack on the village.")
    assert event.type == "ACCUSE" and name(event.source) == "Friends of Peace"


def test_a_sentence_opening_noun_before_a_place_is_no_name() -> None:
    # every sentence opens in title case: "Pressure from Washington" names no actor
    assert events("Pressure from Washington forced Iran to release the sailors.") == []


def test_a_subject_that_names_no_side_borrows_no_name_before_the_verb() -> None:
    # "Fighting" is the subject: "Gaza" right before the verb is no actor of the killing
    assert all(name(e.source) != "Gaza" for e in events("Fighting in Gaza killed 20 people."))


def test_an_acronym_the_tagger_took_for_an_adjective_still_acts() -> None:
    # "USAID" tagged as an adjective and hung on the verb as a modifier
    event = only("Working with its partners, USAID provided grain to 9,000 farmers.")
    assert event.type == "AID" and name(event.source) == "USAID"
