<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>Om %1</translation>
    </message>
    <message>
        <source>Licensed under the %1.</source>
        <translation>Licensierad under %1.</translation>
    </message>
    <message>
        <source>Apache License 2.0</source>
        <translation>Apache License 2.0</translation>
    </message>
    <message>
        <source>It ships with other free software, each under its own licence: %1.</source>
        <translation>Den levereras med annan fri programvara, var och en under sin egen licens: %1.</translation>
    </message>
    <message>
        <source>third-party notices</source>
        <translation>tredjepartsmeddelanden</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>%1 — Delete removes it</source>
        <translation type="vanished">%1 — Delete tar bort den</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Ta bort %1</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Ta bort bilagan</translation>
    </message>
    <message>
        <source>%1 — %2 removes it</source>
        <translation>%1 — %2 tar bort den</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>Attachment</source>
        <translation>Bilaga</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Föregående</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Nästa ▶</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Spara…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>%1 · page 1 of %2</source>
        <translation>%1 · sida 1 av %2</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n sida</numerusform>
            <numerusform>%n sidor</numerusform>
        </translation>
    </message>
    <message>
        <source>pages unknown</source>
        <translation>okänt antal sidor</translation>
    </message>
    <message>
        <source>PDF document · %1

Open it to read it.</source>
        <translation>PDF-dokument · %1

Öppna det för att läsa det.</translation>
    </message>
    <message>
        <source>PDF document · %1 · %2

Open it to read it.</source>
        <translation>PDF-dokument · %1 · %2

Öppna det för att läsa det.</translation>
    </message>
</context>
<context>
    <name>BulkPane</name>
    <message>
        <source>Mark read</source>
        <translation>Markera läst</translation>
    </message>
    <message>
        <source>Mark unread</source>
        <translation>Markera oläst</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Flagga</translation>
    </message>
    <message>
        <source>Unflag</source>
        <translation>Ta bort flagga</translation>
    </message>
    <message>
        <source>No response needed</source>
        <translation>Inget svar behövs</translation>
    </message>
    <message>
        <source>Response needed</source>
        <translation>Svar behövs</translation>
    </message>
    <message>
        <source>Snooze…</source>
        <translation>Snooza…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ångra</translation>
    </message>
    <message>
        <source>Click one conversation to read or answer it.</source>
        <translation>Klicka på en konversation för att läsa eller besvara den.</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s) selected</source>
        <translation>
            <numerusform>%n konversation markerad</numerusform>
            <numerusform>%n konversationer markerade</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkPart</name>
    <message>
        <source>Select all in this view</source>
        <translation>Markera alla i den här vyn</translation>
    </message>
    <message>
        <source>Every conversation in this view, also those not loaded yet.</source>
        <translation>Varje konversation i den här vyn, även de som inte har laddats än.</translation>
    </message>
    <message numerus="yes">
        <source>The first %n search results: a search selects at most this many.</source>
        <translation type="vanished">
            <numerusform>Det första sökresultatet: en sökning markerar högst så många.</numerusform>
            <numerusform>De första %n sökresultaten: en sökning markerar högst så många.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every result of this search in this view, also those not loaded yet.</source>
        <translation>Varje träff för den här sökningen i den här vyn, även de som inte har laddats än.</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Snooza</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 av %3</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n conversation(s).</source>
        <translation>
            <numerusform>%1: %n konversation.</numerusform>
            <numerusform>%1: %n konversationer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them owe an answer that falls due before the snooze ends: the marketplace&apos;s 24-hour clock keeps running.</source>
        <translation>
            <numerusform>En av dem väntar på ett svar som förfaller innan snoozen tar slut: marknadsplatsens 24-timmarsklocka fortsätter att gå.</numerusform>
            <numerusform>%n av dem väntar på ett svar som förfaller innan snoozen tar slut: marknadsplatsens 24-timmarsklocka fortsätter att gå.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 stopped after %2 of %3 conversations: %4</source>
        <translation>%1 avbröts efter %2 av %3 konversationer: %4</translation>
    </message>
    <message>
        <source>an error (see the log)</source>
        <translation>ett fel (se loggen)</translation>
    </message>
    <message numerus="yes">
        <source>Undo %1 (%n conversation(s))</source>
        <translation>
            <numerusform>Ångra %1 (%n konversation)</numerusform>
            <numerusform>Ångra %1 (%n konversationer)</numerusform>
        </translation>
    </message>
    <message>
        <source>Undoing %1…</source>
        <translation>Ångrar %1…</translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation>Ångrat: %1.</translation>
    </message>
</context>
<context>
    <name>BuyerHistoryPanel</name>
    <message>
        <source>Other conversations with this buyer</source>
        <translation>Andra konversationer med köparen</translation>
    </message>
    <message>
        <source>No other conversations yet.</source>
        <translation>Inga andra konversationer ännu.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(inget ämne)</translation>
    </message>
    <message>
        <source>No order</source>
        <translation>Ingen beställning</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Snoozad</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvarad</translation>
    </message>
</context>
<context>
    <name>BuyerHistoryPart</name>
    <message>
        <source>Buyer&apos;s other conversations</source>
        <translation>Köparens andra konversationer</translation>
    </message>
</context>
<context>
    <name>BuyerOrdersPanel</name>
    <message>
        <source>Orders without a conversation</source>
        <translation>Ordrar utan konversation</translation>
    </message>
    <message>
        <source>Write to the buyer about this order</source>
        <translation>Skriv till köparen om den här ordern</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>Till %1</translation>
    </message>
</context>
<context>
    <name>Clock</name>
    <message>
        <source>No response needed</source>
        <translation>Inget svar behövs</translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation>%1 för sent</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 kvar</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Subject</source>
        <translation>Ämne</translation>
    </message>
    <message>
        <source>Why you are writing: some reasons reach opted-out buyers</source>
        <translation>Varför du skriver: vissa skäl når även avanmälda köpare</translation>
    </message>
    <message>
        <source>[Important]</source>
        <translation>[Important]</translation>
    </message>
    <message>
        <source>Mark an urgent message to an opted-out buyer; ask only for what the order needs</source>
        <translation>Markera ett brådskande meddelande till en avanmäld köpare; be bara om det beställningen kräver</translation>
    </message>
    <message>
        <source>Write your reply (Markdown: **bold**, *italic*, lists)…</source>
        <translation>Skriv ditt svar (Markdown: **fet**, *kursiv*, listor)…</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Skriv</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Förhandsgranska</translation>
    </message>
    <message>
        <source>Added when you send; change it in Settings</source>
        <translation>Läggs till när du skickar; ändra den i Inställningar</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Bifoga…</translation>
    </message>
    <message>
        <source>PDF, Word, image or text; drop files on the text too</source>
        <translation>PDF, Word, bild eller text; du kan också släppa filer på texten</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Skicka</translation>
    </message>
    <message>
        <source>Send (%1); you can undo for a few seconds</source>
        <translation>Skicka (%1); du kan ångra i några sekunder</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="vanished">Ctrl+Enter</translation>
    </message>
    <message>
        <source>Select a conversation to reply to</source>
        <translation>Välj en konversation att svara på</translation>
    </message>
    <message>
        <source>Write a message first</source>
        <translation>Skriv ett meddelande först</translation>
    </message>
    <message>
        <source>Cannot send: %1</source>
        <translation>Kan inte skicka: %1</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter); you can undo for a few seconds</source>
        <translation type="vanished">Skicka (Ctrl+Enter); du kan ångra i några sekunder</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Bifoga filer</translation>
    </message>
    <message>
        <source>Documents and images (*.pdf *.doc *.docx *.txt *.png *.jpg *.jpeg *.gif);;All files (*)</source>
        <translation>Dokument och bilder (*.pdf *.doc *.docx *.txt *.png *.jpg *.jpeg *.gif);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Reply / other</source>
        <translation>Svar / annat</translation>
    </message>
    <message>
        <source>Shipping problem</source>
        <translation>Leveransproblem</translation>
    </message>
    <message>
        <source>Product customization</source>
        <translation>Produktanpassning</translation>
    </message>
    <message>
        <source>Delivery scheduling</source>
        <translation>Leveransbokning</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Slut i lager</translation>
    </message>
    <message>
        <source>Shipping confirmation</source>
        <translation>Leveransbekräftelse</translation>
    </message>
    <message>
        <source>Product manual</source>
        <translation>Produktmanual</translation>
    </message>
    <message>
        <source>Review request</source>
        <translation>Begäran om recension</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>No relay account</source>
        <translation>Inget reläkonto</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Arbeta offline</translation>
    </message>
    <message>
        <source>Stop talking to the relay; keep reading and writing</source>
        <translation>Sluta kontakta reläet; fortsätt läsa och skriva</translation>
    </message>
    <message>
        <source>No relay account (Settings)</source>
        <translation>Inget reläkonto (Inställningar)</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Ansluter…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Online · session-only sign-in</source>
        <translation>Online · inloggad bara för sessionen</translation>
    </message>
    <message>
        <source>Signed out: the relay refused the token</source>
        <translation>Utloggad: reläet godtog inte token</translation>
    </message>
    <message>
        <source>Not syncing: see the details</source>
        <translation>Synkar inte: se detaljerna</translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation>Arbetar offline</translation>
    </message>
    <message>
        <source>Not syncing · retrying at %1</source>
        <translation>Synkar inte · försöker igen %1</translation>
    </message>
    <message>
        <source>Offline · retrying at %1 (in %2 s)</source>
        <translation>Offline · försöker igen %1 (om %2 s)</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>an unknown type</source>
        <translation>en okänd filtyp</translation>
    </message>
    <message>
        <source>%1 was not opened: by its content it is %2, and opening it could run code on this computer. Save it instead if you trust the sender.</source>
        <translation>%1 öppnades inte: till innehållet är den %2, och att öppna den kan köra kod på den här datorn. Spara den i stället om du litar på avsändaren.</translation>
    </message>
    <message>
        <source>Mark unread</source>
        <translation>Markera oläst</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Flagga</translation>
    </message>
    <message>
        <source>No response needed</source>
        <translation>Inget svar behövs</translation>
    </message>
    <message>
        <source>Load for this message</source>
        <translation>Läs in för det här meddelandet</translation>
    </message>
    <message>
        <source>Select a conversation</source>
        <translation>Välj en konversation</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(inget ämne)</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Beställning %1</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvarad</translation>
    </message>
    <message>
        <source>Mark read</source>
        <translation>Markera läst</translation>
    </message>
    <message>
        <source>Unflag</source>
        <translation>Ta bort flagga</translation>
    </message>
    <message>
        <source>Response needed</source>
        <translation>Svar behövs</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Köpare</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Marketplace notice</source>
        <translation>Meddelande från marknadsplatsen</translation>
    </message>
    <message>
        <source>remote image blocked</source>
        <translation>extern bild blockerad</translation>
    </message>
    <message numerus="yes">
        <source>%n more characters of this message are not shown here.</source>
        <translation>
            <numerusform>%n tecken till av meddelandet visas inte här.</numerusform>
            <numerusform>%n tecken till av meddelandet visas inte här.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remote images in this message are blocked: they can tell the sender you read it.</source>
        <translation>Externa bilder i det här meddelandet är blockerade: de kan avslöja för avsändaren att du har läst det.</translation>
    </message>
    <message>
        <source>Open this link in your browser?

