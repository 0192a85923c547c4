"""Scan one piece of text (a body paragraph or the subject) for every text rule.

The result is independent of the rest of the draft, so the live checker can cache it per
paragraph; body-wide rules (thank-you-only, language) aggregate the counters kept here.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import islice

from app.policy.explanations import explained
from app.policy.findings import Field, Finding, Severity
from app.policy.lexicon import Hit
from app.policy.normalize import Folded, fold_with_map
from app.policy.packs import RulePack
from app.policy.rules import contact, links
from app.policy.rules.lexical import (
    CLAUSE_FAMILIES,
    NEGATABLE,
    PAIR_FAMILIES,
    REVIEW_CODES,
    REVIEW_FAMILIES,
    SIMPLE_FAMILIES,
    Negations,
    amount_hits,
    clause_breaks,
    handle_hits,
    offer_hits,
    pair_hits,
    review_spans,
    sentence_breaks,
    units,
)
from app.policy.spans import SpanSet
from app.policy.structure import Region

_WORD_RE = re.compile(r"\w+")
_SENTENCE_END_RE = re.compile(r"[.!?](?:\s|$)|\n")
_NUMBER_RE = re.compile(r"\d{3}")
_DIGITS_RE = re.compile(r"\d+")
_DECIMAL_END = re.compile(r"\d[.,]$")  # a number's decimal point just before
# A short inline quotation ("'Black Friday Edition' is the colour's name", «descuento» as the
# buyer wrote it) names words; it makes no offer. Apostrophes inside words do not open one.
_INLINE_QUOTE_RE = re.compile(r"(?<!\w)[\"“„«‘'][^\"“”„«»‘’'\n]{1,60}[\"”“»’'](?!\w)")
QUOTABLE = frozenset({"marketing", "marketing_soft", "cross_promotion"})
# families a `marketing_not` phrase (the words in another sense) takes out
PROMOTION = frozenset({"marketing", "marketing_soft", "cross_promotion", "off_platform", "opt_out"})
_RANK = {Severity.BLOCK: 2, Severity.WARN: 1}
MAX_FINDINGS = 200  # per scanned text: a pasted 1 MB spam page needs no 50 000 underlines


@dataclass(frozen=True, slots=True)
class TextScan:
    findings: tuple[Finding, ...]  # offsets relative to the scanned text
    thanks: int  # thank-you / offer-of-help phrases
    words: int
    other_words: int  # words that are neither courtesy, thanks nor stopwords
    lang_scores: Mapping[str, float]
    # Signs of news outside thanks and courtesy (`news` words, negations, questions, numbers)
    news: int = 0
    names: int = 0  # capitalised words inside a sentence: names, and German nouns
    bare: int = 0  # clauses with words of their own and no thanks, courtesy or wish


def _quote(text: str, start: int, end: int) -> str:
    """The offending text as a finding quotes it: one line, at most 40 characters."""
    snippet = " ".join(text[start:end].split())
    return f"{snippet[:40]}…" if len(snippet) > 40 else snippet


def _expand_word(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a stem match ("rabatt") to the whole word ("rabattkoden") for the span."""
    n = len(text)
    if start < n and (text[start].isalnum()):
        while start > 0 and text[start - 1].isalnum():
            start -= 1
    if end > 0 and text[end - 1].isalnum():
        while end < n and text[end].isalnum():
            end += 1
    return start, end


