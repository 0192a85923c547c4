<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>Acerca de %1</translation>
    </message>
    <message>
        <source>Licensed under the %1.</source>
        <translation>Con licencia %1.</translation>
    </message>
    <message>
        <source>Apache License 2.0</source>
        <translation>Apache License 2.0</translation>
    </message>
    <message>
        <source>It ships with other free software, each under its own licence: %1.</source>
        <translation>Incluye otro software libre, cada uno con su propia licencia: %1.</translation>
    </message>
    <message>
        <source>third-party notices</source>
        <translation>avisos de terceros</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>%1 — Delete removes it</source>
        <translation type="vanished">%1 — Suprimir lo quita</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Quitar el adjunto</translation>
    </message>
    <message>
        <source>%1 — %2 removes it</source>
        <translation>%1 — %2 lo quita</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>Attachment</source>
        <translation>Archivo adjunto</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Guardar…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>%1 · page 1 of %2</source>
        <translation>%1 · página 1 de %2</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
        </translation>
    </message>
    <message>
        <source>pages unknown</source>
        <translation>número de páginas desconocido</translation>
    </message>
    <message>
        <source>PDF document · %1

Open it to read it.</source>
        <translation>Documento PDF · %1

Ábrelo para leerlo.</translation>
    </message>
    <message>
        <source>PDF document · %1 · %2

Open it to read it.</source>
        <translation>Documento PDF · %1 · %2

Ábrelo para leerlo.</translation>
    </message>
</context>
<context>
    <name>BulkPane</name>
    <message>
        <source>Mark read</source>
        <translation>Marcar leído</translation>
    </message>
    <message>
        <source>Mark unread</source>
        <translation>Marcar no leído</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Marcar</translation>
    </message>
    <message>
        <source>Unflag</source>
        <translation>Desmarcar</translation>
    </message>
    <message>
        <source>No response needed</source>
        <translation>No requiere respuesta</translation>
    </message>
    <message>
        <source>Response needed</source>
        <translation>Requiere respuesta</translation>
    </message>
    <message>
        <source>Snooze…</source>
        <translation>Posponer…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Click one conversation to read or answer it.</source>
        <translation>Haz clic en una conversación para leerla o responderla.</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s) selected</source>
        <translation>
            <numerusform>%n conversación seleccionada</numerusform>
            <numerusform>%n conversaciones seleccionadas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkPart</name>
    <message>
        <source>Select all in this view</source>
        <translation>Seleccionar todo en esta vista</translation>
    </message>
    <message>
        <source>Every conversation in this view, also those not loaded yet.</source>
        <translation>Todas las conversaciones de esta vista, también las que aún no se han cargado.</translation>
    </message>
    <message numerus="yes">
        <source>The first %n search results: a search selects at most this many.</source>
        <translation type="vanished">
            <numerusform>El primer resultado de la búsqueda: una búsqueda selecciona como mucho esta cantidad.</numerusform>
            <numerusform>Los primeros %n resultados de la búsqueda: una búsqueda selecciona como mucho esta cantidad.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every result of this search in this view, also those not loaded yet.</source>
        <translation>Todos los resultados de esta búsqueda en esta vista, también los que aún no se han cargado.</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Posponer</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 de %3</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n conversation(s).</source>
        <translation>
            <numerusform>%1: %n conversación.</numerusform>
            <numerusform>%1: %n conversaciones.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them owe an answer that falls due before the snooze ends: the marketplace&apos;s 24-hour clock keeps running.</source>
        <translation>
            <numerusform>Una de ellas debe una respuesta que vence antes de que termine la posposición: el reloj de 24 horas del marketplace sigue corriendo.</numerusform>
            <numerusform>%n de ellas deben una respuesta que vence antes de que termine la posposición: el reloj de 24 horas del marketplace sigue corriendo.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 stopped after %2 of %3 conversations: %4</source>
        <translation>%1 se detuvo tras %2 de %3 conversaciones: %4</translation>
    </message>
    <message>
        <source>an error (see the log)</source>
        <translation>un error (consulta el registro)</translation>
    </message>
    <message numerus="yes">
        <source>Undo %1 (%n conversation(s))</source>
        <translation>
            <numerusform>Deshacer %1 (%n conversación)</numerusform>
            <numerusform>Deshacer %1 (%n conversaciones)</numerusform>
        </translation>
    </message>
    <message>
        <source>Undoing %1…</source>
        <translation>Deshaciendo %1…</translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation>Deshecho: %1.</translation>
    </message>
</context>
<context>
    <name>BuyerHistoryPanel</name>
    <message>
        <source>Other conversations with this buyer</source>
        <translation>Otras conversaciones con este comprador</translation>
    </message>
    <message>
        <source>No other conversations yet.</source>
        <translation>Todavía no hay otras conversaciones.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sin asunto)</translation>
    </message>
    <message>
        <source>No order</source>
        <translation>Sin pedido</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Pospuesta</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Respondida</translation>
    </message>
</context>
<context>
    <name>BuyerHistoryPart</name>
    <message>
        <source>Buyer&apos;s other conversations</source>
        <translation>Otras conversaciones del comprador</translation>
    </message>
</context>
<context>
    <name>BuyerOrdersPanel</name>
    <message>
        <source>Orders without a conversation</source>
        <translation>Pedidos sin conversación</translation>
    </message>
    <message>
        <source>Write to the buyer about this order</source>
        <translation>Escribir al comprador sobre este pedido</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>Para %1</translation>
    </message>
</context>
<context>
    <name>Clock</name>
    <message>
        <source>No response needed</source>
        <translation>No requiere respuesta</translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation>%1 de retraso</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>Quedan %1</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Why you are writing: some reasons reach opted-out buyers</source>
        <translation>Motivo del mensaje: algunos motivos llegan a compradores dados de baja</translation>
    </message>
    <message>
        <source>[Important]</source>
        <translation>[Important]</translation>
    </message>
    <message>
        <source>Mark an urgent message to an opted-out buyer; ask only for what the order needs</source>
        <translation>Marca un mensaje urgente a un comprador dado de baja; pide solo lo que el pedido necesita</translation>
    </message>
    <message>
        <source>Write your reply (Markdown: **bold**, *italic*, lists)…</source>
        <translation>Escribe tu respuesta (Markdown: **negrita**, *cursiva*, listas)…</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Escribir</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Added when you send; change it in Settings</source>
        <translation>Se añade al enviar; cámbiela en Ajustes</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Adjuntar…</translation>
    </message>
    <message>
        <source>PDF, Word, image or text; drop files on the text too</source>
        <translation>PDF, Word, imagen o texto; también puedes soltar archivos sobre el texto</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send (%1); you can undo for a few seconds</source>
        <translation>Enviar (%1); puedes deshacerlo durante unos segundos</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="vanished">Control+Intro</translation>
    </message>
    <message>
        <source>Select a conversation to reply to</source>
        <translation>Selecciona una conversación para responder</translation>
    </message>
    <message>
        <source>Write a message first</source>
        <translation>Escribe primero un mensaje</translation>
    </message>
    <message>
        <source>Cannot send: %1</source>
        <translation>No se puede enviar: %1</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter); you can undo for a few seconds</source>
        <translation type="vanished">Enviar (Control+Intro); puedes deshacerlo durante unos segundos</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
    <message>
        <source>Documents and images (*.pdf *.doc *.docx *.txt *.png *.jpg *.jpeg *.gif);;All files (*)</source>
        <translation>Documentos e imágenes (*.pdf *.doc *.docx *.txt *.png *.jpg *.jpeg *.gif);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Reply / other</source>
        <translation>Respuesta / otro</translation>
    </message>
    <message>
        <source>Shipping problem</source>
        <translation>Problema de envío</translation>
    </message>
    <message>
        <source>Product customization</source>
        <translation>Personalización</translation>
    </message>
    <message>
        <source>Delivery scheduling</source>
        <translation>Fecha de entrega</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Sin existencias</translation>
    </message>
    <message>
        <source>Shipping confirmation</source>
        <translation>Confirmación de envío</translation>
    </message>
    <message>
        <source>Product manual</source>
        <translation>Manual del producto</translation>
    </message>
    <message>
        <source>Review request</source>
        <translation>Solicitud de reseña</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>No relay account</source>
        <translation>Sin cuenta de relay</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Trabajar sin conexión</translation>
    </message>
    <message>
        <source>Stop talking to the relay; keep reading and writing</source>
        <translation>Deja de conectar con el relay; puedes seguir leyendo y escribiendo</translation>
    </message>
    <message>
        <source>No relay account (Settings)</source>
        <translation>Sin cuenta de relay (Ajustes)</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Online · session-only sign-in</source>
        <translation>En línea · acceso solo para esta sesión</translation>
    </message>
    <message>
        <source>Signed out: the relay refused the token</source>
        <translation>Sesión cerrada: el relay rechazó el token</translation>
    </message>
    <message>
        <source>Not syncing: see the details</source>
        <translation>Sin sincronizar: mira los detalles</translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation>Trabajando sin conexión</translation>
    </message>
    <message>
        <source>Not syncing · retrying at %1</source>
        <translation>Sin sincronizar · reintento a las %1</translation>
    </message>
    <message>
        <source>Offline · retrying at %1 (in %2 s)</source>
        <translation>Sin conexión · reintento a las %1 (en %2 s)</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>an unknown type</source>
        <translation>un tipo desconocido</translation>
    </message>
    <message>
        <source>%1 was not opened: by its content it is %2, and opening it could run code on this computer. Save it instead if you trust the sender.</source>
        <translation>%1 no se abrió: por su contenido es %2, y abrirlo podría ejecutar código en este ordenador. Guárdelo en su lugar si confía en el remitente.</translation>
    </message>
    <message>
        <source>Mark unread</source>
        <translation>Marcar no leído</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Marcar</translation>
    </message>
    <message>
        <source>No response needed</source>
        <translation>No requiere respuesta</translation>
    </message>
    <message>
        <source>Load for this message</source>
        <translation>Cargar en este mensaje</translation>
    </message>
    <message>
        <source>Select a conversation</source>
        <translation>Selecciona una conversación</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sin asunto)</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Pedido %1</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Respondida</translation>
    </message>
    <message>
        <source>Mark read</source>
        <translation>Marcar leído</translation>
    </message>
    <message>
        <source>Unflag</source>
        <translation>Desmarcar</translation>
    </message>
    <message>
        <source>Response needed</source>
        <translation>Requiere respuesta</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Comprador</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <source>Marketplace notice</source>
        <translation>Aviso del marketplace</translation>
    </message>
    <message>
        <source>remote image blocked</source>
        <translation>imagen externa bloqueada</translation>
    </message>
    <message numerus="yes">
        <source>%n more characters of this message are not shown here.</source>
        <translation>
            <numerusform>%n carácter más de este mensaje no se muestra aquí.</numerusform>
            <numerusform>%n caracteres más de este mensaje no se muestran aquí.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remote images in this message are blocked: they can tell the sender you read it.</source>
        <translation>Las imágenes externas de este mensaje están bloqueadas: pueden indicar al remitente que lo has leído.</translation>
    </message>
    <message>
        <source>Open this link in your browser?

