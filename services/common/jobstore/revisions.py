"""Writes to a job applied only if its hash is still at the revision they were decided on, and a
new job's writes applied only if its Idempotency-Key still names what the caller saw.

A transition reads the job hash, decides in Python what to write, and sends the writes with the
revision it read to one Lua script. Redis runs the script atomically: it applies the writes and
bumps the revision when nobody changed the job in between (answering the new revision), or
answers the hash as it now is. So a transition costs one round trip when the caller already holds the job as it was
last written (a worker going from one stage to the next), two when it must read it first — where
WATCH, a read, then MULTI … EXEC cost three — and a lost race is retried on the hash the script
answered, without reading it again.
"""
from __future__ import annotations

from typing import Any

import redis

# The hash field counting the job's writes; a job stored before revisions existed is at "0".
REVISION = "rev"

# Lua: run the commands Writes.flat() gave, from ARGV[first] on (each one's length, then it).
_RUN_WRITES = """
local i = {first}
while i <= #ARGV do
  local argc = tonumber(ARGV[i])
  redis.call(unpack(ARGV, i + 1, i + argc))
  i = i + argc + 1
end
"""

_APPLY = """
if redis.call('EXISTS', KEYS[1]) == 0 then return {-1, {}} end
local rev = redis.call('HGET', KEYS[1], 'rev') or '0'
if rev ~= ARGV[1] then return {0, redis.call('HGETALL', KEYS[1])} end
""" + _RUN_WRITES.format(first=3) + """
redis.call('HINCRBY', KEYS[1], 'rev', 1)
-- Long-polls learn the job's status from the event and read the job only when it matters.
redis.call('PUBLISH', ARGV[2], redis.call('HGET', KEYS[1], 'status') or 'deleted')
return {1, redis.call('HGET', KEYS[1], 'rev')}
"""

APPLIED, STALE, GONE = 1, 0, -1

# A new job's writes, unless the Idempotency-Key (KEYS[1], if any) no longer holds ARGV[1] ("" for
# none): then the key's value as it is now. One command where a transaction of ten cost the API
# a reply parsed per command (~40 µs of a submission's ~1.2 ms of CPU).
_CREATE = """
if #KEYS == 1 then
  local now = redis.call('GET', KEYS[1]) or ''
  if now ~= ARGV[1] then return {now} end
end
""" + _RUN_WRITES.format(first=2) + """
return {}
"""


class Writes:
    """Commands queued by a transition's decision (sent to Redis together by ``Revisions.apply``)
    or by a new job (``Revisions.create``).

    Offers the few commands these use, with redis-py's argument conventions, so the stats
    helpers (and kombu's message commands) can queue on it as on a pipeline.
    """

    def __init__(self) -> None:
        self.commands: list[tuple[Any, ...]] = []

    def __bool__(self) -> bool:
        return bool(self.commands)

    def flat(self) -> list[Any]:
        """The commands as the scripts read them: each one's length, then the command."""
        args: list[Any] = []
        for command in self.commands:
            args += [len(command), *command]
        return args

    def hash_fields(self, name: str) -> dict[str, str]:
        """The fields these writes set in hash ``name``, as Redis will hold them."""
        written: dict[str, str] = {}
        for command in self.commands:
            if command[0] == "HSET" and command[1] == name:
                for i in range(2, len(command), 2):
                    written[command[i]] = str(command[i + 1])
        return written

    def hset(self, name: str, key: str | None = None, value: Any = None,
             mapping: dict | None = None) -> None:
        pairs = [] if key is None else [key, value]
        for field, val in (mapping or {}).items():
            pairs += [field, val]
        self.commands.append(("HSET", name, *pairs))

    def expireat(self, name: str, when: int, gt: bool = False, nx: bool = False) -> None:
        self.commands.append(("EXPIREAT", name, when, *(("GT",) if gt else ()), *(("NX",) if nx else ())))

    def lpush(self, name: str, *values: Any) -> None:
        self.commands.append(("LPUSH", name, *values))

    def hincrby(self, name: str, key: str, amount: int = 1) -> None:
        self.commands.append(("HINCRBY", name, key, amount))

    def set(self, name: str, value: Any, exat: int | None = None) -> None:
        self.commands.append(("SET", name, value, *(("EXAT", exat) if exat else ())))

    def delete(self, *names: str) -> None:
        self.commands.append(("DEL", *names))

    def zadd(self, name: str, mapping: dict, xx: bool = False) -> None:
        pairs = [x for member, score in mapping.items() for x in (score, member)]
        self.commands.append(("ZADD", name, *(("XX",) if xx else ()), *pairs))

    def zrem(self, name: str, *members: str) -> None:
        self.commands.append(("ZREM", name, *members))



class Revisions:
    """Reads and guarded writes of job hashes on one Redis client."""

    def __init__(self, client: redis.Redis):
        self._apply = client.register_script(_APPLY)
        self._create = client.register_script(_CREATE)

    def apply(self, job_key: str, fields: dict[str, str], writes: Writes,
              channel: str) -> tuple[int, dict[str, str]]:
        """Apply ``writes`` if the job hash is still ``fields``: (APPLIED | STALE | GONE, the job
        hash as it now is). Once applied, the job's new status is published on ``channel``."""
        args = [fields.get(REVISION, "0"), channel, *writes.flat()]
        outcome, answer = self._apply(keys=[job_key], args=args)
        if outcome != APPLIED:
            return outcome, pairs(answer)
        return outcome, {**fields, **writes.hash_fields(job_key), REVISION: answer.decode()}

    def create(self, marker_key: str | None, seen: bytes, writes: Writes) -> bytes | None:
        """Apply a new job's ``writes`` and answer None, unless ``marker_key`` (an Idempotency-Key's,
        or None) no longer holds ``seen`` (b"" for nothing): then write nothing and answer what the
        key holds now (b"" if nothing)."""
        answer = self._create(keys=[marker_key] if marker_key else [], args=[seen, *writes.flat()])
        return answer[0] if answer else None


def pairs(flat: list[bytes]) -> dict[str, str]:
    """An HGETALL answered as a flat list, as the dict redis-py makes of HGETALL."""
    return {flat[i].decode(): flat[i + 1].decode() for i in range(0, len(flat), 2)}
