<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AttachmentViewer</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkPane</name>
    <message numerus="yes">
        <source>%n conversation(s) selected</source>
        <translation>
            <numerusform>%n conversation selected</numerusform>
            <numerusform>%n conversations selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkPart</name>
    <message numerus="yes">
        <source>The first %n search results: a search selects at most this many.</source>
        <translation type="vanished">
            <numerusform>The first search result: a search selects at most this many.</numerusform>
            <numerusform>The first %n search results: a search selects at most this many.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n conversation(s).</source>
        <translation>
            <numerusform>%1: %n conversation.</numerusform>
            <numerusform>%1: %n conversations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them owe an answer that falls due before the snooze ends: the marketplace&apos;s 24-hour clock keeps running.</source>
        <translation>
            <numerusform>One of them owes an answer that falls due before the snooze ends: the marketplace&apos;s 24-hour clock keeps running.</numerusform>
            <numerusform>%n of them owe an answer that falls due before the snooze ends: the marketplace&apos;s 24-hour clock keeps running.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undo %1 (%n conversation(s))</source>
        <translation>
            <numerusform>Undo %1 (%n conversation)</numerusform>
            <numerusform>Undo %1 (%n conversations)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation type="vanished">
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more characters of this message are not shown here.</source>
        <translation>
            <numerusform>%n more character of this message is not shown here.</numerusform>
            <numerusform>%n more characters of this message are not shown here.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n conversation</numerusform>
            <numerusform>%n conversations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MetricsDialog</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PolicyPanel</name>
    <message numerus="yes">
        <source>%n problem(s) block sending</source>
        <translation>
            <numerusform>%n problem blocks sending</numerusform>
            <numerusform>%n problems block sending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TemplatesPart</name>
    <message numerus="yes">
        <source>%n template(s) imported.</source>
        <translation>
            <numerusform>%n template imported.</numerusform>
            <numerusform>%n templates imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThreadTableModel</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message numerus="yes">
        <source>Message queued: sending in %n s</source>
        <translation>
            <numerusform>Message queued: sending in %n s</numerusform>
            <numerusform>Message queued: sending in %n s</numerusform>
        </translation>
    </message>
</context>
</TS>