%1

It goes to: %2</source>
        <translation>Öppna den här länken i webbläsaren?

%1

Den går till: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation type="vanished">
            <numerusform>%n sida</numerusform>
            <numerusform>%n sidor</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>PDF · %1</source>
        <translation>PDF · %1</translation>
    </message>
    <message>
        <source>password-protected</source>
        <translation>lösenordsskyddad</translation>
    </message>
    <message>
        <source>damaged, no preview</source>
        <translation>skadad, ingen förhandsvisning</translation>
    </message>
    <message>
        <source>took too long to preview</source>
        <translation>förhandsvisningen tog för lång tid</translation>
    </message>
    <message>
        <source>could not be previewed</source>
        <translation>kunde inte förhandsvisas</translation>
    </message>
    <message>
        <source>too large to preview</source>
        <translation>för stor för förhandsvisning</translation>
    </message>
    <message>
        <source>not a PDF by its content</source>
        <translation>inte en PDF enligt innehållet</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Spara…</translation>
    </message>
    <message>
        <source>Open link?</source>
        <translation>Öppna länken?</translation>
    </message>
    <message>
        <source>Open this link in your browser?

%1</source>
        <translation type="vanished">Öppna den här länken i webbläsaren?

%1</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Något gick fel</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Kopiera detaljer</translation>
    </message>
    <message>
        <source>The details are in the log: %1</source>
        <translation>Detaljerna finns i loggen: %1</translation>
    </message>
    <message>
        <source>No log file is open.</source>
        <translation>Ingen loggfil är öppen.</translation>
    </message>
    <message>
        <source>Seller Inbox hit a bug. Your messages and drafts are safe; you can carry on, or restart if something looks wrong. Please send us the details.</source>
        <translation>Seller Inbox stötte på ett fel. Dina meddelanden och utkast är i säkerhet; du kan fortsätta, eller starta om om något ser fel ut. Skicka gärna detaljerna till oss.</translation>
    </message>
</context>
<context>
    <name>CurrentConversation</name>
    <message>
        <source>Select a conversation</source>
        <translation type="obsolete">Välj en konversation</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>HH:mm</source>
        <comment>Qt date pattern: time</comment>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>HH:mm:ss</source>
        <comment>Qt date pattern: time</comment>
        <translation>HH:mm:ss</translation>
    </message>
    <message>
        <source>ddd HH:mm</source>
        <comment>Qt date pattern: weekday, time</comment>
        <translation>ddd HH:mm</translation>
    </message>
    <message>
        <source>dd MMM</source>
        <comment>Qt date pattern: day, month</comment>
        <translation>d MMM</translation>
    </message>
    <message>
        <source>dd MMM yyyy</source>
        <comment>Qt date pattern: date</comment>
        <translation>d MMM yyyy</translation>
    </message>
    <message>
        <source>ddd dd MMM yyyy, HH:mm</source>
        <comment>Qt date pattern: weekday, date, time</comment>
        <translation>ddd d MMM yyyy HH:mm</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Order</source>
        <translation>Beställning</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Köpare</translation>
    </message>
    <message>
        <source>New message to buyer…</source>
        <translation>Nytt meddelande till köparen…</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Handmade</source>
        <translation>Handgjord</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Specialtillverkad</translation>
    </message>
    <message>
        <source>Wine</source>
        <translation>Vin</translation>
    </message>
    <message>
        <source>No order</source>
        <translation>Ingen beställning</translation>
    </message>
    <message>
        <source>Yes: only replies and critical messages reach them</source>
        <translation>Ja: bara svar och kritiska meddelanden når fram</translation>
    </message>
    <message>
        <source>No (as far as we know)</source>
        <translation>Nej (såvitt vi vet)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Beställd</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artiklar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Avanmäld</translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <source>The disk is full. Nothing was lost: free some space and Seller Inbox carries on where it stopped.</source>
        <translation>Disken är full. Inget har gått förlorat: frigör utrymme så fortsätter Seller Inbox där den slutade.</translation>
    </message>
    <message>
        <source>Seller Inbox cannot write to its folder: the folder or disk is read-only.</source>
        <translation>Seller Inbox kan inte skriva till sin mapp: mappen eller disken är skrivskyddad.</translation>
    </message>
    <message>
        <source>The relay cannot be reached right now; Seller Inbox keeps trying.</source>
        <translation>Reläet går inte att nå just nu; Seller Inbox fortsätter att försöka.</translation>
    </message>
    <message>
        <source>The relay is busy; Seller Inbox tries again shortly.</source>
        <translation>Reläet är upptaget; Seller Inbox försöker igen om en stund.</translation>
    </message>
    <message>
        <source>The relay refused your token: sign in again.</source>
        <translation>Reläet avvisade din token: logga in igen.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All marketplaces</source>
        <translation>Alla marknadsplatser</translation>
    </message>
    <message>
        <source>All conversations</source>
        <translation>Alla</translation>
    </message>
    <message>
        <source>Needs response</source>
        <translation>Behöver svar</translation>
    </message>
    <message>
        <source>Waiting on buyer</source>
        <translation>Väntar på köparen</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Snoozade</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Flaggade</translation>
    </message>
    <message>
        <source>Newest activity</source>
        <translation>Senaste först</translation>
    </message>
    <message>
        <source>Deadline first</source>
        <translation>Tidsfrist först</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>Sortera:</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Seller Inbox</source>
        <translation>Välkommen till Seller Inbox</translation>
    </message>
    <message>
        <source>&lt;b&gt;How do your buyer messages reach you?&lt;/b&gt;</source>
        <translation>&lt;b&gt;Hur når dina köpares meddelanden dig?&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Connect my mailbox</source>
        <translation>Anslut min e-postlåda</translation>
    </message>
    <message>
        <source>I sell alone and Amazon writes to my own e-mail address. Seller Inbox reads and answers buyer messages there, on this computer.</source>
        <translation>Jag säljer ensam och Amazon skriver till min egen e-postadress. Seller Inbox läser och besvarar köparnas meddelanden där, på den här datorn.</translation>
    </message>
    <message>
        <source>Connect to my team&apos;s relay</source>
        <translation>Anslut till mitt teams relä</translation>
    </message>
    <message>
        <source>My team runs a relay. I have its address and my token.</source>
        <translation>Mitt team kör ett relä. Jag har dess adress och min token.</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Prova demon</translation>
    </message>
    <message>
        <source>Look around with sample buyers and orders. Nothing is sent.</source>
        <translation>Titta runt med exempelköpare och exempelordrar. Inget skickas.</translation>
    </message>
