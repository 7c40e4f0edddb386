"""Shared fixtures: crawlers with the project's settings."""

from __future__ import annotations

from scrapy.utils.test import get_crawler

import newscrawler.settings as project


def project_settings(**overrides) -> dict:
    """The project's settings (newscrawler.settings) with ``overrides`` on top."""
    values = {key: getattr(project, key) for key in dir(project) if key.isupper()}
    values.update(overrides)
    return values


def make_crawler(**overrides):
    """A Scrapy crawler configured like ``scrapy crawl`` would configure ours."""
    crawler = get_crawler(settings_dict=project_settings(**overrides))
    crawler.stats.open_spider()
    return crawler
