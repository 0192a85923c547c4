"""Policy findings and attachment refusals in the window's language.

The engine (``app/policy``, no Qt) gives each finding an explanation code and its parameters
as data; this module words them through the "Policy" catalogue context. Each template's
``%1``, ``%2``… are the parameters named beside it, in that order; a parameter becomes words
by its name, as ``app.policy.explanations`` does in English (a contact reason, a file kind, a
size, a language). A code missing here (a rule pack may add rules) shows the engine's
English ``message``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePath
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.policy import Finding
from app.policy.explanations import SIZE_PARAMS
from app.ui import formats
from app.ui.translations import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    # app.services.attachments imports SQLAlchemy: kept off the path to the first paint.
    from app.services.attachments import AttachmentRefused

EXPLANATIONS: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "external-link": (
        QT_TRANSLATE_NOOP("Policy", "Links to other websites are not allowed ('%1')."),
        ("link",),
    ),
    "external-link.spoken": (
        QT_TRANSLATE_NOOP("Policy", "A spelled-out web address ('%1') still counts as a link."),
        ("link",),
    ),
    "external-link.shortener": (
        QT_TRANSLATE_NOOP(
            "Policy", "Shortened links are not allowed: the buyer cannot see where they lead."
        ),
        (),
    ),
    "contact-info.email": (
        QT_TRANSLATE_NOOP(
            "Policy",
            "E-mail addresses are not allowed; the buyer can reply through the marketplace.",
        ),
        (),
    ),
    "contact-info.phone": (
        QT_TRANSLATE_NOOP(
            "Policy",
            "This looks like a phone number. Share one only if the buyer needs it "
            "(e.g. a carrier or warranty line).",
        ),
        (),
    ),
    "off-platform": (
        QT_TRANSLATE_NOOP("Policy", "Moving the buyer off the marketplace is not allowed ('%1')."),
        ("term",),
    ),
    "marketing": (
        QT_TRANSLATE_NOOP(
            "Policy", "Promotions, coupons and discounts are not allowed in buyer messages ('%1')."
        ),
        ("term",),
    ),
    "marketing.soft": (
        QT_TRANSLATE_NOOP(
            "Policy", "This may read as a promotion ('%1'); keep the message about the order."
        ),
        ("term",),
    ),
    "cross-promotion": (
        QT_TRANSLATE_NOOP("Policy", "Promoting other products or shops is not allowed ('%1')."),
        ("term",),
    ),
    "logo-link": (
        QT_TRANSLATE_NOOP(
            "Policy", "An image that links to a website (a logo link) is not allowed."
        ),
        (),
    ),
    "tracking-pixel.hidden": (
        QT_TRANSLATE_NOOP("Policy", "Hidden or 1×1 images (tracking pixels) are not allowed."),
        (),
    ),
    "tracking-pixel.remote": (
        QT_TRANSLATE_NOOP(
            "Policy", "Remote images can track the buyer; attach the image file instead."
        ),
        (),
    ),
    "review-incentive": (
        QT_TRANSLATE_NOOP(
            "Policy",
            "A review request must not offer anything in return ('%1'): remove the offer; "
            "you may ask for an honest review.",
        ),
        ("term",),
    ),
    "review-incentive.condition": (
        QT_TRANSLATE_NOOP(
            "Policy",
            "A review request must not ask for a good rating or only satisfied buyers ('%1'): "
            "ask every buyer for an honest review.",
        ),
        ("term",),
    ),
    "review-incentive.change": (
        QT_TRANSLATE_NOOP(
            "Policy", "Asking the buyer to change or remove a review is not allowed ('%1')."
        ),
        ("term",),
    ),
    "opt-out-link": (
        QT_TRANSLATE_NOOP(
            "Policy",
            "Opt-out links or instructions are not allowed; the marketplace handles opt-outs "
            "('%1').",
        ),
        ("term",),
    ),
    "opted-out-non-critical": (
        QT_TRANSLATE_NOOP(
            "Policy",
            "The buyer opted out of messages, so %1 will bounce. Only shipping problems, "
            "customization and delivery scheduling still reach them.",
        ),
        ("reason",),
    ),
    "important-tag-required": (
        QT_TRANSLATE_NOOP(
            "Policy",
            "The buyer opted out: start the subject with %1 and ask only for what is needed to "
            "complete the order.",
        ),
        ("tag",),
    ),
    "important-tag-misuse": (
        QT_TRANSLATE_NOOP(
            "Policy",
            "Use [Important] only for shipping problems, customization or delivery scheduling.",
        ),
        (),
    ),
    "attachment-size": (
        QT_TRANSLATE_NOOP("Policy", "Attachments total %1; the limit is %2 per message."),
        ("total", "limit"),
    ),
    "attachment-type": (
        QT_TRANSLATE_NOOP(
            "Policy",
            "'%1' is %2 by its content; only PDF, Word, image and text files may be attached.",
        ),
        ("name", "kind"),
    ),
    "attachment-unreadable": (
        QT_TRANSLATE_NOOP(
            "Policy", "Cannot read the attachment (%1: %2); remove it or pick the file again."
        ),
        ("name", "error"),
    ),
    "thank-you-only": (
        QT_TRANSLATE_NOOP(
            "Policy",
            "This message only thanks the buyer or offers help, which the marketplace calls "
            "unnecessary. Send it only with something about the order (shipping, a question, a fix).",
        ),
        (),
    ),
    "language-mismatch": (
        QT_TRANSLATE_NOOP("Policy", "This reads as %1, but the buyer's language is %2."),
        ("language", "buyer_language"),
    ),
}

# The words a parameter's value stands for (the English ones are app.policy.explanations').
REASON_WORDS = {
    "out-of-stock": QT_TRANSLATE_NOOP("Policy", "an out-of-stock notice"),
    "shipping-confirmation": QT_TRANSLATE_NOOP("Policy", "a shipping confirmation"),
    "product-manual": QT_TRANSLATE_NOOP("Policy", "a product manual"),
    "review-request": QT_TRANSLATE_NOOP("Policy", "a review request"),
}
OTHER_REASON = QT_TRANSLATE_NOOP("Policy", "this message")
_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
KIND_WORDS = {
    "application/pdf": QT_TRANSLATE_NOOP("Policy", "a PDF"),
    "application/msword": QT_TRANSLATE_NOOP("Policy", "a Word document"),
    _WORD: QT_TRANSLATE_NOOP("Policy", "a Word document"),
    "image/png": QT_TRANSLATE_NOOP("Policy", "an image"),
    "image/jpeg": QT_TRANSLATE_NOOP("Policy", "an image"),
    "image/gif": QT_TRANSLATE_NOOP("Policy", "an image"),
    "image/webp": QT_TRANSLATE_NOOP("Policy", "an image"),
    "text/plain": QT_TRANSLATE_NOOP("Policy", "a text file"),
    "application/zip": QT_TRANSLATE_NOOP("Policy", "a zip archive"),
    "application/x-msdownload": QT_TRANSLATE_NOOP("Policy", "a Windows program"),
    "application/x-executable": QT_TRANSLATE_NOOP("Policy", "a Linux program"),
}
UNKNOWN_KIND = QT_TRANSLATE_NOOP("Policy", "an unknown type")
LANGUAGE_NAMES = {
    "en": QT_TRANSLATE_NOOP("Policy", "English"),
    "sv": QT_TRANSLATE_NOOP("Policy", "Swedish"),
    "es": QT_TRANSLATE_NOOP("Policy", "Spanish"),
    "de": QT_TRANSLATE_NOOP("Policy", "German"),
    "fr": QT_TRANSLATE_NOOP("Policy", "French"),
    "it": QT_TRANSLATE_NOOP("Policy", "Italian"),
}


_PLACEHOLDER = re.compile(r"%(\d)")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Policy", text)


def kind_words(media_type: str | None) -> str:
    """'a Windows program', in the window's language; the media type itself when unnamed."""
    if not media_type:
        return _tr(UNKNOWN_KIND)
    known = KIND_WORDS.get(media_type)
    return _tr(known) if known else media_type


