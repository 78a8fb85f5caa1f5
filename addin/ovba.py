"""A VBA project of source code only, as [MS-OVBA] describes it.

Just what ``build.py`` needs to write ``xl/vbaProject.bin`` without p-code (the
host compiles the source when it first loads the project, as it does for
xlwings' own add-ins, whose ``_VBA_PROJECT`` stream is the same 7 bytes):

- ``compress``/``decompress``: the run-length compression of 2.4.1;
- ``encrypt``/``decrypt``: the data encryption of 2.4.3 (CMG, DPB, GC);
- ``dir_stream``, ``project_stream``, ``project_wm_stream``: the records of
  2.3.4.2, 2.3.1 and 2.3.3 for a project without password or help file;
- ``read_dir``: the module records of an existing project, to take xlwings'
  modules out of its shipped add-in.

Everything is deterministic: no time stamps, fixed seeds, cookies 0xFFFF.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

CHUNK = 4096
VBA_PROJECT_STREAM = bytes.fromhex("cc61ffff000100")  # 2.3.4.1: no performance cache
PROCEDURAL, DOCUMENT_OR_CLASS = 0x0021, 0x0022       # MODULETYPE record ids
HOST_EXTENDER = "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000"


# ------------------------------------------------------------ 2.4.1 compression

def _bit_count(difference: int) -> int:
    """2.4.1.3.19.1 CopyToken Help: bits of a copy token's offset part."""
    return max((difference - 1).bit_length(), 4)


def _compress_chunk(chunk: bytes) -> bytes:
    out = bytearray()
    seen: dict[bytes, list[int]] = {}
    pos, end = 0, len(chunk)

    def remember(start: int, stop: int) -> None:
        for p in range(start, stop):
            if p + 3 <= end:
                seen.setdefault(chunk[p:p + 3], []).append(p)

    while pos < end:
        flag_at = len(out)
        out.append(0)
        flags = 0
        for bit in range(8):
            if pos >= end:
                break
            best_length, best_offset = 0, 0
            if pos > 0:
                bits = _bit_count(pos)
                maximum = min((0xFFFF >> bits) + 3, end - pos)
                for candidate in reversed(seen.get(chunk[pos:pos + 3], ())[-64:]):
                    length = 0
                    while length < maximum and chunk[candidate + length] == chunk[pos + length]:
                        length += 1
                    if length > best_length:
                        best_length, best_offset = length, pos - candidate
                        if length == maximum:
                            break
            if best_length >= 3:
                token = ((best_offset - 1) << (16 - bits)) | (best_length - 3)
                out += struct.pack("<H", token)
                flags |= 1 << bit
                remember(pos, pos + best_length)
                pos += best_length
            else:
                out.append(chunk[pos])
                remember(pos, pos + 1)
                pos += 1
        out[flag_at] = flags
    return bytes(out)


def compress(data: bytes) -> bytes:
    """2.4.1.3.6: a CompressedContainer holding ``data``."""
    out = bytearray(b"\x01")
    for start in range(0, len(data), CHUNK):
        chunk = data[start:start + CHUNK]
        body = _compress_chunk(chunk)
        if len(body) > CHUNK:
            if len(chunk) < CHUNK:
                raise ValueError("incompressible final chunk")  # never for source text
            out += struct.pack("<H", 0x3000 | (CHUNK + 2 - 3)) + chunk  # raw chunk
        else:
            out += struct.pack("<H", 0xB000 | (len(body) + 2 - 3)) + body
    return bytes(out)


def decompress(data: bytes) -> bytes:
    """2.4.1.3.1: the bytes of a CompressedContainer."""
    if not data or data[0] != 1:
        raise ValueError("not a compressed container")
    out = bytearray()
    pos = 1
    while pos < len(data):
        (header,) = struct.unpack_from("<H", data, pos)
        chunk_end = min(pos + (header & 0x0FFF) + 3, len(data))
        pos += 2
        start = len(out)
        if not header & 0x8000:
            out += data[pos:pos + CHUNK]
            pos += CHUNK
            continue
        while pos < chunk_end:
            flags = data[pos]
            pos += 1
            for bit in range(8):
                if pos >= chunk_end:
                    break
                if not flags >> bit & 1:
                    out.append(data[pos])
                    pos += 1
                    continue
                (token,) = struct.unpack_from("<H", data, pos)
                pos += 2
                bits = _bit_count(len(out) - start)
                length = (token & (0xFFFF >> bits)) + 3
                offset = (token >> (16 - bits)) + 1
                for _ in range(length):
                    out.append(out[-offset])
    return bytes(out)


