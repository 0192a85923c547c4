"""The words of marketplace relay mail, per language, and the pure text steps that use them.

Amazon's relay wraps the buyer's words in separator lines shaped `----- <label> -----` whose
labels are translated (and mixed: the template follows the seller's language, the subject the
buyer's). The extractor therefore matches the *shape* of a separator line and only uses the
known labels to tell a start from an end and to guess the language; an unknown label still
counts as a separator. Every step here is linear in its (capped) input: plain string methods
line by line, and the few regexes use bounded or possessive quantifiers only.

See docs/mail.md, "Parsing relay mail".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

LANGUAGES = ("en", "de", "es", "sv", "fr", "it", "nl", "pl", "pt", "ja")


def fold(text: str) -> str:
    """Lowercase, NFC, typographic apostrophes and "e-mail" spellings unified, for matching."""
    text = unicodedata.normalize("NFC", text).lower().replace("\u2019", "'")
    return text.replace("e-mail", "email").replace("e-post", "epost")


# Separator labels (lowercased, trailing ":" removed). "message" is English and French alike;
# it counts as English, which loses to any other language's vote (see `guess_language`).
START_LABELS: dict[str, str] = {
    "message": "en",
    "begin message": "en",
    "start of message": "en",
    "nachricht": "de",
    "beginn der nachricht": "de",
    "nachrichtenbeginn": "de",
    "mensaje": "es",
    "inicio del mensaje": "es",
    "iniciar mensaje": "es",
    "début du message": "fr",
    "debut du message": "fr",
    "messaggio": "it",
    "inizio messaggio": "it",
    "inizio del messaggio": "it",
    "meddelande": "sv",
    "början på meddelandet": "sv",
    "början av meddelandet": "sv",
    "mensagem": "pt",
    "iniciar mensagem": "pt",
    "início da mensagem": "pt",
    "bericht": "nl",
    "begin bericht": "nl",
    "begin van bericht": "nl",
    "wiadomość": "pl",
    "początek wiadomości": "pl",
    "treść wiadomości": "pl",
    "メッセージ": "ja",
    "メッセージの開始": "ja",
}
END_LABELS: dict[str, str] = {
    "end message": "en",
    "end of message": "en",
    "nachricht beenden": "de",
    "ende der nachricht": "de",
    "nachrichtenende": "de",
    "finalizar mensaje": "es",
    "fin del mensaje": "es",
    "fin de mensaje": "es",
    "fin du message": "fr",
    "terminer le message": "fr",
    "termina messaggio": "it",
    "fine messaggio": "it",
    "fine del messaggio": "it",
    "avsluta meddelande": "sv",
    "slut på meddelandet": "sv",
    "slut på meddelande": "sv",
    "encerrar mensagem": "pt",
    "mensagem final": "pt",
    "fim da mensagem": "pt",
    "einde bericht": "nl",
    "einde van bericht": "nl",
    "bericht beëindigen": "nl",
    "koniec wiadomości": "pl",
    "zakończ wiadomość": "pl",
    "メッセージの終わり": "ja",
    "メッセージ終了": "ja",
    "メッセージの終了": "ja",
}
# A separator with one of these labels opens quoted history, it is not a relay marker.
QUOTE_LABELS = frozenset(
    {
        "original message",
        "ursprüngliche nachricht",
        "originalnachricht",
        "mensaje original",
        "message d'origine",
        "message original",
        "messaggio originale",
        "ursprungligt meddelande",
        "originalmeddelande",
        "mensagem original",
        "forwarded message",
        "weitergeleitete nachricht",
        "mensaje reenviado",
        "message transféré",
        "messaggio inoltrato",
        "vidarebefordrat meddelande",
        "oorspronkelijk bericht",
        "origineel bericht",
        "doorgestuurd bericht",
        "oryginalna wiadomość",
        "wiadomość przekazana dalej",
        "mensagem encaminhada",
        "元のメッセージ",
        "転送されたメッセージ",
    }
)

# The template's first line ("You have received a message.").
INTRO_LINES: dict[str, str] = {
    "you have received a message.": "en",
    "sie haben eine nachricht erhalten.": "de",
    "ha recibido un mensaje.": "es",
    "has recibido un mensaje.": "es",
    "vous avez reçu un message.": "fr",
    "hai ricevuto un messaggio.": "it",
    "du har fått ett meddelande.": "sv",
    "você recebeu uma mensagem.": "pt",
    "u hebt een bericht ontvangen.": "nl",
    "u heeft een bericht ontvangen.": "nl",
    "je hebt een bericht ontvangen.": "nl",
    "otrzymano wiadomość.": "pl",
    "otrzymałeś wiadomość.": "pl",
    "masz nową wiadomość.": "pl",
    "メッセージを受信しました。": "ja",
    "メッセージが届きました。": "ja",
}

# Subject phrases of buyer messages, e.g. "Frage von Amazon-Kunde Erika (Bestellung: ...)".
SUBJECT_PHRASES: tuple[tuple[str, str], ...] = (
    ("inquiry from amazon customer", "en"),
    ("enquiry from amazon customer", "en"),
    ("message from amazon customer", "en"),
    ("von amazon-kunde", "de"),
    ("von amazon kunde", "de"),
    ("del cliente de amazon", "es"),
    ("de la part du client amazon", "fr"),
    ("du client amazon", "fr"),
    ("dal cliente amazon", "it"),
    ("från amazon-kund", "sv"),
    ("från amazonkund", "sv"),
    ("van amazon-klant", "nl"),
    ("van amazon klant", "nl"),
    ("od klienta amazon", "pl"),
    ("do cliente da amazon", "pt"),
    ("do cliente amazon", "pt"),
    ("のお客様", "ja"),
    ("からのお問い合わせ", "ja"),
)

# Footer lines: where the template resumes when an end separator is missing.
FOOTER_STARTS: tuple[str, ...] = (
    "was this email helpful",
    "was this e-mail helpful",
    "war diese e-mail hilfreich",
    "¿te ha resultado útil",
    "¿le ha resultado útil",
    "cet e-mail vous a-t-il été utile",
    "cet e-mail vous a été utile",
    "questa e-mail ti è stata utile",
    "var det här e-postmeddelandet till hjälp",
    "var detta e-postmeddelande till hjälp",
    "resolve case",
    "fall lösen",
    "resolver caso",
    "résoudre le cas",
    "risolvi caso",
    "lös ärende",
    "report questionable activity",
    "verdächtige aktivität melden",
    "informar de actividad sospechosa",
    "signaler une activité suspecte",
    "segnala attività sospetta",
    "rapportera misstänkt aktivitet",
    "was deze e-mail nuttig",
    "zaak oplossen",
    "verdachte activiteit melden",
    "czy ten e-mail był pomocny",
    "rozwiąż zgłoszenie",
    "zgłoś podejrzaną aktywność",
    "este e-mail foi útil",
    "resolver caso",
    "このeメールは役に立ちましたか",
    "ケースを解決",
    "to mark this message as no response needed",
    "um anzugeben, dass für diese nachricht keine antwort",
    "para marcar este mensaje",
    "pour indiquer que ce message ne requiert",
    "pour marquer ce message comme ne nécessitant",
    "per contrassegnare che questo messaggio",
    "för att markera att det här meddelandet",
    "copyright",
    "derechos de autor",
    "[commmgrtok:",
    "spc-usamazon-",
    "spc-euamazon-",
)

# Template lines above the buyer's words (only dropped from the head of a marker-less text).
TEMPLATE_HEAD_STARTS: tuple[str, ...] = (
    "order id",
    "bestellnummer",
    "n.º de pedido",
    "numéro de commande",
    "numero ordine",
    "ordernummer",
    "bestelnummer",
    "numer zamówienia",
    "número do pedido",
    "注文番号",
)

# "We could not deliver your message" notices, per language (matched lowercased, ' for ’).
NOT_DELIVERED_PHRASES: tuple[tuple[str, str], ...] = (
    ("we were unable to deliver the message you sent", "en"),
    ("message not delivered", "en"),
    ("your message was not delivered", "en"),
    ("wir konnten die nachricht, die sie", "de"),
    ("nachricht nicht zugestellt", "de"),
    ("ihre nachricht wurde nicht zugestellt", "de"),
    ("no hemos podido entregar el mensaje", "es"),
    ("mensaje no entregado", "es"),
    ("su mensaje no se ha entregado", "es"),
    ("nous n'avons pas pu remettre le message", "fr"),
    ("message non remis", "fr"),
    ("votre message n'a pas été remis", "fr"),
    ("non è stato possibile recapitare il messaggio", "it"),
    ("messaggio non recapitato", "it"),
    ("il tuo messaggio non è stato recapitato", "it"),
    ("vi kunde inte leverera meddelandet", "sv"),
    ("meddelandet levererades inte", "sv"),
    ("meddelande inte levererat", "sv"),
    ("bericht niet bezorgd", "nl"),
    ("we konden het bericht", "nl"),
    ("uw bericht is niet bezorgd", "nl"),
    ("wiadomość nie została dostarczona", "pl"),
    ("nie mogliśmy dostarczyć wiadomości", "pl"),
    ("mensagem não entregue", "pt"),
    ("não foi possível entregar a mensagem", "pt"),
    ("メッセージを配信できませんでした", "ja"),
)
# Wording that says "could not be delivered" without saying what: it makes a marketplace mail
# a "not delivered" notice only when the notice names the seller's mail (an alias, a returned
# Message-ID) — a parcel can be undeliverable too.
NOT_DELIVERED_WEAK: tuple[tuple[str, str], ...] = (
    ("could not be delivered", "en"),
    ("couldn't be delivered", "en"),
    ("wasn't delivered", "en"),
    ("was not delivered", "en"),
    ("unable to deliver", "en"),
    ("undeliverable", "en"),
    ("nicht zugestellt", "de"),
    ("nicht zustellen", "de"),
    ("no se ha podido entregar", "es"),
    ("no se pudo entregar", "es"),
    ("no se ha entregado", "es"),
    ("n'a pas pu être remis", "fr"),
    ("n'a pas pu être livré", "fr"),
    ("n'a pas été remis", "fr"),
    ("non è stato recapitato", "it"),
    ("non è stato possibile recapitare", "it"),
    ("non può essere recapitato", "it"),
    ("kunde inte levereras", "sv"),
    ("kunde inte leverera", "sv"),
    ("levererades inte", "sv"),
    ("niet bezorgd", "nl"),
    ("niet worden bezorgd", "nl"),
    ("niet bezorgen", "nl"),
    ("nie została dostarczona", "pl"),
    ("nie mogliśmy dostarczyć", "pl"),
    ("nie można dostarczyć", "pl"),
    ("não foi entregue", "pt"),
    ("não foi possível entregar", "pt"),
    ("配信できませんでした", "ja"),
)
OPT_OUT_PHRASES: tuple[tuple[str, str], ...] = (
    ("opt out", "en"),
    ("opted out", "en"),
    ("opt-out", "en"),
    ("non-critical messages", "en"),
    ("abgemeldet", "de"),
    ("keine unaufgeforderten nachrichten", "de"),
    ("nicht kritische nachrichten", "de"),
    ("optado por no recibir", "es"),
    ("no recibir mensajes no solicitados", "es"),
    ("choisi de ne pas recevoir", "fr"),
    ("ne plus recevoir de messages non sollicités", "fr"),
    ("scelto di non ricevere", "it"),
    ("non ricevere messaggi non richiesti", "it"),
    ("valt att inte ta emot", "sv"),
    ("avstått från att ta emot", "sv"),
    ("geen ongevraagde berichten", "nl"),
    ("afgemeld", "nl"),
    ("zrezygnował z otrzymywania", "pl"),
    ("nie chce otrzymywać", "pl"),
    ("optou por não receber", "pt"),
    ("受信を拒否", "ja"),
)
GUIDELINE_PHRASES: tuple[str, ...] = (
    "guidelines",
    "richtlinien",
    "directrices",
    "directives",
    "règles de communication",
    "linee guida",
    "riktlinjer",
    "richtlijnen",
    "wytyczne",
    "zasady komunikacji",
    "diretrizes",
    "ガイドライン",
)

# Amazon's copy of a reply the seller wrote in Seller Central.
SELLER_COPY_BODY: tuple[tuple[str, str], ...] = (
    ("here is a copy of the email you sent to", "en"),
    ("hier ist eine kopie der email, die sie an", "de"),
    ("hier ist eine kopie ihrer email an", "de"),
    ("esta es una copia del correo electrónico que has enviado a", "es"),
    ("esta es una copia del correo electrónico que enviaste a", "es"),
    ("voici une copie de l'email que vous avez envoyé à", "fr"),
    ("ecco una copia dell'email che hai inviato a", "it"),
    ("här är en kopia av epostmeddelandet som du skickade till", "sv"),
    ("segue uma cópia do email que você enviou para", "pt"),
    ("hier is een kopie van de email die u naar", "nl"),
    ("hier is een kopie van uw email aan", "nl"),
    ("oto kopia wiadomości email wysłanej przez ciebie do", "pl"),
    ("oto kopia wiadomości email wysłanej do", "pl"),
    ("送信したeメールのコピー", "ja"),
)
SELLER_COPY_SUBJECT: tuple[tuple[str, str], ...] = (
    ("your email to ", "en"),
    ("ihre email an ", "de"),
    ("su correo electrónico a ", "es"),
    ("tu correo electrónico a ", "es"),
    ("votre email à ", "fr"),
    ("la tua email a ", "it"),
    ("ditt epostmeddelande till ", "sv"),
    ("seu email para ", "pt"),
    ("uw email aan ", "nl"),
    ("je email aan ", "nl"),
    ("twój email do", "pl"),
    ("pański email do", "pl"),
)

# Where quoted history starts in a reply.
ATTRIBUTION_PREFIXES = ("on ", "am ", "el ", "le ", "il ", "den ", "op ")
ATTRIBUTION_VERBS = (" wrote", " schrieb", " escribió", " a écrit", " ha scritto", " skrev")
OUTLOOK_FROM = ("from:", "von:", "de:", "da:", "från:")
# ...and a sent/date line right below it: "From:" and "To:" alone may be the buyer's words.
OUTLOOK_NEXT = (
    "sent:",
    "gesendet:",
    "enviado:",
    "enviado el:",
    "envoyé :",
    "envoyé:",
    "inviato:",
    "skickat:",
    "date:",
    "datum:",
    "fecha:",
    "data:",
)

# The phrase tables are compared with folded text: fold them the same way once.
INTRO_LINES = {fold(k): v for k, v in INTRO_LINES.items()}
SUBJECT_PHRASES = tuple((fold(p), lang) for p, lang in SUBJECT_PHRASES)
FOOTER_STARTS = tuple(fold(p) for p in FOOTER_STARTS)
TEMPLATE_HEAD_STARTS = tuple(fold(p) for p in TEMPLATE_HEAD_STARTS)
NOT_DELIVERED_PHRASES = tuple((fold(p), lang) for p, lang in NOT_DELIVERED_PHRASES)
NOT_DELIVERED_WEAK = tuple((fold(p), lang) for p, lang in NOT_DELIVERED_WEAK)
OPT_OUT_PHRASES = tuple((fold(p), lang) for p, lang in OPT_OUT_PHRASES)
GUIDELINE_PHRASES = tuple(fold(p) for p in GUIDELINE_PHRASES)
SELLER_COPY_BODY = tuple((fold(p), lang) for p, lang in SELLER_COPY_BODY)
SELLER_COPY_SUBJECT = tuple((fold(p), lang) for p, lang in SELLER_COPY_SUBJECT)

# A separator: five or more dashes, a short label without dashes, three or more dashes.
# Possessive quantifiers keep this linear on long runs of dashes.
SEPARATOR_RE = re.compile(r"(?<!-)-{5,}+[ \t\u00a0]*+([^\n<>-]{1,80}+)-{3,}+")
ORDER_RE = re.compile(r"(?<![\d-])\d{3}-\d{7}-\d{7}(?![\d-])")
MAX_SCAN = 1_000_000  # characters of body text any step looks at
# Dashes a template (or a client's autoformat) may draw a separator with instead of "-":
# en/em dashes, horizontal bar, minus, full-width hyphen-minus, box-drawing lines. Read as "-",
# one character for one, so offsets stay. (Not the katakana "ー": it is inside words.)
_DASHES = str.maketrans(
    dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u2500\u2501", "-")
)


def _label(raw: str) -> str:
    return " ".join(
        unicodedata.normalize("NFC", raw).lower().replace("\u00a0", " ").split()
    ).rstrip(" :")


@dataclass(frozen=True)
class Separator:
    start: int  # offsets in the scanned text
    end: int
    kind: str  # "start" | "end" | "quote" | "unknown"
    languages: tuple[str, ...]


def classify_label(raw: str) -> tuple[str, tuple[str, ...]]:
    """("start" | "end" | "quote" | "unknown", languages) for a separator label.

    Bilingual labels ("End message / Fin du message", "Message: | Bericht:") are split at "/"
    and "|" and each half counts. An unknown label that ends in a colon is a start: every
    template's start label has one ("Message:", "Bericht:", "メッセージ:"), no end label has.
    """
    kinds: list[str] = []
    languages: list[str] = []
    for half in raw.replace("|", "/").split("/"):
        label = _label(half)
        if label in QUOTE_LABELS:
            kinds.append("quote")
        elif label in END_LABELS:
            kinds.append("end")
            languages.append(END_LABELS[label])
        elif label in START_LABELS:
            kinds.append("start")
            languages.append(START_LABELS[label])
    for kind in ("quote", "end", "start"):
        if kind in kinds:
            return kind, tuple(languages)
    if raw.strip().endswith((":", "\uff1a")):
        return "start", ()
    return "unknown", ()


def separators(text: str) -> list[Separator]:
    found = []
    if not text.isascii():
        text = text.translate(_DASHES)
    for match in SEPARATOR_RE.finditer(text, 0, MAX_SCAN):
        kind, languages = classify_label(match.group(1))
        found.append(Separator(match.start(), match.end(), kind, languages))
    return found


@dataclass(frozen=True)
class Extract:
    text: str
    marked: bool  # the words were found between separators
    languages: tuple[str, ...]  # from the separators used


def between_markers(text: str) -> Extract:
    """The text between the relay's start and end separators (shape first, labels second).

    Start: the first start label before any end label (a template's own separator may stand
    above it), else the first separator that is not a quote header. End: the first known end
    label after it, else the next non-quote separator, else the footer. Without any separator
    the template head and the footer are cut by their known lines.
    """
    text = text[:MAX_SCAN]
    seps = [s for s in separators(text) if s.kind != "quote"]
    if not seps:
        return Extract(cut_footer(drop_template_head(text), links=True), False, ())
    at = 0
    for i, sep in enumerate(seps):
        if sep.kind == "end":
            break
        if sep.kind == "start":
            at = i
            break
    first = seps[at]
    if first.kind == "end":  # an end label with no start: the words stand above it
        return Extract(drop_template_head(text[: first.start]), True, first.languages)
    rest = seps[at + 1 :]
    end = next((s for s in rest if s.kind == "end"), None) or next(iter(rest), None)
    if end is None:
        return Extract(cut_footer(text[first.end :], links=True), True, first.languages)
    return Extract(text[first.end : end.start], True, first.languages + end.languages)


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _is_rule(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= 10 and not stripped.translate(_DASHES).strip("-_=")


# Links only the template has: a buyer or a seller writing through the relay cannot send them.
TEMPLATE_LINKS = ("sellercentral.amazon.", "sellercentral-europe.amazon.", "sellercentral-japan.")


def cut_footer(text: str, links: bool = False) -> str:
    """Cut at the first footer line (survey link, resolve-case link, copyright, rule line);
    with `links`, also at the first line with a Seller Central link (a footer in a language
    without its own table entries)."""
    lines = _lines(text)
    for i, line in enumerate(lines):
        folded = fold(line.strip())
        if (
            folded.startswith(FOOTER_STARTS)
            or _is_rule(line)
            or (links and any(link in folded for link in TEMPLATE_LINKS))
        ):
            return "\n".join(lines[:i])
    return text


def drop_template_head(text: str) -> str:
    """Drop the template's leading lines: intro sentence, "# <order>:", "1 / title [ASIN: ...]"."""
    lines = _lines(text)
    i = 0
    while i < len(lines):
        folded = fold(lines[i].strip())
        if (
            not folded
            or folded in INTRO_LINES
            or "[asin:" in folded
            or folded.startswith(TEMPLATE_HEAD_STARTS)
            or (folded.startswith("#") and ORDER_RE.search(folded[:40]))
        ):
            i += 1
            continue
        break
    return "\n".join(lines[i:])


