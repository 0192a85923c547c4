"""Rule packs: the marketplace's rules as data (`resources/policy/*.json`).

`default.json` is the product brief; `<marketplace>.json` files name `"extends": "default"`
and override keys (objects merge key by key, everything else replaces). A pack's settings are
read at once (cheap: the relay reads every pack's limits at start-up); its lexicons are compiled
into the matcher once per process, on the first check, or earlier in a background thread that
the composer's `LiveChecker` starts (`warm_up`), so the typing path does not wait for it.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.policy.findings import Severity
from app.policy.lexicon import Entry, Lexicon, Matcher, load_lexicon, parse_entry
from app.resources import resource_path

log = logging.getLogger(__name__)

DEFAULT_ID = "default"
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9.-]{0,62}$")
OFF = "off"


class PackError(ValueError):
    """A rule pack is missing or malformed."""


class UnknownMarketplaceError(PackError):
    pass


class Compiled:
    """A pack's lexicons and matcher, compiled on first use (once, under a lock: the warm-up
    thread and a check may ask at the same time)."""

    def __init__(self, languages: tuple[str, ...], extra: tuple[tuple[str, str], ...]) -> None:
        self._key = (languages, extra)
        self._lock = threading.Lock()
        self._value: tuple[Mapping[str, Lexicon], Matcher] | None = None

    def get(self) -> tuple[Mapping[str, Lexicon], Matcher]:
        value = self._value
        if value is None:
            with self._lock:
                if self._value is None:
                    languages, extra = self._key
                    try:
                        lexicons = {lang: _lexicon(lang) for lang in languages}
                        self._value = (lexicons, _matcher(languages, extra))
                    except ValueError as exc:  # LexiconError: shipped data is broken
                        raise PackError(f"cannot compile lexicons {languages}: {exc}") from exc
                value = self._value
        return value


@dataclass(frozen=True, slots=True, eq=False)
class RulePack:
    marketplace_id: str
    version: str
    max_attachment_bytes: int
    allowed_media_types: frozenset[str]
    allowed_domains: tuple[str, ...]
    # Marketplaces' own sites: named bare ("Amazon.de" from a template's {marketplace}) they
    # are the marketplace's name, not a link away from it; with a path they are links.
    marketplace_names: frozenset[str]
    severities: Mapping[str, str] = field(repr=False)
    important_tags: tuple[str, ...]
    important_tag_required: bool  # False where critical contact reasons replaced the tag
    thank_you_max_other_words: int
    thank_you_max_other_words_without_news: int  # when no other word is news of the order
    language_min_words: int
    phone_regions: tuple[str, ...]  # libphonenumber regions for national numbers, own first
    compiled: Compiled = field(repr=False)

    @property
    def lexicons(self) -> Mapping[str, Lexicon]:
        return self.compiled.get()[0]

    @property
    def matcher(self) -> Matcher:
        return self.compiled.get()[1]

    def severity(self, key: str) -> Severity | None:
        """Severity for `rule` or `rule.variant` (falls back to `rule`); None when off."""
        value = self.severities.get(key)
        if value is None and "." in key:
            value = self.severities.get(key.split(".", 1)[0])
        if value is None or value == OFF:
            return None
        return Severity(value)

    def allows_domain(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def names_marketplace(self, written: str) -> bool:
        """A bare host as written ("Amazon.de", "www.amazon.fr") that is a marketplace's site."""
        host = written.lower().rstrip(".")
        return host.removeprefix("www.") in self.marketplace_names

    @property
    def lexicon_sizes(self) -> dict[str, int]:
        return {lang: lex.size for lang, lex in self.lexicons.items()}


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _read_json(name: str) -> dict[str, Any]:
    path = resource_path("policy", f"{name}.json")
    if not path.is_file():
        raise UnknownMarketplaceError(f"no rule pack for marketplace {name!r}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise PackError(f"cannot read rule pack {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise PackError(f"rule pack {path} is not a JSON object")
    return data


def _resolve(name: str, depth: int = 0) -> dict[str, Any]:
    if depth > 4:
        raise PackError(f"rule pack {name!r}: 'extends' chain too deep")
    data = _read_json(name)
    parent = data.pop("extends", None)
    if parent is None:
        return data
    return _merge(_resolve(str(parent), depth + 1), data)


def available_marketplaces() -> list[str]:
    """Marketplace ids that have a pack (the default pack excluded)."""
    root = resource_path("policy")
    return sorted(p.stem for p in root.glob("*.json") if p.stem != DEFAULT_ID)


@functools.lru_cache(maxsize=8)
def _lexicon(language: str) -> Lexicon:
    return load_lexicon(resource_path("policy", "lexicons", f"{language}.json"))


@functools.lru_cache(maxsize=8)
def _compiled(languages: tuple[str, ...], extra: tuple[tuple[str, str], ...]) -> Compiled:
    return Compiled(languages, extra)  # one per lexicon set: packs that share it share this


@functools.lru_cache(maxsize=8)
def _matcher(languages: tuple[str, ...], extra: tuple[tuple[str, str], ...]) -> Matcher:
    entries: list[Entry] = []
    for lang in languages:
        for fam_entries in _lexicon(lang).families.values():
            entries.extend(fam_entries)
    entries.extend(parse_entry(fam, "pack", term) for fam, term in extra)
    return Matcher(entries)


def load_pack(marketplace_id: str | None = None) -> RulePack:
    """The rule pack for a marketplace (the default pack for None). Cached: the same id
    always gives the same object, so `pack is other_pack` is a cheap 'did it change?'."""
    name = DEFAULT_ID if marketplace_id is None else marketplace_id.strip().lower()
    if not _ID_RE.match(name):
        raise UnknownMarketplaceError(f"not a marketplace id: {marketplace_id!r}")
    return _load_pack(name)


def pack_for(marketplace_id: str | None) -> RulePack:
    """The marketplace's own pack, else the default pack (the brief's rules): a conversation on a
    marketplace we ship no pack for is still checked, as the relay checks it."""
    try:
        return load_pack(marketplace_id)
    except UnknownMarketplaceError:
        return load_pack(None)


def clear_cache() -> None:
    """Forget loaded packs and lexicons (after editing the data files at run time)."""
    _compile_pack.cache_clear()
    _compiled.cache_clear()
    _matcher.cache_clear()
    _lexicon.cache_clear()


_warm = threading.Lock()
_warmed: set[Compiled] = set()


def _warm_libraries(pack: RulePack) -> None:
    from app.policy.domains import public_suffixes
    from app.policy.rules.contact import find_phones

    try:
        pack.compiled.get()  # the lexicons (Snowball stems) and the matcher
    except PackError:
        log.exception("policy warm-up: the lexicons do not compile")  # a check will say so
    public_suffixes()
    list(find_phones("+46 8 123 456 78", (), (), pack.phone_regions))  # libphonenumber's data


def warm_up(pack: RulePack) -> None:
    """Compile the pack's lexicons and load the public suffix list and libphonenumber
    (together ~0.5–1 s) in a background thread, once per lexicon set, so the first keystroke
    does not pay for them. A check that comes first compiles and loads them itself (the
    compile is locked, imports are thread-safe)."""
    with _warm:
        if pack.compiled in _warmed:
            return
        _warmed.add(pack.compiled)
    threading.Thread(
        target=_warm_libraries, args=(pack,), name="policy-warm-up", daemon=True
    ).start()


def _load_pack(name: str) -> RulePack:
    return _compile_pack(name)


@functools.lru_cache(maxsize=32)
def _compile_pack(name: str) -> RulePack:
    data = _resolve(name)
    try:
        languages = tuple(str(lang) for lang in data["languages"])
        extra_terms: Mapping[str, list[str]] = data.get("extra_terms", {})
        extra = tuple((str(fam), str(t)) for fam, terms in extra_terms.items() for t in terms)
        severities = {str(k): str(v) for k, v in data["severities"].items()}
        for key, value in severities.items():
            if value != OFF:
                try:
                    Severity(value)
                except ValueError:
                    raise PackError(f"pack {name!r}: bad severity {value!r} for {key}") from None
        important = data.get("important_tag", {})
        thank_you = data.get("thank_you_only", {})
        return RulePack(
            marketplace_id=str(data.get("marketplace_id", name)),
            version=str(data["version"]),
            max_attachment_bytes=int(data["max_attachment_bytes"]),
            allowed_media_types=frozenset(str(t) for t in data["allowed_media_types"]),
            allowed_domains=tuple(str(d).lower() for d in data.get("allowed_domains", ())),
            marketplace_names=frozenset(str(d).lower() for d in data.get("marketplace_names", ())),
            severities=severities,
            important_tags=tuple(str(t) for t in important.get("tags", ["[Important]"])),
            important_tag_required=bool(important.get("required_for_critical", True)),
            thank_you_max_other_words=int(thank_you.get("max_other_words", 1)),
            thank_you_max_other_words_without_news=int(
                thank_you.get("max_other_words_without_news", 1)
            ),
            language_min_words=int(data.get("language_mismatch", {}).get("min_words", 8)),
            phone_regions=tuple(str(r).upper() for r in data.get("phone_regions", ["US"])),
            compiled=_compiled(languages, extra),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        if isinstance(exc, PackError):
            raise
        raise PackError(f"rule pack {name!r} is malformed: {exc!r}") from exc
