"""Constructions that carry across the languages: a change verb next to a review word, money
as value, a contact verb next to a number or address, what a thanks governs in its clause,
offers in numbers, reported speech."""

from __future__ import annotations

import pytest
from policy_helpers import rules, run_check

MARKETS = {
    "en": "amazon.co.uk",
    "sv": "amazon.se",
    "es": "amazon.es",
    "it": "amazon.it",
    "de": "amazon.de",
    "fr": "amazon.fr",
}
REVIEW, OFF, THANKS, MARKETING = "review-incentive", "off-platform", "thank-you-only", "marketing"
NOT = "!"

# (language, body, rule): the rule must fire; NOT + rule: it must not.
CASES = [
    # A change verb next to a review word asks to change it.
    ("sv", "Nu när du fått en ny laddare, kan du tänka dig att uppdatera ditt betyg?", REVIEW),
    ("sv", "Skulle betyget kunna tas bort nu när allt är löst?", REVIEW),
    ("es", "¿Sería posible que retirara el comentario negativo?", REVIEW),
    ("es", "¿Nos podría subir la puntuación ahora que funciona?", REVIEW),
    ("it", "Visto che abbiamo risolto, potrebbe aggiornare la sua valutazione?", REVIEW),
    # Money and percentages are value next to a review.
    (
        "sv",
        "Skriv en recension och skicka en skärmdump, så sätter vi in 100 kr på ditt konto.",
        REVIEW,
    ),
    ("es", "Si nos deja una reseña le devolvemos 15 € en su cuenta.", REVIEW),
    ("it", "Lasci una recensione e le accreditiamo il 10% dell'importo.", REVIEW),
    # A contact verb next to a number is an invitation (and contact-info).
    ("sv", "Det är enklare om du sms:ar mig direkt på 0735-44 21 90.", OFF),
    ("sv", "Hör av dig på 0701234567 istället så löser vi det.", OFF),
    ("es", "Mándame un mensaje al 612 345 678 y te paso las fotos.", OFF),
    ("it", "Mi contatti al 347 123 4567 così le spiego come montarlo.", OFF),
    # What a thanks or a wish governs in its clause is courtesy.
    ("sv", "Tusen tack för beställningen, hoppas du blir nöjd med kastrullerna! 😊", THANKS),
    (
        "es",
        "Gracias por confiar en nosotros, esperamos que disfrutes mucho tu nueva bici 🚲",
        THANKS,
    ),
    ("it", "Grazie per aver scelto il nostro negozio! Speriamo che la lampada ti piaccia.", THANKS),
    # A campaign still running, a channel named outside "here".
    ("sv", "Vi har en kampanj hela veckan, passa på!", MARKETING),
    ("es", "Escríbanos por WhatsApp y se lo solucionamos.", OFF),
    # Swedish "står" folds to English "star": a mention counts in the verb's language.
    (
        "sv",
        "Bra poäng - vi har uppdaterat annonsen så att det står att stolen är 45 cm.",
        NOT + REVIEW,
    ),
    ("es", "No le pedimos que cambie su valoración, solo queremos ayudarle.", NOT + REVIEW),
    ("it", "Abbiamo aggiornato la scheda del prodotto con le misure corrette.", NOT + REVIEW),
    # A refund already made is no price for a review.
    ("sv", "Vi har återbetalat 349 kr. Lämna gärna ett ärligt omdöme om du vill.", NOT + REVIEW),
    ("es", "Le hemos reembolsado 24,90 €. Su opinión sincera siempre es bienvenida.", NOT + REVIEW),
    # A carrier that will call is no invitation.
    ("sv", "Budfirman ringer dig en halvtimme innan leverans.", NOT + OFF),
    ("es", "El repartidor le llamará antes de llegar.", NOT + OFF),
    ("it", "Il corriere la chiamerà il giorno della consegna.", NOT + OFF),
    # A thanks that carries news is not thanks only.
    ("sv", "Tack för beställningen som vi skickar med PostNord på fredag.", NOT + THANKS),
    ("sv", "Tack för bilderna, vi skickar en ny lampa i dag.", NOT + THANKS),
    ("es", "Gracias por el pedido que enviaremos mañana por la tarde.", NOT + THANKS),
    ("it", "Grazie per l'ordine che spediremo il 4 dicembre.", NOT + THANKS),
    ("en", "Thank you for your order which we will ship tomorrow.", NOT + THANKS),
    # A campaign that has ended is reported, not offered.
    (
        "sv",
        "Det stämmer att vi hade en kampanj förra veckan, men den är tyvärr avslutad.",
        NOT + MARKETING,
    ),
    ("es", "Sí tuvimos una promoción la semana pasada, pero ya ha finalizado.", NOT + MARKETING),
    (
        "it",
        "Sì, la settimana scorsa c'era una promozione, ma purtroppo è terminata.",
        NOT + MARKETING,
    ),
    # A clitic change verb refers back to the review named before it.
    ("es", "Vimos su valoración de 2 estrellas. ¿Podría reconsiderarla ahora?", REVIEW),
    (
        "it",
        "Abbiamo visto la sua recensione. Potrebbe modificarla ora che è tutto risolto?",
        REVIEW,
    ),
    ("es", "No podemos modificar su reseña; solo usted puede editarla.", NOT + REVIEW),
    # The marketplace's own campaign; a carrier to call; "Art.nr" is no Nauru domain.
    ("sv", "Priset sänktes i Amazons Black Friday-kampanj, inte av oss.", NOT + MARKETING),
    ("it", "Era una promozione di Amazon, non nostra.", NOT + MARKETING),
    ("es", "Aprovecha el 20% de descuento en nuestra tienda de Amazon.", MARKETING),
    ("sv", "Ring gärna transportören på numret i spårningsmejlet.", NOT + OFF),
    ("sv", "Ring oss hellre, så ordnar vi det.", OFF),
    ("sv", "Den nya modellen (art.nr 45-1122) passar samma fäste.", NOT + "external-link"),
    # A wish governs its clause unless it carries news of the order.
    (
        "sv",
        "Tack för att du valde oss! Vi hoppas att bönorna gör dina morgnar lite bättre.",
        THANKS,
    ),
    (
        "sv",
        "Tack för ordern! Vi hoppas att paketet kommer fram på fredag som planerat.",
        NOT + THANKS,
    ),
    # A percentage and a code to use, in one sentence, either order.
    ("en", "Save 15% with the code THANKS15.", MARKETING),
    ("en", "Use code THANKS15 to save 15% on your next order.", MARKETING),
    ("de", "Sparen Sie 15 % mit dem Code DANKE15.", MARKETING),
    ("fr", "Économisez 15 % avec le code MERCI15.", MARKETING),
    ("it", "Risparmia il 15% con il codice GRAZIE15.", MARKETING),
    ("en", "The locker opens with the code 1234; the battery left us at 80%.", NOT + MARKETING),
    (
        "en",
        "We refunded 20% as agreed; use the QR code on the label for the rest.",
        NOT + MARKETING,
    ),
    ("en", "We can't give 15% off with a code, sorry.", NOT + MARKETING),
    ("fr", "Remboursé à 15 %, le code de suivi est XY123.", NOT + MARKETING),
    # Offers in numbers: a minus before a percentage, more items for the price of fewer.
    ("fr", "Toute notre gamme jardin est à -30 % ce week-end.", MARKETING),
    ("en", "This month it's 3 for 2 on every scented candle.", MARKETING),
    ("fr", "Ce mois-ci, 3 bougies pour le prix de 2.", MARKETING),
    ("de", "Der neue Akku hält 20-30 % länger.", NOT + MARKETING),
    ("en", "The table seats 6 for dinner, or 8 with the leaf.", NOT + MARKETING),
    # Reported speech opening a clause speaks of the clause before it.
    ("de", "Der Gutschein, den Sie erwähnen, war eine Amazon-Aktion.", NOT + MARKETING),
    ("fr", "L'article est en promotion, mais c'est Amazon qui fixe le prix.", NOT + MARKETING),
    ("en", "It's on sale at the moment, but that's set by Amazon.", NOT + MARKETING),
    ("en", "It's on sale at the moment, but only until Sunday!", MARKETING),
    # An emoji before a space ends a sentence: what was done before it does not cancel after.
    (
        "en",
        "Your book is on its way 📚 Leave a review and you'll be entered into our giveaway!",
        REVIEW,
    ),
    ("en", "Your book is on its way 📚 Enjoy the read!", NOT + REVIEW),
    # A score out of the maximum is a condition on the review.
    ("fr", "Pourriez-vous nous noter 5/5 ? En retour, 10 € de remise.", REVIEW),
    ("de", "Die Lampe hat 5/5 Punkte im Test der Stiftung erreicht.", NOT + REVIEW),
    # Words named in quotes make no offer; a coupon disowned is no offer either.
    (
        "sv",
        "Ja, 'Black Friday Edition' är bara namnet på färgen, det är samma modell.",
        NOT + MARKETING,
    ),
    ("es", "Sí, «Black Friday Edition» es solo el nombre del color.", NOT + MARKETING),
    ("sv", "Black Friday hos oss: 30 % på allt!", MARKETING),
    # A negation of another language is no news: Swedish "Ni" is not Spanish "ni".
    ("sv", "God eftermiddag,\nStort tack för att Ni valt att handla hos oss.", THANKS),
    # The replacement already agreed is a remedy, not a reward, next to a review request.
    ("sv", "Lämna gärna ett omdöme. Ersättaren skickar vi utan kostnad i morgon.", NOT + REVIEW),
    ("es", "Si quiere, deje una opinión. El recambio se lo enviamos sin coste.", NOT + REVIEW),
    ("sv", "Lämna ett omdöme så skickar vi en ersättare gratis.", REVIEW),
    # A sign-off line that is only a name is a name, not news of the order.
    ("es", "¡Gracias por elegirnos! Le deseamos un invierno acogedor.\nLanas del Norte", THANKS),
    # A score with a decimal reports a rating; "5/5" alone asks for one.
    ("sv", "Betyget i testet (4,5/5) kommer från en tidning, inte från oss.", NOT + REVIEW),
    # A refusal verb and a kind of mailing in one clause is an opt-out, in any words; someone
    # else's mailing, or the two in different clauses, is not.
    ("sv", "Vill du hellre vara utan våra säsongsbrev? Svara bara NEJ.", "opt-out-link"),
    ("sv", "Mejlen med erbjudanden kan du stänga av genom att svara AV.", "opt-out-link"),
    ("es", "Si prefiere prescindir de nuestras comunicaciones, díganoslo.", "opt-out-link"),
    (
        "sv",
        "Vill du slippa vänta på mejl från transportören, följ paketet i appen.",
        NOT + "opt-out-link",
    ),
    (
        "sv",
        "Stäng av strömmen innan du byter lampa, meddelanden om fel visas sedan.",
        NOT + "opt-out-link",
    ),
    (
        "es",
        "Puede desactivar la alarma desde el menú; los avisos sonoros se quitan.",
        NOT + "opt-out-link",
    ),
    # "Also" with our selling or making verb in one clause is a cross-sell, in any order;
    # someone else's, or a refusal, is not.
    ("sv", "Dessutom säljer vi reservfilter i tre storlekar.", "cross-promotion"),
    ("es", "Además fabricamos fundas a juego en tres colores.", "cross-promotion"),
    (
        "sv",
        "Tillverkaren säljer även reservdelar, men vi kan beställa åt dig.",
        NOT + "cross-promotion",
    ),
    ("es", "Tampoco vendemos recambios sueltos, lo sentimos.", NOT + "cross-promotion"),
    # Amazon named as the place ("on the Amazon page") is not Amazon owning the offer.
    ("sv", "Kika på vår outlet-hylla på Amazon-sidan, allt till halva priset!", MARKETING),
    ("es", "Liquidación en nuestra página de Amazon: todo a mitad de precio.", MARKETING),
    ("it", "Un codice sconto gira su internet: è falso e non è nostro.", NOT + MARKETING),
    # Identifiers are not phone numbers; a bracketed "arroba" is an address.
    ("es", "Su paquete tiene el número 1Z 999 AA1 01 2345 6784 en UPS.", NOT + "contact-info"),
    ("sv", "Certifikat nr 2023/4567-SE finns under Produktdokument.", NOT + "contact-info"),
    ("es", "Contacto: ventas(arroba)mueblesdelsur.es", "contact-info"),
    # "Speriamo che …": a wish's own complement is no relative clause.
    ("it", "Grazie mille! Speriamo che tu e la tua famiglia vi divertiate col trampolino.", THANKS),
    # A link word may bridge two clauses between value and a later review mention.
    ("fr", "Livraison express offerte – en retour, un gentil avis serait apprécié.", REVIEW),
    ("en", "Delivery was free of charge – and, by the way, reviews help us.", NOT + REVIEW),
    # An offer on the next purchase; the next time something goes wrong is no offer.
    ("es", "Compre al menos 30 € la próxima vez y le invitamos al envío.", MARKETING),
    (
        "es",
        "La próxima vez que tenga un problema con el envío, escríbanos por aquí.",
        NOT + MARKETING,
    ),
    ("it", "Sono appena arrivati i nostri nuovi copertoni, dai un'occhiata in negozio!", MARKETING),
    (
        "sv",
        "Du som köpt ett lås kanske också behöver en ny korg? Vi har flera modeller.",
        "cross-promotion",
    ),
    ("es", "Nos preguntaba si tenemos rebajas: no las tenemos.", NOT + MARKETING),
    # A clause of its own with no thanks, courtesy or wish is a statement, not thanks only.
    ("en", "Thanks for asking. The jumper is pure merino wool.", NOT + THANKS),
    ("de", "Danke für die Frage. Der Pullover ist aus reiner Merinowolle.", NOT + THANKS),
    ("fr", "Merci, nous regardons cela tout de suite.", NOT + THANKS),
    ("fr", "Bonjour M. Leroy, merci beaucoup pour votre commande !", THANKS),
    # "You might also like" is a cross-sell; "we have it in black too" answers a question.
    ("es", "Quizá le interese también nuestra funda a juego.", "cross-promotion"),
    ("es", "Sí, lo tenemos también en negro.", NOT + "cross-promotion"),
    ("it", "Le inviamo anche la nostra guida al montaggio in PDF.", NOT + "cross-promotion"),
    # Was/now prices and savings on a multi-buy are offers; an energy saving is a product fact.
    ("sv", "Mellandagsfynd! Alla ryggsäckar nu 199 kr (ord. 349 kr).", MARKETING),
    ("it", "Tutti gli zaini a 19,90 € (prima 34,90 €) fino all'Epifania.", MARKETING),
    ("es", "Ahorre un 15 % al comprar dos o más.", MARKETING),
    ("sv", "Lampan sparar 80 % energi jämfört med en glödlampa.", NOT + MARKETING),
    ("sv", "Lämna gärna ett ärligt omdöme. Kvittot skickas i form av en PDF.", NOT + REVIEW),
    # "Our app" is a channel; the app a product works with is not.
    ("sv", "Ladda ner vår app, där får du alla erbjudanden först.", OFF),
    ("sv", "Ladda ner appen Bose Connect för att uppdatera högtalaren.", NOT + OFF),
    # An affectionate sign-off is courtesy; "de nuestra parte" is not English "part".
    ("es", "¡Gracias por comprar con nosotros! Un achuchón al perrete de nuestra parte.", THANKS),
    # A change verb next to the buyer's own review ("su comentario") asks to change it; a word
    # of another language ("aviso" is not French "avis") is no review.
    ("es", "Nos gustaría que quitara su comentario sobre el ruido.", REVIEW),
    ("es", "Puede llamar a Correos si quiere cambiar la oficina del aviso.", NOT + REVIEW),
    ("es", "Gracias por su comentario; hemos cambiado la descripción.", NOT + REVIEW),
    # A screenshot of the review is the proof a reward asks for.
    ("it", "Chi ci manda uno screenshot della sua recensione avrà la garanzia estesa.", REVIEW),
    # "Write to us here" stays on the marketplace.
    ("es", "Si algo no va bien, escríbanos por aquí.", NOT + OFF),
    ("sv", "Mejla oss här i meddelandena om lampan inte fungerar.", NOT + OFF),
    # "…hope you'll update it": the buyer is asked, whatever the seller has already done; the
    # seller updating something is no request.
    (
        "en",
        "Sorry about the 1-star review. We've sent a new lid and hope you might update it.",
        REVIEW,
    ),
    ("en", "Thanks for the feedback on the photos, we'll update it tonight.", NOT + REVIEW),
    # A refused review mention does not reach value past a contrast word.
    (
        "en",
        "We can't give anything for a review, but we'll send the missing screws free of charge.",
        NOT + REVIEW,
    ),
    (
        "de",
        "Für eine Bewertung können wir nichts anbieten, aber die Schrauben schicken wir kostenlos.",
        NOT + REVIEW,
    ),
    # Value before the review, joined by a relative clause.
    ("en", "We give a free tote bag to everyone who leaves a review this month.", REVIEW),
    # A contact verb near an address or number is an invitation.
    ("de", "Schreiben Sie mir gern an kontakt@werkstatt-meier.de, dann klären wir das.", OFF),
    # A mailing list named is no opt-out; leaving ours is.
    ("en", "We don't run a mailing list, we only write about your order.", NOT + "opt-out-link"),
    ("en", "Reply STOP and we'll take you off our mailing list.", "opt-out-link"),
    # Another language's phrase with its own function words says something else there.
    ("de", "Die Rechnung schicken wir Ihnen per E-Mail über Amazon.", NOT + OFF),
    # German nouns with a function word make a statement after thanks.
    ("de", "Danke! Die Halterung ist nicht Teil des Lieferumfangs.", NOT + THANKS),
    ("de", "Danke für Ihre Bestellung! Jana Schmidt", THANKS),
    ("de", "Danke für deine Bestellung! Liebe Grüße, Jana von Birke & Co", THANKS),
    ("es", "¡Gracias por tu pedido! Besos, Mía de El Jardín", THANKS),
    ("en", "Cheers for the order, appreciate it. Any probs, ping us here. Dan", THANKS),
    # A reward to say thanks for a review is still a reward.
    ("en", "To say thanks for your review, we'd love to send you a free mug.", REVIEW),
    # The buyer's number named is no ask for it.
    ("de", "Bitte prüfen Sie Ihre Telefonnummer in Ihrem Amazon-Konto für DHL.", NOT + OFF),
    ("de", "Schicken Sie mir Ihre Handynummer, dann rufe ich kurz an.", OFF),
    # A link beside a price comparison sends the buyer to buy there; a code with an amount off.
    ("en", "The same kettle is cheaper at kettlecorner.co.uk by the way.", OFF),
    ("de", "Auf kettlecorner.de ist der Kocher übrigens günstiger.", OFF),
    ("en", "It's £5 less on our site, use code AMZ5.", MARKETING),
    ("en", "Use code E2 on the thermostat; it costs £5 less to run.", NOT + MARKETING),
    # "also" next to our selling verb is a cross-sell; "we have also refunded" is news.
    ("en", "By the way, we stock the matching lids too.", "cross-promotion"),
    ("en", "We have also refunded the postage, sorry again.", NOT + "cross-promotion"),
    ("de", "Wir haben auch die Rechnung beigelegt.", NOT + "cross-promotion"),
    # Leaving the mailing is an opt-out; saying there is none to leave is not.
    ("en", "If you'd rather not get our monthly tips, just tell us.", "opt-out-link"),
    (
        "en",
        "No need to unsubscribe from anything, we only write about orders.",
        NOT + "opt-out-link",
    ),
    (
        "de",
        "Abmelden müssen Sie sich nirgends, wir schreiben nur zu Bestellungen.",
        NOT + "opt-out-link",
    ),
    # A spoken "at" after "the bench" is a place: the spelled-out domain is a link.
    ("en", "You can grab the matching bench at oakhouse dot co dot uk", "external-link"),
    # Offers of help in formal wording are courtesy.
    ("en", "Hiya! Should you need anything, don't hesitate to get in touch.", THANKS),
    ("de", "Danke, dass Sie sich für unseren kleinen Laden entschieden haben!", THANKS),
    # A link word opening the next sentence reaches back to value offered in a question…
    ("fr", "Vous voulez un bon d'achat ? Il suffit de laisser un avis.", REVIEW),
    ("it", "Vuole un buono? Basta lasciare una recensione.", REVIEW),
    # …only in the mention's clause.
    (
        "fr",
        "Nous vous envoyons un colis de remplacement gratuit. Il suffit de nous renvoyer "
        "l'ancien ; vous pourrez laisser un avis ensuite.",
        NOT + REVIEW,
    ),
    # A review thanked for after the value is no price.
    ("fr", "Le remboursement apparaîtra sous 3 jours, et merci pour votre avis.", NOT + REVIEW),
    # A wish with "que", a relative word in French and Spanish alike, is courtesy.
    ("fr", "Merci ! On espère que le puzzle fera le bonheur des petits et des grands.", THANKS),
    # Value before a review joined by a relative clause ("aux clients qui…")…
    ("fr", "Un chèque cadeau pour tous ceux qui laissent un avis ce mois-ci !", REVIEW),
    # …but the buyer's own review after a refund for a defect is no price.
    (
        "fr",
        "Nous remboursons les clients qui ont reçu un article défectueux ; votre avis reste libre.",
        NOT + REVIEW,
    ),
    (
        "it",
        "Rimborsiamo i clienti che hanno ricevuto un articolo difettoso; la sua recensione resta "
        "libera.",
        NOT + REVIEW,
    ),
    # Glad it arrived, and nothing else, is thanks only; with news it is not.
    ("fr", "Ça nous fait plaisir de savoir que le colis est bien arrivé ! Bonne soirée", THANKS),
    ("it", "Meno male che è arrivato tutto! Buona serata 🙂", THANKS),
    (
        "fr",
        "Ça nous fait plaisir de savoir que le colis est bien arrivé, mais la poignée est "
        "cassée : nous envoyons une pièce demain.",
        NOT + THANKS,
    ),
    # "No problem" and thanks is courtesy, not a refusal or news.
    ("fr", "Aucun souci, merci à vous et belle journée ☀️", THANKS),
    ("it", "Nessun problema, grazie a lei e buona giornata ☀️", THANKS),
    # A multi-buy price is an offer in any language; a measure is not.
    ("fr", "Cette semaine, les housses : 2 pour 25 € !", MARKETING),
    ("it", "Le fodere questa settimana: 2 per 25 €!", MARKETING),
    ("fr", "Le set contient 2 pour 25 cm de large.", NOT + MARKETING),
    # A promotion that has ended is no offer.
    ("fr", "La promotion était une offre Amazon, terminée depuis dimanche.", NOT + MARKETING),
    # A social handle with a dot or underscore is an account elsewhere, in any language…
    ("fr", "Toute la collection est là 👉 @maison.lila", OFF),
    ("en", "More colours on @oak_and_pine_co", OFF),
    # …a name after "@" or a refused one is not.
    ("fr", "Bonjour @Marie, le colis est parti ce matin.", NOT + OFF),
    ("fr", "Nous n'avons pas de compte @maison.lila, c'est un faux.", NOT + OFF),
    # "au revoir" is no "revoir"; a parcel collected is no review withdrawn.
    ("fr", "J'ai bien transmis votre avis à l'atelier, au revoir et bonne journée.", NOT + REVIEW),
    (
        "it",
        "Abbiamo letto la sua recensione. Il pacco può ritirarlo al punto di ritiro da domani.",
        NOT + REVIEW,
    ),
]


def _found(lang: str, body: str) -> set[str]:
    return rules(run_check(body, marketplace=MARKETS[lang]))


@pytest.mark.parametrize(("lang", "body", "rule"), CASES)
def test_constructions(lang: str, body: str, rule: str) -> None:
    found = _found(lang, body)
    if rule.startswith(NOT):
        assert rule[1:] not in found
        if rule[1:] == OFF:  # a carrier that will call raises nothing at all
            assert found == set()
        return
    assert rule in found
    if rule == OFF and any(c.isdigit() for c in body):
        assert "contact-info" in found
    if rule == THANKS:
        assert found == {THANKS}
