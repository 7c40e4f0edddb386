"""scrapyd for real: deploy the project egg with scrapyd-deploy, schedule ``portal``, check.

The test starts scrapyd on 127.0.0.1 (a free port, its own ``scrapyd.conf``, eggs, logs and
dbs folders under tmp), deploys a copy of the project with ``scrapyd-deploy`` (which builds
the egg with ``python setup.py bdist_egg`` and POSTs it to ``addversion.json``), schedules
two jobs through ``schedule.json`` and waits for them in ``listjobs.json``:

- ``portal`` against a sample portal served by the test (``start_url``, ``FEED_DIR``,
  ``STATE_URI``): the feed holds the ground truth, the SQLite state knows every article;
- ``portal`` with ``demo=1``: the bundled sample portal served from inside the egg.

The jobs import the project from the deployed egg, not from this checkout (checked).
docs/scaleout.md ("Deploying to scrapyd") describes exactly these steps.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from newscrawler.portal import PortalServer, build_site
from newscrawler.state import open_state
from tests.crawl_helpers import PROJECT_ROOT

pytest.importorskip("scrapyd", reason="scrapyd test SKIPPED: pip install -e '.[deploy]'")
pytest.importorskip("scrapyd_client", reason="scrapyd test SKIPPED: pip install -e '.[deploy]'")

BIN = Path(sys.executable).parent
PROJECT_FILES = ("newscrawler", "pyproject.toml", "setup.py", "README.md")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def api(base: str, endpoint: str, data: list[tuple[str, str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(f"{base}/{endpoint}", data=body, timeout=30) as response:
        answer = json.loads(response.read())
    assert answer.get("status") == "ok", answer
    return answer


@pytest.fixture
def scrapyd(tmp_path):
    """A scrapyd on 127.0.0.1 with everything under ``tmp_path/scrapyd``; yields its URL."""
    home = tmp_path / "scrapyd"
    home.mkdir()
    port = _free_port()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        f"bind_address = 127.0.0.1\nhttp_port = {port}\n"
        f"eggs_dir = {home / 'eggs'}\nlogs_dir = {home / 'logs'}\ndbs_dir = {home / 'dbs'}\n"
        "items_dir =\njobs_dir =\npoll_interval = 0.2\nmax_proc = 2\n",
        "utf-8",
    )
    log = (home / "scrapyd.log").open("wb")
    process = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=home, stdout=log,
                               stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            api(base, "daemonstatus.json")
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("scrapyd did not start:\n" + (home / "scrapyd.log").read_text())
            time.sleep(0.2)
    try:
        yield base, home
    finally:
        process.terminate()
        process.wait(timeout=20)


def deploy(base: str, tmp_path: Path) -> str:
    """``scrapyd-deploy`` from a copy of the project (so no build files land in the checkout)."""
    source = tmp_path / "project"
    source.mkdir()
    for name in PROJECT_FILES:
        origin = PROJECT_ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(origin, source / name)
    (source / "scrapy.cfg").write_text(
        "[settings]\ndefault = newscrawler.settings\n\n"
        f"[deploy:test]\nurl = {base}/\nproject = newscrawler\n",
        "utf-8",
    )
    done = subprocess.run(
        [str(BIN / "scrapyd-deploy"), "test", "--version", "r1"], cwd=source,
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["status"] == "ok", done.stdout
    return "r1"


def wait_finished(base: str, jobs: list[str], timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        finished = {j["id"] for j in api(base, "listjobs.json?project=newscrawler")["finished"]}
        if set(jobs) <= finished:
            return
        time.sleep(0.5)
    pytest.fail(f"scrapyd jobs {jobs} did not finish in {timeout}s")


def test_deploy_the_egg_and_crawl_through_schedule_json(scrapyd, tmp_path):
    base, home = scrapyd
    version = deploy(base, tmp_path)
    assert api(base, "listversions.json?project=newscrawler")["versions"] == [version]
    assert api(base, "listspiders.json?project=newscrawler")["spiders"] == ["portal"]

    # the job's Python imports newscrawler from the deployed egg, not from this checkout
    where = subprocess.run(
        [sys.executable, "-c", "from scrapyd.runner import project_environment\n"
         "with project_environment('newscrawler'):\n"
         "    import newscrawler; print(newscrawler.__file__)"],
        cwd=home, capture_output=True, text=True, timeout=60,
    )
    assert where.returncode == 0, where.stderr
    assert where.stdout.startswith(str(home / "eggs" / "newscrawler")), where.stdout

    site = build_site(articles=40)
    with PortalServer(site) as server:
        truth = {r["url"] for r in site.ground_truth(server.url)}
        host = server.url.split("/")[2]
        served, bundled = tmp_path / "served", tmp_path / "bundled"
        common = [("project", "newscrawler"), ("spider", "portal"),
                  ("setting", "AUTOTHROTTLE_ENABLED=False")]
        jobs = [
            api(base, "schedule.json", [
                *common, ("start_url", server.url + "/"),
                ("setting", f"FEED_DIR={served / 'feeds'}"),
                ("setting", f"STATE_URI={served / 'state.sqlite'}"),
            ])["jobid"],
            api(base, "schedule.json", [
                *common, ("demo", "1"), ("setting", "SAMPLE_PORTAL_ARTICLES=20"),
                ("setting", f"FEED_DIR={bundled / 'feeds'}"),
                ("setting", f"STATE_URI={bundled / 'state.sqlite'}"),
            ])["jobid"],
        ]
        wait_finished(base, jobs)

    logs = {job: (home / "logs" / "newscrawler" / "portal" / f"{job}.log").read_text("utf-8")
            for job in jobs}
    for text in logs.values():
        assert "Traceback" not in text, text[-4000:]
        assert "'finish_reason': 'finished'" in text, text[-4000:]

    (feed,) = (served / "feeds").glob("*.jsonl")
    records = [json.loads(line) for line in feed.read_text("utf-8").splitlines()]
    assert {r["url"] for r in records} == truth and len(records) == len(truth)
    (report,) = (served / "feeds").glob("*.report.json")
    assert json.loads(report.read_text("utf-8"))["healthy"], logs[jobs[0]][-4000:]
    store = open_state(str(served / "state.sqlite"))
    try:
        assert store.count(host) == len(truth)
    finally:
        store.close()

    (feed,) = (bundled / "feeds").glob("*.jsonl")
    assert len(feed.read_text("utf-8").splitlines()) > 0, logs[jobs[1]][-4000:]
    assert (bundled / "state.sqlite").exists()