</context>
<context>
    <name>MailboxAccount</name>
    <message>
        <source>The password will be kept in your system keyring (%1).</source>
        <translation>Lösenordet sparas i systemets nyckelring (%1).</translation>
    </message>
    <message>
        <source>No secure keyring on this computer (%1): the password is kept for this session only, and you enter it again next time.</source>
        <translation>Ingen säker nyckelring på den här datorn (%1): lösenordet sparas bara för den här sessionen, och du anger det igen nästa gång.</translation>
    </message>
    <message>
        <source>Could not start the mailbox relay: %1</source>
        <translation>Kunde inte starta e-postlådans relä: %1</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Ansluten till %1.</translation>
    </message>
    <message>
        <source>Connected to %1. The password is kept for this session only.</source>
        <translation>Ansluten till %1. Lösenordet sparas bara för den här sessionen.</translation>
    </message>
</context>
<context>
    <name>MailboxConnectDialog</name>
    <message>
        <source>Find the IMAP server</source>
        <translation>Hitta IMAP-servern</translation>
    </message>
    <message>
        <source>Connect to the IMAP server</source>
        <translation>Anslut till IMAP-servern</translation>
    </message>
    <message>
        <source>Secure connection (IMAP)</source>
        <translation>Säker anslutning (IMAP)</translation>
    </message>
    <message>
        <source>Sign in (IMAP)</source>
        <translation>Logga in (IMAP)</translation>
    </message>
    <message>
        <source>Instant delivery (IMAP IDLE)</source>
        <translation>Direktleverans (IMAP IDLE)</translation>
    </message>
    <message>
        <source>Find the SMTP server</source>
        <translation>Hitta SMTP-servern</translation>
    </message>
    <message>
        <source>Connect to the SMTP server</source>
        <translation>Anslut till SMTP-servern</translation>
    </message>
    <message>
        <source>Secure connection (SMTP)</source>
        <translation>Säker anslutning (SMTP)</translation>
    </message>
    <message>
        <source>Sign in (SMTP)</source>
        <translation>Logga in (SMTP)</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>None (this computer only)</source>
        <translation>Ingen (bara den här datorn)</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>Connect your mailbox</source>
        <translation>Anslut din e-postlåda</translation>
    </message>
    <message>
        <source>Seller Inbox reads buyer messages from the mailbox Amazon writes to, and sends your replies from it. Use the address you approved in Seller Central.</source>
        <translation>Seller Inbox läser köparnas meddelanden från e-postlådan som Amazon skriver till, och skickar dina svar därifrån. Använd adressen du har godkänt i Seller Central.</translation>
    </message>
    <message>
        <source>Other (enter the servers)</source>
        <translation>Annan (ange servrarna)</translation>
    </message>
    <message>
        <source>The same as the address</source>
        <translation>Samma som adressen</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-postadress</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Leverantör</translation>
    </message>
    <message>
        <source>IMAP server (incoming)</source>
        <translation>IMAP-server (inkommande)</translation>
    </message>
    <message>
        <source>SMTP server (outgoing)</source>
        <translation>SMTP-server (utgående)</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>Inloggningsnamn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Testa anslutningen</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Anslut</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <source>%1 needs an app password: turn on two-step verification in your account&apos;s security settings, create an app password there and paste it below.</source>
        <translation>%1 kräver ett applösenord: slå på tvåstegsverifiering i kontots säkerhetsinställningar, skapa ett applösenord där och klistra in det nedan.</translation>
    </message>
    <message>
        <source>%1 no longer accepts passwords for IMAP and SMTP, only its own sign-in (OAuth), which Seller Inbox does not offer yet. Forward your Amazon mail to a mailbox at another provider, or connect to a team relay.</source>
        <translation>%1 tar inte längre emot lösenord för IMAP och SMTP, bara sin egen inloggning (OAuth), som Seller Inbox ännu inte erbjuder. Vidarebefordra din Amazon-post till en e-postlåda hos en annan leverantör, eller anslut till ett teamrelä.</translation>
    </message>
    <message>
        <source>Enter the password for %1 again: it was kept for the last session only.</source>
        <translation>Ange lösenordet för %1 igen: det sparades bara för förra sessionen.</translation>
    </message>
    <message>
        <source>Enter your e-mail address, e.g. shop@example.com.</source>
        <translation>Ange din e-postadress, t.ex. shop@example.com.</translation>
    </message>
    <message>
        <source>Enter the IMAP and SMTP server names.</source>
        <translation>Ange namnen på IMAP- och SMTP-servrarna.</translation>
    </message>
    <message>
        <source>Without security, your password would cross the network readable by anyone: choose SSL/TLS or STARTTLS for %1.</source>
        <translation>Utan säkerhet skulle ditt lösenord gå över nätet läsbart för vem som helst: välj SSL/TLS eller STARTTLS för %1.</translation>
    </message>
    <message>
        <source>Enter the password (or app password).</source>
        <translation>Ange lösenordet (eller applösenordet).</translation>
    </message>
    <message>
        <source>Every check passed: Seller Inbox can read and send mail with this mailbox.</source>
        <translation>Alla kontroller gick igenom: Seller Inbox kan läsa och skicka e-post med den här e-postlådan.</translation>
    </message>
    <message>
        <source>The server also offers %1.</source>
        <translation>Servern erbjuder också %1.</translation>
    </message>
    <message>
        <source>But the server does not offer IMAP IDLE: Seller Inbox checks for new mail every minute instead of within seconds.</source>
        <translation>Men servern erbjuder inte IMAP IDLE: Seller Inbox letar efter ny e-post varje minut i stället för inom några sekunder.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Ansluter…</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Testar…</translation>
    </message>
</context>
<context>
    <name>MailboxStatesBox</name>
    <message>
        <source>Cannot find the mail server.</source>
        <translation>Hittar inte e-postservern.</translation>
    </message>
    <message>
        <source>The mail server cannot be reached.</source>
        <translation>E-postservern går inte att nå.</translation>
    </message>
    <message>
        <source>The secure connection to the mail server failed.</source>
        <translation>Den säkra anslutningen till e-postservern misslyckades.</translation>
    </message>
    <message>
        <source>The mail server refused the password. Connect again with the right one.</source>
        <translation>E-postservern nekade lösenordet. Anslut igen med rätt lösenord.</translation>
    </message>
    <message>
        <source>The mail server does not offer IDLE: new mail arrives with a delay.</source>
        <translation>E-postservern erbjuder inte IDLE: ny e-post kommer fram med fördröjning.</translation>
    </message>
    <message>
        <source>The mail server answered with an error.</source>
        <translation>E-postservern svarade med ett fel.</translation>
    </message>
    <message>
        <source>Your mailbox</source>
        <translation>Din e-postlåda</translation>
    </message>
    <message>
        <source>Your team&apos;s mailbox</source>
        <translation>Ditt teams brevlåda</translation>
    </message>
    <message>
        <source>Reading the mailbox state…</source>
        <translation>Läser e-postlådans status…</translation>
    </message>
    <message>
        <source>No mailbox is connected.</source>
        <translation>Ingen e-postlåda är ansluten.</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Ändra…</translation>
    </message>
    <message>
        <source>In Seller Central, add %1 as an approved sender under Messaging Permissions: Amazon rejects replies from an address it has not approved.</source>
        <translation>Lägg till %1 som godkänd avsändare under Messaging Permissions i Seller Central: Amazon avvisar svar från en adress som inte är godkänd.</translation>
    </message>
    <message>
        <source>Your team&apos;s relay administrator changes it (seller-relay mailbox).</source>
        <translation>Den ändras av administratören för ditt teams relä (seller-relay mailbox).</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Ansluten.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Inte ansluten.</translation>
    </message>
    <message>
        <source>Last fetched: %1.</source>
        <translation>Senast hämtat: %1.</translation>
    </message>
    <message>
        <source>Nothing fetched yet.</source>
        <translation>Inget hämtat ännu.</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>Servern svarade: %1</translation>
    </message>
