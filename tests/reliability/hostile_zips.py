"""Hostile ZIPs made in the test, byte by byte (zipfile itself would take seconds to write them):

- `many_entries`: 225,000 empty entries, about 19 MB, with the ZIP64 end records zipfile writes past
  65,535 entries; `lying` sets the classic record's entry count to 3 while the directory holds them all.
- `high_ratio`: about 8 MB of deflated entries that each inflate to 16 MB at ~90:1, just under the
  100:1 bomb limit, so every one of them is inflated in full until the 200 MB total is reached."""

from __future__ import annotations

import random
import struct
import zlib

_LOCAL = "<4s2B4HL2L2H"
_CENTRAL = "<4s4B4HL2L5H2L"


def _name(i: int) -> bytes:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    for _ in range(4):
        i, r = divmod(i, 36)
        out = digits[r] + out
    return out.encode()


def _archive(entries: list[tuple[bytes, bytes, int, int]], *, claimed_count: int | None = None) -> bytes:
    """`entries`: (name, deflated bytes, crc32, inflated size)."""
    body, directory = bytearray(), bytearray()
    for name, packed, crc, size in entries:
        offset = len(body)
        method = 8 if packed else 0
        body += struct.pack(
            _LOCAL, b"PK\x03\x04", 20, 0, 0, method, 0, 0x21, crc, len(packed), size, len(name), 0
        )
        body += name + packed
        directory += struct.pack(
            _CENTRAL,
            b"PK\x01\x02",
            45,
            3,
            20,
            0,
            0,
            method,
            0,
            0x21,
            crc,
            len(packed),
            size,
            len(name),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        directory += name
    count = len(entries)
    cd_offset, cd_size = len(body), len(directory)
    out = body + directory
    if count > 0xFFFF and claimed_count is None:
        eocd64_at = len(out)
        out += struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, cd_size, cd_offset)
        out += struct.pack("<4sLQL", b"PK\x06\x07", 0, eocd64_at, 1)
        shown = 0xFFFF
    else:
        shown = min(0xFFFF, claimed_count if claimed_count is not None else count)
    out += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, shown, shown, cd_size, cd_offset, 0)
    return bytes(out)


def many_entries(n: int = 225_000, *, claimed_count: int | None = None) -> bytes:
    empty = (0, 0)
    return _archive([(_name(i), b"", *empty) for i in range(n)], claimed_count=claimed_count)


def high_ratio(total_packed: int = 8 * 1024 * 1024, entry_size: int = 16 * 1024 * 1024) -> bytes:
    rng = random.Random(7)
    raw = bytearray(entry_size)
    for i in range(0, entry_size, 350):  # one random byte in 350 zeros: ~90:1 under deflate
        raw[i] = rng.randrange(256)
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    packed = packer.compress(bytes(raw)) + packer.flush()
    crc = zlib.crc32(raw)
    count = max(1, total_packed // len(packed))
    return _archive([(f"part{i:03d}.bin".encode(), packed, crc, entry_size) for i in range(count)])
