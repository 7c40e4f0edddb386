"""newscrawler/config.py: the spec table and what each kind accepts."""

from __future__ import annotations

import pytest
from scrapy.settings import Settings

from newscrawler.config import (
    ARGUMENTS,
    SETTINGS,
    ConfigError,
    Spec,
    check_arguments,
    check_settings,
    check_value,
)
from tests.conftest import project_settings


def _settings(**values) -> Settings:
    settings = Settings(project_settings())
    settings.setdict(values, priority="cmdline")
    return settings


def test_the_project_defaults_pass_their_own_specs():
    check_settings(_settings())


@pytest.mark.parametrize(
    ("value", "spec", "parsed"),
    [
        ("3", Spec("int", 0), 3), ("0.25", Spec("float", 0, 1), 0.25), ("yes", Spec("bool"), True),
        ("0", Spec("bool"), False), ("text/html, application/xhtml+xml", Spec("list"),
                                     ["text/html", "application/xhtml+xml"]),
        ("gbk", Spec("str", choices=("utf-8", "gbk")), "gbk"), ("", Spec("url", optional=True),
                                                               None),
    ],
)
def test_values_that_fit(value, spec, parsed):
    assert check_value(value, spec) == parsed


@pytest.mark.parametrize(
    ("value", "spec"),
    [
        ("abc", Spec("float", 0)), ("-1", Spec("int", 0)), ("nan", Spec("float")),
        ("inf", Spec("float", 0)), ("1.5", Spec("int")), ("on", Spec("bool")),
        ("maybe", Spec("bool")), (True, Spec("int")), ("ftp://x/", Spec("url")),
        ("http:///path", Spec("url")), ("http://x/", Spec("redis")), ("nosuch", Spec("profile")),
        ("", Spec("str")), (None, Spec("int")), ("GBK", Spec("str", choices=("gbk",))),
    ],
)
def test_values_that_do_not_fit(value, spec):
    with pytest.raises(ValueError):
        check_value(value, spec)


def test_a_setting_without_a_spec_is_not_checked_and_adding_one_is_one_line():
    settings = _settings(SOME_HELPERS_NEW_SETTING="anything")
    check_settings(settings)  # no spec: no check
    specs = {**SETTINGS, "SOME_HELPERS_NEW_SETTING": Spec("int", 1)}
    with pytest.raises(ConfigError, match="SOME_HELPERS_NEW_SETTING='anything'.*whole number"):
        check_settings(settings, specs)


def test_every_spider_argument_has_a_spec_and_the_result_is_parsed():
    assert set(ARGUMENTS) == {"start_url", "full", "profile", "demo", "_job"}
    parsed = check_arguments({"start_url": "http://news.example.com/", "full": "YES"})
    assert parsed == {"start_url": "http://news.example.com/", "full": True, "profile": None,
                      "demo": None, "_job": None}
    with pytest.raises(ConfigError, match="not both"):
        check_arguments({"start_url": "http://news.example.com/", "demo": "1"})
    with pytest.raises(ConfigError, match="REDIS_URL"):
        check_arguments({"demo": "1"}, _settings(REDIS_URL="redis://127.0.0.1:6379/0"))


def test_scrapyd_job_id_argument_is_accepted_and_kept_out_of_the_hint():
    from newscrawler.config import ConfigError, check_arguments

    parsed = check_arguments({"start_url": "http://news.example.com/", "_job": "abc123"})
    assert parsed["_job"] == "abc123"
    with pytest.raises(ConfigError) as refused:
        check_arguments({"strat_url": "http://news.example.com/"})
    assert "_job" not in str(refused.value)
