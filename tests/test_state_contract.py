"""What the article ledger relies on from a state store, checked on SQLite and Redis alike."""

import numpy as np
import pytest

from newscrawler.state import ArticleState, DroppedArticle, open_state
from tests.conftest_redis import namespace, redis_url  # noqa: F401 - fixtures


def _state(key: str, simhash: int = 1, version: int = 1) -> ArticleState:
    return ArticleState(key, f"http://{key}", "fp-" + key, simhash, "2026-11-20T10:00:00+08:00",
                        "2026-11-20T10:00:00+08:00", "2026-11-20T10:00:00+08:00", version)


@pytest.fixture(params=["sqlite", "redis"])
def store(request, tmp_path):
    if request.param == "sqlite":
        store = open_state(str(tmp_path / "s.sqlite"))
    else:
        store = open_state(request.getfixturevalue("redis_url"),
                           namespace=request.getfixturevalue("namespace"))
    yield store
    store.close()


def _log(store, after: int) -> tuple[list[int], list[int]]:
    """The store's SimHash log as Python lists; it must be numpy arrays of the right types."""
    refs, values = store.simhash_log(after)
    assert refs.dtype == np.int64 and values.dtype == np.uint64
    return refs.tolist(), values.tolist()


def test_simhash_log_reads_only_what_is_new_and_refs_find_current_states(store):
    store.put(_state("h/aid/1", simhash=0x1234_5678_9ABC_DEF0))
    store.put(_state("h/aid/2", simhash=7))
    refs, values = _log(store, 0)
    assert values == [0x1234_5678_9ABC_DEF0, 7] and refs == sorted(refs)
    assert _log(store, refs[-1]) == ([], [])
    store.put(_state("h/aid/1", simhash=9, version=2))  # an edit: a new SimHash
    more, values = _log(store, refs[-1])
    assert values == [9] and more[0] > refs[-1]
    current = store.states_by_ref(refs + more)
    assert {(s.key, s.simhash) for s in current.values()} >= {("h/aid/2", 7), ("h/aid/1", 9)}
    assert all(s.version == 2 for s in current.values() if s.key == "h/aid/1")
    store.put(_state("h/aid/2", simhash=7))  # re-recorded unchanged: the log does not grow
    assert _log(store, more[-1]) in (([], []), ([more[-1] + 1], [7]))


def test_dropped_articles_are_remembered_until_delivered(store):
    dropped = DroppedArticle("h/aid/5", "http://h/5.html", "near_duplicate", "http://h/1.html",
                             "2026-11-20", "2026-11-20T10:00:00+08:00")
    store.put_dropped(dropped)
    assert store.dropped_many(["h/aid/5", "h/aid/6"]) == {"h/aid/5": dropped}
    store.put(_state("h/aid/5"))  # delivered after all (an edit made it distinct)
    assert store.dropped_many(["h/aid/5"]) == {}


def test_the_first_claim_of_a_content_owns_it(store):
    assert store.claim_content("fp", "h/aid/1", "http://h/1.html") == "http://h/1.html"
    assert store.claim_content("fp", "h/aid/2", "http://h/2.html") == "http://h/1.html"
    assert store.claim_content("fp", "h/aid/1", "http://h/1.html") == "http://h/1.html"
