"""Structure before words: quoted text and signatures, clauses and negation, constructions."""

from __future__ import annotations

import subprocess
import sys

import pytest
from policy_helpers import rules, run_check

from app.policy.domains import public_suffixes, suffix_of
from app.policy.lexicon import parse_entry
from app.policy.structure import Region, regions


def _kinds(body: str) -> list[tuple[str, Region]]:
    return [(body[s:e].strip(), kind) for s, e, kind in regions(body)]


@pytest.mark.parametrize(
    "attribution",
    [
        "On Tue, 3 Mar 2026 at 10:02, Anna wrote:",
        "Den 3 mars 2026 kl. 10:02 skrev Anna:",
        "El mar, 3 mar 2026 a las 10:02, Ana escribió:",
        "Am 03.03.2026 um 10:02 schrieb Anna:",
        "Le mar. 3 mars 2026 à 10:02, Anne a écrit :",
        "Il giorno mar 3 mar 2026 alle 10:02 Anna ha scritto:",
    ],
)
def test_attribution_lines_open_quoted_text_in_six_languages(attribution: str) -> None:
    body = f"Sorry, no coupons.\n\n{attribution}\nDo you have a coupon code? 20% off?"
    assert [k for _t, k in _kinds(body)] == [Region.OWN, Region.QUOTED]
    assert rules(run_check(body)) == set()


def test_a_bottom_posted_reply_keeps_the_sellers_text_below_the_quote() -> None:
    body = "On Mon, Anna wrote:\n> any coupon?\n> thanks\n\nUse code SAVE10 for 10% off!"
    kinds = _kinds(body)
    assert [k for _t, k in kinds] == [Region.QUOTED, Region.OWN]
    assert kinds[-1][0] == "Use code SAVE10 for 10% off!"
    assert "marketing" in rules(run_check(body))


def test_quoted_buyer_words_raise_no_marketing_but_links_still_count() -> None:
    body = "> do you have a coupon? see www.cheapshop.com\n\nSorry, we don't have coupons."
    assert rules(run_check(body)) == {"external-link"}


@pytest.mark.parametrize(
    "header",
    [
        "-----Original Message-----",
        "---------- Forwarded message ---------",
        "-------- Weitergeleitete Nachricht --------",
        "From: Buyer\nSent: 3 March 2026\nSubject: discount",
    ],
)
def test_forwarded_messages_are_quoted(header: str) -> None:
    body = f"We can't change prices here.\n\n{header}\nGive me 20% off or a coupon code!"
    assert rules(run_check(body)) == set()


def test_signature_is_checked_for_contact_details_only() -> None:
    body = (
        "Your lamp ships tomorrow with DHL.\n\nBest regards,\nKarl\nNordic Lamps AB\n"
        "Summer sale partner\nkarl@nordiclamps.se"
    )
    kinds = _kinds(body)
    assert kinds[-1][1] is Region.SIGNATURE
    assert rules(run_check(body)) == {"contact-info"}  # the address; not "sale"


@pytest.mark.parametrize(
    "closing",
    [
        "Med vänlig hälsning",
        "Vänlig hälsning",
        "Med utmärkt hälsning",
        "Reciba un cordial saludo,",
        "Un abrazo,",
        "Le saluda atentamente,",
    ],
)
def test_closings_in_the_singular_and_formal_open_the_signature(closing: str) -> None:
    body = f"Your lamp ships tomorrow.\n\n{closing}\nKarl\nNordic Lamps AB"
    assert _kinds(body)[-1] == ("Karl\nNordic Lamps AB", Region.SIGNATURE)


@pytest.mark.parametrize("closing", ["Warmest wishes,", "Love,", "Hochachtungsvoll", "Gruß,"])
def test_more_closings_open_a_signature(closing: str) -> None:
    body = f"Your lamp ships tomorrow with DHL.\n\n{closing}\nKarl\nNordic Lamps Summer Sale Ltd"
    assert _kinds(body)[-1] == ("Karl\nNordic Lamps Summer Sale Ltd", Region.SIGNATURE)


