"""The shared parse walks, on a real parse."""

from __future__ import annotations

import pytest

from dateline import nlp
from dateline.syntax import climb, first_child, governed_by, is_root, passive_agent


@pytest.fixture(scope="module")
def doc():
    return nlp.parse("The bill was written by Senator Smith, who agreed to hold talks.")


def _token(doc, word: str):
    return next(t for t in doc if t.text == word)


def test_climb_follows_only_the_links_given_and_stops_at_the_root(doc) -> None:
    hold = _token(doc, "hold")
    assert [t.text for t in climb(hold, ("xcomp",), 5)] == ["hold", "agreed"]
    assert [t.text for t in climb(hold, ("xcomp", "relcl", "pobj", "agent"), 9)][-1] == "written"
    root = next(t for t in doc if is_root(t))
    assert list(climb(root, ("ROOT",), 3)) == [root]  # never climbs past the root


def test_climb_is_bounded_by_steps(doc) -> None:
    hold = _token(doc, "hold")
    assert [t.text for t in climb(hold, ("xcomp", "relcl"), 1)] == ["hold", "agreed"]
    assert [t.text for t in climb(hold, ("xcomp", "relcl"), 0)] == ["hold"]


def test_governed_by_and_first_child(doc) -> None:
    hold, agreed = _token(doc, "hold"), _token(doc, "agreed")
    assert governed_by(hold, agreed, ("xcomp",), 2)
    assert governed_by(hold, hold, (), 0)
    assert not governed_by(agreed, hold, ("xcomp", "relcl"), 4)
    assert first_child(hold, ("dobj",)).text == "talks"
    assert first_child(hold, ("nsubj",)) is None


def test_passive_agent(doc) -> None:
    assert passive_agent(_token(doc, "written")).text == "Smith"
    assert passive_agent(_token(doc, "agreed")) is None


def test_no_package_name_shadows_its_own_submodule() -> None:
    """``import dateline.events.modality as m`` must give the module, not a function of that
    name re-exported by the package (which once crashed articles at run time)."""
    import importlib
    import pkgutil
    import types

    import dateline

    for info in pkgutil.walk_packages(dateline.__path__, "dateline."):
        if not info.ispkg:
            continue
        package = importlib.import_module(info.name)
        for sub in pkgutil.iter_modules(package.__path__):
            value = getattr(package, sub.name, None)
            if value is not None:
                assert isinstance(value, types.ModuleType), f"{info.name}.{sub.name}"