class _Collector:
    def __init__(self, text: str, pack: RulePack, field: Field) -> None:
        self.text, self.pack, self.field = text, pack, field
        self.items: list[Finding] = []

    def add(
        self, rule: str, key: str, start: int, end: int, code: str | None = None, **params: str
    ) -> None:
        """A finding of `rule` at the severity the pack gives `key`, explained by `code`."""
        sev = self.pack.severity(key)
        if sev is not None and end > start:
            self.items.append(explained(rule, sev, start, end, self.field, code, **params))

    def result(self) -> tuple[Finding, ...]:
        """Overlapping findings of one rule collapse into the most severe, longest one."""
        ordered = sorted(self.items, key=lambda f: (f.start, -_RANK[f.severity], -f.end))
        kept: list[Finding] = []
        last: dict[str, int] = {}  # rule -> index in `kept` of its latest-ending finding
        for f in ordered:
            i = last.get(f.rule)
            clash = kept[i] if i is not None and f.start < kept[i].end else None
            if clash is None:
                last[f.rule] = len(kept)
                kept.append(f)
            elif _RANK[f.severity] > _RANK[clash.severity] and i is not None:
                kept[i] = f
        return tuple(kept[:MAX_FINDINGS])


# What each region is checked for (app.policy.structure): quoted text is someone else's words,
# a signature is boilerplate; neither makes a marketing claim or carries the message's tone.
REGION_FAMILIES: dict[Region, frozenset[str]] = {
    Region.OWN: frozenset(SIMPLE_FAMILIES),
    Region.SIGNATURE: frozenset({"off_platform", "opt_out"}),
    Region.QUOTED: frozenset(),
}


