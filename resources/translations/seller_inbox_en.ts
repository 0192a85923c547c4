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
    <name>ConversationPane</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation type="vanished">
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
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
    <name>SellerDayPart</name>
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