def test_a_thanks_opening_is_not_a_signature() -> None:
    body = "Thanks!\nUse code SAVE10 for 10% off\nKarl"
    assert "marketing" in rules(run_check(body))


def test_a_ps_after_the_closing_is_the_sellers_words() -> None:
    body = "Your order ships today.\n\nBest regards,\nKarl\nP.S. use code SAVE10 for 10% off"
    assert "marketing" in rules(run_check(body))


@pytest.mark.parametrize(
    "body",
    [
        "We can't offer a discount, sorry.",
        "No podemos ofrecer descuentos en este artículo.",
        "Wir können leider keinen Rabatt gewähren.",
        "Einen Rabatt können wir leider nicht anbieten.",  # verb-second: negation after
        "Vi kan tyvärr inte ge någon rabatt.",
        "Nous ne pouvons pas vous offrir de réduction.",
        "Non possiamo fare sconti.",
        "The discount you saw at checkout was applied by Amazon, not by us.",
        "Unfortunately the promo code from another shop doesn't work here.",  # negation after
        "Le code promo d'une autre boutique ne fonctionne pas chez nous.",
        "Der Gutschein im Angebot kommt von Amazon und wird automatisch abgezogen.",
        "sorry but we dont do discounts on bulk orders",  # no apostrophe
        "Su pedido sale mañana con Correos.",  # Spanish "sale" (leaves) is no English sale
    ],
)
def test_refusals_do_not_fire_marketing(body: str) -> None:
    assert rules(run_check(body)) == set()


@pytest.mark.parametrize(
    "body",
    [
        "We don't usually do this, but here is a 10% discount code: SAVE10",
        "Don't miss our summer sale!",
        "No te pierdas nuestras rebajas de verano.",
        "Ne manquez pas nos soldes !",
        "Har ni frågor? Ni får 20 % rabatt med koden SOMMAR.",  # Swedish "ni" is not "nor"
    ],
)
def test_negation_stops_at_the_clause_and_exempt_phrases(body: str) -> None:
    assert "marketing" in rules(run_check(body))


@pytest.mark.parametrize(
    "body",
    [
        "Leave us 5 stars and get a refund!",
        "Give us 5 stars and we refund you",
        "A 5-star rating gets you a full refund",
        "Ge oss 5 stjärnor så får du pengarna tillbaka",
        "Déjanos 5 estrellas y te devolvemos el dinero",
        "Hola, si nos deja 5 estrellas le enviamos un regalo.",
        "If you're happy, five stars would mean the world to us!",
        "Leave a review. We'll send you a gift card!",  # value opens the next sentence
        "A €10 voucher for every review!",  # value before, joined by a link word
        "We refund the full price, once you've posted your review.",
        "Für Ihre Rezension schicken wir Ihnen gratis einen zweiten Filter.",
    ],
)
def test_review_incentive_constructions(body: str) -> None:
    assert "review-incentive" in rules(run_check(body))


def test_a_negation_in_a_subordinate_clause_stays_there() -> None:
    body = "Give us a ring if the drill doesn't work and we'll talk you through it."
    assert "off-platform" in rules(run_check(body))


@pytest.mark.parametrize(
    "body",
    [
        "Please only leave feedback if it's positive, otherwise message us first.",
        "Les clients satisfaits reçoivent un bon de 10 % en laissant un avis.",
        "¿Podría cambiar su opinión a positiva ahora que está resuelto?",
    ],
)
def test_review_conditions_value_words_and_change_requests(body: str) -> None:
    assert "review-incentive" in rules(run_check(body))