</context>
<context>
    <name>MailboxText</name>
    <message>
        <source>Cannot find the %1 server %2. Check the server name.</source>
        <translation>Hittar inte %1-servern %2. Kontrollera servernamnet.</translation>
    </message>
    <message>
        <source>Cannot reach the %1 server %2 on port %3. Check the port and your internet connection.</source>
        <translation>Når inte %1-servern %2 på port %3. Kontrollera porten och din internetanslutning.</translation>
    </message>
    <message>
        <source>The secure connection to the %1 server %2 on port %3 failed. Check the port and the security setting (IMAP: SSL/TLS on 993; SMTP: SSL/TLS on 465 or STARTTLS on 587).</source>
        <translation>Den säkra anslutningen till %1-servern %2 på port %3 misslyckades. Kontrollera porten och säkerhetsinställningen (IMAP: SSL/TLS på 993; SMTP: SSL/TLS på 465 eller STARTTLS på 587).</translation>
    </message>
    <message>
        <source>The %1 server %2 refused the sign-in. Check the address and password. Gmail, iCloud, Yahoo and others need an app password when two-step verification is on.</source>
        <translation>%1-servern %2 nekade inloggningen. Kontrollera adressen och lösenordet. Gmail, iCloud, Yahoo med flera kräver ett applösenord när tvåstegsverifiering är på.</translation>
    </message>
    <message>
        <source>The IMAP server %2 does not offer IDLE, so buyer messages would not arrive within seconds. Use a mail provider that supports IMAP IDLE.</source>
        <translation type="vanished">IMAP-servern %2 erbjuder inte IDLE, så köparnas meddelanden skulle inte komma fram inom några sekunder. Använd en e-postleverantör som stöder IMAP IDLE.</translation>
    </message>
    <message>
        <source>The %1 server %2 is busy. Try again in a few minutes.</source>
        <translation>%1-servern %2 är upptagen. Försök igen om några minuter.</translation>
    </message>
    <message>
        <source>The %1 server %2 on port %3 answered unexpectedly.</source>
        <translation>%1-servern %2 på port %3 svarade oväntat.</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>Servern svarade: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>About</source>
        <translation>Om</translation>
    </message>
    <message>
        <source>Seller Inbox</source>
        <translation>Seller Inbox</translation>
    </message>
    <message>
        <source>Search messages and order numbers  (Ctrl+F)</source>
        <translation type="vanished">Sök i meddelanden och beställningsnummer  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Verktygsfält</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Search messages and order numbers  (%1)</source>
        <translation type="vanished">Sök i meddelanden och beställningsnummer  (%1)</translation>
    </message>
    <message>
        <source>Search messages, notes and order numbers  (%1)</source>
        <translation>Sök i meddelanden, anteckningar och beställningsnummer  (%1)</translation>
    </message>
    <message>
        <source>Next conversation</source>
        <translation type="vanished">Nästa konversation</translation>
    </message>
    <message>
        <source>Previous conversation</source>
        <translation type="vanished">Föregående konversation</translation>
    </message>
    <message>
        <source>Next needing a response</source>
        <translation>Nästa som behöver svar</translation>
    </message>
    <message>
        <source>Previous needing a response</source>
        <translation>Föregående som behöver svar</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Svara</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Skicka</translation>
    </message>
    <message>
        <source>Mark read/unread</source>
        <translation>Markera som läst/oläst</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Flagga</translation>
    </message>
    <message>
        <source>No response needed</source>
        <translation>Inget svar behövs</translation>
    </message>
    <message>
        <source>New message to buyer</source>
        <translation>Nytt meddelande till köparen</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Utkorg</translation>
    </message>
    <message>
        <source>Response metrics</source>
        <translation>Svarsstatistik</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>The open conversation is not in this list.</source>
        <translation>Den öppna konversationen finns inte i den här listan.</translation>
    </message>
    <message>
        <source>Undo send</source>
        <translation>Ångra skickat</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Räknar…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation type="vanished">Kortkommandon (F1)</translation>
    </message>
    <message>
        <source>Opening the inbox…</source>
        <translation>Öppnar inkorgen…</translation>
    </message>
    <message>
        <source>No conversations here</source>
        <translation>Inga konversationer här</translation>
    </message>
    <message>
        <source>Select a conversation to read or answer it.</source>
        <translation>Välj en konversation för att läsa eller besvara den.</translation>
    </message>
    <message>
        <source>No more conversations need a response below.</source>
        <translation>Inga fler konversationer nedanför behöver svar.</translation>
    </message>
    <message>
        <source>No more conversations need a response above.</source>
        <translation>Inga fler konversationer ovanför behöver svar.</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n konversation</numerusform>
            <numerusform>%n konversationer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MarketplaceChips</name>
    <message>
        <source>%1: messaging on</source>
        <translation>%1: meddelanden på</translation>
    </message>
    <message>
        <source>%1: messaging on; vacation from %2</source>
        <translation>%1: meddelanden på; semester från %2</translation>
    </message>
    <message>
        <source>✕ %1 vacation</source>
        <translation>✕ %1 semester</translation>
    </message>
    <message>
        <source>%1: on vacation until %2. New buyers cannot write; earlier buyers still can.</source>
        <translation>%1: semester till %2. Nya köpare kan inte skriva; tidigare köpare kan fortfarande.</translation>
    </message>
    <message>
        <source>further notice</source>
        <translation>vidare</translation>
    </message>
    <message>
        <source>✕ %1 off</source>
        <translation>✕ %1 av</translation>
    </message>
    <message>
        <source>%1: messaging off. New buyers cannot write; earlier buyers still can.</source>
        <translation>%1: meddelanden av. Nya köpare kan inte skriva; tidigare köpare kan fortfarande.</translation>
    </message>
</context>
<context>
    <name>MarketplaceRow</name>
    <message>
        <source>Messaging on</source>
        <translation>Meddelanden på</translation>
    </message>
    <message>
        <source>Vacation</source>
        <translation>Semester</translation>
    </message>
    <message>
        <source>from</source>
        <translation>från</translation>
    </message>
    <message>
        <source>until</source>
        <translation>till</translation>
    </message>
    <message>
        <source>Messaging is on: any buyer can write to you.</source>
        <translation>Meddelanden är på: alla köpare kan skriva till dig.</translation>
    </message>
    <message>
        <source>Messaging is OFF. </source>
        <translation>Meddelanden är AV. </translation>
    </message>
    <message>
        <source>On vacation until %1. </source>
        <translation>Semester till %1. </translation>
    </message>
    <message>
        <source>Vacation scheduled from %1. </source>
        <translation>Semester planerad från %1. </translation>
    </message>
    <message>
        <source>The vacation must end after it starts.</source>
        <translation>Semestern måste sluta efter att den har börjat.</translation>
    </message>
    <message>
        <source>While messaging is off, new buyers cannot write to you; buyers who wrote before still can.</source>
        <translation>Medan meddelanden är av kan nya köpare inte skriva till dig; köpare som har skrivit tidigare kan fortfarande.</translation>
    </message>
</context>
<context>
    <name>MarketplaceSwitchesNote</name>
    <message>
        <source>Your buyer messages come through your own mailbox. Turning messaging off and vacations are Amazon&apos;s switches, which Amazon does not offer by e-mail: set them in Seller Central (Settings › Account Info › Going on a vacation). Seller Inbox keeps receiving whatever Amazon delivers.</source>
        <translation>Dina köpares meddelanden kommer via din egen e-postlåda. Att stänga av meddelanden och semester är Amazons reglage, som Amazon inte erbjuder via e-post: ställ in dem i Seller Central (Settings › Account Info › Going on a vacation). Seller Inbox tar emot allt som Amazon levererar.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>All conversations</source>
        <translation>Alla konversationer</translation>
    </message>
    <message>
        <source>Needs response</source>
        <translation>Behöver svar</translation>
    </message>
    <message>
        <source>Waiting on buyer</source>
        <translation>Väntar på köparen</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Snoozade</translation>
    </message>
    <message>
        <source>Flagged only</source>
        <translation>Endast flaggade</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Redigera</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>&amp;Konversation</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
</context>
<context>
    <name>MetricsDialog</name>
    <message>
        <source>Response metrics</source>
        <translation>Svarsstatistik</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dagar</numerusform>
        </translation>
    </message>
    <message>
        <source>Each buyer message should be answered within 24 hours, weekends included. “No response needed” takes a message out of these figures. The red line is 4 %.</source>
        <translation>Varje köparmeddelande ska besvaras inom 24 timmar, även på helger. ”Inget svar behövs” tar bort ett meddelande ur siffrorna. Den röda linjen ligger på 4 %.</translation>
    </message>
