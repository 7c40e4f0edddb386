"""The README's settings and exit-code tables say what the code does."""

from __future__ import annotations

import ast
import re

import newscrawler.settings as project
from newscrawler.commands import crawl
from newscrawler.config import SETTINGS
from tests.crawl_helpers import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text("utf-8")


def _table(heading: str) -> list[list[str]]:
    """The rows (cells) of the first table after ``heading``."""
    section = README.split(heading, 1)[1]
    rows = []
    for line in section.lstrip().splitlines():
        if not line.startswith("|"):
            if rows:
                break
            continue
        cells = [cell.strip() for cell in line.strip("|").split(" | ")]
        if not set(line) <= set("|-: "):
            rows.append(cells)
    return rows[1:]  # without the header


def test_settings_table_matches_settings_py():
    rows = _table("### Settings")
    documented = {}
    for name_cell, _meaning, default in rows:
        name = re.fullmatch(r"`([A-Z][A-Z0-9_]+)`", name_cell)
        assert name, name_cell
        documented[name.group(1)] = default
    for name, default in documented.items():
        assert hasattr(project, name), f"README documents {name}, settings.py has no such setting"
        value = getattr(project, name)
        literal = re.match(r"`([^`]+)`", default).group(1)
        if "next to `scrapy.cfg`" in default:  # a path under the project folder
            assert str(value).endswith(literal), (name, value, default)
        else:
            assert ast.literal_eval(literal) == value, (name, value, default)
    missing = sorted(set(SETTINGS) - set(documented))
    assert not missing, f"settings checked by config.py but not in the README: {missing}"


def test_exit_code_table_matches_the_crawl_command():
    codes = {int(re.fullmatch(r"`(\d+)`", row[0]).group(1)) for row in _table("### Exit codes")}
    assert codes == {
        crawl.EXIT_HEALTHY, crawl.EXIT_USAGE, crawl.EXIT_UNHEALTHY, crawl.EXIT_LOCKED,
        *crawl.EXIT_INTERRUPTED.values(),
    }
