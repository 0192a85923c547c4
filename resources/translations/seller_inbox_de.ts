<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>Über %1</translation>
    </message>
    <message>
        <source>Licensed under the %1.</source>
        <translation>Lizenziert unter der %1.</translation>
    </message>
    <message>
        <source>Apache License 2.0</source>
        <translation>Apache License 2.0</translation>
    </message>
    <message>
        <source>It ships with other free software, each under its own licence: %1.</source>
        <translation>Es enthält weitere freie Software, jeweils unter eigener Lizenz: %1.</translation>
    </message>
    <message>
        <source>third-party notices</source>
        <translation>Hinweise zu Drittsoftware</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>%1 — Delete removes it</source>
        <translation type="vanished">%1 — Entf entfernt ihn</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Anhang entfernen</translation>
    </message>
    <message>
        <source>%1 — %2 removes it</source>
        <translation>%1 — %2 entfernt ihn</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>Attachment</source>
        <translation>Anhang</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Vorheriger</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Nächster ▶</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>%1 · page 1 of %2</source>
        <translation>%1 · Seite 1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message>
        <source>pages unknown</source>
        <translation>Seitenzahl unbekannt</translation>
    </message>
    <message>
        <source>PDF document · %1

Open it to read it.</source>
        <translation>PDF-Dokument · %1

Öffnen Sie es, um es zu lesen.</translation>
    </message>
    <message>
        <source>PDF document · %1 · %2

Open it to read it.</source>
        <translation>PDF-Dokument · %1 · %2

Öffnen Sie es, um es zu lesen.</translation>
    </message>
</context>
<context>
    <name>BulkPane</name>
    <message>
        <source>Mark read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Mark unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Markieren</translation>
    </message>
    <message>
        <source>Unflag</source>
        <translation>Markierung aufheben</translation>
    </message>
    <message>
        <source>No response needed</source>
        <translation>Keine Antwort nötig</translation>
    </message>
    <message>
        <source>Response needed</source>
        <translation>Antwort nötig</translation>
    </message>
    <message>
        <source>Snooze…</source>
        <translation>Zurückstellen…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Click one conversation to read or answer it.</source>
        <translation>Klicken Sie auf eine Unterhaltung, um sie zu lesen oder zu beantworten.</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s) selected</source>
        <translation>
            <numerusform>%n Unterhaltung ausgewählt</numerusform>
            <numerusform>%n Unterhaltungen ausgewählt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkPart</name>
    <message>
        <source>Select all in this view</source>
        <translation>Alle in dieser Ansicht auswählen</translation>
    </message>
    <message>
        <source>Every conversation in this view, also those not loaded yet.</source>
        <translation>Jede Unterhaltung dieser Ansicht, auch die noch nicht geladenen.</translation>
    </message>
    <message numerus="yes">
        <source>The first %n search results: a search selects at most this many.</source>
        <translation type="vanished">
            <numerusform>Das erste Suchergebnis: Eine Suche wählt höchstens so viele aus.</numerusform>
            <numerusform>Die ersten %n Suchergebnisse: Eine Suche wählt höchstens so viele aus.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every result of this search in this view, also those not loaded yet.</source>
        <translation>Jedes Ergebnis dieser Suche in dieser Ansicht, auch die noch nicht geladenen.</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 von %3</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n conversation(s).</source>
        <translation>
            <numerusform>%1: %n Unterhaltung.</numerusform>
            <numerusform>%1: %n Unterhaltungen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them owe an answer that falls due before the snooze ends: the marketplace&apos;s 24-hour clock keeps running.</source>
        <translation>
            <numerusform>Eine davon schuldet eine Antwort, die fällig wird, bevor das Zurückstellen endet: Die 24-Stunden-Uhr des Marktplatzes läuft weiter.</numerusform>
            <numerusform>%n davon schulden eine Antwort, die fällig wird, bevor das Zurückstellen endet: Die 24-Stunden-Uhr des Marktplatzes läuft weiter.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 stopped after %2 of %3 conversations: %4</source>
        <translation>%1 wurde nach %2 von %3 Unterhaltungen abgebrochen: %4</translation>
    </message>
    <message>
        <source>an error (see the log)</source>
        <translation>ein Fehler (siehe Protokoll)</translation>
    </message>
    <message numerus="yes">
        <source>Undo %1 (%n conversation(s))</source>
        <translation>
            <numerusform>%1 rückgängig machen (%n Unterhaltung)</numerusform>
            <numerusform>%1 rückgängig machen (%n Unterhaltungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Undoing %1…</source>
        <translation>%1 wird rückgängig gemacht…</translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation>Rückgängig gemacht: %1.</translation>
    </message>
</context>
<context>
    <name>BuyerHistoryPanel</name>
    <message>
        <source>Other conversations with this buyer</source>
        <translation>Weitere Unterhaltungen mit diesem Käufer</translation>
    </message>
    <message>
        <source>No other conversations yet.</source>
        <translation>Noch keine weiteren Unterhaltungen.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>No order</source>
        <translation>Keine Bestellung</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
</context>
<context>
    <name>BuyerHistoryPart</name>
    <message>
        <source>Buyer&apos;s other conversations</source>
        <translation>Weitere Unterhaltungen des Käufers</translation>
    </message>
</context>
<context>
    <name>BuyerOrdersPanel</name>
    <message>
        <source>Orders without a conversation</source>
        <translation>Bestellungen ohne Unterhaltung</translation>
    </message>
    <message>
        <source>Write to the buyer about this order</source>
        <translation>Dem Käufer zu dieser Bestellung schreiben</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>An %1</translation>
    </message>
</context>
<context>
    <name>Clock</name>
    <message>
        <source>No response needed</source>
        <translation>Keine Antwort nötig</translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation>%1 überfällig</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Why you are writing: some reasons reach opted-out buyers</source>
        <translation>Anlass der Nachricht: manche Anlässe erreichen auch abgemeldete Käufer</translation>
    </message>
    <message>
        <source>[Important]</source>
        <translation>[Important]</translation>
    </message>
    <message>
        <source>Mark an urgent message to an opted-out buyer; ask only for what the order needs</source>
        <translation>Dringende Nachricht an einen abgemeldeten Käufer kennzeichnen; nur erfragen, was die Bestellung erfordert</translation>
    </message>
    <message>
        <source>Write your reply (Markdown: **bold**, *italic*, lists)…</source>
        <translation>Antwort schreiben (Markdown: **fett**, *kursiv*, Listen)…</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Added when you send; change it in Settings</source>
        <translation>Wird beim Senden angefügt; ändern Sie sie in den Einstellungen</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Anhängen…</translation>
    </message>
    <message>
        <source>PDF, Word, image or text; drop files on the text too</source>
        <translation>PDF, Word, Bild oder Text; Dateien lassen sich auch auf den Text ziehen</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send (%1); you can undo for a few seconds</source>
        <translation>Senden (%1); einige Sekunden lang rückgängig zu machen</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="vanished">Strg+Enter</translation>
    </message>
    <message>
        <source>Select a conversation to reply to</source>
        <translation>Unterhaltung zum Antworten auswählen</translation>
    </message>
    <message>
        <source>Write a message first</source>
        <translation>Zuerst eine Nachricht schreiben</translation>
    </message>
    <message>
        <source>Cannot send: %1</source>
        <translation>Senden nicht möglich: %1</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter); you can undo for a few seconds</source>
        <translation type="vanished">Senden (Strg+Enter); einige Sekunden lang rückgängig zu machen</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Documents and images (*.pdf *.doc *.docx *.txt *.png *.jpg *.jpeg *.gif);;All files (*)</source>
        <translation>Dokumente und Bilder (*.pdf *.doc *.docx *.txt *.png *.jpg *.jpeg *.gif);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reply / other</source>
        <translation>Antwort / Sonstiges</translation>
    </message>
    <message>
        <source>Shipping problem</source>
        <translation>Versandproblem</translation>
    </message>
    <message>
        <source>Product customization</source>
        <translation>Personalisierung</translation>
    </message>
    <message>
        <source>Delivery scheduling</source>
        <translation>Liefertermin</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Nicht vorrätig</translation>
    </message>
    <message>
        <source>Shipping confirmation</source>
        <translation>Versandbestätigung</translation>
    </message>
    <message>
        <source>Product manual</source>
        <translation>Produkthandbuch</translation>
    </message>
    <message>
        <source>Review request</source>
        <translation>Bewertungsanfrage</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>No relay account</source>
        <translation>Kein Relay-Konto</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Offline arbeiten</translation>
    </message>
    <message>
        <source>Stop talking to the relay; keep reading and writing</source>
        <translation>Verbindung zum Relay trennen; Lesen und Schreiben geht weiter</translation>
    </message>
    <message>
        <source>No relay account (Settings)</source>
        <translation>Kein Relay-Konto (Einstellungen)</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Online · session-only sign-in</source>
        <translation>Online · Anmeldung nur für diese Sitzung</translation>
    </message>
    <message>
        <source>Signed out: the relay refused the token</source>
        <translation>Abgemeldet: Das Relay hat das Token abgelehnt</translation>
    </message>
    <message>
        <source>Not syncing: see the details</source>
        <translation>Keine Synchronisierung: siehe Details</translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation>Offline-Modus</translation>
    </message>
    <message>
        <source>Not syncing · retrying at %1</source>
        <translation>Keine Synchronisierung · neuer Versuch um %1</translation>
    </message>
    <message>
        <source>Offline · retrying at %1 (in %2 s)</source>
        <translation>Offline · neuer Versuch um %1 (in %2 s)</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>an unknown type</source>
        <translation>ein unbekannter Typ</translation>
    </message>
    <message>
        <source>%1 was not opened: by its content it is %2, and opening it could run code on this computer. Save it instead if you trust the sender.</source>
        <translation>%1 wurde nicht geöffnet: dem Inhalt nach ist es %2, und das Öffnen könnte Code auf diesem Computer ausführen. Speichern Sie die Datei stattdessen, wenn Sie dem Absender vertrauen.</translation>
    </message>
    <message>
        <source>Mark unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Markieren</translation>
    </message>
    <message>
        <source>No response needed</source>
        <translation>Keine Antwort nötig</translation>
    </message>
    <message>
        <source>Load for this message</source>
        <translation>Für diese Nachricht laden</translation>
    </message>
    <message>
        <source>Select a conversation</source>
        <translation>Unterhaltung auswählen</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Bestellung %1</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Mark read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Unflag</source>
        <translation>Markierung aufheben</translation>
    </message>
    <message>
        <source>Response needed</source>
        <translation>Antwort nötig</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Käufer</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Marketplace notice</source>
        <translation>Hinweis des Marktplatzes</translation>
    </message>
    <message>
        <source>remote image blocked</source>
        <translation>externes Bild blockiert</translation>
    </message>
    <message numerus="yes">
        <source>%n more characters of this message are not shown here.</source>
        <translation>
            <numerusform>%n weiteres Zeichen dieser Nachricht wird hier nicht angezeigt.</numerusform>
            <numerusform>%n weitere Zeichen dieser Nachricht werden hier nicht angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remote images in this message are blocked: they can tell the sender you read it.</source>
        <translation>Externe Bilder in dieser Nachricht sind blockiert: Sie könnten dem Absender verraten, dass die Nachricht gelesen wurde.</translation>
    </message>
    <message>
        <source>Open this link in your browser?

