"""Body scores of the extraction benchmark, one home for the benchmark and the tests.

Chinese: F1 over character bigrams with all whitespace removed (no word boundaries to count
on); English: F1 over lower-cased word tokens. Both over multisets, so repeated text counts as
often as it appears. ``bench/extraction.py`` imports them as a sibling, the extraction tests as
``bench.metrics``: a test's floor and the published figure are the same measure.
"""

from __future__ import annotations

import re
from collections import Counter

_SPACE_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"\w+", re.UNICODE)


def _f1(predicted: Counter, gold: Counter) -> float:
    if not predicted or not gold:
        return 1.0 if predicted == gold else 0.0
    overlap = sum((predicted & gold).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(predicted.values())
    recall = overlap / sum(gold.values())
    return 2 * precision * recall / (precision + recall)


def char_bigrams(text: str) -> Counter:
    """Character bigrams of a text with all whitespace removed (for Chinese)."""
    compact = _SPACE_RE.sub("", text or "")
    return Counter(compact[i:i + 2] for i in range(len(compact) - 1))


def char_bigram_f1(predicted: str, gold: str) -> float:
    return _f1(char_bigrams(predicted), char_bigrams(gold))


def word_f1(predicted: str, gold: str) -> float:
    """Bag-of-words F1 on lower-cased word tokens (for English)."""
    return _f1(Counter(_WORD_RE.findall((predicted or "").lower())),
               Counter(_WORD_RE.findall((gold or "").lower())))