%1

It goes to: %2</source>
        <translation>¿Abrir este enlace en el navegador?

%1

Lleva a: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation type="vanished">
            <numerusform>%n página</numerusform>
            <numerusform>%n páginas</numerusform>
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
        <translation>protegido con contraseña</translation>
    </message>
    <message>
        <source>damaged, no preview</source>
        <translation>dañado, sin vista previa</translation>
    </message>
    <message>
        <source>took too long to preview</source>
        <translation>la vista previa tardó demasiado</translation>
    </message>
    <message>
        <source>could not be previewed</source>
        <translation>no se pudo previsualizar</translation>
    </message>
    <message>
        <source>too large to preview</source>
        <translation>demasiado grande para la vista previa</translation>
    </message>
    <message>
        <source>not a PDF by its content</source>
        <translation>no es un PDF por su contenido</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Guardar…</translation>
    </message>
    <message>
        <source>Open link?</source>
        <translation>¿Abrir el enlace?</translation>
    </message>
    <message>
        <source>Open this link in your browser?

%1</source>
        <translation type="vanished">¿Abrir este enlace en el navegador?

%1</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copiar detalles</translation>
    </message>
    <message>
        <source>The details are in the log: %1</source>
        <translation>Los detalles están en el registro: %1</translation>
    </message>
    <message>
        <source>No log file is open.</source>
        <translation>No hay ningún archivo de registro abierto.</translation>
    </message>
    <message>
        <source>Seller Inbox hit a bug. Your messages and drafts are safe; you can carry on, or restart if something looks wrong. Please send us the details.</source>
        <translation>Seller Inbox encontró un error. Tus mensajes y borradores están a salvo; puedes seguir, o reiniciar si algo no parece correcto. Envíanos los detalles, por favor.</translation>
    </message>
</context>
<context>
    <name>CurrentConversation</name>
    <message>
        <source>Select a conversation</source>
        <translation type="obsolete">Selecciona una conversación</translation>
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
        <translation>ddd, d MMM yyyy, HH:mm</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Comprador</translation>
    </message>
    <message>
        <source>New message to buyer…</source>
        <translation>Nuevo mensaje al comprador…</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Estándar</translation>
    </message>
    <message>
        <source>Handmade</source>
        <translation>Hecho a mano</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <source>Wine</source>
        <translation>Vino</translation>
    </message>
    <message>
        <source>No order</source>
        <translation>Sin pedido</translation>
    </message>
    <message>
        <source>Yes: only replies and critical messages reach them</source>
        <translation>Sí: solo le llegan respuestas y mensajes críticos</translation>
    </message>
    <message>
        <source>No (as far as we know)</source>
        <translation>No (que sepamos)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Dado de baja</translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <source>The disk is full. Nothing was lost: free some space and Seller Inbox carries on where it stopped.</source>
        <translation>El disco está lleno. No se ha perdido nada: libera espacio y Seller Inbox continuará donde se quedó.</translation>
    </message>
    <message>
        <source>Seller Inbox cannot write to its folder: the folder or disk is read-only.</source>
        <translation>Seller Inbox no puede escribir en su carpeta: la carpeta o el disco son de solo lectura.</translation>
    </message>
    <message>
        <source>The relay cannot be reached right now; Seller Inbox keeps trying.</source>
        <translation>No se puede contactar con el relay ahora mismo; Seller Inbox lo sigue intentando.</translation>
    </message>
    <message>
        <source>The relay is busy; Seller Inbox tries again shortly.</source>
        <translation>El relay está ocupado; Seller Inbox lo intentará de nuevo en breve.</translation>
    </message>
    <message>
        <source>The relay refused your token: sign in again.</source>
        <translation>El relay rechazó tu token: vuelve a iniciar sesión.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All marketplaces</source>
        <translation>Todos los mercados</translation>
    </message>
    <message>
        <source>All conversations</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Needs response</source>
        <translation>Sin responder</translation>
    </message>
    <message>
        <source>Waiting on buyer</source>
        <translation>Respondidas</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Pospuestas</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Marcadas</translation>
    </message>
    <message>
        <source>Newest activity</source>
        <translation>Recientes</translation>
    </message>
    <message>
        <source>Deadline first</source>
        <translation>Urgentes</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>Orden:</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Seller Inbox</source>
        <translation>Te damos la bienvenida a Seller Inbox</translation>
    </message>
    <message>
        <source>&lt;b&gt;How do your buyer messages reach you?&lt;/b&gt;</source>
        <translation>&lt;b&gt;¿Cómo te llegan los mensajes de tus compradores?&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Connect my mailbox</source>
        <translation>Conectar mi buzón</translation>
    </message>
    <message>
        <source>I sell alone and Amazon writes to my own e-mail address. Seller Inbox reads and answers buyer messages there, on this computer.</source>
        <translation>Vendo por mi cuenta y Amazon escribe a mi propia dirección de correo. Seller Inbox lee y responde ahí los mensajes de los compradores, en este ordenador.</translation>
    </message>
    <message>
        <source>Connect to my team&apos;s relay</source>
        <translation>Conectar al relay de mi equipo</translation>
    </message>
    <message>
        <source>My team runs a relay. I have its address and my token.</source>
        <translation>Mi equipo tiene un relay. Tengo su dirección y mi token.</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Probar la demo</translation>
    </message>
    <message>
        <source>Look around with sample buyers and orders. Nothing is sent.</source>
        <translation>Echa un vistazo con compradores y pedidos de ejemplo. No se envía nada.</translation>
    </message>