%1

It goes to: %2</source>
        <translation>Diesen Link im Browser öffnen?

%1

Er führt zu: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation type="vanished">
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
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
        <translation>passwortgeschützt</translation>
    </message>
    <message>
        <source>damaged, no preview</source>
        <translation>beschädigt, keine Vorschau</translation>
    </message>
    <message>
        <source>took too long to preview</source>
        <translation>Vorschau dauerte zu lange</translation>
    </message>
    <message>
        <source>could not be previewed</source>
        <translation>keine Vorschau möglich</translation>
    </message>
    <message>
        <source>too large to preview</source>
        <translation>zu groß für eine Vorschau</translation>
    </message>
    <message>
        <source>not a PDF by its content</source>
        <translation>dem Inhalt nach kein PDF</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Open link?</source>
        <translation>Link öffnen?</translation>
    </message>
    <message>
        <source>Open this link in your browser?

%1</source>
        <translation type="vanished">Diesen Link im Browser öffnen?

%1</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgelaufen</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <source>The details are in the log: %1</source>
        <translation>Die Details stehen im Protokoll: %1</translation>
    </message>
    <message>
        <source>No log file is open.</source>
        <translation>Es ist keine Protokolldatei geöffnet.</translation>
    </message>
    <message>
        <source>Seller Inbox hit a bug. Your messages and drafts are safe; you can carry on, or restart if something looks wrong. Please send us the details.</source>
        <translation>Seller Inbox ist auf einen Fehler gestoßen. Ihre Nachrichten und Entwürfe sind sicher; Sie können weiterarbeiten oder neu starten, falls etwas falsch aussieht. Bitte senden Sie uns die Details.</translation>
    </message>
</context>
<context>
    <name>CurrentConversation</name>
    <message>
        <source>Select a conversation</source>
        <translation type="obsolete">Unterhaltung auswählen</translation>
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
        <translation>ddd, HH:mm</translation>
    </message>
    <message>
        <source>dd MMM</source>
        <comment>Qt date pattern: day, month</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>dd MMM yyyy</source>
        <comment>Qt date pattern: date</comment>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>ddd dd MMM yyyy, HH:mm</source>
        <comment>Qt date pattern: weekday, date, time</comment>
        <translation>ddd, d. MMM yyyy, HH:mm</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Käufer</translation>
    </message>
    <message>
        <source>New message to buyer…</source>
        <translation>Neue Nachricht an Käufer…</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Handmade</source>
        <translation>Handgemacht</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Maßanfertigung</translation>
    </message>
    <message>
        <source>Wine</source>
        <translation>Wein</translation>
    </message>
    <message>
        <source>No order</source>
        <translation>Keine Bestellung</translation>
    </message>
    <message>
        <source>Yes: only replies and critical messages reach them</source>
        <translation>Ja: nur Antworten und kritische Nachrichten kommen an</translation>
    </message>
    <message>
        <source>No (as far as we know)</source>
        <translation>Nein (soweit bekannt)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Bestellt am</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Abgemeldet</translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <source>The disk is full. Nothing was lost: free some space and Seller Inbox carries on where it stopped.</source>
        <translation>Der Datenträger ist voll. Es ging nichts verloren: Geben Sie Speicherplatz frei, dann macht Seller Inbox dort weiter, wo es aufgehört hat.</translation>
    </message>
    <message>
        <source>Seller Inbox cannot write to its folder: the folder or disk is read-only.</source>
        <translation>Seller Inbox kann nicht in seinen Ordner schreiben: Ordner oder Datenträger sind schreibgeschützt.</translation>
    </message>
    <message>
        <source>The relay cannot be reached right now; Seller Inbox keeps trying.</source>
        <translation>Das Relay ist gerade nicht erreichbar; Seller Inbox versucht es weiter.</translation>
    </message>
    <message>
        <source>The relay is busy; Seller Inbox tries again shortly.</source>
        <translation>Das Relay ist ausgelastet; Seller Inbox versucht es gleich erneut.</translation>
    </message>
    <message>
        <source>The relay refused your token: sign in again.</source>
        <translation>Das Relay hat Ihr Token abgelehnt: Melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All marketplaces</source>
        <translation>Alle Marktplätze</translation>
    </message>
    <message>
        <source>All conversations</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Needs response</source>
        <translation>Antwort nötig</translation>
    </message>
    <message>
        <source>Waiting on buyer</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Newest activity</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <source>Deadline first</source>
        <translation>Frist zuerst</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>Sortieren:</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Seller Inbox</source>
        <translation>Willkommen bei Seller Inbox</translation>
    </message>
    <message>
        <source>&lt;b&gt;How do your buyer messages reach you?&lt;/b&gt;</source>
        <translation>&lt;b&gt;Wie erreichen Sie die Nachrichten Ihrer Käufer?&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Connect my mailbox</source>
        <translation>Mein Postfach verbinden</translation>
    </message>
    <message>
        <source>I sell alone and Amazon writes to my own e-mail address. Seller Inbox reads and answers buyer messages there, on this computer.</source>
        <translation>Ich verkaufe allein und Amazon schreibt an meine eigene E-Mail-Adresse. Seller Inbox liest und beantwortet die Käufernachrichten dort, auf diesem Computer.</translation>
    </message>
    <message>
        <source>Connect to my team&apos;s relay</source>
        <translation>Mit dem Relay meines Teams verbinden</translation>
    </message>
    <message>
        <source>My team runs a relay. I have its address and my token.</source>
        <translation>Mein Team betreibt ein Relay. Ich habe seine Adresse und mein Token.</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Demo ausprobieren</translation>
    </message>
    <message>
        <source>Look around with sample buyers and orders. Nothing is sent.</source>
        <translation>Sehen Sie sich mit Beispielkäufern und -bestellungen um. Es wird nichts gesendet.</translation>
    </message>
