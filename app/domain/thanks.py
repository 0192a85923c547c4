"""Does a buyer's message only say thanks? Then the window suggests "No response needed".

A suggestion, never an automatic action: the seller clicks it. So the rule is strict and the
mistakes it can make are the cheap ones: every word of the message (quoted history and the
signature aside) must be thanks, praise, a greeting, a filler word or the buyer's own name,
in one of the six marketplace languages, with no question and nothing a seller would still
have to act on ("thanks, but it broken" has "broken": not thanks-only). Linear in the
text, capped at `MAX_CHARS`: a longer message is never "only thanks".
"""

from __future__ import annotations

import re
import unicodedata

MAX_CHARS = 400
MAX_WORDS = 40


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that say thanks or praise, per language (lower case, accents kept; matched after NFKC).
THANKS = _words(
    """
    thank thanks thankyou thx ty tysm cheers appreciate appreciated grateful great perfect
    awesome excellent wonderful lovely amazing fantastic brilliant superb super nice cool
    good fine ok okay okey kk helpful
    tack tusen stort toppen perfekt bra utmärkt jättebra underbart fint kanon grymt härligt
    schysst snällt
    gracias mil muchísimas muchas perfecto perfecta genial estupendo estupenda excelente
    fantástico maravilloso vale bien amable
    danke dank vielen vielmals herzlichen besten prima toll klasse wunderbar ausgezeichnet
    alles klar bestens freundlich
    merci beaucoup parfait parfaite génial excellente impeccable top nickel formidable
    grazie mille perfetto perfetta ottimo ottima fantastico benissimo gentilissimo gentilissima
    gentile
    """
)
# "It arrived", "it works": fine beside thanks, not thanks by themselves.
ACK = _words(
    """
    received got arrived works working worked sorted solved came today yesterday
    mottaget mottagit fått kommit kom funkar fungerar idag igår
    recibido recibida llegado llegó funciona hoy ayer
    erhalten bekommen angekommen funktioniert heute gestern
    reçu reçue arrivé arrivée fonctionne aujourd'hui hier
    ricevuto ricevuta arrivato arrivata funziona oggi ieri
    """
)
# Greetings, fillers and small words that carry no request in any of the six languages.
FILLER = _words(
    """
    hi hello hey dear again so very much a lot lots all for the your you it this that is was
    and everything item items order package parcel product quick fast reply response answer
    help support service really indeed just now already well have has an of me my we us our
    yes yeah yep sir madam team best regards kind greetings delivery shipping shipment
    hej hallo hejsan tjena så mycket för allt er din ditt hjälpen svaret snabbt snabb snabba
    varan paketet ordern leverans leveransen nu redan ja och har är det med vänliga
    hälsningar mvh
    hola buenos buenas días tardes noches de nuevo otra vez todo por la el su tu tus sus
    ayuda respuesta rápida rápido pedido paquete producto ya sí y muy un una saludos
    cordiales atentamente entrega envío
    guten tag morgen abend nochmals für die den das der ihre ihr deine schnelle antwort
    hilfe paket bestellung artikel jetzt schon ja und sehr viele grüße gruß freundliche mit
    lg vg mfg lieferung versand schnell schnellen
    bonjour bonsoir salut encore pour le les votre vos tout réponse rapide aide commande
    colis produit maintenant déjà oui et très cordialement bonne journée livraison
    buongiorno buonasera ciao ancora per il lo vostra vostro tutto risposta aiuto ordine
    pacco prodotto ora già sì e molto cordiali saluti distinti consegna spedizione veloce
    """
)
# Any of these turns a thank-you into something to answer, whatever else is said.
ACTION = _words(
    """
    but however though still yet not no never dont don't didn't doesn't isn't wasn't missing
    broken damaged wrong refund return where when why how what can could would please need
    men dock fortfarande inte ingen aldrig saknas trasig fel återbetalning retur var när
    varför hur kan skulle behöver snälla
    pero sin todavía aún nunca falta roto dañado equivocado reembolso devolución dónde
    cuándo qué cómo puede podría necesito favor
    aber doch noch nicht kein keine nie fehlt kaputt beschädigt falsch erstattung
    rücksendung wo wann warum wie können könnte bitte brauche
    mais pourtant toujours pas ne jamais manque cassé endommagé erreur remboursement retour
    où quand pourquoi comment pouvez pourriez besoin svp
    ma però non nessun mai manca rotto danneggiato sbagliato rimborso reso dove quando
    perché come potete potreste bisogno
    """
)
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_QUOTE_START = re.compile(
    r"^(>|on .{0,200} wrote:|am .{0,200} schrieb|el .{0,200} escribió|den .{0,200} skrev"
    r"|le .{0,200} a écrit|il .{0,200} ha scritto|-{2,}|_{2,})",
    re.IGNORECASE,
)


def own_words(text: str) -> str:
    """The message without quoted history or a signature block (both start a line)."""
    kept: list[str] = []
    for line in text[: MAX_CHARS * 4].splitlines():
        if _QUOTE_START.match(line.strip()):
            break
        kept.append(line)
    return "\n".join(kept)


def thanks_only(text: str, buyer_name: str = "") -> bool:
    """True when the message only says thanks (see the module docstring)."""
    words_of = own_words(unicodedata.normalize("NFKC", text)).strip()
    if not words_of or len(words_of) > MAX_CHARS or "?" in words_of or "¿" in words_of:
        return False
    words = [w.lower().replace("’", "'") for w in _WORD_RE.findall(words_of)]
    if not words or len(words) > MAX_WORDS:
        return False
    names = {w.lower() for w in _WORD_RE.findall(buyer_name)}
    said_thanks = False
    for word in words:
        if word in ACTION:
            return False
        if word in THANKS:
            said_thanks = True
        elif word not in FILLER and word not in ACK and word not in names:
            return False
    return said_thanks
