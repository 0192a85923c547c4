"""Each text rule: what fires, what does not, severity, span and field."""

from __future__ import annotations

import pytest
from policy_helpers import rules, run_check

from app.domain import ContactReason
from app.policy import Field, Severity, has_blocking, load_pack
from app.policy.templates import check_template_text


def _only(body: str, rule: str, **kw: object) -> list[tuple[str, Severity]]:
    return [(body[f.start : f.end], f.severity) for f in run_check(body, **kw) if f.rule == rule]


@pytest.mark.parametrize(
    ("body", "span"),
    [
        ("See https://example.com/page.", "https://example.com/page"),
        ("See www.example.com today", "www.example.com"),
        ("Our site shop.example.de has it", "shop.example.de"),
        ("Short: bit.ly/3abc", "bit.ly/3abc"),
        ("Go to amzn.to/xyz", "amzn.to/xyz"),
        ("Visit shop dot example dot com", "shop dot example dot com"),
        ("Visit example[.]se", "example[.]se"),
        ("Visit example (dot) fr now", "example (dot) fr"),
        ("Visita ejemplo punto com", "ejemplo punto com"),
        ("[our shop](https://example.com)", "https://example.com"),
    ],
)
def test_external_link_blocks(body: str, span: str) -> None:
    assert _only(body, "external-link") == [(span, Severity.BLOCK)]


@pytest.mark.parametrize(
    "body",
    [
        "the link between the parts",
        "at that point it was fine; le point de vue; el punto es que",
        "Acme Co UK Ltd; the co uk entity; shipped via the co UK depot",
        "see manual.pdf, version 2.0, e.g. the Mr.Smith case",
        "It shipped.It arrives Monday",
    ],
)
def test_external_link_precision(body: str) -> None:
    assert _only(body, "external-link") == []


@pytest.mark.parametrize(
    ("body", "span"),
    [
        ("the video is at tinyurl dot com slash fit", "tinyurl dot com"),  # not an e-mail domain
        ("Anleitung: moebel-kraft punkt de / anleitungen", "moebel-kraft punkt de"),
        ("all our designs on bijoux-lea . fr ✨", "bijoux-lea . fr"),
        ("next time order from oak-and-ash co uk instead", "oak-and-ash co uk"),
    ],
)
def test_spelled_out_links_with_marked_names(body: str, span: str) -> None:
    assert [s for s, _sev in _only(body, "external-link")] == [span]


@pytest.mark.parametrize("body", ["It fits in the box . It is small", "Voilà . fr", "Danke . de"])
def test_a_spaced_full_stop_before_a_word_is_no_link(body: str) -> None:
    assert _only(body, "external-link") == []


@pytest.mark.parametrize(
    "body",
    [
        "The ring light works for TikTok and Instagram videos.",
        "Ideal für Videos auf TikTok oder Instagram.",
        "Pratique pour filmer des vidéos Instagram ou TikTok.",
    ],
)
def test_an_app_named_for_its_use_is_no_channel(body: str) -> None:
    assert _only(body, "off-platform") == []


@pytest.mark.parametrize(
    "body",
    [
        "Follow us on Instagram for videos of the workshop.",
        "Add me on WhatsApp 0176 5551234 and I'll send you the video.",
    ],
)
def test_an_app_with_an_invitation_or_number_is_a_channel(body: str) -> None:
    assert _only(body, "off-platform") != []


def test_own_marketplace_domain_allowed_only_by_its_pack() -> None:
    body = "See https://www.amazon.se/gp/help/customer for the return form."
    assert _only(body, "external-link", marketplace="amazon.se") == []
    assert _only(body, "external-link", marketplace="amazon.de") != []
    assert _only(body, "external-link") != []  # default pack allows no domain


@pytest.mark.parametrize("marketplace", [None, "amazon.co.uk", "amazon.de"])
@pytest.mark.parametrize(
    "body", ["Thanks for shopping at Amazon.de!", "Bestellt über www.amazon.fr.", "amazon.com"]
)
def test_a_marketplace_named_bare_is_no_link(body: str, marketplace: str | None) -> None:
    # A template's {marketplace} becomes "Amazon.de": the marketplace's name, in any pack.
    assert _only(body, "external-link", marketplace=marketplace) == []


@pytest.mark.parametrize(
    "body",
    ["See amazon.de/gp/help", "https://amazon.de", "amazon.de.shop-outlet.com", "myamazon.de"],
)
def test_a_marketplace_site_with_a_page_is_still_a_link(body: str) -> None:
    assert _only(body, "external-link", marketplace="amazon.co.uk") != []


def test_a_template_naming_its_marketplace_passes() -> None:
    found = check_template_text(
        "Thanks for shopping at {marketplace}! Your parcel ships today.", "en", ContactReason.OTHER
    )
    assert [f.rule for f in found] == []