</context>
<context>
    <name>MailboxAccount</name>
    <message>
        <source>The password will be kept in your system keyring (%1).</source>
        <translation>Das Passwort wird im Schlüsselbund Ihres Systems gespeichert (%1).</translation>
    </message>
    <message>
        <source>No secure keyring on this computer (%1): the password is kept for this session only, and you enter it again next time.</source>
        <translation>Kein sicherer Schlüsselbund auf diesem Computer (%1): Das Passwort gilt nur für diese Sitzung, und Sie geben es beim nächsten Mal erneut ein.</translation>
    </message>
    <message>
        <source>Could not start the mailbox relay: %1</source>
        <translation>Das Relay für das Postfach konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Mit %1 verbunden.</translation>
    </message>
    <message>
        <source>Connected to %1. The password is kept for this session only.</source>
        <translation>Mit %1 verbunden. Das Passwort gilt nur für diese Sitzung.</translation>
    </message>
</context>
<context>
    <name>MailboxConnectDialog</name>
    <message>
        <source>Find the IMAP server</source>
        <translation>IMAP-Server finden</translation>
    </message>
    <message>
        <source>Connect to the IMAP server</source>
        <translation>Mit dem IMAP-Server verbinden</translation>
    </message>
    <message>
        <source>Secure connection (IMAP)</source>
        <translation>Sichere Verbindung (IMAP)</translation>
    </message>
    <message>
        <source>Sign in (IMAP)</source>
        <translation>Anmelden (IMAP)</translation>
    </message>
    <message>
        <source>Instant delivery (IMAP IDLE)</source>
        <translation>Sofortige Zustellung (IMAP IDLE)</translation>
    </message>
    <message>
        <source>Find the SMTP server</source>
        <translation>SMTP-Server finden</translation>
    </message>
    <message>
        <source>Connect to the SMTP server</source>
        <translation>Mit dem SMTP-Server verbinden</translation>
    </message>
    <message>
        <source>Secure connection (SMTP)</source>
        <translation>Sichere Verbindung (SMTP)</translation>
    </message>
    <message>
        <source>Sign in (SMTP)</source>
        <translation>Anmelden (SMTP)</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>None (this computer only)</source>
        <translation>Keine (nur dieser Computer)</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>Connect your mailbox</source>
        <translation>Ihr Postfach verbinden</translation>
    </message>
    <message>
        <source>Seller Inbox reads buyer messages from the mailbox Amazon writes to, and sends your replies from it. Use the address you approved in Seller Central.</source>
        <translation>Seller Inbox liest Käufernachrichten aus dem Postfach, an das Amazon schreibt, und sendet Ihre Antworten von dort. Verwenden Sie die Adresse, die Sie in Seller Central freigegeben haben.</translation>
    </message>
    <message>
        <source>Other (enter the servers)</source>
        <translation>Andere (Server eingeben)</translation>
    </message>
    <message>
        <source>The same as the address</source>
        <translation>Wie die Adresse</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>IMAP server (incoming)</source>
        <translation>IMAP-Server (eingehend)</translation>
    </message>
    <message>
        <source>SMTP server (outgoing)</source>
        <translation>SMTP-Server (ausgehend)</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>%1 needs an app password: turn on two-step verification in your account&apos;s security settings, create an app password there and paste it below.</source>
        <translation>%1 verlangt ein App-Passwort: Schalten Sie in den Sicherheitseinstellungen Ihres Kontos die Bestätigung in zwei Schritten ein, erstellen Sie dort ein App-Passwort und fügen Sie es unten ein.</translation>
    </message>
    <message>
        <source>%1 no longer accepts passwords for IMAP and SMTP, only its own sign-in (OAuth), which Seller Inbox does not offer yet. Forward your Amazon mail to a mailbox at another provider, or connect to a team relay.</source>
        <translation>%1 akzeptiert für IMAP und SMTP keine Passwörter mehr, nur die eigene Anmeldung (OAuth), die Seller Inbox noch nicht anbietet. Leiten Sie Ihre Amazon-Mails an ein Postfach bei einem anderen Anbieter weiter oder verbinden Sie sich mit einem Team-Relay.</translation>
    </message>
    <message>
        <source>Enter the password for %1 again: it was kept for the last session only.</source>
        <translation>Geben Sie das Passwort für %1 erneut ein: Es galt nur für die letzte Sitzung.</translation>
    </message>
    <message>
        <source>Enter your e-mail address, e.g. shop@example.com.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse ein, z. B. shop@example.com.</translation>
    </message>
    <message>
        <source>Enter the IMAP and SMTP server names.</source>
        <translation>Geben Sie die Namen der IMAP- und SMTP-Server ein.</translation>
    </message>
    <message>
        <source>Without security, your password would cross the network readable by anyone: choose SSL/TLS or STARTTLS for %1.</source>
        <translation>Ohne Sicherheit ginge Ihr Passwort für jeden lesbar über das Netz: Wählen Sie SSL/TLS oder STARTTLS für %1.</translation>
    </message>
    <message>
        <source>Enter the password (or app password).</source>
        <translation>Geben Sie das Passwort (oder App-Passwort) ein.</translation>
    </message>
    <message>
        <source>Every check passed: Seller Inbox can read and send mail with this mailbox.</source>
        <translation>Alle Prüfungen bestanden: Seller Inbox kann mit diesem Postfach E-Mails lesen und senden.</translation>
    </message>
    <message>
        <source>The server also offers %1.</source>
        <translation>Der Server bietet außerdem %1.</translation>
    </message>
    <message>
        <source>But the server does not offer IMAP IDLE: Seller Inbox checks for new mail every minute instead of within seconds.</source>
        <translation>Der Server bietet jedoch kein IMAP IDLE an: Seller Inbox sucht jede Minute nach neuen Mails statt innerhalb von Sekunden.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Teste…</translation>
    </message>
</context>
<context>
    <name>MailboxStatesBox</name>
    <message>
        <source>Cannot find the mail server.</source>
        <translation>Der Mailserver wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>The mail server cannot be reached.</source>
        <translation>Der Mailserver ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The secure connection to the mail server failed.</source>
        <translation>Die sichere Verbindung zum Mailserver ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The mail server refused the password. Connect again with the right one.</source>
        <translation>Der Mailserver hat das Passwort abgelehnt. Verbinden Sie sich erneut mit dem richtigen.</translation>
    </message>
    <message>
        <source>The mail server does not offer IDLE: new mail arrives with a delay.</source>
        <translation>Der Mailserver bietet kein IDLE an: Neue Mails kommen verzögert an.</translation>
    </message>
    <message>
        <source>The mail server answered with an error.</source>
        <translation>Der Mailserver hat mit einem Fehler geantwortet.</translation>
    </message>
    <message>
        <source>Your mailbox</source>
        <translation>Ihr Postfach</translation>
    </message>
    <message>
        <source>Your team&apos;s mailbox</source>
        <translation>Postfach Ihres Teams</translation>
    </message>
    <message>
        <source>Reading the mailbox state…</source>
        <translation>Postfachstatus wird gelesen…</translation>
    </message>
    <message>
        <source>No mailbox is connected.</source>
        <translation>Kein Postfach verbunden.</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Ändern…</translation>
    </message>
    <message>
        <source>In Seller Central, add %1 as an approved sender under Messaging Permissions: Amazon rejects replies from an address it has not approved.</source>
        <translation>Fügen Sie in Seller Central %1 unter „Messaging Permissions“ als freigegebenen Absender hinzu: Amazon weist Antworten von nicht freigegebenen Adressen zurück.</translation>
    </message>
    <message>
        <source>Your team&apos;s relay administrator changes it (seller-relay mailbox).</source>
        <translation>Geändert wird es vom Administrator des Relays Ihres Teams (seller-relay mailbox).</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Verbunden.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Last fetched: %1.</source>
        <translation>Zuletzt abgerufen: %1.</translation>
    </message>
    <message>
        <source>Nothing fetched yet.</source>
        <translation>Noch nichts abgerufen.</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>Der Server meldete: %1</translation>
    </message>