def _attribution(line: str, following: str) -> bool:
    """An attribution line ("On <date> <name> wrote:" and translations); the date's digits
    tell it from a buyer's own "On Monday I wrote:"."""
    folded = fold(line.strip())[:400]
    if not folded.startswith(ATTRIBUTION_PREFIXES) or not any(c.isdigit() for c in folded):
        return False
    if folded.endswith(":") and any(verb in folded for verb in ATTRIBUTION_VERBS):
        return True
    # Clients wrap a long attribution ("On ..., Shop <\nsales@...> wrote:") over two lines.
    joined = folded + " " + fold(following.strip())[:400]
    return joined.endswith(":") and any(verb in joined for verb in ATTRIBUTION_VERBS)


def _quote_header(line: str) -> bool:
    stripped = line.strip()
    if len(stripped) >= 20 and not stripped.strip("_"):
        return True  # Outlook's underscore rule
    if not stripped.startswith(("-", "_", "=")):
        return False
    label = _label(stripped.strip("-_= "))
    return label in QUOTE_LABELS


def _outlook_block(lines: list[str], i: int) -> bool:
    if not fold(lines[i].strip()).startswith(OUTLOOK_FROM):
        return False
    following = (fold(line.strip()) for line in lines[i + 1 : i + 4])
    return any(line.startswith(OUTLOOK_NEXT) for line in following)


