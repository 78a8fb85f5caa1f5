"""A small writer of compound files ([MS-CFB] version 3, 512-byte sectors).

``write({"PROJECT": b"…", "VBA": {"dir": b"…", …}})`` gives the bytes of a
compound file with those storages (dicts) and streams (bytes). Streams below
4096 bytes live in the mini stream, as the format requires. Each storage's
children form a balanced binary search tree in the format's name order, every
node black (2.6.4 allows it). No time stamps or CLSIDs: the output depends on
the input only.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Mapping
from dataclasses import dataclass, field

SECTOR, MINI_SECTOR, CUTOFF = 512, 64, 4096
FREESECT, ENDOFCHAIN, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")
STORAGE, STREAM, ROOT = 1, 2, 5
BLACK = 1

Tree = Mapping[str, "bytes | Tree"]


@dataclass
class _Entry:
    name: str
    kind: int
    data: bytes = b""
    children: list[int] = field(default_factory=list)
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM
    start: int = ENDOFCHAIN
    size: int = 0


def _order(name: str) -> tuple[int, str]:
    """2.6.4: shorter names first, then by upper-case code points."""
    return len(name), name.upper()


def _entries(tree: Tree) -> list[_Entry]:
    entries = [_Entry("Root Entry", ROOT)]

    def add(parent: int, items: Tree) -> None:
        for name, value in items.items():
            if len(name) > 31 or any(c in name for c in "/\\:!"):
                raise ValueError(f"bad compound file name {name!r}")
            index = len(entries)
            if isinstance(value, Mapping):
                entries.append(_Entry(name, STORAGE))
                add(index, value)
            else:
                entries.append(_Entry(name, STREAM, bytes(value)))
            entries[parent].children.append(index)

    add(0, tree)
    for entry in entries:
        entry.child = _balanced(entries, sorted(entry.children, key=lambda i: _order(entries[i].name)))
    return entries


def _balanced(entries: list[_Entry], ordered: list[int]) -> int:
    if not ordered:
        return NOSTREAM
    middle = len(ordered) // 2
    node = entries[ordered[middle]]
    node.left = _balanced(entries, ordered[:middle])
    node.right = _balanced(entries, ordered[middle + 1:])
    return ordered[middle]


def _chain(fat: list[int], start: int, count: int) -> None:
    for i in range(count):
        fat[start + i] = start + i + 1 if i < count - 1 else ENDOFCHAIN


def write(tree: Tree) -> bytes:
    entries = _entries(tree)
    streams = [e for e in entries if e.kind == STREAM]

    mini = bytearray()
    mini_fat: list[int] = []
    big: list[_Entry] = []
    for entry in streams:
        entry.size = len(entry.data)
        if entry.size == 0:
            entry.start = ENDOFCHAIN
        elif entry.size < CUTOFF:
            count = math.ceil(entry.size / MINI_SECTOR)
            entry.start = len(mini_fat)
            mini_fat.extend([0] * count)
            _chain(mini_fat, entry.start, count)
            mini += entry.data.ljust(count * MINI_SECTOR, b"\0")
        else:
            big.append(entry)

    sectors: list[bytes] = []
    fat: list[int] = []

    def place(data: bytes) -> int:
        if not data:
            return ENDOFCHAIN
        count = math.ceil(len(data) / SECTOR)
        start = len(sectors)
        padded = data.ljust(count * SECTOR, b"\0")
        sectors.extend(padded[i * SECTOR:(i + 1) * SECTOR] for i in range(count))
        fat.extend([0] * count)
        _chain(fat, start, count)
        return start

    for entry in big:
        entry.start = place(entry.data)
    root = entries[0]
    root.start, root.size = place(bytes(mini)), len(mini)
    mini_fat_bytes = b"".join(struct.pack("<I", v) for v in mini_fat)
    if mini_fat:
        mini_fat_bytes = mini_fat_bytes.ljust(math.ceil(len(mini_fat_bytes) / SECTOR) * SECTOR,
                                              b"\xff")
    first_mini_fat = place(mini_fat_bytes)
    mini_fat_sectors = len(mini_fat_bytes) // SECTOR
    directory = b"".join(_directory_entry(e) for e in entries)
    free_entries = (-len(entries)) % (SECTOR // 128)
    directory += _free_entry() * free_entries
    first_directory = place(directory)

    fat_count = 0
    while math.ceil((len(sectors) + fat_count) / (SECTOR // 4)) > fat_count:
        fat_count += 1
    if fat_count > 109:
        raise ValueError("compound file too large for a header-only DIFAT")
    fat_start = len(sectors)
    fat.extend([FATSECT] * fat_count)
    fat.extend([FREESECT] * (fat_count * (SECTOR // 4) - len(fat)))
    table = b"".join(struct.pack("<I", v) for v in fat)
    sectors.extend(table[i * SECTOR:(i + 1) * SECTOR] for i in range(fat_count))

    difat = [fat_start + i for i in range(fat_count)] + [FREESECT] * (109 - fat_count)
    header = (SIGNATURE + b"\0" * 16
              + struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, fat_count, first_directory, 0, CUTOFF,
                            first_mini_fat if mini_fat else ENDOFCHAIN, mini_fat_sectors,
                            ENDOFCHAIN, 0)
              + struct.pack("<109I", *difat))
    assert len(header) == SECTOR
    return header + b"".join(sectors)


def _directory_entry(entry: _Entry) -> bytes:
    name = entry.name.encode("utf-16-le") + b"\0\0"
    return (name.ljust(64, b"\0") + struct.pack("<HBB", len(name), entry.kind, BLACK)
            + struct.pack("<III", entry.left, entry.right, entry.child)
            + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
            + struct.pack("<IQ", entry.start if entry.kind != STORAGE else 0, entry.size))


def _free_entry() -> bytes:
    return (b"\0" * 64 + struct.pack("<HBB", 0, 0, 0)
            + struct.pack("<III", NOSTREAM, NOSTREAM, NOSTREAM) + b"\0" * 48)
