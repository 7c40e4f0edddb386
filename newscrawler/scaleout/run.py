"""One run of a scaled-out crawl in Redis: who is in it, what is in flight, when it is over.

Every state change below is one Lua script, so workers on several machines never see a half
change. Times are Redis server time (``TIME``), so workers' clocks need not agree.

Keys, with ``B`` = ``<STATE_NAMESPACE>:crawl:<spider>:<portal host>`` and ``R`` = ``B:run:<id>``:

- ``B:current`` – id of the open run; ``B:seq`` – the last run id handed out;
- ``R:info`` – hash: ``state`` (open | done), ``started``, ``finished``, ``lost:<worker>``
  (why the run may have lost work), ``lists_failed:<worker>``, ``home:<worker>``;
- ``R:workers`` – hash worker → ``busy`` | ``idle`` | ``holding`` (idle, with requests kept
  for the end of the run: the spider's deferred article copies);
- ``R:beats`` – zset worker → last heartbeat;
- ``R:queue`` – zset of serialized requests, score −priority (scrapy-redis' PriorityQueue);
- ``R:seen`` – set of request fingerprints (the per-run duplicate filter);
- ``R:inflight:<worker>`` – zset of the requests a worker popped and has not finished.

A run opens when the first worker joins and no run is open; it is *done* when the queue is
empty and every live worker is idle (idle means: its engine has nothing in flight, so all it
popped is finished). When the queue is empty and no worker is busy but some are holding, the
answer is *release*: the holders queue what they kept, and the run goes on. Held requests are
last resorts (a copy of an article under another name), so they wait until nothing else, not
even a dead worker's re-queued requests, can still bring the article under its own name.
A worker whose heartbeat is older than the timeout is dead: its in-flight requests go back to
the queue and the run is marked as having lost work (its spider's memory, e.g. deferred
article copies, died with it). The last worker to leave a done run deletes it.
"""

from __future__ import annotations

from dataclasses import dataclass

_DROP = """
local function drop(r)
  for _, w in ipairs(redis.call('HKEYS', r .. ':workers')) do
    redis.call('DEL', r .. ':inflight:' .. w)
  end
  redis.call('DEL', r .. ':info', r .. ':workers', r .. ':beats', r .. ':queue', r .. ':seen')
end
"""

# ARGV: B, worker -> run id
JOIN = _DROP + """
local b, me = ARGV[1], ARGV[2]
local now = redis.call('TIME')[1]
local cur = redis.call('GET', b .. ':current')
if cur and redis.call('HGET', b .. ':run:' .. cur .. ':info', 'state') ~= 'open' then
  drop(b .. ':run:' .. cur)
  cur = false
end
if not cur then
  cur = tostring(redis.call('INCR', b .. ':seq'))
  redis.call('SET', b .. ':current', cur)
  redis.call('HSET', b .. ':run:' .. cur .. ':info', 'state', 'open', 'started', now,
             'opened_by', me)
end
local r = b .. ':run:' .. cur
redis.call('HSET', r .. ':workers', me, 'busy')
redis.call('ZADD', r .. ':beats', now, me)
return cur
"""

# ARGV: R, worker -> serialized request or nil
POP = """
local r, me = ARGV[1], ARGV[2]
local top = redis.call('ZRANGE', r .. ':queue', 0, 0, 'WITHSCORES')
if #top == 0 then return false end
redis.call('ZREM', r .. ':queue', top[1])
redis.call('ZADD', r .. ':inflight:' .. me, top[2], top[1])
redis.call('HSET', r .. ':workers', me, 'busy')
return top[1]
"""

# ARGV: R, worker -> 1 alive, 0 re-registered after being declared dead, -1 run is over
BEAT = """
local r, me = ARGV[1], ARGV[2]
if redis.call('HGET', r .. ':info', 'state') ~= 'open' then return -1 end
redis.call('ZADD', r .. ':beats', redis.call('TIME')[1], me)
if redis.call('HEXISTS', r .. ':workers', me) == 0 then
  redis.call('HSET', r .. ':workers', me, 'busy')
  return 0
end
return 1
"""

# Put a worker's in-flight requests back on the queue; returns how many there were.
_REQUEUE = """
local function requeue(r, w)
  local n = redis.call('ZCARD', r .. ':inflight:' .. w)
  if n > 0 then
    redis.call('ZUNIONSTORE', r .. ':queue', 2, r .. ':queue', r .. ':inflight:' .. w,
               'AGGREGATE', 'MIN')
    redis.call('DEL', r .. ':inflight:' .. w)
  end
  return n
end
"""

_CHECK = _REQUEUE + """
local function check(r, me, timeout)
  local state = redis.call('HGET', r .. ':info', 'state')
  if state == 'done' or not state then return 'done' end
  local now = tonumber(redis.call('TIME')[1])
  for _, w in ipairs(redis.call('ZRANGEBYSCORE', r .. ':beats', '-inf', now - timeout)) do
    if w ~= me then
      local n = requeue(r, w)
      if redis.call('HGET', r .. ':workers', w) ~= 'idle' then
        redis.call('HSET', r .. ':info', 'lost:' .. w,
                   'stopped answering; ' .. n .. ' request(s) re-queued')
      end
      redis.call('HDEL', r .. ':workers', w)
      redis.call('ZREM', r .. ':beats', w)
    end
  end
  if redis.call('ZCARD', r .. ':queue') > 0 then return 'work' end
  local workers = redis.call('HGETALL', r .. ':workers')
  local holding = false
  for i = 2, #workers, 2 do
    if workers[i] == 'holding' then holding = true
    elseif workers[i] ~= 'idle' then return 'wait' end
  end
  if holding then return 'release' end
  redis.call('HSET', r .. ':info', 'state', 'done', 'finished', now)
  return 'done'
end
"""