</context>
<context>
    <name>MailboxAccount</name>
    <message>
        <source>The password will be kept in your system keyring (%1).</source>
        <translation>La contraseña se guardará en el llavero del sistema (%1).</translation>
    </message>
    <message>
        <source>No secure keyring on this computer (%1): the password is kept for this session only, and you enter it again next time.</source>
        <translation>No hay un llavero seguro en este ordenador (%1): la contraseña se guarda solo para esta sesión y tendrás que introducirla de nuevo la próxima vez.</translation>
    </message>
    <message>
        <source>Could not start the mailbox relay: %1</source>
        <translation>No se pudo iniciar el relay del buzón: %1</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Conectado a %1.</translation>
    </message>
    <message>
        <source>Connected to %1. The password is kept for this session only.</source>
        <translation>Conectado a %1. La contraseña se guarda solo para esta sesión.</translation>
    </message>
</context>
<context>
    <name>MailboxConnectDialog</name>
    <message>
        <source>Find the IMAP server</source>
        <translation>Encontrar el servidor IMAP</translation>
    </message>
    <message>
        <source>Connect to the IMAP server</source>
        <translation>Conectar con el servidor IMAP</translation>
    </message>
    <message>
        <source>Secure connection (IMAP)</source>
        <translation>Conexión segura (IMAP)</translation>
    </message>
    <message>
        <source>Sign in (IMAP)</source>
        <translation>Iniciar sesión (IMAP)</translation>
    </message>
    <message>
        <source>Instant delivery (IMAP IDLE)</source>
        <translation>Entrega inmediata (IMAP IDLE)</translation>
    </message>
    <message>
        <source>Find the SMTP server</source>
        <translation>Encontrar el servidor SMTP</translation>
    </message>
    <message>
        <source>Connect to the SMTP server</source>
        <translation>Conectar con el servidor SMTP</translation>
    </message>
    <message>
        <source>Secure connection (SMTP)</source>
        <translation>Conexión segura (SMTP)</translation>
    </message>
    <message>
        <source>Sign in (SMTP)</source>
        <translation>Iniciar sesión (SMTP)</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>None (this computer only)</source>
        <translation>Ninguna (solo este ordenador)</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>Connect your mailbox</source>
        <translation>Conecta tu buzón</translation>
    </message>
    <message>
        <source>Seller Inbox reads buyer messages from the mailbox Amazon writes to, and sends your replies from it. Use the address you approved in Seller Central.</source>
        <translation>Seller Inbox lee los mensajes de los compradores del buzón al que escribe Amazon y envía tus respuestas desde él. Usa la dirección que aprobaste en Seller Central.</translation>
    </message>
    <message>
        <source>Other (enter the servers)</source>
        <translation>Otro (introduce los servidores)</translation>
    </message>
    <message>
        <source>The same as the address</source>
        <translation>La misma que la dirección</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>Dirección de correo</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>IMAP server (incoming)</source>
        <translation>Servidor IMAP (entrante)</translation>
    </message>
    <message>
        <source>SMTP server (outgoing)</source>
        <translation>Servidor SMTP (saliente)</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>%1 needs an app password: turn on two-step verification in your account&apos;s security settings, create an app password there and paste it below.</source>
        <translation>%1 necesita una contraseña de aplicación: activa la verificación en dos pasos en los ajustes de seguridad de tu cuenta, crea allí una contraseña de aplicación y pégala abajo.</translation>
    </message>
    <message>
        <source>%1 no longer accepts passwords for IMAP and SMTP, only its own sign-in (OAuth), which Seller Inbox does not offer yet. Forward your Amazon mail to a mailbox at another provider, or connect to a team relay.</source>
        <translation>%1 ya no acepta contraseñas para IMAP y SMTP, solo su propio inicio de sesión (OAuth), que Seller Inbox todavía no ofrece. Reenvía tu correo de Amazon a un buzón de otro proveedor o conéctate al relay de un equipo.</translation>
    </message>
    <message>
        <source>Enter the password for %1 again: it was kept for the last session only.</source>
        <translation>Introduce de nuevo la contraseña de %1: solo se guardó para la sesión anterior.</translation>
    </message>
    <message>
        <source>Enter your e-mail address, e.g. shop@example.com.</source>
        <translation>Introduce tu dirección de correo, p. ej. shop@example.com.</translation>
    </message>
    <message>
        <source>Enter the IMAP and SMTP server names.</source>
        <translation>Introduce los nombres de los servidores IMAP y SMTP.</translation>
    </message>
    <message>
        <source>Without security, your password would cross the network readable by anyone: choose SSL/TLS or STARTTLS for %1.</source>
        <translation>Sin seguridad, tu contraseña viajaría por la red legible para cualquiera: elige SSL/TLS o STARTTLS para %1.</translation>
    </message>
    <message>
        <source>Enter the password (or app password).</source>
        <translation>Introduce la contraseña (o la contraseña de aplicación).</translation>
    </message>
    <message>
        <source>Every check passed: Seller Inbox can read and send mail with this mailbox.</source>
        <translation>Todas las comprobaciones son correctas: Seller Inbox puede leer y enviar correo con este buzón.</translation>
    </message>
    <message>
        <source>The server also offers %1.</source>
        <translation>El servidor también ofrece %1.</translation>
    </message>
    <message>
        <source>But the server does not offer IMAP IDLE: Seller Inbox checks for new mail every minute instead of within seconds.</source>
        <translation>Pero el servidor no ofrece IMAP IDLE: Seller Inbox busca correo nuevo cada minuto en lugar de en segundos.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
</context>
<context>
    <name>MailboxStatesBox</name>
    <message>
        <source>Cannot find the mail server.</source>
        <translation>No se encuentra el servidor de correo.</translation>
    </message>
    <message>
        <source>The mail server cannot be reached.</source>
        <translation>No se puede conectar con el servidor de correo.</translation>
    </message>
    <message>
        <source>The secure connection to the mail server failed.</source>
        <translation>Falló la conexión segura con el servidor de correo.</translation>
    </message>
    <message>
        <source>The mail server refused the password. Connect again with the right one.</source>
        <translation>El servidor de correo rechazó la contraseña. Vuelve a conectar con la correcta.</translation>
    </message>
    <message>
        <source>The mail server does not offer IDLE: new mail arrives with a delay.</source>
        <translation>El servidor de correo no ofrece IDLE: el correo nuevo llega con retraso.</translation>
    </message>
    <message>
        <source>The mail server answered with an error.</source>
        <translation>El servidor de correo respondió con un error.</translation>
    </message>
    <message>
        <source>Your mailbox</source>
        <translation>Tu buzón</translation>
    </message>
    <message>
        <source>Your team&apos;s mailbox</source>
        <translation>El buzón de tu equipo</translation>
    </message>
    <message>
        <source>Reading the mailbox state…</source>
        <translation>Leyendo el estado del buzón…</translation>
    </message>
    <message>
        <source>No mailbox is connected.</source>
        <translation>No hay ningún buzón conectado.</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Cambiar…</translation>
    </message>
    <message>
        <source>In Seller Central, add %1 as an approved sender under Messaging Permissions: Amazon rejects replies from an address it has not approved.</source>
        <translation>En Seller Central, añade %1 como remitente aprobado en Messaging Permissions: Amazon rechaza las respuestas desde una dirección que no ha aprobado.</translation>
    </message>
    <message>
        <source>Your team&apos;s relay administrator changes it (seller-relay mailbox).</source>
        <translation>Lo cambia el administrador del relé de tu equipo (seller-relay mailbox).</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Conectado.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>No conectado.</translation>
    </message>
    <message>
        <source>Last fetched: %1.</source>
        <translation>Última descarga: %1.</translation>
    </message>
    <message>
        <source>Nothing fetched yet.</source>
        <translation>Todavía no se ha descargado nada.</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>El servidor dijo: %1</translation>
    </message>
