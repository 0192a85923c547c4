"""Per-language recall (must fire) and precision (must NOT fire) sentences."""

from __future__ import annotations

import pytest
from policy_helpers import rules, run_check

RECALL: dict[str, list[tuple[str, str]]] = {
    "en": [
        ("Any chance you could take down the negative feedback now?", "review-incentive"),
        ("We're on Etsy too, just look up OakAndPineCo.", "off-platform"),
        ("If you don't want to hear from us again, we'll opt you out.", "opt-out-link"),
        ("Everything must go: clearance prices until Friday!", "marketing"),
        ("Would you consider updating your 1-star review now?", "review-incentive"),
        ("Contact me by phone or email rather than through Amazon.", "off-platform"),
        ("We also stock matching cables, have a look at our store!", "cross-promotion"),
        ("Use the coupon code SUMMER for your next order.", "marketing"),
        ("Get 20% off everything this week!", "marketing"),
        ("Check out our new collection of lamps.", "marketing"),
        ("You might also like our other products.", "cross-promotion"),
        ("Message me on WhatsApp for faster help.", "off-platform"),
        ("You can pay by bank transfer instead.", "off-platform"),
        ("If you are happy with the item, please leave us a 5-star review.", "review-incentive"),
        ("Leave a review and we will send you a $10 gift card.", "review-incentive"),
        ("Could you please update your review now that the issue is solved?", "review-incentive"),
        ("Click here to unsubscribe from these messages.", "opt-out-link"),
        ("Visit shop dot example dot com for more.", "external-link"),
        ("DISCOUNT CODE inside!", "marketing"),
    ],
    "sv": [
        ("Använd rabattkoden SOMMAR vid nästa köp.", "marketing"),
        ("Just nu får du 20 % rabatt på allt!", "marketing"),
        ("Kolla in våra nya produkter i butiken.", "marketing"),
        ("Du kanske också gillar våra andra produkter.", "cross-promotion"),
        ("Skriv till oss på WhatsApp så hjälper vi dig.", "off-platform"),
        ("Du kan swisha beloppet till mig.", "off-platform"),
        ("Om du är nöjd, lämna gärna en recension med 5 stjärnor.", "review-incentive"),
        ("Lämna ett omdöme så får du ett presentkort.", "review-incentive"),
        ("Kan du ändra ditt omdöme nu när problemet är löst?", "review-incentive"),
        ("Klicka här för att avregistrera dig från utskicken.", "opt-out-link"),
        ("Ring mig om något är oklart.", "off-platform"),
        ("Anvand rabattkod VINTER", "marketing"),  # typed without diacritics
    ],
    "es": [
        ("Usa el cupón VERANO en tu próxima compra.", "marketing"),
        ("¡Ahora con un 20% de descuento en todo!", "marketing"),
        ("Descubre nuestra nueva colección de lámparas.", "marketing"),
        ("También le puede interesar nuestros otros productos.", "cross-promotion"),
        ("Escríbeme por WhatsApp y lo solucionamos.", "off-platform"),
        ("Puede pagar por transferencia bancaria.", "off-platform"),
        ("Si está satisfecho, déjenos una reseña de 5 estrellas.", "review-incentive"),
        ("Deje una opinión y le enviaremos una tarjeta regalo.", "review-incentive"),
        ("¿Podría eliminar su reseña negativa?", "review-incentive"),
        ("Para darse de baja de estos mensajes, responda BAJA.", "opt-out-link"),
        ("Usa el cupon sin tilde", "marketing"),
    ],
    "de": [
        ("Könnten Sie Ihre 1-Sterne-Bewertung noch einmal überdenken?", "review-incentive"),
        ("Nur bis Sonntag alle Kissen zum halben Preis!", "marketing"),
        ("Sie erreichen mich am besten telefonisch oder per Mail.", "off-platform"),
        ("Passend dazu haben wir auch Entkalker im Sortiment.", "cross-promotion"),
        ("Mit dem Gutscheincode SOMMER sparen Sie bei der nächsten Bestellung.", "marketing"),
        ("Jetzt 20 % Rabatt auf alles!", "marketing"),
        ("Schauen Sie sich unsere neuen Produkte an.", "marketing"),
        ("Das könnte Sie auch interessieren: unsere anderen Produkte.", "cross-promotion"),
        ("Schreiben Sie mir auf WhatsApp.", "off-platform"),
        ("Bezahlen Sie bitte per Überweisung.", "off-platform"),
        (
            "Wenn Sie zufrieden sind, hinterlassen Sie bitte eine Bewertung mit 5 Sternen.",
            "review-incentive",
        ),
        ("Schreiben Sie eine Rezension und erhalten Sie einen Gutschein.", "review-incentive"),
        ("Könnten Sie Ihre Bewertung bitte löschen?", "review-incentive"),
        ("Hier abmelden, wenn Sie keine Nachrichten mehr wünschen.", "opt-out-link"),
        ("Ein Geschenkgutschein wartet auf Sie!", "marketing"),
        ("BANKUBERWEISUNG an uns", "off-platform"),
    ],
    "fr": [
        (
            "Envoyez-nous une capture d'écran de votre avis et on vous rembourse 5 €.",
            "review-incentive",
        ),
        ("Tous les coussins à moitié prix jusqu'à dimanche !", "marketing"),
        ("Si vous ne voulez plus avoir de nos nouvelles, écrivez STOP.", "opt-out-link"),
        ("Écrivez-nous d'abord plutôt que de laisser un avis.", "review-incentive"),
        ("Contactez-nous par mail ou par téléphone.", "off-platform"),
        ("Si vous ne souhaitez plus recevoir nos messages, répondez STOP.", "opt-out-link"),
        ("Découvrez aussi nos serviettes assorties !", "cross-promotion"),
        ("Utilisez le code promo ETE lors de votre prochaine commande.", "marketing"),
        ("Profitez de 20 % de réduction sur tout !", "marketing"),
        ("Découvrez notre nouvelle collection de lampes.", "marketing"),
        ("Vous aimerez aussi nos autres produits.", "cross-promotion"),
        ("Contactez-moi sur WhatsApp.", "off-platform"),
        ("Vous pouvez payer par virement bancaire.", "off-platform"),
        ("Si vous êtes satisfait, laissez-nous un avis 5 étoiles.", "review-incentive"),
        ("Laissez un commentaire et recevez une carte cadeau.", "review-incentive"),
        ("Pourriez-vous supprimer votre avis négatif ?", "review-incentive"),
        ("Pour vous désabonner, répondez STOP.", "opt-out-link"),
        ("Code de reduction : ETE", "marketing"),
        ("Une fois votre avis en ligne, on vous rembourse la moitié.", "review-incentive"),
        (
            "Si nos mails vous dérangent, on vous retire de notre liste de diffusion.",
            "opt-out-link",
        ),
        (
            "Ceux qui ont acheté cette théière prennent souvent nos tasses assorties.",
            "cross-promotion",
        ),
        ("Vous avez noté la lampe 1/5 ; pourriez-vous revoir cette note ?", "review-incentive"),
        ("Les 4 pots de miel pour le prix de 3 !", "marketing"),
        ("Vous préférez qu'on cesse de vous envoyer des messages ? Dites-le-nous.", "opt-out-link"),
        (
            "Nous avons vu votre commentaire à une étoile. Pourriez-vous le supprimer ?",
            "review-incentive",
        ),
        ("Un chèque cadeau de 10 € à chaque avis publié !", "review-incentive"),
        ("Ces bougies existent en quantité limitée, commandez vite !", "marketing"),
        ("Complétez votre tenue avec notre ceinture assortie.", "cross-promotion"),
        ("Pour le service après-vente, appelez Marc au 06 12 34 56 78.", "off-platform"),
        (
            "Pourriez-vous préciser dans votre évaluation que le colis était bien emballé ?",
            "review-incentive",
        ),
        ("Livraison offerte dès 40 € d'achat jusqu'à la fin du mois !", "marketing"),
        ("Pour compléter, nous vous recommandons notre housse de protection.", "cross-promotion"),
        ("Venez le chercher à l'atelier, vous paierez sur place.", "off-platform"),
        ("Vous pouvez arrêter nos messages à tout moment en répondant NON.", "opt-out-link"),
        ("Merci d'éviter de parler du bruit dans votre avis.", "review-incentive"),
        ("Parrainez vos proches et gagnez 5 € chacun !", "marketing"),
        ("Les piles ? On en vend aussi, par lot de 8.", "cross-promotion"),
        ("Pour ne plus en recevoir, répondez STOP.", "opt-out-link"),
        ("Envoyez-moi votre RIB, je vous rembourse moi-même.", "off-platform"),
        ("Un avis et je vous ajoute un savon dans le prochain colis !", "review-incentive"),
        ("Nos tasses sont aussi en vente sur Amazon, dans la même couleur.", "cross-promotion"),
        ("Toutes les couleurs : lien en bio !", "off-platform"),
        ("Tu me payes en cash et je te fais un prix.", "off-platform"),
        ("Vous ne désirez plus recevoir nos actualités ? Un mot suffit.", "opt-out-link"),
        ("Un petit commentaire positif sur la fiche nous aiderait.", "review-incentive"),
        ("Essayez aussi nos infusions, même producteur.", "cross-promotion"),
        ("Un devis hors marketplace ? Demandez-le-moi.", "off-platform"),
        ("Pas de code, mais je peux vous faire un virement de 5 € directement.", "off-platform"),
        (
            "Si nos e-mails vous lassent, nous ne vous écrirons plus : dites-le-nous.",
            "opt-out-link",
        ),
        ("Ne manquez pas la grande vente d'été, du 1er au 15 juillet !", "marketing"),
        ("Inscrivez-vous à notre infolettre, rabais exclusifs chaque mois !", "marketing"),
        ("Payez-moi par Twint, c'est plus simple.", "off-platform"),
    ],
    "it": [
        ("Usa il codice sconto ESTATE per il prossimo ordine.", "marketing"),
        ("Approfitta del 20% di sconto su tutto!", "marketing"),
        ("Scopri la nostra nuova collezione di lampade.", "marketing"),
        ("Potrebbe interessarle anche i nostri altri prodotti.", "cross-promotion"),
        ("Scrivimi su WhatsApp.", "off-platform"),
        ("Può pagare con bonifico bancario.", "off-platform"),
        ("Se è soddisfatto, ci lasci una recensione a 5 stelle.", "review-incentive"),
        ("Lasci una recensione e riceverà un buono regalo.", "review-incentive"),
        ("Potrebbe modificare la sua recensione negativa?", "review-incentive"),
        ("Per annullare l'iscrizione, rispondi STOP.", "opt-out-link"),
        ("Se e soddisfatto lasci una recensione a 5 stelle", "review-incentive"),
        ("Una volta pubblicata la sua opinione, le mandiamo un buono da 5 €.", "review-incentive"),
        (
            "Chi ha comprato questa lampada di solito prende anche le nostre lampadine.",
            "cross-promotion",
        ),
        ("Se vuole, venga a trovarci in negozio a Bologna.", "off-platform"),
        ("3 barattoli di miele al prezzo di 2!", "marketing"),
        ("Non vuole più essere contattata? Ce lo scriva.", "opt-out-link"),
        ("Preferisce che smettiamo di contattarla? Ce lo scriva.", "opt-out-link"),
        ("Entri nel nostro club clienti e avrà prezzi speciali.", "marketing"),
        ("Completi il look con le nostre cinture abbinate.", "cross-promotion"),
        (
            "Potrebbe scrivere nella sua recensione che il pacco era ben imballato?",
            "review-incentive",
        ),
        ("Spedizione gratuita da 40 € di spesa fino a fine mese!", "marketing"),
        ("Per completare le consigliamo la nostra custodia protettiva.", "cross-promotion"),
        ("Eviti di citare il rumore nella sua recensione, grazie.", "review-incentive"),
        ("I nostri best seller sono in offerta, li trova nel negozio.", "cross-promotion"),
        ("Se non vuole riceverne altri, risponda NO.", "opt-out-link"),
        ("Per essere rimossa dalla lista basta una risposta.", "opt-out-link"),
        ("Una recensione e le aggiungo un sapone nel prossimo pacco!", "review-incentive"),
        ("Tutti i colori: link in bio!", "off-platform"),
        ("Nuovo drop sabato, non fartelo scappare!", "marketing"),
        ("Se preferisce non ricevere le nostre promozioni, ce lo dica.", "opt-out-link"),
        ("Ci lasci un feedback positivo sul venditore, grazie!", "review-incentive"),
        ("Vendite lampo tutti i lunedì!", "marketing"),
        ("Il numero del negozio è 011 123 4567.", "contact-info"),
        ("Posso farle un bonifico direttamente, senza Amazon.", "off-platform"),
        ("Ne abbiamo altre nel nostro altro negozio Amazon.", "cross-promotion"),
        ("Mi faccia uno squillo al 347 765 4321 quando vuole.", "off-platform"),
        ("Passi quando vuole nel nostro negozio a Lugano.", "off-platform"),
        (
            "Può gestire le sue preferenze di comunicazione rispondendo a questo messaggio.",
            "opt-out-link",
        ),
    ],
}

