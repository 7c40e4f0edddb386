"""Shared fixtures: crawlers with the project's settings."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from scrapy.utils.test import get_crawler

import newscrawler.settings as project


def project_settings(**overrides) -> dict:
    """The project's settings (newscrawler.settings) with ``overrides`` on top."""
    values = {key: getattr(project, key) for key in dir(project) if key.isupper()}
    values.update(overrides)
    return values


def make_crawler(**overrides):
    """A Scrapy crawler configured like ``scrapy crawl`` would configure ours.

    Its state and feeds go to a private temporary folder unless ``overrides`` name them: a
    test never writes to (nor locks) the project's own ``.newscrawler/`` and ``data/``, so
    tests may run side by side (``pytest -n``) and a developer's state is left alone.
    """
    folder = Path(tempfile.mkdtemp(prefix="newscrawler-test-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    overrides.setdefault("FEED_DIR", str(folder / "feeds"))
    if not {"STATE_URI", "REDIS_URL"} & overrides.keys():
        overrides["STATE_URI"] = str(folder / "state.sqlite")
    crawler = get_crawler(settings_dict=project_settings(**overrides))
    crawler.stats.open_spider()
    return crawler