</context>
<context>
    <name>MailboxText</name>
    <message>
        <source>Cannot find the %1 server %2. Check the server name.</source>
        <translation>No se encuentra el servidor %1 %2. Comprueba el nombre del servidor.</translation>
    </message>
    <message>
        <source>Cannot reach the %1 server %2 on port %3. Check the port and your internet connection.</source>
        <translation>No se puede conectar con el servidor %1 %2 en el puerto %3. Comprueba el puerto y tu conexión a internet.</translation>
    </message>
    <message>
        <source>The secure connection to the %1 server %2 on port %3 failed. Check the port and the security setting (IMAP: SSL/TLS on 993; SMTP: SSL/TLS on 465 or STARTTLS on 587).</source>
        <translation>Falló la conexión segura con el servidor %1 %2 en el puerto %3. Comprueba el puerto y la seguridad (IMAP: SSL/TLS en el 993; SMTP: SSL/TLS en el 465 o STARTTLS en el 587).</translation>
    </message>
    <message>
        <source>The %1 server %2 refused the sign-in. Check the address and password. Gmail, iCloud, Yahoo and others need an app password when two-step verification is on.</source>
        <translation>El servidor %1 %2 rechazó el inicio de sesión. Comprueba la dirección y la contraseña. Gmail, iCloud, Yahoo y otros necesitan una contraseña de aplicación si la verificación en dos pasos está activada.</translation>
    </message>
    <message>
        <source>The IMAP server %2 does not offer IDLE, so buyer messages would not arrive within seconds. Use a mail provider that supports IMAP IDLE.</source>
        <translation type="vanished">El servidor IMAP %2 no ofrece IDLE, así que los mensajes de los compradores no llegarían en segundos. Usa un proveedor de correo compatible con IMAP IDLE.</translation>
    </message>
    <message>
        <source>The %1 server %2 is busy. Try again in a few minutes.</source>
        <translation>El servidor %1 %2 está ocupado. Vuelve a intentarlo en unos minutos.</translation>
    </message>
    <message>
        <source>The %1 server %2 on port %3 answered unexpectedly.</source>
        <translation>El servidor %1 %2 en el puerto %3 respondió de forma inesperada.</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>El servidor dijo: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
    <message>
        <source>Seller Inbox</source>
        <translation>Seller Inbox</translation>
    </message>
    <message>
        <source>Search messages and order numbers  (Ctrl+F)</source>
        <translation type="vanished">Buscar en mensajes y números de pedido  (Control+F)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Barra principal</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Search messages and order numbers  (%1)</source>
        <translation type="vanished">Buscar en mensajes y números de pedido  (%1)</translation>
    </message>
    <message>
        <source>Search messages, notes and order numbers  (%1)</source>
        <translation>Buscar en mensajes, notas y números de pedido  (%1)</translation>
    </message>
    <message>
        <source>Next conversation</source>
        <translation type="vanished">Conversación siguiente</translation>
    </message>
    <message>
        <source>Previous conversation</source>
        <translation type="vanished">Conversación anterior</translation>
    </message>
    <message>
        <source>Next needing a response</source>
        <translation>Siguiente que necesita respuesta</translation>
    </message>
    <message>
        <source>Previous needing a response</source>
        <translation>Anterior que necesita respuesta</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Responder</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Mark read/unread</source>
        <translation>Marcar como leído/no leído</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Marcar</translation>
    </message>
    <message>
        <source>No response needed</source>
        <translation>No requiere respuesta</translation>
    </message>
    <message>
        <source>New message to buyer</source>
        <translation>Nuevo mensaje al comprador</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Bandeja de salida</translation>
    </message>
    <message>
        <source>Response metrics</source>
        <translation>Métricas de respuesta</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>The open conversation is not in this list.</source>
        <translation>La conversación abierta no está en esta lista.</translation>
    </message>
    <message>
        <source>Undo send</source>
        <translation>Deshacer envío</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation type="vanished">Atajos de teclado (F1)</translation>
    </message>
    <message>
        <source>Opening the inbox…</source>
        <translation>Abriendo la bandeja de entrada…</translation>
    </message>
    <message>
        <source>No conversations here</source>
        <translation>No hay conversaciones</translation>
    </message>
    <message>
        <source>Select a conversation to read or answer it.</source>
        <translation>Selecciona una conversación para leerla o responderla.</translation>
    </message>
    <message>
        <source>No more conversations need a response below.</source>
        <translation>No hay más conversaciones por responder más abajo.</translation>
    </message>
    <message>
        <source>No more conversations need a response above.</source>
        <translation>No hay más conversaciones por responder más arriba.</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n conversación</numerusform>
            <numerusform>%n conversaciones</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MarketplaceChips</name>
    <message>
        <source>%1: messaging on</source>
        <translation>%1: mensajes activados</translation>
    </message>
    <message>
        <source>%1: messaging on; vacation from %2</source>
        <translation>%1: mensajes activados; vacaciones desde el %2</translation>
    </message>
    <message>
        <source>✕ %1 vacation</source>
        <translation>✕ %1 vacaciones</translation>
    </message>
    <message>
        <source>%1: on vacation until %2. New buyers cannot write; earlier buyers still can.</source>
        <translation>%1: de vacaciones hasta %2. Los compradores nuevos no pueden escribir; los anteriores, sí.</translation>
    </message>
    <message>
        <source>further notice</source>
        <translation>nuevo aviso</translation>
    </message>
    <message>
        <source>✕ %1 off</source>
        <translation>✕ %1 desactivado</translation>
    </message>
    <message>
        <source>%1: messaging off. New buyers cannot write; earlier buyers still can.</source>
        <translation>%1: mensajes desactivados. Los compradores nuevos no pueden escribir; los anteriores, sí.</translation>
    </message>
</context>
<context>
    <name>MarketplaceRow</name>
    <message>
        <source>Messaging on</source>
        <translation>Mensajes activados</translation>
    </message>
    <message>
        <source>Vacation</source>
        <translation>Vacaciones</translation>
    </message>
    <message>
        <source>from</source>
        <translation>desde</translation>
    </message>
    <message>
        <source>until</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Messaging is on: any buyer can write to you.</source>
        <translation>Los mensajes están activados: cualquier comprador puede escribirte.</translation>
    </message>
    <message>
        <source>Messaging is OFF. </source>
        <translation>Los mensajes están DESACTIVADOS. </translation>
    </message>
    <message>
        <source>On vacation until %1. </source>
        <translation>De vacaciones hasta el %1. </translation>
    </message>
    <message>
        <source>Vacation scheduled from %1. </source>
        <translation>Vacaciones programadas desde el %1. </translation>
    </message>
    <message>
        <source>The vacation must end after it starts.</source>
        <translation>Las vacaciones deben terminar después de empezar.</translation>
    </message>
    <message>
        <source>While messaging is off, new buyers cannot write to you; buyers who wrote before still can.</source>
        <translation>Mientras los mensajes estén desactivados, los compradores nuevos no pueden escribirte; los que ya te escribieron, sí.</translation>
    </message>
</context>
<context>
    <name>MarketplaceSwitchesNote</name>
    <message>
        <source>Your buyer messages come through your own mailbox. Turning messaging off and vacations are Amazon&apos;s switches, which Amazon does not offer by e-mail: set them in Seller Central (Settings › Account Info › Going on a vacation). Seller Inbox keeps receiving whatever Amazon delivers.</source>
        <translation>Los mensajes de tus compradores llegan a través de tu propio buzón. Desactivar los mensajes y las vacaciones son ajustes de Amazon, que Amazon no ofrece por correo: configúralos en Seller Central (Settings › Account Info › Going on a vacation). Seller Inbox sigue recibiendo todo lo que Amazon entrega.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>All conversations</source>
        <translation>Todas las conversaciones</translation>
    </message>
    <message>
        <source>Needs response</source>
        <translation>Requiere respuesta</translation>
    </message>
    <message>
        <source>Waiting on buyer</source>
        <translation>Esperando al comprador</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Pospuestas</translation>
    </message>
    <message>
        <source>Flagged only</source>
        <translation>Solo marcadas</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>&amp;Conversación</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Ayuda</translation>
    </message>
</context>
<context>
    <name>MetricsDialog</name>
    <message>
        <source>Response metrics</source>
        <translation>Métricas de respuesta</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periodo:</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Each buyer message should be answered within 24 hours, weekends included. “No response needed” takes a message out of these figures. The red line is 4 %.</source>
        <translation>Cada mensaje de un comprador debe responderse en 24 horas, fines de semana incluidos. «No requiere respuesta» excluye un mensaje de estas cifras. La línea roja marca el 4 %.</translation>
    </message>
</context>
<context>
    <name>MetricsModel</name>
    <message>
        <source>Marketplace</source>
        <translation>Marketplace</translation>
    </message>
    <message>
        <source>Late responses</source>
        <translation>Respuestas tardías</translation>
    </message>
    <message>
        <source>Average response</source>
        <translation>Tiempo medio de respuesta</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Respondidos</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Tardíos</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