PRECISION: dict[str, list[str]] = {
    "en": [
        # Rounds 15-18: words of offers and channels in ordinary answers.
        "Worth a look before you reinstall: the fuse in the plug.",
        "The best number of scoops for a double shot is two.",
        "To find your order, type the order number into the search bar on Your Orders.",
        "The return postage is on us, and a new kettle goes out today.",
        "The 5-star rating on the product box is from a magazine test.",
        "Does this charger work with the 2019 model? I need it for my laptop.",
        "The link between the parts was loose, so we are sending a new hinge.",
        "We offer a free of charge repair under warranty.",
        "We will review your return request and refund you within two days.",
        "Your parcel is on its way; the tracking number is 1Z999AA10123456784.",
        "Your order 123-4567890-1234567 shipped on 2024-05-01.",
        "The item costs 1,299.00 SEK including VAT, and weighs 2.5 kg.",
        "Feel free to leave feedback about the delivery time.",
        "Please call the carrier if the parcel has not arrived by Friday.",
        "At that point it was already shipped, e.g. with the manual.pdf inside.",
        "The screen is 15.6 inches and the battery lasts 8 hours.",
        "The driver has your number from Amazon and will call before delivery.",
        "The signal is strong enough for 4K video on the top floor.",
        "The promo code on the box is from the manufacturer and only works on their site.",
    ],
    "sv": [
        "Fungerar laddaren med 2019 års modell? Jag behöver den till min dator.",
        "Kopplingen mellan delarna var lös, så vi skickar ett nytt gångjärn.",
        "Vi reparerar produkten kostnadsfritt inom garantin.",
        "Ditt paket är på väg och kommer fram på fredag.",
        "Vi har tyvärr slut på den blå varianten, vill du ha den svarta istället?",
        "Ordernummer 123-4567890-1234567 skickades i går.",
        "Vi återbetalar beloppet när vi har fått tillbaka varan.",
    ],
    "es": [
        "¿Este cargador funciona con el modelo de 2019? Lo necesito para mi portátil.",
        "La unión entre las piezas estaba suelta, le enviamos una bisagra nueva.",
        "La reparación en garantía es gratuita.",
        "El punto es que el paquete ya salió del almacén.",
        "Su pedido 123-4567890-1234567 se envió el 01/05/2024.",
        "Revisaremos su solicitud de devolución y le reembolsaremos en dos días.",
    ],
    "de": [
        "Die Bestellnummer können Sie unter „Meine Bestellungen“ in die Suche eingeben.",
        "Der Preis wurde um 5 € reduziert, weil die Verpackung beschädigt ist.",
        "Der Zusteller meldet sich vorher per SMS bei Ihnen.",
        "Die 15 % auf dem Aufkleber waren der Rabatt des vorherigen Händlers.",
        "Funktioniert das Ladegerät mit dem Modell von 2019? Ich brauche es für meinen Laptop.",
        "Die Verbindung zwischen den Teilen war locker, wir senden Ihnen ein neues Scharnier.",
        "Die Reparatur im Rahmen der Garantie ist kostenlos.",
        "Wir prüfen Ihre Rücksendung und erstatten den Betrag in zwei Tagen.",
        "Ihre Bestellung 123-4567890-1234567 wurde am 01.05.2024 versandt.",
        "Leider ist die blaue Variante ausverkauft.",
        "Der Gutscheincode auf dem Karton ist vom Hersteller und gilt nur in dessen Shop.",
        "Wir haben die Lieferzeit deutlich reduziert.",
    ],
    "fr": [
        "Ce chargeur fonctionne-t-il avec le modèle 2019 ? J'en ai besoin pour mon ordinateur.",
        "Le lien entre les pièces était desserré, nous vous envoyons une nouvelle charnière.",
        "La réparation sous garantie est gratuite.",
        "Du point de vue technique, le colis est déjà parti.",
        "Si vous avez changé d'avis, nous vous rembourserons dès réception du retour.",
        "Le livreur a laissé un avis de passage ; retirez votre colis au bureau de poste.",
        "Le chargeur est compatible avec votre portable et votre tablette.",
        "Le code promo sur la boîte vient du fabricant.",
        "J'ai transmis votre avis au fabricant, au revoir et bonne journée.",
        "Nous avons lu ce commentaire et le remboursement est parti.",
        "On fait aussi attention à l'emballage.",
        "Les clients qui ont acheté la version 1 prennent contact avec nous pour la mise à jour.",
        "Nous avons lu votre avis. Le colis, vous pouvez le retirer au point relais dès demain.",
        "Votre avis sur la notice est juste, nous allons la revoir.",
        "Le fabricant organise parfois des soldes, nous n'en sommes pas informés.",
        "Les frais de port sont offerts pour chaque commande, et chaque avis compte pour nous.",
        "Notre entrepôt sera fermé le 25 décembre ; votre colis partira le 27.",
        "Le solde de votre compte Amazon n'est pas géré par nous.",
        "Les chats aiment aussi jouer avec le carton.",
        "Ces rappels de sécurité concernent uniquement le lot 2231.",
        "Le sérum vous fait économiser 30 % de produit par rapport à l'ancien flacon.",
        "Le RIB du vendeur n'est jamais demandé sur Amazon.",
        "La review que tu as vue sur YouTube concerne l'ancien modèle.",
        "Vous pouvez ne pas recevoir de messages pendant 24 h, c'est normal.",
        "Nous allons vous retirer la pièce défectueuse de la liste de retour.",
        "Votre avis très positif nous a fait plaisir ; le colis de rechange part demain.",
        "Nous ne vous enverrons plus de message après celui-ci, sauf si vous nous écrivez.",
        "Amazon va vous rembourser par virement sous 3 jours.",
        "Le parrain de notre fille a commandé la même lampe, elle est partie hier.",
        "La vitrine réfrigérée est livrée avec ses étagères et sa notice.",
        "Vous trouverez ce modèle en magasin à côté de chez vous aussi, c'est une marque courante.",
        "Les rabais affichés sur la fiche sont ceux d'Amazon.",
    ],
    "it": [
        "Questo caricatore funziona con il modello del 2019? Mi serve per il portatile.",
        "Il collegamento tra le parti era allentato, le inviamo una nuova cerniera.",
        "La riparazione in garanzia è gratuita.",
        "Valuteremo il prodotto reso e la rimborseremo entro due giorni.",
        "Il suo ordine 123-4567890-1234567 è stato spedito il 01/05/2024.",
        "Il pacco è partito direttamente da noi ieri.",
        "Chi compra la versione 2 prende anche il cavo nella confezione.",
        "In due parole: il rimborso arriva domani.",
        "Il prezzo è stabilito da Amazon durante le offerte.",
        "Abbiamo letto la sua recensione. Il pacco può ritirarlo al punto di ritiro da domani.",
        "Cerchi il suo ordine su Amazon e clicchi su Restituisci.",
        "Il cuscino sostitutivo è della stessa collezione, quindi identico.",
        "Potrebbe interessarle sapere che il reso è gratuito.",
        "Il produttore a volte fa saldi, noi non ne sappiamo nulla.",
        "Può pagare in contanti alla consegna, tramite Amazon.",
        "Il nostro magazzino sarà chiuso il 25 e il 26 dicembre.",
        "La manopola al livello 5/5 dà la macinatura più fine.",
        "Eviti di usare detersivi aggressivi; il commento sul colore l'abbiamo girato al produttore.",
        "Il nuovo modello fa risparmiare il 30 % di energia.",
        "Grazie, la sua recensione così positiva ci ha fatto piacere: il pezzo parte domani.",
        "Per ora niente saldi, i prezzi restano quelli indicati.",
        "Non le manderemo altri messaggi dopo questo, a meno che non ci scriva lei.",
    ],
}


