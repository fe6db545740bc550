"""Near-duplicate detection (wire copies): MinHash signatures of word 5-grams and an LSH index."""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 5
THRESHOLD = 0.7
"""Estimated Jaccard similarity of 5-word shingles from which an article is a near-duplicate."""
SCHEME = "affine32"
"""datasketch's hashing scheme: fixed, since signatures are stored and compared across runs."""
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The word ``size``-grams of a text, lower-cased (the words themselves for a short text)."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {w.encode("utf-8") for w in words}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> bytes:
    """The MinHash signature of a text as bytes (``NUM_PERM`` little-endian uint64)."""
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations())
    minhash.update_batch(list(shingles(text)))
    return minhash.hashvalues.astype("<u8").tobytes()


_DRAWN: list[np.ndarray] = []


def _permutations() -> np.ndarray:
    """The permutations every MinHash here draws from its (default) seed, drawn once, not for
    each signature and each index lookup: the same numbers, so the same signatures."""
    if not _DRAWN:
        _DRAWN.append(MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations)
    return _DRAWN[0]


def _values(sig: bytes) -> np.ndarray:
    return np.frombuffer(sig, dtype="<u8").astype(np.uint64)


def _minhash(sig: bytes) -> MinHash:
    return MinHash(
        num_perm=NUM_PERM, hashvalues=_values(sig), permutations=_permutations(), scheme=SCHEME
    )


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(_values(a) == _values(b)))


class NearDuplicates:
    """The first copies seen so far; ``match`` finds the one a new article nearly duplicates."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[str, bytes] = {}

    def __len__(self) -> int:
        return len(self.signatures)

    def add(self, article_id: str, sig: bytes) -> None:
        """Index a first copy."""
        if article_id in self.signatures:
            return
        self.signatures[article_id] = sig
        self.lsh.insert(article_id, _minhash(sig))

    def match(self, sig: bytes) -> tuple[str, float] | None:
        """The most similar first copy at or above the threshold, with its similarity."""
        candidates = self.lsh.query(_minhash(sig))
        scored = [(similarity(sig, self.signatures[c]), c) for c in candidates]
        scored = [(s, c) for s, c in scored if s >= self.threshold]
        if not scored:
            return None
        best, article_id = max(scored, key=lambda sc: (sc[0], -len(sc[1])))
        return article_id, best