</context>
<context>
    <name>MetricsModel</name>
    <message>
        <source>Marketplace</source>
        <translation>Marknadsplats</translation>
    </message>
    <message>
        <source>Late responses</source>
        <translation>Sena svar</translation>
    </message>
    <message>
        <source>Average response</source>
        <translation>Genomsnittlig svarstid</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvarade</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Sena</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Väntar</translation>
    </message>
</context>
<context>
    <name>NewMessageWindow</name>
    <message>
        <source>New message to %1</source>
        <translation>Nytt meddelande till %1</translation>
    </message>
    <message>
        <source>To %1 · %2 · order %3</source>
        <translation type="vanished">Till %1 · %2 · beställning %3</translation>
    </message>
    <message>
        <source>To %1 &lt;%2&gt; · %3 · order %4</source>
        <translation>Till %1 &lt;%2&gt; · %3 · beställning %4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>This buyer opted out of unsolicited messages: only critical messages (shipping problem, customization, delivery scheduling) reach them.</source>
        <translation>Den här köparen har avanmält sig från oombedda meddelanden: bara kritiska meddelanden (leveransproblem, produktanpassning, leveransbokning) når fram.</translation>
    </message>
</context>
<context>
    <name>NoteCard</name>
    <message>
        <source>A teammate</source>
        <translation>En kollega</translation>
    </message>
    <message>
        <source>Internal note · %1 · %2</source>
        <translation>Intern anteckning · %1 · %2</translation>
    </message>
    <message>
        <source>not shared: the relay refused it (%1)</source>
        <translation>inte delad: reläet avvisade den (%1)</translation>
    </message>
    <message>
        <source>waiting for the connection</source>
        <translation>väntar på anslutningen</translation>
    </message>
    <message>
        <source>Edit note…</source>
        <translation>Redigera anteckning…</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Ta bort anteckning</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>No internal notes. Notes are never sent to the buyer.</source>
        <translation>Inga interna anteckningar. Anteckningar skickas aldrig till köparen.</translation>
    </message>
    <message>
        <source>Add an internal note for your team…</source>
        <translation>Skriv en intern anteckning till ditt team…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Lägg till anteckning</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Spara anteckning</translation>
    </message>
    <message>
        <source>A note holds at most 20,000 characters.</source>
        <translation>En anteckning rymmer högst 20 000 tecken.</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Outbox</source>
        <translation>Utkorg</translation>
    </message>
    <message>
        <source>Nothing waiting: every message has reached the relay.</source>
        <translation>Inget väntar: alla meddelanden har nått reläet.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <source>Back to drafts</source>
        <translation>Tillbaka till utkast</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Queued</source>
        <translation>I kö</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Skickas</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Skickat</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Kräver åtgärd</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Ångrat</translation>
    </message>
    <message>
        <source>Will retry: %1</source>
        <translation>Försöker igen: %1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Ämne</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marknadsplats</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Försök</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detaljer</translation>
    </message>
</context>
<context>
    <name>Policy</name>
    <message>
        <source>Links to other websites are not allowed (&apos;%1&apos;).</source>
        <translation>Länkar till andra webbplatser är inte tillåtna (”%1”).</translation>
    </message>
    <message>
        <source>A spelled-out web address (&apos;%1&apos;) still counts as a link.</source>
        <translation>En utskriven webbadress (”%1”) räknas ändå som en länk.</translation>
    </message>
    <message>
        <source>Shortened links are not allowed: the buyer cannot see where they lead.</source>
        <translation>Förkortade länkar är inte tillåtna: köparen kan inte se vart de leder.</translation>
    </message>
    <message>
        <source>E-mail addresses are not allowed; the buyer can reply through the marketplace.</source>
        <translation>E-postadresser är inte tillåtna; köparen kan svara via marknadsplatsen.</translation>
    </message>
    <message>
        <source>This looks like a phone number. Share one only if the buyer needs it (e.g. a carrier or warranty line).</source>
        <translation>Det här ser ut som ett telefonnummer. Dela ett bara om köparen behöver det (t.ex. transportörens eller garantins nummer).</translation>
    </message>
    <message>
        <source>Moving the buyer off the marketplace is not allowed (&apos;%1&apos;).</source>
        <translation>Det är inte tillåtet att leda köparen bort från marknadsplatsen (”%1”).</translation>
    </message>
    <message>
        <source>Promotions, coupons and discounts are not allowed in buyer messages (&apos;%1&apos;).</source>
        <translation>Kampanjer, kuponger och rabatter är inte tillåtna i meddelanden till köpare (”%1”).</translation>
    </message>
    <message>
        <source>This may read as a promotion (&apos;%1&apos;); keep the message about the order.</source>
        <translation>Det här kan uppfattas som reklam (”%1”); låt meddelandet handla om ordern.</translation>
    </message>
    <message>
        <source>Promoting other products or shops is not allowed (&apos;%1&apos;).</source>
        <translation>Det är inte tillåtet att marknadsföra andra produkter eller butiker (”%1”).</translation>
    </message>
    <message>
        <source>An image that links to a website (a logo link) is not allowed.</source>
        <translation>En bild som länkar till en webbplats (en logotyplänk) är inte tillåten.</translation>
    </message>
    <message>
        <source>Hidden or 1×1 images (tracking pixels) are not allowed.</source>
        <translation>Dolda bilder eller bilder på 1×1 pixel (spårningspixlar) är inte tillåtna.</translation>
    </message>
    <message>
        <source>Remote images can track the buyer; attach the image file instead.</source>
        <translation>Externa bilder kan spåra köparen; bifoga bildfilen i stället.</translation>
    </message>
    <message>
        <source>A review request must not offer anything in return or ask for a good rating (&apos;%1&apos;).</source>
        <translation type="vanished">En begäran om recension får inte erbjuda något i gengäld eller be om ett bra betyg (”%1”).</translation>
    </message>
    <message>
        <source>Asking the buyer to change or remove a review is not allowed (&apos;%1&apos;).</source>
        <translation>Det är inte tillåtet att be köparen ändra eller ta bort en recension (”%1”).</translation>
    </message>
    <message>
        <source>Opt-out links or instructions are not allowed; the marketplace handles opt-outs (&apos;%1&apos;).</source>
        <translation>Avregistreringslänkar och instruktioner för att avregistrera sig är inte tillåtna; marknadsplatsen sköter avanmälningar (”%1”).</translation>
    </message>
    <message>
        <source>The buyer opted out of messages, so %1 will bounce. Only shipping problems, customization and delivery scheduling still reach them.</source>
        <translation>Köparen har avanmält sig från meddelanden, så %1 kommer att studsa. Bara leveransproblem, produktanpassning och leveransbokning når fram.</translation>
    </message>
    <message>
        <source>The buyer opted out: start the subject with %1 and ask only for what is needed to complete the order.</source>
        <translation>Köparen är avanmäld: inled ämnesraden med %1 och be bara om det som behövs för att slutföra ordern.</translation>
    </message>
    <message>
        <source>Use [Important] only for shipping problems, customization or delivery scheduling.</source>
        <translation>Använd [Important] bara för leveransproblem, produktanpassning eller leveransbokning.</translation>
    </message>
    <message>
        <source>Attachments total %1; the limit is %2 per message.</source>
        <translation>Bilagorna är totalt %1; gränsen är %2 per meddelande.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is %2 by its content; only PDF, Word, image and text files may be attached.</source>
        <translation>”%1” är enligt innehållet %2; bara PDF-, Word-, bild- och textfiler får bifogas.</translation>
    </message>
    <message>
        <source>Cannot read the attachment (%1: %2); remove it or pick the file again.</source>
        <translation>Bilagan kan inte läsas (%1: %2); ta bort den eller välj filen igen.</translation>
    </message>
    <message>
        <source>This message only thanks the buyer or offers help. Messages need a reason related to the order.</source>
        <translation type="vanished">Meddelandet tackar bara köparen eller erbjuder hjälp. Meddelanden behöver ett skäl som rör ordern.</translation>
    </message>
    <message>
        <source>A review request must not offer anything in return (&apos;%1&apos;): remove the offer; you may ask for an honest review.</source>
        <translation>En begäran om omdöme får inte erbjuda något i gengäld (&apos;%1&apos;): ta bort erbjudandet; du får be om ett ärligt omdöme.</translation>
    </message>
    <message>
        <source>A review request must not ask for a good rating or only satisfied buyers (&apos;%1&apos;): ask every buyer for an honest review.</source>
        <translation>En begäran om omdöme får inte be om ett bra betyg eller bara vända sig till nöjda köpare (&apos;%1&apos;): be alla köpare om ett ärligt omdöme.</translation>
    </message>
    <message>
        <source>This message only thanks the buyer or offers help, which the marketplace calls unnecessary. Send it only with something about the order (shipping, a question, a fix).</source>
        <translation>Meddelandet tackar bara köparen eller erbjuder hjälp, vilket marknadsplatsen kallar onödigt. Skicka det bara med något om ordern (leverans, en fråga, en lösning).</translation>
    </message>
    <message>
        <source>This reads as %1, but the buyer&apos;s language is %2.</source>
        <translation>Texten ser ut att vara på %1, men köparens språk är %2.</translation>
    </message>
    <message>
        <source>an out-of-stock notice</source>
        <translation>ett meddelande om slut i lager</translation>
    </message>
    <message>
        <source>a shipping confirmation</source>
        <translation>en leveransbekräftelse</translation>
    </message>
    <message>
        <source>a product manual</source>
        <translation>en produktmanual</translation>
    </message>
    <message>
        <source>a review request</source>
        <translation>en begäran om recension</translation>
    </message>
    <message>
        <source>this message</source>
        <translation>det här meddelandet</translation>
    </message>
    <message>
        <source>a PDF</source>
        <translation>en PDF-fil</translation>
    </message>
    <message>
        <source>a Word document</source>
        <translation>ett Word-dokument</translation>
    </message>
    <message>
        <source>an image</source>
        <translation>en bild</translation>
    </message>
    <message>
        <source>a text file</source>
        <translation>en textfil</translation>
    </message>
    <message>
        <source>a zip archive</source>
        <translation>ett zip-arkiv</translation>
    </message>
    <message>
        <source>a Windows program</source>
        <translation>ett Windows-program</translation>
    </message>
    <message>
        <source>a Linux program</source>
        <translation>ett Linux-program</translation>
    </message>
    <message>
        <source>an unknown type</source>
        <translation>en okänd filtyp</translation>
    </message>
    <message>
        <source>English</source>
        <translation>engelska</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>svenska</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>spanska</translation>
    </message>
    <message>
        <source>German</source>
        <translation>tyska</translation>
    </message>
    <message>
        <source>French</source>
        <translation>franska</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>italienska</translation>
    </message>
    <message>
        <source>This file is %1, not a PDF.</source>
        <translation>Filen är %1, inte en PDF.</translation>
    </message>
    <message>
        <source>This file is %1, not a Word document.</source>
        <translation>Filen är %1, inte ett Word-dokument.</translation>
    </message>
    <message>
        <source>This file is %1, not an image.</source>
        <translation>Filen är %1, inte en bild.</translation>
    </message>
    <message>
        <source>This file is %1, not a text file.</source>
        <translation>Filen är %1, inte en textfil.</translation>
    </message>
    <message>
        <source>%1 (%2) is larger than the %3 limit of %4.</source>
        <translation>%1 (%2) är större än gränsen på %3 för %4.</translation>
    </message>
    <message>
        <source>this marketplace</source>
        <translation>den här marknadsplatsen</translation>
    </message>
    <message>
        <source>This file is %1; you can attach PDF, Word, image and text files.</source>
        <translation>Filen är %1; du kan bifoga PDF-, Word-, bild- och textfiler.</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2).</source>
        <translation>%1 kan inte läsas (%2).</translation>
    </message>