def scan_text(
    text: str, pack: RulePack, field: Field = Field.BODY, region: Region = Region.OWN
) -> TextScan:
    """Findings and tone counters of one paragraph (or the subject) spoken in `region`."""
    out = _Collector(text, pack, field)
    folded = fold_with_map(text)
    ftext = folded.text
    breaks = sentence_breaks(ftext)
    hits = pack.matcher.find(ftext, breaks)
    digits = _DIGITS_RE.search(ftext) is not None  # amounts, offers in numbers, phones
    if digits and any(h.family in REVIEW_FAMILIES for h in hits):
        hits = sorted([*hits, *amount_hits(ftext)], key=lambda h: (h.start, -h.end))
    offers = offer_hits(ftext) if digits else []
    if "@" in ftext:
        offers.extend(handle_hits(ftext))
    if offers:
        hits = sorted([*hits, *offers], key=lambda h: (h.start, -h.end))
    present = {h.family for h in hits}
    if len(present & PAIR_FAMILIES) > 1:  # "slippa … utskick", "dessutom … säljer vi"
        paired = pair_hits(hits, clause_breaks(ftext, breaks))
        if paired:
            hits = sorted([*hits, *paired], key=lambda h: (h.start, -h.end))
            present.update(h.family for h in paired)

    def orig(start: int, end: int) -> tuple[int, int]:
        return _expand_word(text, *folded.span(start, end))

    # Links and images first: lexicon hits inside a URL are not separate findings.
    # Collected, then merged once: a 1 MB paste of links would make ordered inserts quadratic.
    spans: list[tuple[int, int]] = []
    logo = list(links.find_logo_links(text))
    for s, e in logo:
        out.add("logo-link", "logo-link", s, e)
    image_spans: list[tuple[int, int]] = []
    for img in links.find_images(text):
        if img.hidden:
            code = "tracking-pixel.hidden"
        elif links.is_remote(img.src):
            code = "tracking-pixel.remote"
        else:
            continue
        out.add("tracking-pixel", "tracking-pixel", img.start, img.end, code)
        image_spans.append((img.start, img.end))
    silenced = SpanSet([*logo, *image_spans] if pack.severity("logo-link") else image_spans)
    emails = SpanSet()
    email_spans: list[tuple[int, int]] = []
    for s, e in contact.find_emails(text):
        if pack.allows_domain(text[s:e].rsplit("@", 1)[-1]):
            continue  # the marketplace's own relay address (…@marketplace.amazon.se)
        out.add("contact-info", "contact-info.email", s, e, "contact-info.email")
        emails.add(s, e)
        email_spans.append((s, e))
        spans.append((s, e))
    shop_links: list[tuple[int, int]] = []  # reported links, for "£5 less on shop.co.uk"
    for link in links.find_links(text):
        spans.append((link.start, link.end))
        if silenced.contains(link.start, link.end):
            continue
        if emails.covers(link.start) and not links.is_shortener(link.host):
            continue  # the address's domain; "video at tinyurl dot com" is still a link
        if link.kind != "spoken" and link.host and pack.allows_domain(link.host):
            continue
        if link.kind in ("domain", "url") and pack.names_marketplace(text[link.start : link.end]):
            continue  # "Amazon.de" / "www.amazon.de" alone: the marketplace named, no page
        quoted = _quote(text, link.start, link.end)
        shop_links.append((link.start, link.end))
        if link.kind == "shortener":
            out.add(
                "external-link", "external-link", link.start, link.end, "external-link.shortener"
            )
        else:
            code = "external-link.spoken" if link.kind == "spoken" else "external-link"
            out.add("external-link", "external-link", link.start, link.end, code, link=quoted)
    covered = SpanSet([*spans, *image_spans])

    phone_cues: list[tuple[int, int]] = []
    ref_cues: list[tuple[int, int]] = []
    label_cues: list[int] = []
    # Clauses matter only when something can cancel or link terms: most paragraphs skip them.
    u = units(ftext, breaks, hits) if not CLAUSE_FAMILIES.isdisjoint(present) else None
    thanks, words, other, scores, news, names, bare = _tone(text, folded, hits, pack, breaks)
    language = _dominant(scores)
    neg = Negations(hits, u, language)
    # A lone soft word is read in the paragraph's language only: Spanish "sale" is "leaves".
    soft_ok = {
        (h.start, h.end)
        for h in hits
        if h.family == "marketing_soft" and (language is None or h.language in (language, "pack"))
    }
    families = REGION_FAMILIES[region]
    # "works for TikTok and Instagram videos": an app named for what the product does with
    # it, not as a channel to the seller (an invitation, "follow us on", is its own entry).
    app_clauses = clause_breaks(ftext, breaks) if "app_use" in present else []
    app_use = {bisect_right(app_clauses, h.start) for h in hits if h.family == "app_use"}
    # …unless the clause carries a number ("add me on WhatsApp 070-555 12 34, I'll send the video")
    if app_use:
        app_use -= {bisect_right(app_clauses, m.start()) for m in _NUMBER_RE.finditer(ftext)}
    named = SpanSet(
        (m.start(), m.end())
        for m in (_INLINE_QUOTE_RE.finditer(ftext) if not QUOTABLE.isdisjoint(present) else ())
    )
    # "vårt erbjudande att byta armbandet", "till ordinarie pris", "our Amazon shop is closed
    # for the holidays": the words in another sense (`marketing_not`), as `review_not` for reviews
    not_marketing = SpanSet(
        (h.start, h.end)
        for h in hits
        if h.family == "marketing_not" and not ("…" in h.term and _crosses_clause(ftext, h))
    )
    # "No need to unsubscribe from anything", "Abmelden müssen Sie sich nirgends" (`opt_out_not`)
    not_opt_out = SpanSet((h.start, h.end) for h in hits if h.family == "opt_out_not")
    reported: set[tuple[str, int, int]] = set()  # "coupon" is in three lexicons: one finding
    for h in hits:
        fam = h.family
        if fam in families:
            if (fam, h.start, h.end) in reported or (fam in NEGATABLE and neg.cancels(h)):
                continue
            if fam == "marketing_soft" and (h.start, h.end) not in soft_ok:
                continue
            if fam in PROMOTION and not_marketing.overlaps(h.start, h.end):
                continue
            if fam == "opt_out" and not_opt_out.overlaps(h.start, h.end):
                continue
            if fam == "off_platform" and "…" in h.term and _crosses_clause(ftext, h):
                continue
            if fam == "off_platform" and " " in h.term and _foreign(h, ftext, language, pack):
                continue  # Italian "per e-mail" is not German "per E-Mail" (by e-mail)
            if fam in QUOTABLE and named.contains(h.start, h.end):
                continue
            if (
                fam == "off_platform"
                and app_use
                and " " not in h.term
                and bisect_right(app_clauses, h.start) in app_use
            ):
                continue
            reported.add((fam, h.start, h.end))
            s, e = orig(h.start, h.end)
            if covered.covers(s):
                continue  # "coupon" inside a URL is reported as the URL
            rule, key = SIMPLE_FAMILIES[fam]
            out.add(rule, key, s, e, key, term=_quote(text, s, e))
        elif fam == "label_cue":  # "the number on the sticker (…)", "… on the label"
            s, e = orig(h.start, h.end)
            label_cues.append(s)
            ref_cues.append((s, e))
        elif fam == "phone_cue" or fam == "reference_cue":
            s, e = orig(h.start, h.end)
            if covered.covers(s):
                continue
            if fam == "phone_cue":
                phone_cues.append((s, e))
                continue
            ref_cues.append((s, e))
    if region is Region.OWN and u is not None:
        # "4,5/5" reports a score (a test's, a magazine's); "5/5" alone asks for one
        scored = [
            h
            for h in hits
            if not (
                h.family == "review_conditional"
                and _DECIMAL_END.search(ftext, max(0, h.start - 2), h.start)
            )
        ]
        for kind, fs, fe, _term in review_spans(scored, u, neg, language):
            s, e = orig(fs, fe)
            if not covered.covers(s):
                code = REVIEW_CODES[kind]
                out.add("review-incentive", code, s, e, code, term=_quote(text, s, e))
    contacts = list(email_spans)
    for s, e in contact.find_phones(text, phone_cues, ref_cues, pack.phone_regions, label_cues):
        if not covered.covers(s):
            out.add("contact-info", "contact-info.phone", s, e, "contact-info.phone")
            contacts.append((s, e))
    if contacts and "off_platform" in families:
        verbs = [
            orig(h.start, h.end) for h in hits if h.family == "contact_verb" and not neg.cancels(h)
        ]
        for s, e in _invitations(text, verbs, contacts):
            out.add("off-platform", "off-platform", s, e, "off-platform", term=_quote(text, s, e))

    if shop_links and "off_platform" in families:
        # a link beside a price comparison sends the buyer to buy there ("it's £5 less on
        # shop.co.uk", "auf shop.de kostet es 5 € weniger")
        cues = [orig(h.start, h.end) for h in hits if h.family == "cheaper" and not neg.cancels(h)]
        for s, e in _invitations(text, cues, shop_links):
            out.add("off-platform", "off-platform", s, e, "off-platform", term=_quote(text, s, e))

    if region is not Region.OWN:
        return TextScan(out.result(), 0, 0, 0, {})
    return TextScan(out.result(), thanks, words, other, scores, news, names, bare)


