"""Safe reading of a MIME tree: capped headers, tolerant charsets, a bounded walk.

Everything here works on what the stdlib `email` parser (policy=default) built, and never
raises for hostile input: header values are cut to `MAX_HEADER` characters before any header
is parsed (the structured-header parser is not linear on adversarial input), the walk stops
at `MAX_DEPTH` and `MAX_PARTS`, and text is decoded with the declared charset, then UTF-8,
then Windows-1252, recording "bad-charset" when the declaration was wrong.
"""

from __future__ import annotations

import codecs
import html as htmllib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.errors import MessageError
from email.header import decode_header, make_header
from email.headerregistry import HeaderRegistry
from email.message import Message
from email.policy import EmailPolicy
from typing import Any

from relay.sanitize import CONTROL_RE, cut_name, html_to_text

MAX_HEADER = 8 * 1024  # characters of one header value that are parsed
MAX_DEPTH = 12  # nesting levels of multiparts walked
MAX_PARTS = 300  # parts walked
MAX_HEADER_BLOCK = 256 * 1024  # bytes of the top-level header block that are parsed
# Before parsing: the parser (policy=default) spends ~1 ms per part and recurses per nesting
# level, so a mail is cut before its MAX_CONTENT_TYPES-th part or MAX_MULTIPARTS-th multipart.
MAX_CONTENT_TYPES = 500
MAX_MULTIPARTS = 40


class _Registry(HeaderRegistry):
    """The stdlib registry builds a new header class on every lookup; build each once."""

    def __init__(self) -> None:
        super().__init__()
        self._classes: dict[str, type] = {}

    def __getitem__(self, name: str) -> type:
        name = name.lower()
        cls = self._classes.get(name)
        if cls is None:
            cls = self._classes[name] = super().__getitem__(name)
        return cls


_PARSED: dict[tuple[str, str], Any] = {}


class CappedPolicy(EmailPolicy):
    """policy.default, but every header value is cut to MAX_HEADER before anything parses it
    (and parsed headers are reused, which makes a small mail three times faster to read)."""

    def header_fetch_parse(self, name: str, value: Any) -> Any:
        # The parser and every part lookup re-read Content-Type & co. many times per mail;
        # header objects are immutable, so equal raw values share one parsed object.
        if not isinstance(value, str) or len(value) > 2048:
            return super().header_fetch_parse(name, value)
        key = (name, value)  # the object keeps the name as written
        parsed = _PARSED.get(key)
        if parsed is None:
            if len(_PARSED) >= 4096:
                _PARSED.clear()
            parsed = _PARSED[key] = super().header_fetch_parse(name, value)
        return parsed

    def header_source_parse(self, sourcelines: list[str]) -> tuple[str, str]:
        name, value = super().header_source_parse(sourcelines)
        if len(value) > MAX_HEADER:
            value = value[:MAX_HEADER]
        return name, value


POLICY = CappedPolicy(header_factory=_Registry())


def _nth(haystack: bytes, needle: bytes, n: int) -> int:
    """Offset of the n-th (1-based) occurrence, -1 when there are fewer."""
    at = -1
    for _ in range(n):
        at = haystack.find(needle, at + 1)
        if at == -1:
            return -1
    return at


def bound(raw: bytes, problems: set[str]) -> bytes:
    """Cut hostile shapes the stdlib parser is slow on, before it sees them.

    A top-level header block over MAX_HEADER_BLOCK keeps its first lines ("huge-headers");
    a mail with more than MAX_CONTENT_TYPES parts or MAX_MULTIPARTS multiparts is cut at the
    line before the first one too many ("too-many-parts"): the buyer's words come first.
    """
    ends = [at for at in (raw.find(b"\r\n\r\n"), raw.find(b"\n\n")) if at != -1]
    end = min(ends) if ends else len(raw)
    if end > MAX_HEADER_BLOCK:
        # Keep every header but cut each physical line, until the block is MAX_HEADER_BLOCK.
        kept, size = [], 0
        for line in raw[:end].split(b"\n"):
            line = line[:MAX_HEADER].rstrip(b"\r")
            size += len(line) + 2
            if size > MAX_HEADER_BLOCK:
                break
            kept.append(line)
        raw = b"\r\n".join(kept) + raw[end:]
        problems.add("huge-headers")
    lowered = raw.lower()
    for needle, limit in ((b"multipart/", MAX_MULTIPARTS), (b"content-type:", MAX_CONTENT_TYPES)):
        at = _nth(lowered, needle, limit + 1)
        if at != -1:
            cut = lowered.rfind(b"\n", 0, at) + 1
            raw, lowered = raw[:cut], lowered[:cut]
            problems.add("too-many-parts")
    return raw