@pytest.mark.parametrize(
    "body", ["https://amazon.se.evil.com/x", "https://amazon.se@evil.com/x", "evilamazon.se"]
)
def test_lookalike_domains_not_allowed(body: str) -> None:
    assert _only(body, "external-link", marketplace="amazon.se") != []


def test_shortener_of_own_marketplace_still_blocked() -> None:
    assert _only("amzn.to/abc", "external-link", marketplace="amazon.com") != []


@pytest.mark.parametrize(
    "body", ["Write to anna.svensson@example.se", "anna(at)example.com", "anna at example dot com"]
)
def test_email_blocks(body: str) -> None:
    found = _only(body, "contact-info")
    assert found and all(sev is Severity.BLOCK for _, sev in found)
    assert "external-link" not in rules(run_check(body))


@pytest.mark.parametrize(
    ("body", "number"),
    [
        ("Call the warranty line on +1 800 555 0199.", "+1 800 555 0199"),
        ("Our phone: 08-123 456 78", "08-123 456 78"),
        ("Mobil 0701234567", "0701234567"),
        ("(555) 123-4567", "(555) 123-4567"),
    ],
)
def test_phone_warns(body: str, number: str) -> None:
    assert _only(body, "contact-info") == [(number, Severity.WARN)]
    assert not has_blocking(run_check(body))


@pytest.mark.parametrize(
    "body",
    [
        "Order 123-4567890-1234567",
        "Tracking number 0034 5678 9012 3456",
        "Delivered 2024-05-01 at 10.30",
        "ISBN 978-3-16-148410-0",
        "It costs 12 500 000 SEK",
        "The number 0207 946 0018 on the rating plate is the production batch",
        "Die Nummer 0341 2258 9170 auf dem Typenschild ist die Charge",
        "The number on the sticker (0207 946 0018) is the warehouse bin",
    ],
)
def test_phone_precision(body: str) -> None:
    assert _only(body, "contact-info") == []


@pytest.mark.parametrize(
    "body",
    [
        "[![logo](https://example.com/logo.png)](https://example.com)",
        '<a href="https://example.com"><img src="logo.png" alt="logo"></a>',
    ],
)
def test_logo_link(body: str) -> None:
    assert _only(body, "logo-link") == [(body, Severity.BLOCK)]


@pytest.mark.parametrize(
    "body",
    [
        '<img src="https://t.example.com/p.gif" width="1" height="1">',
        '<img src="cid:pixel" style="display:none">',
        "![](http://example.com/open.gif)",
        '<IMG SRC="pixel.gif" WIDTH=1 HEIGHT=1>',
    ],
)
def test_tracking_pixel(body: str) -> None:
    assert _only(body, "tracking-pixel") == [(body, Severity.BLOCK)]
    assert "external-link" not in rules(run_check(body))


def test_local_inline_image_is_fine() -> None:
    assert run_check("Here is the wiring: ![diagram](cid:diagram.png)") == []


def test_marketing_soft_terms_only_warn() -> None:
    found = run_check("We changed the price, so there is a small discount on the blue one.")
    assert [(f.rule, f.severity) for f in found] == [("marketing", Severity.WARN)]


def test_a_refused_discount_is_not_marketing() -> None:
    assert run_check("We can't change the price, sorry, no discount possible.") == []


def test_strong_marketing_wins_over_soft_overlap() -> None:
    body = "Use the discount code SAVE"
    found = [f for f in run_check(body) if f.rule == "marketing"]
    assert [f.severity for f in found] == [Severity.BLOCK]


def test_review_request_without_incentive_is_allowed() -> None:
    assert run_check("If you have a moment, please leave a review of the product.") == []


def test_review_incentive_needs_same_sentence() -> None:
    body = "We refunded the shipping cost. Please leave feedback about the delivery."
    assert "review-incentive" not in rules(run_check(body))


def test_subject_is_checked_with_subject_field() -> None:
    found = run_check("Your parcel left today.", subject="50% off at www.myshop.com")
    subject_rules = {f.rule for f in found if f.field is Field.SUBJECT}
    assert {"marketing", "external-link"} <= subject_rules
    link = next(f for f in found if f.rule == "external-link")
    assert "50% off at www.myshop.com"[link.start : link.end] == "www.myshop.com"


def test_body_spans_account_for_paragraph_offsets() -> None:
    body = "Hello,\n\nyour parcel is late.\n\nWrite to me on WhatsApp."
    f = next(f for f in run_check(body) if f.rule == "off-platform")
    assert body[f.start : f.end] == "WhatsApp"