</context>
<context>
    <name>NewMessageWindow</name>
    <message>
        <source>New message to %1</source>
        <translation>Nuevo mensaje para %1</translation>
    </message>
    <message>
        <source>To %1 · %2 · order %3</source>
        <translation type="vanished">Para %1 · %2 · pedido %3</translation>
    </message>
    <message>
        <source>To %1 &lt;%2&gt; · %3 · order %4</source>
        <translation>Para %1 &lt;%2&gt; · %3 · pedido %4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>This buyer opted out of unsolicited messages: only critical messages (shipping problem, customization, delivery scheduling) reach them.</source>
        <translation>Este comprador se ha dado de baja de los mensajes no solicitados: solo le llegan mensajes críticos (problema de envío, personalización, programación de la entrega).</translation>
    </message>
</context>
<context>
    <name>NoteCard</name>
    <message>
        <source>A teammate</source>
        <translation>Un compañero</translation>
    </message>
    <message>
        <source>Internal note · %1 · %2</source>
        <translation>Nota interna · %1 · %2</translation>
    </message>
    <message>
        <source>not shared: the relay refused it (%1)</source>
        <translation>no compartida: el relay la rechazó (%1)</translation>
    </message>
    <message>
        <source>waiting for the connection</source>
        <translation>esperando la conexión</translation>
    </message>
    <message>
        <source>Edit note…</source>
        <translation>Editar nota…</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Eliminar nota</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>No internal notes. Notes are never sent to the buyer.</source>
        <translation>No hay notas internas. Las notas nunca se envían al comprador.</translation>
    </message>
    <message>
        <source>Add an internal note for your team…</source>
        <translation>Añade una nota interna para tu equipo…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Guardar nota</translation>
    </message>
    <message>
        <source>A note holds at most 20,000 characters.</source>
        <translation>Una nota admite como máximo 20.000 caracteres.</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Outbox</source>
        <translation>Bandeja de salida</translation>
    </message>
    <message>
        <source>Nothing waiting: every message has reached the relay.</source>
        <translation>Nada pendiente: todos los mensajes han llegado al relay.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Back to drafts</source>
        <translation>Volver a borradores</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Deshecho</translation>
    </message>
    <message>
        <source>Will retry: %1</source>
        <translation>Se reintentará: %1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marketplace</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
</context>
<context>
    <name>Policy</name>
    <message>
        <source>Links to other websites are not allowed (&apos;%1&apos;).</source>
        <translation>No se permiten enlaces a otros sitios web («%1»).</translation>
    </message>
    <message>
        <source>A spelled-out web address (&apos;%1&apos;) still counts as a link.</source>
        <translation>Una dirección web escrita con palabras («%1») también cuenta como enlace.</translation>
    </message>
    <message>
        <source>Shortened links are not allowed: the buyer cannot see where they lead.</source>
        <translation>No se permiten enlaces acortados: el comprador no puede ver adónde llevan.</translation>
    </message>
    <message>
        <source>E-mail addresses are not allowed; the buyer can reply through the marketplace.</source>
        <translation>No se permiten direcciones de correo electrónico; el comprador puede responder a través del marketplace.</translation>
    </message>
    <message>
        <source>This looks like a phone number. Share one only if the buyer needs it (e.g. a carrier or warranty line).</source>
        <translation>Esto parece un número de teléfono. Compártelo solo si el comprador lo necesita (p. ej., el del transportista o el de garantía).</translation>
    </message>
    <message>
        <source>Moving the buyer off the marketplace is not allowed (&apos;%1&apos;).</source>
        <translation>No se permite sacar al comprador del marketplace («%1»).</translation>
    </message>
    <message>
        <source>Promotions, coupons and discounts are not allowed in buyer messages (&apos;%1&apos;).</source>
        <translation>No se permiten promociones, cupones ni descuentos en los mensajes a compradores («%1»).</translation>
    </message>
    <message>
        <source>This may read as a promotion (&apos;%1&apos;); keep the message about the order.</source>
        <translation>Esto puede parecer una promoción («%1»); limita el mensaje al pedido.</translation>
    </message>
    <message>
        <source>Promoting other products or shops is not allowed (&apos;%1&apos;).</source>
        <translation>No se permite promocionar otros productos o tiendas («%1»).</translation>
    </message>
    <message>
        <source>An image that links to a website (a logo link) is not allowed.</source>
        <translation>No se permite una imagen que enlace a un sitio web (un logotipo con enlace).</translation>
    </message>
    <message>
        <source>Hidden or 1×1 images (tracking pixels) are not allowed.</source>
        <translation>No se permiten imágenes ocultas o de 1×1 (píxeles de seguimiento).</translation>
    </message>
    <message>
        <source>Remote images can track the buyer; attach the image file instead.</source>
        <translation>Las imágenes externas pueden rastrear al comprador; adjunta el archivo de imagen.</translation>
    </message>
    <message>
        <source>A review request must not offer anything in return or ask for a good rating (&apos;%1&apos;).</source>
        <translation type="vanished">Una solicitud de reseña no debe ofrecer nada a cambio ni pedir una buena valoración («%1»).</translation>
    </message>
    <message>
        <source>Asking the buyer to change or remove a review is not allowed (&apos;%1&apos;).</source>
        <translation>No se permite pedir al comprador que cambie o elimine una reseña («%1»).</translation>
    </message>
    <message>
        <source>Opt-out links or instructions are not allowed; the marketplace handles opt-outs (&apos;%1&apos;).</source>
        <translation>No se permiten enlaces ni instrucciones para darse de baja; el marketplace gestiona las bajas («%1»).</translation>
    </message>
    <message>
        <source>The buyer opted out of messages, so %1 will bounce. Only shipping problems, customization and delivery scheduling still reach them.</source>
        <translation>El comprador se ha dado de baja de los mensajes, así que no se entregará %1. Solo le llegan problemas de envío, personalización y programación de la entrega.</translation>
    </message>
    <message>
        <source>The buyer opted out: start the subject with %1 and ask only for what is needed to complete the order.</source>
        <translation>El comprador se ha dado de baja: empieza el asunto con %1 y pide solo lo necesario para completar el pedido.</translation>
    </message>
    <message>
        <source>Use [Important] only for shipping problems, customization or delivery scheduling.</source>
        <translation>Usa [Important] solo para problemas de envío, personalización o programación de la entrega.</translation>
    </message>
    <message>
        <source>Attachments total %1; the limit is %2 per message.</source>
        <translation>Los adjuntos suman %1; el límite es de %2 por mensaje.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is %2 by its content; only PDF, Word, image and text files may be attached.</source>
        <translation>Por su contenido, «%1» es %2; solo se pueden adjuntar archivos PDF, Word, de imagen y de texto.</translation>
    </message>
    <message>
        <source>Cannot read the attachment (%1: %2); remove it or pick the file again.</source>
        <translation>No se puede leer el adjunto (%1: %2); quítalo o vuelve a elegir el archivo.</translation>
    </message>
    <message>
        <source>This message only thanks the buyer or offers help. Messages need a reason related to the order.</source>
        <translation type="vanished">Este mensaje solo da las gracias u ofrece ayuda. Los mensajes necesitan un motivo relacionado con el pedido.</translation>
    </message>
    <message>
        <source>A review request must not offer anything in return (&apos;%1&apos;): remove the offer; you may ask for an honest review.</source>
        <translation>Una solicitud de reseña no puede ofrecer nada a cambio (&apos;%1&apos;): elimine la oferta; puede pedir una reseña sincera.</translation>
    </message>
    <message>
        <source>A review request must not ask for a good rating or only satisfied buyers (&apos;%1&apos;): ask every buyer for an honest review.</source>
        <translation>Una solicitud de reseña no puede pedir una buena valoración ni dirigirse solo a compradores satisfechos (&apos;%1&apos;): pida a todos una reseña sincera.</translation>
    </message>
    <message>
        <source>This message only thanks the buyer or offers help, which the marketplace calls unnecessary. Send it only with something about the order (shipping, a question, a fix).</source>
        <translation>Este mensaje solo da las gracias o ofrece ayuda, lo que el marketplace considera innecesario. Envíelo solo con algo sobre el pedido (envío, una pregunta, una solución).</translation>
    </message>
    <message>
        <source>This reads as %1, but the buyer&apos;s language is %2.</source>
        <translation>El texto parece estar en %1, pero el idioma del comprador es el %2.</translation>
    </message>
    <message>
        <source>an out-of-stock notice</source>
        <translation>un aviso de falta de existencias</translation>
    </message>
    <message>
        <source>a shipping confirmation</source>
        <translation>una confirmación de envío</translation>
    </message>
    <message>
        <source>a product manual</source>
        <translation>un manual del producto</translation>
    </message>
    <message>
        <source>a review request</source>
        <translation>una solicitud de reseña</translation>
    </message>
    <message>
        <source>this message</source>
        <translation>este mensaje</translation>
    </message>
    <message>
        <source>a PDF</source>
        <translation>un PDF</translation>
    </message>
    <message>
        <source>a Word document</source>
        <translation>un documento de Word</translation>
    </message>
    <message>
        <source>an image</source>
        <translation>una imagen</translation>
    </message>
    <message>
        <source>a text file</source>
        <translation>un archivo de texto</translation>
    </message>
    <message>
        <source>a zip archive</source>
        <translation>un archivo ZIP</translation>
    </message>
    <message>
        <source>a Windows program</source>
        <translation>un programa de Windows</translation>
    </message>
    <message>
        <source>a Linux program</source>
        <translation>un programa de Linux</translation>
    </message>
    <message>
        <source>an unknown type</source>
        <translation>un tipo desconocido</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>sueco</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
    <message>
        <source>German</source>
        <translation>alemán</translation>
    </message>
    <message>
        <source>French</source>
        <translation>francés</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>italiano</translation>
    </message>
    <message>
        <source>This file is %1, not a PDF.</source>
        <translation>Este archivo es %1, no un PDF.</translation>
    </message>
    <message>
        <source>This file is %1, not a Word document.</source>
        <translation>Este archivo es %1, no un documento de Word.</translation>
    </message>
    <message>
        <source>This file is %1, not an image.</source>
        <translation>Este archivo es %1, no una imagen.</translation>
    </message>
    <message>
        <source>This file is %1, not a text file.</source>
        <translation>Este archivo es %1, no un archivo de texto.</translation>
    </message>
    <message>
        <source>%1 (%2) is larger than the %3 limit of %4.</source>
        <translation>%1 (%2) supera el límite de %3 de %4.</translation>
    </message>
    <message>
        <source>this marketplace</source>
        <translation>este marketplace</translation>
    </message>
    <message>
        <source>This file is %1; you can attach PDF, Word, image and text files.</source>
        <translation>Este archivo es %1; puedes adjuntar archivos PDF, Word, de imagen y de texto.</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2).</source>
        <translation>No se puede leer %1 (%2).</translation>
    </message>
