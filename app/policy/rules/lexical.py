"""Rules driven by the lexicons: marketing, cross-promotion, off-platform, opt-out, reviews.

Words alone decide nothing here; constructions do (docs/policy.md "Constructions"):

- Sentences and clauses are the units. A clause ends at . ! ? ; : , at a dash between spaces,
  and before a contrast word ("but", "men", "pero", "aber", "mais", "ma": family `contrast`).
- A `negation` cue ("can't", "tyvärr inte", "no podemos", "leider keinen", "ne … pas", "non",
  "you asked about") cancels marketing, cross-promotion, off-platform and review terms after it
  in its clause; a verbal one (`negation_after`: "doesn't", "inte", "nicht", "no", "ne",
  "non") also before it ("the promo code doesn't work", "Rabatt können wir nicht geben"),
  unless a `subordinator` stands between ("Call us if it doesn't work"). A cue inside a `negation_exempt` phrase ("don't miss", "no te pierdas",
  "n'hésitez pas") or inside the term itself does not count.
- A review incentive is a review mention linked to value or to a condition on its content.
  Value (`review_incentive`: refund, gift card, voucher, free item, draw) counts when it follows
  the mention in the same sentence or opens the next one ("Leave 5 stars and get a refund",
  "Leave a review. We'll send you a gift!"), or precedes it in one clause joined by a `link`
  word ("a voucher for every review"), and is not already done (`completed`: "we have
  refunded", "ya hemos reembolsado"); before it, the link word may open the next clause ("we
  refund the full price, once your review is up"). A condition (`review_conditional`: "if you're happy",
  "5 stars", "only positive") counts in the mention's sentence or the one next to it, unless a
  `review_neutral` phrase ("positive or negative", "honest") says any review is welcome.
  `review_not` phrases ("we will review your return", "changé d'avis", "avis de passage")
  use the word in another sense and are no mention; the same family holds value words used
  otherwise ("gift set", "papel de regalo"). A mention right after thanks ("thank you for your review") or naming the buyer's existing
  review (`review_existing`: "your feedback") is not a request.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.policy.lexicon import Hit
from app.policy.spans import SpanSet

# family -> (rule id, severity key in the pack)
SIMPLE_FAMILIES: dict[str, tuple[str, str]] = {
    "marketing": ("marketing", "marketing"),
    "marketing_soft": ("marketing", "marketing.soft"),
    "cross_promotion": ("cross-promotion", "cross-promotion"),
    "off_platform": ("off-platform", "off-platform"),
    "opt_out": ("opt-out-link", "opt-out-link"),
}

# review_spans kind -> explanation code (app.policy.explanations)
REVIEW_CODES: dict[str, str] = {
    "review-incentive": "review-incentive",
    "review-condition": "review-incentive.condition",
    "review-change": "review-incentive.change",
}

REVIEW_FAMILIES = frozenset({"review_change", "review_request", "review_mention"})
# A change verb ("uppdatera", "retirar", "aggiornare") this close to a review word in its
# clause asks to change that review: "uppdatera ditt betyg", "retirara el comentario negativo".
CHANGE_REACH = 25
# Money and percentages are value wherever a value word would be: "sätter vi in 100 kr på
# ditt konto", "un reembolso del 20%", "10 € di buono".
_AMOUNT = re.compile(
    r"(?:[€$£]\s?\d[\d.,]*|\d[\d.,]*\s?(?:%|€|\$|£|(?:kr|kronor|sek|eur|euros?|usd|gbp|chf)\b))"
)


def amount_hits(folded: str) -> list[Hit]:
    """Money amounts and percentages in folded text, as value (`review_incentive`) hits."""
    return [
        Hit("review_incentive", "pack", "amount", m.start(), m.end())
        for m in _AMOUNT.finditer(folded)
    ]


# Offers written with numbers, in any language: "-30 %" (a minus before a percentage, not a
# range "20-30 %") and "3 for 2" / "3 pour le prix de 2" / "3 für 2" (more for fewer).
_OFFER = re.compile(
    r"(?<![\w.,%-])[-\u2212\u2013]\s?\d{1,2}(?:[.,]\d)?\s?%"
    r"|\b(\d)\s(?:for|fur|pour le prix de|al prezzo di|por el precio de|por|zum preis von"
    r"|for priset av|per|al prezzo di|pour)\s(\d)\b(?![.,]\d)"
    # "price of" may follow the goods: "2 confezioni al prezzo di 1", "3 tubes pour le prix de 2"
    r"|\b(\d)\s(?:[^\W\d]+\s){1,3}(?:for the price of|pour le prix de|al prezzo di"
    r"|por el precio de|zum preis von|for priset av)\s(\d)\b(?![.,]\d)"
)


# A percentage and a code to type, in one sentence, in any order and language: "save 15 %
# with the code THANKS15", "mit dem Code DANKE15 … 15 %", "avec le code … 15 %". The code
# must be one to use ("with/use/mit/avec/con/med … code"), not a tracking or error code.
_USE_CODE = (
    r"(?:with|use|using|enter|mit|avec|con|med|utilisez|usa|utilice|usar|anv[aä]nd\w*)"
    r"\s(?:the\s|dem\s|le\s|el\s|il\s|la\s)?(?:discount\s|promo\s|rabatt)?"
    r"(?:code|codigo|codice|koden|kod|coupon|cupon|gutscheincode|rabattcode)\b(?!\s\d+\b)"
)  # (a code of digits only is a PIN or a locker's: "opens with the code 1234")
# …or an amount off: "it's £5 less on our site, use code AMZ5", "mit dem Code AMZ5 5 € weniger"
# (a dot inside a word, "shop.co.uk", does not end the sentence)
_PERCENT = (
    r"(?:\d{1,2}(?:[.,]\d)?\s?%|[€$£]\s?\d{1,3}\b|\d{1,3}(?:[.,]\d\d)?\s?(?:€|£|\$|eur\b|euro))"
)
_CODE_OFFER = re.compile(
    rf"{_PERCENT}(?:[^.!?;\n]|\.(?=\w)){{0,80}}?{_USE_CODE}"
    rf"|{_USE_CODE}(?:[^.!?;\n]|\.(?=\w)){{0,80}}?{_PERCENT}"
)


# A multi-buy price: "2 pour 25 €", "2 per 25 €", "3 for £10", "3 für 10 €" (two or more).
_MULTI_PRICE = re.compile(
    r"\b([2-9])\s(?:pour|per|for|fur|por)\s(?:[€$£]\s?)?\d+(?:[.,]\d+)?"
    r"\s?(?:€|\$|£|eur\b|euros?\b|kr\b|sek\b)"
)


def offer_hits(folded: str) -> list[Hit]:
    """Offers in numbers as `marketing` hits (negation and reported speech apply as to words)."""
    out = []
    for m in _OFFER.finditer(folded):
        more, fewer = m.group(1) or m.group(3), m.group(2) or m.group(4)
        if more is None or int(more) > int(fewer):
            out.append(Hit("marketing", "pack", "offer", m.start(), m.end()))
    out.extend(
        Hit("marketing", "pack", "offer", m.start(), m.end()) for m in _CODE_OFFER.finditer(folded)
    )
    out.extend(
        Hit("marketing", "pack", "offer", m.start(), m.end()) for m in _MULTI_PRICE.finditer(folded)
    )
    return out


# Two families that make a term together when they meet in one clause, in either order and
# whatever words come between (family made: (first, second, characters between)):
# - an opt-out is a refusal verb and a kind of mailing: "slippa våra säsongsbrev", "mejlen med
#   erbjudanden kan du stänga av", "prescindir de nuestras comunicaciones";
# - a cross-sell is "also" and a verb of selling or making: "dessutom säljer vi", "vi syr
#   förresten även", "además fabricamos".
# Someone else's mailing named right after it is not ours ("slippa vänta på mejl från
# transportören", "mensajes del transportista"). The pair is a hit of the family it makes, so
# negation, reported speech and quotation apply to it as to a phrase.
PAIRS: dict[str, tuple[str, str, int]] = {
    "opt_out": ("opt_out_verb", "opt_out_object", 30),
    "cross_promotion": ("also", "we_sell", 20),
}
PAIR_FAMILIES = frozenset(f for first, second, _r in PAIRS.values() for f in (first, second))
OWNER_REACH = 20  # characters from a mailing to a `third_party` cue that owns it


def pair_hits(hits: Sequence[Hit], clauses: Sequence[int]) -> list[Hit]:
    """The `PAIRS` terms: each first-family hit with a second-family hit of its language near it
    in its clause (the first such in `hits` order)."""
    owners = sorted(h.start for h in hits if h.family == "third_party")

    def owned(h: Hit) -> bool:
        i = bisect_left(owners, h.end)
        return i < len(owners) and owners[i] - h.end <= OWNER_REACH

    out = []
    for made, (first, second, reach) in PAIRS.items():
        heads = [h for h in hits if h.family == first]
        if not heads:
            continue
        tails = [h for h in hits if h.family == second and not owned(h)]
        if not tails:
            continue
        # Only tails starting within reach (plus the longest tail's length) of a head can pair
        # with it: looked up by start, a pasted page of both families stays near linear.
        by_start = sorted(range(len(tails)), key=lambda i: tails[i].start)
        starts = [tails[i].start for i in by_start]
        longest = max(h.end - h.start for h in tails)
        for v in heads:
            near = by_start[
                bisect_left(starts, v.start - reach - longest) : bisect_right(starts, v.end + reach)
            ]
            for i in sorted(near):
                o = tails[i]
                if o.language != v.language:
                    continue
                lo, hi = (v.end, o.start) if v.end <= o.start else (o.end, v.start)
                if 0 <= hi - lo <= reach and bisect_right(clauses, lo) == bisect_right(clauses, hi):
                    start, end = min(v.start, o.start), max(v.end, o.end)
                    out.append(Hit(made, v.language, f"{v.term} … {o.term}", start, end))
                    break
    return out


# A social handle with a dot or an underscore in it ("👉 @maison.lila", "@casa_lila") names an
# account elsewhere; an e-mail address's "@" follows a word character and is not one.
_HANDLE = re.compile(r"(?<![\w.@])@[a-z0-9](?=[a-z0-9]*[._][a-z0-9])[a-z0-9._]{2,29}(?![\w@])")


def handle_hits(folded: str) -> list[Hit]:
    """Social handles as `off_platform` hits (a negation still cancels them)."""
    return [
        Hit("off_platform", "pack", "handle", m.start(), m.end()) for m in _HANDLE.finditer(folded)
    ]


# `negation` cancels what follows in its clause; verbal negations (`negation_after`: "the
# code doesn't work", "Rabatt geben wir nicht") and `reported` speech also what precedes.
BOTH_WAYS = frozenset({"negation_after", "reported"})
# Narrower cues, both ways: `ended` ("är avslutad", "ya ha finalizado", "è terminata") cancels
# marketing in its whole sentence ("we had a sale last week, but it has ended"); `on_platform`
# ("här i meddelandena", "por aquí", "qui su Amazon") cancels off-platform in its clause
# ("escríbanos por aquí").
SCOPED = {
    "ended": frozenset({"marketing", "marketing_soft"}),
    "on_platform": frozenset({"off_platform"}),
}
# Cues that speak only to a term right next to them: `owned` ("Amazons", "de Amazon", "di
# Amazon") makes the marketing term beside it the marketplace's own ("Amazons Black
# Friday-kampanj", "la promoción Black Friday de Amazon"); `third_party` after a contact
# verb or channel makes it someone else's ("ring transportören", "llame a la empresa de
# transporte", "chiami il corriere"), or, right before it, the one whose number it is ("rufen
# Sie den Zusteller unter der Nummer aus seiner SMS an"). (targets, characters between when
# the cue follows, when it comes first)
NEAR: dict[str, tuple[frozenset[str], int, int]] = {
    "owned": (frozenset({"marketing", "marketing_soft"}), 15, 15),
    "third_party": (frozenset({"off_platform", "contact_verb"}), 12, 1),
}
CUE_FAMILIES = BOTH_WAYS | {"negation"} | SCOPED.keys() | NEAR.keys()
CLAUSE_FAMILIES = REVIEW_FAMILIES | CUE_FAMILIES | {"review_existing"}
NEGATABLE = frozenset(
    {
        "marketing",
        "marketing_soft",
        "cross_promotion",
        "off_platform",
        "review_incentive",
        "review_conditional",
        "review_change",
        "review_change_verb",
        "review_change_clitic",
    }
)

# Characters between a link word and "your review": "for your review", "once you've posted
# your review", "en cuanto publique su reseña".
LINK_REACH = 20
# Clauses a link word may bridge between value and a later review mention in one sentence:
# "free express delivery – in return, a nice review would be appreciated".
LINK_CLAUSES = 2
# A sentence ends at . ! ? and line breaks, and at an emoji before a space: casual writers
# end sentences with one ("Your book is on its way 📚 Leave a review and …").
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n|[\u2600-\u27bf\U0001f300-\U0001faff](?=\s)")
_CLAUSE_END = re.compile(r"[;:,()](?=\s|$)|\s-\s|\s-$")


def sentence_breaks(folded: str) -> list[int]:
    return [m.end() for m in _SENTENCE_END.finditer(folded)]


@dataclass(frozen=True, slots=True)
class Units:
    """Sentence and clause numbers of folded offsets."""

    sentences: list[int]
    clauses: list[int]

    def sentence(self, pos: int) -> int:
        return bisect_right(self.sentences, pos)

    def clause(self, pos: int) -> int:
        return bisect_right(self.clauses, pos)

    def first_clause_of_sentence(self, pos: int) -> bool:
        """No clause break between the start of pos's sentence and pos."""
        s = self.sentence(pos)
        sentence_start = self.sentences[s - 1] if s else 0
        i = bisect_right(self.clauses, sentence_start)
        return i >= len(self.clauses) or self.clauses[i] > pos


