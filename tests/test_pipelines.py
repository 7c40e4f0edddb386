"""Item pipelines: clean, validate, deduplicate (with a real SQLite state)."""

import random
from datetime import date

import pytest
from scrapy.exceptions import DropItem

from newscrawler.pipelines.clean import CleanPipeline, clean_body
from newscrawler.pipelines.dedup import DedupPipeline
from newscrawler.pipelines.validate import ValidatePipeline
from newscrawler.state import state_for
from tests.conftest import make_crawler

_rng = random.Random(7)
BODY = "\n".join(
    f"第{i}段" + "".join(chr(0x4E00 + _rng.randrange(3000)) for _ in range(120)) for i in range(8)
)


def record(url="http://h/a/x/2026/1120/1.html", title="标题", body=BODY, **extra):
    return {"url": url, "title": title, "section": ["社会"], "source": "来源", "author": None,
            "published_at": "2026-11-20T10:00:00+08:00", "body": body, "images": [], "tags": [],
            "summary": None, "crawled_at": "2026-11-26T10:00:00+08:00", "editor": None,
            "date_precision": "minute", **extra}


@pytest.fixture
def crawler(tmp_path):
    crawler = make_crawler(STATE_URI=str(tmp_path / "state.sqlite"))  # builds crawler.ledger
    yield crawler
    state_for(crawler).close()


def test_clean_normalises_spaces_nulls_and_boilerplate(crawler):
    item = record(title="\u3000标题\xa0 文字 ", source="未知", author=" ", tags=["a", " a", ""],
                  body="\u3000\u3000第一段 。\n\n \xa0\n(责任编辑：admin)\n第二段\n上一篇：没有了")
    out = CleanPipeline(crawler).process_item(item)
    assert out["title"] == "标题 文字"
    assert out["source"] is None and out["author"] is None
    assert out["tags"] == ["a"]
    assert out["body"] == "第一段 。\n第二段"
    assert clean_body("正文提到责任编辑：这个词") == "正文提到责任编辑：这个词"


def test_clean_removes_the_marks_of_undecodable_bytes(crawler):
    item = record(title="标\ufffd题", body="\ufffd\ufffd第一段\n\ufffd\n第二段")
    out = CleanPipeline(crawler).process_item(item)
    assert out["title"] == "标题" and out["body"] == "第一段\n第二段"
    assert crawler.stats.get_value("clean/undecodable_bytes") == 1


@pytest.mark.parametrize("field", ["title", "body", "url"])
def test_validate_drops_missing_fields_with_a_counted_reason(crawler, field):
    pipeline = ValidatePipeline(crawler)
    with pytest.raises(DropItem, match=f"has no {field}"):
        pipeline.process_item(record(**{field: "  "}))
    assert crawler.stats.get_value(f"validate/dropped/missing_{field}") == 1


def test_validate_counts_field_coverage(crawler):
    pipeline = ValidatePipeline(crawler)
    pipeline.process_item(record(published_at=None))
    pipeline.process_item(record())
    assert crawler.stats.get_value("fields/checked") == 2
    assert crawler.stats.get_value("fields/missing/published_at") == 1


def _deliver(pipeline, item):
    out = pipeline.process_item(item)
    pipeline.crawler.ledger.item_scraped(out)  # what the feed exporter's signal triggers
    return out


def test_dedup_within_a_run(crawler):
    pipeline = DedupPipeline(crawler)
    first = _deliver(pipeline, record())
    assert first["version"] == 1
    with pytest.raises(DropItem, match="same_article"):  # same aid via a /special/ copy
        pipeline.process_item(record(url="http://h/special/arc-1.html"))
    with pytest.raises(DropItem, match="same_content"):  # a copy under another id
        pipeline.process_item(record(url="http://h/a/x/2026/1120/2.html"))
    edited = BODY.replace("第3段", "第三段（更新）", 1) + "\n记者补充。"
    with pytest.raises(DropItem, match="near_duplicate"):
        pipeline.process_item(record(url="http://h/a/x/2026/1120/3.html", body=edited))
    stats = crawler.stats.get_stats()
    assert stats["dedup/dropped/same_article"] == 1
    assert stats["dedup/dropped/same_content"] == 1
    assert stats["dedup/dropped/near_duplicate"] == 1
    assert stats["dedup/delivered"] == 1


