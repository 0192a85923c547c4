"""Hand-written message templates in English, Swedish, Spanish and German.

``conversation_script(rng, locale)`` returns one plausible exchange: a buyer opens (a delivery
question, a defect, a customization, a return…), the seller answers, sometimes the buyer
follows up. Placeholders are filled from small per-language lists so bodies vary.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from app.domain import Direction

LOCALES = ("en", "sv", "es", "de")

MARKETPLACES: tuple[tuple[str, str, str, str], ...] = (
    # id, display name, country, main buyer locale
    ("amazon.com", "Amazon.com", "US", "en"),
    ("amazon.co.uk", "Amazon.co.uk", "GB", "en"),
    ("amazon.se", "Amazon.se", "SE", "sv"),
    ("amazon.es", "Amazon.es", "ES", "es"),
    ("amazon.de", "Amazon.de", "DE", "de"),
)

PRODUCTS = {
    "en": [
        "ceramic mug",
        "leather wallet",
        "walnut cutting board",
        "wool scarf",
        "desk lamp",
        "engraved pen",
        "phone case",
        "linen tablecloth",
    ],
    "sv": [
        "keramikmugg",
        "plånbok i läder",
        "skärbräda i valnöt",
        "ullhalsduk",
        "skrivbordslampa",
        "graverad penna",
        "mobilskal",
        "linneduk",
    ],
    "es": [
        "taza de cerámica",
        "cartera de piel",
        "tabla de cortar de nogal",
        "bufanda de lana",
        "lámpara de escritorio",
        "bolígrafo grabado",
        "funda de móvil",
        "mantel de lino",
    ],
    "de": [
        "Keramiktasse",
        "Lederbörse",
        "Schneidebrett aus Walnuss",
        "Wollschal",
        "Schreibtischlampe",
        "gravierter Kugelschreiber",
        "Handyhülle",
        "Leinentischdecke",
    ],
}

FIRST_NAMES = {
    "en": ["Emily", "James", "Olivia", "Noah", "Grace", "Liam", "Hannah", "Ethan"],
    "sv": ["Åsa", "Björn", "Märta", "Måns", "Linnéa", "Göran", "Sofia", "Erik"],
    "es": ["Lucía", "Martín", "Sofía", "Hugo", "Inés", "Álvaro", "Carmen", "Iñaki"],
    "de": ["Jürgen", "Lena", "Sören", "Mia", "Lukas", "Anja", "Jörg", "Hanna"],
}

LAST_INITIALS = "ABCDEFGHJKLMNPRSTVW"

# (topic, buyer subject, buyer body, seller reply, optional buyer follow-up)
_TEMPLATES: dict[str, list[tuple[str, str, str, str, str | None]]] = {
    "en": [
        (
            "where",
            "Where is my order?",
            "Hi, I ordered the {product} on {weekday} and the tracking has not moved for three "
            "days. Could you check what is going on? Thanks, {name}",
            "Hello {name}, thank you for your patience. The carrier had a delay at the sorting "
            "centre; your {product} is moving again and should arrive by {weekday}.",
            "Great, it just arrived. Thank you!",
        ),
        (
            "defect",
            "Item arrived damaged",
            "The {product} arrived with a crack along the side. The box looked fine. What can "
            "we do about it?",
            "I am sorry to hear that, {name}. We will send a replacement {product} today at no "
            "cost; you do not need to return the damaged one.",
            None,
        ),
        (
            "custom",
            "Engraving text for my order",
            'Hello! For the {product}, please engrave: "For Anna, with love". Is there a limit '
            "on the number of characters?",
            "Hi {name}, the limit is 30 characters, so your text fits. We will engrave it exactly "
            "as written and ship on {weekday}.",
            "Perfect, thank you so much.",
        ),
        (
            "return",
            "Return request",
            "I would like to return the {product}, it is smaller than I expected. How do I do "
            "that?",
            "Hello {name}, you can start the return from your orders page on the marketplace; "
            "the refund is issued as soon as the parcel is scanned.",
            None,
        ),
        (
            "question",
            "Question about the {product}",
            "Is the {product} dishwasher safe? I want to buy two more for my parents.",
            "Hi {name}, yes, it is dishwasher safe up to 60 degrees.",
            None,
        ),
    ],
    "sv": [
        (
            "where",
            "Var är mitt paket?",
            "Hej! Jag beställde {product} i {weekday}s och spårningen har inte ändrats på tre "
            "dagar. Kan ni kolla vad som har hänt? Mvh {name}",
            "Hej {name}, tack för ditt tålamod. Transportören hade en försening på terminalen; "
            "din {product} är på väg igen och bör komma fram på {weekday}.",
            "Nu har den kommit. Tack så mycket!",
        ),
        (
            "defect",
            "Varan kom trasig",
            "Min {product} kom med en spricka på sidan, fast kartongen såg hel ut. Vad gör vi?",
            "Vad tråkigt, {name}. Vi skickar en ny {product} i dag utan kostnad, du behöver inte "
            "skicka tillbaka den trasiga.",
            None,
        ),
        (
            "custom",
            "Text till graveringen",
            'Hej! Kan ni gravera "Till mormor, från Elsa" på {product}? Hur många tecken får '
            "det plats?",
            "Hej {name}, det får plats 30 tecken så din text går bra. Vi graverar den precis som "
            "du skrivit och skickar på {weekday}.",
            "Perfekt, tack!",
        ),
        (
            "return",
            "Vill returnera",
            "Jag vill lämna tillbaka {product}, den är mindre än jag trodde. Hur gör jag?",
            "Hej {name}, du startar returen från din ordersida på marknadsplatsen; pengarna "
            "återbetalas när paketet skannats.",
            None,
        ),
        (
            "question",
            "Fråga om {product}",
            "Tål {product} diskmaskin? Jag vill köpa två till åt mina föräldrar. Får jag dem "
            "före jul?",
            "Hej {name}, ja, den tål diskmaskin upp till 60 grader.",
            None,
        ),
    ],
    "es": [
        (
            "where",
            "¿Dónde está mi pedido?",
            "Hola, pedí la {product} el {weekday} y el seguimiento no se ha movido en tres días. "
            "¿Podéis mirar qué pasa? Gracias, {name}",
            "Hola {name}, gracias por tu paciencia. El transportista tuvo un retraso en el centro "
            "de clasificación; tu {product} ya está en camino y llegará el {weekday}.",
            "Ya ha llegado, ¡muchas gracias!",
        ),
        (
            "defect",
            "El artículo llegó dañado",
            "La {product} llegó con una grieta en el lateral aunque la caja estaba bien. ¿Qué "
            "podemos hacer?",
            "Lo siento mucho, {name}. Hoy te enviamos una {product} nueva sin coste; no hace "
            "falta devolver la dañada.",
            None,
        ),
        (
            "custom",
            "Texto para el grabado",
            '¡Hola! Para la {product}, por favor grabad: "Para Ana, feliz año". ¿Hay un límite '
            "de caracteres?",
            "Hola {name}, el límite es de 30 caracteres, así que tu texto cabe. Lo grabaremos tal "
            "cual y lo enviaremos el {weekday}.",
            "Perfecto, muchas gracias.",
        ),
        (
            "return",
            "Quiero devolverlo",
            "Me gustaría devolver la {product}, es más pequeña de lo que esperaba. ¿Cómo lo hago?",
            "Hola {name}, puedes iniciar la devolución desde tus pedidos en el marketplace; el "
            "reembolso se hace en cuanto se escanea el paquete.",
            None,
        ),
        (
            "question",
            "Pregunta sobre la {product}",
            "¿La {product} se puede meter en el lavavajillas? Quiero comprar dos más para mis "
            "padres.",
            "Hola {name}, sí, aguanta el lavavajillas hasta 60 grados.",
            None,
        ),
    ],
    "de": [
        (
            "where",
            "Wo bleibt meine Bestellung?",
            "Hallo, ich habe die {product} am {weekday} bestellt und die Sendungsverfolgung "
            "steht seit drei Tagen still. Können Sie nachsehen? Grüße, {name}",
            "Hallo {name}, danke für Ihre Geduld. Der Versanddienstleister hatte eine Verzögerung "
            "im Verteilzentrum; Ihre {product} ist wieder unterwegs und kommt am {weekday} an.",
            "Sie ist gerade angekommen. Vielen Dank!",
        ),
        (
            "defect",
            "Artikel beschädigt angekommen",
            "Die {product} kam mit einem Riss an der Seite an, obwohl der Karton heil war. Was "
            "können wir tun?",
            "Das tut mir leid, {name}. Wir schicken Ihnen heute kostenlos eine neue {product}; "
            "die beschädigte müssen Sie nicht zurückschicken.",
            None,
        ),
        (
            "custom",
            "Text für die Gravur",
            'Hallo! Bitte gravieren Sie auf die {product}: "Für Jürgen, alles Gute". Wie viele '
            "Zeichen sind möglich?",
            "Hallo {name}, möglich sind 30 Zeichen, Ihr Text passt also. Wir gravieren ihn genau "
            "so und versenden am {weekday}.",
            "Perfekt, danke schön.",
        ),
        (
            "return",
            "Rücksendung",
            "Ich möchte die {product} zurückgeben, sie ist kleiner als erwartet. Wie geht das?",
            "Hallo {name}, Sie können die Rücksendung über Ihre Bestellungen auf dem Marktplatz "
            "starten; die Erstattung erfolgt, sobald das Paket gescannt ist.",
            None,
        ),
        (
            "question",
            "Frage zur {product}",
            "Ist die {product} spülmaschinenfest? Ich möchte noch zwei für meine Eltern kaufen.",
            "Hallo {name}, ja, sie ist bis 60 Grad spülmaschinenfest.",
            None,
        ),
    ],
}

WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "sv": ["måndag", "tisdag", "onsdag", "torsdag", "fredag"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"],
}


@dataclass(frozen=True, slots=True)
class ScriptedMessage:
    direction: Direction
    subject: str
    body: str
    after_minutes: int  # since the conversation started


@dataclass(frozen=True, slots=True)
class Script:
    locale: str
    topic: str
    buyer_name: str
    product: str
    messages: tuple[ScriptedMessage, ...]


def buyer_name(rng: random.Random, locale: str) -> str:
    return f"{rng.choice(FIRST_NAMES[locale])} {rng.choice(LAST_INITIALS)}."


def conversation_script(rng: random.Random, locale: str, *, answered: bool = True) -> Script:
    """One exchange in ``locale``. ``answered=False`` leaves the buyer's last word unanswered
    (a conversation that needs a response)."""
    topic, subject, opening, reply, follow_up = rng.choice(_TEMPLATES[locale])
    name = buyer_name(rng, locale)
    product = rng.choice(PRODUCTS[locale])
    fill = {"name": name.split()[0], "product": product, "weekday": rng.choice(WEEKDAYS[locale])}
    subject = subject.format(**fill)
    re_subject = (
        "Re: "
        if locale == "en"
        else "Sv: "
        if locale == "sv"
        else "Re: "
        if locale == "es"
        else "AW: "
    ) + subject
    out = [ScriptedMessage(Direction.INBOUND, subject, opening.format(**fill), 0)]
    t = 0
    if answered or follow_up is not None:
        t += rng.randint(20, 60 * 20)
        out.append(ScriptedMessage(Direction.OUTBOUND, re_subject, reply.format(**fill), t))
    if follow_up is not None and (not answered or rng.random() < 0.5):
        t += rng.randint(60, 60 * 48)
        out.append(ScriptedMessage(Direction.INBOUND, re_subject, follow_up, t))
        if answered:
            t += rng.randint(10, 60 * 10)
            closing = {
                "en": "You're welcome, {name}!",
                "sv": "Varsågod, {name}!",
                "es": "¡De nada, {name}!",
                "de": "Gern geschehen, {name}!",
            }[locale]
            out.append(ScriptedMessage(Direction.OUTBOUND, re_subject, closing.format(**fill), t))
    return Script(locale, topic, name, product, tuple(out))


def order_number(rng: random.Random) -> str:
    """Amazon-style order number: 3-7-7 digits."""
    return (
        f"{rng.randint(100, 999)}-{rng.randint(0, 9_999_999):07d}-{rng.randint(0, 9_999_999):07d}"
    )
