"""newscrawler/extensions/metrics.py: the node_exporter textfile, read by prometheus_client.

Real crawls of the sample portal over HTTP on 127.0.0.1; the file is parsed with the official
parser (`prometheus_client.parser.text_string_to_metric_families`), as node_exporter would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.exceptions import NotConfigured

from newscrawler.extensions.metrics import TextfileMetrics, exposition
from newscrawler.portal import PortalServer, build_site
from tests.conftest import make_crawler
from tests.crawl_helpers import read_feeds, reports, run_crawl

parser = pytest.importorskip(
    "prometheus_client.parser",
    reason="metrics tests SKIPPED: prometheus-client is not installed (pip install -e '.[test]')",
)


def read_metrics(path: Path) -> dict[str, list]:
    """Metric name → its samples, through the official Prometheus parser."""
    families = parser.text_string_to_metric_families(path.read_text("utf-8"))
    return {family.name: family.samples for family in families}


def value(metrics: dict, name: str, **labels: str) -> float:
    matching = [s.value for s in metrics[name] if labels.items() <= s.labels.items()]
    assert len(matching) == 1, (name, labels, metrics.get(name))
    return matching[0]


def test_a_healthy_then_an_unreachable_run_as_node_exporter_reads_them(tmp_path):
    folder = tmp_path / "textfile"
    options = ["-s", f"METRICS_TEXTFILE_DIR={folder}"]
    with PortalServer(build_site(articles=30)) as server:
        first = run_crawl(server.url, tmp_path, *options)
        url = server.url
    assert first.returncode == 0, first.stderr[-3000:]
    (path,) = folder.glob("*")  # nothing but the file: no temporary file left over
    assert path.name == "newscrawler.prom"
    metrics = read_metrics(path)
    portal = url.split("/")[2]
    assert metrics["newscrawler_last_run_success"][0].labels == {
        "spider": "portal", "portal": portal,
    }
    assert value(metrics, "newscrawler_last_run_success") == 1
    assert value(metrics, "newscrawler_last_run_exit_code") == first.returncode
    (report,) = reports(tmp_path)
    delivered = len(read_feeds(tmp_path))
    assert value(metrics, "newscrawler_last_run_articles_delivered") == delivered > 0
    assert value(metrics, "newscrawler_last_run_requests") == report["requests"]
    for kind, count in report["pages"].items():
        assert value(metrics, "newscrawler_last_run_pages", kind=kind) == count
    assert value(metrics, "newscrawler_last_run_field_coverage", field="published_at") == 1.0
    assert 0 <= value(metrics, "newscrawler_last_run_field_coverage", field="author") <= 1
    assert value(metrics, "newscrawler_last_run_duration_seconds") > 0
    succeeded = value(metrics, "newscrawler_last_success_timestamp_seconds")
    assert succeeded == value(metrics, "newscrawler_last_run_timestamp_seconds")
    assert "newscrawler_last_run_unhealthy" not in metrics

    # The portal is gone: the next run is unhealthy (exit code 2), and the file says so.
    second = run_crawl(url, tmp_path, *options, "-s", "RETRY_TIMES=0")
    assert second.returncode == 2, second.stderr[-3000:]
    metrics = read_metrics(path)
    assert value(metrics, "newscrawler_last_run_success") == 0
    assert value(metrics, "newscrawler_last_run_exit_code") == 2
    assert value(metrics, "newscrawler_last_run_unhealthy", reason="unreachable") == 1
    assert value(metrics, "newscrawler_last_run_errors", reason="robots_unavailable") >= 1
    assert value(metrics, "newscrawler_last_run_timestamp_seconds") > succeeded
    # the last *successful* run is remembered: the "no success for N minutes" alert needs it
    assert value(metrics, "newscrawler_last_success_timestamp_seconds") == succeeded


def test_portals_sharing_a_folder_get_a_file_each(tmp_path):
    folder = tmp_path / "textfile"
    options = ["-s", f"METRICS_TEXTFILE_DIR={folder}",
               "-s", "METRICS_TEXTFILE_NAME=newscrawler-%(spider)s-%(portal)s.prom"]
    run = run_crawl("http://127.0.0.1:9/", tmp_path, *options, "-s", "RETRY_TIMES=0")
    assert run.returncode == 2
    assert [p.name for p in folder.iterdir()] == ["newscrawler-portal-127.0.0.1_9.prom"]


def test_off_unless_a_folder_is_set():
    with pytest.raises(NotConfigured):
        TextfileMetrics.from_crawler(make_crawler())


def test_label_values_are_escaped_for_the_parser():
    text = exposition({"last_run_errors": [({"reason": 'a "b"\\c\nd'}, 2)]})
    (family,) = parser.text_string_to_metric_families(text)
    assert family.samples[0].labels == {"reason": 'a "b"\\c\nd'}
    assert family.samples[0].value == 2