_SURROGATE_RE = re.compile("[\udc80-\udcff]")


def unsurrogate(text: str) -> str:
    """Undo the parser's surrogateescape for raw 8-bit header bytes (UTF-8, else Windows-1252)."""
    if text.isascii() or _SURROGATE_RE.search(text) is None:
        return text
    raw = text.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def one_line(text: str, limit: int = 998) -> str:
    text = CONTROL_RE.sub(" ", text.replace("\r", " ").replace("\n", " ").replace("\t", " "))
    return " ".join(text.split())[:limit]


def raw_header(msg: Message, name: str) -> str | None:
    """The first raw value of a header (unfolded, unparsed), or None."""
    name = name.lower()
    for key, value in msg.raw_items():
        if key.lower() == name:
            return unsurrogate(str(value))
    return None


def raw_headers(msg: Message, name: str) -> list[str]:
    name = name.lower()
    return [unsurrogate(str(v)) for k, v in msg.raw_items() if k.lower() == name]


def decode_words(value: str) -> str:
    """RFC 2047 encoded words decoded; the value as it stands when they are broken."""
    try:
        return str(make_header(decode_header(value)))
    except (ValueError, LookupError, UnicodeError, AssertionError, MessageError):
        return value


def decoded_header(msg: Message, name: str) -> str | None:
    """An unstructured header with RFC 2047 words decoded, as one clean line."""
    value = raw_header(msg, name)
    if value is None:
        return None
    return one_line(unsurrogate(decode_words(value)))


@dataclass(frozen=True)
class Address:
    display_name: str
    address: str  # lowercased local@domain, "" when unparseable


# The shapes nearly every From has: `"Name" <a@b>`, `Name <a@b>`, `<a@b>`, `a@b`. Read
# directly; the stdlib's structured parser (the rest) costs about as much as the whole parse.
_PLAIN_ADDRESS = r"([^<>@\s\"(),;:\[\]\\]{1,200}@[^<>@\s\"(),;:\[\]\\]{1,200})"
_SIMPLE_FROM_RE = re.compile(
    r'\s*+(?:"([^"\\]{0,200}+)"|([^"<>()\[\],;:@\\]{0,200}?))\s*+<' + _PLAIN_ADDRESS + r">\s*+"
)
_BARE_FROM_RE = re.compile(r"\s*+" + _PLAIN_ADDRESS + r"\s*+")


def simple_address(value: str) -> Address | None:
    """An address header in one of the common shapes, else None (the full parser's turn)."""
    match = _SIMPLE_FROM_RE.fullmatch(value)
    if match:
        display = match.group(1) if match.group(1) is not None else match.group(2)
        address = match.group(3)
    else:
        match = _BARE_FROM_RE.fullmatch(value)
        if match is None:
            return None
        display, address = "", match.group(1)
    if "=?" in display:
        display = decode_words(display)
    return Address(one_line(unsurrogate(display), 200), address.lower())


def address_header(msg: Message, name: str) -> Address | None:
    """The first address of an address header (From, Reply-To), or None when there is none."""
    value = raw_header(msg, name)
    if value is None:
        return None
    # Unfolded first: the address parser refuses a display name with CR/LF in it.
    value = value.replace("\r", "").replace("\n", "")
    simple = simple_address(value)
    if simple is not None:
        return simple
    try:
        header = POLICY.header_factory(name, value)
        addresses = getattr(header, "addresses", ())
    except Exception:  # the structured parser has many ways to fail on garbage
        addresses = ()
    if addresses:
        first = addresses[0]
        local, domain = first.username or "", first.domain or ""
        address = f"{local}@{domain}".lower() if local and domain else ""
        return Address(one_line(unsurrogate(first.display_name or ""), 200), address)
    match = _ANGLE_RE.search(value)
    return Address("", match.group(1).lower() if match else "")


