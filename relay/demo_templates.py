"""The demo seller's first templates (relay.demo seeds them): the three a seller writes first,
in English, Swedish, Spanish and German, within the default pack's rules (a test says so)."""

from __future__ import annotations

from typing import Any

TEMPLATES: list[dict[str, Any]] = [
    {
        "name": "Where is my order?",
        "contactReason": "other",
        "texts": {
            "en": "Hi {buyer_first_name},\n"
            "\n"
            "thank you for your message about order {order_id}. Your parcel is on its "
            "way and the carrier expects to deliver it within the next two working days. "
            "If it has not arrived by then, please reply here and we will look into it "
            "right away.\n"
            "\n"
            "Best regards,\n"
            "{seller_name}",
            "sv": "Hej {buyer_first_name}!\n"
            "\n"
            "Tack för ditt meddelande om order {order_id}. Paketet är på väg och "
            "transportören räknar med att leverera det inom två arbetsdagar. Om det inte "
            "har kommit fram till dess kan du svara här, så tittar vi på det direkt.\n"
            "\n"
            "Vänliga hälsningar,\n"
            "{seller_name}",
            "es": "Hola {buyer_first_name}:\n"
            "\n"
            "Gracias por tu mensaje sobre el pedido {order_id}. Tu paquete está en "
            "camino y el transportista prevé entregarlo en los próximos dos días "
            "laborables. Si no ha llegado para entonces, responde aquí y lo revisaremos "
            "enseguida.\n"
            "\n"
            "Un saludo,\n"
            "{seller_name}",
            "de": "Hallo {buyer_first_name},\n"
            "\n"
            "vielen Dank für Ihre Nachricht zur Bestellung {order_id}. Ihr Paket ist "
            "unterwegs, und der Zusteller rechnet mit der Lieferung in den nächsten zwei "
            "Werktagen. Sollte es bis dahin nicht angekommen sein, antworten Sie bitte "
            "hier, und wir kümmern uns sofort darum.\n"
            "\n"
            "Freundliche Grüße\n"
            "{seller_name}",
        },
    },
    {
        "name": "Damaged on arrival",
        "contactReason": "shipping-problem",
        "texts": {
            "en": "Hi {buyer_first_name},\n"
            "\n"
            "we are sorry that your order {order_id} arrived damaged. Could you send us "
            "a photo of the damage and of the packaging in this conversation? As soon as "
            "we have it, we will send a replacement or refund the order, whichever you "
            "prefer.\n"
            "\n"
            "Best regards,\n"
            "{seller_name}",
            "sv": "Hej {buyer_first_name}!\n"
            "\n"
            "Vi beklagar att din order {order_id} kom fram skadad. Kan du skicka ett "
            "foto på skadan och förpackningen i den här konversationen? Så snart vi har "
            "det skickar vi en ersättningsvara eller återbetalar ordern, vilket du än "
            "föredrar.\n"
            "\n"
            "Vänliga hälsningar,\n"
            "{seller_name}",
            "es": "Hola {buyer_first_name}:\n"
            "\n"
            "Sentimos que tu pedido {order_id} haya llegado dañado. ¿Podrías enviarnos "
            "en esta conversación una foto del daño y del embalaje? En cuanto la "
            "tengamos, te enviaremos un repuesto o te reembolsaremos el pedido, lo que "
            "prefieras.\n"
            "\n"
            "Un saludo,\n"
            "{seller_name}",
            "de": "Hallo {buyer_first_name},\n"
            "\n"
            "es tut uns leid, dass Ihre Bestellung {order_id} beschädigt angekommen ist. "
            "Könnten Sie uns in dieser Unterhaltung ein Foto des Schadens und der "
            "Verpackung schicken? Sobald wir es haben, senden wir Ihnen Ersatz oder "
            "erstatten die Bestellung, ganz wie Sie möchten.\n"
            "\n"
            "Freundliche Grüße\n"
            "{seller_name}",
        },
    },
    {
        "name": "Return label",
        "contactReason": "other",
        "texts": {
            "en": "Hi {buyer_first_name},\n"
            "\n"
            "please start the return from Your Orders in your account: the return label "
            "for order {order_id} is created for you there. We will refund the order as "
            "soon as the parcel reaches us.\n"
            "\n"
            "Best regards,\n"
            "{seller_name}",
            "sv": "Hej {buyer_first_name}!\n"
            "\n"
            "Starta returen under Dina beställningar i ditt konto, där skapas "
            "returetiketten för order {order_id} åt dig. Vi återbetalar ordern så snart "
            "paketet har kommit fram till oss.\n"
            "\n"
            "Vänliga hälsningar,\n"
            "{seller_name}",
            "es": "Hola {buyer_first_name}:\n"
            "\n"
            "Inicia la devolución desde Mis pedidos en tu cuenta; allí se crea la "
            "etiqueta de devolución del pedido {order_id}. Te reembolsaremos el pedido "
            "en cuanto el paquete nos llegue.\n"
            "\n"
            "Un saludo,\n"
            "{seller_name}",
            "de": "Hallo {buyer_first_name},\n"
            "\n"
            "bitte starten Sie die Rücksendung unter Meine Bestellungen in Ihrem Konto: "
            "Dort wird das Rücksendeetikett für die Bestellung {order_id} für Sie "
            "erstellt. Wir erstatten die Bestellung, sobald das Paket bei uns angekommen "
            "ist.\n"
            "\n"
            "Freundliche Grüße\n"
            "{seller_name}",
        },
    },
]
