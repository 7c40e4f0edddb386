"""extract_article on real pages other people saved (shared/realpages), against hand labels.

Chinese portal pages (GNE's test pages, not DedeCms templates: they exercise the general
fallback and the meta-line reader) are labelled in ``tests/data/realpages_labels.json``; the
English article-extraction benchmark checks the general fallback on pages no rule describes.
Floors are what the extractor measured when these tests were written (bench/extraction.py prints
the same numbers next to trafilatura's and GNE's), rounded down a little for noise-free slack.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bench.metrics import char_bigram_f1, word_f1
from newscrawler.extract import RECORD_KEYS, extract_article

PROJECT = Path(__file__).resolve().parents[1]
#: ``../shared`` next to the project (from a git worktree under ``/work/wt/<name>``, one more up).
REALPAGES = next((p / "shared" / "realpages" for p in Path(__file__).resolve().parents[2:4]
                  if (p / "shared" / "realpages").is_dir()),
                 Path(__file__).resolve().parents[2] / "shared" / "realpages")
LABELS = json.loads((PROJECT / "tests" / "data" / "realpages_labels.json").read_text("utf-8"))
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))

pytestmark = pytest.mark.skipif(
    not REALPAGES.is_dir(), reason=f"real pages not found at {REALPAGES} (shared/ not mounted)"
)

#: Per-page body F1 floor, and the aggregate targets of the extraction issue.
PAGE_F1_FLOOR = 0.85
MEAN_F1_TARGET = 0.95
DATE_ACCURACY_TARGET = 0.95
#: English benchmark: mean word F1 measured at 0.948 (181 pages); trafilatura 0.956 there.
EN_F1_FLOOR = 0.93
#: Known misses, kept visible instead of tuned away: (page, field) → why.
KNOWN_MISSES: dict[tuple[str, str], str] = {}


def _norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").split())


def _same_day(published_at: str | None, label: str) -> bool:
    if published_at is None:
        return False
    match = re.match(r"^(?:(\d{4})-)?(\d{2})-(\d{2})", label)
    year, month, day = match.groups()
    got = published_at[:10]
    return got[5:] == f"{month}-{day}" and (year is None or got[:4] == year)


_CACHE: dict[str, dict] = {}


def extracted(label: dict) -> dict:
    """extract_article on the labelled page (once per page per test session)."""
    path = label["path"]
    if path not in _CACHE:
        site, name = path.split("/")
        url = label.get("url") or f"http://{site}.example.cn/{name}"
        _CACHE[path] = extract_article((REALPAGES / "zh-portals" / "tests" / path).read_bytes(),
                                       url, now=NOW)
    return _CACHE[path]


def _check(label: dict, field: str) -> None:
    if (label["path"], field) in KNOWN_MISSES:
        pytest.xfail(KNOWN_MISSES[(label["path"], field)])


PAGES = LABELS["pages"]
IDS = [page["path"] for page in PAGES]


def test_enough_labelled_pages() -> None:
    assert len(PAGES) >= 20
    for page in PAGES:
        assert page["title"] and page["published"] and page["body"]


@pytest.mark.parametrize("label", PAGES, ids=IDS)
def test_title(label: dict) -> None:
    _check(label, "title")
    assert _norm(extracted(label)["title"]) == _norm(label["title"])


@pytest.mark.parametrize("label", PAGES, ids=IDS)
def test_published_day(label: dict) -> None:
    _check(label, "date")
    record = extracted(label)
    assert _same_day(record["published_at"], label["published"]), record["published_at"]
    assert record["date_precision"] in ("day", "minute", "second")


@pytest.mark.parametrize("label", [p for p in PAGES if p["source"]],
                         ids=[p["path"] for p in PAGES if p["source"]])
def test_source(label: dict) -> None:
    _check(label, "source")
    assert extracted(label)["source"] == label["source"]


@pytest.mark.parametrize("label", PAGES, ids=IDS)
def test_body(label: dict) -> None:
    _check(label, "body")
    record = extracted(label)
    assert list(record) == list(RECORD_KEYS)
    score = char_bigram_f1(record["body"], "\n".join(label["body"]))
    assert score >= PAGE_F1_FLOOR, f"body F1 {score:.3f}"
    assert all(url.startswith(("http://", "https://")) for url in record["images"])
    assert len(set(record["images"])) == len(record["images"])


def test_aggregate_targets() -> None:
    records = [extracted(label) for label in PAGES]
    f1 = [char_bigram_f1(r["body"], "\n".join(p["body"]))
          for r, p in zip(records, PAGES, strict=True)]
    dates = [_same_day(r["published_at"], p["published"]) for r, p in zip(records, PAGES,
                                                                          strict=True)]
    assert sum(f1) / len(f1) >= MEAN_F1_TARGET
    assert sum(dates) / len(dates) >= DATE_ACCURACY_TARGET


def test_english_benchmark_general_fallback() -> None:
    """The general fallback on 181 English news pages (scrapinghub article-extraction-benchmark)."""
    bench = REALPAGES / "en-article-benchmark"
    truth = json.loads((bench / "ground-truth.json").read_text("utf-8"))
    scores = []
    for key, item in sorted(truth.items()):
        html = gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes())
        record = extract_article(html, item["url"], now=NOW)
        assert list(record) == list(RECORD_KEYS)
        scores.append(word_f1(record["body"], item["articleBody"]))
    mean = sum(scores) / len(scores)
    assert mean >= EN_F1_FLOOR, f"mean word F1 {mean:.3f} on {len(scores)} pages"