</context>
<context>
    <name>PolicyPanel</name>
    <message>
        <source>✓ Within the marketplace&apos;s rules</source>
        <translation>✓ Cumple las normas del marketplace</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) block sending</source>
        <translation>
            <numerusform>%n problema impide el envío</numerusform>
            <numerusform>%n problemas impiden el envío</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n advertencia</numerusform>
            <numerusform>%n advertencias</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Relay</name>
    <message>
        <source>Your message was not delivered: this buyer has opted out of unsolicited messages. Replies in a conversation the buyer started, critical messages marked [Important], and messages about handmade, custom or wine orders still reach them.</source>
        <translation>Tu mensaje no se entregó: este comprador se ha dado de baja de los mensajes no solicitados. Las respuestas en una conversación que inició el comprador, los mensajes críticos marcados con [Important] y los mensajes sobre pedidos artesanales, personalizados o de vino le siguen llegando.</translation>
    </message>
    <message>
        <source>The marketplace did not deliver your reply%1. The buyer may have opted out of messages; replies in a conversation the buyer started and critical messages marked [Important] still reach them.</source>
        <translation>El marketplace no entregó tu respuesta%1. Puede que el comprador se haya dado de baja de los mensajes; las respuestas en una conversación que inició el comprador y los mensajes críticos marcados con [Important] le siguen llegando.</translation>
    </message>
    <message>
        <source>Your mail server could not deliver your reply%1. If it says the sender is not allowed, add your address under Messaging Permissions in Seller Central.</source>
        <translation>Tu servidor de correo no pudo entregar tu respuesta%1. Si dice que el remitente no está permitido, añade tu dirección en Messaging Permissions de Seller Central.</translation>
    </message>
    <message>
        <source>Your mail server refused your reply%1. If it says the sender is not allowed, check the address you send from.</source>
        <translation>Tu servidor de correo rechazó tu respuesta%1. Si dice que el remitente no está permitido, revisa la dirección desde la que envías.</translation>
    </message>
    <message>
        <source>This reply could not be written as a mail%1, so it was not sent. Copy its text into your mail program.</source>
        <translation>No se pudo convertir tu respuesta en un correo%1, así que no se envió. Copia su texto en tu programa de correo.</translation>
    </message>
    <message>
        <source>Your mail server reports a delay%1 and keeps trying to deliver your reply. Nothing to do yet; a later report will say if it fails.</source>
        <translation>Tu servidor de correo informa de un retraso%1 y sigue intentando entregar tu respuesta. Por ahora no hay nada que hacer; un informe posterior dirá si falla.</translation>
    </message>
    <message>
        <source>The connection to your mail server broke while this reply was being handed over, and no copy is in your Sent folder: check your mail program before sending it again.</source>
        <translation>La conexión con tu servidor de correo se cortó mientras se entregaba esta respuesta y no hay ninguna copia en tu carpeta de enviados: revisa tu programa de correo antes de volver a enviarla.</translation>
    </message>
    <message>
        <source>This mail claims to come from the marketplace, but your mail server&apos;s sender checks (SPF/DKIM/DMARC) failed: it may be forged. Do not open its links or attachments, and check the conversation in Seller Central before you answer.</source>
        <translation>Este correo dice venir del marketplace, pero las comprobaciones del remitente de tu servidor de correo (SPF/DKIM/DMARC) fallaron: puede ser falso. No abras sus enlaces ni sus adjuntos y revisa la conversación en Seller Central antes de responder.</translation>
    </message>
    <message>
        <source>This mail was too large to import whole (over 25 MB): its text is shown as far as it was read, its attachments were not imported. Open it in your mail program.</source>
        <translation>Este correo era demasiado grande para importarlo entero (más de 25 MB): su texto se muestra hasta donde se leyó y sus adjuntos no se importaron. Ábrelo en tu programa de correo.</translation>
    </message>
    <message>
        <source>The relay removed attachments that do not comply with the marketplace&apos;s rules:</source>
        <translation>El relay eliminó adjuntos que no cumplen las normas del marketplace:</translation>
    </message>
    <message>
        <source>- %1: file type %2 is not allowed</source>
        <translation>- %1: el tipo de archivo %2 no está permitido</translation>
    </message>
    <message>
        <source>- %1: over the %2 limit per message</source>
        <translation>- %1: supera el límite de %2 por mensaje</translation>
    </message>
    <message>
        <source>The marketplace&apos;s rules refused it. Open the draft, change what the rules check marks, and send it again.</source>
        <translation>Las normas del marketplace lo rechazaron. Abre el borrador, cambia lo que marca la comprobación de normas y envíalo de nuevo.</translation>
    </message>
    <message>
        <source>This buyer has opted out: a critical message needs [Important] in its subject.</source>
        <translation>Este comprador se ha dado de baja: un mensaje crítico necesita [Important] en el asunto.</translation>
    </message>
    <message>
        <source>Not sent: this buyer has opted out of unsolicited messages.</source>
        <translation>No enviado: este comprador se ha dado de baja de los mensajes no solicitados.</translation>
    </message>
    <message>
        <source>The relay refused an attachment (its type or size).</source>
        <translation>El relay rechazó un adjunto (por su tipo o tamaño).</translation>
    </message>
    <message>
        <source>An attachment is no longer on the relay: attach it again.</source>
        <translation>Un adjunto ya no está en el relay: adjúntalo de nuevo.</translation>
    </message>
    <message>
        <source>The conversation is no longer on the relay.</source>
        <translation>La conversación ya no está en el relay.</translation>
    </message>
    <message>
        <source>The conversation has not reached the relay yet: sync, then retry.</source>
        <translation>La conversación aún no ha llegado al relay: sincroniza y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The relay does not allow this account to send it.</source>
        <translation>El relay no permite que esta cuenta lo envíe.</translation>
    </message>
    <message>
        <source>The relay could not accept this message as it is.</source>
        <translation>El relay no pudo aceptar este mensaje tal como está.</translation>
    </message>
    <message>
        <source>The message is too large for the relay.</source>
        <translation>El mensaje es demasiado grande para el relay.</translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <source>Saved views</source>
        <translation>Vistas guardadas</translation>
    </message>
    <message>
        <source>Saved view %1</source>
        <translation>Vista guardada %1</translation>
    </message>
    <message>
        <source>Save this view…</source>
        <translation>Guardar esta vista…</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vistas</translation>
    </message>
    <message>
        <source>Save this view</source>
        <translation>Guardar esta vista</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>Nombre de la vista:</translation>
    </message>
    <message>
        <source>Delete a saved view</source>
        <translation>Eliminar una vista guardada</translation>
    </message>