def test_dedup_across_runs_versions_edits(tmp_path):
    def run(item):
        crawler = make_crawler(STATE_URI=str(tmp_path / "state.sqlite"))
        pipeline = DedupPipeline(crawler)
        try:
            return _deliver(pipeline, item)
        finally:
            state_for(crawler).close()

    assert run(record())["version"] == 1
    with pytest.raises(DropItem, match="unchanged"):
        run(record())
    assert run(record(body=BODY + "\n更正：本文有修改。"))["version"] == 2
    assert run(record(body=BODY + "\n更正：本文第二次修改。"))["version"] == 3


def test_state_is_written_only_when_the_item_is_scraped(crawler):
    pipeline = DedupPipeline(crawler)
    item = pipeline.process_item(record())
    store = state_for(crawler)
    assert store.get("h/aid/1") is None  # not in a feed yet: not delivered
    crawler.ledger.item_scraped(item)
    assert store.get("h/aid/1").version == 1


def test_copies_are_remembered_with_the_url_they_copy(tmp_path):
    def run(*items):
        crawler = make_crawler(STATE_URI=str(tmp_path / "state.sqlite"))
        pipeline, verdicts = DedupPipeline(crawler), []
        try:
            for item in items:
                try:
                    _deliver(pipeline, item)
                    verdicts.append("delivered")
                except DropItem as exc:
                    verdicts.append(str(exc).split(":", 1)[0])
            return verdicts, crawler.ledger.to_fetch(
                [(item["url"], None) for item in items] + [("http://h/a/x/2026/1120/9.html", None)])
        finally:
            state_for(crawler).close()

    original = record()
    copy = record(url="http://h/a/x/2026/1120/2.html")
    near = record(url="http://h/a/x/2026/1120/3.html", body=BODY + "\n记者补充。")
    verdicts, wanted = run(original, copy, near)
    assert verdicts == ["delivered", "same_content", "near_duplicate"]
    assert wanted == [("http://h/a/x/2026/1120/9.html", "new")]  # copies are not fetched again
    dropped = state_for(make_crawler(STATE_URI=str(tmp_path / "state.sqlite"))).dropped_many(
        ["h/aid/2", "h/aid/3"])
    assert {k: (d.reason, d.duplicate_of) for k, d in dropped.items()} == {
        "h/aid/2": ("same_content", original["url"]),
        "h/aid/3": ("near_duplicate", original["url"]),
    }


def test_a_year_less_list_date_is_read_in_the_portals_day(tmp_path):
    """From midnight to 08:00 Beijing time the machine's UTC date is the day before the
    portal's: a list's ``12-04 00:12`` read against it would be last year's, and an article
    republished just after midnight looked republished again on every run."""
    crawler = make_crawler(STATE_URI=str(tmp_path / "state.sqlite"))
    try:
        pipeline = DedupPipeline(crawler)
        url = "http://h/a/x/2026/1120/1.html"
        ledger = crawler.ledger
        assert ledger.to_fetch([(url, "12-04 00:12")], date(2026, 12, 4)) == [(url, "new")]
        _deliver(pipeline, record(url=url, published_at="2026-12-04T00:00:00+08:00",
                                  date_precision="day"))
        assert ledger.to_fetch([(url, "12-04 00:12")], date(2026, 12, 4)) == []
        assert ledger.to_fetch([(url, "12-05 09:00")], date(2026, 12, 5)) == [(url, "republished")]
    finally:
        state_for(crawler).close()