</context>
<context>
    <name>PolicyPanel</name>
    <message>
        <source>✓ Within the marketplace&apos;s rules</source>
        <translation>✓ Följer marknadsplatsens regler</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) block sending</source>
        <translation>
            <numerusform>%n problem stoppar sändningen</numerusform>
            <numerusform>%n problem stoppar sändningen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n varning</numerusform>
            <numerusform>%n varningar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Relay</name>
    <message>
        <source>Your message was not delivered: this buyer has opted out of unsolicited messages. Replies in a conversation the buyer started, critical messages marked [Important], and messages about handmade, custom or wine orders still reach them.</source>
        <translation>Ditt meddelande levererades inte: köparen har avanmält sig från oombedda meddelanden. Svar i en konversation som köparen startade, kritiska meddelanden märkta [Important] och meddelanden om handgjorda, specialbeställda eller vinorder når dem fortfarande.</translation>
    </message>
    <message>
        <source>The marketplace did not deliver your reply%1. The buyer may have opted out of messages; replies in a conversation the buyer started and critical messages marked [Important] still reach them.</source>
        <translation>Marknadsplatsen levererade inte ditt svar%1. Köparen kan ha avanmält sig från meddelanden; svar i en konversation som köparen startade och kritiska meddelanden märkta [Important] når dem fortfarande.</translation>
    </message>
    <message>
        <source>Your mail server could not deliver your reply%1. If it says the sender is not allowed, add your address under Messaging Permissions in Seller Central.</source>
        <translation>Din e-postserver kunde inte leverera ditt svar%1. Om den säger att avsändaren inte är tillåten, lägg till din adress under Messaging Permissions i Seller Central.</translation>
    </message>
    <message>
        <source>Your mail server refused your reply%1. If it says the sender is not allowed, check the address you send from.</source>
        <translation>Din e-postserver avvisade ditt svar%1. Om den säger att avsändaren inte är tillåten, kontrollera adressen du skickar från.</translation>
    </message>
    <message>
        <source>This reply could not be written as a mail%1, so it was not sent. Copy its text into your mail program.</source>
        <translation>Svaret kunde inte göras om till ett mejl%1, så det skickades inte. Kopiera texten till ditt mejlprogram.</translation>
    </message>
    <message>
        <source>Your mail server reports a delay%1 and keeps trying to deliver your reply. Nothing to do yet; a later report will say if it fails.</source>
        <translation>Din e-postserver rapporterar en fördröjning%1 och fortsätter att försöka leverera ditt svar. Inget att göra än; en senare rapport säger om det misslyckas.</translation>
    </message>
    <message>
        <source>The connection to your mail server broke while this reply was being handed over, and no copy is in your Sent folder: check your mail program before sending it again.</source>
        <translation>Anslutningen till din e-postserver bröts medan svaret lämnades över, och det finns ingen kopia i mappen Skickat: kontrollera ditt e-postprogram innan du skickar det igen.</translation>
    </message>
    <message>
        <source>This mail claims to come from the marketplace, but your mail server&apos;s sender checks (SPF/DKIM/DMARC) failed: it may be forged. Do not open its links or attachments, and check the conversation in Seller Central before you answer.</source>
        <translation>Det här mejlet påstår att det kommer från marknadsplatsen, men din e-postservers avsändarkontroller (SPF/DKIM/DMARC) misslyckades: det kan vara förfalskat. Öppna inte dess länkar eller bilagor, och kontrollera konversationen i Seller Central innan du svarar.</translation>
    </message>
    <message>
        <source>This mail was too large to import whole (over 25 MB): its text is shown as far as it was read, its attachments were not imported. Open it in your mail program.</source>
        <translation>Det här mejlet var för stort för att importeras helt (över 25 MB): texten visas så långt den lästes, bilagorna importerades inte. Öppna det i ditt e-postprogram.</translation>
    </message>
    <message>
        <source>The relay removed attachments that do not comply with the marketplace&apos;s rules:</source>
        <translation>Reläet tog bort bilagor som inte följer marknadsplatsens regler:</translation>
    </message>
    <message>
        <source>- %1: file type %2 is not allowed</source>
        <translation>- %1: filtypen %2 är inte tillåten</translation>
    </message>
    <message>
        <source>- %1: over the %2 limit per message</source>
        <translation>- %1: över gränsen på %2 per meddelande</translation>
    </message>
    <message>
        <source>The marketplace&apos;s rules refused it. Open the draft, change what the rules check marks, and send it again.</source>
        <translation>Marknadsplatsens regler stoppade det. Öppna utkastet, ändra det som regelkontrollen markerar och skicka igen.</translation>
    </message>
    <message>
        <source>This buyer has opted out: a critical message needs [Important] in its subject.</source>
        <translation>Köparen har avanmält sig: ett kritiskt meddelande behöver [Important] i ämnesraden.</translation>
    </message>
    <message>
        <source>Not sent: this buyer has opted out of unsolicited messages.</source>
        <translation>Inte skickat: köparen har avanmält sig från oombedda meddelanden.</translation>
    </message>
    <message>
        <source>The relay refused an attachment (its type or size).</source>
        <translation>Reläet avvisade en bilaga (filtyp eller storlek).</translation>
    </message>
    <message>
        <source>An attachment is no longer on the relay: attach it again.</source>
        <translation>En bilaga finns inte längre på reläet: bifoga den igen.</translation>
    </message>
    <message>
        <source>The conversation is no longer on the relay.</source>
        <translation>Konversationen finns inte längre på reläet.</translation>
    </message>
    <message>
        <source>The conversation has not reached the relay yet: sync, then retry.</source>
        <translation>Konversationen har inte nått reläet än: synkronisera och försök sedan igen.</translation>
    </message>
    <message>
        <source>The relay does not allow this account to send it.</source>
        <translation>Reläet tillåter inte det här kontot att skicka det.</translation>
    </message>
    <message>
        <source>The relay could not accept this message as it is.</source>
        <translation>Reläet kunde inte ta emot meddelandet som det är.</translation>
    </message>
    <message>
        <source>The message is too large for the relay.</source>
        <translation>Meddelandet är för stort för reläet.</translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <source>Saved views</source>
        <translation>Sparade vyer</translation>
    </message>
    <message>
        <source>Saved view %1</source>
        <translation>Sparad vy %1</translation>
    </message>
    <message>
        <source>Save this view…</source>
        <translation>Spara den här vyn…</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vyer</translation>
    </message>
    <message>
        <source>Save this view</source>
        <translation>Spara den här vyn</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>Vyns namn:</translation>
    </message>
    <message>
        <source>Delete a saved view</source>
        <translation>Ta bort en sparad vy</translation>
    </message>
