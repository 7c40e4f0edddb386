"""Content fingerprints: an exact hash, and a SimHash plus a resemblance sketch for near-duplicates.

Near-duplicates are found in two steps, because a wrong "duplicate" verdict loses an article:

1. **SimHash** (64 bits, searched exactly by `HammingIndex`) finds candidates cheaply among
   millions of delivered articles. On its own it is too noisy for news written
   from a shared vocabulary: on the sample portal's 5,000 template-written articles, pairs
   with only 20-35 % shingles in common came within 3 bits.
2. A **bottom-k sketch** (the 32 smallest shingle hashes, 128 bytes) then estimates the
   resemblance (Jaccard similarity of the shingle sets) of each candidate; only a pair above
   ``LEDGER_NEAR_DUPLICATE_RESEMBLANCE`` (default 0.7) is the same story. A repost with a sentence
   added scores above 0.9; unrelated articles stay under 0.4.

Why home-grown (60 lines) instead of a library: both signatures must be stable integers over
*character* shingles (Chinese has no spaces; whitespace tokens, as in trafilatura's SimHash,
degrade to whole clauses) that SQLite and Redis can store and index, cheap enough for every
article; datasketch's MinHash needs 128 permutations per shingle. The arithmetic runs in
numpy, over all shingles of an article at once: in pure Python (a hash per shingle, a
bit count per SimHash bit) it was 0.37 ms an article, the crawl's costliest own step; in
numpy it is 0.15 ms, with identical values (``tests/test_fingerprints.py`` checks them
against the one-shingle-at-a-time definition).
"""

from __future__ import annotations

import hashlib
import heapq
import re
from array import array
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

SIMHASH_BITS = 64
SHINGLE = 3
SKETCH_SIZE = 32
_NOISE = re.compile(r"[\s\u3000\W_]+", re.UNICODE)
_U64 = np.uint64
# splitmix64's finaliser (shifts and multipliers); uint64 products wrap modulo 2**64
_MIX = ((_U64(30), _U64(0xBF58476D1CE4E5B9)), (_U64(27), _U64(0x94D049BB133111EB)))
_LAST_SHIFT = _U64(31)


@lru_cache(maxsize=8)  # the dedup pipeline asks for one body twice (content hash, shingles)
def normalise_text(text: str) -> str:
    """Text with whitespace and punctuation removed, for fingerprints that ignore layout."""
    return _NOISE.sub("", text).lower()


def content_hash(title: str, body: str) -> str:
    """Exact-duplicate fingerprint of an article: title and body, layout-insensitive."""
    data = (normalise_text(title) + "\x00" + normalise_text(body)).encode("utf-8")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def shingle_hashes(text: str) -> np.ndarray:
    """Distinct 64-bit hashes of the character 3-shingles of the normalised text.

    Shingle ``abc`` has the key ``ord(a) << 42 | ord(b) << 21 | ord(c)`` and the hash
    splitmix64-finaliser(key): stable on every machine and in every run, since the hashes
    are stored. A text of 1-2 characters is padded with NULs to one shingle; an empty text
    has none. Returned as a numpy ``uint64`` array without repeats.
    """
    data = normalise_text(text).encode("utf-32-le", "surrogatepass")
    codes = np.frombuffer(data, dtype="<u4").astype(_U64)
    if codes.size == 0:
        return codes
    if codes.size < SHINGLE:
        codes = np.concatenate([codes, np.zeros(SHINGLE - codes.size, dtype=_U64)])
    keys = (codes[:-2] << _U64(42)) | (codes[1:-1] << _U64(21)) | codes[2:]
    hashes = np.unique(keys)  # a bijection follows: distinct keys give distinct hashes
    for shift, multiplier in _MIX:
        hashes ^= hashes >> shift
        hashes *= multiplier
    hashes ^= hashes >> _LAST_SHIFT
    return hashes