def strip_quoted(text: str) -> str:
    """Remove quoted history: everything from the first attribution line, "Original message"
    header or Outlook header block on, and every "> " line before that."""
    lines = _lines(text)
    kept: list[str] = []
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if _attribution(line, following) or _quote_header(line) or _outlook_block(lines, i):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line)
    return "\n".join(kept)


def tidy(text: str) -> str:
    """Trailing spaces off, at most one blank line in a row, no whitespace at either end."""
    out: list[str] = []
    for line in _lines(text):
        line = line.rstrip()
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip()


def find_phrase(text: str, phrases: Iterable[tuple[str, str]]) -> str | None:
    """The language of the first phrase found in already folded text."""
    for phrase, language in phrases:
        if phrase in text:
            return language
    return None


def guess_language(*votes: Iterable[str | None]) -> str | None:
    """The first vote (in priority order) for one of the supported languages.

    Each argument is a group of votes of one priority; inside a group a non-English vote wins
    over English, because English labels ("Message:") appear in every language's template.
    """
    for group in votes:
        found = [v for v in group if v in LANGUAGES]
        if found:
            return next((v for v in found if v != "en"), found[0])
    return None


def order_ids(*texts: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for text in texts:
        for match in ORDER_RE.finditer(text, 0, MAX_SCAN):
            seen.setdefault(match.group(0), None)
    return tuple(seen)


# eBay member messages: the template's first line and the lines that end the member's words.
EBAY_INTRO: dict[str, str] = {
    "new message from:": "en",
    "neue nachricht von:": "de",
    "nuevo mensaje de:": "es",
    "nouveau message de :": "fr",
    "nouveau message de:": "fr",
    "nuovo messaggio da:": "it",
    "nytt meddelande från:": "sv",
    "nieuw bericht van:": "nl",
    "nowa wiadomość od:": "pl",
}
EBAY_FOOTER_STARTS: tuple[str, ...] = (
    "item:",
    "artikel:",
    "artículo:",
    "objet :",
    "objet:",
    "oggetto:",
    "reply to this email",
    "antworten sie auf diese email",
    "responde a este correo",
    "répondez à cet email",
    "rispondi a questa email",
    "svara på det här epostmeddelandet",
    "beantwoord deze email",
    "odpowiedz na tego emaila",
    # eBay quotes the other side's last message under this heading
    "your previous message",
    "ihre vorherige nachricht",
    "ihre letzte nachricht",
    "tu mensaje anterior",
    "su mensaje anterior",
    "votre message précédent",
    "il tuo messaggio precedente",
    "ditt tidigare meddelande",
    "uw vorige bericht",
    "twoja poprzednia wiadomość",
)
EBAY_INTRO = {fold(k): v for k, v in EBAY_INTRO.items()}
EBAY_FOOTER_STARTS = tuple(fold(p) for p in EBAY_FOOTER_STARTS)
EBAY_REF_RE = re.compile(r"\[#[A-Za-z0-9]{4,64}#\]")


def ebay_words(text: str) -> tuple[str, str | None]:
    """An eBay member message's own words, and the template's language."""
    lines = _lines(text)
    language = None
    start = 0
    for i, line in enumerate(lines[:20]):
        folded = fold(line.strip())
        intro = next((lang for key, lang in EBAY_INTRO.items() if folded.startswith(key)), None)
        if intro:
            language, start = intro, i + 1
            break
    kept: list[str] = []
    for line in lines[start:]:
        if fold(line.strip()).startswith(EBAY_FOOTER_STARTS):
            break
        kept.append(EBAY_REF_RE.sub("", line))
    return "\n".join(kept), language


def intro_language(text: str) -> str | None:
    for line in _lines(text[:4000])[:40]:
        language = INTRO_LINES.get(fold(line.strip()))
        if language:
            return language
    return None