</context>
<context>
    <name>MailboxText</name>
    <message>
        <source>Cannot find the %1 server %2. Check the server name.</source>
        <translation>Der %1-Server %2 wurde nicht gefunden. Prüfen Sie den Servernamen.</translation>
    </message>
    <message>
        <source>Cannot reach the %1 server %2 on port %3. Check the port and your internet connection.</source>
        <translation>Der %1-Server %2 ist auf Port %3 nicht erreichbar. Prüfen Sie den Port und Ihre Internetverbindung.</translation>
    </message>
    <message>
        <source>The secure connection to the %1 server %2 on port %3 failed. Check the port and the security setting (IMAP: SSL/TLS on 993; SMTP: SSL/TLS on 465 or STARTTLS on 587).</source>
        <translation>Die sichere Verbindung zum %1-Server %2 auf Port %3 ist fehlgeschlagen. Prüfen Sie den Port und die Sicherheitseinstellung (IMAP: SSL/TLS auf 993; SMTP: SSL/TLS auf 465 oder STARTTLS auf 587).</translation>
    </message>
    <message>
        <source>The %1 server %2 refused the sign-in. Check the address and password. Gmail, iCloud, Yahoo and others need an app password when two-step verification is on.</source>
        <translation>Der %1-Server %2 hat die Anmeldung abgelehnt. Prüfen Sie Adresse und Passwort. Gmail, iCloud, Yahoo und andere verlangen ein App-Passwort, wenn die Bestätigung in zwei Schritten aktiv ist.</translation>
    </message>
    <message>
        <source>The IMAP server %2 does not offer IDLE, so buyer messages would not arrive within seconds. Use a mail provider that supports IMAP IDLE.</source>
        <translation type="vanished">Der IMAP-Server %2 bietet kein IDLE an, daher kämen Käufernachrichten nicht innerhalb von Sekunden an. Verwenden Sie einen Mail-Anbieter, der IMAP IDLE unterstützt.</translation>
    </message>
    <message>
        <source>The %1 server %2 is busy. Try again in a few minutes.</source>
        <translation>Der %1-Server %2 ist ausgelastet. Versuchen Sie es in ein paar Minuten erneut.</translation>
    </message>
    <message>
        <source>The %1 server %2 on port %3 answered unexpectedly.</source>
        <translation>Der %1-Server %2 auf Port %3 hat unerwartet geantwortet.</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>Der Server meldete: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>About</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>Seller Inbox</source>
        <translation>Seller Inbox</translation>
    </message>
    <message>
        <source>Search messages and order numbers  (Ctrl+F)</source>
        <translation type="vanished">Nachrichten und Bestellnummern durchsuchen  (Strg+F)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Search messages and order numbers  (%1)</source>
        <translation type="vanished">Nachrichten und Bestellnummern durchsuchen  (%1)</translation>
    </message>
    <message>
        <source>Search messages, notes and order numbers  (%1)</source>
        <translation>Nachrichten, Notizen und Bestellnummern durchsuchen  (%1)</translation>
    </message>
    <message>
        <source>Next conversation</source>
        <translation type="vanished">Nächste Unterhaltung</translation>
    </message>
    <message>
        <source>Previous conversation</source>
        <translation type="vanished">Vorherige Unterhaltung</translation>
    </message>
    <message>
        <source>Next needing a response</source>
        <translation>Nächste, die eine Antwort braucht</translation>
    </message>
    <message>
        <source>Previous needing a response</source>
        <translation>Vorherige, die eine Antwort braucht</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Mark read/unread</source>
        <translation>Als gelesen/ungelesen markieren</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Markieren</translation>
    </message>
    <message>
        <source>No response needed</source>
        <translation>Keine Antwort nötig</translation>
    </message>
    <message>
        <source>New message to buyer</source>
        <translation>Neue Nachricht an Käufer</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Response metrics</source>
        <translation>Antwortstatistik</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>The open conversation is not in this list.</source>
        <translation>Die geöffnete Unterhaltung ist nicht in dieser Liste.</translation>
    </message>
    <message>
        <source>Undo send</source>
        <translation>Senden rückgängig</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation type="vanished">Tastenkürzel (F1)</translation>
    </message>
    <message>
        <source>Opening the inbox…</source>
        <translation>Posteingang wird geöffnet…</translation>
    </message>
    <message>
        <source>No conversations here</source>
        <translation>Keine Unterhaltungen</translation>
    </message>
    <message>
        <source>Select a conversation to read or answer it.</source>
        <translation>Wählen Sie eine Unterhaltung, um sie zu lesen oder zu beantworten.</translation>
    </message>
    <message>
        <source>No more conversations need a response below.</source>
        <translation>Weiter unten braucht keine Unterhaltung mehr eine Antwort.</translation>
    </message>
    <message>
        <source>No more conversations need a response above.</source>
        <translation>Weiter oben braucht keine Unterhaltung mehr eine Antwort.</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n Unterhaltung</numerusform>
            <numerusform>%n Unterhaltungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MarketplaceChips</name>
    <message>
        <source>%1: messaging on</source>
        <translation>%1: Nachrichten aktiviert</translation>
    </message>
    <message>
        <source>%1: messaging on; vacation from %2</source>
        <translation>%1: Nachrichten aktiviert; Urlaub ab %2</translation>
    </message>
    <message>
        <source>✕ %1 vacation</source>
        <translation>✕ %1 Urlaub</translation>
    </message>
    <message>
        <source>%1: on vacation until %2. New buyers cannot write; earlier buyers still can.</source>
        <translation>%1: Urlaub bis %2. Neue Käufer können nicht schreiben; bisherige Käufer weiterhin.</translation>
    </message>
    <message>
        <source>further notice</source>
        <translation>auf Weiteres</translation>
    </message>
    <message>
        <source>✕ %1 off</source>
        <translation>✕ %1 aus</translation>
    </message>
    <message>
        <source>%1: messaging off. New buyers cannot write; earlier buyers still can.</source>
        <translation>%1: Nachrichten deaktiviert. Neue Käufer können nicht schreiben; bisherige Käufer weiterhin.</translation>
    </message>
</context>
<context>
    <name>MarketplaceRow</name>
    <message>
        <source>Messaging on</source>
        <translation>Nachrichten aktiviert</translation>
    </message>
    <message>
        <source>Vacation</source>
        <translation>Urlaub</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>until</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Messaging is on: any buyer can write to you.</source>
        <translation>Nachrichten sind aktiviert: Jeder Käufer kann Ihnen schreiben.</translation>
    </message>
    <message>
        <source>Messaging is OFF. </source>
        <translation>Nachrichten sind AUS. </translation>
    </message>
    <message>
        <source>On vacation until %1. </source>
        <translation>Im Urlaub bis %1. </translation>
    </message>
    <message>
        <source>Vacation scheduled from %1. </source>
        <translation>Urlaub geplant ab %1. </translation>
    </message>
    <message>
        <source>The vacation must end after it starts.</source>
        <translation>Der Urlaub muss nach seinem Beginn enden.</translation>
    </message>
    <message>
        <source>While messaging is off, new buyers cannot write to you; buyers who wrote before still can.</source>
        <translation>Solange Nachrichten deaktiviert sind, können neue Käufer Ihnen nicht schreiben; Käufer, die schon geschrieben haben, weiterhin.</translation>
    </message>
</context>
<context>
    <name>MarketplaceSwitchesNote</name>
    <message>
        <source>Your buyer messages come through your own mailbox. Turning messaging off and vacations are Amazon&apos;s switches, which Amazon does not offer by e-mail: set them in Seller Central (Settings › Account Info › Going on a vacation). Seller Inbox keeps receiving whatever Amazon delivers.</source>
        <translation>Ihre Käufernachrichten kommen über Ihr eigenes Postfach. Nachrichten ausschalten und Urlaub sind Schalter von Amazon, die Amazon nicht per E-Mail anbietet: Stellen Sie sie in Seller Central ein (Settings › Account Info › Going on a vacation). Seller Inbox empfängt weiterhin alles, was Amazon zustellt.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>All conversations</source>
        <translation>Alle Unterhaltungen</translation>
    </message>
    <message>
        <source>Needs response</source>
        <translation>Antwort nötig</translation>
    </message>
    <message>
        <source>Waiting on buyer</source>
        <translation>Wartet auf Käufer</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Flagged only</source>
        <translation>Nur markierte</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>&amp;Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
</context>
<context>
    <name>MetricsDialog</name>
    <message>
        <source>Response metrics</source>
        <translation>Antwortstatistik</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Each buyer message should be answered within 24 hours, weekends included. “No response needed” takes a message out of these figures. The red line is 4 %.</source>
        <translation>Jede Käufernachricht sollte innerhalb von 24 Stunden beantwortet werden, auch am Wochenende. „Keine Antwort nötig“ nimmt eine Nachricht aus dieser Statistik. Die rote Linie liegt bei 4 %.</translation>
    </message>
</context>
<context>
    <name>MetricsModel</name>
    <message>
        <source>Marketplace</source>
        <translation>Marktplatz</translation>
    </message>
    <message>
        <source>Late responses</source>
        <translation>Verspätete Antworten</translation>
    </message>
    <message>
        <source>Average response</source>
        <translation>Mittlere Antwortzeit</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Verspätet</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Offen</translation>
    </message>
</context>
<context>
    <name>NewMessageWindow</name>
    <message>
        <source>New message to %1</source>
        <translation>Neue Nachricht an %1</translation>
    </message>
    <message>
        <source>To %1 · %2 · order %3</source>
        <translation type="vanished">An %1 · %2 · Bestellung %3</translation>
    </message>
    <message>
        <source>To %1 &lt;%2&gt; · %3 · order %4</source>
        <translation>An %1 &lt;%2&gt; · %3 · Bestellung %4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>This buyer opted out of unsolicited messages: only critical messages (shipping problem, customization, delivery scheduling) reach them.</source>
        <translation>Dieser Käufer hat sich von unaufgeforderten Nachrichten abgemeldet: Nur kritische Nachrichten (Versandproblem, Personalisierung, Lieferterminvereinbarung) kommen an.</translation>
    </message>
