"""newscrawler.fingerprints: exact and near-duplicate fingerprints of Chinese text."""

import random

from newscrawler.fingerprints import bands, content_hash, hamming, normalise_text, simhash


def _text(seed: int, n: int = 800) -> str:
    rng = random.Random(seed)
    return "".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(n))


def test_content_hash_ignores_layout_but_not_words():
    a = content_hash("标题", "第一段。\n第二段，内容")
    assert a == content_hash("标题 ", "第一段 。\n\n第二段 内容")
    assert a != content_hash("标题", "第一段。\n第三段，内容")


def test_simhash_near_for_small_edits_far_for_other_stories():
    base = _text(1)
    edited = base[:400] + "记者补充报道" + base[400:790]
    assert hamming(simhash(base), simhash(edited)) <= 3
    assert hamming(simhash(base), simhash(_text(2))) > 10


def test_simhash_is_stable_and_banded():
    value = simhash(_text(3))
    assert value == simhash(_text(3))
    assert 0 <= value < 1 << 64
    parts = bands(value)
    assert len(parts) == 4 and sum(p << (16 * i) for i, p in enumerate(parts)) == value
    assert simhash("") == 0 and normalise_text(" ，。\u3000") == ""