@pytest.mark.parametrize(
    "body",
    [
        "We have refunded your order. Feel free to leave feedback.",
        "Your refund is on its way, and we'd love to hear your feedback.",
        "Thanks for the 5-star review! The spare strap was posted today.",
        "We can't offer anything in exchange for a review.",
        "Please leave a review, positive or negative, it helps us improve.",
        "We will review your return request and refund you within two days.",
        "Si vous avez changé d'avis, nous vous rembourserons dès réception.",
    ],
)
def test_review_words_without_the_construction_pass(body: str) -> None:
    assert "review-incentive" not in rules(run_check(body))


def test_review_condition_explains_what_to_change() -> None:
    (found,) = [f for f in run_check("Please leave a positive review!") if f.rule]
    assert found.code == "review-incentive.condition"
    assert "honest review" in found.message


@pytest.mark.parametrize(
    ("body", "link"),
    [
        ("Visit our shop dot com", "shop dot com"),
        ("Size chart at www . tidyhome . co . uk", "www . tidyhome . co . uk"),
        ("Find us at boutique point fr", "boutique point fr"),
        ("Le istruzioni sono su negozio punto it", "negozio punto it"),
        ("manual: tidyhome[.]co[.]uk/manuals", "tidyhome[.]co[.]uk"),
    ],
)
def test_spelled_out_links(body: str, link: str) -> None:
    found = [f for f in run_check(body) if f.rule == "external-link"]
    assert [body[f.start : f.end] for f in found] == [link]


@pytest.mark.parametrize(
    "body",
    ["El punto es que el paquete ya salió.", "That's a good point it seems.", "See manual.zip"],
)
def test_ordinary_words_are_not_spelled_out_links(body: str) -> None:
    assert "external-link" not in rules(run_check(body))


def test_public_suffixes_come_from_the_bundled_list() -> None:
    known = public_suffixes()
    assert {"se", "co.uk", "it", "shop"} <= known and len(known) > 5000
    assert suffix_of("www.shop.co.uk") == "co.uk"
    assert suffix_of("example.notasuffix") is None


@pytest.mark.parametrize(
    ("body", "market"),
    [
        ("Rufen Sie mich unter 0171 2345678 an.", "amazon.de"),
        ("Ring 070-123 45 67 om något krånglar.", "amazon.se"),
        ("Mi chiami al 347 987 6543.", "amazon.it"),
        ("Appelez-moi au 06 98 76 54 32.", "amazon.fr"),
        ("Llámeme al 612 987 654.", "amazon.es"),
        ("Our number is 020 7946 0018.", "amazon.co.uk"),
    ],
)
def test_national_phone_numbers_are_found(body: str, market: str) -> None:
    assert "contact-info" in rules(run_check(body, marketplace=market))


def test_german_separable_verb_is_off_platform() -> None:
    assert "off-platform" in rules(
        run_check("Rufen Sie uns gerne morgen an.", marketplace="amazon.de")
    )


def test_thank_you_only_with_an_offer_of_help() -> None:
    found = run_check("Thank you for your order, let us know if you need anything")
    assert rules(found) == {"thank-you-only"}
    assert rules(run_check("Thank you for your order, it ships tomorrow with DHL.")) == set()


def test_stemmed_lexicon_entries_match_inflections() -> None:
    (part,) = parse_entry("review_mention", "de", "~Bewertungen").parts
    assert part.text == "bewert" and not part.right_bound
    (part,) = parse_entry("review_mention", "es", "~estrellas").parts
    assert part.text == "estrell"


def test_checking_does_not_import_requests_or_need_the_network() -> None:
    # tldextract's import pulls in requests (~0.4 s); we read its bundled list as a file.
    code = (
        "import sys\n"
        "from app.policy import PolicyContext, PolicyDraft, check, load_pack\n"
        "from app.policy.domains import public_suffixes\n"
        "public_suffixes()\n"
        "f = check(PolicyDraft('s', 'see shop dot com, call 0171 2345678'),"
        " PolicyContext(pack=load_pack('amazon.de')))\n"
        "assert {x.rule for x in f} >= {'external-link', 'contact-info'}, f\n"
        "print('requests' in sys.modules, 'tldextract' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.split() == ["False", "False"]
