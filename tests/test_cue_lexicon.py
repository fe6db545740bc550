"""Every entry of the cue lexicon is reachable: verbs are lemmas, each list is read."""

import json
from importlib import resources

import pytest
from spacy.tokens import Doc

from dateline.cue_lexicon import Cues, cues
from dateline.quotes import reported
from dateline.schema import Document


def test_every_list_of_cues_json_is_read() -> None:
    raw = json.loads(resources.files("dateline").joinpath("data/cues.json").read_text("utf-8"))
    lists = {k for k in raw if not k.startswith("_")}
    assert lists == set(Cues.__dataclass_fields__)
    for name in lists:
        assert getattr(cues(), name) == frozenset(raw[name])


def test_cue_verbs_are_lemmas() -> None:
    from dateline import nlp

    pipeline = nlp.load()
    for verb in sorted(cues().verbs):
        assert verb.isalpha(), verb
        doc = pipeline(f"They {verb} it.")
        assert doc[1].lemma_.lower() == verb or doc[1].pos_ != "VERB", verb


def _quoted(body: str, words: str) -> bool:
    import dateline

    doc = dateline.analyze(f"Headline about figures\n\n{body}\n")
    return any(words in q.text for q in doc.quotes)


def test_each_object_cue_reports_its_object(monkeypatch: pytest.MonkeyPatch) -> None:
    for verb in sorted(cues().object_cues):
        body = f"The ministers {verb} the new budget figures on Monday."
        assert _quoted(body, "budget figures"), verb
    lexicon = cues()
    monkeypatch.setattr(reported, "OBJECT_CUES", lexicon.object_cues - {"cite"})
    assert not _quoted("The ministers cite the new budget figures on Monday.", "budget figures")


@pytest.mark.parametrize("pair", sorted(cues().prep_content))
def test_each_content_preposition_gives_what_is_asked_for(pair: str) -> None:
    verb, prep = pair.split()
    bodies = (  # "called for X", "accused the rivals of X"
        f"The ministers {verb} {prep} new budget figures on Monday.",
        f"The ministers {verb} the rivals {prep} hiding new budget figures on Monday.",
    )
    assert any(_quoted(body, "budget figures") for body in bodies), pair


@pytest.mark.parametrize(
    ("body", "words"),
    [  # attitude and discovery cues: what is wanted, sought, cited, learned, found, echoed
        ("The ministers want to cut the budget figures on Monday.", "to cut the budget"),
        ("The ministers sought to cut the budget figures on Monday.", "to cut the budget"),
        ("The ministers cited the budget figures on Monday.", "budget figures"),
        ("The ministers learned that the budget figures were wrong.", "budget figures were"),
        ("The ministers discovered that the budget figures were wrong.", "budget figures were"),
        ("The ministers echoed that the budget figures were wrong.", "budget figures were"),
    ],
)
def test_attitude_and_discovery_verbs_report_their_clause(body: str, words: str) -> None:
    assert _quoted(body, words)


def test_a_direct_only_verb_reports_only_its_content_preposition() -> None:
    assert _quoted("The ministers criticized the rivals for hiding the budget.", "for hiding")
    assert not _quoted("The ministers criticized that the rivals hid the budget.", "rivals hid")


def _sentence(text: str) -> Doc:
    from dateline import nlp

    return nlp.load()(text)


def test_each_run_pronoun_takes_the_runs_last_named_speaker() -> None:
    from dateline.quotes import _pronouns_from_the_run
    from dateline.quotes.speaker import MentionIndex
    from dateline.schema import Entity, Mention, Quote, Span, SpeakerRef

    anne = Entity(id="e1", name="Anne Green", type="PERSON",
                  mentions=[Mention(text="Anne Green", start=20, end=30)])  # fmt: skip
    for pronoun in sorted(cues().run_pronouns | {"they"}):
        named = Quote(id="q1", kind="direct", text="x", start=0, end=12,
                      speaker=SpeakerRef(entity="e1", name="Anne Green",
                                         mention=Span(text="Anne Green", start=20, end=30)))  # fmt: skip
        mention = Span(text=pronoun, start=60, end=60 + len(pronoun))
        run_on = Quote(id="q2", kind="direct", text="y", start=40, end=52,
                       speaker=SpeakerRef(mention=mention))  # fmt: skip
        _pronouns_from_the_run([named, run_on], MentionIndex([anne]))
        assert run_on.speaker is not None
        assert (run_on.speaker.entity == "e1") == (pronoun in cues().run_pronouns), pronoun