def test_spans_survive_folding_and_invisible_characters() -> None:
    body = "Straße ﬁne. Use the cou\u200bpon now."
    f = next(f for f in run_check(body) if f.rule == "marketing")
    assert body[f.start : f.end] == "cou\u200bpon"


@pytest.mark.parametrize(
    "body",
    [
        "Hi John, thank you for your order! Best regards, Anna",
        "Thanks a lot for shopping with us. Let us know if you have any questions.",
        "Hej Eva! Tack för din beställning. Med vänliga hälsningar, Karl",
        "Vielen Dank für Ihre Bestellung! Bei Fragen melden Sie sich gerne.",
    ],
)
def test_thank_you_only_warns(body: str) -> None:
    found = run_check(body)
    assert [(f.rule, f.severity, f.field) for f in found] == [
        ("thank-you-only", Severity.WARN, Field.DRAFT)
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Thanks for your order! We hope the new espresso cups bring you lots of joy.",
        "Vielen Dank! Wir wünschen Ihnen viel Freude mit der neuen Gartenbank.",
        "Merci pour votre achat ! Nous espérons que votre nouvelle lampe vous plaira.",
    ],
)
def test_a_wish_is_courtesy_too(body: str) -> None:
    # What a wish wishes is no news of the order, whatever product it names.
    assert rules(run_check(body)) == {"thank-you-only"}


@pytest.mark.parametrize(
    "body",
    [
        "Thanks for your order! We hope the replacement arrives by Friday.",
        "Vielen Dank! Wir hoffen, dass der Ersatz morgen ankommt.",
        "Merci ! Nous espérons que le colis arrivera demain.",
    ],
)
def test_a_wish_that_carries_news_is_content(body: str) -> None:
    assert "thank-you-only" not in rules(run_check(body))


@pytest.mark.parametrize(
    "body",
    [
        "Dear customer, we sincerely thank you for your recent purchase. Warm regards",
        "Moin! Danke dir fürs Bestellen, viel Vergnügen mit dem neuen Grill!",
        "Coucou ! Merci pour ta commande 🙌 Si besoin, fais-moi signe. Bises",
    ],
)
def test_thanks_with_a_few_words_and_no_news_is_thanks_only(body: str) -> None:
    assert rules(run_check(body)) == {"thank-you-only"}


@pytest.mark.parametrize(
    "body",
    [
        "Thanks for your message. The jug is dishwasher safe, the blade is not.",
        "Danke für Ihr Feedback! Die neue Anleitung ist angehängt.",
        "Merci ! Désolés pour le retard de la lampe.",
        "Thanks! Could you confirm the colour?",
        "Thanks for your order, we've sent it today.",
    ],
)
def test_thanks_with_news_of_the_order_is_content(body: str) -> None:
    assert "thank-you-only" not in rules(run_check(body))


def test_thank_you_with_content_or_attachment_is_fine() -> None:
    assert run_check("Thanks for your order! The blue one ships tomorrow from Malmö.") == []
    from app.policy import AttachmentInput

    att = [AttachmentInput.from_bytes("manual.txt", b"Manual text")]
    assert run_check("Thank you for your order!", attachments=att) == []


SWEDISH = "Hej! Vi har tyvärr inte den blå färgen kvar, men vi kan skicka den gröna i stället."


def test_language_mismatch_warns() -> None:
    found = run_check(SWEDISH, buyer_locale="de-DE")
    assert [(f.rule, f.severity) for f in found] == [("language-mismatch", Severity.WARN)]
    assert "Swedish" in found[0].message and "German" in found[0].message


@pytest.mark.parametrize("locale", ["sv-SE", "sv", "sv_SE.UTF-8", None, "ja-JP", "zz"])
def test_language_match_or_unknown_locale_is_quiet(locale: str | None) -> None:
    assert run_check(SWEDISH, buyer_locale=locale) == []


def test_language_mismatch_needs_enough_text() -> None:
    assert run_check("Hej, tack!", buyer_locale="de") == [] or all(
        f.rule != "language-mismatch" for f in run_check("Hej, tack!", buyer_locale="de")
    )


def test_pack_severities_apply() -> None:
    pack = load_pack()
    assert pack.severity("contact-info.phone") is Severity.WARN
    assert pack.severity("contact-info.email") is Severity.BLOCK
    assert pack.severity("no-such-rule") is None


@pytest.mark.parametrize(
    "body", ["Votre colis est chez Mondial Relay, numéro 12345678.", "Part 40512345 is in stock."]
)
def test_a_short_bare_number_without_cue_is_no_phone(body: str) -> None:
    assert _only(body, "contact-info") == []


@pytest.mark.parametrize("body", ["Ring me: 0171 2345678", "Tel 12345678", "0612345678"])
def test_phones_still_found(body: str) -> None:
    assert _only(body, "contact-info", marketplace="amazon.de") != []