</context>
<context>
    <name>SellerDayPart</name>
    <message>
        <source>The buyer only says thanks.</source>
        <translation>Köparen tackar bara.</translation>
    </message>
    <message>
        <source>No response needed</source>
        <translation>Inget svar behövs</translation>
    </message>
    <message>
        <source>Internal notes</source>
        <translation>Interna anteckningar</translation>
    </message>
    <message>
        <source>Insert template</source>
        <translation>Infoga mall</translation>
    </message>
    <message>
        <source>Templates…</source>
        <translation>Mallar…</translation>
    </message>
    <message>
        <source>Snooze…</source>
        <translation>Snooza…</translation>
    </message>
    <message>
        <source>Remind me if no reply…</source>
        <translation>Påminn mig om inget svar kommer…</translation>
    </message>
    <message>
        <source>End snooze</source>
        <translation>Avsluta snooze</translation>
    </message>
    <message>
        <source>Add internal note</source>
        <translation>Lägg till intern anteckning</translation>
    </message>
    <message>
        <source>Not connected to the relay: notes and templates are saved through it.</source>
        <translation type="vanished">Inte ansluten till reläet: anteckningar och mallar sparas via det.</translation>
    </message>
    <message>
        <source>Snoozed until the buyer replies</source>
        <translation>Snoozad tills köparen svarar</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>Snoozad till %1</translation>
    </message>
    <message>
        <source>A template with this name exists already.</source>
        <translation>Det finns redan en mall med det namnet.</translation>
    </message>
    <message>
        <source>The relay refused the template: %1</source>
        <translation>Reläet avvisade mallen: %1</translation>
    </message>
    <message>
        <source>Saved, but the rules check flagged it: see below.</source>
        <translation>Sparad, men regelkontrollen flaggade den: se nedan.</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Inte importerade: %1</translation>
    </message>
    <message>
        <source>Templates exported.</source>
        <translation>Mallarna har exporterats.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Starting the demo relay…</source>
        <translation>Startar demoreläet…</translation>
    </message>
    <message>
        <source>Many matches: showing the newest. Add a word to narrow it.</source>
        <translation type="vanished">Många träffar: visar de senaste. Lägg till ett ord för att begränsa.</translation>
    </message>
    <message>
        <source>Demo: the token is kept in the demo folder.</source>
        <translation>Demo: token sparas i demomappen.</translation>
    </message>
    <message>
        <source>Your token will be kept in your system keyring (%1).</source>
        <translation>Din token sparas i systemets nyckelring (%1).</translation>
    </message>
    <message>
        <source>No secure keyring on this computer (%1): the token is kept for this session only, and you sign in again next time.</source>
        <translation>Ingen säker nyckelring på den här datorn (%1): token sparas bara under den här sessionen, och du loggar in igen nästa gång.</translation>
    </message>
    <message>
        <source>The relay refused this token. Check it and try again.</source>
        <translation>Reläet godtog inte den här token. Kontrollera den och försök igen.</translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation>Kunde inte logga in: %1</translation>
    </message>
    <message>
        <source>Not sent: this draft is not the open conversation&apos;s.</source>
        <translation>Inte skickat: utkastet hör inte till den öppna konversationen.</translation>
    </message>
    <message>
        <source>Too late to undo: already sending</source>
        <translation>För sent att ångra: skickas redan</translation>
    </message>
    <message>
        <source>Back in your drafts</source>
        <translation>Tillbaka bland dina utkast</translation>
    </message>
    <message>
        <source>Sent ✓</source>
        <translation>Skickat ✓</translation>
    </message>
    <message>
        <source>Not sent: %1 (see the outbox)</source>
        <translation>Inte skickat: %1 (se utkorgen)</translation>
    </message>
    <message>
        <source>Attachments need a relay account: sign in first.</source>
        <translation>Bilagor kräver ett reläkonto: logga in först.</translation>
    </message>
    <message>
        <source>Not attached: %1</source>
        <translation>Inte bifogad: %1</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Spara bilaga</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Något gick fel: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Messaging</source>
        <translation>Meddelanden</translation>
    </message>
    <message>
        <source>Relay account</source>
        <translation>Reläkonto</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Signaturer</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allmänt</translation>
    </message>
    <message>
        <source>Turn messaging off per marketplace, now or as a scheduled vacation. Changes apply at once and reach the relay on the next sync.</source>
        <translation>Stäng av meddelanden per marknadsplats, direkt eller som planerad semester. Ändringar gäller direkt och når reläet vid nästa synkronisering.</translation>
    </message>
    <message>
        <source>Paste the token from your marketplace account</source>
        <translation>Klistra in token från ditt marknadsplatskonto</translation>
    </message>
    <message>
        <source>Checking the keyring…</source>
        <translation>Kontrollerar nyckelringen…</translation>
    </message>
    <message>
        <source>Saved in your system keyring (%1)</source>
        <translation>Sparad i systemets nyckelring (%1)</translation>
    </message>
    <message>
        <source>Session-only: no secure keyring (%1). You sign in again each time you start.</source>
        <translation>Bara för sessionen: ingen säker nyckelring (%1). Du loggar in igen varje gång du startar.</translation>
    </message>
    <message>
        <source>Save and connect</source>
        <translation>Spara och anslut</translation>
    </message>
    <message>
        <source>Demo: a relay running inside this app on your computer. Its token is kept in the demo folder, never in your keyring.</source>
        <translation>Demo: ett relä som körs inuti appen på din dator. Dess token sparas i demomappen, aldrig i din nyckelring.</translation>
    </message>
    <message>
        <source>Your mailbox: a relay running inside this app on your computer reads and answers your mail, and signs this window in by itself (no token to enter). To work from your team&apos;s relay instead, start Seller Inbox with a new profile (--profile FOLDER).</source>
        <translation>Din brevlåda: ett relä som körs i appen på din dator läser och besvarar din e-post och loggar in det här fönstret själv (ingen token behövs). Vill du i stället arbeta mot ditt teams relä startar du Seller Inbox med en ny profil (--profile MAPP).</translation>
    </message>
    <message>
        <source>No token: this app signs in to its own relay.</source>
        <translation>Ingen token: appen loggar in på sitt eget relä.</translation>
    </message>
    <message>
        <source>Relay URL</source>
        <translation>Reläets URL</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Where the token lives</source>
        <translation>Var token sparas</translation>
    </message>
    <message>
        <source>Enter the relay URL and your token.</source>
        <translation>Ange reläets URL och din token.</translation>
    </message>
    <message>
        <source>Checking the token with the relay…</source>
        <translation>Kontrollerar token med reläet…</translation>
    </message>
    <message>
        <source>The relay refused this token.</source>
        <translation>Reläet godtog inte den här token.</translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation>Kunde inte logga in: %1</translation>
    </message>
    <message>
        <source>Saved in the keyring. Connecting…</source>
        <translation>Sparad i nyckelringen. Ansluter…</translation>
    </message>
    <message>
        <source>Kept for this session only. Connecting…</source>
        <translation>Sparas bara för den här sessionen. Ansluter…</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemets språk</translation>
    </message>
    <message>
        <source>Notify me when a buyer writes</source>
        <translation>Meddela mig när en köpare skriver</translation>
    </message>
    <message>
        <source>Undo window after Send</source>
        <translation>Tid att ångra efter Skicka</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Takes effect the next time Seller Inbox starts.</source>
        <translation>Gäller från nästa gång Seller Inbox startar.</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Aviseringar</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>  or  </source>
        <translation>  eller  </translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Kortkommando</translation>
    </message>
