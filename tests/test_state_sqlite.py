"""SQLite state store: persistence, lookups, pending pages and the run lock."""

import subprocess
import sys

import pytest

from newscrawler.state import ArticleState, StateLocked, open_state


def _state(key: str, simhash: int = 1, published: str = "2026-11-20T10:00:00+08:00",
           version: int = 1):
    return ArticleState(key, f"http://{key}", "fp-" + key, simhash, published,
                        "2026-11-20T10:00:00+08:00", "2026-11-20T10:00:00+08:00", version)


def test_put_get_survives_reopen(tmp_path):
    path = tmp_path / "s.sqlite"
    store = open_state(str(path))
    store.put(_state("h/aid/1", simhash=(1 << 64) - 1))
    store.close()
    store = open_state(f"sqlite://{path}")
    got = store.get("h/aid/1")
    assert got is not None and got.simhash == (1 << 64) - 1 and got.version == 1
    assert store.get_many(["h/aid/1", "h/aid/2"]).keys() == {"h/aid/1"}
    assert store.find_fingerprint("fp-h/aid/1") == "h/aid/1"
    assert store.count("h") == 1 and store.count() == 1
    store.close()


def test_recent_pending_and_meta(tmp_path):
    store = open_state(str(tmp_path / "s.sqlite"))
    store.put(_state("h/aid/1", published="2026-11-01T00:00:00+08:00"))
    store.put(_state("h/aid/2", published="2026-11-25T00:00:00+08:00"))
    assert [s.key for s in store.recent("h", "2026-11-20T00:00:00+08:00")] == ["h/aid/2"]
    store.add_pending("h", "http://h/a/1.html", "http_503")
    store.add_pending("h", "http://h/a/1.html", "TimeoutError")
    assert store.pending("h") == ["http://h/a/1.html"] and store.pending("x") == []
    store.clear_pending("http://h/a/1.html")
    assert store.pending("h") == []
    assert store.get_meta("k") is None
    store.set_meta("k", "v")
    assert store.get_meta("k") == "v"
    store.close()


def test_lock_refuses_a_second_holder_and_dies_with_its_process(tmp_path):
    path = tmp_path / "s.sqlite"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys,time; from newscrawler.state import open_state;"
         f"s=open_state({str(path)!r}); s.acquire_lock(); print('locked', flush=True);"
         " time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        store = open_state(str(path))
        with pytest.raises(StateLocked, match="another crawl is running"):
            store.acquire_lock()
        holder.kill()
        holder.wait()
        store.acquire_lock()  # the OS released the dead holder's lock
        store.close()
    finally:
        holder.kill()


@pytest.mark.parametrize("uri", ["", "ftp://x/y", "  "])
def test_bad_state_uri_is_a_clear_error(uri):
    with pytest.raises(ValueError, match="STATE_URI"):
        open_state(uri)


def test_state_uri_directory_is_refused(tmp_path):
    with pytest.raises(ValueError, match="directory"):
        open_state(str(tmp_path))


def test_pending_gives_up_after_max_attempts(tmp_path):
    store = open_state(str(tmp_path / "s.sqlite"))
    for _ in range(3):
        store.add_pending("h", "http://h/a/1.html", "http_503")
    store.add_pending("h", "http://h/a/2.html", "http_503")
    assert store.pending("h", max_attempts=3) == ["http://h/a/2.html"]
    assert store.pending("h", max_attempts=4) == ["http://h/a/1.html", "http://h/a/2.html"]
    store.close()


def test_sketch_round_trips_and_old_states_gain_the_column(tmp_path):
    import sqlite3

    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)  # a state file from before sketches existed
    db.execute("CREATE TABLE articles (key TEXT PRIMARY KEY, host TEXT NOT NULL, url TEXT NOT NULL,"
               " fingerprint TEXT NOT NULL, simhash INTEGER NOT NULL, band0 INTEGER NOT NULL,"
               " band1 INTEGER NOT NULL, band2 INTEGER NOT NULL, band3 INTEGER NOT NULL,"
               " published_at TEXT, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,"
               " version INTEGER NOT NULL DEFAULT 1)")
    db.commit()
    db.close()
    store = open_state(str(path))
    state = _state("h/aid/1")
    state.sketch = bytes(range(16))
    store.put(state)
    assert store.get("h/aid/1").sketch == bytes(range(16))
    store.close()


@pytest.fixture
def sqlite_store(tmp_path):
    store = open_state(str(tmp_path / "s.sqlite"))
    yield store
    store.close()


def test_a_state_file_with_simhash_bands_is_migrated(tmp_path):
    import sqlite3

    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE articles (key TEXT PRIMARY KEY, host TEXT NOT NULL, url TEXT NOT NULL,"
        " fingerprint TEXT NOT NULL, simhash INTEGER NOT NULL, band0 INTEGER NOT NULL,"
        " band1 INTEGER NOT NULL, band2 INTEGER NOT NULL, band3 INTEGER NOT NULL,"
        " published_at TEXT, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,"
        " version INTEGER NOT NULL DEFAULT 1);"
        "CREATE INDEX articles_band0 ON articles (band0);"
        "INSERT INTO articles VALUES ('h/aid/1', 'h', 'http://h/1.html', 'fp', 5, 0, 0, 0, 5,"
        " NULL, '2026-01-01T00:00:00+08:00', '2026-01-01T00:00:00+08:00', 1);")
    db.commit()
    db.close()
    store = open_state(str(path))
    try:
        assert store.get("h/aid/1").simhash == 5
        store.put(_state("h/aid/2"))  # the NOT NULL band columns are gone
        assert store.count() == 2
    finally:
        store.close()
