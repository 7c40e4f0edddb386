"""Finish the feed files of killed runs: nothing a killed run wrote is lost or sent twice.

A run killed with ``kill -9`` may die between writing a line and recording its article as
delivered. So the next run hands every complete line such a run wrote to the ledger:

- ``FEED_DIR/<time>.jsonl.part`` files locked by nobody: a torn last line is cut off, the lines
  are recorded, and the file is renamed to ``.jsonl`` (`recover_orphans`). A line whose article
  another feed file delivered meanwhile (another scale-out worker fetched it again before this
  one's state write) is a second copy: the ledger says so and it is left out of the file;
- ``-o``/``-O`` files: the ledger notes where each run starts writing and clears the note when
  the run ends; a note left behind means a killed run, whose lines from that offset on are
  recorded (`records_in`).

Stats: ``delivery/recovered_files``, ``delivery/recovered_items``,
``delivery/recovered_bad_lines``, ``delivery/recovered_duplicates``.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from newscrawler.feeds import PART_SUFFIX, published_name

logger = logging.getLogger(__name__)


def complete_lines(path: Path) -> list[bytes]:
    """The complete lines of a feed file; a torn last line (no newline) is cut off the file."""
    data = path.read_bytes()
    end = data.rfind(b"\n") + 1
    if end < len(data):
        with path.open("r+b") as handle:
            handle.truncate(end)
    return [line for line in data[:end].splitlines() if line.strip()]


def is_orphan(path: Path) -> bool:
    """True when no live process holds the file's lock (its writer is gone)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
    return True


def recover_orphans(folder: Path, stats: Any, keep: Callable[[dict, str], bool]) -> None:
    """Hand the records of every orphaned ``.part`` file in ``folder`` to ``keep(record,
    feed)``, which records them and says whether the line stays; then publish the file."""
    for part in sorted(folder.glob(f"*.jsonl{PART_SUFFIX}")):
        if not is_orphan(part):
            continue
        final = Path(published_name(part))
        lines = complete_lines(part)
        kept = [line for line, record in _parsed(lines, stats)
                if record is None or keep(record, str(final))]
        if len(kept) < len(lines):
            stats.inc_value("delivery/recovered_duplicates", len(lines) - len(kept))
            part.write_bytes(b"".join(line + b"\n" for line in kept))
        lines = kept
        if lines:
            os.replace(part, final)
        else:
            part.unlink()
        stats.inc_value("delivery/recovered_files")
        stats.inc_value("delivery/recovered_items", len(lines))
        logger.warning(
            "Recovered %d article(s) from %s, left by a run that was killed; published as %s",
            len(lines), part.name, final.name if lines else "(nothing: empty)",
        )


def _parsed(lines: list[bytes], stats: Any) -> Iterator[tuple[bytes, dict | None]]:
    """(line, record) pairs; record None for a line that is no record (kept as it is)."""
    for line in lines:
        try:
            record = json.loads(line)
            record["url"]  # noqa: B018 - a line without a url is no record
        except (ValueError, KeyError, TypeError):
            stats.inc_value("delivery/recovered_bad_lines")
            yield line, None
            continue
        yield line, record


def records_in(path: Path, offset: int, stats: Any) -> Iterator[dict]:
    """The records of the complete JSON lines of ``path`` from byte ``offset`` on."""
    with path.open("rb") as handle:
        handle.seek(offset)
        lines = [line for line in handle.read().splitlines(keepends=True) if line.endswith(b"\n")]
    stats.inc_value("delivery/recovered_items", len(lines))
    for _line, record in _parsed([line for line in lines if line.strip()], stats):
        if record is not None:
            yield record