def test_each_source_noun_names_a_headline_source() -> None:
    import dateline

    for noun in sorted(cues().source_nouns):
        doc = dateline.analyze(f"{noun.title()}: Most residents back the park\n\nIt came out.\n")
        assert [q.speaker.name if q.speaker else None for q in doc.quotes] == [noun.title()], noun


def test_each_document_noun_speaks_through_a_participle_cue() -> None:
    from dateline.quotes.speaker import speaker_subject

    checked = 0
    for noun in sorted(cues().document_nouns):
        doc = _sentence(f"That followed a {noun} claiming that the minister had lied.")
        verb = next(t for t in doc if t.lower_ == "claiming")
        if verb.dep_ != "acl" or verb.head.lower_ != noun:
            continue  # the parse must hang the cue on the noun for the rule to apply
        who = speaker_subject(verb)
        assert who is not None and who.lower_ == noun, noun
        checked += 1
    assert checked >= len(cues().document_nouns) // 2  # the parse gives most of them


def test_each_relative_pronoun_gives_the_name_it_stands_for() -> None:
    from dateline.quotes.speaker import subject_of

    for pronoun in sorted(cues().relative_pronouns):
        doc = _sentence(f"Acme Holdings, {pronoun} says the new budget figures are wrong, left.")
        verb = next(t for t in doc if t.lower_ == "says")
        who = subject_of(verb)
        assert who is not None and who.text == "Holdings", pronoun


def test_each_empty_subject_names_no_speaker() -> None:
    from dateline.quotes.speaker import subject_of

    doc = _sentence("The minister was expected to announce the new budget figures.")
    who = subject_of(next(t for t in doc if t.lower_ == "announce"))
    assert who is not None and who.lower_ == "minister"
    for word in sorted(cues().empty_subjects):
        doc = _sentence(f"{word.title()} was expected to announce the new budget figures.")
        assert subject_of(next(t for t in doc if t.lower_ == "announce")) is None, word


def test_each_speaking_pronoun_keeps_its_mention() -> None:
    from dateline.quotes.speaker import MentionIndex, speaker_for

    for pronoun in sorted(cues().speaking_pronouns | {"nothing"}):
        word = "I" if pronoun == "i" else pronoun.title()
        doc = _sentence(f"{word} said the new budget figures were wrong.")
        speaker, _ = speaker_for(doc, doc[0], MentionIndex([]))
        assert (speaker is not None) == (pronoun in cues().speaking_pronouns), pronoun


def test_each_unnamed_source_speaks_by_its_own_words_and_names_no_one() -> None:
    from dateline.quotes.speaker import MentionIndex, speaker_for

    for pronoun in sorted(cues().unnamed_sources):
        doc = _sentence(f"{pronoun.title()} said the new budget figures were wrong.")
        speaker, _ = speaker_for(doc, doc[0], MentionIndex([]))
        assert speaker is not None and speaker.entity is None, pronoun
        assert speaker.name == pronoun.title(), pronoun


def test_each_complementizer_is_trimmed_from_the_reported_clause() -> None:
    for word in sorted(cues().complementizers):
        doc = _analysed(f"The minister said {word} the new budget figures were wrong.")
        assert [q.text for q in doc.quotes] == ["the new budget figures were wrong"], word


def _analysed(body: str) -> Document:
    import dateline

    return dateline.analyze(f"Headline about figures\n\n{body}\n")


@pytest.mark.parametrize("noun", sorted(cues().noun_cues))
def test_each_noun_cue_reports_what_it_carries(noun: str) -> None:
    bodies = (  # "her claim that X", "her call for X", "her promise to X"
        f"The minister repeated her {noun} that the new budget figures were wrong.",
        f"The minister made her {noun} for new budget figures on Monday.",
        f"The minister repeated her {noun} to publish new budget figures on Monday.",
    )
    assert any(
        q.cue is not None and q.cue.text == noun and "budget figures" in q.text
        for body in bodies
        for q in _analysed(body).quotes
    ), noun


@pytest.mark.parametrize("noun", sorted(cues().lead_nouns))
def test_each_lead_noun_hands_the_quote_after_its_colon_to_the_subject(noun: str) -> None:
    import dateline

    def speakers(lead_noun: str) -> list[str | None]:
        body = f"Senator Ellen Marsh gave her {lead_noun}: “The plan will cost every family more.”"
        doc = dateline.analyze(f"Headline about figures\n\n{body}\n")
        return [q.speaker.name if q.speaker else None for q in doc.quotes]

    assert speakers(noun) == ["Ellen Marsh"], noun
    assert speakers("sandwich") == [None]
