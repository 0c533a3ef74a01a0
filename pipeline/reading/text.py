"""Bytes to text: binary sniffing, encoding detection, newline normalisation, script check.

Everything here works on bounded samples or streams in chunks, so that a 20 MB file costs
about two copies of its text at the peak, never more.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from collections import Counter
from typing import BinaryIO

SNIFF_BYTES = 8192
CHUNK_BYTES = 1 << 20  # streaming read size for files above `max_chars`
NON_LATIN_MAX_SHARE = 0.30  # more non-Latin letters than this -> "not English"
_SCRIPT_SAMPLE_CHARS = 20_000  # per window; three windows (start, middle, end) at most

# Signatures of formats that are never text inputs. Longest prefixes first where they overlap.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"PK\x07\x08", "ZIP"),
    (b"\x1f\x8b", "gzip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 (legacy Office)"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"OggS", "Ogg"),
    (b"ID3", "MP3"),
    (b"RIFF", "RIFF"),
)

# Extensions that name a binary format; ZIP-based office formats are named by extension.
BINARY_EXTENSIONS: dict[str, str] = {
    ".pdf": "PDF", ".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF",
    ".webp": "WebP", ".bmp": "BMP", ".tif": "TIFF", ".tiff": "TIFF", ".ico": "ICO",
    ".zip": "ZIP", ".gz": "gzip", ".tgz": "gzip", ".bz2": "bzip2", ".xz": "xz", ".7z": "7z",
    ".rar": "RAR", ".tar": "tar", ".docx": "DOCX", ".xlsx": "XLSX", ".pptx": "PPTX",
    ".odt": "ODT", ".epub": "EPUB", ".doc": "DOC", ".xls": "XLS", ".ppt": "PPT",
    ".mp3": "MP3", ".mp4": "MP4", ".wav": "WAV", ".ogg": "Ogg", ".exe": "executable",
    ".so": "shared library", ".pyc": "Python bytecode", ".sqlite": "SQLite", ".db": "database",
    ".parquet": "Parquet", ".pkl": "pickle", ".npy": "NumPy array",
}
_ZIP_CONTAINERS = {".docx", ".xlsx", ".pptx", ".odt", ".epub"}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1b")


def bom_encoding(head: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def binary_kind(head: bytes, ext: str = "") -> str | None:
    """The format name when `head` (the first bytes of a file) is not text, else None.

    A known signature names the format; otherwise NUL bytes or many control bytes mark it
    binary (named after the extension when that names a binary format). UTF-16/32 text with
    a byte order mark is text, although it holds NUL bytes.
    """
    if bom_encoding(head) is not None:
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            if kind == "ZIP" and ext in _ZIP_CONTAINERS:
                return BINARY_EXTENSIONS[ext]
            return kind
    if not head:
        return None
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if b"\x00" in head or controls > len(head) * 0.05:
        return BINARY_EXTENSIONS.get(ext, "unknown format")
    return None


def fallback_encoding(sample: bytes) -> tuple[str, str]:
    """(encoding, errors) for bytes that are not valid UTF-8.

    - Mostly UTF-8 (valid multi-byte sequences at least as many as invalid bytes): UTF-8
      with replacement characters, so one stray byte does not turn the file into mojibake.
    - Mostly ASCII (at most 10% high bytes, as in English text with curly quotes or
      accented names): Windows-1252, or Latin-1 when a byte undefined in Windows-1252
      occurs. charset-normalizer is unreliable on such text (measured: short Windows-1252
      English comes back as cp1250, Latin-1 as cp775), and for English the two are the
      encodings that occur.
    - Otherwise (a legacy non-Latin encoding, e.g. Urdu in cp1256): charset-normalizer.
    """
    probe = sample.decode("utf-8", errors="replace")
    invalid = probe.count("\ufffd")
    valid_multibyte = sum(1 for ch in probe if ord(ch) > 0x7F) - invalid
    if valid_multibyte > 0 and valid_multibyte >= invalid:
        return "utf-8", "replace"
    high = sum(1 for byte in sample if byte > 0x7F)
    if high <= len(sample) * 0.10:
        return _western(sample), "replace"
    from charset_normalizer import from_bytes  # only for files that are not UTF-8

    best = from_bytes(sample).best()
    if best is None or best.encoding is None:
        return _western(sample), "replace"
    return best.encoding, "replace"


def _western(sample: bytes) -> str:
    undefined_in_cp1252 = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    return "latin-1" if any(byte in sample for byte in undefined_in_cp1252) else "cp1252"


_SURROGATES = re.compile("[\ud800-\udfff]")


def has_lone_surrogates(text: str) -> bool:
    """A Python str from a JSON "\\ud800" escape can hold surrogates no encoder accepts."""
    return _SURROGATES.search(text) is not None


def replace_lone_surrogates(text: str) -> str:
    """The same text with each lone surrogate replaced by U+FFFD (offsets are unchanged)."""
    return _SURROGATES.sub("\ufffd", text)


def normalise_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(raw: bytes) -> str:
    """Decode a whole (small) file: BOM, then strict UTF-8, then `fallback_encoding`."""
    encoding = bom_encoding(raw[:4])
    if encoding is not None:
        return raw.decode(encoding, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        sample = raw[: 1 << 20] + raw[max(err.start - 65536, 1 << 20) : err.start + 65536]
        encoding, errors = fallback_encoding(sample)
        return raw.decode(encoding, errors=errors)


def read_small(handle: BinaryIO) -> tuple[str, str]:
    """(sha256 hex of the bytes, decoded text with normalised newlines) of the whole file."""
    raw = handle.read()
    digest = hashlib.sha256(raw).hexdigest()
    text = decode_bytes(raw)
    del raw  # drop the bytes before the newline pass may copy the text
    return digest, normalise_newlines(text)


def scan_large(handle: BinaryIO) -> tuple[str, str, str]:
    """First pass over a large file in chunks: (sha256 hex, encoding, errors).

    Nothing is kept but the hash and, where UTF-8 decoding fails, a sample around the
    first failure to choose the fallback encoding from.
    """
    digest = hashlib.sha256()
    head = handle.read(4)
    handle.seek(0)
    encoding = bom_encoding(head)
    errors = "replace" if encoding else "strict"
    decoder = codecs.getincrementaldecoder(encoding or "utf-8")(errors)
    first_chunk = b""
    failed_sample: bytes | None = None
    while chunk := handle.read(CHUNK_BYTES):
        digest.update(chunk)
        if not first_chunk:
            first_chunk = chunk
        if failed_sample is None:
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                failed_sample = chunk
    if failed_sample is None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            failed_sample = first_chunk  # truncated multi-byte sequence at the very end
    if failed_sample is not None:
        sample = first_chunk if failed_sample is first_chunk else first_chunk + failed_sample
        encoding, errors = fallback_encoding(sample)
    return digest.hexdigest(), encoding or "utf-8", errors


def decode_stream(handle: BinaryIO, encoding: str, errors: str) -> str:
    """Second pass: decode chunk by chunk, normalising newlines across chunk borders."""
    decoder = codecs.getincrementaldecoder(encoding)(errors)
    parts: list[str] = []
    carry = ""  # a trailing "\r" waits for the next chunk: it may be half of "\r\n"
    while True:
        chunk = handle.read(CHUNK_BYTES)
        piece = carry + decoder.decode(chunk, final=not chunk)
        carry = ""
        if chunk and piece.endswith("\r"):
            piece, carry = piece[:-1], "\r"
        if piece:
            parts.append(normalise_newlines(piece))
        if not chunk:
            break
    return "".join(parts)


def non_english_reason(text: str) -> str | None:
    """"not English (... script)" when more than 30% of the letters are not Latin, else None.

    Cheap: three windows of at most 20,000 characters (start, middle, end) of the text. An
    English article quoting a few Urdu words passes.
    """
    size = len(text)
    window = _SCRIPT_SAMPLE_CHARS
    if size <= 3 * window:
        samples = [text]
    else:
        middle = size // 2
        samples = [text[:window], text[middle : middle + window], text[-window:]]
    if all(sample.isascii() for sample in samples):
        return None  # only Latin letters; the common case, decided without a loop over them
    latin = arabic = 0
    others: Counter[str] = Counter()
    for sample in samples:
        if sample.isascii():
            latin += sum(1 for ch in sample if ch.isalpha())
            continue
        for ch in sample:
            if not ch.isalpha():
                continue
            code = ord(ch)
            if code < 0x250 or 0x1E00 <= code < 0x1F00 or 0xFF21 <= code <= 0xFF5A:
                latin += 1
            elif (
                0x0600 <= code <= 0x06FF
                or 0x0750 <= code <= 0x077F
                or 0x08A0 <= code <= 0x08FF
                or 0xFB50 <= code <= 0xFDFF
                or 0xFE70 <= code <= 0xFEFF
            ):
                arabic += 1
            else:
                others[_script_name(ch)] += 1
    other = sum(others.values())
    letters = latin + arabic + other
    if letters == 0 or (arabic + other) <= letters * NON_LATIN_MAX_SHARE:
        return None
    if arabic >= other:
        return "not English (Arabic script: Urdu/Pashto/Persian)"
    return f"not English ({others.most_common(1)[0][0]} script)"


def _script_name(ch: str) -> str:
    word = unicodedata.name(ch, "UNKNOWN").split()[0]
    return word if word in {"CJK"} else word.capitalize()
