"""Events on news as reporters write it: criticism told in a quote (ACCUSE 111), and the verb
rules that keep refusals to comment, conditional requests, requests to act and predictions from
being coded as acts. Sentences are our own, in the style of the BBC politics articles."""

from __future__ import annotations

import pytest

import dateline
from dateline.schema import Event


def _events(body: str) -> list[Event]:
    doc = dateline.analyze(f"Headline about the campaign\n\n{body}\n", published="2005-02-01")
    return doc.events


def _told(body: str) -> set[tuple[str, str | None, str | None]]:
    return {
        (e.type, e.source.name if e.source else None, e.target.name if e.target else None)
        for e in _events(body)
        if not e.negated
    }


def test_a_quote_that_judges_a_named_actor_badly_is_criticism_by_the_speaker() -> None:
    body = (
        "Conservative leader Michael Howard spoke in Bristol on Monday. "
        '"This government has made a shambles of the pension system," Mr Howard said.'
    )
    events = [e for e in _events(body) if e.cameo == "111"]
    assert len(events) == 1
    event = events[0]
    assert event.type == "ACCUSE" and event.source is not None and event.target is not None
    assert event.source.name == "Michael Howard"
    assert "government" in (event.target.name or "")
    assert event.quote is not None and event.trigger is not None
    assert event.trigger.text == "shambles"


@pytest.mark.parametrize(
    "quote",
    [
        "Crime in the city is a tragedy for every family and the council knows it",
        "The government has not been wrong on this",
        "The weather was awful on polling day, and Labour still won the seat",
    ],
    ids=["plight-word", "negated", "judging-word-not-about-the-actor"],
)
def test_a_quote_that_judges_no_one_is_no_criticism(quote: str) -> None:
    body = f'Local MP Sarah Jones visited the school on Friday. "{quote}," Ms Jones said.'
    assert not [e for e in _events(body) if e.cameo == "111"]


def test_refusing_to_comment_rejects_no_one() -> None:
    told = _told("Mr Brown refused to comment on the new book about the cabinet.")
    assert not [t for t in told if t[0] == "REJECT"]


def test_refusing_an_act_is_still_a_rejection() -> None:
    assert ("REJECT", "Russia", "the resolution") in _told("Russia refused to back the resolution.")


def test_an_act_inside_a_condition_is_not_told() -> None:
    told = _told('"If people turn up at the border asking for help they will be turned away."')
    assert not [t for t in told if t[0] == "REQUEST"]


def test_what_someone_is_called_on_to_do_has_not_happened() -> None:
    told = _told("A spokesman for the Green Party called on Mr Whitby to quit the city council.")
    assert any(t[0] == "REQUEST" for t in told)
    assert not [t for t in told if t[0] == "CONCEDE"]


def test_a_prediction_about_others_is_no_announced_act() -> None:
    told = _told("Ms Varga also thinks students will back plans to end tuition fees.")
    assert not [t for t in told if t[0] in ("AGREE", "SUPPORT")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The senator quit the party last week.", "CONCEDE"),
        ("The Tories dismissed the maternity pay plan as desperate.", "REJECT"),
        ("The minister sought guidance from the standards committee.", "REQUEST"),
        ("The company denied that it had broken the rules.", "REJECT"),
    ],
)
def test_news_verbs_of_the_predicate_table(body: str, expected: str) -> None:
    assert expected in {t[0] for t in _told(body)}


def test_seeking_an_office_is_no_request() -> None:
    assert not [t for t in _told("The senator sought re-election in 2004.") if t[0] == "REQUEST"]


def test_a_verdict_on_a_policy_is_criticism_with_no_target() -> None:
    body = 'Union leader Mark Evans spoke on Tuesday. "The scheme is deeply flawed," Mr Evans said.'
    events = [e for e in _events(body) if e.cameo == "111"]
    assert [(e.source.name if e.source else None, e.target) for e in events] == [
        ("Mark Evans", None)
    ]


def test_a_supposed_verdict_is_no_criticism() -> None:
    body = (
        "Mayor Ken Hale spoke to reporters on Friday. "
        '"If you think the councillors are racist, you should say so," Mr Hale said.'
    )
    assert not [e for e in _events(body) if e.cameo == "111"]


def test_a_reported_would_is_a_promise_only_of_the_reporters_own_act() -> None:
    own = _events("France said it would send aid to Mali next week.")
    assert any(e.mode == "intent" for e in own)
    other = _told("He said the money would be better spent on aid to British homes.")
    assert not [t for t in other if t[0] in ("AGREE", "AID")]


def test_a_second_speakers_verdict_is_told_beside_anothers_act() -> None:
    body = "The Tories rejected the housing plan, while the Greens said the scheme was bungled."
    events = [e for e in _events(body) if e.cameo == "111"]
    assert [(e.source.name if e.source else None, e.target) for e in events] == [("Greens", None)]


def test_a_judging_word_on_what_an_actor_does_judges_the_actor() -> None:
    body = 'Ms Jones spoke in Leeds. "Voters are tired of draconian government rules," she said.'
    events = [e for e in _events(body) if e.cameo == "111"]
    assert [e.target.name for e in events if e.target] == ["government"]