</context>
<context>
    <name>SellerDayPart</name>
    <message>
        <source>The buyer only says thanks.</source>
        <translation>El comprador solo da las gracias.</translation>
    </message>
    <message>
        <source>No response needed</source>
        <translation>No requiere respuesta</translation>
    </message>
    <message>
        <source>Internal notes</source>
        <translation>Notas internas</translation>
    </message>
    <message>
        <source>Insert template</source>
        <translation>Insertar plantilla</translation>
    </message>
    <message>
        <source>Templates…</source>
        <translation>Plantillas…</translation>
    </message>
    <message>
        <source>Snooze…</source>
        <translation>Posponer…</translation>
    </message>
    <message>
        <source>Remind me if no reply…</source>
        <translation>Recordármelo si no hay respuesta…</translation>
    </message>
    <message>
        <source>End snooze</source>
        <translation>Terminar aplazamiento</translation>
    </message>
    <message>
        <source>Add internal note</source>
        <translation>Añadir nota interna</translation>
    </message>
    <message>
        <source>Not connected to the relay: notes and templates are saved through it.</source>
        <translation type="vanished">Sin conexión con el relé: las notas y plantillas se guardan a través de él.</translation>
    </message>
    <message>
        <source>Snoozed until the buyer replies</source>
        <translation>Pospuesta hasta que responda el comprador</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>Pospuesta hasta %1</translation>
    </message>
    <message>
        <source>A template with this name exists already.</source>
        <translation>Ya existe una plantilla con este nombre.</translation>
    </message>
    <message>
        <source>The relay refused the template: %1</source>
        <translation>El relé rechazó la plantilla: %1</translation>
    </message>
    <message>
        <source>Saved, but the rules check flagged it: see below.</source>
        <translation>Guardada, pero la comprobación de normas la marcó: véase abajo.</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>No importadas: %1</translation>
    </message>
    <message>
        <source>Templates exported.</source>
        <translation>Plantillas exportadas.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Starting the demo relay…</source>
        <translation>Iniciando el relay de demostración…</translation>
    </message>
    <message>
        <source>Many matches: showing the newest. Add a word to narrow it.</source>
        <translation type="vanished">Muchas coincidencias: se muestran las más recientes. Añade una palabra para acotar.</translation>
    </message>
    <message>
        <source>Demo: the token is kept in the demo folder.</source>
        <translation>Demo: el token se guarda en la carpeta de la demo.</translation>
    </message>
    <message>
        <source>Your token will be kept in your system keyring (%1).</source>
        <translation>Tu token se guardará en el llavero del sistema (%1).</translation>
    </message>
    <message>
        <source>No secure keyring on this computer (%1): the token is kept for this session only, and you sign in again next time.</source>
        <translation>No hay un llavero seguro en este ordenador (%1): el token se guarda solo durante esta sesión y tendrás que volver a iniciar sesión la próxima vez.</translation>
    </message>
    <message>
        <source>The relay refused this token. Check it and try again.</source>
        <translation>El relay rechazó este token. Compruébalo y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation>No se pudo iniciar sesión: %1</translation>
    </message>
    <message>
        <source>Not sent: this draft is not the open conversation&apos;s.</source>
        <translation>No enviado: este borrador no es de la conversación abierta.</translation>
    </message>
    <message>
        <source>Too late to undo: already sending</source>
        <translation>Demasiado tarde para deshacer: ya se está enviando</translation>
    </message>
    <message>
        <source>Back in your drafts</source>
        <translation>De vuelta en tus borradores</translation>
    </message>
    <message>
        <source>Sent ✓</source>
        <translation>Enviado ✓</translation>
    </message>
    <message>
        <source>Not sent: %1 (see the outbox)</source>
        <translation>No enviado: %1 (ver la bandeja de salida)</translation>
    </message>
    <message>
        <source>Attachments need a relay account: sign in first.</source>
        <translation>Los adjuntos requieren una cuenta de relay: inicia sesión primero.</translation>
    </message>
    <message>
        <source>Not attached: %1</source>
        <translation>No adjuntado: %1</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Guardar adjunto</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Algo salió mal: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Messaging</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Relay account</source>
        <translation>Cuenta de relay</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Firmas</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Turn messaging off per marketplace, now or as a scheduled vacation. Changes apply at once and reach the relay on the next sync.</source>
        <translation>Desactiva los mensajes por marketplace, ya o como vacaciones programadas. Los cambios se aplican al momento y llegan al relay en la próxima sincronización.</translation>
    </message>
    <message>
        <source>Paste the token from your marketplace account</source>
        <translation>Pega el token de tu cuenta del marketplace</translation>
    </message>
    <message>
        <source>Checking the keyring…</source>
        <translation>Comprobando el llavero…</translation>
    </message>
    <message>
        <source>Saved in your system keyring (%1)</source>
        <translation>Guardado en el llavero del sistema (%1)</translation>
    </message>
    <message>
        <source>Session-only: no secure keyring (%1). You sign in again each time you start.</source>
        <translation>Solo para esta sesión: no hay llavero seguro (%1). Tendrás que iniciar sesión cada vez que abras la aplicación.</translation>
    </message>
    <message>
        <source>Save and connect</source>
        <translation>Guardar y conectar</translation>
    </message>
    <message>
        <source>Demo: a relay running inside this app on your computer. Its token is kept in the demo folder, never in your keyring.</source>
        <translation>Demo: un relay que se ejecuta dentro de esta aplicación en tu ordenador. Su token se guarda en la carpeta de la demo, nunca en tu llavero.</translation>
    </message>
    <message>
        <source>Your mailbox: a relay running inside this app on your computer reads and answers your mail, and signs this window in by itself (no token to enter). To work from your team&apos;s relay instead, start Seller Inbox with a new profile (--profile FOLDER).</source>
        <translation>Tu buzón: un relé que se ejecuta dentro de esta aplicación en tu ordenador lee y responde tu correo, e inicia la sesión de esta ventana por sí mismo (no hace falta ningún token). Para trabajar con el relé de tu equipo, inicia Seller Inbox con un perfil nuevo (--profile CARPETA).</translation>
    </message>
    <message>
        <source>No token: this app signs in to its own relay.</source>
        <translation>Sin token: esta aplicación inicia sesión en su propio relé.</translation>
    </message>
    <message>
        <source>Relay URL</source>
        <translation>URL del relay</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Where the token lives</source>
        <translation>Dónde se guarda el token</translation>
    </message>
    <message>
        <source>Enter the relay URL and your token.</source>
        <translation>Introduce la URL del relay y tu token.</translation>
    </message>
    <message>
        <source>Checking the token with the relay…</source>
        <translation>Comprobando el token con el relay…</translation>
    </message>
    <message>
        <source>The relay refused this token.</source>
        <translation>El relay rechazó este token.</translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation>No se pudo iniciar sesión: %1</translation>
    </message>
    <message>
        <source>Saved in the keyring. Connecting…</source>
        <translation>Guardado en el llavero. Conectando…</translation>
    </message>
    <message>
        <source>Kept for this session only. Connecting…</source>
        <translation>Se conserva solo durante esta sesión. Conectando…</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Notify me when a buyer writes</source>
        <translation>Avisarme cuando escriba un comprador</translation>
    </message>
    <message>
        <source>Undo window after Send</source>
        <translation>Tiempo para deshacer tras Enviar</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Takes effect the next time Seller Inbox starts.</source>
        <translation>Se aplica la próxima vez que se inicie Seller Inbox.</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>  or  </source>
        <translation>  o  </translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
