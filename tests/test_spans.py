"""Span lookups by bisection answer exactly what a scan of every span answers (spans of at least
one character: an empty span covers nothing)."""

from hypothesis import given
from hypothesis import strategies as st

from dateline.spans import Coverage, Disjoint, Intervals

spans = st.lists(
    st.tuples(st.integers(0, 200), st.integers(1, 40)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=30,
)


@given(spans, st.integers(0, 260), st.integers(0, 30))
def test_coverage_matches_a_scan(items, start, width):
    cov = Coverage(items)
    end = start + width
    assert cov.covers(start) == any(s <= start < e for s, e in items)
    assert cov.overlaps(start, end) == any(start < e and s < end for s, e in items)
    chars = {i for s, e in items for i in range(s, e)}
    assert cov.covered(start, end) == len(chars & set(range(start, end)))


@given(spans, st.integers(0, 260), st.integers(0, 30))
def test_intervals_match_a_scan(items, start, width):
    end = start + width
    index = Intervals((s, e, n) for n, (s, e) in enumerate(items))
    expected = sorted((s, e, n) for n, (s, e) in enumerate(items) if s < end and start < e)
    assert sorted(index.overlapping(start, end)) == expected


@given(spans, spans, st.integers(0, 260))
def test_intervals_after_adds_match_a_scan(first, added, pos):
    index = Intervals((s, e, n) for n, (s, e) in enumerate(first))
    for n, (s, e) in enumerate(added, start=len(first)):
        index.add(s, e, n)
    everything = first + added
    expected = sorted((s, e, n) for n, (s, e) in enumerate(everything) if s < pos + 1 and pos < e)
    assert sorted(index.overlapping(pos, pos + 1)) == expected


def test_disjoint_finds_the_paragraph_holding_a_position():
    paragraphs = Disjoint([(10, 20), (0, 8), (22, 40)])
    assert paragraphs.holding(5) == (0, 8)
    assert paragraphs.holding(8) is None
    assert paragraphs.holding(21) is None
    assert paragraphs.holding(39) == (22, 40)
    assert paragraphs.holding(40) is None
