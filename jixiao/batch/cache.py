"""The cache of a batch: each file's outcome, by content, in SQLite beside the summary.

A result is found by the hash of the file's bytes (with the rule set and jixiao's
code), not by where the file is: a renamed or moved inbox is all cache hits. The
worker that reads a file hashes those same bytes (``content_key``) and skips the
check when the cache knows the content (``known``); the main process then takes the
row stored for that path, or one stored for the same content under another path,
moved to this one (``moved``) when nothing in it but its file fields names the path.

The folder is often the reviewers' shared inbox, so nothing found there is
trusted: rows are sealed with the user's own secret (``ResultCache``), and a
file at the cache's name that jixiao did not make is left alone. A cache that fails
(a full disk) moves to memory for the rest of the run and leaves no file it made behind.

(Over 400 lines: one store and what it must withstand — a planted cache, other users,
a full disk — kept together because each guards the same rows.)
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jixiao.batch.outcome import Outcome
    from jixiao.xlsx.limits import Limits

CACHE_NAME = ".jixiao-cache.sqlite"


def code_fingerprint() -> str:
    """jixiao's version and a hash of its sources: a cached result of other code is stale."""
    from jixiao import __version__
    digest = hashlib.sha256(__version__.encode())
    for source in sorted(Path(__file__).parents[1].rglob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


class ResultCache:
    """Outcomes by content (hash, rules, code) and file, in SQLite beside the summary.

    Also the store the JSONL is written from at the end, so the main process keeps
    only the summary rows in memory, however many files there are.

    The folder is often the reviewers' shared inbox, so the cache trusts nothing it
    finds there: every row is sealed with an HMAC under the user's own secret
    (``_user_secret``, kept outside that folder), and a row whose seal does not
    match — planted, forged, or written by another user — is ignored and checked
    again. A file at the cache's name that is a link, not a database, or has other
    tables is not used at all (this run keeps its cache in memory); a cache of
    another schema is rebuilt. Each case is a line in ``notes``, never a crash.
    """

    def __init__(self, folder: Path, rules: str | None, limits: Limits | None = None) -> None:
        self.path = folder / CACHE_NAME
        self.code = code_fingerprint()
        # the limits in force (JIXIAO_MAX_ROWS, …) can change any result: another's are stale
        self.salt = f"{self.code}\0{rules or ''}\0{limits_text(limits)}\0"
        self.notes: list[str] = []
        self.untrusted = 0  # rows whose seal did not match, ignored
        self._secret = _user_secret(self.notes)
        # the cache's files there before this run: the others are this run's to remove
        self._found = {name for name in _files_of(self.path) if os.path.lexists(name)}
        self.on_disk = False
        self._pending: list[tuple[object, ...]] = []  # rows put since the last commit
        self.db = self._open()
        self._last_commit = time.monotonic()

    def _open(self) -> sqlite3.Connection:
        why = _not_ours(self.path)
        if why is None:
            try:
                db = sqlite3.connect(self.path, timeout=60)
                try:
                    self._prepare(db, on_disk=True)
                    self.on_disk = True
                    return db
                except BaseException:
                    db.close()
                    raise
            except _Foreign as error:
                why = str(error)
            except sqlite3.Error as error:
                why = f"无法作为缓存使用（{sqlite_error_text(error, self.path.parent)}）"
        made = self._remove_made()  # a cache this run began (a full disk): nothing left
        if self.path in self._found:
            self.notes.append(f"缓存“{self.path}”{why}；本次未使用也未改动它，全部文件重新校验"
                              "（如不需要它，可删除）")
        elif made:
            self.notes.append(f"缓存“{self.path}”{why.replace('无法作为缓存使用', '无法建立')}："
                              "本次只在内存中缓存，已删除本次建立的缓存文件")
        else:  # never made (a read-only folder): nothing to delete, nothing kept
            self.notes.append(f"缓存“{self.path}”{why}：本次只在内存中缓存")
        return self._memory()

    def _memory(self) -> sqlite3.Connection:
        db = sqlite3.connect(":memory:")
        self._prepare(db, on_disk=False)
        return db

    def _remove_made(self) -> bool:
        """Remove the cache's files this run created; whether it had created any."""
        made = [name for name in _files_of(self.path) if name not in self._found
                and os.path.lexists(name)]
        for name in made:
            with contextlib.suppress(OSError):
                os.unlink(name)
        return bool(made)

    def _failed(self, error: sqlite3.Error | None) -> None:
        """The cache on disk failed while written (a full disk, a disk error): the rest of
        the run caches in memory — its rows so far copied there, those not committed put
        again — and the files this run created are removed, giving their space back to
        the summary. A cache there before the run is closed as it is."""
        memory = sqlite3.connect(":memory:")
        with contextlib.suppress(sqlite3.Error):
            self.db.rollback()
        try:
            self.db.backup(memory)
        except sqlite3.Error:
            memory.close()
            memory = self._memory()
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        self.db, self.on_disk = memory, False
        why = (f"写入失败（{sqlite_error_text(error, self.path.parent)}）" if error is not None
               else "所在磁盘空间不足，为写出汇总表让出空间")  # make_room
        # a cache there before the run keeps every file: its -wal may hold pages the full disk
        # kept out of the file itself (deleting it breaks the cache)
        if self.path not in self._found and self._remove_made():
            self.notes.append(f"缓存“{self.path}”{why}：本次改在内存中缓存，"
                              "已删除本次建立的缓存文件，下次运行将全部重新校验")
        else:
            self.notes.append(f"缓存“{self.path}”{why}：本次改在内存中缓存，"
                              "其中没有本次的结果")
        pending, self._pending = self._pending, []
        self.put_rows(pending)

    def outcome_bytes(self) -> int:
        """The bytes of the outcomes stored: about what the JSON Lines of a run take."""
        try:
            return int(self.db.execute(
                "SELECT coalesce(sum(length(outcome)), 0) FROM result").fetchone()[0])
        except sqlite3.Error:
            return 0

    def make_room(self, needed: int) -> None:
        """Before the summary is written beside the cache: where the disk has less than
        ``needed`` bytes free (and a margin) and this run created the cache, the cache
        moves to memory and its files are removed — the summary must not fail for it."""
        import shutil

        if not self.on_disk or self.path in self._found:
            return
        with contextlib.suppress(sqlite3.Error):
            self.commit()
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the WAL's space back
        try:
            free = shutil.disk_usage(self.path.parent).free
        except OSError:
            return
        if free >= needed + _ROOM:
            return
        self._failed(None)

    def _prepare(self, db: sqlite3.Connection, *, on_disk: bool) -> None:
        db.execute("PRAGMA trusted_schema = OFF")  # no functions run from a planted schema
        objects = db.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
        foreign = [name for kind, name, _ in objects
                   if name not in ("result", "outcome", "sqlite_autoindex_result_1",
                                   "result_content")]
        if foreign:
            raise _Foreign(f"含有 jixiao 不会建立的内容（{'、'.join(foreign[:3])}）")
        if on_disk:
            db.execute("PRAGMA journal_mode=WAL")
            # A cache: after a power cut it may lack the last results (they are checked
            # again), but it is never corrupt. No sync on every commit.
            db.execute("PRAGMA synchronous=NORMAL")
        # "outcome": the table of a jixiao before briefs, whose outcomes are stale (other
        # code). Dropped, not altered: that jixiao, if run again, makes it anew.
        db.execute("DROP TABLE IF EXISTS outcome")
        table = next((sql for kind, name, sql in objects if name == "result"), None)
        if table is not None and table != _TABLE:
            db.execute("DROP TABLE result")  # another jixiao's schema: its rows are stale
            self.notes.append(f"缓存“{self.path}”的格式与本版 jixiao 不同，已重建")
        db.execute(_TABLE.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS", 1))
        db.execute("CREATE INDEX IF NOT EXISTS result_content ON result (content)")
        stale = on_disk and self._forget_other_code(db)
        db.commit()
        if stale:
            try:  # give the file back its space; busy (another run has it open): later
                db.execute("VACUUM")  # (into the WAL: the checkpoint shrinks the file)
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error:
                pass

    def _forget_other_code(self, db: sqlite3.Connection) -> bool:
        """Delete the rows another version of jixiao stored; whether there were any.

        A row's key holds the code that checked it, so a row of other code is never found
        again — but it stayed 180 days, and every run read past it: 30,000 rows of
        earlier versions (140 MB) cost a 2,000-file run about 2 s in SQLite (the closing
        purge and ``known`` scan the table). The version that last wrote the cache is
        marked in its ``user_version``; a run of other code empties the table once. (A
        folder used by two versions in turn is checked anew at each change: never a
        wrong result, only time.)"""
        mark = int(self.code[:7], 16)  # 28 bits: SQLite's user_version is a 32-bit int
        if db.execute("PRAGMA user_version").fetchone()[0] == mark:
            return False
        stale = db.execute("SELECT 1 FROM result LIMIT 1").fetchone() is not None
        if stale:
            db.execute("DELETE FROM result")
        db.execute(f"PRAGMA user_version = {mark}")
        return stale

    def key(self, file: str, content: str) -> str:
        """The row of ``file`` with the content ``content_key`` ("" when unreadable)."""
        return row_key(file, content)

    def content_key(self, file: str, digest: str) -> str:
        return content_key(self.salt, file, digest)

    def _seal(self, key: str, text: str) -> str:
        return seal(self._secret, key, text)

    def sealing(self) -> tuple[str, bytes]:
        """What a worker needs to key and seal its rows itself (``worker_row``): the
        salt and the user's secret (sent to this machine's own worker processes only)."""
        return self.salt, self._secret

    def known(self, force: bool = False) -> dict[str, bool]:
        """The contents the cache holds (a prefix of each ``content_key``), and whether
        that content could not be read: what a worker needs to skip a check."""
        if force:
            return {}
        return {content[:_KNOWN]: bool(error) for content, error in self.db.execute(
            "SELECT content, max(error) FROM result WHERE content != '' GROUP BY content")}

    def find(self, file: str, content: str) -> Outcome | None:
        """The outcome in brief of ``file`` whose content is ``content``: its own row, or a
        row of the same content stored for another path, moved to this one (and stored
        for it, so the JSON Lines find it). None: none this user's jixiao sealed, or none
        that can be moved (its messages name the old path)."""
        key = self.key(file, content)
        outcome = self.get(key, brief=True)
        if outcome is not None or not content:
            return outcome
        for other, text, stored in self.db.execute(
                "SELECT key, outcome, outcome_seal FROM result WHERE content = ? AND key != ? "
                "LIMIT 8", (content, key)).fetchall():
            found = self._opened(other, text, stored)
            if found is None or self.key(found.file, content) != other:
                continue
            from jixiao.batch.outcome import moved

            there = moved(found, file)
            if there is not None:
                self.put(key, there, content=content)
                return there.brief()
        return None

    def _opened(self, key: str, text: object, stored: object) -> Outcome | None:
        if not (isinstance(text, str) and isinstance(stored, str)
                and hmac.compare_digest(self._seal(key, text), stored)):
            self.untrusted += 1
            return None
        from jixiao.batch.outcome import Outcome

        try:
            return Outcome.from_json(text)
        except (ValueError, TypeError):  # sealed, so ours: but never let a row crash a batch
            self.untrusted += 1
            return None

    def get(self, key: str, brief: bool = False) -> Outcome | None:
        """The outcome stored under ``key``, in full or in brief (``Outcome.brief``);
        None when there is none, or none this user's jixiao sealed."""
        column, seal = ("brief", "brief_seal") if brief else ("outcome", "outcome_seal")
        row = self.db.execute(f"SELECT {column}, {seal} FROM result WHERE key = ?",
                              (key,)).fetchone()
        if row is None:
            return None
        return self._opened(key, *row)

    def put(self, key: str, outcome: Outcome, texts: tuple[str, str] | None = None,
            content: str = "") -> None:
        """Store ``outcome``; ``texts`` are its ``Outcome.texts`` when the caller has them."""
        text, brief = texts or outcome.texts()
        self.put_rows([_row(key, content, outcome.file, text, brief,
                            outcome.error is not None, self._secret)])

    def put_rows(self, rows: list[tuple[object, ...]]) -> None:
        """Rows made by ``worker_row`` (or ``put``), in one statement."""
        if self.on_disk:
            self._pending.extend(rows)
        try:
            self.db.executemany(f"INSERT OR REPLACE INTO result VALUES ({', '.join('?' * 9)})",
                                rows)
        except sqlite3.OperationalError as error:
            if not self.on_disk:
                raise
            self._failed(error)
            return
        if time.monotonic() - self._last_commit > 2:
            self.commit()

    def touch(self, keys: list[str]) -> None:
        """Mark outcomes used now, for ``close`` to keep them. Only those not marked in
        the last day: rewriting every row (its whole outcome) cost a re-run of 2,000
        files 45 ms, for a date that need only be right to the day."""
        now = time.time()
        try:
            self.db.executemany("UPDATE result SET used = ? WHERE key = ? AND used < ?",
                                [(now, key, now - 86400) for key in keys])
        except sqlite3.OperationalError as error:
            if not self.on_disk:
                raise
            self._failed(error)

    def commit(self) -> None:
        try:
            self.db.commit()
        except sqlite3.OperationalError as error:
            if not self.on_disk:
                raise
            self._failed(error)
        self._pending.clear()
        self._last_commit = time.monotonic()

    def close(self, keep_days: float = 180) -> None:
        if self.untrusted:
            self.notes.append(f"缓存中有 {self.untrusted} 条记录无法验证（不是本用户的 jixiao "
                              "写入的，或已被改动），已忽略并重新校验")
        try:
            self.db.execute("DELETE FROM result WHERE used < ?",
                            (time.time() - keep_days * 86400,))
            self.db.commit()
        except sqlite3.OperationalError as error:
            if not self.on_disk:
                raise
            self._failed(error)
        self.db.close()


_ROOM = 1 << 20  # bytes kept free beyond a summary's estimate (its 统计 sheet, charts)


def _files_of(path: Path) -> list[Path]:
    """The cache's file and SQLite's files beside it."""
    return [path, *(path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal"))]


# SQLite's primary result codes (``sqlite3.Error.sqlite_errorcode`` & 0xFF), in Chinese
_SQLITE_TEXTS = {3: "没有权限", 5: "正被另一个 jixiao 使用", 6: "正被另一个 jixiao 使用",
                 8: "文件或所在磁盘是只读的", 10: "磁盘读写错误", 11: "数据库已损坏",
                 13: "磁盘空间不足", 14: "无法打开", 26: "不是 SQLite 数据库"}
_SQLITE_WORDS = (("full", 13), ("I/O", 10), ("readonly", 8), ("not a database", 26),
                 ("malformed", 11), ("locked", 5), ("unable to open", 14))


def sqlite_error_text(error: BaseException, folder: Path | None = None) -> str:
    """An error of SQLite (the cache) in Chinese. A disk error where the disk is full (as
    SQLite may say of a shared-memory file it cannot grow) is the full disk."""
    import shutil

    code = getattr(error, "sqlite_errorcode", None)
    code = code & 0xFF if isinstance(code, int) else next(
        (number for word, number in _SQLITE_WORDS if word in str(error)), None)
    if code == 10 and folder is not None:
        with contextlib.suppress(OSError):
            if shutil.disk_usage(folder).free < _ROOM:
                code = 13
    return _SQLITE_TEXTS.get(code or 0, f"数据库出错：{error}")


_TABLE = ("CREATE TABLE result (key TEXT PRIMARY KEY, content TEXT, error INTEGER, file TEXT, "
          "outcome TEXT, brief TEXT, used REAL, outcome_seal TEXT, brief_seal TEXT)")
_KNOWN = 20  # hex digits of a content key a worker is told: a rare clash is only a lookup


def content_key(salt: str, file: str, digest: str) -> str:
    """The key of a file's content: its bytes' SHA-256 ``digest`` under ``salt`` (jixiao's
    code and the rule set), and its kind (suffix); then, after "-", 16 hex digits of the
    key of its bytes alone (``same_bytes``). "" when it could not be read.

    The check reads a file by its bytes (an .xlsx named .xls is read as an .xlsx), but
    what it says can still depend on the name's suffix — the wording of a file refused
    (``xlsx.book``, ``xlsx.guard``), the notes of an annotated copy (an .xlsm's macros are
    kept, an .xlsx's not) — so a cached result is found by both. Whether two files are
    the same submission (a duplicate) is told by the bytes alone: 自评表.xls and
    自评表.et, or x.xlsx and x - 副本.XLSX, are one table sent twice."""
    if not digest:
        return ""
    suffix = os.path.splitext(file)[1].lower()
    read = hashlib.sha256(f"{salt}{suffix}\0{digest}".encode()).hexdigest()
    return f"{read}-{hashlib.sha256(f'{salt}{digest}'.encode()).hexdigest()[:16]}"


def limits_text(limits: Limits | None = None) -> str:
    """The ``Limits`` in force (by default the environment's) as part of a cache key: a
    sheet skipped past ``max_rows``, a file refused past a size, a formula left
    uncalculated — what a file's result says can depend on any of them."""
    import dataclasses

    from jixiao.xlsx.limits import Limits

    limits = limits or Limits.from_environment()
    return ",".join(str(value) for value in dataclasses.astuple(limits))


def given_up_key(content: str, seconds: float | None) -> str:
    """The ``content_key`` a result given up on at the time limit ``seconds`` is stored
    under: the check was cut short, so it holds for that limit only — another limit
    (--timeout, JIXIAO_TIMEOUT) checks the file again. A finished result holds for any
    limit (the time a check took does not change what it says), so the other files of a
    run under another limit are still found. The bytes' part (``same_bytes``) is kept:
    duplicates are told as before."""
    if not content or seconds is None:
        return content
    read, _, same = content.rpartition("-")
    return hashlib.sha256(f"{read}\0{seconds!r}".encode()).hexdigest() + "-" + same


def in_transit_key(content: str) -> str:
    """The ``content_key`` a file perhaps still being copied is stored under
    (``errors.in_transit``): what was said of it holds for the moment it was checked, so
    the row serves this run (its JSON Lines) but no later run finds it — the same bytes
    are checked again, when they are older. The bytes' part (``same_bytes``) is kept."""
    if not content:
        return content
    read, _, same = content.rpartition("-")
    return hashlib.sha256(f"{read}\0in transit".encode()).hexdigest() + "-" + same


def same_bytes(content: str) -> str:
    """The part of a ``content_key`` that is the file's bytes alone (its suffix aside):
    equal for two files with the same bytes, whatever their names; "" for ""."""
    return content.rpartition("-")[2]


def row_key(file: str, content: str) -> str:
    """The row of one path with one content: each path keeps its own row (the JSON Lines
    are read back by it), found by its content from any other path."""
    return hashlib.sha256(f"{content}\0{file}".encode("utf-8", "surrogateescape")).hexdigest()


def seal(secret: bytes, key: str, text: str) -> str:
    return hmac.digest(secret, f"{key}\0{text}".encode(), "sha256").hex()  # one C call


def _row(key: str, content: str, file: str, text: str, brief: str, error: bool,
         secret: bytes) -> tuple[object, ...]:
    from jixiao.batch.outcome import shown_name

    return (key, content, int(error), shown_name(file), text, brief, time.time(),
            seal(secret, key, text), seal(secret, key, brief))


def worker_row(sealing: tuple[str, bytes], file: str, content: str, texts: tuple[str, str],
               error: bool) -> tuple[object, ...]:
    """The cache row of a checked file, keyed and sealed where it was checked (a worker
    process of this machine), so the main process only inserts it."""
    return _row(row_key(file, content), content, file, *texts, error, sealing[1])


def is_known(known: dict[str, bool], content: str) -> bool | None:
    """Whether ``known`` (``ResultCache.known``) holds ``content``: None if not, else
    whether that content was unreadable."""
    return known.get(content[:_KNOWN]) if content else None


class _Foreign(Exception):
    """A database at the cache's name that jixiao did not make."""


def _not_ours(path: Path) -> str | None:
    """Why the file at the cache's name (or its journal) must not be opened: a link
    could make SQLite write elsewhere. None: nothing there yet (then it is created
    exclusively, so no one else's file is taken), or a regular file."""
    import stat

    for name in (path, *(path.with_name(path.name + end) for end in ("-wal", "-shm",
                                                                        "-journal"))):
        try:
            mode = os.lstat(name).st_mode
        except FileNotFoundError:
            continue
        except OSError as error:
            from jixiao.fileio import os_error_text

            return f"无法读取（{os_error_text(error)}）"
        if not stat.S_ISREG(mode):
            return f"的“{name.name}”不是普通文件（可能是指向别处的链接）"
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                         | getattr(os, "O_NOFOLLOW", 0), 0o644))
    except FileExistsError:
        pass
    except OSError as error:
        from jixiao.fileio import os_error_text

        return f"无法建立（{os_error_text(error)}）"
    return None


SECRET_NAME = "cache-secret"


def _user_secret(notes: list[str]) -> bytes:
    """The key the cache's rows are sealed with: 32 random bytes in a file of the user's
    own (``$XDG_CACHE_HOME/jixiao``, ``~/.cache/jixiao``, ``%LOCALAPPDATA%\\jixiao``;
    else a private folder in the temporary folder), created exclusively with mode 0600
    and trusted only while it is still a private regular file. Kept there, not beside
    the cache: an archive unzipped into the inbox could plant a key beside a forged
    cache, but not here. Without such a file, a key for this run only (nothing cached
    is then trusted next time)."""
    import tempfile

    problem = ""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    for folder in (_user_cache_folder(), Path(tempfile.gettempdir()) / f"jixiao-{uid}"):
        try:
            return _secret_in(folder)
        except OSError as error:
            from jixiao.fileio import os_error_text

            problem = problem or (os_error_text(error) if error.errno else str(error))
    import secrets

    notes.append(f"无法保存缓存密钥（{problem}）：本次结果仍会缓存，但下次不会被采用")
    return secrets.token_bytes(32)


def _secret_in(folder: Path) -> bytes:
    import secrets
    import stat

    def private(info: os.stat_result, kind: Callable[[int], bool]) -> bool:
        return kind(info.st_mode) and (os.name != "posix" or (
            info.st_uid == os.getuid() and not info.st_mode & 0o077))

    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not private(os.lstat(folder), stat.S_ISDIR):
        raise OSError(f"“{folder}”不是只有本用户能访问的文件夹")
    path = folder / SECRET_NAME
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | nofollow, 0o600)
    except FileExistsError:
        handle = os.open(path, os.O_RDONLY | nofollow)
        try:
            secret = os.read(handle, 64) if private(os.fstat(handle), stat.S_ISREG) else b""
        finally:
            os.close(handle)
        if len(secret) < 32:
            raise OSError(f"“{path}”不是只有本用户可读的密钥文件") from None
        return secret
    secret = secrets.token_bytes(32)
    try:
        os.write(handle, secret)
    finally:
        os.close(handle)
    return secret


def _user_cache_folder() -> Path:
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "jixiao"
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base and os.path.isabs(base) else Path.home() / ".cache") / "jixiao"