def clause_breaks(folded: str, breaks: Sequence[int]) -> list[int]:
    """Sentence breaks plus punctuation clause breaks, sorted (no contrast words)."""
    return sorted({*breaks, *(m.end() for m in _CLAUSE_END.finditer(folded))})


def units(folded: str, breaks: Sequence[int], hits: Iterable[Hit]) -> Units:
    clause = set(clause_breaks(folded, breaks))
    clause.update(h.start for h in hits if h.family == "contrast")
    return Units(list(breaks), sorted(clause))


# A reported cue this close to the start of its clause speaks of the clause before ("the
# voucher, which you mention, …"; "on sale, but that's set by Amazon").
REPORT_BACK = 12


class Negations:
    """Which hits a negation cue in their clause cancels."""

    def __init__(self, hits: Sequence[Hit], u: Units | None, language: str | None) -> None:
        self._u = u or Units([], [])
        self._language = language
        self._subordinators: list[int] = []
        self._by_clause: dict[int, list[Hit]] = {}
        self._ended: dict[int, list[Hit]] = {}  # sentence -> `ended` cues
        self._near: list[Hit] = []  # `owned` and `third_party` cues
        cues = [h for h in hits if h.family in CUE_FAMILIES]
        self._subordinators = sorted(h.start for h in hits if h.family == "subordinator")
        if not cues or u is None:
            return
        exempt = SpanSet(
            (h.start, h.end) for h in hits if h.family in ("negation_exempt", "marketing")
        )
        # "our outlet shelf on the Amazon page": Amazon named as the place, not the owner
        places = SpanSet((h.start, h.end) for h in hits if h.family == "on_platform")
        for h in cues:
            if h.family == "ended":
                self._ended.setdefault(u.sentence(h.start), []).append(h)
            elif h.family in NEAR:
                if h.family != "owned" or not places.overlaps(h.start, h.end):
                    self._near.append(h)
            elif not exempt.overlaps(h.start, h.end):
                clause = u.clause(h.start)
                self._by_clause.setdefault(clause, []).append(h)
                if (
                    h.family == "reported"
                    and clause
                    and h.start - u.clauses[clause - 1] <= REPORT_BACK
                ):
                    # "der Gutschein, den Sie erwähnen, …" (over an empty one: ", mais c'est …")
                    back = clause - 1
                    while back > 0 and u.clauses[back] - u.clauses[back - 1] <= 2:
                        back -= 1
                    self._by_clause.setdefault(back, []).append(h)

    def _subordinated(self, lo: int, hi: int) -> bool:
        """A subordinating word ("if", "si", "wenn") between lo and hi."""
        return _subordinated_between(self._subordinators, lo, hi)

    def _near_cue(self, hit: Hit) -> bool:
        clause = self._u.clause(hit.start)
        for cue in self._near:
            targets, gap, before = NEAR[cue.family]
            if hit.family not in targets or self._u.clause(cue.start) != clause:
                continue
            if 0 <= cue.start - hit.end <= gap or 0 <= hit.start - cue.end <= before:
                return True
        return False

    def cancels(self, hit: Hit) -> bool:
        if self._near and self._near_cue(hit):
            return True
        if self._ended and hit.family in SCOPED["ended"]:
            ended = self._ended.get(self._u.sentence(hit.start), ())
            if any(same_language(c, hit, self._language) for c in ended):
                return True
        if not self._by_clause:
            return False
        clause = self._u.clause(hit.start)
        for cue in self._by_clause.get(clause, ()):
            if cue.family in SCOPED:  # may share a word: "escríbanos por" + "por aquí"
                if hit.family in SCOPED[cue.family] and same_language(cue, hit, self._language):
                    return True
                continue
            if not same_language(cue, hit, self._language):
                continue  # Swedish "ni" (you) is not Spanish "ni" (nor)
            if cue.start < hit.end and hit.start < cue.end:
                if cue.family == "reported":
                    return True  # the term is inside what is reported ("Amazon-Aktion")
                continue  # the cue is part of the term ("don't leave negative feedback")
            if cue.end <= hit.start:
                return True
            if cue.family in BOTH_WAYS and not self._subordinated(hit.end, cue.start):
                return True
        return False