@pytest.mark.parametrize(
    ("body", "types"),
    [
        ("Mr Smith warned voters that a Labour victory would raise taxes.", {"THREATEN"}),
        ("Ms Jones said she hoped Mr Smith would be leader one day.", {"REQUEST"}),
        ("He has surrounded himself with loyal advisers.", {"ASSAULT", "COERCE"}),
        (
            'Mr Smith said: "Duties should rise as we seek to meet our targets for emissions."',
            {"CONSULT", "AGREE"},
        ),
    ],
    ids=["actors-thing-predicted", "wished", "reflexive", "target-met"],
)
def test_no_act_between_two_sides(body: str, types: set[str]) -> None:
    assert not [t for t in _told(body) if t[0] in types]


def test_saying_an_actor_cannot_be_trusted_is_criticism() -> None:
    body = 'Mr Smith spoke in Leeds. "The Tories cannot be trusted with the economy," he said.'
    events = [e for e in _events(body) if e.cameo == "111"]
    assert [(e.source.name if e.source else None, e.target.name if e.target else None)
            for e in events] == [("Smith", "Tories")]  # fmt: skip


def test_cannot_be_trusted_under_a_condition_is_only_supposed() -> None:
    body = (
        'Mr Smith spoke in Leeds. "If the Tories cannot be trusted with the economy, '
        'voters will say so," he said.'
    )
    assert not [e for e in _events(body) if e.cameo == "111" and not e.negated]


def test_a_reported_verdict_on_an_actor_is_the_speakers_criticism() -> None:
    """The model reads ACCUSE off the reported clause; the speaker judges, the clause's
    subject is judged (not "the government accused a mistake")."""
    body = (
        "Charles Kennedy spoke in Leeds. He told reporters that the government was making a "
        "mistake in rushing the legislation."
    )
    told = _told(body)
    assert ("ACCUSE", "Charles Kennedy", "the government") in told
    assert not any(source == "the government" for _, source, _ in told)


def test_a_reported_act_between_two_actors_keeps_its_own_sides() -> None:
    body = (
        "In a new book, the lawyer Philippe Sands says Lord Goldsmith warned Tony Blair that "
        "the war could be illegal."
    )
    assert any(s == "Goldsmith" and t == "Tony Blair" for _, s, t in _told(body))


def test_a_title_with_a_name_in_apposition_acts_as_the_named_person() -> None:
    body = "Labour's health spokesman, John Smith, accused Mr Brown of misleading voters."
    assert ("ACCUSE", "John Smith", "Brown") in _told(body)


@pytest.mark.parametrize(
    "body",
    ["Mr Howard attacked the Labour plans for schools.", "Mr Howard criticised the Labour poster."],
)
def test_a_thing_named_for_a_party_stands_for_the_party_as_target(body: str) -> None:
    """And a party, though a NORP or ORG, is no state: attacking its plans is criticism."""
    assert ("ACCUSE", "Howard", "Labour") in _told(body)


def test_attacking_a_states_positions_is_still_an_assault() -> None:
    told = _told("The Georgian army attacked the Russian positions.")
    assert {t for t, _, _ in told} == {"ASSAULT"}


def test_a_reported_accusation_stays_the_clauses_own() -> None:
    body = "Charles Kennedy spoke in Leeds. He said the unions had lambasted the legislation."
    assert any(s == "the unions" for _, s, _ in _told(body))
    assert not any(s == "Charles Kennedy" and t == "the unions" for _, s, t in _told(body))


def test_a_denied_fault_is_no_verdict() -> None:
    body = (
        "Charles Kennedy spoke in Leeds. He told reporters that the government was not making a "
        "mistake in rushing the legislation."
    )
    assert not [e for e in _events(body) if e.type == "ACCUSE"]


def test_a_list_of_places_in_apposition_stays_the_phrase_that_counts_them() -> None:
    told = _told("Israeli troops attacked two villages, Beit Hanoun and Jabaliya.")
    assert {t for _, _, t in told} == {"two villages"}


def test_saying_what_someone_should_do_is_a_demand_of_them() -> None:
    told = _told(
        "A regional fund for small farms should be set up, a committee of peers has said. "
        "Their report said the ministry should review grants for hill farmers."
    )
    assert ("REQUEST", "a committee of peers", None) in told
    assert any(t == "REQUEST" and target == "the ministry" for t, _, target in told)


@pytest.mark.parametrize(
    "body",
    [
        '"We must act now on hill farms," said the union leader, Mr Tom Harker.',
        "If the figures are right, the ministry should resign, said Mr Tom Harker.",
        "Mr Tom Harker thinks the ministry should review the grants.",
    ],
)
def test_the_speakers_own_resolve_a_condition_or_a_belief_is_no_demand(body: str) -> None:
    assert not any(
        e.type == "REQUEST"
        and e.trigger is not None
        and e.trigger.text in ("act", "resign", "review")
        for e in _events(body)
    )


def test_a_speaker_named_by_a_phrase_is_a_side_with_its_span() -> None:
    events = _events("A regional fund for small farms should be set up, a committee of peers said.")
    demand = next(e for e in events if e.type == "REQUEST")
    assert demand.source.span is not None and demand.source.span.text == "a committee of peers"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Green Party opposed the Hilltown bypass plan on Monday.", "REJECT"),
        ("Union leaders shunned the employers' offer of talks.", "REJECT"),
        ("The mayor hailed the Hilltown bypass decision as a victory.", "SUPPORT"),
    ],
)
def test_news_verbs_added_to_the_predicate_table(body: str, expected: str) -> None:
    assert expected in {e.type for e in _events(body) if not e.negated}