</context>
<context>
    <name>SignInBar</name>
    <message>
        <source>Sign in…</source>
        <translation>Iniciar sesión…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Signed out.&lt;/b&gt; The relay refused your token (it was revoked or has expired). Sign in again to keep your inbox in step; until then you can read and write drafts offline.</source>
        <translation>&lt;b&gt;Sesión cerrada.&lt;/b&gt; El relay rechazó tu token (se revocó o ha caducado). Vuelve a iniciar sesión para mantener tu bandeja de entrada al día; mientras tanto puedes leer y escribir borradores sin conexión.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not connected to a relay.&lt;/b&gt; Sign in with your relay address and token to receive buyer messages and send replies.</source>
        <translation>&lt;b&gt;Sin conexión a un relay.&lt;/b&gt; Inicia sesión con la dirección del relay y tu token para recibir mensajes de compradores y enviar respuestas.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to your relay</source>
        <translation>Inicia sesión en tu relay</translation>
    </message>
    <message>
        <source>Paste the token from your marketplace account&apos;s relay page. The token stays on this computer: in your system keyring, or only for this session when no secure keyring is available.</source>
        <translation>Pega el token de la página del relay de tu cuenta del marketplace. El token se queda en este ordenador: en el llavero del sistema, o solo durante esta sesión si no hay un llavero seguro.</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Relay URL</source>
        <translation>URL del relay</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Enter the relay address, starting with https://</source>
        <translation>Introduce la dirección del relay, que empieza por https://</translation>
    </message>
    <message>
        <source>Paste your token.</source>
        <translation>Pega tu token.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
</context>
<context>
    <name>SignaturesTab</name>
    <message>
        <source>Added under every reply on that marketplace, below a “-- ” line. Write one for all buyers, and one per language where you want: a buyer gets the one in their language, else the one for all. The rules check reads it with your reply.</source>
        <translation>Se añade bajo cada respuesta en ese marketplace, tras una línea «-- ». Escriba una para todos los compradores y, si quiere, una por idioma: cada comprador recibe la de su idioma o, si no la hay, la de todos. La comprobación de normas la revisa junto con su respuesta.</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>Todos los idiomas</translation>
    </message>
    <message>
        <source>e.g. Kind regards, Anna – Nordic Mugs</source>
        <translation>p. ej. Un saludo, Anna – Nordic Mugs</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marketplace</translation>
    </message>
    <message>
        <source>Buyer&apos;s language</source>
        <translation>Idioma del comprador</translation>
    </message>
    <message>
        <source>Buyers in this language get the one for all languages.</source>
        <translation>Los compradores en este idioma reciben la de todos los idiomas.</translation>
    </message>
    <message>
        <source>No signature for these buyers.</source>
        <translation>Sin firma para estos compradores.</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Remind me if there is no reply</source>
        <translation>Recordármelo si no hay respuesta</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>Posponer hasta</translation>
    </message>
    <message>
        <source>Why (optional): shown when it comes back</source>
        <translation>Por qué (opcional): se muestra cuando vuelva</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>The marketplace&apos;s 24-hour clock keeps running: the answer is due %1, before this snooze ends.</source>
        <translation>El reloj de 24 horas del marketplace sigue corriendo: la respuesta vence %1, antes de que termine este aplazamiento.</translation>
    </message>
</context>
<context>
    <name>SnoozeMenu</name>
    <message>
        <source>Snooze</source>
        <translation>Posponer</translation>
    </message>
    <message>
        <source>Later today</source>
        <translation>Más tarde hoy</translation>
    </message>
    <message>
        <source>Tomorrow morning</source>
        <translation>Mañana por la mañana</translation>
    </message>
    <message>
        <source>Monday morning</source>
        <translation>El lunes por la mañana</translation>
    </message>
    <message>
        <source>Until the buyer replies</source>
        <translation>Hasta que responda el comprador</translation>
    </message>
    <message>
        <source>Pick a date…</source>
        <translation>Elegir una fecha…</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <source>Find a template…</source>
        <translation>Buscar una plantilla…</translation>
    </message>
    <message>
        <source>%1 (no %2 text)</source>
        <translation>%1 (sin texto en %2)</translation>
    </message>
    <message>
        <source>breaks the rules</source>
        <translation>incumple las normas</translation>
    </message>
    <message>
        <source>No template matches.</source>
        <translation>Ninguna plantilla coincide.</translation>
    </message>
    <message>
        <source>No templates yet: create them under Edit › Templates…</source>
        <translation>Aún no hay plantillas: créalas en Edición › Plantillas…</translation>
    </message>
    <message>
        <source>No templates yet: create them under Conversation › Templates…</source>
        <translation type="vanished">Aún no hay plantillas: créalas en Conversación › Plantillas…</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <source>Import / export</source>
        <translation>Importar / exportar</translation>
    </message>
    <message>
        <source>Import from a file…</source>
        <translation>Importar desde un archivo…</translation>
    </message>
    <message>
        <source>Export all to a file…</source>
        <translation>Exportar todas a un archivo…</translation>
    </message>
    <message>
        <source>Add language</source>
        <translation>Añadir idioma</translation>
    </message>
    <message>
        <source>Insert placeholder</source>
        <translation>Insertar marcador</translation>
    </message>
    <message>
        <source>Placeholders are filled from the conversation when you insert the template. The text in the buyer&apos;s language is chosen for you.</source>
        <translation>Los marcadores se rellenan con los datos de la conversación al insertar la plantilla. Se elige por ti el texto en el idioma del comprador.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Contact reason</source>
        <translation>Motivo del contacto</translation>
    </message>
    <message>
        <source>The rules check flagged this template</source>
        <translation>La comprobación de normas marcó esta plantilla</translation>
    </message>
    <message>
        <source>Not shared: a teammate&apos;s template has this name. Rename it.</source>
        <translation>No compartida: una plantilla de tu equipo ya tiene este nombre. Cámbiale el nombre.</translation>
    </message>
    <message>
        <source>Not shared: the relay refused it (%1).</source>
        <translation>No compartida: el relay la rechazó (%1).</translation>
    </message>
    <message>
        <source>waiting for the connection</source>
        <translation>esperando la conexión</translation>
    </message>
    <message>
        <source>Unknown placeholder: %1</source>
        <translation>Marcador desconocido: %1</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation>Dale un nombre a la plantilla.</translation>
    </message>
    <message>
        <source>Each text needs words, at most 10,000 characters and known placeholders.</source>
        <translation>Cada texto necesita palabras, como máximo 10.000 caracteres y marcadores conocidos.</translation>
    </message>
    <message>
        <source>Import templates</source>
        <translation>Importar plantillas</translation>
    </message>
    <message>
        <source>Template exports (*.json)</source>
        <translation>Exportaciones de plantillas (*.json)</translation>
    </message>
    <message>
        <source>Export templates</source>
        <translation>Exportar plantillas</translation>
    </message>
</context>
<context>
    <name>TemplatesPart</name>
    <message numerus="yes">
        <source>%n template(s) imported.</source>
        <translation>
            <numerusform>%n plantilla importada.</numerusform>
            <numerusform>%n plantillas importadas.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThreadTableModel</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n no leído</numerusform>
            <numerusform>%n no leídos</numerusform>
        </translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Marcada</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>Marketplace</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Comprador</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Última actividad</translation>
    </message>
    <message>
        <source>Answer within</source>
        <translation>Responder en</translation>
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
        <translation>Mostrar Seller Inbox</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Nuevo mensaje de %1</translation>
    </message>
</context>
<context>
    <name>TriageKeys</name>
    <message>
        <source>Sort by newest activity</source>
        <translation>Ordenar por actividad más reciente</translation>
    </message>
    <message>
        <source>Sort by deadline</source>
        <translation>Ordenar por urgencia (plazo)</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Waiting for the connection to send…</source>
        <translation>Esperando la conexión para enviar…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message numerus="yes">
        <source>Message queued: sending in %n s</source>
        <translation>
            <numerusform>Mensaje en cola: se envía en %n s</numerusform>
            <numerusform>Mensaje en cola: se envía en %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <source>No relay account</source>
        <translation type="vanished">Sin cuenta de relay</translation>
    </message>
    <message>
        <source>Set up your relay account in Settings to send messages.</source>
        <translation type="vanished">Configura tu cuenta de relay en Ajustes para enviar mensajes.</translation>
    </message>
</context>
</TS>