# ------------------------------------------------------------ 2.4.3 data encryption

def _project_key(project_id: str) -> int:
    return sum(project_id.encode("ascii")) & 0xFF


def encrypt(project_id: str, data: bytes, seed: int) -> bytes:
    """2.4.3.2; ``seed`` is fixed by the caller so that the output is reproducible."""
    key = _project_key(project_id)
    version_enc, key_enc = seed ^ 2, seed ^ key
    out = bytearray([seed, version_enc, key_enc])
    state = [key, key_enc, version_enc]  # UnencryptedByte1, EncryptedByte1, EncryptedByte2

    def put(byte: int) -> None:
        encrypted = byte ^ ((state[2] + state[0]) & 0xFF)
        out.append(encrypted)
        state[:] = [byte, encrypted, state[1]]

    for _ in range((seed & 6) // 2):
        put(0)
    for byte in struct.pack("<I", len(data)) + data:
        put(byte)
    return bytes(out)


def decrypt(data: bytes) -> tuple[int, bytes]:
    """2.4.3.3: (project key, data) of an encrypted value."""
    seed, version_enc, key_enc = data[0], data[1], data[2]
    key = seed ^ key_enc
    if seed ^ version_enc != 2:
        raise ValueError("unknown encryption version")
    plain = bytearray()
    unencrypted, encrypted1, encrypted2 = key, key_enc, version_enc
    for byte in data[3:]:
        value = byte ^ ((encrypted2 + unencrypted) & 0xFF)
        plain.append(value)
        unencrypted, encrypted1, encrypted2 = value, byte, encrypted1
    skip = (seed & 6) // 2
    (length,) = struct.unpack_from("<I", plain, skip)
    return key, bytes(plain[skip + 4:skip + 4 + length])


# ------------------------------------------------------------ streams of a project

@dataclass(frozen=True)
class Module:
    name: str
    source: str                 # CRLF lines, ``Attribute VB_Name = …`` first
    kind: str = "module"        # "module", "class" or "document"
    docstring: str = ""

    @property
    def type_record(self) -> int:
        return PROCEDURAL if self.kind == "module" else DOCUMENT_OR_CLASS


def _record(record_id: int, data: bytes) -> bytes:
    return struct.pack("<HI", record_id, len(data)) + data


def _text(value: str, codepage: str) -> bytes:
    return value.encode(codepage)


def _unicode(value: str) -> bytes:
    return value.encode("utf-16-le")


def dir_stream(project_name: str, modules: list[Module], references: bytes,
               codepage: int = 1252, lcid: int = 0x0409) -> bytes:
    """2.3.4.2: the uncompressed ``VBA/dir`` stream. ``references`` are whole
    REFERENCE records (name and registered/control parts), copied as they are."""
    cp = f"cp{codepage}"
    out = bytearray()
    out += _record(0x0001, struct.pack("<I", 1))               # SYSKIND: 32-bit Windows
    out += _record(0x0002, struct.pack("<I", lcid))            # LCID
    out += _record(0x0014, struct.pack("<I", lcid))            # LCIDINVOKE
    out += _record(0x0003, struct.pack("<H", codepage))        # CODEPAGE
    out += _record(0x0004, _text(project_name, cp))            # NAME
    out += _record(0x0005, b"") + _record(0x0040, b"")         # DOCSTRING (+ unicode)
    out += _record(0x0006, b"") + _record(0x003D, b"")         # HELPFILEPATH 1 and 2
    out += _record(0x0007, struct.pack("<I", 0))               # HELPCONTEXT
    out += _record(0x0008, struct.pack("<I", 0))               # LIBFLAGS
    out += struct.pack("<HIIH", 0x0009, 4, 1, 0)               # VERSION 1.0
    out += _record(0x000C, b"") + _record(0x003C, b"")         # CONSTANTS (+ unicode)
    out += references
    out += _record(0x000F, struct.pack("<H", len(modules)))    # MODULES
    out += _record(0x0013, struct.pack("<H", 0xFFFF))          # PROJECTCOOKIE
    for module in modules:
        out += _record(0x0019, _text(module.name, cp))
        out += _record(0x0047, _unicode(module.name))
        out += _record(0x001A, _text(module.name, cp)) + _record(0x0032, _unicode(module.name))
        out += (_record(0x001C, _text(module.docstring, cp))
                + _record(0x0048, _unicode(module.docstring)))
        out += _record(0x0031, struct.pack("<I", 0))           # source at offset 0
        out += _record(0x001E, struct.pack("<I", 0))           # HELPCONTEXT
        out += _record(0x002C, struct.pack("<H", 0xFFFF))      # COOKIE
        out += _record(module.type_record, b"")
        out += _record(0x002B, b"")                            # module terminator
    out += _record(0x0010, b"")                                # dir terminator
    return bytes(out)


def project_stream(project_id: str, project_name: str, modules: list[Module],
                   codepage: int = 1252) -> bytes:
    """2.3.1: the ``PROJECT`` stream, no password, visible, no workspace section."""
    kinds = {"document": "Document={}/&H00000000", "class": "Class={}", "module": "Module={}"}
    lines = [f'ID="{project_id}"']
    lines += [kinds[module.kind].format(module.name) for module in modules]
    lines += [f'Name="{project_name}"', 'HelpContextID="0"', 'VersionCompatible32="393222000"']
    for key, data, seed in (("CMG", b"\0\0\0\0", 0x17), ("DPB", b"\0", 0x29), ("GC", b"\xff", 0x3B)):
        lines.append(f'{key}="{encrypt(project_id, data, seed).hex().upper()}"')
    lines += ["", "[Host Extender Info]", HOST_EXTENDER]
    return "".join(line + "\r\n" for line in lines).encode(f"cp{codepage}")


def project_wm_stream(modules: list[Module], codepage: int = 1252) -> bytes:
    """2.3.3: the ``PROJECTwm`` stream, each module name in MBCS and UTF-16."""
    out = bytearray()
    for module in modules:
        out += module.name.encode(f"cp{codepage}") + b"\0"
        out += module.name.encode("utf-16-le") + b"\0\0"
    return bytes(out + b"\0\0")


def module_stream(module: Module, codepage: int = 1252) -> bytes:
    """2.3.4.3: a module stream without performance cache: the compressed source."""
    return compress(module.source.encode(f"cp{codepage}"))


# ------------------------------------------------------------ reading

@dataclass(frozen=True)
class ModuleRecord:
    name: str
    stream: str
    offset: int
    kind: int          # PROCEDURAL or DOCUMENT_OR_CLASS
    docstring: str


def iter_records(data: bytes):
    """(id, payload, raw bytes) of each record of an uncompressed dir stream."""
    pos = 0
    while pos < len(data):
        record_id, size = struct.unpack_from("<HI", data, pos)
        if record_id == 0x0009:  # PROJECTVERSION: its "size" is a reserved 4, then 6 bytes
            size = 6
        yield record_id, data[pos + 6:pos + 6 + size], data[pos:pos + 6 + size]
        pos += 6 + size


def read_dir(data: bytes) -> tuple[int, list[ModuleRecord], dict[str, bytes]]:
    """Code page, module records and REFERENCE records (by name) of a dir stream."""
    codepage, modules, references = 1252, [], {}
    current: dict[str, object] = {}
    reference_name, in_modules = None, False
    for record_id, payload, raw in iter_records(data):
        if record_id == 0x0003:
            (codepage,) = struct.unpack("<H", payload)
        elif record_id == 0x000F:
            in_modules, reference_name = True, None
        elif not in_modules and record_id == 0x0016:
            reference_name = payload.decode(f"cp{codepage}")
            references[reference_name] = raw
        elif not in_modules and reference_name is not None:
            references[reference_name] += raw
        elif record_id == 0x0019:
            current = {"name": payload.decode(f"cp{codepage}"), "docstring": ""}
        elif record_id == 0x001A:
            current["stream"] = payload.decode(f"cp{codepage}")
        elif record_id == 0x001C:
            current["docstring"] = payload.decode(f"cp{codepage}")
        elif record_id == 0x0031:
            (current["offset"],) = struct.unpack("<I", payload)
        elif record_id in (PROCEDURAL, DOCUMENT_OR_CLASS):
            current["kind"] = record_id
        elif record_id == 0x002B:
            modules.append(ModuleRecord(**current))  # type: ignore[arg-type]
    return codepage, modules, references
