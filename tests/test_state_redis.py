"""Redis state store: the same contract as the SQLite store (tests/test_state_sqlite.py)."""

import subprocess
import sys

import pytest

from newscrawler.state import ArticleState, StateLocked, open_state
from tests.conftest_redis import namespace, redis_url  # noqa: F401 - fixtures


def _state(key: str, simhash: int = 1, published: str = "2026-11-20T10:00:00+08:00",
           fingerprint: str | None = None, version: int = 1):
    return ArticleState(key, f"http://{key}", fingerprint or "fp-" + key, simhash, published,
                        "2026-11-20T10:00:00+08:00", "2026-11-20T10:00:00+08:00", version)


@pytest.fixture
def store(redis_url, namespace, tmp_path):  # noqa: F811 - fixtures
    store = open_state(redis_url, namespace=namespace)
    store.set_lock_file(tmp_path / "worker.lock")
    yield store
    store.close()


def test_put_get_survives_reopen(redis_url, namespace, store):  # noqa: F811
    store.put(_state("h/aid/1", simhash=(1 << 64) - 1))
    store.close()
    store = open_state(redis_url, namespace=namespace)
    got = store.get("h/aid/1")
    assert got is not None and got.simhash == (1 << 64) - 1 and got.version == 1
    assert got == _state("h/aid/1", simhash=(1 << 64) - 1)
    assert store.get_many(["h/aid/1", "h/aid/2"]).keys() == {"h/aid/1"}
    assert store.find_fingerprint("fp-h/aid/1") == "h/aid/1"
    assert store.count("h") == 1 and store.count() == 1 and store.count("x") == 0
    store.close()


def test_namespaces_do_not_see_each_other(redis_url, namespace, store):  # noqa: F811
    store.put(_state("h/aid/1"))
    other = open_state(redis_url, namespace=namespace + "-other")
    try:
        assert other.get("h/aid/1") is None and other.count() == 0
    finally:
        other.close()


def test_get_many_in_chunks(store):
    for n in range(1200):
        store.put(_state(f"h/aid/{n}", simhash=n))
    got = store.get_many([f"h/aid/{n}" for n in range(0, 1300, 1)])
    assert len(got) == 1200 and got["h/aid/1199"].simhash == 1199
    assert store.count("h") == 1200 and store.count() == 1200


def test_replace_updates_every_index(store):
    store.put(_state("h/aid/1", simhash=0x1234_5678_9ABC_DEF0, fingerprint="old"))
    store.put(_state("h/aid/1", simhash=0x1111_2222_3333_4444, fingerprint="new",
                     published="2026-11-25T00:00:00+08:00", version=2))
    assert store.count() == 1 and store.count("h") == 1
    assert store.find_fingerprint("old") is None and store.find_fingerprint("new") == "h/aid/1"
    refs, values = store.simhash_log(0)
    current = store.states_by_ref(refs)
    assert [(s.key, s.simhash) for s in current.values()][-1] == ("h/aid/1", 0x1111_2222_3333_4444)
    assert [s.version for s in store.recent("h", "2026-11-24T00:00:00+08:00")] == [2]
    assert store.recent("h", "2026-11-26T00:00:00+08:00") == []


def test_recent_pending_and_meta(store):
    store.put(_state("h/aid/1", published="2026-11-01T00:00:00+08:00"))
    store.put(_state("h/aid/2", published="2026-11-25T00:00:00+08:00"))
    store.put(_state("h/aid/3", published="2026-11-26T00:00:00+08:00"))
    store.put(_state("h/aid/4", published=None))
    store.put(_state("g/aid/5", published="2026-11-26T00:00:00+08:00"))
    assert [s.key for s in store.recent("h", "2026-11-20T00:00:00+08:00")] == ["h/aid/3", "h/aid/2"]
    # the same instant in another offset
    assert [s.key for s in store.recent("h", "2026-11-25T16:00:00+00:00")] == ["h/aid/3"]
    store.add_pending("h", "http://h/a/1.html", "http_503")
    store.add_pending("h", "http://h/a/1.html", "TimeoutError")
    store.add_pending("h", "http://h/list_1_2.html", "http_500")
    assert store.pending("h") == ["http://h/a/1.html", "http://h/list_1_2.html"]
    assert store.pending("h", max_attempts=2) == ["http://h/list_1_2.html"]  # 1.html failed twice
    assert store.pending("x") == []
    store.clear_pending("http://h/a/1.html")
    store.clear_pending("http://h/never.html")  # unknown: nothing happens
    assert store.pending("h") == ["http://h/list_1_2.html"]
    assert store.get_meta("k") is None
    store.set_meta("k", "v")
    store.set_meta("k", "w")
    assert store.get_meta("k") == "w"


def test_chinese_text_round_trips(store):
    state = _state("h/aid/9", fingerprint="指纹")
    state.url = "http://h/新闻/9.html"
    store.put(state)
    assert store.get("h/aid/9") == state
    assert store.find_fingerprint("指纹") == "h/aid/9"


def test_lock_refuses_a_second_holder_and_dies_with_its_process(redis_url, namespace,  # noqa: F811
                                                               tmp_path):
    lock = tmp_path / "feeds" / ".worker.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys,time; from newscrawler.state import open_state;"
         f"s=open_state({redis_url!r}, namespace={namespace!r});"
         f"s.set_lock_file({str(lock)!r}); s.acquire_lock(); print('locked', flush=True);"
         " time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        same_worker = open_state(redis_url, namespace=namespace)
        same_worker.set_lock_file(lock)
        with pytest.raises(StateLocked, match="another crawl is running as this worker"):
            same_worker.acquire_lock()
        other_worker = open_state(redis_url, namespace=namespace)
        other_worker.set_lock_file(tmp_path / "feeds-2" / ".worker.lock")
        other_worker.acquire_lock()  # another worker shares the state on purpose
        other_worker.close()
        holder.kill()
        holder.wait()
        same_worker.acquire_lock()  # the OS released the dead holder's lock
        same_worker.close()
    finally:
        holder.kill()


def test_bad_redis_uri_opens_lazily_and_fails_clearly():
    store = open_state("redis://127.0.0.1:1/0")  # nothing listens on port 1
    with pytest.raises(Exception, match="[Cc]onnect"):
        store.get("h/aid/1")
    store.close()