def _subordinated_between(starts: Sequence[int], lo: int, hi: int) -> bool:
    i = bisect_right(starts, lo - 1)
    return i < len(starts) and starts[i] < hi


def same_language(cue: Hit, term: Hit, language: str | None) -> bool:
    """A cue speaks to a term in the paragraph's language or in the term's own: the lexicons
    share spellings across languages (French "déjà" is Spanish "deja", leave)."""
    return language is None or cue.language in (language, term.language)


def _links_back(links: Sequence[Hit], u: Units, sentence: int, start: int, end: int) -> bool:
    """A link word in the first clause of `sentence`, between start and end, in the clause
    of the review mention at `end` ("Basta pubblicare la sua valutazione", "Just leave a
    review")."""
    return any(
        start <= h.start
        and h.end <= end
        and u.sentence(h.start) == sentence
        and u.first_clause_of_sentence(h.start)
        and u.clause(h.start) == u.clause(end - 1)
        for h in links
    )


def _between(hits: Sequence[Hit], family: str, start: int, end: int) -> bool:
    return any(h.family == family and start <= h.start and h.end <= end for h in hits)


def _change_requests(
    verbs: Sequence[Hit],
    every: Sequence[Hit],
    completed: Sequence[Hit],
    u: Units,
    neg: Negations,
    language: str | None,
) -> list[tuple[str, int, int, str]]:
    """A change verb next to a review word of its language in one clause, not negated and not
    already done ("we have updated the listing after your review" is no request; Swedish
    "står" is not English "star"). A verb with the review as its clitic
    (`review_change_clitic`: "reconsiderarla", "cancellarla") refers back to a review named
    before it in its sentence or the one before ("Vimos su valoración de 2 estrellas.
    ¿Podría reconsiderarla?")."""
    out: list[tuple[str, int, int, str]] = []
    for v in verbs:
        clause = u.clause(v.start)
        clitic = v.family == "review_change_clitic"
        # "we have refunded you and hope you'll revise it": what is done is the seller's; a
        # clitic verb ("reconsiderarla", "you … change it") still asks the buyer.
        if neg.cancels(v) or (
            not clitic and any(u.clause(c.start) == clause and c.start < v.start for c in completed)
        ):
            continue
        for m in every:
            if m.language != v.language and (language is None or m.language != language):
                continue  # French "avis" is not in Spanish "aviso … cambiar"
            if clitic:
                near = m.end <= v.start and 0 <= u.sentence(v.start) - u.sentence(m.start) <= 1
            else:
                near = u.clause(m.start) == clause and (
                    0 <= m.start - v.end <= CHANGE_REACH or 0 <= v.start - m.end <= CHANGE_REACH
                )
            if near:
                out.append(("review-change", min(v.start, m.start), max(v.end, m.end), v.term))
                break
    return out