</context>
<context>
    <name>SignInBar</name>
    <message>
        <source>Sign in…</source>
        <translation>Logga in…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Signed out.&lt;/b&gt; The relay refused your token (it was revoked or has expired). Sign in again to keep your inbox in step; until then you can read and write drafts offline.</source>
        <translation>&lt;b&gt;Utloggad.&lt;/b&gt; Reläet godtog inte din token (den har återkallats eller gått ut). Logga in igen för att hålla inkorgen uppdaterad; tills dess kan du läsa och skriva utkast offline.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not connected to a relay.&lt;/b&gt; Sign in with your relay address and token to receive buyer messages and send replies.</source>
        <translation>&lt;b&gt;Inte ansluten till ett relä.&lt;/b&gt; Logga in med reläets adress och din token för att ta emot köparmeddelanden och skicka svar.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to your relay</source>
        <translation>Logga in på ditt relä</translation>
    </message>
    <message>
        <source>Paste the token from your marketplace account&apos;s relay page. The token stays on this computer: in your system keyring, or only for this session when no secure keyring is available.</source>
        <translation>Klistra in token från reläsidan i ditt marknadsplatskonto. Token stannar på den här datorn: i systemets nyckelring, eller bara under den här sessionen om ingen säker nyckelring finns.</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Relay URL</source>
        <translation>Reläets URL</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <source>Enter the relay address, starting with https://</source>
        <translation>Ange reläets adress, som börjar med https://</translation>
    </message>
    <message>
        <source>Paste your token.</source>
        <translation>Klistra in din token.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Kontrollerar…</translation>
    </message>
</context>
<context>
    <name>SignaturesTab</name>
    <message>
        <source>Added under every reply on that marketplace, below a “-- ” line. Write one for all buyers, and one per language where you want: a buyer gets the one in their language, else the one for all. The rules check reads it with your reply.</source>
        <translation>Läggs under varje svar på den marknadsplatsen, under en rad med ”-- ”. Skriv en för alla köpare, och en per språk där du vill: en köpare får den på sitt språk, annars den för alla. Regelkontrollen läser den tillsammans med ditt svar.</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>Alla språk</translation>
    </message>
    <message>
        <source>e.g. Kind regards, Anna – Nordic Mugs</source>
        <translation>t.ex. Vänliga hälsningar, Anna – Nordic Mugs</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marknadsplats</translation>
    </message>
    <message>
        <source>Buyer&apos;s language</source>
        <translation>Köparens språk</translation>
    </message>
    <message>
        <source>Buyers in this language get the one for all languages.</source>
        <translation>Köpare på det här språket får den för alla språk.</translation>
    </message>
    <message>
        <source>No signature for these buyers.</source>
        <translation>Ingen signatur för dessa köpare.</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Remind me if there is no reply</source>
        <translation>Påminn mig om inget svar kommer</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>Snooza till</translation>
    </message>
    <message>
        <source>Why (optional): shown when it comes back</source>
        <translation>Varför (valfritt): visas när den kommer tillbaka</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Anledning</translation>
    </message>
    <message>
        <source>The marketplace&apos;s 24-hour clock keeps running: the answer is due %1, before this snooze ends.</source>
        <translation>Marknadsplatsens 24-timmarsklocka fortsätter att gå: svaret ska vara skickat %1, innan snoozen tar slut.</translation>
    </message>
</context>
<context>
    <name>SnoozeMenu</name>
    <message>
        <source>Snooze</source>
        <translation>Snooza</translation>
    </message>
    <message>
        <source>Later today</source>
        <translation>Senare i dag</translation>
    </message>
    <message>
        <source>Tomorrow morning</source>
        <translation>I morgon bitti</translation>
    </message>
    <message>
        <source>Monday morning</source>
        <translation>Måndag morgon</translation>
    </message>
    <message>
        <source>Until the buyer replies</source>
        <translation>Tills köparen svarar</translation>
    </message>
    <message>
        <source>Pick a date…</source>
        <translation>Välj ett datum…</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <source>Find a template…</source>
        <translation>Sök en mall…</translation>
    </message>
    <message>
        <source>%1 (no %2 text)</source>
        <translation>%1 (ingen text på %2)</translation>
    </message>
    <message>
        <source>breaks the rules</source>
        <translation>bryter mot reglerna</translation>
    </message>
    <message>
        <source>No template matches.</source>
        <translation>Ingen mall matchar.</translation>
    </message>
    <message>
        <source>No templates yet: create them under Edit › Templates…</source>
        <translation>Inga mallar än: skapa dem under Redigera › Mallar…</translation>
    </message>
    <message>
        <source>No templates yet: create them under Conversation › Templates…</source>
        <translation type="vanished">Inga mallar än: skapa dem under Konversation › Mallar…</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Templates</source>
        <translation>Mallar</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <source>Import / export</source>
        <translation>Importera / exportera</translation>
    </message>
    <message>
        <source>Import from a file…</source>
        <translation>Importera från en fil…</translation>
    </message>
    <message>
        <source>Export all to a file…</source>
        <translation>Exportera alla till en fil…</translation>
    </message>
    <message>
        <source>Add language</source>
        <translation>Lägg till språk</translation>
    </message>
    <message>
        <source>Insert placeholder</source>
        <translation>Infoga platshållare</translation>
    </message>
    <message>
        <source>Placeholders are filled from the conversation when you insert the template. The text in the buyer&apos;s language is chosen for you.</source>
        <translation>Platshållarna fylls i från konversationen när du infogar mallen. Texten på köparens språk väljs åt dig.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Contact reason</source>
        <translation>Kontaktorsak</translation>
    </message>
    <message>
        <source>The rules check flagged this template</source>
        <translation>Regelkontrollen flaggade den här mallen</translation>
    </message>
    <message>
        <source>Not shared: a teammate&apos;s template has this name. Rename it.</source>
        <translation>Inte delad: en kollegas mall har det här namnet. Byt namn på den.</translation>
    </message>
    <message>
        <source>Not shared: the relay refused it (%1).</source>
        <translation>Inte delad: reläet avvisade den (%1).</translation>
    </message>
    <message>
        <source>waiting for the connection</source>
        <translation>väntar på anslutningen</translation>
    </message>
    <message>
        <source>Unknown placeholder: %1</source>
        <translation>Okänd platshållare: %1</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation>Ge mallen ett namn.</translation>
    </message>
    <message>
        <source>Each text needs words, at most 10,000 characters and known placeholders.</source>
        <translation>Varje text behöver ord, högst 10 000 tecken och kända platshållare.</translation>
    </message>
    <message>
        <source>Import templates</source>
        <translation>Importera mallar</translation>
    </message>
    <message>
        <source>Template exports (*.json)</source>
        <translation>Mallexporter (*.json)</translation>
    </message>
    <message>
        <source>Export templates</source>
        <translation>Exportera mallar</translation>
    </message>
</context>
<context>
    <name>TemplatesPart</name>
    <message numerus="yes">
        <source>%n template(s) imported.</source>
        <translation>
            <numerusform>%n mall importerades.</numerusform>
            <numerusform>%n mallar importerades.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThreadTableModel</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n oläst</numerusform>
            <numerusform>%n olästa</numerusform>
        </translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Flaggad</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marknadsplats</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Köpare</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Ämne</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Beställning</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Senaste aktivitet</translation>
    </message>
    <message>
        <source>Answer within</source>
        <translation>Svara inom</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Seller Inbox</source>
        <translation>Seller Inbox</translation>
    </message>
    <message>
        <source>Show Seller Inbox</source>
        <translation>Visa Seller Inbox</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Nytt meddelande från %1</translation>
    </message>
</context>
<context>
    <name>TriageKeys</name>
    <message>
        <source>Sort by newest activity</source>
        <translation>Sortera efter senaste aktivitet</translation>
    </message>
    <message>
        <source>Sort by deadline</source>
        <translation>Sortera efter tidsfrist</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo</source>
        <translation>Ångra</translation>
    </message>
    <message>
        <source>Waiting for the connection to send…</source>
        <translation>Väntar på anslutning för att skicka…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Skickar…</translation>
    </message>
    <message numerus="yes">
        <source>Message queued: sending in %n s</source>
        <translation>
            <numerusform>Meddelandet ligger i kö: skickas om %n s</numerusform>
            <numerusform>Meddelandet ligger i kö: skickas om %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <source>No relay account</source>
        <translation type="vanished">Inget reläkonto</translation>
    </message>
    <message>
        <source>Set up your relay account in Settings to send messages.</source>
        <translation type="vanished">Ställ in ditt reläkonto under Inställningar för att skicka meddelanden.</translation>
    </message>
</context>
</TS>