</context>
<context>
    <name>NoteCard</name>
    <message>
        <source>A teammate</source>
        <translation>Ein Teammitglied</translation>
    </message>
    <message>
        <source>Internal note · %1 · %2</source>
        <translation>Interne Notiz · %1 · %2</translation>
    </message>
    <message>
        <source>not shared: the relay refused it (%1)</source>
        <translation>nicht geteilt: das Relay hat sie abgelehnt (%1)</translation>
    </message>
    <message>
        <source>waiting for the connection</source>
        <translation>wartet auf die Verbindung</translation>
    </message>
    <message>
        <source>Edit note…</source>
        <translation>Notiz bearbeiten…</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Notiz löschen</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>No internal notes. Notes are never sent to the buyer.</source>
        <translation>Keine internen Notizen. Notizen werden nie an den Käufer gesendet.</translation>
    </message>
    <message>
        <source>Add an internal note for your team…</source>
        <translation>Interne Notiz für Ihr Team hinzufügen…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Notiz speichern</translation>
    </message>
    <message>
        <source>A note holds at most 20,000 characters.</source>
        <translation>Eine Notiz fasst höchstens 20.000 Zeichen.</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Nothing waiting: every message has reached the relay.</source>
        <translation>Nichts ausstehend: Alle Nachrichten haben das Relay erreicht.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Back to drafts</source>
        <translation>Zurück zu Entwürfen</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Aktion erforderlich</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Rückgängig gemacht</translation>
    </message>
    <message>
        <source>Will retry: %1</source>
        <translation>Neuer Versuch folgt: %1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marktplatz</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>Policy</name>
    <message>
        <source>Links to other websites are not allowed (&apos;%1&apos;).</source>
        <translation>Links zu anderen Websites sind nicht erlaubt („%1“).</translation>
    </message>
    <message>
        <source>A spelled-out web address (&apos;%1&apos;) still counts as a link.</source>
        <translation>Eine ausgeschriebene Webadresse („%1“) gilt trotzdem als Link.</translation>
    </message>
    <message>
        <source>Shortened links are not allowed: the buyer cannot see where they lead.</source>
        <translation>Gekürzte Links sind nicht erlaubt: Der Käufer kann nicht sehen, wohin sie führen.</translation>
    </message>
    <message>
        <source>E-mail addresses are not allowed; the buyer can reply through the marketplace.</source>
        <translation>E-Mail-Adressen sind nicht erlaubt; der Käufer kann über den Marktplatz antworten.</translation>
    </message>
    <message>
        <source>This looks like a phone number. Share one only if the buyer needs it (e.g. a carrier or warranty line).</source>
        <translation>Das sieht nach einer Telefonnummer aus. Geben Sie eine nur an, wenn der Käufer sie braucht (z. B. die des Paketdienstes oder der Garantie-Hotline).</translation>
    </message>
    <message>
        <source>Moving the buyer off the marketplace is not allowed (&apos;%1&apos;).</source>
        <translation>Den Käufer vom Marktplatz wegzulotsen ist nicht erlaubt („%1“).</translation>
    </message>
    <message>
        <source>Promotions, coupons and discounts are not allowed in buyer messages (&apos;%1&apos;).</source>
        <translation>Werbeaktionen, Gutscheine und Rabatte sind in Nachrichten an Käufer nicht erlaubt („%1“).</translation>
    </message>
    <message>
        <source>This may read as a promotion (&apos;%1&apos;); keep the message about the order.</source>
        <translation>Das kann wie Werbung wirken („%1“); bleiben Sie beim Thema Bestellung.</translation>
    </message>
    <message>
        <source>Promoting other products or shops is not allowed (&apos;%1&apos;).</source>
        <translation>Werbung für andere Produkte oder Shops ist nicht erlaubt („%1“).</translation>
    </message>
    <message>
        <source>An image that links to a website (a logo link) is not allowed.</source>
        <translation>Ein Bild, das auf eine Website verlinkt (ein Logo-Link), ist nicht erlaubt.</translation>
    </message>
    <message>
        <source>Hidden or 1×1 images (tracking pixels) are not allowed.</source>
        <translation>Versteckte oder 1×1-Bilder (Tracking-Pixel) sind nicht erlaubt.</translation>
    </message>
    <message>
        <source>Remote images can track the buyer; attach the image file instead.</source>
        <translation>Externe Bilder können den Käufer verfolgen; hängen Sie stattdessen die Bilddatei an.</translation>
    </message>
    <message>
        <source>A review request must not offer anything in return or ask for a good rating (&apos;%1&apos;).</source>
        <translation type="vanished">Eine Bewertungsanfrage darf keine Gegenleistung anbieten und nicht um eine gute Bewertung bitten („%1“).</translation>
    </message>
    <message>
        <source>Asking the buyer to change or remove a review is not allowed (&apos;%1&apos;).</source>
        <translation>Den Käufer zu bitten, eine Bewertung zu ändern oder zu löschen, ist nicht erlaubt („%1“).</translation>
    </message>
    <message>
        <source>Opt-out links or instructions are not allowed; the marketplace handles opt-outs (&apos;%1&apos;).</source>
        <translation>Abmeldelinks oder -anleitungen sind nicht erlaubt; der Marktplatz kümmert sich um Abmeldungen („%1“).</translation>
    </message>
    <message>
        <source>The buyer opted out of messages, so %1 will bounce. Only shipping problems, customization and delivery scheduling still reach them.</source>
        <translation>Der Käufer hat sich von Nachrichten abgemeldet, daher wird %1 zurückgewiesen. Nur Versandprobleme, Personalisierung und Lieferterminvereinbarung kommen noch an.</translation>
    </message>
    <message>
        <source>The buyer opted out: start the subject with %1 and ask only for what is needed to complete the order.</source>
        <translation>Der Käufer ist abgemeldet: Beginnen Sie den Betreff mit %1 und fragen Sie nur nach dem, was für die Bestellung nötig ist.</translation>
    </message>
    <message>
        <source>Use [Important] only for shipping problems, customization or delivery scheduling.</source>
        <translation>Verwenden Sie [Important] nur für Versandprobleme, Personalisierung oder Lieferterminvereinbarung.</translation>
    </message>
    <message>
        <source>Attachments total %1; the limit is %2 per message.</source>
        <translation>Die Anhänge sind zusammen %1 groß; erlaubt sind %2 pro Nachricht.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is %2 by its content; only PDF, Word, image and text files may be attached.</source>
        <translation>„%1“ ist dem Inhalt nach %2; nur PDF-, Word-, Bild- und Textdateien dürfen angehängt werden.</translation>
    </message>
    <message>
        <source>Cannot read the attachment (%1: %2); remove it or pick the file again.</source>
        <translation>Der Anhang kann nicht gelesen werden (%1: %2); entfernen Sie ihn oder wählen Sie die Datei erneut.</translation>
    </message>
    <message>
        <source>This message only thanks the buyer or offers help. Messages need a reason related to the order.</source>
        <translation type="vanished">Diese Nachricht dankt dem Käufer nur oder bietet Hilfe an. Nachrichten brauchen einen Anlass, der die Bestellung betrifft.</translation>
    </message>
    <message>
        <source>A review request must not offer anything in return (&apos;%1&apos;): remove the offer; you may ask for an honest review.</source>
        <translation>Eine Bitte um eine Bewertung darf nichts im Gegenzug anbieten (&apos;%1&apos;): Entfernen Sie das Angebot; Sie dürfen um eine ehrliche Bewertung bitten.</translation>
    </message>
    <message>
        <source>A review request must not ask for a good rating or only satisfied buyers (&apos;%1&apos;): ask every buyer for an honest review.</source>
        <translation>Eine Bitte um eine Bewertung darf keine gute Bewertung verlangen und sich nicht nur an zufriedene Käufer richten (&apos;%1&apos;): Bitten Sie jeden Käufer um eine ehrliche Bewertung.</translation>
    </message>
    <message>
        <source>This message only thanks the buyer or offers help, which the marketplace calls unnecessary. Send it only with something about the order (shipping, a question, a fix).</source>
        <translation>Diese Nachricht dankt nur oder bietet Hilfe an, was der Marktplatz als unnötig ansieht. Senden Sie sie nur mit etwas zur Bestellung (Versand, eine Frage, eine Lösung).</translation>
    </message>
    <message>
        <source>This reads as %1, but the buyer&apos;s language is %2.</source>
        <translation>Der Text ist anscheinend auf %1, die Sprache des Käufers ist aber %2.</translation>
    </message>
    <message>
        <source>an out-of-stock notice</source>
        <translation>eine Meldung „nicht vorrätig“</translation>
    </message>
    <message>
        <source>a shipping confirmation</source>
        <translation>eine Versandbestätigung</translation>
    </message>
    <message>
        <source>a product manual</source>
        <translation>ein Produkthandbuch</translation>
    </message>
    <message>
        <source>a review request</source>
        <translation>eine Bewertungsanfrage</translation>
    </message>
    <message>
        <source>this message</source>
        <translation>diese Nachricht</translation>
    </message>
    <message>
        <source>a PDF</source>
        <translation>eine PDF-Datei</translation>
    </message>
    <message>
        <source>a Word document</source>
        <translation>ein Word-Dokument</translation>
    </message>
    <message>
        <source>an image</source>
        <translation>ein Bild</translation>
    </message>
    <message>
        <source>a text file</source>
        <translation>eine Textdatei</translation>
    </message>
    <message>
        <source>a zip archive</source>
        <translation>ein ZIP-Archiv</translation>
    </message>
    <message>
        <source>a Windows program</source>
        <translation>ein Windows-Programm</translation>
    </message>
    <message>
        <source>a Linux program</source>
        <translation>ein Linux-Programm</translation>
    </message>
    <message>
        <source>an unknown type</source>
        <translation>ein unbekannter Dateityp</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>Schwedisch</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Spanisch</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Französisch</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italienisch</translation>
    </message>
    <message>
        <source>This file is %1, not a PDF.</source>
        <translation>Diese Datei ist %1, keine PDF-Datei.</translation>
    </message>
    <message>
        <source>This file is %1, not a Word document.</source>
        <translation>Diese Datei ist %1, kein Word-Dokument.</translation>
    </message>
    <message>
        <source>This file is %1, not an image.</source>
        <translation>Diese Datei ist %1, kein Bild.</translation>
    </message>
    <message>
        <source>This file is %1, not a text file.</source>
        <translation>Diese Datei ist %1, keine Textdatei.</translation>
    </message>
    <message>
        <source>%1 (%2) is larger than the %3 limit of %4.</source>
        <translation>%1 (%2) ist größer als das Limit von %3 bei %4.</translation>
    </message>
    <message>
        <source>this marketplace</source>
        <translation>diesem Marktplatz</translation>
    </message>
    <message>
        <source>This file is %1; you can attach PDF, Word, image and text files.</source>
        <translation>Diese Datei ist %1; anhängen können Sie PDF-, Word-, Bild- und Textdateien.</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2).</source>
        <translation>%1 kann nicht gelesen werden (%2).</translation>
    </message>
