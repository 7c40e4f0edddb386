"""newscrawler.fingerprints: exact and near-duplicate fingerprints of Chinese text."""

import random
from array import array

from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawler.fingerprints import (
    HammingIndex,
    content_hash,
    hamming,
    normalise_text,
    resemblance,
    shingle_hashes,
    simhash,
    simhash_of,
    sketch_of,
)
from newscrawler.portal import build_site


def _text(seed: int, n: int = 800) -> str:
    rng = random.Random(seed)
    return "".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(n))


def _sketch(text: str) -> bytes:
    return sketch_of(shingle_hashes(text))


def test_content_hash_ignores_layout_but_not_words():
    a = content_hash("标题", "第一段。\n第二段，内容")
    assert a == content_hash("标题 ", "第一段 。\n\n第二段 内容")
    assert a != content_hash("标题", "第一段。\n第三段，内容")


def test_simhash_near_for_small_edits_far_for_other_stories():
    base = _text(1)
    edited = base[:400] + "记者补充报道" + base[400:790]
    assert hamming(simhash(base), simhash(edited)) <= 10
    assert hamming(simhash(base), simhash(_text(2))) > 16


def test_resemblance_tells_a_repost_from_another_story():
    base = _text(3)
    repost = base + "本文转载自合作媒体，内容有删改。"
    assert resemblance(_sketch(base), _sketch(repost)) >= 0.9
    assert resemblance(_sketch(base), _sketch(_text(4))) < 0.1
    assert resemblance(b"", _sketch(base)) == 0.0


def test_template_written_articles_on_one_topic_are_not_near_duplicates():
    """The sample portal writes its articles from one phrase bank (news on one topic do
    that too): SimHash candidates among them must not pass the resemblance check."""
    bodies = [r["body"] for r in build_site(articles=800).ground_truth()]
    hashes = [shingle_hashes(b) for b in bodies]
    sims = [simhash(b) for b in bodies]
    sketches = [sketch_of(h) for h in hashes]
    close = [(i, j) for i in range(len(bodies)) for j in range(i)
             if hamming(sims[i], sims[j]) <= 10]
    assert all(resemblance(sketches[i], sketches[j]) < 0.7 for i, j in close)


def test_simhash_is_stable():
    value = simhash(_text(3))
    assert value == 6753405746225836708  # stored in states: must never change across runs
    assert 0 <= value < 1 << 64
    assert simhash("") == 0 and normalise_text(" ，。\u3000") == ""
    assert len(_sketch(_text(5))) == 32 * 4 and len(_sketch("短")) == 4


def _reference_shingle_hashes(text: str) -> set[int]:
    """The definition: splitmix64's finaliser of each 3-shingle's key, one shingle at a time."""
    mask = (1 << 64) - 1
    codes = [ord(c) for c in normalise_text(text)]
    if 0 < len(codes) < 3:
        codes += [0] * (3 - len(codes))
    out = set()
    for a, b, c in zip(codes, codes[1:], codes[2:], strict=False):
        key = (a << 42) | (b << 21) | c
        key = (key ^ (key >> 30)) * 0xBF58476D1CE4E5B9 & mask
        key = (key ^ (key >> 27)) * 0x94D049BB133111EB & mask
        out.add(key ^ (key >> 31))
    return out


@given(st.text(max_size=300))
def test_shingle_hashes_equal_the_one_at_a_time_definition(text):
    # The lane-parallel computation must give exactly the stored values, for any text
    # (astral characters, lone surrogates, 0-2 characters included).
    hashes = shingle_hashes(text)
    assert sorted(map(int, hashes)) == sorted(_reference_shingle_hashes(text))


def _reference_simhash(hashes: set[int]) -> int:
    half = len(hashes) / 2
    return sum(1 << k for k in range(64) if sum(h >> k & 1 for h in hashes) > half)


def _reference_sketch(hashes: set[int]) -> bytes:
    smallest = sorted(hashes)[:32]
    return array("I", sorted({h >> 32 for h in smallest})).tobytes()


def test_fingerprints_of_long_and_edge_texts_equal_the_definitions():
    for text in ["", "a", "ab", "abc", "\ud800x\U0010ffff", "😀" * 5, _text(7, 5000), _text(8, 40)]:
        reference = _reference_shingle_hashes(text)
        hashes = shingle_hashes(text)
        assert sorted(map(int, hashes)) == sorted(reference)
        assert simhash_of(hashes) == _reference_simhash(reference) == simhash_of(reference)
        assert sketch_of(hashes) == _reference_sketch(reference) == sketch_of(reference)
    assert len(shingle_hashes(_text(7, 5000))) > 4900


_U64 = st.integers(min_value=0, max_value=(1 << 64) - 1)


@settings(max_examples=60, deadline=None)
@given(stored=st.lists(_U64, max_size=300), probes=st.lists(_U64, min_size=1, max_size=5),
       flips=st.lists(st.integers(0, 63), max_size=14), distance=st.integers(0, 16))
def test_hamming_index_finds_exactly_what_brute_force_finds(stored, probes, flips, distance):
    """Every pair within the configured distance, none beyond (bands only guaranteed 3 bits)."""
    near = probes[0]
    for bit in flips:  # a value a chosen number of bits away from the first probe
        near ^= 1 << bit
    stored = [*stored, near]
    index = HammingIndex()
    for position, value in enumerate(stored):  # one by one: exercises the growth
        index.add(value, position)
    for probe in probes:
        want = [i for i, v in enumerate(stored) if hamming(v, probe) <= distance]
        assert index.within(probe, distance) == want