def _word(name: str, value: str) -> str:
    if name == "reason":
        return _tr(REASON_WORDS.get(value, OTHER_REASON))
    if name == "kind":
        return kind_words(value)
    if name in ("language", "buyer_language"):
        known = LANGUAGE_NAMES.get(value)
        return _tr(known) if known else value
    if name in SIZE_PARAMS:
        return formats.data_size(int(value))
    return value


def explain(finding: Finding) -> str:
    """The finding's explanation in the window's language."""
    entry = EXPLANATIONS.get(finding.explanation)
    params = dict(finding.params)
    if entry is None or any(name not in params for name in entry[1]):
        return finding.message  # a rule this build does not know: the engine's English
    template, names = entry
    return fill(_tr(template), *(_word(name, params[name]) for name in names))


def fill(text: str, *values: str) -> str:
    """Put ``values`` in for %1, %2… in one pass (a term the seller typed may contain "%2")."""

    def value(m: re.Match[str]) -> str:
        i = int(m.group(1)) - 1
        return values[i] if i < len(values) else m.group(0)

    return _PLACEHOLDER.sub(value, text)


# --- attachment refusals (app.services.attachments.AttachmentRefused) ----------------------

# What a name's extension claims the file is (a type the packs allow), and how to say that
# it is something else: "invoice.pdf" that is really a program.
_NOT_PDF = QT_TRANSLATE_NOOP("Policy", "This file is %1, not a PDF.")
_NOT_WORD = QT_TRANSLATE_NOOP("Policy", "This file is %1, not a Word document.")
_NOT_IMAGE = QT_TRANSLATE_NOOP("Policy", "This file is %1, not an image.")
_NOT_TEXT = QT_TRANSLATE_NOOP("Policy", "This file is %1, not a text file.")
_CLAIMS = {
    ".pdf": ("application/pdf", _NOT_PDF),
    ".doc": ("application/msword", _NOT_WORD),
    ".docx": (_WORD, _NOT_WORD),
    ".png": ("image/png", _NOT_IMAGE),
    ".jpg": ("image/jpeg", _NOT_IMAGE),
    ".jpeg": ("image/jpeg", _NOT_IMAGE),
    ".gif": ("image/gif", _NOT_IMAGE),
    ".webp": ("image/webp", _NOT_IMAGE),
    ".txt": ("text/plain", _NOT_TEXT),
}