</context>
<context>
    <name>PolicyPanel</name>
    <message>
        <source>✓ Within the marketplace&apos;s rules</source>
        <translation>✓ Entspricht den Regeln des Marktplatzes</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) block sending</source>
        <translation>
            <numerusform>%n Problem verhindert das Senden</numerusform>
            <numerusform>%n Probleme verhindern das Senden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Relay</name>
    <message>
        <source>Your message was not delivered: this buyer has opted out of unsolicited messages. Replies in a conversation the buyer started, critical messages marked [Important], and messages about handmade, custom or wine orders still reach them.</source>
        <translation>Ihre Nachricht wurde nicht zugestellt: Dieser Käufer hat sich von unaufgeforderten Nachrichten abgemeldet. Antworten in einer Unterhaltung, die der Käufer begonnen hat, kritische Nachrichten mit [Important] und Nachrichten zu handgefertigten, individuellen oder Wein-Bestellungen erreichen ihn weiterhin.</translation>
    </message>
    <message>
        <source>The marketplace did not deliver your reply%1. The buyer may have opted out of messages; replies in a conversation the buyer started and critical messages marked [Important] still reach them.</source>
        <translation>Der Marktplatz hat Ihre Antwort nicht zugestellt%1. Der Käufer hat sich vielleicht von Nachrichten abgemeldet; Antworten in einer Unterhaltung, die der Käufer begonnen hat, und kritische Nachrichten mit [Important] erreichen ihn weiterhin.</translation>
    </message>
    <message>
        <source>Your mail server could not deliver your reply%1. If it says the sender is not allowed, add your address under Messaging Permissions in Seller Central.</source>
        <translation>Ihr Mailserver konnte Ihre Antwort nicht zustellen%1. Wenn er sagt, dass der Absender nicht erlaubt ist, fügen Sie Ihre Adresse in Seller Central unter „Messaging Permissions“ hinzu.</translation>
    </message>
    <message>
        <source>Your mail server refused your reply%1. If it says the sender is not allowed, check the address you send from.</source>
        <translation>Ihr Mailserver hat Ihre Antwort abgelehnt%1. Wenn er sagt, dass der Absender nicht erlaubt ist, prüfen Sie die Adresse, von der Sie senden.</translation>
    </message>
    <message>
        <source>This reply could not be written as a mail%1, so it was not sent. Copy its text into your mail program.</source>
        <translation>Die Antwort konnte nicht als Mail geschrieben werden%1 und wurde daher nicht gesendet. Kopieren Sie ihren Text in Ihr Mailprogramm.</translation>
    </message>
    <message>
        <source>Your mail server reports a delay%1 and keeps trying to deliver your reply. Nothing to do yet; a later report will say if it fails.</source>
        <translation>Ihr Mailserver meldet eine Verzögerung%1 und versucht weiter, Ihre Antwort zuzustellen. Noch ist nichts zu tun; ein späterer Bericht sagt, ob es fehlschlägt.</translation>
    </message>
    <message>
        <source>The connection to your mail server broke while this reply was being handed over, and no copy is in your Sent folder: check your mail program before sending it again.</source>
        <translation>Die Verbindung zu Ihrem Mailserver brach ab, während diese Antwort übergeben wurde, und im Ordner „Gesendet“ liegt keine Kopie: Prüfen Sie Ihr E-Mail-Programm, bevor Sie sie erneut senden.</translation>
    </message>
    <message>
        <source>This mail claims to come from the marketplace, but your mail server&apos;s sender checks (SPF/DKIM/DMARC) failed: it may be forged. Do not open its links or attachments, and check the conversation in Seller Central before you answer.</source>
        <translation>Diese E-Mail gibt vor, vom Marktplatz zu kommen, aber die Absenderprüfungen Ihres Mailservers (SPF/DKIM/DMARC) sind fehlgeschlagen: Sie könnte gefälscht sein. Öffnen Sie weder ihre Links noch ihre Anhänge, und prüfen Sie die Unterhaltung in Seller Central, bevor Sie antworten.</translation>
    </message>
    <message>
        <source>This mail was too large to import whole (over 25 MB): its text is shown as far as it was read, its attachments were not imported. Open it in your mail program.</source>
        <translation>Diese E-Mail war zu groß, um sie vollständig zu importieren (über 25 MB): Der Text wird gezeigt, so weit er gelesen wurde; die Anhänge wurden nicht importiert. Öffnen Sie sie in Ihrem E-Mail-Programm.</translation>
    </message>
    <message>
        <source>The relay removed attachments that do not comply with the marketplace&apos;s rules:</source>
        <translation>Das Relay hat Anhänge entfernt, die nicht den Regeln des Marktplatzes entsprechen:</translation>
    </message>
    <message>
        <source>- %1: file type %2 is not allowed</source>
        <translation>- %1: Dateityp %2 ist nicht erlaubt</translation>
    </message>
    <message>
        <source>- %1: over the %2 limit per message</source>
        <translation>- %1: über der Grenze von %2 pro Nachricht</translation>
    </message>
    <message>
        <source>The marketplace&apos;s rules refused it. Open the draft, change what the rules check marks, and send it again.</source>
        <translation>Die Regeln des Marktplatzes haben sie abgelehnt. Öffnen Sie den Entwurf, ändern Sie, was die Regelprüfung markiert, und senden Sie ihn erneut.</translation>
    </message>
    <message>
        <source>This buyer has opted out: a critical message needs [Important] in its subject.</source>
        <translation>Dieser Käufer hat sich abgemeldet: Eine kritische Nachricht braucht [Important] im Betreff.</translation>
    </message>
    <message>
        <source>Not sent: this buyer has opted out of unsolicited messages.</source>
        <translation>Nicht gesendet: Dieser Käufer hat sich von unaufgeforderten Nachrichten abgemeldet.</translation>
    </message>
    <message>
        <source>The relay refused an attachment (its type or size).</source>
        <translation>Das Relay hat einen Anhang abgelehnt (Typ oder Größe).</translation>
    </message>
    <message>
        <source>An attachment is no longer on the relay: attach it again.</source>
        <translation>Ein Anhang ist nicht mehr auf dem Relay: Hängen Sie ihn erneut an.</translation>
    </message>
    <message>
        <source>The conversation is no longer on the relay.</source>
        <translation>Die Unterhaltung ist nicht mehr auf dem Relay.</translation>
    </message>
    <message>
        <source>The conversation has not reached the relay yet: sync, then retry.</source>
        <translation>Die Unterhaltung ist noch nicht auf dem Relay: Synchronisieren Sie, dann versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The relay does not allow this account to send it.</source>
        <translation>Das Relay erlaubt diesem Konto nicht, sie zu senden.</translation>
    </message>
    <message>
        <source>The relay could not accept this message as it is.</source>
        <translation>Das Relay konnte diese Nachricht so nicht annehmen.</translation>
    </message>
    <message>
        <source>The message is too large for the relay.</source>
        <translation>Die Nachricht ist zu groß für das Relay.</translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <source>Saved views</source>
        <translation>Gespeicherte Ansichten</translation>
    </message>
    <message>
        <source>Saved view %1</source>
        <translation>Gespeicherte Ansicht %1</translation>
    </message>
    <message>
        <source>Save this view…</source>
        <translation>Diese Ansicht speichern…</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>Save this view</source>
        <translation>Diese Ansicht speichern</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>Name der Ansicht:</translation>
    </message>
    <message>
        <source>Delete a saved view</source>
        <translation>Eine gespeicherte Ansicht löschen</translation>
    </message>