def _crosses_clause(ftext: str, hit: Hit) -> bool:
    """An invitation's or another sense's `…` parts in two clauses: "Falls es dort nicht ist,
    melden Sie das bitte über Amazon" is no "nicht … über Amazon", "visit our Amazon shop, it is
    closed on Sundays though" still a cross-sell. (Offers and cross-sells may span a comma:
    "köp tre par, betala för två".)"""
    inner = clause_breaks(ftext[hit.start : hit.end], [])
    return any(0 < b < hit.end - hit.start for b in inner)


INVITE_REACH = 60  # characters between "sms:a mig" / "llámeme" and the number or address


def _invitations(
    text: str, verbs: list[tuple[int, int]], contacts: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """A contact verb in the sentence of a phone number or e-mail address, near it: an
    invitation to leave the marketplace ("hör av dig på 070…", "mándame un wasap al 612…")."""
    out = []
    for vs, ve in verbs:
        for cs, ce in contacts:
            lo, hi = (ve, cs) if ve <= cs else (ce, vs)
            if 0 <= hi - lo <= INVITE_REACH and not _SENTENCE_END_RE.search(text, lo, hi):
                out.append((vs, ve))
                break
    return out


def _foreign(hit: Hit, ftext: str, language: str | None, pack: RulePack) -> bool:
    """A phrase of another language than the paragraph's whose function words are not the
    paragraph's: Italian "per e-mail" in German "schickt Ihnen Amazon per E-Mail" (while
    Spanish "un sms" is French too)."""
    if language is None or hit.language in (language, "pack"):
        return False
    stop_index = _stop_index(pack)
    for m in _WORD_RE.finditer(ftext, hit.start, hit.end):
        langs = stop_index.get(m.group(0), ())
        if hit.language in langs and language not in langs:
            return True
    return False


def _dominant(scores: Mapping[str, float]) -> str | None:
    """The paragraph's language by its stopwords, when one clearly leads (else None)."""
    if not scores:
        return None
    ranked = sorted(scores.values(), reverse=True)
    best = max(scores, key=lambda k: scores[k])
    if ranked[0] >= 1.5 and (len(ranked) == 1 or ranked[0] >= 1.5 * ranked[1]):
        return best
    return None


def _is_name(text: str, pos: int) -> bool:
    """A capitalised word that does not start a sentence: a name in a greeting or sign-off."""
    if pos >= len(text) or not text[pos].isupper():
        return False
    before = text[max(0, pos - 64) : pos].rstrip()  # bounded: 1 MB bodies stay linear
    if bool(before) and before[-1] not in ".!?:\n":
        return True
    return _name_line(text, pos)


# A sign-off line of a name alone ("Lanas del Norte", "Mia & Erik"): capitalised words with at
# most short joining words between, no digits, no sentence punctuation.
_NAME_LINE_RE = re.compile(
    r"[A-ZÅÄÖÉÑ][\w'-]*(?:\s+(?:[a-zåäöé]{1,3}\s+|&\s+)?[A-ZÅÄÖÉÑ][\w'-]*){0,3}"
)


def _name_line(text: str, pos: int) -> bool:
    """The word at pos opens a line that holds nothing but a name."""
    if pos and text[pos - 1] != "\n":
        return False
    end = text.find("\n", pos, pos + 64)
    line = text[pos : end if end >= 0 else min(len(text), pos + 64)].rstrip()
    return _NAME_LINE_RE.fullmatch(line) is not None and not any(c.isdigit() for c in line)


def _tone(
    text: str, folded: Folded, hits: list[Hit], pack: RulePack, breaks: list[int]
) -> tuple[int, int, int, dict[str, float], int, int, int]:
    """Thanks phrases, words, other words, stopword scores per language, news, names and bare
    clauses (see TextScan) of one paragraph."""
    ftext = folded.text
    polite = SpanSet((h.start, h.end) for h in hits if h.family in ("thanks", "courtesy"))
    thanks = sum(1 for h in hits if h.family == "thanks")
    scores: dict[str, float] = {}
    words = other = names = 0
    stop_index = _stop_index(pack)
    tails = _courtesy_tails(ftext, hits, polite, stop_index) if thanks else []
    # Words inside a thanks or courtesy phrase or what it governs are neither names nor news.
    polite_spans = polite.spans()
    courteous = SpanSet([*polite_spans, *tails]) if polite_spans or tails else None
    origin = folded.origin
    signed = _sign_off(text, folded, breaks, stop_index) if thanks else len(ftext)
    other_at: list[int] = []
    name_at: list[int] = []
    stop_at: list[int] = []
    for m in _WORD_RE.finditer(ftext):
        words += 1
        langs = stop_index.get(m.group(0))
        if langs:
            share = 1.0 / len(langs)
            for lang in langs:
                scores[lang] = scores.get(lang, 0.0) + share
            if thanks:
                stop_at.append(m.start())
            continue
        at = m.start()
        if courteous is not None and courteous.covers(at):
            continue
        pos = at if origin is None else origin[at]
        if text[pos].isupper() and (at >= signed or _is_name(text, pos)):
            names += 1
            name_at.append(at)
        else:
            other += 1
            other_at.append(at)
    if _dominant(scores) != "de":
        stop_at = []  # capitalised words inside a sentence are nouns in German only
    bare = _bare_clauses(ftext, breaks, hits, other_at, name_at, stop_at) if thanks else 0
    news = _news(ftext, hits, _dominant(scores)) + bare if thanks else 0
    return thanks, words, other, scores, news, names, bare


SIGN_OFF_WORDS = 3  # "… Thanks so much! Jana Schmidt": a name after the last full stop


def _sign_off(
    text: str, folded: Folded, breaks: list[int], stop_index: Mapping[str, tuple[str, ...]]
) -> int:
    """Where a closing name starts: a last sentence of at most `SIGN_OFF_WORDS` capitalised
    words and no function word, after another sentence ("… Ping us here. Dan"); else the
    text's end."""
    ftext = folded.text
    tail = len(ftext.rstrip())  # a break at or past it ends the text, not a sentence
    i = bisect_left(breaks, tail)
    start = breaks[i - 1] if i else 0
    if not start:
        return len(ftext)
    # one word past the limit is enough to know: a 1 MB last sentence is not listed whole
    words = list(islice(_WORD_RE.finditer(ftext, start), SIGN_OFF_WORDS + 1))
    if not 0 < len(words) <= SIGN_OFF_WORDS:
        return len(ftext)
    for m in words:
        pos = m.start() if folded.origin is None else folded.origin[m.start()]
        if not text[pos].isupper() or m.group(0) in stop_index:
            return len(ftext)
    return words[0].start()


def _bare_clauses(
    ftext: str,
    breaks: list[int],
    hits: list[Hit],
    other_at: list[int],
    name_at: list[int],
    stop_at: list[int],
) -> int:
    """Clauses with words of their own and no thanks, courtesy or wish in them: a statement
    ("The jumper is pure merino wool", "wir kümmern uns sofort darum") is news. Two other
    words make one, or one beside a capitalised word (German nouns: "Der Pullover ist aus
    reiner Merinowolle"), or in German two capitalised words with two function words ("Die
    Kissenbezüge sind nicht Teil des Sets"; `stop_at` is empty in other languages, where
    "Mía de El Jardín" is a name); a lone name or word ("M. Leroy,", "just ask") or a name
    alone ("Jana Schmidt") does not."""
    if not other_at and len(name_at) < 2:
        return 0
    clauses = clause_breaks(ftext, breaks)
    # A courtesy word beside news is no courtesy clause: "Ihr Ersatz-Objektivdeckel ist in der
    # Post" says something ("Ihr" also opens "Ihr Team").
    newsy = {bisect_right(clauses, h.start) for h in hits if h.family == "news"}
    polite = {
        c
        for h in hits
        if h.family in ("thanks", "courtesy", "wish")
        and ((c := bisect_right(clauses, h.start)) not in newsy or h.family != "courtesy")
    }
    counts = Counter(bisect_right(clauses, pos) for pos in other_at)
    named = Counter(bisect_right(clauses, pos) for pos in name_at)
    worded = Counter(bisect_right(clauses, pos) for pos in stop_at)
    # a news word counts as a second word: "Gracias por el pedido: sale el lunes."
    bare = {c for c, n in counts.items() if n + (c in newsy) >= 2 or c in named}
    # two function words: "Jana von Birke & Co" is a sign-off, "… sind nicht Teil des Sets" not
    bare.update(c for c, n in named.items() if n >= 2 and worded[c] >= 2)
    return len(bare - polite)


# "nos ayudaría una valoración honesta. ¡Gracias!" asks for something: not thanks only.
NEWS_FAMILIES = frozenset({"news", "negation", "review_request", "review_mention"})


def _news(ftext: str, hits: list[Hit], language: str | None = None) -> int:
    """Signs that a thanking paragraph also says something: `news` of the order or product, a
    refusal or negation, a review request, a question, a number; not inside a thanks phrase
    ("thanks for your order", "don't hesitate"), but inside what it governs ("thanks for the
    feedback on the manual")."""
    thanked = SpanSet((h.start, h.end) for h in hits if h.family in ("thanks", "negation_exempt"))
    count = ftext.count("?")
    for h in hits:
        if h.family in NEWS_FAMILIES and not thanked.covers(h.start):
            # a news word or negation of another language is no news ("de nuestra parte" is
            # not "part"; Swedish "Ni" is not Spanish "ni")
            count += (
                h.family not in ("news", "negation") or language is None or h.language == language
            )
    count += sum(1 for m in _DIGITS_RE.finditer(ftext) if not thanked.covers(m.start()))
    return count


_CLAUSE_STOP_RE = re.compile(r"[.,;:!?()\n]|\s-\s")
COURTESY_TAIL = 2  # words a thanks governs in its clause
WISH_TAIL = 10  # words a wish governs: "hope the new espresso cups bring you lots of joy"
COURTESY_REACH = 80
MAX_TAILS = 200  # per paragraph: a pasted page of "thank you"s needs no more


def _courtesy_tails(
    ftext: str, hits: list[Hit], polite: SpanSet, stop_index: Mapping[str, tuple[str, ...]]
) -> list[tuple[int, int]]:
    """What a thanks or a wish governs in its clause is part of it: "tack för beställningen",
    "esperamos que disfrutes tu nueva bici", "speriamo che la lampada ti piaccia". At most
    `COURTESY_TAIL` other words after a thanks; after a `wish` ("enjoy your new kettle",
    "que votre nouvelle théière vous plaira") up to `WISH_TAIL`, unless a `news` word is
    among them ("hope the replacement arrives soon" is about the order). Never digits or a
    relative clause ("… order, which ships on the 4th" says something)."""
    # a set: "que" is a relative word in French and Spanish alike, one position
    relatives = sorted({h.start for h in hits if h.family == "relative"})
    news = SpanSet((h.start, h.end) for h in hits if h.family == "news")
    out = []
    governing = [h for h in hits if h.family in ("thanks", "wish")][:MAX_TAILS]
    for h in governing:
        start = h.end
        while start < len(ftext) and ftext[start].isalnum():
            start += 1  # a stem hit ends inside its word ("disfrut|es")
        stop = _CLAUSE_STOP_RE.search(ftext, start, start + COURTESY_REACH)
        end = stop.start() if stop else min(len(ftext), start + COURTESY_REACH)
        i = bisect_left(relatives, start)
        if h.family == "wish" and i < len(relatives) and relatives[i] <= start + 1:
            i += 1  # "hope that", "speriamo che": the wish's own complement, not a relative
        if _DIGITS_RE.search(ftext, start, end) or (i < len(relatives) and relatives[i] < end):
            continue
        if h.family == "wish" and news.overlaps(start, end):
            continue
        others = sum(
            1
            for m in _WORD_RE.finditer(ftext, start, end)
            if m.group(0) not in stop_index and not polite.covers(m.start())
        )
        if h.family == "wish" and others <= WISH_TAIL:
            out.append((h.start, end))  # the wish itself too ("wünschen", "hope")
        elif others <= COURTESY_TAIL:
            out.append((start, end))
    return out


_STOP_CACHE: dict[int, dict[str, tuple[str, ...]]] = {}


def _stop_index(pack: RulePack) -> dict[str, tuple[str, ...]]:
    key = id(pack.lexicons)
    index = _STOP_CACHE.get(key)
    if index is None:
        acc: dict[str, list[str]] = {}
        for lang, lex in pack.lexicons.items():
            for word in lex.stopwords:
                acc.setdefault(word, []).append(lang)
        index = {w: tuple(langs) for w, langs in acc.items()}
        _STOP_CACHE[key] = index
    return index