def refusal_text(refused: AttachmentRefused) -> str:
    """Why a file was not attached, in the window's language: "invoice.pdf: This file is a
    Windows program, not a PDF." / "scan.pdf (12.0 MB) is larger than the 7 MB limit of
    amazon.se." / "a.pdf cannot be read (No such file or directory)." """
    from app.services.attachments import RefusalReason  # imported by then: it raised this

    if refused.reason is RefusalReason.TOO_LARGE:
        return fill(
            QCoreApplication.translate("Policy", "%1 (%2) is larger than the %3 limit of %4."),
            refused.name,
            formats.data_size(refused.size),
            formats.data_size(refused.limit, 0),
            refused.marketplace_id or QCoreApplication.translate("Policy", "this marketplace"),
        )
    if refused.reason is RefusalReason.TYPE:
        kind = kind_words(refused.media_type)
        claim = _CLAIMS.get(PurePath(refused.name).suffix.lower())
        if claim is not None and kind != kind_words(claim[0]):
            why = fill(_tr(claim[1]), kind)
        else:
            why = QCoreApplication.translate(
                "Policy", "This file is %1; you can attach PDF, Word, image and text files."
            )
            why = fill(why, kind)
        return f"{refused.name}: {why}"
    unreadable = QCoreApplication.translate("Policy", "%1 cannot be read (%2).")
    return fill(unreadable, refused.name, refused.detail)