_ANGLE_RE = re.compile(r"<([^<>@\s]{1,200}@[^<>@\s]{1,200})>")
# An id is printable ASCII (RFC 5322 msg-id): the bridge writes the buyer's ids into the
# In-Reply-To and References of the seller's replies, where a NUL or another control byte
# has no place, and a non-ASCII one became an RFC 2047 word that threads nothing.
ID_RE = re.compile(r"[\x21-\x3b\x3d\x3f-\x7e]{1,250}")
MESSAGE_ID_RE = re.compile(r"<(" + ID_RE.pattern + r")>")


def message_ids(value: str | None, limit: int = 50) -> tuple[str, ...]:
    """Ids in a Message-ID / In-Reply-To / References value, without <>, the last `limit`."""
    if not value:
        return ()
    ids = MESSAGE_ID_RE.findall(value)
    bare = value.strip().strip("<>")
    if not ids and ID_RE.fullmatch(bare):
        ids = [bare]  # a bare id without brackets
    return tuple(dict.fromkeys(ids))[-limit:]


# -- body parts --------------------------------------------------------------------------------

# Single-byte declarations that UTF-8 bytes are often mislabelled with (codec names).
_LATIN = frozenset({"iso8859-1", "iso8859-15", "cp1252", "ascii"})


# Codecs Python has but no mail should be read with: they rewrite backslashes in the text.
_NOT_CHARSETS = frozenset({"unicode-escape", "raw-unicode-escape"})


def _codec(declared: str | None) -> str | None:
    """The Python codec of a declared charset, None when unknown or not a text charset."""
    charset = (declared or "us-ascii").strip().strip('"').lower()
    try:
        info = codecs.lookup(charset)
    except (LookupError, ValueError):  # unknown, or garbage such as embedded NULs
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return info.name


def decode_text(data: bytes, declared: str | None, problems: set[str]) -> str:
    """Bytes of a text part as str: declared charset when it fits, else UTF-8, else cp1252.

    UTF-8 mislabelled as Latin-1 decodes without error but into mojibake, so bytes that are
    valid non-ASCII UTF-8 win over a Latin-1/ASCII declaration.
    """
    codec = _codec(declared)
    if codec is None:
        problems.add("bad-charset")
    if codec in _LATIN and not data.isascii():
        try:
            text = data.decode("utf-8")
            problems.add("bad-charset")
            return text
        except UnicodeDecodeError:
            pass
        if codec == "ascii":
            problems.add("bad-charset")
            return data.decode("cp1252", "replace")
        if codec == "iso8859-1":
            # Windows-1252 sent as Latin-1 (euro sign, typographic quotes in 0x80-0x9F):
            # Latin-1 would read those as control characters; browsers read it the same way.
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                pass
    if codec is not None:
        try:
            return data.decode(codec)
        except (UnicodeError, LookupError, ValueError):
            problems.add("bad-charset")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def part_bytes(part: Message, problems: set[str]) -> bytes:
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # broken transfer encodings
        problems.add("bad-encoding")
        return b""
    if isinstance(payload, bytes):
        return payload
    return b""


def part_text(part: Message, problems: set[str]) -> str:
    text = decode_text(part_bytes(part, problems), part.get_content_charset(), problems)
    if str(part.get_param("format") or "").lower() == "flowed":
        text = unflow(text, str(part.get_param("delsp") or "").lower() == "yes")
    return text


def unflow(text: str, delsp: bool) -> str:
    """RFC 3676 format=flowed as the writer meant it: a line ending in a space goes on in the
    next one (of the same quote depth; the space dropped with delsp=yes), a stuffed leading
    space is removed, and "-- " (the signature line) stays a line."""
    out: list[str] = []
    open_depth: int | None = None  # quote depth of a paragraph still flowing, if any
    for line in text.replace("\r\n", "\n").split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        body = line[depth:]
        if body.startswith(" "):
            body = body[1:]  # space-stuffing
        if open_depth == depth and out:
            out[-1] += body
        else:
            out.append(">" * depth + (" " if depth and body else "") + body)
        flowing = body.endswith(" ") and body != "-- "
        if flowing and delsp:
            out[-1] = out[-1][:-1]
        open_depth = depth if flowing else None
    return "\n".join(out)


# Block ends the sanitizer's own line breaks miss (a space before ">", an opening <pre>);
# "</div>" itself is already a break there, and a second one would double every line.
_BLOCK_END_RE = re.compile(r"(?i)</(?:div|tr|li|h[1-6]|pre|blockquote|table)\s{1,8}>|<pre\b")


