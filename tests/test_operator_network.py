"""Nothing listens: a crawl opens no listening socket of its own.

Scrapy 2.19 turns on, by default, a remote-control HTTP server that runs Python code sent to
a localhost port (``REMOTE_CONTROL_ENABLED``), besides the telnet console the project had
already turned off. The probe reads the kernel's table of listening TCP sockets and the
crawl process's open sockets, while the crawl runs.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import newscrawler.settings as project
from newscrawler.portal import PortalServer, build_site
from tests.crawl_helpers import PROJECT_ROOT, crawl_command

LISTEN = "0A"  # TCP_LISTEN in /proc/net/tcp


def listening_sockets_of(pid: int) -> set[str]:
    """Local addresses of the TCP sockets process ``pid`` is listening on."""
    listening: dict[str, str] = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if Path(table).exists():
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                if fields[3] == LISTEN:
                    listening[fields[9]] = fields[1]
    owned = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue  # closed meanwhile
        if target.startswith("socket:[") and target[8:-1] in listening:
            owned.add(listening[target[8:-1]])
    return owned


def _listening_while_crawling(tmp_path, *extra: str) -> tuple[set[str], str]:
    slow = ["-s", "DOWNLOAD_DELAY=0.02", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]
    with PortalServer(build_site(articles=60)) as server:
        crawl = subprocess.Popen(crawl_command(server.url, tmp_path, *slow, *extra),
                                 cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True)
        seen: set[str] = set()
        samples = 0
        try:
            while crawl.poll() is None:
                if len(server.requests()) > 2:  # the engine runs: every extension is up
                    try:
                        seen |= listening_sockets_of(crawl.pid)
                        samples += 1
                    except FileNotFoundError:
                        break  # the process ended between poll() and the probe
                    if seen:
                        break
                time.sleep(0.05)
        finally:
            crawl.terminate()
            _, stderr = crawl.communicate(timeout=60)
    assert seen or samples >= 5, "the crawl ended before it could be probed"
    return seen, stderr


def test_a_crawl_opens_no_listening_socket(tmp_path):
    seen, stderr = _listening_while_crawling(tmp_path)
    assert seen == set()
    assert "TelnetConsole" not in stderr and "RemoteControl" not in stderr
    assert project.TELNETCONSOLE_ENABLED is False and project.REMOTE_CONTROL_ENABLED is False


def test_the_probe_sees_scrapys_remote_control_when_it_is_on(tmp_path):
    """The control: Scrapy's default would listen, and the probe above would see it."""
    seen, stderr = _listening_while_crawling(tmp_path, "-s", "REMOTE_CONTROL_ENABLED=True")
    assert seen, stderr[-2000:]
    assert "Remote control HTTP server listening" in stderr