def content_hash(file: str) -> str:
    """SHA-256 of the file's bytes; "" when it cannot be read or is not a regular file
    (the check will say why). Opened without waiting: a named pipe put in place of a
    file after discovery must not hang the batch."""
    return hashed_content(file)[0]


def hashed_content(file: str, keep: int = 0) -> tuple[str, bytes | None]:
    """``content_hash(file)``, and the bytes hashed when the file holds at most ``keep``
    of them (the worker checks those same bytes: the file is read once), else None."""
    import stat

    digest = hashlib.sha256()
    try:
        handle = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return "", None
    with open(handle, "rb") as stream:
        try:
            status = os.fstat(handle)
            if not stat.S_ISREG(status.st_mode):
                return "", None
            if 0 < status.st_size <= keep:
                # the size as it is now, and one byte more to see it has not grown (a
                # read of ``keep`` bytes would allocate all of them, for every file)
                data = stream.read(status.st_size + 1)
                if len(data) <= status.st_size:  # all of it
                    digest.update(data)
                    return digest.hexdigest(), data
                digest.update(data)
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                digest.update(chunk)
        except OSError:
            return "", None
    return digest.hexdigest(), None


__all__ = ["CACHE_NAME", "ResultCache", "code_fingerprint", "content_hash", "content_key",
           "given_up_key", "hashed_content", "limits_text", "row_key", "same_bytes",
           "sqlite_error_text", "worker_row"]