def review_spans(
    hits: Sequence[Hit], u: Units, neg: Negations, language: str | None
) -> list[tuple[str, int, int, str]]:
    """(kind, start, end, term) of review incentives, conditions and change requests."""
    out: list[tuple[str, int, int, str]] = []
    fam: dict[str, list[Hit]] = {}
    for h in hits:
        fam.setdefault(h.family, []).append(h)
    if not fam.keys() & (REVIEW_FAMILIES | {"review_existing"}):
        return out
    not_review = SpanSet((h.start, h.end) for h in fam.get("review_not", []))
    for h in fam.get("review_change", []):
        if not neg.cancels(h) and not not_review.overlaps(h.start, h.end):
            out.append(("review-change", h.start, h.end, h.term))
    completed = fam.get("completed", [])
    # the replacement or repair already agreed ("ersättaren", "el recambio") is a remedy, not
    # a reward: value in its clause is no incentive (a change request after it still is)
    remedied = completed + fam.get("remedy", [])

    thanked = SpanSet((h.start, h.end) for h in fam.get("review_thanked", []))
    link_ends = [h.end for h in fam.get("review_link", [])]
    # "your review" names one the buyer wrote, unless a link word makes it the price: "for
    # your review", "sobald Sie Ihre Rezension …".
    existing = SpanSet(
        (h.start, h.end)
        for h in fam.get("review_existing", [])
        if not any(0 <= h.start - e <= LINK_REACH for e in link_ends)
    )
    requests = fam.get("review_request", [])
    request_spans = SpanSet((h.start, h.end) for h in requests)

    def is_request(m: Hit) -> bool:
        if request_spans.overlaps(m.start, m.end) and m.family != "review_request":
            return False  # the request hit itself stands for it
        if m.family != "review_request" and existing.overlaps(m.start, m.end):
            return False
        return not thanked.overlaps(m.start, m.end)

    # "we will review your return", "changé d'avis": the word, not a buyer's review
    every = [
        m
        for m in requests + fam.get("review_mention", [])
        if not not_review.overlaps(m.start, m.end)
    ]
    mentions = [m for m in every if is_request(m)]
    # "au revoir" is no "revoir" (review_not holds the word's other senses)
    verbs = [
        v
        for v in fam.get("review_change_verb", []) + fam.get("review_change_clitic", [])
        if not not_review.overlaps(v.start, v.end)
    ]
    # "quitara su comentario": asking to change one the buyer wrote names it as theirs
    named = [h for h in fam.get("review_existing", []) if not not_review.overlaps(h.start, h.end)]
    out.extend(_change_requests(verbs, [*every, *named], completed, u, neg, language))
    if not every:
        return out
    neutral_sentences = {u.sentence(h.start) for h in fam.get("review_neutral", [])}
    link_back = fam.get("review_link_back", [])
    contrasts = sorted(h.start for h in fam.get("contrast", []))

    def refused(m: Hit, v: Hit) -> bool:
        """A refused review mention ("we can't offer anything for a review, but we'll replace it
        free of charge") does not reach value past a contrast word."""
        return _subordinated_between(contrasts, m.end, v.start) and neg.cancels(m)

    for v in fam.get("review_incentive", []):
        if not_review.overlaps(v.start, v.end):
            continue  # "gift set", "papel de regalo": the product, not a reward
        if neg.cancels(v) or any(
            u.clause(c.start) == u.clause(v.start) and same_language(c, v, language)
            for c in remedied
        ):
            continue
        sv = u.sentence(v.start)
        for m in every:
            if language is not None and m.language not in (language, v.language):
                continue  # Swedish "står" is not English "star"
            sm = u.sentence(m.start)
            after = (
                m in mentions
                and m.end <= v.start
                and (
                    sm == sv
                    # "You asked whether a review affects your refund: it doesn't. Refunds are
                    # …": a reported or negated mention reaches no value in the next sentence
                    or (sv == sm + 1 and u.first_clause_of_sentence(v.start) and not neg.cancels(m))
                )
                and not refused(m, v)
            )
            # A review thanked for is no price ("le remboursement suit, et merci pour votre
            # avis") unless the thanks is the value ("Som tack för din recension…").
            thanks_only = thanked.overlaps(m.start, m.end) and not thanked.overlaps(v.start, v.end)
            # …and one the buyer wrote ("votre avis reste libre") is no price either
            named_only = (
                m.family != "review_request"
                and existing.overlaps(m.start, m.end)
                and not request_spans.overlaps(m.start, m.end)
            )
            # "a refund once you've posted your review": the link word makes it a request
            before = (
                not thanks_only
                and not named_only
                and v.end <= m.start
                and (
                    (
                        0 <= u.clause(m.start) - u.clause(v.start) <= LINK_CLAUSES
                        and sm == sv
                        and _between(hits, "review_link", v.end, m.start)
                    )
                    # "Une clé USB offerte ? Il suffit de poster votre avis": a `review_link_back`
                    # word opening the next sentence reaches back to the value
                    or (sm == sv + 1 and _links_back(link_back, u, sm, v.end, m.start))
                )
            )
            if after or before:
                out.append(("review-incentive", min(m.start, v.start), max(m.end, v.end), v.term))
                break
    offers = SpanSet((s, e) for _k, s, e, _t in out)
    for c in fam.get("review_conditional", []):
        sc = u.sentence(c.start)
        if neg.cancels(c) or sc in neutral_sentences or offers.overlaps(c.start, c.end):
            continue
        if not_review.overlaps(c.start, c.end):
            continue  # "the five-star safety rating", "Hotel 5 Stelle": a grade, no condition
        for m in mentions:
            if abs(u.sentence(m.start) - sc) <= 1:
                out.append(("review-condition", min(m.start, c.start), max(m.end, c.end), c.term))
                break
    return out