</context>
<context>
    <name>SellerDayPart</name>
    <message>
        <source>The buyer only says thanks.</source>
        <translation>Der Käufer bedankt sich nur.</translation>
    </message>
    <message>
        <source>No response needed</source>
        <translation>Keine Antwort nötig</translation>
    </message>
    <message>
        <source>Internal notes</source>
        <translation>Interne Notizen</translation>
    </message>
    <message>
        <source>Insert template</source>
        <translation>Vorlage einfügen</translation>
    </message>
    <message>
        <source>Templates…</source>
        <translation>Vorlagen…</translation>
    </message>
    <message>
        <source>Snooze…</source>
        <translation>Zurückstellen…</translation>
    </message>
    <message>
        <source>Remind me if no reply…</source>
        <translation>Erinnern, falls keine Antwort kommt…</translation>
    </message>
    <message>
        <source>End snooze</source>
        <translation>Zurückstellung beenden</translation>
    </message>
    <message>
        <source>Add internal note</source>
        <translation>Interne Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Not connected to the relay: notes and templates are saved through it.</source>
        <translation type="vanished">Keine Verbindung zum Relay: Notizen und Vorlagen werden über das Relay gespeichert.</translation>
    </message>
    <message>
        <source>Snoozed until the buyer replies</source>
        <translation>Zurückgestellt, bis der Käufer antwortet</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>Zurückgestellt bis %1</translation>
    </message>
    <message>
        <source>A template with this name exists already.</source>
        <translation>Es gibt bereits eine Vorlage mit diesem Namen.</translation>
    </message>
    <message>
        <source>The relay refused the template: %1</source>
        <translation>Das Relay hat die Vorlage abgelehnt: %1</translation>
    </message>
    <message>
        <source>Saved, but the rules check flagged it: see below.</source>
        <translation>Gespeichert, aber die Regelprüfung hat sie markiert: siehe unten.</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
    <message>
        <source>Templates exported.</source>
        <translation>Vorlagen exportiert.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Starting the demo relay…</source>
        <translation>Demo-Relay wird gestartet…</translation>
    </message>
    <message>
        <source>Many matches: showing the newest. Add a word to narrow it.</source>
        <translation type="vanished">Viele Treffer: Die neuesten werden angezeigt. Ein weiteres Wort grenzt die Suche ein.</translation>
    </message>
    <message>
        <source>Demo: the token is kept in the demo folder.</source>
        <translation>Demo: Das Token liegt im Demo-Ordner.</translation>
    </message>
    <message>
        <source>Your token will be kept in your system keyring (%1).</source>
        <translation>Ihr Token wird im Schlüsselbund des Systems gespeichert (%1).</translation>
    </message>
    <message>
        <source>No secure keyring on this computer (%1): the token is kept for this session only, and you sign in again next time.</source>
        <translation>Kein sicherer Schlüsselbund auf diesem Computer (%1): Das Token gilt nur für diese Sitzung, beim nächsten Mal melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The relay refused this token. Check it and try again.</source>
        <translation>Das Relay hat dieses Token abgelehnt. Prüfen Sie es und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Not sent: this draft is not the open conversation&apos;s.</source>
        <translation>Nicht gesendet: Dieser Entwurf gehört nicht zur geöffneten Unterhaltung.</translation>
    </message>
    <message>
        <source>Too late to undo: already sending</source>
        <translation>Zu spät zum Rückgängigmachen: wird bereits gesendet</translation>
    </message>
    <message>
        <source>Back in your drafts</source>
        <translation>Wieder in Ihren Entwürfen</translation>
    </message>
    <message>
        <source>Sent ✓</source>
        <translation>Gesendet ✓</translation>
    </message>
    <message>
        <source>Not sent: %1 (see the outbox)</source>
        <translation>Nicht gesendet: %1 (siehe Postausgang)</translation>
    </message>
    <message>
        <source>Attachments need a relay account: sign in first.</source>
        <translation>Anhänge brauchen ein Relay-Konto: Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>Not attached: %1</source>
        <translation>Nicht angehängt: %1</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Etwas ist schiefgelaufen: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Messaging</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Relay account</source>
        <translation>Relay-Konto</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Signaturen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Turn messaging off per marketplace, now or as a scheduled vacation. Changes apply at once and reach the relay on the next sync.</source>
        <translation>Nachrichten pro Marktplatz deaktivieren, sofort oder als geplanter Urlaub. Änderungen gelten sofort und erreichen das Relay bei der nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>Paste the token from your marketplace account</source>
        <translation>Token aus Ihrem Marktplatz-Konto einfügen</translation>
    </message>
    <message>
        <source>Checking the keyring…</source>
        <translation>Schlüsselbund wird geprüft…</translation>
    </message>
    <message>
        <source>Saved in your system keyring (%1)</source>
        <translation>Im Schlüsselbund des Systems gespeichert (%1)</translation>
    </message>
    <message>
        <source>Session-only: no secure keyring (%1). You sign in again each time you start.</source>
        <translation>Nur für diese Sitzung: kein sicherer Schlüsselbund (%1). Sie melden sich bei jedem Start neu an.</translation>
    </message>
    <message>
        <source>Save and connect</source>
        <translation>Speichern und verbinden</translation>
    </message>
    <message>
        <source>Demo: a relay running inside this app on your computer. Its token is kept in the demo folder, never in your keyring.</source>
        <translation>Demo: ein Relay, das in dieser App auf Ihrem Computer läuft. Sein Token liegt im Demo-Ordner, nie in Ihrem Schlüsselbund.</translation>
    </message>
    <message>
        <source>Your mailbox: a relay running inside this app on your computer reads and answers your mail, and signs this window in by itself (no token to enter). To work from your team&apos;s relay instead, start Seller Inbox with a new profile (--profile FOLDER).</source>
        <translation>Ihr Postfach: Ein Relay, das in dieser App auf Ihrem Computer läuft, liest und beantwortet Ihre E-Mails und meldet dieses Fenster selbst an (kein Token nötig). Um stattdessen mit dem Relay Ihres Teams zu arbeiten, starten Sie Seller Inbox mit einem neuen Profil (--profile ORDNER).</translation>
    </message>
    <message>
        <source>No token: this app signs in to its own relay.</source>
        <translation>Kein Token: Diese App meldet sich bei ihrem eigenen Relay an.</translation>
    </message>
    <message>
        <source>Relay URL</source>
        <translation>Relay-URL</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Where the token lives</source>
        <translation>Speicherort des Tokens</translation>
    </message>
    <message>
        <source>Enter the relay URL and your token.</source>
        <translation>Geben Sie die Relay-URL und Ihr Token ein.</translation>
    </message>
    <message>
        <source>Checking the token with the relay…</source>
        <translation>Token wird beim Relay geprüft…</translation>
    </message>
    <message>
        <source>The relay refused this token.</source>
        <translation>Das Relay hat dieses Token abgelehnt.</translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Saved in the keyring. Connecting…</source>
        <translation>Im Schlüsselbund gespeichert. Verbinde…</translation>
    </message>
    <message>
        <source>Kept for this session only. Connecting…</source>
        <translation>Nur für diese Sitzung gespeichert. Verbinde…</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Notify me when a buyer writes</source>
        <translation>Benachrichtigen, wenn ein Käufer schreibt</translation>
    </message>
    <message>
        <source>Undo window after Send</source>
        <translation>Rückgängig möglich für</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Takes effect the next time Seller Inbox starts.</source>
        <translation>Wirkt ab dem nächsten Start von Seller Inbox.</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>  or  </source>
        <translation>  oder  </translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>SignInBar</name>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Signed out.&lt;/b&gt; The relay refused your token (it was revoked or has expired). Sign in again to keep your inbox in step; until then you can read and write drafts offline.</source>
        <translation>&lt;b&gt;Abgemeldet.&lt;/b&gt; Das Relay hat Ihr Token abgelehnt (es wurde widerrufen oder ist abgelaufen). Melden Sie sich erneut an, damit Ihr Posteingang aktuell bleibt; bis dahin können Sie offline lesen und Entwürfe schreiben.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not connected to a relay.&lt;/b&gt; Sign in with your relay address and token to receive buyer messages and send replies.</source>
        <translation>&lt;b&gt;Nicht mit einem Relay verbunden.&lt;/b&gt; Melden Sie sich mit Relay-Adresse und Token an, um Käufernachrichten zu empfangen und Antworten zu senden.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to your relay</source>
        <translation>Beim Relay anmelden</translation>
    </message>
    <message>
        <source>Paste the token from your marketplace account&apos;s relay page. The token stays on this computer: in your system keyring, or only for this session when no secure keyring is available.</source>
        <translation>Fügen Sie das Token von der Relay-Seite Ihres Marktplatz-Kontos ein. Das Token bleibt auf diesem Computer: im Schlüsselbund des Systems oder, ohne sicheren Schlüsselbund, nur für diese Sitzung.</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Relay URL</source>
        <translation>Relay-URL</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Enter the relay address, starting with https://</source>
        <translation>Geben Sie die Relay-Adresse ein, beginnend mit https://</translation>
    </message>
    <message>
        <source>Paste your token.</source>
        <translation>Fügen Sie Ihr Token ein.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