def _cases(table: dict[str, list[tuple[str, str]]]) -> list[object]:
    return [
        pytest.param(text, rule, id=f"{lang}-{i}")
        for lang, items in table.items()
        for i, (text, rule) in enumerate(items)
    ]


@pytest.mark.parametrize(("text", "rule"), _cases(RECALL))
def test_recall(text: str, rule: str) -> None:
    found = run_check(text)
    assert rule in rules(found), [(f.rule, text[f.start : f.end]) for f in found]
    hit = next(f for f in found if f.rule == rule)
    assert 0 <= hit.start < hit.end <= len(text)


@pytest.mark.parametrize(
    "text",
    [pytest.param(t, id=f"{lang}-{i}") for lang, ts in PRECISION.items() for i, t in enumerate(ts)],
)
def test_precision_nothing_fires(text: str) -> None:
    found = run_check(text)
    assert found == [], [(f.rule, text[f.start : f.end]) for f in found]


def test_every_language_has_recall_and_precision_cases() -> None:
    assert set(RECALL) == set(PRECISION) == {"en", "sv", "es", "de", "fr", "it"}


def test_span_covers_whole_inflected_word() -> None:
    text = "Rabattkoden gäller hela veckan."
    f = next(f for f in run_check(text) if f.rule == "marketing")
    assert text[f.start : f.end] == "Rabattkoden"