def html_text(html: str) -> str:
    """Plain text of an HTML body: block ends become line breaks, entities decoded."""
    text = html_to_text(_BLOCK_END_RE.sub(lambda m: "\n" + m.group(0), html))
    return htmllib.unescape(text)


# RFC 3464 reports and their RFC 6533 (SMTPUTF8) forms; the returned mail or its headers.
REPORT_TYPES = frozenset({"message/delivery-status", "message/global-delivery-status"})
RETURNED_TYPES = frozenset(
    {"text/rfc822-headers", "message/rfc822", "message/global", "message/global-headers"}
)


@dataclass
class Parts:
    """What a walk over the MIME tree found (inner message/rfc822 parts are not entered)."""

    plain: list[Message] = field(default_factory=list)
    html: list[Message] = field(default_factory=list)
    files: list[tuple[Message, bool]] = field(default_factory=list)  # (part, inside related)
    reports: list[Message] = field(default_factory=list)  # message/delivery-status
    returned: list[Message] = field(default_factory=list)  # text/rfc822-headers, message/rfc822


def children(part: Message) -> list[Message]:
    """The sub-parts of a multipart or message/* part (never decodes a leaf's payload, which
    raises for some declared charsets)."""
    if not part.is_multipart():
        return []
    return [p for p in part.get_payload() if isinstance(p, Message)]


def is_attachment(part: Message) -> bool:
    disposition = (part.get_content_disposition() or "").lower()
    if disposition == "attachment":
        return True
    if part.get_content_maintype() == "text" and not part.get_filename():
        return False
    return bool(part.get_filename() or part.get_param("name"))


def walk(msg: Message, problems: set[str]) -> Parts:
    found = Parts()
    stack: list[tuple[Message, int, bool]] = [(msg, 0, False)]
    seen = 0
    while stack:
        part, depth, related = stack.pop()
        seen += 1
        if seen > MAX_PARTS:
            problems.add("too-many-parts")
            break
        ctype = part.get_content_type()
        if part.is_multipart() and ctype.startswith("multipart/"):
            if depth >= MAX_DEPTH:
                problems.add("too-deep")
                continue
            inner = related or ctype == "multipart/related"
            stack.extend((child, depth + 1, inner) for child in reversed(children(part)))
        elif ctype.startswith("multipart/"):
            found.plain.append(part)  # its boundary never came: the body is all there is
        elif ctype in REPORT_TYPES:
            found.reports.append(part)
        elif ctype in RETURNED_TYPES and part is not msg:
            found.returned.append(part)
        elif is_attachment(part):
            found.files.append((part, related))
        elif ctype == "text/plain":
            found.plain.append(part)
        elif ctype == "text/html":
            found.html.append(part)
        elif part.get_content_maintype() in {"image", "application", "audio", "video"}:
            found.files.append((part, related))
    return found


def defects(msg: Message, limit: int = MAX_PARTS) -> bool:
    """True when the parser recorded structural defects anywhere (bounded walk)."""
    stack = [msg]
    seen = 0
    while stack and seen < limit:
        part = stack.pop()
        seen += 1
        if part.defects:
            return True
        stack.extend(children(part))
    return False


def iter_parts(msg: Message) -> Iterator[Message]:
    """Depth-first over the tree, bounded like `walk`."""
    stack = [(msg, 0)]
    seen = 0
    while stack and seen < MAX_PARTS:
        part, depth = stack.pop()
        seen += 1
        yield part
        if depth < MAX_DEPTH:
            stack.extend((child, depth + 1) for child in reversed(children(part)))


FORWARDED_TYPES = frozenset({"message/rfc822", "message/global"})


def forwarded_bytes(mail: Message) -> bytes:
    """The mail inside a message/rfc822 part, written out again (b"" when it cannot be)."""
    try:
        return mail.as_bytes(policy=POLICY)
    except Exception:  # the generator refuses some hostile headers; the raw text then
        try:
            return mail.as_string(policy=POLICY).encode("utf-8", "surrogateescape")
        except Exception:
            return b""


def clean_filename(name: str) -> str:
    """A file name as the mail gave it, RFC 2047 words decoded, path parts and controls gone."""
    name = unsurrogate(name)
    if "=?" in name:
        name = decode_words(name)
    name = name.replace("\\", "/").split("/")[-1]
    name = CONTROL_RE.sub("", name.replace("\r", "").replace("\n", "").replace("\t", " "))
    return cut_name(name.strip().strip(".").strip(), 200)