</context>
<context>
    <name>SignaturesTab</name>
    <message>
        <source>Added under every reply on that marketplace, below a “-- ” line. Write one for all buyers, and one per language where you want: a buyer gets the one in their language, else the one for all. The rules check reads it with your reply.</source>
        <translation>Wird unter jede Antwort auf diesem Marktplatz gesetzt, unter eine Zeile „-- “. Schreiben Sie eine für alle Käufer und, wo Sie möchten, eine pro Sprache: Ein Käufer erhält die in seiner Sprache, sonst die für alle. Die Regelprüfung liest sie mit Ihrer Antwort.</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>Alle Sprachen</translation>
    </message>
    <message>
        <source>e.g. Kind regards, Anna – Nordic Mugs</source>
        <translation>z. B. Viele Grüße, Anna – Nordic Mugs</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marktplatz</translation>
    </message>
    <message>
        <source>Buyer&apos;s language</source>
        <translation>Sprache des Käufers</translation>
    </message>
    <message>
        <source>Buyers in this language get the one for all languages.</source>
        <translation>Käufer in dieser Sprache erhalten die für alle Sprachen.</translation>
    </message>
    <message>
        <source>No signature for these buyers.</source>
        <translation>Keine Signatur für diese Käufer.</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Remind me if there is no reply</source>
        <translation>Erinnern, falls keine Antwort kommt</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>Zurückstellen bis</translation>
    </message>
    <message>
        <source>Why (optional): shown when it comes back</source>
        <translation>Warum (optional): wird angezeigt, wenn sie zurückkommt</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>The marketplace&apos;s 24-hour clock keeps running: the answer is due %1, before this snooze ends.</source>
        <translation>Die 24-Stunden-Uhr des Marktplatzes läuft weiter: Die Antwort ist %1 fällig, bevor diese Zurückstellung endet.</translation>
    </message>
</context>
<context>
    <name>SnoozeMenu</name>
    <message>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <source>Later today</source>
        <translation>Später heute</translation>
    </message>
    <message>
        <source>Tomorrow morning</source>
        <translation>Morgen früh</translation>
    </message>
    <message>
        <source>Monday morning</source>
        <translation>Montag früh</translation>
    </message>
    <message>
        <source>Until the buyer replies</source>
        <translation>Bis der Käufer antwortet</translation>
    </message>
    <message>
        <source>Pick a date…</source>
        <translation>Datum wählen…</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <source>Find a template…</source>
        <translation>Vorlage suchen…</translation>
    </message>
    <message>
        <source>%1 (no %2 text)</source>
        <translation>%1 (kein Text auf %2)</translation>
    </message>
    <message>
        <source>breaks the rules</source>
        <translation>verstößt gegen die Regeln</translation>
    </message>
    <message>
        <source>No template matches.</source>
        <translation>Keine Vorlage passt.</translation>
    </message>
    <message>
        <source>No templates yet: create them under Edit › Templates…</source>
        <translation>Noch keine Vorlagen: Legen Sie sie unter Bearbeiten › Vorlagen… an</translation>
    </message>
    <message>
        <source>No templates yet: create them under Conversation › Templates…</source>
        <translation type="vanished">Noch keine Vorlagen: Legen Sie sie unter Unterhaltung › Vorlagen… an</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Import / export</source>
        <translation>Import / Export</translation>
    </message>
    <message>
        <source>Import from a file…</source>
        <translation>Aus einer Datei importieren…</translation>
    </message>
    <message>
        <source>Export all to a file…</source>
        <translation>Alle in eine Datei exportieren…</translation>
    </message>
    <message>
        <source>Add language</source>
        <translation>Sprache hinzufügen</translation>
    </message>
    <message>
        <source>Insert placeholder</source>
        <translation>Platzhalter einfügen</translation>
    </message>
    <message>
        <source>Placeholders are filled from the conversation when you insert the template. The text in the buyer&apos;s language is chosen for you.</source>
        <translation>Platzhalter werden beim Einfügen aus der Unterhaltung gefüllt. Der Text in der Sprache des Käufers wird für Sie gewählt.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Contact reason</source>
        <translation>Kontaktgrund</translation>
    </message>
    <message>
        <source>The rules check flagged this template</source>
        <translation>Die Regelprüfung hat diese Vorlage markiert</translation>
    </message>
    <message>
        <source>Not shared: a teammate&apos;s template has this name. Rename it.</source>
        <translation>Nicht geteilt: Eine Vorlage Ihres Teams hat diesen Namen. Benennen Sie sie um.</translation>
    </message>
    <message>
        <source>Not shared: the relay refused it (%1).</source>
        <translation>Nicht geteilt: Das Relay hat sie abgelehnt (%1).</translation>
    </message>
    <message>
        <source>waiting for the connection</source>
        <translation>wartet auf die Verbindung</translation>
    </message>
    <message>
        <source>Unknown placeholder: %1</source>
        <translation>Unbekannter Platzhalter: %1</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation>Geben Sie der Vorlage einen Namen.</translation>
    </message>
    <message>
        <source>Each text needs words, at most 10,000 characters and known placeholders.</source>
        <translation>Jeder Text braucht Wörter, höchstens 10.000 Zeichen und bekannte Platzhalter.</translation>
    </message>
    <message>
        <source>Import templates</source>
        <translation>Vorlagen importieren</translation>
    </message>
    <message>
        <source>Template exports (*.json)</source>
        <translation>Vorlagenexporte (*.json)</translation>
    </message>
    <message>
        <source>Export templates</source>
        <translation>Vorlagen exportieren</translation>
    </message>
</context>
<context>
    <name>TemplatesPart</name>
    <message numerus="yes">
        <source>%n template(s) imported.</source>
        <translation>
            <numerusform>%n Vorlage importiert.</numerusform>
            <numerusform>%n Vorlagen importiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThreadTableModel</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marktplatz</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Käufer</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
    <message>
        <source>Answer within</source>
        <translation>Antwortfrist</translation>
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
        <translation>Seller Inbox anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Neue Nachricht von %1</translation>
    </message>
</context>
<context>
    <name>TriageKeys</name>
    <message>
        <source>Sort by newest activity</source>
        <translation>Nach neuester Aktivität sortieren</translation>
    </message>
    <message>
        <source>Sort by deadline</source>
        <translation>Nach Frist sortieren</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Waiting for the connection to send…</source>
        <translation>Warte auf die Verbindung zum Senden…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message numerus="yes">
        <source>Message queued: sending in %n s</source>
        <translation>
            <numerusform>Nachricht in Warteschlange: Senden in %n s</numerusform>
            <numerusform>Nachricht in Warteschlange: Senden in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <source>No relay account</source>
        <translation type="vanished">Kein Relay-Konto</translation>
    </message>
    <message>
        <source>Set up your relay account in Settings to send messages.</source>
        <translation type="vanished">Richten Sie Ihr Relay-Konto in den Einstellungen ein, um Nachrichten zu senden.</translation>
    </message>
</context>
</TS>
