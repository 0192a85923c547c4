"""What each finding says, as data: a stable code, structured parameters, the English text.

A finding's ``code`` is its rule id, or ``rule.variant`` where one rule explains itself in
more than one way (``contact-info.phone``, ``external-link.shortener``). Its ``params`` are
the parts that vary, kept as data rather than words: the quoted term, a file name, sizes in
bytes, a contact reason, language codes, a media type. ``message`` is the English text made
here from the two, for the relay, ``seller-inbox check`` and logs. The window renders its own
translation from code and params (``app/ui/policy_text.py``) and shows ``message`` for a
code it does not know (a rule pack may add rules), so this module stays free of Qt.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.policy.findings import Field, Finding, Severity

# Templates name their parameters; how a parameter becomes words is decided by its name
# (see _word), identically in the window.
ENGLISH: Mapping[str, str] = {
    "external-link": "Links to other websites are not allowed ('{link}').",
    "external-link.spoken": "A spelled-out web address ('{link}') still counts as a link.",
    "external-link.shortener": (
        "Shortened links are not allowed: the buyer cannot see where they lead."
    ),
    "contact-info.email": (
        "E-mail addresses are not allowed; the buyer can reply through the marketplace."
    ),
    "contact-info.phone": (
        "This looks like a phone number. Share one only if the buyer needs it "
        "(e.g. a carrier or warranty line)."
    ),
    "off-platform": "Moving the buyer off the marketplace is not allowed ('{term}').",
    "marketing": "Promotions, coupons and discounts are not allowed in buyer messages ('{term}').",
    "marketing.soft": "This may read as a promotion ('{term}'); keep the message about the order.",
    "cross-promotion": "Promoting other products or shops is not allowed ('{term}').",
    "logo-link": "An image that links to a website (a logo link) is not allowed.",
    "tracking-pixel.hidden": "Hidden or 1×1 images (tracking pixels) are not allowed.",
    "tracking-pixel.remote": "Remote images can track the buyer; attach the image file instead.",
    "review-incentive": (
        "A review request must not offer anything in return ('{term}'): remove the offer; "
        "you may ask for an honest review."
    ),
    "review-incentive.condition": (
        "A review request must not ask for a good rating or only satisfied buyers ('{term}'): "
        "ask every buyer for an honest review."
    ),
    "review-incentive.change": (
        "Asking the buyer to change or remove a review is not allowed ('{term}')."
    ),
    "opt-out-link": (
        "Opt-out links or instructions are not allowed; the marketplace handles opt-outs "
        "('{term}')."
    ),
    "opted-out-non-critical": (
        "The buyer opted out of messages, so {reason} will bounce. Only shipping problems, "
        "customization and delivery scheduling still reach them."
    ),
    "important-tag-required": (
        "The buyer opted out: start the subject with {tag} and ask only for what is needed to "
        "complete the order."
    ),
    "important-tag-misuse": (
        "Use [Important] only for shipping problems, customization or delivery scheduling."
    ),
    "attachment-size": "Attachments total {total}; the limit is {limit} per message.",
    "attachment-type": (
        "'{name}' is {kind} by its content; only PDF, Word, image and text files may be attached."
    ),
    "attachment-unreadable": (
        "Cannot read the attachment ({name}: {error}); remove it or pick the file again."
    ),
    "thank-you-only": (
        "This message only thanks the buyer or offers help, which the marketplace calls "
        "unnecessary. Send it only with something about the order (shipping, a question, a fix)."
    ),
    "language-mismatch": "This reads as {language}, but the buyer's language is {buyer_language}.",
}

# How an opted-out finding names what the seller is sending, by contact reason.
REASON_WORDS: Mapping[str, str] = {
    "out-of-stock": "an out-of-stock notice",
    "shipping-confirmation": "a shipping confirmation",
    "product-manual": "a product manual",
    "review-request": "a review request",
}
OTHER_REASON = "this message"

# What a file is, by the media type sniffed from its content.
KIND_WORDS: Mapping[str, str] = {
    "application/pdf": "a PDF",
    "application/msword": "a Word document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "a Word document",
    "image/png": "an image",
    "image/jpeg": "an image",
    "image/gif": "an image",
    "image/webp": "an image",
    "text/plain": "a text file",
    "application/zip": "a zip archive",
    "application/x-msdownload": "a Windows program",
    "application/x-executable": "a Linux program",
}
UNKNOWN_KIND = "an unknown type"  # the kind parameter is "" when nothing was recognised

LANGUAGE_NAMES: Mapping[str, str] = {
    "en": "English",
    "sv": "Swedish",
    "es": "Spanish",
    "de": "German",
    "fr": "French",
    "it": "Italian",
}

SIZE_PARAMS = frozenset({"total", "limit"})  # bytes


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _word(name: str, value: str) -> str:
    if name == "reason":
        return REASON_WORDS.get(value, OTHER_REASON)
    if name == "kind":
        return KIND_WORDS.get(value, value or UNKNOWN_KIND)
    if name in ("language", "buyer_language"):
        return LANGUAGE_NAMES.get(value, value)
    if name in SIZE_PARAMS:
        return megabytes(int(value))
    return value


def english(code: str, params: Mapping[str, str]) -> str:
    """The English explanation of ``code`` with ``params`` put in."""
    return ENGLISH[code].format_map({k: _word(k, v) for k, v in params.items()})


def explained(
    rule: str,
    severity: Severity,
    start: int,
    end: int,
    field: Field,
    code: str | None = None,
    **params: str,
) -> Finding:
    """A finding with its code, its parameters and its English message."""
    code = code or rule
    return Finding(
        rule,
        severity,
        start,
        end,
        english(code, params),
        field,
        code,
        tuple(sorted(params.items())),
    )
