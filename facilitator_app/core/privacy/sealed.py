"""Encrypted exchange packages: a container around the package's ZIP bytes.

    magic      8 bytes  b"\\x89FAPKG\\r\\n"  (never the start of a ZIP, a text or an SQLite file)
    version    1 byte   1
    scrypt     3 bytes  log2(N), r, p
    salt      16 bytes  for scrypt
    nonce     12 bytes  for AES-256-GCM
    check      8 bytes  first bytes of SHA-256("key check" + key): tells a wrong key from damage
    assembly   1 byte length + the assembly's id (ASCII), so "another assembly" can be said
    ciphertext          AES-256-GCM of the ZIP bytes, its 16-byte tag at the end

The whole header is the GCM's associated data: a changed byte anywhere, header or body, makes
`open_sealed` refuse the package before a single byte of it is parsed. The key comes from
scrypt over the assembly's passphrase (the passphrase of its encrypted file, which the
secretariat gives to each laptop's facilitator), with a fresh salt per `PackageKey`.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"\x89FAPKG\r\n"
VERSION = 1
LOG2_N, R, P = 15, 8, 1           # scrypt: 32 MiB and ~0.1 s per derivation on a laptop
_FIXED = struct.Struct(">8sB3B16s12s8sB")


class SealError(Exception):
    """Base of the reasons a sealed package cannot be opened (exchange.py words them for people)."""


class NotSealed(SealError):
    pass


class SealDamaged(SealError):
    pass


class SealNewer(SealError):
    pass


class SealWrongKey(SealError):
    pass


def _derive(passphrase: str, salt: bytes, log2n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=1 << log2n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _check(key: bytes) -> bytes:
    return hashlib.sha256(b"key check" + key).digest()[:8]


@dataclass
class PackageKey:
    """The exchange passphrase, with its derived keys cached per salt (one derivation per run)."""

    passphrase: str
    _keys: dict[tuple[bytes, int, int, int], bytes] = field(default_factory=dict, repr=False)
    _salt: bytes = field(default_factory=lambda: os.urandom(16), repr=False)

    def key(self, salt: bytes, log2n: int = LOG2_N, r: int = R, p: int = P) -> bytes:
        k = (salt, log2n, r, p)
        if k not in self._keys:
            self._keys[k] = _derive(self.passphrase, salt, log2n, r, p)
        return self._keys[k]


def is_sealed(head: bytes) -> bool:
    return head[:len(MAGIC)] == MAGIC


def seal(data: bytes, key: PackageKey, assembly_id: str) -> bytes:
    aid = assembly_id.encode("ascii")
    if len(aid) > 255:
        raise ValueError("assembly id too long")
    salt, nonce = key._salt, os.urandom(12)
    k = key.key(salt)
    header = _FIXED.pack(MAGIC, VERSION, LOG2_N, R, P, salt, nonce, _check(k), len(aid)) + aid
    return header + AESGCM(k).encrypt(nonce, data, header)


@dataclass
class Header:
    version: int
    log2n: int
    r: int
    p: int
    salt: bytes
    nonce: bytes
    check: bytes
    assembly_id: str
    size: int


def read_header(raw: bytes) -> Header:
    if not is_sealed(raw):
        raise NotSealed("not a sealed package")
    if len(raw) < _FIXED.size:
        raise SealDamaged("header cut short")
    magic, version, log2n, r, p, salt, nonce, check, n = _FIXED.unpack_from(raw)
    if version > VERSION:
        raise SealNewer(f"container version {version}")
    # bounded: a forged header must not make scrypt take gigabytes (at most 256 MiB here)
    if version < 1 or not (10 <= log2n <= 18) or not (1 <= r <= 8) or not (1 <= p <= 4):
        raise SealDamaged("impossible header values")
    end = _FIXED.size + n
    if len(raw) < end + 16:
        raise SealDamaged("cut short")
    try:
        aid = raw[_FIXED.size:end].decode("ascii")
    except UnicodeDecodeError as exc:
        raise SealDamaged("bad assembly id") from exc
    return Header(version, log2n, r, p, salt, nonce, check, aid, end)


def open_sealed(raw: bytes, key: PackageKey) -> tuple[Header, bytes]:
    """The ZIP bytes of a sealed package, authenticated; a SealError says why not."""
    h = read_header(raw)
    k = key.key(h.salt, h.log2n, h.r, h.p)
    if not hmac.compare_digest(_check(k), h.check):
        raise SealWrongKey("another key")
    try:
        return h, AESGCM(k).decrypt(h.nonce, raw[h.size:], raw[:h.size])
    except InvalidTag as exc:
        raise SealDamaged("authentication failed: changed or damaged") from exc