# ARGV: R, worker, timeout -> work | wait | release | done
CHECK = _CHECK + "return check(ARGV[1], ARGV[2], tonumber(ARGV[3]))"

# ARGV: R, worker, timeout, lists failed, home pages, idle | holding
#   -> work | wait | release | done
IDLE = _CHECK + """
local r, me = ARGV[1], ARGV[2]
if redis.call('HGET', r .. ':info', 'state') == 'open' then
  redis.call('DEL', r .. ':inflight:' .. me)
  redis.call('HSET', r .. ':workers', me, ARGV[6])
  redis.call('ZADD', r .. ':beats', redis.call('TIME')[1], me)
  redis.call('HSET', r .. ':info', 'lists_failed:' .. me, ARGV[4], 'home:' .. me, ARGV[5])
end
return check(r, me, tonumber(ARGV[3]))
"""

# ARGV: R, worker, lists failed, home pages
PUBLISH = """
local r, me = ARGV[1], ARGV[2]
if redis.call('HGET', r .. ':info', 'state') ~= 'open' then return 0 end
redis.call('HSET', r .. ':info', 'lists_failed:' .. me, ARGV[3], 'home:' .. me, ARGV[4])
return 1
"""

# ARGV: B, R, worker, why (empty when leaving a done run or leaving idle)
LEAVE = _DROP + _REQUEUE + """
local b, r, me, why = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local n = requeue(r, me)
local state = redis.call('HGET', r .. ':info', 'state')
if state == 'open' and why ~= '' then
  redis.call('HSET', r .. ':info', 'lost:' .. me, why .. '; ' .. n .. ' request(s) re-queued')
end
redis.call('HDEL', r .. ':workers', me)
redis.call('ZREM', r .. ':beats', me)
if state ~= 'open' and redis.call('HLEN', r .. ':workers') == 0 then
  drop(r)
  return 'dropped'
end
return 'left'
"""


@dataclass
class RunSummary:
    """What a worker needs to know of the whole run when it ends."""

    lost: dict[str, str]  # worker -> why its work may be incomplete
    lists_failed: int  # list pages that failed, all workers
    home_pages: int  # home pages fetched, all workers


class RunCoordinator:
    """The Lua scripts of one run, bound to one worker (see module docstring for the keys)."""

    def __init__(self, server, base: str, worker: str, timeout: float):
        self.server = server
        self.base = base
        self.worker = worker
        self.timeout = timeout
        self.run_id: str | None = None
        self._join = server.register_script(JOIN)
        self._pop = server.register_script(POP)
        self._beat = server.register_script(BEAT)
        self._check = server.register_script(CHECK)
        self._idle = server.register_script(IDLE)
        self._leave = server.register_script(LEAVE)
        self._publish = server.register_script(PUBLISH)

    @property
    def run_key(self) -> str:
        assert self.run_id is not None, "join() first"
        return f"{self.base}:run:{self.run_id}"

    def key(self, name: str) -> str:
        return f"{self.run_key}:{name}"

    def join(self) -> str:
        """Join the open run, or open a new one; returns its id."""
        run_id = self._join(args=[self.base, self.worker])
        self.run_id = run_id.decode() if isinstance(run_id, bytes) else str(run_id)
        return self.run_id

    def pop(self) -> bytes | None:
        """Move the highest-priority queued request into this worker's in-flight set."""
        return self._pop(args=[self.run_key, self.worker]) or None

    def ack(self, members: list[bytes]) -> None:
        """These popped requests are finished: forget them."""
        if members:
            self.server.zrem(self.key(f"inflight:{self.worker}"), *members)

    def beat(self) -> int:
        """Heartbeat: 1 alive, 0 had been declared dead (re-registered), -1 the run is over."""
        return int(self._beat(args=[self.run_key, self.worker]))

    def check(self) -> str:
        """Reap dead workers, then say ``work``, ``wait``, ``release`` or ``done``."""
        return _text(self._check(args=[self.run_key, self.worker, self.timeout]))

    def idle(self, lists_failed: int, home_pages: int, holding: bool = False) -> str:
        """This worker finished all it popped: mark it idle (or holding), then `check`."""
        return _text(self._idle(args=[
            self.run_key, self.worker, self.timeout, lists_failed, home_pages,
            "holding" if holding else "idle",
        ]))

    def publish(self, lists_failed: int, home_pages: int) -> None:
        """Share this worker's run-wide counts (list pages failed, home pages fetched)."""
        self._publish(args=[self.run_key, self.worker, lists_failed, home_pages])

    def leave(self, why: str = "") -> str:
        """Give unfinished requests back, deregister; the last to leave a done run drops it."""
        return _text(self._leave(args=[self.base, self.run_key, self.worker, why]))

    def summary(self) -> RunSummary:
        info = {_text(k): _text(v) for k, v in self.server.hgetall(self.key("info")).items()}
        lost = {k[5:]: v for k, v in info.items() if k.startswith("lost:")}
        lists = sum(int(v) for k, v in info.items() if k.startswith("lists_failed:"))
        home = sum(int(v) for k, v in info.items() if k.startswith("home:"))
        return RunSummary(lost=lost, lists_failed=lists, home_pages=home)


def _text(value) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)