def _as_array(hashes: np.ndarray | Iterable[int]) -> np.ndarray:
    if isinstance(hashes, np.ndarray):
        return hashes.astype(_U64, copy=False)
    return np.fromiter(hashes, dtype=_U64)


def simhash_of(hashes: np.ndarray | Iterable[int]) -> int:
    """SimHash of distinct 64-bit shingle hashes: bit k set when most hashes have it (0 if none)."""
    values = _as_array(hashes)
    if values.size == 0:
        return 0
    bits = np.unpackbits(values.astype("<u8").view(np.uint8).reshape(-1, 8), axis=1,
                         bitorder="little")  # column k = bit k of each hash
    majority = bits.sum(axis=0, dtype=np.int64) > values.size / 2
    return int(np.packbits(majority, bitorder="little").view("<u8")[0])


def sketch_of(hashes: np.ndarray | Iterable[int]) -> bytes:
    """Bottom-k sketch: the ``SKETCH_SIZE`` smallest hashes' top 32 bits, sorted, as bytes."""
    values = _as_array(hashes)
    if values.size > SKETCH_SIZE:
        values = np.partition(values, SKETCH_SIZE - 1)[:SKETCH_SIZE]
    return np.unique(values >> _U64(32)).astype(np.uint32).tobytes()  # array("I") order


def resemblance(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the two shingle sets behind two sketches."""
    if not a or not b:
        return 0.0
    sa, sb = set(array("I", a)), set(array("I", b))
    union = heapq.nsmallest(SKETCH_SIZE, sa | sb)
    return sum(1 for h in union if h in sa and h in sb) / len(union)


def simhash(text: str) -> int:
    """64-bit SimHash over character shingles of the normalised text."""
    return simhash_of(shingle_hashes(text))


def hamming(a: int, b: int) -> int:
    """Number of differing bits."""
    return (a ^ b).bit_count()


# Exact near-duplicate candidates: every SimHash within ``d`` bits, by brute force in numpy.
# Why not bands: four 16-bit bands (the usual SimHash index) only guarantee to find pairs within
# 3 bits (10 differing bits can touch every band); a pigeonhole index for 10 bits needs 11+
# tables and still returns a fifth of a large store. An XOR and a popcount over one uint64 array
# is exact for any distance and costs about 2 ms per million stored articles, 8 bytes each.

class HammingIndex:
    """64-bit SimHashes, each with an integer ref; `within` finds the refs of all within ``d`` bits.

    Values and refs live in two numpy arrays, 16 bytes an entry: the SimHashes of a million
    stored articles cost 16 MB. (Python ints in lists, the first version, cost ~190 MB of
    peak RSS at a million: ``python bench/state_scale.py``.)
    """

    def __init__(self) -> None:
        self._values = np.empty(1024, dtype=np.uint64)
        self._refs = np.empty(1024, dtype=np.int64)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def add(self, value: int, ref: int) -> None:
        self.extend(np.array([value], dtype=np.uint64), np.array([ref], dtype=np.int64))

    def extend(self, values: np.ndarray | list[int], refs: np.ndarray | list[int]) -> None:
        n, more = self._size, len(values)
        if n + more > self._values.size:  # grow by doubling: amortised O(1) per add
            size = max(2 * self._values.size, n + more)
            for name in ("_values", "_refs"):
                old = getattr(self, name)
                grown = np.empty(size, dtype=old.dtype)
                grown[:n] = old[:n]
                setattr(self, name, grown)
        self._values[n : n + more] = np.asarray(values, dtype=np.uint64)
        self._refs[n : n + more] = np.asarray(refs, dtype=np.int64)
        self._size = n + more

    def within(self, value: int, distance: int) -> list[int]:
        """Refs of every SimHash at Hamming distance ``distance`` or less from ``value``."""
        n = self._size
        if not n:
            return []
        differing = np.bitwise_count(self._values[:n] ^ np.uint64(value))
        return self._refs[:n][differing <= distance].tolist()
