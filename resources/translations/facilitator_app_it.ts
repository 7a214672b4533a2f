<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>AbsenceDialog</name>
    <message>
        <source>Justified absence</source>
        <translation>Assenza giustificata</translation>
    </message>
    <message>
        <source>Reason (e.g. health, work, family)</source>
        <translation>Motivo (ad es. salute, lavoro, famiglia)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Remove the justification</source>
        <translation>Togli la giustificazione</translation>
    </message>
    <message>
        <source>A justified absence needs a reason.</source>
        <translation>Per giustificare un&apos;assenza serve il motivo.</translation>
    </message>
    <message>
        <source>Choose at least one session.</source>
        <translation>Scegli almeno una sessione.</translation>
    </message>
</context>
<context>
    <name>AnswerForm</name>
    <message>
        <source>Record the answer</source>
        <translation>Registra la risposta</translation>
    </message>
    <message>
        <source>What the Comune answered, in its words</source>
        <translation>Che cosa ha risposto il Comune, con le sue parole</translation>
    </message>
    <message>
        <source>type and number, e.g. DG 123/2024</source>
        <translation>tipo e numero, per esempio DG 123/2024</translation>
    </message>
    <message>
        <source>Direzione or Assessorato</source>
        <translation>Direzione o Assessorato</translation>
    </message>
    <message>
        <source>no PDF attached</source>
        <translation>nessun PDF allegato</translation>
    </message>
    <message>
        <source>Attach the act (PDF)…</source>
        <translation>Allega l&apos;atto (PDF)…</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Risposta</translation>
    </message>
    <message>
        <source>Answered on</source>
        <translation>Risposta del</translation>
    </message>
    <message>
        <source>Text of the answer</source>
        <translation>Testo della risposta</translation>
    </message>
    <message>
        <source>Act</source>
        <translation>Atto</translation>
    </message>
    <message>
        <source>Date of the act</source>
        <translation>Data dell&apos;atto</translation>
    </message>
    <message>
        <source>Link to the act</source>
        <translation>Link all&apos;atto</translation>
    </message>
    <message>
        <source>Act as PDF</source>
        <translation>Atto in PDF</translation>
    </message>
    <message>
        <source>Responsible office</source>
        <translation>Ufficio responsabile</translation>
    </message>
    <message>
        <source>Attach the act</source>
        <translation>Allega l&apos;atto</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>File PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign people to groups</source>
        <translation>Assegna le persone ai gruppi</translation>
    </message>
    <message>
        <source>People checked in</source>
        <translation>Persone presenti</translation>
    </message>
    <message>
        <source>People expected</source>
        <translation>Persone attese</translation>
    </message>
    <message>
        <source>How much meeting new people counts against a balanced mix (small: mix first; 1: meetings first)</source>
        <translation>Quanto conta far incontrare persone nuove rispetto all&apos;equilibrio dei gruppi (basso: prima l&apos;equilibrio; 1: prima gli incontri)</translation>
    </message>
    <message>
        <source>Balance on (weight)</source>
        <translation>Equilibra per (peso)</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppi</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Chi</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Codice sorteggio</translation>
    </message>
    <message>
        <source>New meetings (weight)</source>
        <translation>Nuovi incontri (peso)</translation>
    </message>
    <message>
        <source>Run again (new seed)</source>
        <translation>Nuovo sorteggio</translation>
    </message>
    <message>
        <source>Accept and save the seats</source>
        <translation>Accetta e salva i gruppi</translation>
    </message>
    <message>
        <source>Choose at least one field to balance.</source>
        <translation>Scegli almeno una caratteristica da equilibrare.</translation>
    </message>
    <message>
        <source>%1 people in %2 groups · seed %3</source>
        <translation>Persone: %1 · gruppi: %2 · codice sorteggio: %3</translation>
    </message>
    <message>
        <source>Diversity %1 — rounding bound %2 (lower is better; no grouping can go below the bound)</source>
        <translation>Squilibrio %1 — minimo possibile %2 (più basso è meglio; nessuna suddivisione scende sotto il minimo)</translation>
    </message>
    <message>
        <source>New meetings: %1% of the maximum (%2 of %3 pairs meet for the first time; by lot about %4%)</source>
        <translation>Nuovi incontri: %1% del massimo (%2 coppie su %3 si incontrano per la prima volta; a sorte circa %4%)</translation>
    </message>
    <message>
        <source>%1 people committed to a theme that has no group here.</source>
        <translation>Persone con un tema scelto che qui non ha un gruppo: %1.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppo</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Persone</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Partecipanti</translation>
    </message>
    <message>
        <source>Assign groups</source>
        <translation>assegnazione dei gruppi</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Registro delle esportazioni</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>esportato</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>stampato</translation>
    </message>
    <message>
        <source>packaged</source>
        <translation>pacchetto</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Cosa</translation>
    </message>
    <message>
        <source>Where to</source>
        <translation>Dove</translation>
    </message>
    <message>
        <source>Every export, printout and package of the assembly&apos;s data made on any laptop, once its packages have arrived here. Entries cannot be changed or deleted.</source>
        <translation>Ogni esportazione, stampa e pacchetto dei dati dell&apos;assemblea fatti su qualsiasi computer, da quando i suoi pacchetti sono arrivati qui. Le voci non si possono modificare né cancellare.</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>Esporta in CSV…</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 voci</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Esporta il registro</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>File CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossibile scrivere %1: %2</translation>
    </message>
    <message>
        <source>%1 entries saved to %2.</source>
        <translation>%1 voci salvate in %2.</translation>
    </message>
</context>
<context>
    <name>CaptureBar</name>
    <message>
        <source>Type what was said and press Enter  (#5.1.4 or #mobilità adds a tag)</source>
        <translation>Scrivi cosa è stato detto e premi Invio  (#5.1.4 o #mobilità aggiunge un tag)</translation>
    </message>
    <message>
        <source>Who said it (optional)</source>
        <translation>Chi l&apos;ha detto (facoltativo)</translation>
    </message>
    <message>
        <source>%1  Alt+%2</source>
        <translation>%1  Alt+%2</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Temi</translation>
    </message>
    <message>
        <source>Air and Climate Plan actions</source>
        <translation>Azioni del Piano Aria e Clima</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonimo</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Tag: %1</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>Tag…</translation>
    </message>
    <message>
        <source>Write something first: an empty note is not saved.</source>
        <translation>Scrivi prima qualcosa: un post-it vuoto non viene salvato.</translation>
    </message>
    <message>
        <source>Choose a plenary and a group first.</source>
        <translation>Scegli prima una plenaria e un gruppo.</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>aggiunta di un post-it</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>Note categories</source>
        <translation>Categorie dei post-it</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Aggiungi…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Rinomina…</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Colore…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Operazione non eseguita</translation>
    </message>
    <message>
        <source>New category</source>
        <translation>Nuova categoria</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nome:</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colore</translation>
    </message>
    <message>
        <source>Rename category</source>
        <translation>Rinomina categoria</translation>
    </message>
    <message>
        <source>Remove category</source>
        <translation>Elimina categoria</translation>
    </message>
    <message>
        <source>Remove the category “%1”? Its notes stay, without a category.</source>
        <translation>Eliminare la categoria “%1”? I suoi post-it restano, senza categoria.</translation>
    </message>
</context>
<context>
    <name>CheckInModel</name>
    <message>
        <source>Facilitator</source>
        <translation>Facilitatore</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>Esperto/a</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Ospite</translation>
    </message>
    <message>
        <source>Substitute</source>
        <translation>Sostituto/a</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>Osservatore/trice</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>justified absence</source>
        <translation>assenza giustificata</translation>
    </message>
    <message>
        <source>✓ %1 · left %2</source>
        <translation>✓ %1 · uscita %2</translation>
    </message>
    <message>
        <source>✓ %1 · late</source>
        <translation>✓ %1 · in ritardo</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <source>Whole day</source>
        <translation>Tutto il giorno</translation>
    </message>
    <message>
        <source>Also check into the later sessions of the day</source>
        <translation>Registra la presenza anche nelle sessioni successive della giornata</translation>
    </message>
    <message>
        <source>Surname or badge code, then Enter</source>
        <translation>Cognome o codice badge, poi Invio</translation>
    </message>
    <message>
        <source>Check in ⏎</source>
        <translation>Registra ⏎</translation>
    </message>
    <message>
        <source>Walk-in F2</source>
        <translation>Fuori elenco F2</translation>
    </message>
    <message>
        <source>Who is missing F4</source>
        <translation>Chi manca F4</translation>
    </message>
    <message>
        <source>Leaving F6</source>
        <translation>Uscita F6</translation>
    </message>
    <message>
        <source>Time F7</source>
        <translation>Orari F7</translation>
    </message>
    <message>
        <source>Justified F9</source>
        <translation>Giustifica F9</translation>
    </message>
    <message>
        <source>Undo Ctrl+Z</source>
        <translation>Annulla Ctrl+Z</translation>
    </message>
    <message>
        <source>Present %1 of %2</source>
        <translation>Presenti %1 su %2</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Pronti</translation>
    </message>
    <message>
        <source>Scan a badge, or type the first letters of the surname and press Enter.</source>
        <translation>Passa il badge sul lettore, oppure scrivi le prime lettere del cognome e premi Invio.</translation>
    </message>
    <message>
        <source>CHECKED IN</source>
        <translation>PRESENZA REGISTRATA</translation>
    </message>
    <message>
        <source>WELCOME BACK</source>
        <translation>RIENTRO REGISTRATO</translation>
    </message>
    <message>
        <source>first arrival at %1 · %2</source>
        <translation>primo arrivo alle %1 · %2</translation>
    </message>
    <message>
        <source>ALREADY CHECKED IN</source>
        <translation>PRESENZA GIÀ REGISTRATA</translation>
    </message>
    <message>
        <source>late</source>
        <translation>in ritardo</translation>
    </message>
    <message>
        <source>and the later sessions</source>
        <translation>e le sessioni successive</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>alle %1</translation>
    </message>
    <message>
        <source>already checked in at %1</source>
        <translation>registrata alle %1</translation>
    </message>
    <message>
        <source>LEAVING</source>
        <translation>USCITA REGISTRATA</translation>
    </message>
    <message>
        <source>left at %1 · %2</source>
        <translation>uscita alle %1 · %2</translation>
    </message>
    <message>
        <source>UNKNOWN BADGE</source>
        <translation>BADGE SCONOSCIUTO</translation>
    </message>
    <message>
        <source>Nobody has this code. Search by surname, or register a walk-in (F2).</source>
        <translation>Nessuno ha questo codice. Cerca per cognome, oppure registra una persona fuori elenco (F2).</translation>
    </message>
    <message>
        <source>NOBODY FOUND</source>
        <translation>NESSUNO TROVATO</translation>
    </message>
    <message>
        <source>Check the spelling, or register a walk-in (F2).</source>
        <translation>Controlla come è scritto, oppure registra una persona fuori elenco (F2).</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>ritirato/a</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>sostituito/a</translation>
    </message>
    <message>
        <source>a former member</source>
        <translation>un ex membro</translation>
    </message>
    <message>
        <source>not in office on this date</source>
        <translation>fuori mandato in questa data</translation>
    </message>
    <message>
        <source>Not in office</source>
        <translation>Non in carica</translation>
    </message>
    <message>
        <source>%1 is %2. Check in anyway?</source>
        <translation>%1 risulta %2. Registrare comunque la presenza?</translation>
    </message>
    <message>
        <source>NOT CHECKED IN</source>
        <translation>PRESENZA NON REGISTRATA</translation>
    </message>
    <message>
        <source>check-in of %1</source>
        <translation>registrazione di %1</translation>
    </message>
    <message>
        <source>Only someone checked in can leave.</source>
        <translation>Si registra l&apos;uscita solo di chi è già presente.</translation>
    </message>
    <message>
        <source>departure of %1</source>
        <translation>uscita di %1</translation>
    </message>
    <message>
        <source>times of %1</source>
        <translation>orari di %1</translation>
    </message>
    <message>
        <source>TIMES CORRECTED</source>
        <translation>ORARI CORRETTI</translation>
    </message>
    <message>
        <source>arrived at %1</source>
        <translation>arrivo alle %1</translation>
    </message>
    <message>
        <source>UNDONE</source>
        <translation>OPERAZIONE ANNULLATA</translation>
    </message>
    <message>
        <source>WALK-IN</source>
        <translation>FUORI ELENCO</translation>
    </message>
    <message>
        <source>Someone not on the list</source>
        <translation>Una persona che non è in elenco</translation>
    </message>
    <message>
        <source>Name, Tab, role (arrow keys), Tab, organisation, Enter. Esc cancels.</source>
        <translation>Nome, Tab, ruolo (frecce), Tab, ente, Invio. Esc per annullare.</translation>
    </message>
    <message>
        <source>walk-in %1</source>
        <translation>registrazione fuori elenco di %1</translation>
    </message>
    <message>
        <source>Justified absence</source>
        <translation>Assenza giustificata</translation>
    </message>
    <message>
        <source>absence of %1</source>
        <translation>assenza di %1</translation>
    </message>
    <message>
        <source>JUSTIFIED ABSENCE</source>
        <translation>ASSENZA GIUSTIFICATA</translation>
    </message>
    <message>
        <source>JUSTIFICATION REMOVED</source>
        <translation>GIUSTIFICAZIONE TOLTA</translation>
    </message>
    <message>
        <source>Careful: plenary %1 is on %2, not today (%3). Check-ins count for that day.</source>
        <translation>Attenzione: la plenaria %1 è del %2, non di oggi (%3). Le registrazioni valgono per quel giorno.</translation>
    </message>
    <message>
        <source>CHOOSE WHO</source>
        <translation>SCEGLI CHI</translation>
    </message>
    <message>
        <source>%1 people match</source>
        <translation>%1 persone corrispondono</translation>
    </message>
    <message>
        <source>Choose with the arrows, then Enter. Enter again checks in %1.</source>
        <translation>Scegli con le frecce, poi Invio. Premendo di nuovo Invio registri %1.</translation>
    </message>
</context>
<context>
    <name>ColumnsBox</name>
    <message>
        <source>Columns</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation>(automatico)</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— non importata —</translation>
    </message>
    <message>
        <source>Field for column %1</source>
        <translation>Campo per la colonna %1</translation>
    </message>
    <message>
        <source>(no header)</source>
        <translation>(senza intestazione)</translation>
    </message>
    <message>
        <source>recognised</source>
        <translation>riconosciuta</translation>
    </message>
    <message>
        <source>your choice</source>
        <translation>scelta da te</translation>
    </message>
    <message>
        <source>left out, as you chose</source>
        <translation>esclusa, come hai scelto</translation>
    </message>
    <message>
        <source>not recognised: choose a field or leave it out</source>
        <translation>non riconosciuta: scegli un campo o escludila</translation>
    </message>
    <message>
        <source>same header as another column: choose which field each one is</source>
        <translation>stessa intestazione di un&apos;altra colonna: scegli il campo di ciascuna</translation>
    </message>
</context>
<context>
    <name>CompositionChart</name>
    <message>
        <source>Gender</source>
        <translation>Genere</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Fascia d&apos;età</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation>Cittadinanza</translation>
    </message>
    <message>
        <source>Municipio</source>
        <translation>Municipio</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Titolo di studio</translation>
    </message>
    <message>
        <source>Mun. %1</source>
        <translation>Mun. %1</translation>
    </message>
    <message>
        <source>Municipio %1</source>
        <translation>Municipio %1</translation>
    </message>
    <message>
        <source>age %1</source>
        <translation>età %1</translation>
    </message>
    <message>
        <source>share of the whole assembly</source>
        <translation>quota tra i partecipanti in carica</translation>
    </message>
    <message>
        <source>share among those present</source>
        <translation>quota tra i presenti</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 su %2</translation>
    </message>
    <message>
        <source>%1 pt</source>
        <translation>%1 punti</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts</source>
        <translation>Conflitti</translation>
    </message>
    <message>
        <source>When the same text was changed on two laptops before they exchanged packages, the app keeps the most recent version and saves the other one here, so nothing is lost. If the other version was the right one, restore it.</source>
        <translation>Quando lo stesso testo è stato cambiato su due portatili prima che si scambiassero i pacchetti, l&apos;app tiene la versione più recente e conserva qui l&apos;altra, così non si perde nulla. Se la versione giusta era l&apos;altra, ripristinala.</translation>
    </message>
    <message>
        <source>No conflicts: every change from the other laptops fitted in.</source>
        <translation>Nessun conflitto: tutte le modifiche degli altri portatili sono state integrate.</translation>
    </message>
    <message>
        <source>Show resolved</source>
        <translation>Mostra anche quelli risolti</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Ripristina questa versione</translation>
    </message>
    <message>
        <source>Write the other version back (it can be undone with Edit › Undo)</source>
        <translation>Riscrive l&apos;altra versione (si può annullare con Modifica › Annulla)</translation>
    </message>
    <message>
        <source>Keep the current one</source>
        <translation>Tieni quella attuale</translation>
    </message>
    <message>
        <source>Restore the version from %1</source>
        <translation>ripristino della versione di %1</translation>
    </message>
    <message>
        <source>Keep the current version</source>
        <translation>conferma della versione attuale</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>What</source>
        <translation>Cosa</translation>
    </message>
    <message>
        <source>Which</source>
        <translation>Quale</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Current version</source>
        <translation>Versione attuale</translation>
    </message>
    <message>
        <source>Other version (not kept)</source>
        <translation>Altra versione (non tenuta)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Da</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>gruppo %1</translation>
    </message>
    <message>
        <source>plenary %1</source>
        <translation>plenaria %1</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Risolto</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Da decidere</translation>
    </message>
</context>
<context>
    <name>CoreErrors</name>
    <message>
        <source>This plenary no longer exists (it may have been deleted in the meantime).</source>
        <translation>Questa plenaria non esiste più (forse è stata eliminata nel frattempo).</translation>
    </message>
    <message>
        <source>This session no longer exists (it may have been deleted in the meantime).</source>
        <translation>Questa sessione non esiste più (forse è stata eliminata nel frattempo).</translation>
    </message>
    <message>
        <source>This agenda item no longer exists (it may have been deleted in the meantime).</source>
        <translation>Questo punto all&apos;ordine del giorno non esiste più (forse è stato eliminato nel frattempo).</translation>
    </message>
    <message>
        <source>This person is no longer among the plenary&apos;s people (they may have been removed in the meantime).</source>
        <translation>Questa persona non è più tra le persone della plenaria (forse è stata tolta nel frattempo).</translation>
    </message>
    <message>
        <source>This member no longer exists (they may have been deleted in the meantime).</source>
        <translation>Questo partecipante non esiste più (forse è stato eliminato nel frattempo).</translation>
    </message>
    <message>
        <source>This group no longer exists (it may have been deleted in the meantime).</source>
        <translation>Questo gruppo non esiste più (forse è stato eliminato nel frattempo).</translation>
    </message>
    <message>
        <source>This theme no longer exists (it may have been deleted in the meantime).</source>
        <translation>Questo tema non esiste più (forse è stato eliminato nel frattempo).</translation>
    </message>
    <message>
        <source>This category no longer exists (it may have been deleted in the meantime).</source>
        <translation>Questa categoria non esiste più (forse è stata eliminata nel frattempo).</translation>
    </message>
    <message>
        <source>This cluster no longer exists (it may have been deleted in the meantime).</source>
        <translation>Questo raggruppamento non esiste più (forse è stato eliminato nel frattempo).</translation>
    </message>
    <message>
        <source>This note no longer exists (it may have been deleted in the meantime).</source>
        <translation>Questo post-it non esiste più (forse è stato eliminato nel frattempo).</translation>
    </message>
    <message>
        <source>This recommendation no longer exists (it may have been deleted in the meantime).</source>
        <translation>Questa raccomandazione non esiste più (forse è stata eliminata nel frattempo).</translation>
    </message>
    <message>
        <source>%1: write the time as HH:MM, for example 09:30 (not “%2”).</source>
        <translation>%1: scrivi l&apos;orario come ore:minuti, per esempio 09:30 (non “%2”).</translation>
    </message>
    <message>
        <source>%1: the end (%2) must come after the start (%3).</source>
        <translation>%1: la fine (%2) deve venire dopo l&apos;inizio (%3).</translation>
    </message>
    <message>
        <source>“%1” is not a valid date.</source>
        <translation>“%1” non è una data valida.</translation>
    </message>
    <message>
        <source>The plenary number must be a whole number, 1 or more (not “%1”).</source>
        <translation>Il numero della plenaria deve essere un numero intero, da 1 in su (non “%1”).</translation>
    </message>
    <message>
        <source>Plenary %1 already exists: choose another number.</source>
        <translation>La plenaria %1 esiste già: scegli un altro numero.</translation>
    </message>
    <message>
        <source>“%1” is not a status of a plenary.</source>
        <translation>“%1” non è uno stato possibile di una plenaria.</translation>
    </message>
    <message>
        <source>A session needs a name.</source>
        <translation>Una sessione deve avere un nome.</translation>
    </message>
    <message>
        <source>An agenda item needs a title.</source>
        <translation>Un punto all&apos;ordine del giorno deve avere un titolo.</translation>
    </message>
    <message>
        <source>This session is not part of this plenary.</source>
        <translation>Questa sessione non fa parte di questa plenaria.</translation>
    </message>
    <message>
        <source>“%1” is not a role this app knows.</source>
        <translation>“%1” non è un ruolo che questa app conosce.</translation>
    </message>
    <message>
        <source>Write the person&apos;s name.</source>
        <translation>Scrivi il nome della persona.</translation>
    </message>
    <message>
        <source>This session already has attendance records, so it cannot be deleted.</source>
        <translation>Questa sessione ha già delle presenze registrate, quindi non si può eliminare.</translation>
    </message>
    <message>
        <source>This plenary already has attendance records, so it cannot be deleted.</source>
        <translation>Questa plenaria ha già delle presenze registrate, quindi non si può eliminare.</translation>
    </message>
    <message>
        <source>The minutes after which an arrival is late must be a whole number, 0 or more.</source>
        <translation>I minuti dopo i quali un arrivo è in ritardo devono essere un numero intero, da 0 in su.</translation>
    </message>
    <message>
        <source>The number of absences in a row that calls for a follow-up must be a whole number, 1 or more.</source>
        <translation>Il numero di assenze di fila dopo cui richiamare deve essere un numero intero, da 1 in su.</translation>
    </message>
    <message>
        <source>The minimum attendance rate must be between 0% and 100%.</source>
        <translation>Il tasso minimo di presenza deve essere tra 0% e 100%.</translation>
    </message>
    <message>
        <source>Choose a member or a person first.</source>
        <translation>Scegli prima un partecipante o una persona.</translation>
    </message>
    <message>
        <source>No member has the badge %1.</source>
        <translation>Nessun partecipante ha il badge %1.</translation>
    </message>
    <message>
        <source>%1 is not in office on this date; confirm to check them in anyway.</source>
        <translation>%1 non è in carica in questa data; conferma per registrare comunque la presenza.</translation>
    </message>
    <message>
        <source>%1 is not checked in for this session.</source>
        <translation>%1 non risulta presente in questa sessione.</translation>
    </message>
    <message>
        <source>A justified absence needs a reason.</source>
        <translation>Per giustificare un&apos;assenza serve il motivo.</translation>
    </message>
    <message>
        <source>Choose at least one session.</source>
        <translation>Scegli almeno una sessione.</translation>
    </message>
    <message>
        <source>%1 is checked in for “%2”: undo the check-in first.</source>
        <translation>%1 risulta presente nella sessione “%2”: annulla prima la registrazione.</translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation>Un gruppo deve avere un nome.</translation>
    </message>
    <message>
        <source>The places of a group must be a whole number, 1 or more (not “%1”).</source>
        <translation>I posti di un gruppo devono essere un numero intero, da 1 in su (non “%1”).</translation>
    </message>
    <message>
        <source>The other plenary has no groups to copy.</source>
        <translation>L&apos;altra plenaria non ha gruppi da copiare.</translation>
    </message>
    <message>
        <source>This group belongs to another plenary or session.</source>
        <translation>Questo gruppo appartiene a un&apos;altra plenaria o sessione.</translation>
    </message>
    <message>
        <source>This member is not in any group of this plenary.</source>
        <translation>Questo partecipante non è in nessun gruppo di questa plenaria.</translation>
    </message>
    <message>
        <source>Unknown fields: %1. Choose among %2.</source>
        <translation>Campi sconosciuti: %1. Scegli tra %2.</translation>
    </message>
    <message>
        <source>Weights must be numbers, 0 or more (%1).</source>
        <translation>I pesi devono essere numeri, da 0 in su (%1).</translation>
    </message>
    <message>
        <source>The number of groups must be at least 1.</source>
        <translation>Il numero di gruppi deve essere almeno 1.</translation>
    </message>
    <message>
        <source>This plenary has no groups yet: create them, or say how many groups to form.</source>
        <translation>Questa plenaria non ha ancora gruppi: creali, oppure indica quanti gruppi formare.</translation>
    </message>
    <message>
        <source>This plenary already has %1 groups: remove some first, or ask for %1.</source>
        <translation>Questa plenaria ha già %1 gruppi: eliminane prima qualcuno, oppure chiedine %1.</translation>
    </message>
    <message>
        <source>Nobody to put in groups: no member is checked in yet. Group the people expected instead.</source>
        <translation>Nessuno da dividere in gruppi: non è ancora registrata la presenza di nessun partecipante. Dividi invece le persone attese.</translation>
    </message>
    <message>
        <source>Nobody is expected at this plenary.</source>
        <translation>Nessuno è atteso a questa plenaria.</translation>
    </message>
    <message>
        <source>More groups (%1) than people (%2): ask for fewer groups.</source>
        <translation>Ci sono più gruppi (%1) che persone (%2): chiedi meno gruppi.</translation>
    </message>
    <message>
        <source>The groups changed after this arrangement was computed: compute it again.</source>
        <translation>I gruppi sono cambiati dopo il calcolo di questa suddivisione: calcolala di nuovo.</translation>
    </message>
    <message>
        <source>This plenary has no groups yet.</source>
        <translation>Questa plenaria non ha ancora gruppi.</translation>
    </message>
    <message>
        <source>The same person appears twice among the people to group.</source>
        <translation>La stessa persona compare due volte tra le persone da dividere in gruppi.</translation>
    </message>
    <message>
        <source>The groups have too few places for these people and their theme commitments.</source>
        <translation>I gruppi hanno troppo pochi posti per queste persone e i loro temi scelti.</translation>
    </message>
    <message>
        <source>Someone pinned or committed to a theme is not among the people to group.</source>
        <translation>Una persona bloccata in un gruppo o con un tema scelto non è tra le persone da dividere in gruppi.</translation>
    </message>
    <message>
        <source>The places do not match the groups.</source>
        <translation>I posti non corrispondono ai gruppi.</translation>
    </message>
    <message>
        <source>Someone is committed to a theme that no group has.</source>
        <translation>Una persona ha scelto un tema che nessun gruppo tratta.</translation>
    </message>
    <message>
        <source>Someone is pinned to a group that no longer exists.</source>
        <translation>Una persona è bloccata in un gruppo che non esiste più.</translation>
    </message>
    <message>
        <source>All the groups together have fewer places than there are people.</source>
        <translation>Tutti i gruppi insieme hanno meno posti delle persone da dividere.</translation>
    </message>
    <message>
        <source>No group can take this person: the groups are full or not on their theme.</source>
        <translation>Nessun gruppo può accogliere questa persona: i gruppi sono pieni o non trattano il suo tema.</translation>
    </message>
    <message>
        <source>Write something first: an empty note is not saved.</source>
        <translation>Scrivi prima qualcosa: un post-it vuoto non viene salvato.</translation>
    </message>
    <message>
        <source>“%1” is not a field of a note.</source>
        <translation>“%1” non è un campo di un post-it.</translation>
    </message>
    <message>
        <source>The group “%1” is not part of this plenary.</source>
        <translation>Il gruppo “%1” non fa parte di questa plenaria.</translation>
    </message>
    <message>
        <source>A dot vote goes on a note or a cluster.</source>
        <translation>Un voto va su un post-it o su un raggruppamento.</translation>
    </message>
    <message>
        <source>A dot vote adds or takes away one dot.</source>
        <translation>Si aggiunge o si toglie un voto alla volta.</translation>
    </message>
    <message>
        <source>A category needs a name.</source>
        <translation>Una categoria deve avere un nome.</translation>
    </message>
    <message>
        <source>The category “%1” already exists.</source>
        <translation>La categoria “%1” esiste già.</translation>
    </message>
    <message>
        <source>“%1” is not a field of a recommendation.</source>
        <translation>“%1” non è un campo di una raccomandazione.</translation>
    </message>
    <message>
        <source>A recommendation needs a title.</source>
        <translation>Una raccomandazione deve avere un titolo.</translation>
    </message>
    <message>
        <source>“%1” is not a status of a recommendation.</source>
        <translation>“%1” non è uno stato possibile di una raccomandazione.</translation>
    </message>
    <message>
        <source>Votes are whole numbers, 0 or more (not “%1”).</source>
        <translation>I voti sono numeri interi, da 0 in su (non “%1”).</translation>
    </message>
    <message>
        <source>To record the vote, write the votes for, against and abstentions (0 if none).</source>
        <translation>Per registrare la votazione scrivi i voti favorevoli, contrari e gli astenuti (0 se nessuno).</translation>
    </message>
    <message>
        <source>The cluster has no notes to turn into a recommendation.</source>
        <translation>Il raggruppamento non ha post-it da trasformare in raccomandazione.</translation>
    </message>
    <message>
        <source>The image is empty.</source>
        <translation>L&apos;immagine è vuota.</translation>
    </message>
    <message>
        <source>The photo is too large (%1 KB, at most %2 KB): shrink it first.</source>
        <translation>La foto è troppo grande (%1 KB, al massimo %2 KB): riducila prima.</translation>
    </message>
    <message>
        <source>The file is not a JPEG or PNG image.</source>
        <translation>Il file non è un&apos;immagine JPEG o PNG.</translation>
    </message>
    <message>
        <source>The width and height of a photo must be whole numbers, 1 or more.</source>
        <translation>Larghezza e altezza di una foto devono essere numeri interi, da 1 in su.</translation>
    </message>
    <message>
        <source>Write the action code as numbers with dots, like 5.1.4 (not “%1”).</source>
        <translation>Scrivi il codice dell&apos;azione come numeri separati da punti, per esempio 5.1.4 (non “%1”).</translation>
    </message>
    <message>
        <source>Action %1 already exists.</source>
        <translation>L&apos;azione %1 esiste già.</translation>
    </message>
    <message>
        <source>A theme needs a name.</source>
        <translation>Un tema deve avere un nome.</translation>
    </message>
    <message>
        <source>“%1” is not a list of themes or Plan actions.</source>
        <translation>“%1” non è un elenco di temi o di azioni del Piano.</translation>
    </message>
    <message>
        <source>“%1” is not a section of the minutes.</source>
        <translation>“%1” non è una sezione del verbale.</translation>
    </message>
    <message>
        <source>There is no assembly file at %1.</source>
        <translation>In %1 non c&apos;è nessun file dell&apos;assemblea.</translation>
    </message>
    <message>
        <source>%1 cannot be opened for safe writing (WAL mode): the folder may be read-only or on a network drive.</source>
        <translation>%1 non si può aprire per la scrittura sicura (modalità WAL): la cartella potrebbe essere di sola lettura o su un&apos;unità di rete.</translation>
    </message>
    <message>
        <source>%1 is not an assembly file of this app.</source>
        <translation>%1 non è un file dell&apos;assemblea di questa app.</translation>
    </message>
    <message>
        <source>This assembly file was made by a newer version of the app. Update the app to open it; the file was not changed.</source>
        <translation>Questo file dell&apos;assemblea è stato creato da una versione più recente dell&apos;app. Aggiorna l&apos;app per aprirlo; il file non è stato modificato.</translation>
    </message>
    <message>
        <source>This file has no assembly yet: there is nothing to send.</source>
        <translation>Questo file non contiene ancora un&apos;assemblea: non c&apos;è niente da inviare.</translation>
    </message>
    <message>
        <source>Could not write %1 (%2). Nothing was written.</source>
        <translation>Impossibile scrivere %1 (%2). Non è stato scritto nulla.</translation>
    </message>
    <message>
        <source>%1 is not an exchange package of this app. Nothing was imported.</source>
        <translation>%1 non è un pacchetto di scambio di questa app. Non è stato importato nulla.</translation>
    </message>
    <message>
        <source>%1 is damaged or incomplete (perhaps the copy was interrupted). Copy it again from the laptop that made it. Nothing was imported.</source>
        <translation>%1 è danneggiato o incompleto (forse la copia si è interrotta). Copialo di nuovo dal portatile che l&apos;ha creato. Non è stato importato nulla.</translation>
    </message>
    <message>
        <source>%1 was made by a newer version of the app. Update this app to import it. Nothing was imported.</source>
        <translation>%1 è stato creato da una versione più recente dell&apos;app. Aggiorna questa app per importarlo. Non è stato importato nulla.</translation>
    </message>
    <message>
        <source>%1 belongs to another assembly (%2). Nothing was imported.</source>
        <translation>%1 appartiene a un&apos;altra assemblea (%2). Non è stato importato nulla.</translation>
    </message>
    <message>
        <source>%1 cannot be read. Nothing was imported.</source>
        <translation>%1 non si può leggere. Non è stato importato nulla.</translation>
    </message>
    <message>
        <source>These packages belong to different assemblies: import each into its own file. Nothing was imported.</source>
        <translation>Questi pacchetti appartengono ad assemblee diverse: importa ciascuno nel proprio file. Non è stato importato nulla.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 non è una cartella.</translation>
    </message>
    <message>
        <source>There are no packages (.assemblea) in %1.</source>
        <translation>In %1 non ci sono pacchetti (.assemblea).</translation>
    </message>
    <message>
        <source>None of the packages in the folder could be imported.</source>
        <translation>Non è stato possibile importare nessuno dei pacchetti della cartella.</translation>
    </message>
    <message>
        <source>There is no plenary %1.</source>
        <translation>La plenaria %1 non esiste.</translation>
    </message>
    <message>
        <source>There is no file at %1.</source>
        <translation>In %1 non c&apos;è nessun file.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a spreadsheet.</source>
        <translation>%1 è una cartella, non un foglio di calcolo.</translation>
    </message>
    <message>
        <source>Could not open %1 (%2).</source>
        <translation>Impossibile aprire %1 (%2).</translation>
    </message>
    <message>
        <source>“%1” is empty.</source>
        <translation>“%1” è vuoto.</translation>
    </message>
    <message>
        <source>“%1” is password-protected or in the old Excel 97-2003 (.xls) format. Open it in Excel, remove the password and save it as .xlsx (or .csv), then import it again.</source>
        <translation>“%1” è protetto da password o nel vecchio formato Excel 97-2003 (.xls). Aprilo in Excel, togli la password e salvalo come .xlsx (o .csv), poi importalo di nuovo.</translation>
    </message>
    <message>
        <source>“%1” is an OpenDocument spreadsheet: save it as .xlsx or .csv first.</source>
        <translation>“%1” è un foglio di calcolo OpenDocument: salvalo prima come .xlsx o .csv.</translation>
    </message>
    <message>
        <source>“%1” cannot be read as an Excel workbook: the file is damaged or not really an .xlsx file.</source>
        <translation>“%1” non si può leggere come cartella di lavoro Excel: il file è danneggiato o non è davvero un file .xlsx.</translation>
    </message>
    <message>
        <source>“%1” has no sheet named “%2” (its sheets: %3).</source>
        <translation>“%1” non ha un foglio chiamato “%2” (i suoi fogli: %3).</translation>
    </message>
    <message>
        <source>“%1” contains no worksheet.</source>
        <translation>“%1” non contiene nessun foglio di lavoro.</translation>
    </message>
    <message>
        <source>“%1” is not a spreadsheet or CSV file.</source>
        <translation>“%1” non è un foglio di calcolo né un file CSV.</translation>
    </message>
    <message>
        <source>“%1” is not a readable CSV file.</source>
        <translation>“%1” non è un file CSV leggibile.</translation>
    </message>
    <message>
        <source>The file contains no data.</source>
        <translation>Il file non contiene dati.</translation>
    </message>
    <message>
        <source>No header row in the first %1 rows: the roster needs columns for surname and first name (for example “Cognome” and “Nome”).</source>
        <translation>Nessuna riga di intestazione nelle prime %1 righe: l&apos;elenco deve avere le colonne del cognome e del nome (per esempio “Cognome” e “Nome”).</translation>
    </message>
    <message>
        <source>This preview has already been imported: preview the file again.</source>
        <translation>Questa anteprima è già stata importata: rifai l&apos;anteprima del file.</translation>
    </message>
    <message>
        <source>The members changed after the preview was made, so nothing was imported. Preview the file again.</source>
        <translation>I partecipanti sono cambiati dopo l&apos;anteprima, quindi non è stato importato nulla. Rifai l&apos;anteprima del file.</translation>
    </message>
    <message>
        <source>Could not write to the assembly file (%1), so nothing was imported.</source>
        <translation>Impossibile scrivere nel file dell&apos;assemblea (%1), quindi non è stato importato nulla.</translation>
    </message>
    <message>
        <source>“%1” is still a draft: only approved recommendations are followed up.</source>
        <translation>“%1” è ancora una bozza: si seguono solo le raccomandazioni approvate.</translation>
    </message>
    <message>
        <source>A date is required.</source>
        <translation>Serve una data.</translation>
    </message>
    <message>
        <source>“%1” is not a date: write it as 31/03/2024.</source>
        <translation>“%1” non è una data: scrivila come 31/03/2024.</translation>
    </message>
    <message>
        <source>%1 is in the future: record what has already happened.</source>
        <translation>%1 è una data futura: registra solo ciò che è già successo.</translation>
    </message>
    <message>
        <source>“%1” is not a web address: it must begin with https:// or http://.</source>
        <translation>“%1” non è un indirizzo web: deve cominciare con https:// o http://.</translation>
    </message>
    <message>
        <source>Write a text: it cannot be empty.</source>
        <translation>Scrivi un testo: non può restare vuoto.</translation>
    </message>
    <message>
        <source>The text is too long: at most %1 characters (it has %2).</source>
        <translation>Il testo è troppo lungo: al massimo %1 caratteri (ne ha %2).</translation>
    </message>
    <message>
        <source>“%1” is not an act: write its type and number, for example DG 123/2024.</source>
        <translation>“%1” non è un atto: scrivi il tipo e il numero, per esempio DG 123/2024.</translation>
    </message>
    <message>
        <source>The answer (%1) cannot come before the sending (%2).</source>
        <translation>La risposta (%1) non può arrivare prima dell&apos;invio (%2).</translation>
    </message>
    <message>
        <source>“%1” is not a kind of answer.</source>
        <translation>“%1” non è un tipo di risposta.</translation>
    </message>
    <message>
        <source>“%1” is not a state of progress.</source>
        <translation>“%1” non è uno stato di avanzamento.</translation>
    </message>
    <message>
        <source>“%1” is not a field of the follow-up.</source>
        <translation>“%1” non è un campo del seguito.</translation>
    </message>
    <message>
        <source>“%1” is not a field of a progress update.</source>
        <translation>“%1” non è un campo di un aggiornamento.</translation>
    </message>
    <message>
        <source>This progress update no longer exists (it may have been deleted in the meantime).</source>
        <translation>Questo aggiornamento non esiste più (forse è stato eliminato nel frattempo).</translation>
    </message>
    <message>
        <source>There is no approved recommendation “%1”.</source>
        <translation>Non c&apos;è nessuna raccomandazione approvata “%1”.</translation>
    </message>
    <message>
        <source>Plan action %1 is not in the list: add it first.</source>
        <translation>L&apos;azione del Piano %1 non è nell&apos;elenco: aggiungila prima.</translation>
    </message>
    <message>
        <source>This Plan action no longer exists (it may have been deleted in the meantime).</source>
        <translation>Questa azione del Piano non esiste più (forse è stata eliminata nel frattempo).</translation>
    </message>
    <message>
        <source>“%1” is not a field of a Plan action.</source>
        <translation>“%1” non è un campo di un&apos;azione del Piano.</translation>
    </message>
    <message>
        <source>Action %1 is linked %2 times: unlink it before removing it.</source>
        <translation>L&apos;azione %1 è collegata %2 volte: togli i collegamenti prima di eliminarla.</translation>
    </message>
    <message>
        <source>Give both the first and the last day of the cycle, or neither.</source>
        <translation>Indica sia il primo sia l&apos;ultimo giorno del ciclo, oppure nessuno dei due.</translation>
    </message>
    <message>
        <source>The cycle&apos;s last day (%1) comes before its first (%2).</source>
        <translation>L&apos;ultimo giorno del ciclo (%1) viene prima del primo (%2).</translation>
    </message>
    <message>
        <source>Cycle %1 overlaps cycle %2: their dates must not cross.</source>
        <translation>Il ciclo %1 si sovrappone al ciclo %2: le date non devono incrociarsi.</translation>
    </message>
    <message>
        <source>The months to answer must be a whole number from 1 to %1 (not “%2”).</source>
        <translation>I mesi per rispondere devono essere un numero intero da 1 a %1 (non “%2”).</translation>
    </message>
    <message>
        <source>%1 is too big: at most %2 MB.</source>
        <translation>%1 è troppo grande: al massimo %2 MB.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 non si può leggere.</translation>
    </message>
    <message>
        <source>%1 is not a PDF file.</source>
        <translation>%1 non è un file PDF.</translation>
    </message>
    <message>
        <source>%1 is not a PDF, PNG or JPEG file.</source>
        <translation>%1 non è un file PDF, PNG o JPEG.</translation>
    </message>
    <message>
        <source>%1 is not a CSV, JSON or Excel (.xlsx) file.</source>
        <translation>%1 non è un file CSV, JSON o Excel (.xlsx).</translation>
    </message>
    <message>
        <source>%1 is too big to be a Decidim export.</source>
        <translation>%1 è troppo grande per essere un&apos;esportazione di Milano Partecipa.</translation>
    </message>
    <message>
        <source>%1 cannot be read as a Decidim export.</source>
        <translation>%1 non si può leggere come esportazione di Milano Partecipa.</translation>
    </message>
    <message>
        <source>The CSV file is not in UTF-8: export it again from Milano Partecipa.</source>
        <translation>Il file CSV non è in UTF-8: esportalo di nuovo da Milano Partecipa.</translation>
    </message>
    <message>
        <source>The JSON file is not a list of proposals.</source>
        <translation>Il file JSON non è un elenco di proposte.</translation>
    </message>
    <message>
        <source>No header row in the first 20 rows: the invitation list needs quota columns (for example “Genere”, “Fascia d&apos;età” or “Data di nascita”, “Municipio”), with a count column (“Invitati”) when each row is a group of people, or the columns “Caratteristica”, “Valore” and “Invitati”.</source>
        <translation>Nessuna riga di intestazione nelle prime 20 righe: l&apos;elenco degli invitati deve avere le colonne delle quote (per esempio «Genere», «Fascia d&apos;età» o «Data di nascita», «Municipio»), con una colonna del numero («Invitati») quando ogni riga è un gruppo di persone, oppure le colonne «Caratteristica», «Valore» e «Invitati».</translation>
    </message>
    <message>
        <source>“%1”: write a share as VALUE=SHARE, a number between 0 and 1 or a percentage (for example “Affitto=0.35” or “Affitto=35%”).</source>
        <translation>«%1»: scrivi una quota come VALORE=QUOTA, un numero tra 0 e 1 o una percentuale (per esempio «Affitto=0,35» o «Affitto=35%»).</translation>
    </message>
    <message>
        <source>A category needs a name with letters or digits.</source>
        <translation>Una categoria ha bisogno di un nome con lettere o cifre.</translation>
    </message>
    <message>
        <source>“%1” is one of the characteristics the app already has.</source>
        <translation>«%1» è una delle caratteristiche che il programma ha già.</translation>
    </message>
    <message>
        <source>Category “%1”: give the share of Milan&apos;s population for each value.</source>
        <translation>Categoria «%1»: indica la quota della popolazione di Milano per ogni valore.</translation>
    </message>
    <message>
        <source>Category “%1”: the shares add up to %2, not 1 (100%).</source>
        <translation>Categoria «%1»: le quote sommano a %2, non a 1 (100%).</translation>
    </message>
    <message>
        <source>Category “%1”: the value “%2” is given twice.</source>
        <translation>Categoria «%1»: il valore «%2» compare due volte.</translation>
    </message>
    <message>
        <source>There is no category “%1”.</source>
        <translation>Non esiste la categoria «%1».</translation>
    </message>
    <message>
        <source>Say how the seed will be obtained (for example: the first five numbers of the Lotto draw of 12 March, Milan wheel).</source>
        <translation>Indica come sarà ottenuto il seme (per esempio: i primi cinque numeri dell&apos;estrazione del Lotto del 12 marzo, ruota di Milano).</translation>
    </message>
    <message>
        <source>The seed&apos;s source given (“%1”) is not the one announced on %2 (“%3”): draw with the announced seed, or announce the new source before the draw. Nothing was written.</source>
        <translation>L&apos;origine del seme indicata («%1») non è quella annunciata il %2 («%3»): sorteggia con il seme annunciato, oppure annuncia la nuova origine prima del sorteggio. Non è stato salvato nulla.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>La cartella %1 non esiste.</translation>
    </message>
    <message>
        <source>%1 is a folder: choose a file name.</source>
        <translation>%1 è una cartella: scegli un nome di file.</translation>
    </message>
    <message>
        <source>There is no permission to write in %1.</source>
        <translation>Non c&apos;è il permesso di scrivere in %1.</translation>
    </message>
    <message>
        <source>The package</source>
        <translation>Il pacchetto</translation>
    </message>
    <message>
        <source>%1 belongs to another assembly. Nothing was imported.</source>
        <translation>%1 appartiene a un&apos;altra assemblea. Non è stato importato nulla.</translation>
    </message>
    <message>
        <source>%1 belongs to another assembly that is also called “%2”: that one was created on %3 on the laptop “%4”, the one open here on %5 on “%6”. They are two different assemblies; import the package into the file it comes from. Nothing was imported.</source>
        <translation>%1 appartiene a un&apos;altra assemblea che si chiama anch&apos;essa “%2”: quella è stata creata il %3 sul portatile “%4”, quella aperta qui il %5 su “%6”. Sono due assemblee diverse: importa il pacchetto nel file da cui proviene. Non è stato importato nulla.</translation>
    </message>
    <message>
        <source>%1 cannot be imported: in the table %2 the field %3 holds “%4”, which %5. The laptop that made it has a damaged or hand-edited file. Nothing was imported.</source>
        <translation>%1 non si può importare: nella tabella %2 il campo %3 contiene “%4” (%5). Il portatile che l&apos;ha creato ha un file danneggiato o modificato a mano. Non è stato importato nulla.</translation>
    </message>
    <message>
        <source>%1 is far larger once unpacked than a package can be, so it was not opened. Nothing was imported.</source>
        <translation>%1, una volta aperto, sarebbe molto più grande di quanto possa essere un pacchetto, quindi non è stato aperto. Non è stato importato nulla.</translation>
    </message>
    <message>
        <source>There are %1 plenaries numbered %2 (two laptops each created one): %3. Give one of them another number (Conflicts).</source>
        <translation>Ci sono %1 plenarie con il numero %2 (due portatili ne hanno creata una ciascuno): %3. Dai a una delle due un altro numero (Conflitti).</translation>
    </message>
    <message>
        <source>Nothing was imported: some columns have the same header (%1). Say which field each one is.</source>
        <translation>Non è stato importato nulla: alcune colonne hanno la stessa intestazione (%1). Indica il campo di ciascuna.</translation>
    </message>
    <message>
        <source>In “%1” the only sheets with people are hidden (%2). Hidden sheets are imported only when you choose one.</source>
        <translation>In “%1” gli unici fogli con persone sono nascosti (%2). I fogli nascosti si importano solo se ne scegli uno.</translation>
    </message>
    <message>
        <source>“%1” has %2 sheets with people (%3). Choose the sheet to import; nothing was imported.</source>
        <translation>“%1” ha %2 fogli con persone (%3). Scegli il foglio da importare; non è stato importato nulla.</translation>
    </message>
    <message>
        <source>“%1” is too large for a roster.</source>
        <translation>“%1” è troppo grande per un elenco di partecipanti.</translation>
    </message>
    <message>
        <source>The file has far more columns than a roster can have.</source>
        <translation>Il file ha molte più colonne di quante ne possa avere un elenco di partecipanti.</translation>
    </message>
    <message>
        <source>“%1” (for the column “%2”) is not a member field.</source>
        <translation>“%1” (per la colonna “%2”) non è un campo dei partecipanti.</translation>
    </message>
    <message>
        <source>“%1” would take %2 bytes once unpacked, far more than a roster: it was not opened.</source>
        <translation>“%1”, una volta aperto, occuperebbe %2 byte, molto più di un elenco di partecipanti: non è stato aperto.</translation>
    </message>
    <message>
        <source>%1 votes, but only %2 members entitled to vote were checked in.</source>
        <translation>%1 voti, ma sono stati registrati solo %2 componenti con diritto di voto.</translation>
    </message>
    <message>
        <source>%1 is encrypted (or is not an assembly file): its passphrase is needed. The file was not changed.</source>
        <translation>%1 è cifrato (oppure non è un file dell&apos;assemblea): serve la sua frase segreta. Il file non è stato modificato.</translation>
    </message>
    <message>
        <source>The passphrase is wrong, or %1 is damaged or not an assembly file. The file was not changed.</source>
        <translation>La frase segreta è sbagliata, oppure %1 è danneggiato o non è un file dell&apos;assemblea. Il file non è stato modificato.</translation>
    </message>
    <message>
        <source>%1 is damaged (%2): open one of its backups instead. The file was not changed.</source>
        <translation>%1 è danneggiato (%2): apri invece una delle sue copie di sicurezza. Il file non è stato modificato.</translation>
    </message>
    <message>
        <source>The passphrase cannot contain a NUL character.</source>
        <translation>La frase segreta non può contenere il carattere NUL.</translation>
    </message>
    <message>
        <source>The passphrase must be at least %1 characters long.</source>
        <translation>La frase segreta deve avere almeno %1 caratteri.</translation>
    </message>
    <message>
        <source>This installation cannot open encrypted files (the sqlcipher3 component is missing).</source>
        <translation>Questa installazione non può aprire file cifrati (manca il componente sqlcipher3).</translation>
    </message>
    <message>
        <source>%1 is open in a window of the app; close it first. Nothing was changed.</source>
        <translation>%1 è aperto in una finestra dell&apos;app: chiudila prima. Non è stato modificato nulla.</translation>
    </message>
    <message>
        <source>%1 does not exist; nothing was changed.</source>
        <translation>%1 non esiste; non è stato modificato nulla.</translation>
    </message>
    <message>
        <source>%1 is empty; nothing was changed.</source>
        <translation>%1 è vuoto; non è stato modificato nulla.</translation>
    </message>
    <message>
        <source>%1 is already encrypted (or is not an SQLite file); nothing was changed.</source>
        <translation>%1 è già cifrato (oppure non è un file SQLite); non è stato modificato nulla.</translation>
    </message>
    <message>
        <source>%1 already exists; choose a new file name. Nothing was changed.</source>
        <translation>%1 esiste già: scegli un nome nuovo. Non è stato modificato nulla.</translation>
    </message>
    <message>
        <source>%1 could not be encrypted (%2). Nothing was changed.</source>
        <translation>Non è stato possibile cifrare %1 (%2). Non è stato modificato nulla.</translation>
    </message>
    <message>
        <source>The encrypted copy did not match the original (%1); the original file was kept.</source>
        <translation>La copia cifrata non corrispondeva all&apos;originale (%1): il file originale è stato conservato.</translation>
    </message>
    <message>
        <source>%1 is not encrypted: encrypt it first.</source>
        <translation>%1 non è cifrato: prima va cifrato.</translation>
    </message>
    <message>
        <source>The new passphrase is the same as the current one.</source>
        <translation>La nuova frase segreta è uguale a quella attuale.</translation>
    </message>
    <message>
        <source>The retention period cannot be negative (%1 months).</source>
        <translation>Il periodo di conservazione non può essere negativo (%1 mesi).</translation>
    </message>
    <message>
        <source>“%1” is not something the laptops can receive; choose among %2.</source>
        <translation>“%1” non è tra i dati che i computer possono ricevere; scegli tra %2.</translation>
    </message>
    <message>
        <source>No backup could be written in %1 (%2). The assembly file is not affected.</source>
        <translation>Non è stato possibile scrivere una copia di sicurezza in %1 (%2). Il file dell&apos;assemblea non è toccato.</translation>
    </message>
    <message>
        <source>This assembly is not saved in a file, so it has no backups.</source>
        <translation>Questa assemblea non è salvata in un file, quindi non ha copie di sicurezza.</translation>
    </message>
    <message>
        <source>%1 is encrypted: give the passphrase the file had when the backup was made.</source>
        <translation>%1 è cifrato: serve la frase segreta che il file aveva quando è stata fatta la copia.</translation>
    </message>
    <message>
        <source>%1 cannot be read: wrong passphrase, or the backup is damaged. Nothing was written.</source>
        <translation>%1 non si può leggere: frase segreta sbagliata, oppure la copia è danneggiata. Non è stato scritto nulla.</translation>
    </message>
    <message>
        <source>There is no backup called %1.</source>
        <translation>Non esiste una copia di sicurezza chiamata %1.</translation>
    </message>
    <message>
        <source>%1 already exists: restore into a new file. Nothing was written.</source>
        <translation>%1 esiste già: ripristina in un file nuovo. Non è stato scritto nulla.</translation>
    </message>
    <message>
        <source>The copy restored from %1 did not pass its check (%2); nothing was written.</source>
        <translation>La copia ripristinata da %1 non ha superato il controllo (%2); non è stato scritto nulla.</translation>
    </message>
    <message>
        <source>%1 was encrypted with another key: another assembly&apos;s, or another passphrase. Nothing was imported.</source>
        <translation>%1 è stato cifrato con un&apos;altra chiave: quella di un&apos;altra assemblea, o un&apos;altra frase segreta. Non è stato importato nulla.</translation>
    </message>
    <message>
        <source>%1 is not encrypted, and this assembly file takes only encrypted packages. Nothing was imported.</source>
        <translation>%1 non è cifrato, e questo file dell&apos;assemblea accetta solo pacchetti cifrati. Non è stato importato nulla.</translation>
    </message>
    <message>
        <source>%1 is encrypted: import it into an encrypted assembly file opened with the assembly&apos;s passphrase. Nothing was imported.</source>
        <translation>%1 è cifrato: importalo in un file dell&apos;assemblea cifrato, aperto con la frase segreta dell&apos;assemblea. Non è stato importato nulla.</translation>
    </message>
    <message>
        <source>%1 is not a folder: choose an existing folder.</source>
        <translation>%1 non è una cartella: scegli una cartella esistente.</translation>
    </message>
    <message>
        <source>This laptop cannot write into %1: choose a folder it can write to.</source>
        <translation>Questo portatile non può scrivere in %1: scegli una cartella in cui può scrivere.</translation>
    </message>
    <message>
        <source>No header row in the first %1 rows: the pool needs columns for the quota answers (for example “Genere”, “Fascia d&apos;età”, “Titolo di studio”, “Cittadinanza”, “Municipio”).</source>
        <translation>Nessuna riga di intestazione nelle prime %1 righe: il bacino richiede le colonne delle risposte per le quote (per esempio “Genere”, “Fascia d&apos;età”, “Titolo di studio”, “Cittadinanza”, “Municipio”).</translation>
    </message>
    <message>
        <source>This member is not in office, so there is nobody to replace.</source>
        <translation>Questo membro non è in carica: non c&apos;è nessuno da sostituire.</translation>
    </message>
    <message>
        <source>The reserve is empty: nobody can replace this member.</source>
        <translation>La riserva è vuota: nessuno può sostituire questo membro.</translation>
    </message>
    <message>
        <source>No group from this pool meets all the quotas together. The check shows the smallest change that fixes it.</source>
        <translation>Nessun gruppo formato da questo bacino rispetta tutte le quote insieme. La verifica indica la modifica più piccola che lo rende possibile.</translation>
    </message>
    <message>
        <source>The group drawn does not meet the quotas (%1), so it was not recorded.</source>
        <translation>Il gruppo sorteggiato non rispetta le quote (%1), quindi non è stato registrato.</translation>
    </message>
    <message>
        <source>There are no quotas yet: compute them for a panel first.</source>
        <translation>Non ci sono ancora quote: calcolale prima per un gruppo.</translation>
    </message>
    <message>
        <source>This respondent no longer exists (they may have been removed in the meantime).</source>
        <translation>Questa persona non è più nel bacino (potrebbe essere stata tolta nel frattempo).</translation>
    </message>
    <message>
        <source>Unknown method “%1”: choose leximin, maximin or legacy.</source>
        <translation>Metodo “%1” sconosciuto: scegli leximin, maximin o legacy.</translation>
    </message>
    <message>
        <source>This respondent was not selected in a draw, so they cannot be confirmed.</source>
        <translation>Questa persona non è stata sorteggiata, quindi non può essere confermata.</translation>
    </message>
    <message>
        <source>The calculation stopped without a result. Nothing was recorded.</source>
        <translation>Il calcolo si è fermato senza un risultato. Non è stato registrato nulla.</translation>
    </message>
    <message>
        <source>No draw has been recorded yet.</source>
        <translation>Non è ancora stato registrato nessun sorteggio.</translation>
    </message>
    <message>
        <source>The calculation took longer than %1 seconds and was stopped. Nothing was recorded.</source>
        <translation>Il calcolo ha richiesto più di %1 secondi ed è stato fermato. Non è stato registrato nulla.</translation>
    </message>
    <message>
        <source>Unknown status “%1”.</source>
        <translation>Stato “%1” sconosciuto.</translation>
    </message>
    <message>
        <source>The seed is empty: enter the public random number announced for the draw.</source>
        <translation>Il seme è vuoto: inserisci il numero casuale pubblico annunciato per il sorteggio.</translation>
    </message>
    <message>
        <source>No members are in office: a rotation needs the members who continue.</source>
        <translation>Nessun membro è in carica: per una rotazione servono i membri che restano.</translation>
    </message>
    <message>
        <source>The group must have at least one seat (not %1).</source>
        <translation>Il gruppo deve avere almeno un posto (non %1).</translation>
    </message>
    <message>
        <source>Every member in office continues: nobody&apos;s term ends first, so nobody rotates.</source>
        <translation>Tutti i membri in carica restano: il mandato di nessuno finisce prima, quindi nessuno ruota.</translation>
    </message>
    <message>
        <source>The pool is empty: import the respondents first.</source>
        <translation>Il bacino è vuoto: importa prima le persone disponibili.</translation>
    </message>
    <message>
        <source>The pool, the quotas or the members in office changed while the draw was computed, so nothing was recorded: draw again.</source>
        <translation>Il bacino, le quote o i membri in carica sono cambiati durante il calcolo del sorteggio, quindi non è stato registrato nulla: sorteggia di nuovo.</translation>
    </message>
    <message>
        <source>The placeholder {%1} does not exist in this message. Use one of those listed, or remove it.</source>
        <translation>Il segnaposto {%1} non esiste in questo messaggio. Usa uno di quelli elencati, oppure toglilo.</translation>
    </message>
    <message>
        <source>{%1} is not a placeholder: write only a name between braces, for example {first_name}.</source>
        <translation>{%1} non è un segnaposto: scrivi solo un nome tra parentesi graffe, per esempio {first_name}.</translation>
    </message>
    <message>
        <source>A brace is open and not closed, or closed and not opened. To write a brace in the text, write it twice: {{ or }}.</source>
        <translation>Una parentesi graffa è aperta e non chiusa, o chiusa e non aperta. Per scrivere una graffa nel testo, scrivila due volte: {{ oppure }}.</translation>
    </message>
    <message>
        <source>A message needs a subject and a letter text.</source>
        <translation>Un messaggio ha bisogno di un oggetto e del testo della lettera.</translation>
    </message>
    <message>
        <source>The line &apos;%1&apos; at the top of the message file is not &apos;Subject:&apos;, &apos;SMS:&apos; or &apos;Review:&apos;.</source>
        <translation>La riga «%1» in cima al file del messaggio non è «Subject:», «SMS:» o «Review:».</translation>
    </message>
    <message>
        <source>This message has no Italian text: it cannot be sent to members whose language has no translation.</source>
        <translation>Questo messaggio non ha il testo in italiano: non si può mandare a chi parla una lingua senza traduzione.</translation>
    </message>
    <message>
        <source>There is no message called &apos;%1&apos;.</source>
        <translation>Non esiste un messaggio chiamato «%1».</translation>
    </message>
    <message>
        <source>Choose who receives this message: a cohort or some members.</source>
        <translation>Scegli chi riceve questo messaggio: una coorte o alcuni partecipanti.</translation>
    </message>
    <message>
        <source>Choose the plenary this message is about.</source>
        <translation>Scegli la plenaria di cui parla il messaggio.</translation>
    </message>
    <message>
        <source>%1 was prepared for a plenary that no longer exists: prepare the laptops again.</source>
        <translation>%1 è stato preparato per una plenaria che non esiste più: prepara di nuovo i portatili.</translation>
    </message>
</context>
<context>
    <name>CycleDialog</name>
    <message>
        <source>Cycle %1</source>
        <translation>Ciclo %1</translation>
    </message>
    <message>
        <source>e.g. Second cycle, on heat and energy</source>
        <translation>per esempio: Secondo ciclo, su caldo ed energia</translation>
    </message>
    <message>
        <source>The cycle has its own dates</source>
        <translation>Il ciclo ha date proprie</translation>
    </message>
    <message>
        <source>Without dates, a cycle is the calendar year of its plenaries</source>
        <translation>Senza date, il ciclo è l&apos;anno solare delle sue plenarie</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mesi</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Primo giorno</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Ultimo giorno</translation>
    </message>
    <message>
        <source>The Comune answers within</source>
        <translation>Il Comune risponde entro</translation>
    </message>
    <message>
        <source>counted from the day each recommendation is sent</source>
        <translation>contati dal giorno in cui ogni raccomandazione viene inviata</translation>
    </message>
    <message>
        <source>Change the cycle %1</source>
        <translation>Modifica il ciclo %1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>No plenary or session yet.</source>
        <translation>Non ci sono ancora plenarie o sessioni.</translation>
    </message>
    <message>
        <source>Nobody checked in yet in this session.</source>
        <translation>Nessuna presenza registrata finora in questa sessione.</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 present)</source>
        <translation>%1 (%2 presenti su %3)</translation>
    </message>
    <message>
        <source>Under-represented among those present: %1</source>
        <translation>Poco rappresentati tra i presenti: %1</translation>
    </message>
    <message>
        <source>Those present mirror the assembly: no gap above 2 points.</source>
        <translation>I presenti rispecchiano l&apos;assemblea: nessuno scarto oltre 2 punti.</translation>
    </message>
    <message>
        <source>Not arrived yet (%1)</source>
        <translation>Non ancora arrivati (%1)</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Import done</source>
        <translation>Importazione completata</translation>
    </message>
    <message>
        <source>Saved: %1 new members, %2 updated, %3 unchanged, %4 rows rejected.</source>
        <translation>Salvato. Nuovi partecipanti: %1 · aggiornati: %2 · invariati: %3 · righe scartate: %4.</translation>
    </message>
    <message>
        <source>%1 data rows = %2 imported + %3 merged with an earlier row + %4 rejected + %5 blank.</source>
        <translation>Righe di dati: %1 = %2 importate + %3 unite a una riga precedente + %4 scartate + %5 vuote.</translation>
    </message>
</context>
<context>
    <name>DuplicateNumbers</name>
    <message>
        <source>Plenaries with the same number</source>
        <translation>Plenarie con lo stesso numero</translation>
    </message>
    <message>
        <source>%1 (%2, made on %3)</source>
        <translation>%1 (%2, creata su %3)</translation>
    </message>
    <message>
        <source>%1 plenaries are numbered %2: %3. Give one of them another number.</source>
        <translation>%1 plenarie hanno il numero %2: %3. Dai a una di loro un altro numero.</translation>
    </message>
    <message>
        <source>Number the one of %1 as %2</source>
        <translation>Dai il numero %2 a quella del %1</translation>
    </message>
    <message>
        <source>Number the plenary as %1</source>
        <translation>Numero %1 alla plenaria</translation>
    </message>
    <message>
        <source>Not renumbered</source>
        <translation>Numero non cambiato</translation>
    </message>
</context>
<context>
    <name>EditableRowsModel</name>
    <message>
        <source>Not saved</source>
        <translation>Non salvato</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>There is nobody in the assembly yet: start by importing the roster the statistics office sent (Excel or CSV).</source>
        <translation>Nell&apos;assemblea non c&apos;è ancora nessuno: inizia importando l&apos;elenco inviato dall&apos;ufficio statistica (Excel o CSV).</translation>
    </message>
    <message>
        <source>Import roster…</source>
        <translation>Importa elenco…</translation>
    </message>
    <message>
        <source>Create the first plenary</source>
        <translation>Crea la prima plenaria</translation>
    </message>
    <message>
        <source>No plenary yet: create the first one with its date, venue and sessions; then print badges and sign-in sheets from here.</source>
        <translation>Non c&apos;è ancora nessuna plenaria: crea la prima con data, luogo e sessioni; poi da qui stampi badge e fogli firme.</translation>
    </message>
    <message>
        <source>Check-in needs a plenary with its sessions: create the plenary first.</source>
        <translation>Per registrare gli arrivi serve una plenaria con le sue sessioni: crea prima la plenaria.</translation>
    </message>
    <message>
        <source>Attendance is counted per plenary: create the first plenary, then check people in at the entrance.</source>
        <translation>Le presenze si contano per plenaria: crea la prima plenaria, poi registra le persone all&apos;ingresso.</translation>
    </message>
    <message>
        <source>Nobody has been checked in yet: the figures fill up as people arrive at the entrance.</source>
        <translation>Nessuno è ancora stato registrato: i numeri si riempiono man mano che le persone arrivano all&apos;ingresso.</translation>
    </message>
    <message>
        <source>Go to Check-in</source>
        <translation>Vai a Registrazione</translation>
    </message>
    <message>
        <source>Groups are formed for a plenary: create the plenary first.</source>
        <translation>I gruppi si formano per una plenaria: crea prima la plenaria.</translation>
    </message>
    <message>
        <source>Each post-it wall belongs to a working group: form the groups of a plenary first.</source>
        <translation>Ogni parete di post-it appartiene a un gruppo di lavoro: forma prima i gruppi di una plenaria.</translation>
    </message>
    <message>
        <source>Go to Groups</source>
        <translation>Vai a Gruppi</translation>
    </message>
    <message>
        <source>Recommendations are adopted in a plenary: create the first plenary.</source>
        <translation>Le raccomandazioni si approvano in plenaria: crea la prima plenaria.</translation>
    </message>
    <message>
        <source>Recommendations usually grow from the post-its of the groups: promote a note or a cluster from the wall.</source>
        <translation>Le raccomandazioni di solito nascono dai post-it dei gruppi: promuovi un post-it o un raggruppamento dalla parete.</translation>
    </message>
    <message>
        <source>Go to the post-it wall</source>
        <translation>Vai ai post-it</translation>
    </message>
    <message>
        <source>The minutes are written for a plenary: create the plenary first.</source>
        <translation>Il verbale si scrive per una plenaria: crea prima la plenaria.</translation>
    </message>
    <message>
        <source>Here you follow what the Comune does with each approved recommendation: there is no recommendation yet.</source>
        <translation>Qui segui cosa fa il Comune con ogni raccomandazione approvata: non c&apos;è ancora nessuna raccomandazione.</translation>
    </message>
    <message>
        <source>Go to Recommendations</source>
        <translation>Vai a Raccomandazioni</translation>
    </message>
    <message>
        <source>The draw starts from the residents who replied to the letter: import their list (Excel or CSV) with &apos;facilitator-app selection pool import&apos;, then set the quotas here.</source>
        <translation>Il sorteggio parte da chi ha risposto alla lettera: importa il loro elenco (Excel o CSV) con &apos;facilitator-app selection pool import&apos;, poi imposta qui le quote.</translation>
    </message>
    <message>
        <source>How it works</source>
        <translation>Come funziona</translation>
    </message>
    <message>
        <source>There is no plenary yet: create one in Plenaries.</source>
        <translation>Non c&apos;è ancora nessuna plenaria: creane una in Plenarie.</translation>
    </message>
    <message>
        <source>There is nobody in the roster yet: import it first.</source>
        <translation>L&apos;elenco è ancora vuoto: importalo prima.</translation>
    </message>
    <message>
        <source>There is no working group yet: form the groups in Groups.</source>
        <translation>Non c&apos;è ancora nessun gruppo di lavoro: forma i gruppi in Gruppi.</translation>
    </message>
</context>
<context>
    <name>EncryptFlow</name>
    <message>
        <source>Encrypt this file</source>
        <translation>Cifra questo file</translation>
    </message>
    <message>
        <source>This file is already encrypted.</source>
        <translation>Questo file è già cifrato.</translation>
    </message>
    <message>
        <source>%1-encrypted</source>
        <translation>%1-cifrato</translation>
    </message>
    <message>
        <source>Writing the encrypted copy and checking it…</source>
        <translation>Scrittura della copia cifrata e controllo…</translation>
    </message>
    <message>
        <source>Overwriting and removing the unencrypted file and its backups…</source>
        <translation>Sovrascrittura ed eliminazione del file non cifrato e delle sue copie di sicurezza…</translation>
    </message>
    <message>
        <source>The file is now encrypted: %1. The unencrypted file %2 could not be removed (%3): delete it yourself.</source>
        <translation>Ora il file è cifrato: %1. Non è stato possibile eliminare il file non cifrato %2 (%3): eliminalo tu.</translation>
    </message>
    <message>
        <source>The file is now encrypted: %1. It was checked against the original (every table, every row) before the window switched to it. The unencrypted file %2 was overwritten and deleted, with %3 unencrypted backups. Whoever opens the file from now on needs the passphrase; without it nobody can recover the data.</source>
        <translation>Ora il file è cifrato: %1. È stato confrontato con l&apos;originale (ogni tabella, ogni riga) prima che la finestra passasse a lui. Il file non cifrato %2 è stato sovrascritto ed eliminato, insieme a %3 copie di sicurezza non cifrate. Da ora chi apre il file ha bisogno della frase segreta; senza, nessuno può recuperare i dati.</translation>
    </message>
    <message>
        <source>The file could not be encrypted (%1). Nothing was changed.</source>
        <translation>Non è stato possibile cifrare il file (%1). Non è cambiato nulla.</translation>
    </message>
</context>
<context>
    <name>Erasure</name>
    <message>
        <source>Removed, from this file, its change log and its backups, and on every laptop that receives the next packages: surname and first name, phone, e-mail, address, birth date, country, accessibility, dietary and other notes, badge code and external id; their name as author of notes, the reasons given for their absences and their reply to the letter of the selection by lot.

Kept, without the name: gender, citizenship, municipio, education, cohort and term (the assembly&apos;s anonymous figures), their attendance and group seats, the text of their notes.

This cannot be undone: Ctrl+Z does not bring the data back. The erasure is recorded in the audit log.</source>
        <translation>Viene cancellato, da questo file, dal suo registro delle modifiche e dalle sue copie di sicurezza, e su ogni portatile che riceve i prossimi pacchetti: cognome e nome, telefono, e-mail, indirizzo, data di nascita, paese, note su accessibilità, alimentazione e altre note, codice badge e codice esterno; il suo nome come autore di post-it, i motivi delle sue assenze e la sua risposta alla lettera del sorteggio.

Resta, senza il nome: genere, cittadinanza, municipio, titolo di studio, coorte e mandato (i dati anonimi dell&apos;assemblea), le sue presenze e i posti nei gruppi, il testo dei suoi post-it.

Non si può annullare: Ctrl+Z non riporta indietro i dati. La cancellazione resta scritta nel registro delle esportazioni.</translation>
    </message>
    <message>
        <source>Personal data of %1 member(s) erased: %2 fields with a value, %3 changes of the log rewritten and %4 removed, %5 old backups replaced by a new one; the file was compacted. The other laptops erase the same data when they receive the next package.</source>
        <translation>Dati personali cancellati per %1 partecipante/i: %2 campi con un valore, %3 modifiche del registro riscritte e %4 eliminate, %5 copie di sicurezza vecchie sostituite da una nuova; il file è stato compattato. Gli altri portatili cancellano gli stessi dati quando ricevono il prossimo pacchetto.</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>Cancella dati personali</translation>
    </message>
    <message>
        <source>This member&apos;s personal data has already been erased.</source>
        <translation>I dati personali di questa persona sono già stati cancellati.</translation>
    </message>
    <message>
        <source>Erase the personal data of %1?</source>
        <translation>Cancellare i dati personali di %1?</translation>
    </message>
    <message>
        <source>Retention of personal data</source>
        <translation>Conservazione dei dati personali</translation>
    </message>
    <message>
        <source>Erase the personal data of the %1 former member(s) whose term ended more than %2 months ago?</source>
        <translation>Cancellare i dati personali dei %1 ex membri il cui mandato è finito da più di %2 mesi?</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>Assembly</source>
        <translation>Assemblea</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <source>Laptops</source>
        <translation>Portatili</translation>
    </message>
    <message>
        <source>Cohorts</source>
        <translation>Coorti</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Temi</translation>
    </message>
    <message>
        <source>Plan actions</source>
        <translation>Azioni del Piano</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Partecipanti</translation>
    </message>
    <message>
        <source>Plenaries</source>
        <translation>Plenarie</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessioni</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Ordine del giorno</translation>
    </message>
    <message>
        <source>Staff and guests</source>
        <translation>Staff e ospiti</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Presenze</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppi</translation>
    </message>
    <message>
        <source>Group seats</source>
        <translation>Assegnazioni ai gruppi</translation>
    </message>
    <message>
        <source>Note categories</source>
        <translation>Categorie dei post-it</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>Raggruppamenti</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Post-it</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Voti</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Raccomandazioni</translation>
    </message>
    <message>
        <source>Notes of recommendations</source>
        <translation>Post-it delle raccomandazioni</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Verbali</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflitti</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <source>Export package…</source>
        <translation>Esporta pacchetto…</translation>
    </message>
    <message>
        <source>Import package…</source>
        <translation>Importa pacchetto…</translation>
    </message>
    <message>
        <source>Prepare the laptops…</source>
        <translation>Prepara i portatili…</translation>
    </message>
    <message>
        <source>Collect from a folder…</source>
        <translation>Raccogli da una cartella…</translation>
    </message>
    <message>
        <source>Conflicts…</source>
        <translation>Conflitti…</translation>
    </message>
    <message>
        <source>Conflicts (%1)…</source>
        <translation>Conflitti (%1)…</translation>
    </message>
    <message>
        <source>Export package</source>
        <translation>Esporta pacchetto</translation>
    </message>
    <message>
        <source>Exchange packages (*.assemblea)</source>
        <translation>Pacchetti di scambio (*.assemblea)</translation>
    </message>
    <message>
        <source>Package not written</source>
        <translation>Pacchetto non scritto</translation>
    </message>
    <message>
        <source>%1 changes written to %2 (everything this laptop has).</source>
        <translation>Modifiche scritte in %2: %1 (tutto ciò che ha questo portatile).</translation>
    </message>
    <message>
        <source>%1 changes written to %2 (what %3 had not received yet).</source>
        <translation>Modifiche scritte in %2: %1 (quello che %3 non aveva ancora ricevuto).</translation>
    </message>
    <message>
        <source>Package written</source>
        <translation>Pacchetto scritto</translation>
    </message>
    <message>
        <source>Import packages</source>
        <translation>Importa pacchetti</translation>
    </message>
    <message>
        <source>Exchange packages (*.assemblea);;All files (*)</source>
        <translation>Pacchetti di scambio (*.assemblea);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Package not imported</source>
        <translation>Pacchetto non importato</translation>
    </message>
    <message>
        <source>Prepare the laptops</source>
        <translation>Prepara i portatili</translation>
    </message>
    <message>
        <source>There is no plenary yet: create it first.</source>
        <translation>Non c&apos;è ancora nessuna plenaria: creala prima.</translation>
    </message>
    <message>
        <source>Plenary %1 — %2 — %3</source>
        <translation>Plenaria %1 — %2 — %3</translation>
    </message>
    <message>
        <source>Plenary %1 — %2</source>
        <translation>Plenaria %1 — %2</translation>
    </message>
    <message>
        <source>One package for the entrance and one for each group of:</source>
        <translation>Un pacchetto per l&apos;ingresso e uno per ogni gruppo di:</translation>
    </message>
    <message>
        <source>Where to write the packages (e.g. a USB stick)</source>
        <translation>Dove scrivere i pacchetti (ad es. una chiavetta USB)</translation>
    </message>
    <message>
        <source>Laptops prepared</source>
        <translation>Portatili preparati</translation>
    </message>
    <message>
        <source>Collect the packages of a folder</source>
        <translation>Raccogli i pacchetti di una cartella</translation>
    </message>
    <message>
        <source>Nothing collected</source>
        <translation>Nessun pacchetto raccolto</translation>
    </message>
    <message>
        <source>There are no packages (.assemblea) in %1.</source>
        <translation>In %1 non ci sono pacchetti (.assemblea).</translation>
    </message>
    <message>
        <source>Reading the packages…</source>
        <translation>Lettura dei pacchetti…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Collect from a folder</source>
        <translation>Raccogli da una cartella</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lettura di %1…</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Unione dei dati…</translation>
    </message>
    <message>
        <source>None of the packages in %1 could be imported:
%2</source>
        <translation>Nessuno dei pacchetti in %1 si è potuto importare:
%2</translation>
    </message>
    <message>
        <source>• %1: %2 members</source>
        <translation>• %1: %2 partecipanti</translation>
    </message>
    <message>
        <source>phone numbers and e-mail addresses</source>
        <translation>numeri di telefono e indirizzi e-mail</translation>
    </message>
    <message>
        <source>birth dates</source>
        <translation>date di nascita</translation>
    </message>
    <message>
        <source>accessibility, dietary and other notes</source>
        <translation>note su accessibilità, alimentazione e altre note</translation>
    </message>
    <message>
        <source>gender, citizenship, municipio and education</source>
        <translation>genere, cittadinanza, municipio e titolo di studio</translation>
    </message>
    <message>
        <source>former members</source>
        <translation>ex partecipanti</translation>
    </message>
    <message>
        <source>Each package holds its members&apos; names, badge codes and groups, and also: %1.</source>
        <translation>Ogni pacchetto contiene nomi, codici badge e gruppi dei suoi partecipanti, e inoltre: %1.</translation>
    </message>
    <message>
        <source>Each package holds only its members&apos; names, badge codes and groups: no phone numbers, e-mail addresses, birth dates, notes or former members.</source>
        <translation>Ogni pacchetto contiene solo nomi, codici badge e gruppi dei suoi partecipanti: niente numeri di telefono, indirizzi e-mail, date di nascita, note o ex partecipanti.</translation>
    </message>
    <message>
        <source>%1 packages written to %2:
%3

%4

On each laptop, open a new assembly file and use File › Import package… with its package.</source>
        <translation>%1 pacchetti scritti in %2:
%3

%4

Su ogni computer, apri un nuovo file dell&apos;assemblea e usa File › Importa pacchetto… con il suo pacchetto.</translation>
    </message>
</context>
<context>
    <name>ExchangeFields</name>
    <message>
        <source>Text</source>
        <translation>Testo</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Cognome</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valore</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Didascalia</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Luogo</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export package</source>
        <translation>Esporta pacchetto</translation>
    </message>
    <message>
        <source>The package holds the changes made on this laptop and those it received from others. Say who it is for: next time, only what they have not received yet goes into it.</source>
        <translation>Il pacchetto contiene le modifiche fatte su questo portatile e quelle ricevute dagli altri. Indica a chi è destinato: la volta successiva conterrà solo ciò che non ha ancora ricevuto.</translation>
    </message>
    <message>
        <source>Secretariat</source>
        <translation>Segreteria</translation>
    </message>
    <message>
        <source>Everything (a full package, e.g. for a new laptop)</source>
        <translation>Tutto (pacchetto completo, ad es. per un nuovo portatile)</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Per:</translation>
    </message>
    <message>
        <source>Choose the file…</source>
        <translation>Scegli il file…</translation>
    </message>
</context>
<context>
    <name>FileField</name>
    <message>
        <source>Remove</source>
        <translation>Togli</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the roster file</source>
        <translation>Scegli il file con l&apos;elenco</translation>
    </message>
    <message>
        <source>An .xlsx or .csv file from the statistics office. Nothing is written until you confirm on the next page.</source>
        <translation>Un file .xlsx o .csv dell&apos;ufficio statistica. Non viene salvato nulla finché non confermi nella pagina successiva.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Sfoglia…</translation>
    </message>
    <message>
        <source>Roster file</source>
        <translation>File con l&apos;elenco</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>Fogli di calcolo (*.xlsx *.csv);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <translation>Questo file non si può importare: %1</translation>
    </message>
    <message>
        <source>Automatic (the visible sheet with people)</source>
        <translation>Automatico (il foglio visibile con le persone)</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Foglio:</translation>
    </message>
    <message>
        <source>%1 (hidden)</source>
        <translation>%1 (nascosto)</translation>
    </message>
</context>
<context>
    <name>FilesButton</name>
    <message>
        <source>Milano Partecipa and files</source>
        <translation>Milano Partecipa e file</translation>
    </message>
    <message>
        <source>Import a Milano Partecipa export…</source>
        <translation>Importa un&apos;esportazione di Milano Partecipa…</translation>
    </message>
    <message>
        <source>Proposals for Milano Partecipa (CSV)…</source>
        <translation>Proposte per Milano Partecipa (CSV)…</translation>
    </message>
    <message>
        <source>Answers for Milano Partecipa (CSV)…</source>
        <translation>Risposte per Milano Partecipa (CSV)…</translation>
    </message>
    <message>
        <source>Calendar of the plenaries (.ics)…</source>
        <translation>Calendario delle plenarie (.ics)…</translation>
    </message>
    <message>
        <source>Public monitoring report (PDF and Excel)…</source>
        <translation>Rapporto di monitoraggio pubblico (PDF ed Excel)…</translation>
    </message>
    <message>
        <source>Internal monitoring report (PDF and Excel)…</source>
        <translation>Rapporto di monitoraggio interno (PDF ed Excel)…</translation>
    </message>
    <message>
        <source>Import from Milano Partecipa</source>
        <translation>Importa da Milano Partecipa</translation>
    </message>
    <message>
        <source>Decidim exports (*.csv *.json *.xlsx)</source>
        <translation>Esportazioni di Milano Partecipa (*.csv *.json *.xlsx)</translation>
    </message>
    <message>
        <source>%1 recommendations updated.</source>
        <translation>%1 raccomandazioni aggiornate.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Esporta</translation>
    </message>
    <message>
        <source>Nothing to export yet.</source>
        <translation>Ancora niente da esportare.</translation>
    </message>
    <message>
        <source>No answer to export: record the Comune&apos;s answers and import the proposals from Milano Partecipa first.</source>
        <translation>Nessuna risposta da esportare: registra prima le risposte del Comune e importa le proposte da Milano Partecipa.</translation>
    </message>
    <message>
        <source>Export for Milano Partecipa</source>
        <translation>Esporta per Milano Partecipa</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Calendar of the plenaries</source>
        <translation>Calendario delle plenarie</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Monitoring report</source>
        <translation>Rapporto di monitoraggio</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the assembly to a file before exporting.</source>
        <translation>Salva l&apos;assemblea in un file prima di esportare.</translation>
    </message>
</context>
<context>
    <name>Followup</name>
    <message>
        <source>Accepted</source>
        <translation>Accolta</translation>
    </message>
    <message>
        <source>Partly accepted</source>
        <translation>Accolta in parte</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>Non accolta</translation>
    </message>
    <message>
        <source>Under evaluation</source>
        <translation>In valutazione</translation>
    </message>
    <message>
        <source>Awaiting an answer</source>
        <translation>In attesa di risposta</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Non avviata</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In corso</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Realizzata</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abbandonata</translation>
    </message>
    <message>
        <source>No update yet</source>
        <translation>Nessun aggiornamento</translation>
    </message>
    <message>
        <source>Group&apos;s note</source>
        <translation>Post-it del gruppo</translation>
    </message>
    <message>
        <source>Plenary vote</source>
        <translation>Voto della plenaria</translation>
    </message>
    <message>
        <source>Sent to the Comune</source>
        <translation>Inviata al Comune</translation>
    </message>
    <message>
        <source>The Comune&apos;s answer</source>
        <translation>Risposta del Comune</translation>
    </message>
    <message>
        <source>Act</source>
        <translation>Atto</translation>
    </message>
    <message>
        <source>Progress update</source>
        <translation>Aggiornamento</translation>
    </message>
</context>
<context>
    <name>FollowupChart</name>
    <message>
        <source>The Comune&apos;s answers (%1 recommendations)</source>
        <translation>Le risposte del Comune (%1 raccomandazioni)</translation>
    </message>
    <message>
        <source>Progress by area of the Plan</source>
        <translation>Avanzamento per ambito del Piano</translation>
    </message>
</context>
<context>
    <name>FollowupModel</name>
    <message>
        <source>Code</source>
        <translation>Codice</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Raccomandazione</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Risposta</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Risposta attesa entro</translation>
    </message>
    <message>
        <source>Act</source>
        <translation>Atto</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avanzamento</translation>
    </message>
    <message>
        <source>Plan actions</source>
        <translation>Azioni del Piano</translation>
    </message>
    <message>
        <source>%1 · overdue</source>
        <translation>%1 · in ritardo</translation>
    </message>
    <message>
        <source>The answer is overdue by %1 days</source>
        <translation>La risposta è in ritardo di %1 giorni</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>non ancora inviata</translation>
    </message>
</context>
<context>
    <name>FollowupPage</name>
    <message>
        <source>Search code, title, act, office…</source>
        <translation>Cerca codice, titolo, atto, ufficio…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Storia</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Invio</translation>
    </message>
    <message>
        <source>Answer and act</source>
        <translation>Risposta e atto</translation>
    </message>
    <message>
        <source>Progress update</source>
        <translation>Aggiornamento</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>Ciclo</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Plan action</source>
        <translation>Azione del Piano</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Risposta</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avanzamento</translation>
    </message>
    <message>
        <source>Save the term</source>
        <translation>Salva il termine</translation>
    </message>
    <message>
        <source>months of the sending</source>
        <translation>mesi dall&apos;invio</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tutti</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Oltre il termine</translation>
    </message>
    <message>
        <source>%1 of %2 recommendations shown · %3 with the answer overdue</source>
        <translation>%1 raccomandazioni su %2 · %3 con la risposta oltre il termine</translation>
    </message>
    <message>
        <source>No recommendation matches the filters.</source>
        <translation>Nessuna raccomandazione corrisponde ai filtri.</translation>
    </message>
    <message>
        <source>%1 — Notes of the group (%2)</source>
        <translation>%1 — Post-it del gruppo (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>in favour %1, against %2, abstained %3</source>
        <translation>favorevoli %1, contrari %2, astenuti %3</translation>
    </message>
    <message>
        <source>protocol %1</source>
        <translation>protocollo %1</translation>
    </message>
    <message>
        <source>The answer was due on %1: %2 days overdue.</source>
        <translation>La risposta era attesa entro il %1: %2 giorni di ritardo.</translation>
    </message>
    <message>
        <source>Cycle %1: the Comune answers within</source>
        <translation>Ciclo %1: il Comune risponde entro</translation>
    </message>
    <message>
        <source>Answer term</source>
        <translation>Termine per la risposta</translation>
    </message>
    <message>
        <source>Change the answer term</source>
        <translation>Cambia il termine per la risposta</translation>
    </message>
    <message>
        <source>Record the sending</source>
        <translation>Registra l&apos;invio</translation>
    </message>
    <message>
        <source>Record the answer</source>
        <translation>Registra la risposta</translation>
    </message>
    <message>
        <source>Add a progress update</source>
        <translation>Aggiungi un aggiornamento</translation>
    </message>
    <message>
        <source>Dates of the cycle…</source>
        <translation>Date del ciclo…</translation>
    </message>
    <message>
        <source>Plan actions…</source>
        <translation>Azioni del Piano…</translation>
    </message>
    <message>
        <source>The list of the Air and Climate Plan&apos;s actions: add, rename, remove</source>
        <translation>L&apos;elenco delle azioni del Piano Aria e Clima: aggiungi, rinomina, togli</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>Group</source>
        <translation>Gruppo</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Nuovo gruppo</translation>
    </message>
    <message>
        <source>Table %1</source>
        <translation>Tavolo %1</translation>
    </message>
    <message>
        <source>(no theme)</source>
        <translation>(nessun tema)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>nessun limite</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Room or area</source>
        <translation>Sala o spazio</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitatore</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Posti</translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation>Elimina gruppo</translation>
    </message>
    <message>
        <source>Edit group</source>
        <translation>Modifica gruppo</translation>
    </message>
    <message>
        <source>Delete this group? Its people go back to the list of people to seat.</source>
        <translation>Eliminare questo gruppo? Le sue persone tornano tra quelle da assegnare.</translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <source>Groups</source>
        <translation>Gruppi</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>New group</source>
        <translation>Nuovo gruppo</translation>
    </message>
    <message>
        <source>Copy previous groups</source>
        <translation>Copia gruppi precedenti</translation>
    </message>
    <message>
        <source>Assign automatically…</source>
        <translation>Assegna in automatico…</translation>
    </message>
    <message>
        <source>Seat late arrival</source>
        <translation>Assegna un ritardatario</translation>
    </message>
    <message>
        <source>Seat the selected person (or the first one waiting) in the best group</source>
        <translation>Assegna la persona selezionata (o la prima in attesa) al gruppo più adatto</translation>
    </message>
    <message>
        <source>No-shows…</source>
        <translation>Assenti…</translation>
    </message>
    <message>
        <source>Remove the selected people (or everyone seated but not checked in) and even out the groups</source>
        <translation>Toglie dai gruppi le persone selezionate (o chi è in un gruppo ma non è arrivato) e riequilibra i gruppi</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Stampa…</translation>
    </message>
    <message>
        <source>Rosters for facilitators (PDF)…</source>
        <translation>Elenchi per i facilitatori (PDF)…</translation>
    </message>
    <message>
        <source>Entrance poster (PDF)…</source>
        <translation>Cartello per l&apos;ingresso (PDF)…</translation>
    </message>
    <message>
        <source>Show on projector</source>
        <translation>Proietta</translation>
    </message>
    <message>
        <source>Plenary %1 — %2</source>
        <translation>Plenaria %1 — %2</translation>
    </message>
    <message>
        <source>Whole day</source>
        <translation>Tutto il giorno</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>To seat (%1)</source>
        <translation>In attesa (%1)</translation>
    </message>
    <message>
        <source>Present, not in a group yet</source>
        <translation>Presenti, non ancora in un gruppo</translation>
    </message>
    <message>
        <source>Expected, not in a group yet</source>
        <translation>Attesi, non ancora in un gruppo</translation>
    </message>
    <message>
        <source>Nobody is seated yet: assign automatically or drag people in.</source>
        <translation>Ancora nessuno nei gruppi: assegna in automatico o trascina le persone.</translation>
    </message>
    <message>
        <source>Mun. %1</source>
        <translation>Mun. %1</translation>
    </message>
    <message>
        <source>needs</source>
        <translation>esigenze</translation>
    </message>
    <message>
        <source>not checked in</source>
        <translation>non arrivato/a</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>Togli dal gruppo</translation>
    </message>
    <message>
        <source>Move to group</source>
        <translation>Sposta nel gruppo</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppi</translation>
    </message>
    <message>
        <source>Nobody is waiting for a group.</source>
        <translation>Nessuno è in attesa di un gruppo.</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>Assenti</translation>
    </message>
    <message>
        <source>Nothing to change: the groups are balanced.</source>
        <translation>Niente da cambiare: i gruppi sono equilibrati.</translation>
    </message>
    <message>
        <source>No-shows and rebalance</source>
        <translation>assenti e riequilibrio dei gruppi</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Sblocca</translation>
    </message>
    <message>
        <source>Pin to group</source>
        <translation>Blocca nel gruppo</translation>
    </message>
    <message>
        <source>Pin / unpin here</source>
        <translation>Blocca / sblocca qui</translation>
    </message>
    <message>
        <source>Seat in the best group</source>
        <translation>Assegna al gruppo più adatto</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Sposta in</translation>
    </message>
    <message>
        <source>Not here (no-show)…</source>
        <translation>Non è venuto/a (assente)…</translation>
    </message>
    <message>
        <source>Theme commitment</source>
        <translation>Tema scelto</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nessuno</translation>
    </message>
    <message>
        <source>There is no earlier plenary to copy from.</source>
        <translation>Non c&apos;è una plenaria precedente da cui copiare.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>File PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the rosters</source>
        <translation>Salva gli elenchi</translation>
    </message>
    <message>
        <source>Save the entrance poster</source>
        <translation>Salva il cartello per l&apos;ingresso</translation>
    </message>
    <message>
        <source>%1 (%2×%3)</source>
        <translation>%1 (%2×%3)</translation>
    </message>
    <message>
        <source>Pink card: in a group but not checked in yet</source>
        <translation>Scheda rosa: assegnato a un gruppo ma non ancora registrato all&apos;ingresso</translation>
    </message>
    <message>
        <source>Bold name: pinned to the group</source>
        <translation>Nome in grassetto: fissato al gruppo</translation>
    </message>
</context>
<context>
    <name>GroupsTexts</name>
    <message>
        <source>gender</source>
        <translation>genere</translation>
    </message>
    <message>
        <source>age band</source>
        <translation>fascia d&apos;età</translation>
    </message>
    <message>
        <source>municipio</source>
        <translation>municipio</translation>
    </message>
    <message>
        <source>citizenship</source>
        <translation>cittadinanza</translation>
    </message>
    <message>
        <source>education</source>
        <translation>titolo di studio</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>non noto</translation>
    </message>
    <message>
        <source>Mun. %1</source>
        <translation>Mun. %1</translation>
    </message>
    <message>
        <source>group size %1 → %2</source>
        <translation>persone nel gruppo: %1 → %2</translation>
    </message>
    <message>
        <source>better mix of %1</source>
        <translation>più equilibrio di %1</translation>
    </message>
    <message>
        <source>less balanced %1</source>
        <translation>meno equilibrio di %1</translation>
    </message>
    <message>
        <source>meets %1 new people, %2 already met</source>
        <translation>persone nuove da incontrare: %1, già incontrate: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 %2 → %3: %4.</source>
        <translation>%1 %2 → %3: %4.</translation>
    </message>
    <message>
        <source>Only groups of their committed theme were considered.</source>
        <translation>Sono stati considerati solo i gruppi del tema scelto.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Next best: %1.</source>
        <translation>In alternativa: %1.</translation>
    </message>
    <message>
        <source>Leave the groups: %1.</source>
        <translation>Escono dai gruppi: %1.</translation>
    </message>
    <message>
        <source>To even out the groups these people move:</source>
        <translation>Per riequilibrare i gruppi si spostano:</translation>
    </message>
    <message>
        <source>• %1: %2 → %3</source>
        <translation>• %1: %2 → %3</translation>
    </message>
    <message>
        <source>Nobody else moves.</source>
        <translation>Nessun altro si sposta.</translation>
    </message>
    <message>
        <source>Pins or theme commitments keep some groups larger than the others.</source>
        <translation>Per i blocchi o i temi scelti, alcuni gruppi restano più grandi degli altri.</translation>
    </message>
    <message>
        <source>Group sizes: %1 → %2</source>
        <translation>Persone per gruppo: %1 → %2</translation>
    </message>
    <message>
        <source>Mix of the groups: %1 away from the assembly&apos;s own mix (the best possible is %2; lower is better). New meetings: %3% of the most possible.</source>
        <translation>Composizione dei gruppi: scarto %1 dalla composizione dell&apos;assemblea (il minimo possibile è %2; più basso è meglio). Nuovi incontri: %3% del massimo possibile.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>%1 foreign citizens</source>
        <translation>%1 con cittadinanza straniera</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <source>Getting started</source>
        <translation>Come iniziare</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Partecipanti</translation>
    </message>
    <message>
        <source>Plenaries</source>
        <translation>Plenarie</translation>
    </message>
    <message>
        <source>Check-in at the entrance</source>
        <translation>Registrazione all&apos;ingresso</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Presenze</translation>
    </message>
    <message>
        <source>Attendance history</source>
        <translation>Storico presenze</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppi</translation>
    </message>
    <message>
        <source>Post-it wall</source>
        <translation>Post-it</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Raccomandazioni</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Verbali</translation>
    </message>
    <message>
        <source>Answers and monitoring</source>
        <translation>Risposte e monitoraggio</translation>
    </message>
    <message>
        <source>Selection by lot</source>
        <translation>Sorteggio</translation>
    </message>
    <message>
        <source>Several laptops</source>
        <translation>Più portatili</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tasti rapidi</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Guide</source>
        <translation>Guida</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Member</source>
        <translation>Partecipante</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tasso</translation>
    </message>
    <message>
        <source>present</source>
        <translation>presente</translation>
    </message>
    <message>
        <source>present at %1 of %2 sessions</source>
        <translation>sessioni con presenza: %1 su %2</translation>
    </message>
    <message>
        <source>justified: %1</source>
        <translation>giustificato/a: %1</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>assente</translation>
    </message>
    <message>
        <source>not held yet</source>
        <translation>non ancora svolta</translation>
    </message>
    <message>
        <source>not in office</source>
        <translation>non in carica</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>● present all day   ◐ part of the day   G justified   ✗ absent   · not held yet   (empty: not in office)</source>
        <translation>● presente tutto il giorno   ◐ in parte   G giustificato/a   ✗ assente   · da svolgere   (vuoto: non in carica)</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Partecipante</translation>
    </message>
    <message>
        <source>In a row</source>
        <translation>Di fila</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tasso</translation>
    </message>
    <message>
        <source>Last present</source>
        <translation>Ultima plenaria</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <source>off</source>
        <translation>nessuna</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Esporta in Excel…</translation>
    </message>
    <message>
        <source>Call after absences in a row:</source>
        <translation>Richiamare dopo assenze di fila:</translation>
    </message>
    <message>
        <source>or attendance below:</source>
        <translation>o presenza sotto:</translation>
    </message>
    <message>
        <source>Attendance across the cycle</source>
        <translation>Presenze del ciclo</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Richiami</translation>
    </message>
    <message>
        <source>To call (%1)</source>
        <translation>Da richiamare (%1)</translation>
    </message>
    <message>
        <source>Export attendance</source>
        <translation>Esporta le presenze</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>File Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>surname</source>
        <translation>cognome</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>nome</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>genere</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>data di nascita</translation>
    </message>
    <message>
        <source>citizenship</source>
        <translation>cittadinanza</translation>
    </message>
    <message>
        <source>country</source>
        <translation>paese</translation>
    </message>
    <message>
        <source>municipio</source>
        <translation>municipio</translation>
    </message>
    <message>
        <source>education</source>
        <translation>titolo di studio</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>telefono</translation>
    </message>
    <message>
        <source>external id</source>
        <translation>codice esterno</translation>
    </message>
    <message>
        <source>cohort</source>
        <translation>coorte</translation>
    </message>
    <message>
        <source>term start</source>
        <translation>inizio mandato</translation>
    </message>
    <message>
        <source>term end</source>
        <translation>fine mandato</translation>
    </message>
    <message>
        <source>status</source>
        <translation>stato</translation>
    </message>
    <message>
        <source>badge code</source>
        <translation>codice badge</translation>
    </message>
    <message>
        <source>accessibility</source>
        <translation>accessibilità</translation>
    </message>
    <message>
        <source>diet</source>
        <translation>alimentazione</translation>
    </message>
    <message>
        <source>privacy consent</source>
        <translation>consenso privacy</translation>
    </message>
    <message>
        <source>photo consent</source>
        <translation>consenso foto</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>note</translation>
    </message>
    <message>
        <source>language</source>
        <translation>lingua</translation>
    </message>
    <message>
        <source>postal address</source>
        <translation>indirizzo postale</translation>
    </message>
</context>
<context>
    <name>ImportIssues</name>
    <message>
        <source>Row without surname or first name: not imported.</source>
        <translation>Riga senza cognome o nome: non importata.</translation>
    </message>
    <message>
        <source>Municipio not between 1 and 9: left empty.</source>
        <translation>Municipio non compreso tra 1 e 9: lasciato vuoto.</translation>
    </message>
    <message>
        <source>Not a valid date: left empty.</source>
        <translation>Data non valida: lasciata vuota.</translation>
    </message>
    <message>
        <source>Malformed e-mail address: left empty.</source>
        <translation>Indirizzo e-mail non valido: lasciato vuoto.</translation>
    </message>
    <message>
        <source>Malformed phone number: left empty.</source>
        <translation>Numero di telefono non valido: lasciato vuoto.</translation>
    </message>
    <message>
        <source>Unknown gender: left empty.</source>
        <translation>Genere non riconosciuto: lasciato vuoto.</translation>
    </message>
    <message>
        <source>Unknown education level: left empty.</source>
        <translation>Titolo di studio non riconosciuto: lasciato vuoto.</translation>
    </message>
    <message>
        <source>Unknown citizenship: left empty.</source>
        <translation>Cittadinanza non riconosciuta: lasciata vuota.</translation>
    </message>
    <message>
        <source>Unknown status: left empty.</source>
        <translation>Stato non riconosciuto: lasciato vuoto.</translation>
    </message>
    <message>
        <source>Same person as an earlier row: merged into one member.</source>
        <translation>Stessa persona di una riga precedente: unita in un solo partecipante.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not a plausible birth date for a member of the assembly: left empty.</source>
        <translation>Data di nascita non plausibile per un partecipante dell&apos;assemblea: lasciata vuota.</translation>
    </message>
    <message>
        <source>A number, read as an Excel date.</source>
        <translation>Un numero, letto come data di Excel.</translation>
    </message>
    <message>
        <source>A date with a two-digit year: check the century.</source>
        <translation>Una data con l&apos;anno a due cifre: controlla il secolo.</translation>
    </message>
    <message>
        <source>A formula: its last calculated value was used.</source>
        <translation>Una formula: è stato usato il suo ultimo valore calcolato.</translation>
    </message>
    <message>
        <source>A formula that was never calculated, so it has no value: left empty.</source>
        <translation>Una formula mai calcolata, quindi senza valore: lasciata vuota.</translation>
    </message>
    <message>
        <source>A spreadsheet error, not a value: left empty.</source>
        <translation>Un errore del foglio di calcolo, non un valore: lasciato vuoto.</translation>
    </message>
    <message>
        <source>Invisible control characters: removed.</source>
        <translation>Caratteri di controllo invisibili: tolti.</translation>
    </message>
    <message>
        <source>Text too long: left empty.</source>
        <translation>Testo troppo lungo: lasciato vuoto.</translation>
    </message>
    <message>
        <source>Name too long: the row was not imported.</source>
        <translation>Nome troppo lungo: la riga non è stata importata.</translation>
    </message>
    <message>
        <source>Not a name (no letters): left empty.</source>
        <translation>Non è un nome (nessuna lettera): lasciato vuoto.</translation>
    </message>
    <message>
        <source>A totals row, not a person: not imported.</source>
        <translation>Una riga di totali, non una persona: non importata.</translation>
    </message>
    <message>
        <source>A double quote that is never closed: the line was read on its own and the quote removed.</source>
        <translation>Virgolette aperte e mai chiuse: la riga è stata letta da sola e le virgolette tolte.</translation>
    </message>
    <message>
        <source>More values than columns in the header (an unquoted separator?): the row was not imported.</source>
        <translation>Più valori che colonne nell&apos;intestazione (un separatore senza virgolette?): la riga non è stata importata.</translation>
    </message>
    <message>
        <source>Fewer values than columns in the header: the last columns were read as empty.</source>
        <translation>Meno valori che colonne nell&apos;intestazione: le ultime colonne sono state lette come vuote.</translation>
    </message>
    <message>
        <source>Merged cells: the value of the merged block was used.</source>
        <translation>Celle unite: è stato usato il valore del blocco unito.</translation>
    </message>
    <message>
        <source>Not a yes/no answer: left empty.</source>
        <translation>Non è una risposta sì/no: lasciato vuoto.</translation>
    </message>
    <message>
        <source>Not a valid badge code: a new code will be given.</source>
        <translation>Codice badge non valido: ne verrà dato uno nuovo.</translation>
    </message>
    <message>
        <source>Already another member&apos;s badge: a new code will be given.</source>
        <translation>È già il badge di un altro partecipante: ne verrà dato uno nuovo.</translation>
    </message>
    <message>
        <source>The term ends before it starts: left empty.</source>
        <translation>Il mandato finisce prima di cominciare: lasciato vuoto.</translation>
    </message>
    <message>
        <source>%1… (%2 characters)</source>
        <translation>%1… (%2 caratteri)</translation>
    </message>
    <message>
        <source>Not one of the assembly&apos;s languages (see Settings): Italian is used.</source>
        <translation>Non è una delle lingue dell&apos;Assemblea (vedi Impostazioni): si usa l&apos;italiano.</translation>
    </message>
</context>
<context>
    <name>ImportNotes</name>
    <message>
        <source>Row %1, above the header, was not read (a title or notes).</source>
        <translation>La riga %1, sopra l&apos;intestazione, non è stata letta (un titolo o delle note).</translation>
    </message>
    <message>
        <source>Rows %1–%2, above the header, were not read (a title or notes).</source>
        <translation>Le righe %1–%2, sopra l&apos;intestazione, non sono state lette (un titolo o delle note).</translation>
    </message>
    <message>
        <source>Hidden sheets, not imported: %1.</source>
        <translation>Fogli nascosti, non importati: %1.</translation>
    </message>
    <message>
        <source>Other sheets, without surname and first name columns: %1.</source>
        <translation>Altri fogli, senza colonne di cognome e nome: %1.</translation>
    </message>
    <message>
        <source>“%1” is named like an Excel workbook but is a text (CSV) file: it was read as CSV.</source>
        <translation>“%1” ha il nome di una cartella di lavoro Excel ma è un file di testo (CSV): è stato letto come CSV.</translation>
    </message>
    <message>
        <source>“%1” is not in UTF-8: it was read as %2.</source>
        <translation>“%1” non è in UTF-8: è stato letto come %2.</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Import from Milano Partecipa</source>
        <translation>Importa da Milano Partecipa</translation>
    </message>
    <message>
        <source>%1: %2 proposals read, %3 recommendations would change.</source>
        <translation>%1: %2 proposte lette, %3 raccomandazioni cambierebbero.</translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2 problems (nothing will be written).</source>
        <translation>%1 non si può importare: %2 problemi (non verrà scritto nulla).</translation>
    </message>
    <message>
        <source>nothing changes</source>
        <translation>nessun cambiamento</translation>
    </message>
    <message>
        <source>Row %1: %2 “%3” ← proposal %4 (%5)</source>
        <translation>Riga %1: %2 “%3” ← proposta %4 (%5)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importa</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import roster</source>
        <translation>Importa l&apos;elenco dei partecipanti</translation>
    </message>
</context>
<context>
    <name>IncludeDialog</name>
    <message>
        <source>What the laptops receive</source>
        <translation>Cosa ricevono i computer</translation>
    </message>
    <message>
        <source>The entrance laptop receives the names, badge codes and groups of the members in office; each table&apos;s laptop only the names of its group&apos;s members. Tick what they also need today: it travels on the USB stick and stays on the laptops.</source>
        <translation>Il computer dell&apos;ingresso riceve nomi, codici badge e gruppi dei partecipanti in carica; il computer di ogni tavolo solo i nomi dei partecipanti del suo gruppo. Spunta ciò che serve in più oggi: viaggia sulla chiavetta USB e resta sui computer.</translation>
    </message>
    <message>
        <source>Phone numbers and e-mail addresses</source>
        <translation>Numeri di telefono e indirizzi e-mail</translation>
    </message>
    <message>
        <source>Birth dates</source>
        <translation>Date di nascita</translation>
    </message>
    <message>
        <source>Accessibility, dietary and other notes (health data)</source>
        <translation>Note su accessibilità, alimentazione e altre note (dati sulla salute)</translation>
    </message>
    <message>
        <source>Profile: gender, citizenship, municipio, education</source>
        <translation>Profilo: genere, cittadinanza, municipio, titolo di studio</translation>
    </message>
    <message>
        <source>Former members (no longer in office)</source>
        <translation>Ex partecipanti (non più in carica)</translation>
    </message>
    <message>
        <source>Choose the folder…</source>
        <translation>Scegli la cartella…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Open assembly…</source>
        <translation>&amp;Apri assemblea…</translation>
    </message>
    <message>
        <source>New assembly…</source>
        <translation>Nuova assemblea…</translation>
    </message>
    <message>
        <source>&amp;Import roster…</source>
        <translation>&amp;Importa elenco partecipanti…</translation>
    </message>
    <message>
        <source>Device name…</source>
        <translation>Nome del portatile…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Ripeti</translation>
    </message>
    <message>
        <source>Assembly &amp;settings…</source>
        <translation>&amp;Impostazioni dell&apos;assemblea…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Informazioni</translation>
    </message>
    <message>
        <source>%1 — %2 — Citizens&apos; Assembly on Climate</source>
        <translation>%1 — %2 — Assemblea dei Cittadini sul Clima</translation>
    </message>
    <message>
        <source>Open assembly</source>
        <translation>Apri assemblea</translation>
    </message>
    <message>
        <source>Assembly files (*.sqlite *.db);;All files (*)</source>
        <translation>File dell&apos;assemblea (*.sqlite *.db);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>New assembly</source>
        <translation>Nuova assemblea</translation>
    </message>
    <message>
        <source>Assembly files (*.sqlite)</source>
        <translation>File dell&apos;assemblea (*.sqlite)</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Nome del portatile</translation>
    </message>
    <message>
        <source>Name of this laptop, as colleagues will see it (e.g. Laptop tavolo 3):</source>
        <translation>Nome di questo portatile, come lo vedranno i colleghi (ad es. Laptop tavolo 3):</translation>
    </message>
    <message>
        <source>The new language applies when you restart the app.</source>
        <translation>La nuova lingua vale dal prossimo avvio dell&apos;app.</translation>
    </message>
    <message>
        <source>Recent assemblies</source>
        <translation>Assemblee recenti</translation>
    </message>
    <message>
        <source>&amp;Guide to this page</source>
        <translation>&amp;Guida a questa pagina</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tasti rapidi</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No other recent assembly</source>
        <translation>Nessun&apos;altra assemblea recente</translation>
    </message>
    <message>
        <source>Facilitator app, version %1
For the facilitators and secretariat of Milan&apos;s Permanent Citizens&apos; Assembly on Climate. Works offline; everything is saved at once in the assembly file.

This assembly&apos;s file: %2
Backups: the app keeps no copies by itself. To make one, export a full package (File › Export package…, tick “Everything”) to a USB stick, or copy the file with the app closed. Packages and copies are wherever you saved them; the last exchange folder used is %3.

License: GPL-3.0-or-later (free software: you may use, study, share and improve it).</source>
        <translation>App dei facilitatori, versione %1
Per i facilitatori e la segreteria dell&apos;Assemblea Permanente dei Cittadini sul Clima di Milano. Funziona senza internet; ogni cosa è salvata subito nel file dell&apos;assemblea.

File di questa assemblea: %2
Copie di sicurezza: l&apos;app non ne fa da sola. Per farne una, esporta un pacchetto completo (File › Esporta pacchetto…, spunta «Tutto») su una chiavetta USB, oppure copia il file ad app chiusa. Pacchetti e copie sono dove li hai salvati; l&apos;ultima cartella usata per gli scambi è %3.

Licenza: GPL-3.0-or-later (software libero: puoi usarlo, studiarlo, condividerlo e migliorarlo).</translation>
    </message>
    <message>
        <source>Change the passphrase…</source>
        <translation>Cambia la frase segreta…</translation>
    </message>
    <message>
        <source>Audit log…</source>
        <translation>Registro delle esportazioni…</translation>
    </message>
    <message>
        <source>Privacy…</source>
        <translation>Privacy…</translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation>Cambia la frase segreta</translation>
    </message>
    <message>
        <source>The passphrase was changed. Tell it to the colleagues who open this file; the backups made before keep the old one.</source>
        <translation>La frase segreta è stata cambiata. Comunicala ai colleghi che aprono questo file; le copie di sicurezza fatte prima conservano quella vecchia.</translation>
    </message>
    <message>
        <source>S&amp;ync folder…</source>
        <translation>Cartella &amp;condivisa…</translation>
    </message>
    <message>
        <source>&amp;Messages to members…</source>
        <translation>&amp;Messaggi ai partecipanti…</translation>
    </message>
    <message>
        <source>Encrypt this file…</source>
        <translation>Cifra questo file…</translation>
    </message>
    <message>
        <source>This file is not encrypted, so it has no passphrase. To encrypt it, use “Encrypt this file…” on the Privacy page.</source>
        <translation>Questo file non è cifrato, quindi non ha una frase segreta. Per cifrarlo usa «Cifra questo file…» nella pagina Privacy.</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Edit member</source>
        <translation>Modifica partecipante</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>Nuovo partecipante</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>gg/mm/aaaa</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Surname *</source>
        <translation>Cognome *</translation>
    </message>
    <message>
        <source>First name *</source>
        <translation>Nome *</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genere</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Data di nascita</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation>Cittadinanza</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Paese</translation>
    </message>
    <message>
        <source>Municipio</source>
        <translation>Municipio</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Titolo di studio</translation>
    </message>
    <message>
        <source>Contacts and term</source>
        <translation>Contatti e mandato</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>Codice esterno</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Coorte</translation>
    </message>
    <message>
        <source>Term start</source>
        <translation>Inizio mandato</translation>
    </message>
    <message>
        <source>Term end</source>
        <translation>Fine mandato</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Badge code</source>
        <translation>Codice badge</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatico</translation>
    </message>
    <message>
        <source>Needs, consents and notes</source>
        <translation>Esigenze, consensi e note</translation>
    </message>
    <message>
        <source>Accessibility</source>
        <translation>Accessibilità</translation>
    </message>
    <message>
        <source>Diet</source>
        <translation>Alimentazione</translation>
    </message>
    <message>
        <source>Privacy consent given</source>
        <translation>Consenso privacy dato</translation>
    </message>
    <message>
        <source>Photo consent given</source>
        <translation>Consenso alle foto dato</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>edit member %1</source>
        <translation>modifica dei dati di %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sì</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Someone else has deleted this member meanwhile: nothing saved.</source>
        <translation>Nel frattempo qualcun altro ha eliminato questo componente: non è stato salvato nulla.</translation>
    </message>
    <message>
        <source>%1: yours “%2”, saved meanwhile “%3”</source>
        <translation>%1: il tuo «%2», salvato nel frattempo «%3»</translation>
    </message>
    <message>
        <source>Changed meanwhile</source>
        <translation>Modificato nel frattempo</translation>
    </message>
    <message>
        <source>While you were editing, someone else changed the same fields:
%1

Save your values over theirs? (No keeps theirs; your other changes are saved either way.)</source>
        <translation>Mentre modificavi, qualcun altro ha cambiato gli stessi campi:
%1

Vuoi salvare i tuoi valori al posto dei loro? (No mantiene i loro; le altre tue modifiche vengono salvate comunque.)</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>Indirizzo postale</translation>
    </message>
    <message>
        <source>street, number, postcode, city</source>
        <translation>via, numero, CAP, città</translation>
    </message>
    <message>
        <source>The language of the letters, e-mails and text messages this member receives</source>
        <translation>La lingua delle lettere, delle e-mail e degli SMS che riceve questa persona</translation>
    </message>
    <message>
        <source>Language for messages</source>
        <translation>Lingua dei messaggi</translation>
    </message>
</context>
<context>
    <name>MemberErrors</name>
    <message>
        <source>This field is required.</source>
        <translation>Questo campo è obbligatorio.</translation>
    </message>
    <message>
        <source>This is not a valid e-mail address.</source>
        <translation>Questo indirizzo e-mail non è valido.</translation>
    </message>
    <message>
        <source>This is not a valid phone number.</source>
        <translation>Questo numero di telefono non è valido.</translation>
    </message>
    <message>
        <source>Milan&apos;s municipi go from 1 to 9.</source>
        <translation>I municipi di Milano vanno da 1 a 9.</translation>
    </message>
    <message>
        <source>Write the date as dd/mm/yyyy.</source>
        <translation>Scrivi la data come gg/mm/aaaa.</translation>
    </message>
    <message>
        <source>The term ends before it starts.</source>
        <translation>Il mandato finisce prima di cominciare.</translation>
    </message>
    <message>
        <source>A badge code has 5 characters from the badge alphabet.</source>
        <translation>Il codice badge ha 5 caratteri, scelti tra quelli ammessi nei badge.</translation>
    </message>
    <message>
        <source>Another member already has this badge code.</source>
        <translation>Un altro partecipante ha già questo codice badge.</translation>
    </message>
    <message>
        <source>Invalid value.</source>
        <translation>Valore non valido.</translation>
    </message>
    <message>
        <source>This birth date is not plausible for a member of the assembly (too young or too old).</source>
        <translation>Questa data di nascita non è plausibile per un partecipante dell&apos;assemblea (troppo giovane o troppo anziano).</translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation>Questo testo è troppo lungo.</translation>
    </message>
    <message>
        <source>This text contains invisible control characters.</source>
        <translation>Questo testo contiene caratteri di controllo invisibili.</translation>
    </message>
    <message>
        <source>Not one of the assembly&apos;s languages (see Settings).</source>
        <translation>Non è una delle lingue dell&apos;Assemblea (vedi Impostazioni).</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Surname</source>
        <translation>Cognome</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genere</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Fascia d&apos;età</translation>
    </message>
    <message>
        <source>Municipio</source>
        <translation>Municipio</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation>Cittadinanza</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Titolo di studio</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Coorte</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Search by surname, name, badge or id…</source>
        <translation>Cerca per cognome, nome, badge o codice…</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>Nuovo partecipante</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifica</translation>
    </message>
    <message>
        <source>Import roster…</source>
        <translation>Importa elenco…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tutti gli stati</translation>
    </message>
    <message>
        <source>All cohorts</source>
        <translation>Tutte le coorti</translation>
    </message>
    <message>
        <source>All municipi</source>
        <translation>Tutti i municipi</translation>
    </message>
    <message numerus="yes">
        <source>Municipio %n</source>
        <translation>
            <numerusform>Municipio %n</numerusform>
            <numerusform>Municipio %n</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 members</source>
        <translation>Partecipanti: %1 su %2</translation>
    </message>
    <message>
        <source>Erase personal data…</source>
        <translation>Cancella dati personali…</translation>
    </message>
    <message>
        <source>Right to erasure: remove the selected member&apos;s personal data everywhere (cannot be undone)</source>
        <translation>Diritto alla cancellazione: elimina ovunque i dati personali della persona selezionata (non si può annullare)</translation>
    </message>
</context>
<context>
    <name>MessagesEditor</name>
    <message>
        <source>Convocation to a plenary</source>
        <translation>Convocazione a una plenaria</translation>
    </message>
    <message>
        <source>Reminder the day before</source>
        <translation>Promemoria del giorno prima</translation>
    </message>
    <message>
        <source>Welcome to a new member</source>
        <translation>Benvenuto a chi entra</translation>
    </message>
    <message>
        <source>Summary after a plenary</source>
        <translation>Resoconto dopo una plenaria</translation>
    </message>
    <message>
        <source>Thank-you at the end of the term</source>
        <translation>Ringraziamento a fine mandato</translation>
    </message>
    <message>
        <source>Messages to members</source>
        <translation>Messaggi ai partecipanti</translation>
    </message>
    <message>
        <source>To be reviewed by a native speaker</source>
        <translation>Da far controllare a una persona di madrelingua</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Messaggio</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Oggetto</translation>
    </message>
    <message>
        <source>Letter and e-mail</source>
        <translation>Lettera ed e-mail</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Readability</source>
        <translation>Leggibilità</translation>
    </message>
    <message>
        <source>Save this text</source>
        <translation>Salva questo testo</translation>
    </message>
    <message>
        <source>Back to the shipped text</source>
        <translation>Torna al testo originale</translation>
    </message>
    <message>
        <source>To be reviewed: a native speaker must check this translation before it is sent.</source>
        <translation>Da controllare: una persona di madrelingua deve rileggere questa traduzione prima dell&apos;invio.</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Partecipante</translation>
    </message>
    <message>
        <source>Plenary</source>
        <translation>Plenaria</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Anteprima</translation>
    </message>
    <message>
        <source>Who members contact (in every message)</source>
        <translation>Chi contattare (in ogni messaggio)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Mittente</translation>
    </message>
    <message>
        <source>Save contacts</source>
        <translation>Salva i contatti</translation>
    </message>
    <message>
        <source>(an example member)</source>
        <translation>(un partecipante di esempio)</translation>
    </message>
    <message>
        <source>Plenary %1 — %2</source>
        <translation>Plenaria %1 — %2</translation>
    </message>
    <message>
        <source>Placeholders (click to insert): %1</source>
        <translation>Segnaposto (clic per inserire): %1</translation>
    </message>
    <message>
        <source>No text in this language yet: members who speak it get the Italian one. Write the translation over the Italian text and save it.</source>
        <translation>Non c&apos;è ancora un testo in questa lingua: chi la parla riceve quello in italiano. Scrivi la traduzione al posto del testo italiano e salvala.</translation>
    </message>
    <message>
        <source>Edited by the secretariat (kept in the assembly file).</source>
        <translation>Modificato dalla Segreteria (salvato nel file dell&apos;Assemblea).</translation>
    </message>
    <message>
        <source>The text shipped with the app.</source>
        <translation>Il testo che arriva con l&apos;app.</translation>
    </message>
    <message>
        <source>%1 characters · %2 · %3 SMS (for this member)</source>
        <translation>%1 caratteri · %2 · %3 SMS (per questa persona)</translation>
    </message>
    <message>
        <source>No text message for this language.</source>
        <translation>Nessun SMS per questa lingua.</translation>
    </message>
    <message>
        <source>Readability (Gulpease) is measured on Italian texts only.</source>
        <translation>La leggibilità (Gulpease) si misura solo sui testi in italiano.</translation>
    </message>
    <message>
        <source>Readability (Gulpease): %1 of 100 — target %2 for texts to citizens</source>
        <translation>Leggibilità (Gulpease): %1 su 100 — obiettivo %2 per i testi ai cittadini</translation>
    </message>
    <message>
        <source>(too hard: shorter sentences, everyday words)</source>
        <translation>(troppo difficile: frasi più brevi, parole di tutti i giorni)</translation>
    </message>
    <message>
        <source>edit the message %1 (%2)</source>
        <translation>modifica del messaggio %1 (%2)</translation>
    </message>
    <message>
        <source>Message not saved</source>
        <translation>Messaggio non salvato</translation>
    </message>
    <message>
        <source>Saved in the assembly file.</source>
        <translation>Salvato nel file dell&apos;Assemblea.</translation>
    </message>
    <message>
        <source>restore the message %1 (%2)</source>
        <translation>ripristino del messaggio %1 (%2)</translation>
    </message>
    <message>
        <source>change the secretariat&apos;s contacts</source>
        <translation>modifica dei contatti della Segreteria</translation>
    </message>
</context>
<context>
    <name>MinutesExport</name>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
</context>
<context>
    <name>MinutesPage</name>
    <message>
        <source>Opening of the meeting</source>
        <translation>Apertura dei lavori</translation>
    </message>
    <message>
        <source>Summary of the sessions</source>
        <translation>Sintesi dei lavori delle sessioni</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Decisioni</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Prossimi passi</translation>
    </message>
    <message>
        <source>Who opened the plenary, greetings, the aims of the day…</source>
        <translation>Chi ha aperto la plenaria, i saluti, gli obiettivi della giornata…</translation>
    </message>
    <message>
        <source>What happened in the morning and afternoon sessions…</source>
        <translation>Cosa è successo nelle sessioni del mattino e del pomeriggio…</translation>
    </message>
    <message>
        <source>What the plenary decided…</source>
        <translation>Cosa ha deciso la plenaria…</translation>
    </message>
    <message>
        <source>Next meetings, tasks, answers expected from the Comune…</source>
        <translation>Prossimi incontri, compiti, risposte attese dal Comune…</translation>
    </message>
    <message>
        <source>These texts also appear in the public version: do not write citizens&apos; personal data here.</source>
        <translation>Questi testi compaiono anche nella versione pubblica: non scrivere qui dati personali dei cittadini.</translation>
    </message>
    <message>
        <source>What the verbale will contain</source>
        <translation>Cosa conterrà il verbale</translation>
    </message>
    <message>
        <source>Public version (no personal data of citizens)</source>
        <translation>Versione pubblica (senza dati personali dei cittadini)</translation>
    </message>
    <message>
        <source>Verbale as PDF…</source>
        <translation>Verbale in PDF…</translation>
    </message>
    <message>
        <source>Verbale as Excel…</source>
        <translation>Verbale in Excel…</translation>
    </message>
    <message>
        <source>Cycle report (PDF and Excel)…</source>
        <translation>Rapporto del ciclo (PDF ed Excel)…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Esporta</translation>
    </message>
    <message>
        <source>Plenary</source>
        <translation>Plenaria</translation>
    </message>
    <message>
        <source>Plenary %1 — %2</source>
        <translation>Plenaria %1 — %2</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Salvataggio…</translation>
    </message>
    <message>
        <source>Saved at %1</source>
        <translation>Salvato alle %1</translation>
    </message>
    <message>
        <source>No plenary yet.</source>
        <translation>Ancora nessuna plenaria.</translation>
    </message>
    <message>
        <source>Present: %1 of %2 members in office</source>
        <translation>Presenti: %1 su %2 partecipanti in carica</translation>
    </message>
    <message>
        <source>— %1: %2 present</source>
        <translation>— %1: presenti %2</translation>
    </message>
    <message>
        <source>Justified absences: %1</source>
        <translation>Assenze giustificate: %1</translation>
    </message>
    <message>
        <source>Staff, facilitators and experts: %1</source>
        <translation>Staff, facilitatori ed esperti: %1</translation>
    </message>
    <message>
        <source>Groups: %1</source>
        <translation>Gruppi: %1</translation>
    </message>
    <message>
        <source>Post-its: %1 in %2 clusters (%3 outside clusters)</source>
        <translation>Post-it: %1 · raggruppamenti: %2 · post-it fuori dai raggruppamenti: %3</translation>
    </message>
    <message>
        <source>Recommendations: %1</source>
        <translation>Raccomandazioni: %1</translation>
    </message>
    <message>
        <source>Photos of the walls: %1</source>
        <translation>Foto delle pareti: %1</translation>
    </message>
    <message>
        <source>Sections still empty: %1</source>
        <translation>Sezioni ancora vuote: %1</translation>
    </message>
    <message>
        <source>All sections written.</source>
        <translation>Tutte le sezioni sono scritte.</translation>
    </message>
    <message>
        <source>Save the verbale</source>
        <translation>Salva il verbale</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Cartella di lavoro Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Verbale of plenary %1</source>
        <translation>Verbale della plenaria %1</translation>
    </message>
    <message>
        <source>Save the cycle report (an Excel file is saved beside it)</source>
        <translation>Salva il rapporto del ciclo (accanto viene salvato anche un file Excel)</translation>
    </message>
    <message>
        <source>Cycle report</source>
        <translation>Rapporto del ciclo</translation>
    </message>
    <message>
        <source>Save the assembly to a file before exporting.</source>
        <translation>Salva l&apos;assemblea in un file prima di esportare.</translation>
    </message>
    <message>
        <source>The export failed; no file was written.
%1</source>
        <translation>L&apos;esportazione non è riuscita; nessun file è stato scritto.
%1</translation>
    </message>
    <message>
        <source>Gulpease index: how easy the text is to read for an Italian reader, 0 (very hard) to 100 (very easy). Texts for citizens should reach 60: use short sentences and everyday words.</source>
        <translation>Indice Gulpease: quanto è facile leggere il testo in italiano, da 0 (molto difficile) a 100 (molto facile). I testi per i cittadini dovrebbero arrivare a 60: frasi brevi e parole di tutti i giorni.</translation>
    </message>
    <message>
        <source>Readability (Gulpease): %1 of 100 — easy enough for citizens (target %2)</source>
        <translation>Leggibilità (Gulpease): %1 su 100 — abbastanza facile per i cittadini (obiettivo %2)</translation>
    </message>
    <message>
        <source>Readability (Gulpease): %1 of 100 — too hard for many citizens (target %2): shorter sentences, everyday words</source>
        <translation>Leggibilità (Gulpease): %1 su 100 — troppo difficile per molti cittadini (obiettivo %2): frasi più brevi, parole di tutti i giorni</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>Not done</source>
        <translation>Operazione non eseguita</translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message>
        <source>Search notes…</source>
        <translation>Cerca nei post-it…</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Adatta</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>New cluster</source>
        <translation>Nuovo raggruppamento</translation>
    </message>
    <message>
        <source>Photos…</source>
        <translation>Foto…</translation>
    </message>
    <message>
        <source>Categories…</source>
        <translation>Categorie…</translation>
    </message>
    <message>
        <source>Show on projector</source>
        <translation>Proietta</translation>
    </message>
    <message>
        <source>Plenary</source>
        <translation>Plenaria</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppo</translation>
    </message>
    <message>
        <source>Plenary %1 — %2</source>
        <translation>Plenaria %1 — %2</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Tutte le categorie</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Tutti i tag</translation>
    </message>
    <message>
        <source>All authors</source>
        <translation>Tutti gli autori</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonimo</translation>
    </message>
    <message>
        <source>%1 notes</source>
        <translation>%1 post-it</translation>
    </message>
    <message>
        <source>%1 of %2 notes</source>
        <translation>%1 post-it su %2</translation>
    </message>
    <message>
        <source>Add a dot</source>
        <translation>aggiunta di un voto</translation>
    </message>
    <message>
        <source>Remove a dot</source>
        <translation>rimozione di un voto</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>modifica del post-it</translation>
    </message>
    <message>
        <source>Rename cluster</source>
        <translation>cambio di nome del raggruppamento</translation>
    </message>
    <message>
        <source>Cluster notes</source>
        <translation>raggruppamento dei post-it</translation>
    </message>
    <message>
        <source>Move into cluster</source>
        <translation>spostamento nel raggruppamento</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>spostamento</translation>
    </message>
    <message>
        <source>Take out of cluster</source>
        <translation>uscita dal raggruppamento</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>eliminazione</translation>
    </message>
    <message>
        <source>Delete notes</source>
        <translation>eliminazione dei post-it</translation>
    </message>
    <message>
        <source>Delete cluster</source>
        <translation>eliminazione del raggruppamento</translation>
    </message>
    <message>
        <source>Change category</source>
        <translation>cambio di categoria</translation>
    </message>
    <message>
        <source>Change tags</source>
        <translation>cambio dei tag</translation>
    </message>
    <message>
        <source>Promote to recommendation</source>
        <translation>Trasforma in raccomandazione</translation>
    </message>
    <message>
        <source>Add a dot  (V)</source>
        <translation>Aggiungi un voto  (V)</translation>
    </message>
    <message>
        <source>Remove a dot  (Shift+V)</source>
        <translation>Togli un voto  (Shift+V)</translation>
    </message>
    <message>
        <source>Edit  (F2)</source>
        <translation>Modifica  (F2)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>Nessuna categoria</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>New cluster from selection  (Ctrl+G)</source>
        <translation>Nuovo raggruppamento dalla selezione  (Ctrl+G)</translation>
    </message>
    <message>
        <source>Take out of cluster  (Ctrl+Shift+G)</source>
        <translation>Togli dal raggruppamento  (Ctrl+Shift+G)</translation>
    </message>
    <message>
        <source>Delete  (Del)</source>
        <translation>Elimina  (Canc)</translation>
    </message>
    <message>
        <source>New cluster  (Ctrl+G)</source>
        <translation>Nuovo raggruppamento  (Ctrl+G)</translation>
    </message>
    <message>
        <source>Fit the wall  (0)</source>
        <translation>Adatta la parete  (0)</translation>
    </message>
    <message>
        <source>Recommendation “%1” created: edit it and record the vote on the Recommendations page.</source>
        <translation>Raccomandazione «%1» creata: modificala e registra il voto nella pagina Raccomandazioni.</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Members</source>
        <translation>Partecipanti</translation>
    </message>
    <message>
        <source>Plenaries</source>
        <translation>Plenarie</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Registrazione</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Presenze</translation>
    </message>
    <message>
        <source>Attendance history</source>
        <translation>Storico presenze</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppi</translation>
    </message>
    <message>
        <source>Post-it wall</source>
        <translation>Post-it</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Raccomandazioni</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Verbali</translation>
    </message>
    <message>
        <source>Answers and monitoring</source>
        <translation>Risposte e monitoraggio</translation>
    </message>
    <message>
        <source>Selection by lot</source>
        <translation>Sorteggio</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Encrypted assembly</source>
        <translation>Assemblea cifrata</translation>
    </message>
    <message>
        <source>New assembly</source>
        <translation>Nuova assemblea</translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation>Cambia la frase segreta</translation>
    </message>
    <message>
        <source>“%1” is encrypted. Enter its passphrase to open it.</source>
        <translation>“%1” è cifrato. Inserisci la sua frase segreta per aprirlo.</translation>
    </message>
    <message>
        <source>“%1” will hold the members&apos; personal data. Choose a passphrase: the file is encrypted with it, and whoever opens it on another laptop needs it too. Without the passphrase the data cannot be recovered, by anyone.</source>
        <translation>“%1” conterrà i dati personali dei partecipanti. Scegli una frase segreta: il file viene cifrato con essa, e chi lo apre su un altro computer ne ha bisogno. Senza la frase segreta nessuno può recuperare i dati.</translation>
    </message>
    <message>
        <source>Choose a new passphrase for “%1”. Tell it to the colleagues who open this file; packages already sent keep working.</source>
        <translation>Scegli una nuova frase segreta per “%1”. Comunicala ai colleghi che aprono questo file; i pacchetti già inviati continuano a funzionare.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frase segreta:</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Nuova frase segreta:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Ripetila:</translation>
    </message>
    <message>
        <source>Remember it on this computer (in the system&apos;s keyring)</source>
        <translation>Ricordala su questo computer (nel portachiavi di sistema)</translation>
    </message>
    <message>
        <source>This computer has no keyring the app can use.</source>
        <translation>Questo computer non ha un portachiavi che l&apos;app possa usare.</translation>
    </message>
    <message>
        <source>Do not encrypt this file</source>
        <translation>Non cifrare questo file</translation>
    </message>
    <message>
        <source>Without encryption, anyone who copies the file, or finds the laptop or the USB stick, can read the members&apos; names, phone numbers, birth dates and health notes. Choose this only for test files with invented people.</source>
        <translation>Senza cifratura, chiunque copi il file, o trovi il computer o la chiavetta USB, può leggere nomi, numeri di telefono, date di nascita e note sulla salute dei partecipanti. Sceglilo solo per file di prova con persone inventate.</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Inserisci la frase segreta.</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>Almeno %1 caratteri.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Le due frasi sono diverse.</translation>
    </message>
    <message>
        <source>Encrypt this file</source>
        <translation>Cifra questo file</translation>
    </message>
    <message>
        <source>“%1” is not encrypted. It will be copied into an encrypted file next to it, checked, and opened in its place; the unencrypted file and its backups are then overwritten and deleted. Choose a passphrase: whoever opens the file needs it, and without it the data cannot be recovered, by anyone.</source>
        <translation>“%1” non è cifrato. Verrà copiato in un file cifrato accanto, controllato e aperto al suo posto; poi il file non cifrato e le sue copie di sicurezza vengono sovrascritti ed eliminati. Scegli una frase segreta: serve a chiunque apra il file, e senza di essa nessuno può recuperare i dati.</translation>
    </message>
</context>
<context>
    <name>PhotosDialog</name>
    <message>
        <source>Cannot read %1 (%2).</source>
        <translation>Impossibile leggere %1 (%2).</translation>
    </message>
    <message>
        <source>Photos of the paper wall</source>
        <translation>Foto della parete</translation>
    </message>
    <message>
        <source>No photo yet: attach one with “Add photos…”.</source>
        <translation>Ancora nessuna foto: aggiungine una con “Aggiungi foto…”.</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>Aggiungi foto…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>%1×%2, %3 KB</source>
        <translation>%1×%2, %3 KB</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.heic *.webp)</source>
        <translation>Immagini (*.jpg *.jpeg *.png *.heic *.webp)</translation>
    </message>
    <message>
        <source>Photo not added</source>
        <translation>Foto non aggiunta</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Elimina foto</translation>
    </message>
    <message>
        <source>Remove this photo?</source>
        <translation>Eliminare questa foto?</translation>
    </message>
</context>
<context>
    <name>PlanActionsDialog</name>
    <message>
        <source>Plan actions</source>
        <translation>Azioni del Piano</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Codice</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Ambito</translation>
    </message>
    <message>
        <source>e.g. 5.1.4</source>
        <translation>per esempio 5.1.4</translation>
    </message>
    <message>
        <source>What the action does, in plain words</source>
        <translation>Che cosa fa l&apos;azione, in parole semplici</translation>
    </message>
    <message>
        <source>e.g. Milano Consapevole</source>
        <translation>per esempio Milano Consapevole</translation>
    </message>
    <message>
        <source>Area of the Plan</source>
        <translation>Ambito del Piano</translation>
    </message>
    <message>
        <source>Add as a new action</source>
        <translation>Aggiungi come nuova azione</translation>
    </message>
    <message>
        <source>Save the changes</source>
        <translation>Salva le modifiche</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Togli</translation>
    </message>
    <message>
        <source>Add the codes in use</source>
        <translation>Aggiungi i codici in uso</translation>
    </message>
    <message>
        <source>Adds every action code already used by recommendations, progress updates or the notes&apos; tags that the list lacks</source>
        <translation>Aggiunge ogni codice di azione già usato da raccomandazioni, aggiornamenti o etichette dei post-it che manca nell&apos;elenco</translation>
    </message>
    <message>
        <source>Add a Plan action</source>
        <translation>Aggiungi un&apos;azione del Piano</translation>
    </message>
    <message>
        <source>Change a Plan action</source>
        <translation>Modifica un&apos;azione del Piano</translation>
    </message>
    <message>
        <source>Remove a Plan action</source>
        <translation>Togli un&apos;azione del Piano</translation>
    </message>
    <message>
        <source>Remove the action %1 from the list?</source>
        <translation>Togliere l&apos;azione %1 dall&apos;elenco?</translation>
    </message>
    <message>
        <source>Add the Plan action codes in use</source>
        <translation>Aggiungi i codici delle azioni in uso</translation>
    </message>
    <message>
        <source>%1 codes added: %2</source>
        <translation>Codici aggiunti (%1): %2</translation>
    </message>
    <message>
        <source>Every code in use is already in the list.</source>
        <translation>Tutti i codici in uso sono già nell&apos;elenco.</translation>
    </message>
</context>
<context>
    <name>PlenariesPage</name>
    <message>
        <source>N.</source>
        <translation>N.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Luogo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>New plenary</source>
        <translation>Nuova plenaria</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>e.g. Parco Nord — Cascina Centro Parco</source>
        <translation>ad es. Parco Nord — Cascina Centro Parco</translation>
    </message>
    <message>
        <source>Room names, separated by commas</source>
        <translation>Nomi delle sale, separati da virgole</translation>
    </message>
    <message>
        <source>Save details</source>
        <translation>Salva i dati</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numero</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Sale</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sessione</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Inizio</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Fine</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dalle</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punto</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>Chi presenta</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Ente</translation>
    </message>
    <message>
        <source>edit session</source>
        <translation>modifica della sessione</translation>
    </message>
    <message>
        <source>edit agenda item</source>
        <translation>modifica di un punto all&apos;ordine del giorno</translation>
    </message>
    <message>
        <source>edit person</source>
        <translation>modifica di una persona</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessioni</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Ordine del giorno</translation>
    </message>
    <message>
        <source>Staff, experts and guests</source>
        <translation>Staff, esperti e ospiti</translation>
    </message>
    <message>
        <source>remove session</source>
        <translation>eliminazione della sessione</translation>
    </message>
    <message>
        <source>remove agenda item</source>
        <translation>eliminazione di un punto all&apos;ordine del giorno</translation>
    </message>
    <message>
        <source>remove person</source>
        <translation>eliminazione di una persona</translation>
    </message>
    <message>
        <source>Print:</source>
        <translation>Stampa:</translation>
    </message>
    <message>
        <source>Badges…</source>
        <translation>Badge…</translation>
    </message>
    <message>
        <source>Sign-in sheets…</source>
        <translation>Fogli firme…</translation>
    </message>
    <message>
        <source>Paper check-in list…</source>
        <translation>Lista di registrazione cartacea…</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>prevista</translation>
    </message>
    <message>
        <source>held</source>
        <translation>svolta</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annullata</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitatore</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>Esperto/a</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Ospite</translation>
    </message>
    <message>
        <source>Substitute</source>
        <translation>Sostituto/a</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>Osservatore/trice</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Aggiungi</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non salvato</translation>
    </message>
    <message>
        <source>edit plenary %1</source>
        <translation>modifica della plenaria %1</translation>
    </message>
    <message>
        <source>new plenary %1</source>
        <translation>nuova plenaria %1</translation>
    </message>
    <message>
        <source>Delete plenary</source>
        <translation>Elimina plenaria</translation>
    </message>
    <message>
        <source>Delete plenary %1 with its sessions, agenda and people? You can undo it.</source>
        <translation>Eliminare la plenaria %1 con le sue sessioni, l&apos;ordine del giorno e le persone? Si può annullare.</translation>
    </message>
    <message>
        <source>delete plenary %1</source>
        <translation>eliminazione della plenaria %1</translation>
    </message>
    <message>
        <source>add session</source>
        <translation>aggiunta di una sessione</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nuova sessione</translation>
    </message>
    <message>
        <source>add agenda item</source>
        <translation>aggiunta di un punto all&apos;ordine del giorno</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Nuovo punto</translation>
    </message>
    <message>
        <source>add person</source>
        <translation>aggiunta di una persona</translation>
    </message>
    <message>
        <source>Name Surname</source>
        <translation>Nome Cognome</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>File PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Sign-in sheets</source>
        <translation>Fogli firme</translation>
    </message>
    <message>
        <source>Paper check-in list</source>
        <translation>Lista di registrazione cartacea</translation>
    </message>
    <message>
        <source>Saved %1 (%2 pages).</source>
        <translation>Salvato %1 (pagine: %2).</translation>
    </message>
    <message>
        <source>e.g. Via Clerici 5, 20121 Milano</source>
        <translation>es. Via Clerici 5, 20121 Milano</translation>
    </message>
    <message>
        <source>e.g. Metro M1 Cordusio; tram 1, 2, 14</source>
        <translation>es. Metro M1 Cordusio; tram 1, 2, 14</translation>
    </message>
    <message>
        <source>e.g. your badge and an identity document</source>
        <translation>es. il badge e un documento d&apos;identità</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Indirizzo</translation>
    </message>
    <message>
        <source>How to get there</source>
        <translation>Come arrivare</translation>
    </message>
    <message>
        <source>What to bring</source>
        <translation>Cosa portare</translation>
    </message>
</context>
<context>
    <name>PlenaryPicker</name>
    <message>
        <source>Plenary %1 — %2 — %3</source>
        <translation>Plenaria %1 — %2 — %3</translation>
    </message>
    <message>
        <source>Plenary</source>
        <translation>Plenaria</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sessione</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>Anteprima</translation>
    </message>
    <message>
        <source>This is what the import will do. Rows with problems are listed below.</source>
        <translation>Ecco cosa farà l&apos;importazione. Le righe con problemi sono elencate sotto.</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nuovo</translation>
    </message>
    <message>
        <source>update</source>
        <translation>da aggiornare</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>invariato</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Riga</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Cognome</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifiche</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avvisi</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonna</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importa</translation>
    </message>
    <message>
        <source>Header found on row %1. %2 new members, %3 to update, %4 unchanged, %5 rows rejected, %6 warnings.</source>
        <translation>Intestazione trovata alla riga %1. Nuovi partecipanti: %2 · da aggiornare: %3 · invariati: %4 · righe scartate: %5 · avvisi: %6.</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Non importato</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Non è possibile</translation>
    </message>
    <message>
        <source>Every row is accounted for: %1 data rows = %2 imported + %3 merged with an earlier row of the same person + %4 rejected + %5 blank.</source>
        <translation>Ogni riga è conteggiata: righe di dati %1 = %2 importate + %3 unite a una riga precedente della stessa persona + %4 scartate + %5 vuote.</translation>
    </message>
    <message>
        <source>Sheet: %1</source>
        <translation>Foglio: %1</translation>
    </message>
    <message>
        <source>Columns not imported (choose a field below, or leave them out): %1</source>
        <translation>Colonne non importate (scegli un campo qui sotto, oppure escludile): %1</translation>
    </message>
    <message>
        <source>Columns with the same header: %1. Choose below which field each one is; until then nothing can be imported.</source>
        <translation>Colonne con la stessa intestazione: %1. Scegli qui sotto il campo di ciascuna; fino ad allora non si può importare nulla.</translation>
    </message>
</context>
<context>
    <name>PrivacyNote</name>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>This file (%1) is encrypted: without its passphrase it cannot be read.</source>
        <translation>Questo file (%1) è cifrato: senza la sua frase segreta non si può leggere.</translation>
    </message>
    <message>
        <source>What is stored where</source>
        <translation>Cosa si conserva e dove</translation>
    </message>
    <message>
        <source>The assembly file holds the members&apos; names, contact details, birth dates, profile and accessibility and dietary notes, their attendance, the groups and the notes of the plenaries. New files are encrypted with a passphrase (SQLCipher, AES-256).</source>
        <translation>Il file dell&apos;assemblea contiene nomi, recapiti, date di nascita, profilo e note su accessibilità e alimentazione dei partecipanti, le loro presenze, i gruppi e i post-it delle plenarie. I nuovi file sono cifrati con una frase segreta (SQLCipher, AES-256).</translation>
    </message>
    <message>
        <source>Automatic backups, encrypted like the file, are kept in %1 (the latest 10).</source>
        <translation>Le copie di sicurezza automatiche, cifrate come il file, sono in %1 (le ultime 10).</translation>
    </message>
    <message>
        <source>Packages for other laptops (.assemblea) are encrypted with the assembly&apos;s passphrase and checked before they are opened.</source>
        <translation>I pacchetti per gli altri computer (.assemblea) sono cifrati con la frase segreta dell&apos;assemblea e verificati prima di essere aperti.</translation>
    </message>
    <message>
        <source>Who sees what</source>
        <translation>Chi vede cosa</translation>
    </message>
    <message>
        <source>The entrance laptop receives only the names, badge codes and groups of the members in office; a table&apos;s laptop only its group&apos;s members. Phone numbers, e-mail addresses, birth dates, notes and former members go only if the secretariat ticks them.</source>
        <translation>Il computer dell&apos;ingresso riceve solo nomi, codici badge e gruppi dei partecipanti in carica; il computer di un tavolo solo i partecipanti del suo gruppo. Numeri di telefono, indirizzi e-mail, date di nascita, note ed ex partecipanti vanno solo se la segreteria li spunta.</translation>
    </message>
    <message>
        <source>Public minutes and reports never contain personal data.</source>
        <translation>I verbali e i rapporti pubblici non contengono mai dati personali.</translation>
    </message>
    <message>
        <source>Every export, printout and package is recorded in the audit log (File › Audit log…), with the laptop, the time and the file.</source>
        <translation>Ogni esportazione, stampa e pacchetto è annotato nel registro (File › Registro delle esportazioni…), con il computer, l&apos;ora e il file.</translation>
    </message>
    <message>
        <source>How to erase</source>
        <translation>Come cancellare</translation>
    </message>
    <message>
        <source>This file (%1) is NOT encrypted: anyone who copies it can read it. Encrypt it with “Encrypt this file…” on the Privacy page.</source>
        <translation>Questo file (%1) NON è cifrato: chiunque lo copi può leggerlo. Cifralo con «Cifra questo file…» nella pagina Privacy.</translation>
    </message>
    <message>
        <source>A member&apos;s data is erased with “Erase personal data…” on the Members page (or “facilitator-app member erase MEMBER_ID”): from the file, its change log and backups, and from every package made afterwards; the other laptops erase it too when they receive the next package. Attendance counts and the text of notes remain, without the name.</source>
        <translation>I dati di una persona si cancellano con «Cancella dati personali…» nella pagina Partecipanti (o con “facilitator-app member erase ID_PARTECIPANTE”): dal file, dal suo registro delle modifiche e dalle copie di sicurezza, e da ogni pacchetto fatto dopo; anche gli altri portatili li cancellano quando ricevono il prossimo pacchetto. Restano i conteggi delle presenze e il testo dei post-it, senza il nome.</translation>
    </message>
    <message>
        <source>Former members&apos; data is erased after the retention period (12 months after the end of the term by default) on the Privacy page, which lists who is due (or with “facilitator-app retention apply”).</source>
        <translation>I dati degli ex membri si cancellano dopo il periodo di conservazione (di norma 12 mesi dopo la fine del mandato) nella pagina Privacy, che elenca chi lo ha superato (o con “facilitator-app retention apply”).</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>Encrypt this file…</source>
        <translation>Cifra questo file…</translation>
    </message>
    <message>
        <source>Audit log…</source>
        <translation>Registro delle esportazioni…</translation>
    </message>
    <message>
        <source>The assembly file</source>
        <translation>Il file dell&apos;assemblea</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mesi</translation>
    </message>
    <message>
        <source>How long former members&apos; personal data is kept after their term ends</source>
        <translation>Per quanto tempo si conservano i dati personali degli ex membri dopo la fine del mandato</translation>
    </message>
    <message>
        <source>Former members&apos; personal data is kept this long after the end of their term, then erased (names, contacts, birth date, notes); attendance and the anonymous figures remain.</source>
        <translation>I dati personali degli ex membri si conservano per questo tempo dopo la fine del mandato, poi si cancellano (nomi, contatti, data di nascita, note); restano le presenze e i dati anonimi.</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Cognome</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Term ended</source>
        <translation>Fine mandato</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>Conservati fino al</translation>
    </message>
    <message>
        <source>Erase their personal data…</source>
        <translation>Cancella i loro dati personali…</translation>
    </message>
    <message>
        <source>Retention of former members&apos; data</source>
        <translation>Conservazione dei dati degli ex membri</translation>
    </message>
    <message>
        <source>Keep for:</source>
        <translation>Conserva per:</translation>
    </message>
    <message>
        <source>“%1” is encrypted: without its passphrase nobody can read it.</source>
        <translation>“%1” è cifrato: senza la sua frase segreta nessuno può leggerlo.</translation>
    </message>
    <message>
        <source>“%1” is NOT encrypted: anyone who copies it can read the members&apos; names, phone numbers, birth dates and health notes.</source>
        <translation>“%1” NON è cifrato: chiunque lo copi può leggere nomi, numeri di telefono, date di nascita e note sulla salute dei partecipanti.</translation>
    </message>
    <message>
        <source>This file is already encrypted.</source>
        <translation>Questo file è già cifrato.</translation>
    </message>
    <message>
        <source>Term over, still marked in office</source>
        <translation>Mandato finito, ancora segnato in carica</translation>
    </message>
    <message numerus="yes">
        <source>%n former member(s) past the retention period.</source>
        <translation>
            <numerusform>%n ex membro ha superato il periodo di conservazione.</numerusform>
            <numerusform>%n ex membri hanno superato il periodo di conservazione.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody is past the retention period.</source>
        <translation>Nessuno ha superato il periodo di conservazione.</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>Projector</source>
        <translation>Proiettore</translation>
    </message>
</context>
<context>
    <name>Recommendations</name>
    <message>
        <source>Draft</source>
        <translation>Bozza</translation>
    </message>
    <message>
        <source>Approved by the plenary</source>
        <translation>Approvata dalla plenaria</translation>
    </message>
    <message>
        <source>Sent to the Comune</source>
        <translation>Inviata al Comune</translation>
    </message>
    <message>
        <source>Rejected by the plenary</source>
        <translation>Respinta dalla plenaria</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approvata</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Respinta</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Inviata</translation>
    </message>
</context>
<context>
    <name>RecommendationsBoard</name>
    <message>
        <source>In favour %1</source>
        <translation>Favorevoli %1</translation>
    </message>
    <message>
        <source>Against %1</source>
        <translation>Contrari %1</translation>
    </message>
    <message>
        <source>Abstained %1</source>
        <translation>Astenuti %1</translation>
    </message>
    <message>
        <source>No recommendations yet.</source>
        <translation>Ancora nessuna raccomandazione.</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Raccomandazioni</translation>
    </message>
</context>
<context>
    <name>RecommendationsPage</name>
    <message>
        <source>#</source>
        <translation>N.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salva</translation>
    </message>
    <message>
        <source>Record the vote</source>
        <translation>Registra il voto</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Show on projector</source>
        <translation>Proietta</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Testo</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Plan actions</source>
        <translation>Azioni del Piano</translation>
    </message>
    <message>
        <source>Notes it comes from</source>
        <translation>Post-it di origine</translation>
    </message>
    <message>
        <source>In favour</source>
        <translation>Favorevoli</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>Contrari</translation>
    </message>
    <message>
        <source>Abstained</source>
        <translation>Astenuti</translation>
    </message>
    <message>
        <source>Plenary vote</source>
        <translation>Voto della plenaria</translation>
    </message>
    <message>
        <source>Plenary</source>
        <translation>Plenaria</translation>
    </message>
    <message>
        <source>Plenary %1 — %2</source>
        <translation>Plenaria %1 — %2</translation>
    </message>
    <message>
        <source>(no theme)</source>
        <translation>(nessun tema)</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>(nessun gruppo)</translation>
    </message>
    <message>
        <source>
… and %1 more</source>
        <translation>
… e altri %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nessuno)</translation>
    </message>
    <message>
        <source>Edit recommendation</source>
        <translation>modifica della raccomandazione</translation>
    </message>
    <message>
        <source>Delete recommendation</source>
        <translation>Elimina raccomandazione</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>Eliminare “%1”?</translation>
    </message>
    <message>
        <source>Rule: approved when the votes in favour are more than those against (simple majority of the votes cast; abstentions are not votes cast; a tie rejects).</source>
        <translation>Regola: approvata quando i voti favorevoli sono più dei contrari (maggioranza semplice dei voti espressi; gli astenuti non contano come voti espressi; in caso di parità è respinta).</translation>
    </message>
    <message>
        <source>Members entitled to vote checked in: %1.</source>
        <translation>Componenti con diritto di voto registrati: %1.</translation>
    </message>
    <message>
        <source>No attendance recorded for this plenary: the votes cannot be checked against it.</source>
        <translation>Nessuna presenza registrata per questa plenaria: non si possono confrontare i voti con i presenti.</translation>
    </message>
    <message>
        <source>Recorded over the attendance because: %1</source>
        <translation>Registrato nonostante le presenze perché: %1</translation>
    </message>
    <message>
        <source>More votes than members present</source>
        <translation>Più voti che componenti presenti</translation>
    </message>
    <message>
        <source>%1 votes (in favour, against and abstained), but only %2 members entitled to vote were checked in.

Check the figures. To record them anyway, write why (e.g. attendance kept on paper); the reason is kept with the vote.</source>
        <translation>%1 voti (favorevoli, contrari e astenuti), ma sono stati registrati solo %2 componenti con diritto di voto.

Controlla i numeri. Per registrarli comunque, scrivi il motivo (per esempio: presenze raccolte su carta); il motivo resta insieme al voto.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Someone else has deleted this recommendation meanwhile: nothing saved.</source>
        <translation>Nel frattempo qualcun altro ha eliminato questa raccomandazione: non è stato salvato nulla.</translation>
    </message>
    <message>
        <source>Changed meanwhile</source>
        <translation>Modificato nel frattempo</translation>
    </message>
    <message>
        <source>While you were editing, someone else changed: %1.

Save your version of these over theirs? (No keeps theirs; your other changes are saved either way.)</source>
        <translation>Mentre modificavi, qualcun altro ha cambiato: %1.

Vuoi salvare la tua versione di questi campi al posto della loro? (No mantiene la loro; le altre tue modifiche vengono salvate comunque.)</translation>
    </message>
</context>
<context>
    <name>SavedFiles</name>
    <message>
        <source>Open</source>
        <translation>Apri</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Apri la cartella</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Salvato: %1</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Apri %1</translation>
    </message>
</context>
<context>
    <name>SelectionPage</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Invitati</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponibile</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Sorteggiato/a</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confermato/a</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Ha rinunciato</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>Riserva</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Ritirato/a</translation>
    </message>
    <message>
        <source>Characteristic</source>
        <translation>Caratteristica</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valore</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimo</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Massimo</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genere</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Fascia d&apos;età</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Titolo di studio</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation>Cittadinanza</translation>
    </message>
    <message>
        <source>Municipio</source>
        <translation>Municipio</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Risposte</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Codice</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Chance</source>
        <translation>Probabilità</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Bacino</translation>
    </message>
    <message>
        <source>Seats in the group in office</source>
        <translation>Posti nel gruppo in carica</translation>
    </message>
    <message>
        <source>Compute from Milan&apos;s population</source>
        <translation>Calcola dalla popolazione di Milano</translation>
    </message>
    <message>
        <source>Save quotas</source>
        <translation>Salva le quote</translation>
    </message>
    <message>
        <source>Seats in the group in office:</source>
        <translation>Posti nel gruppo in carica:</translation>
    </message>
    <message>
        <source>Add category…</source>
        <translation>Aggiungi categoria…</translation>
    </message>
    <message>
        <source>A further characteristic from a column of the pool file, with Milan&apos;s shares</source>
        <translation>Un&apos;altra caratteristica, da una colonna del file del bacino, con le quote di Milano</translation>
    </message>
    <message>
        <source>Remove category</source>
        <translation>Elimina categoria</translation>
    </message>
    <message>
        <source>Remove the further category of the selected quota</source>
        <translation>Elimina la categoria aggiuntiva della quota selezionata</translation>
    </message>
    <message>
        <source>Quotas</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>LEXIMIN (fairest; recommended)</source>
        <translation>LEXIMIN (il più equo; consigliato)</translation>
    </message>
    <message>
        <source>Maximin</source>
        <translation>Maximin</translation>
    </message>
    <message>
        <source>Legacy (greedy, not fair)</source>
        <translation>Legacy (una persona alla volta, non equo)</translation>
    </message>
    <message>
        <source>Rotation: draw the newcomers, keeping the members who continue</source>
        <translation>Rotazione: sorteggia i nuovi, tenendo i membri che restano in carica</translation>
    </message>
    <message>
        <source>e.g. the numbers of a public lottery</source>
        <translation>per esempio i numeri di un&apos;estrazione pubblica</translation>
    </message>
    <message>
        <source>how the seed was obtained</source>
        <translation>come è stato ottenuto il seme</translation>
    </message>
    <message>
        <source>names of the witnesses</source>
        <translation>nomi dei testimoni</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Metodo:</translation>
    </message>
    <message>
        <source>Public seed:</source>
        <translation>Seme pubblico:</translation>
    </message>
    <message>
        <source>Announce before the draw</source>
        <translation>Annuncia prima del sorteggio</translation>
    </message>
    <message>
        <source>Record now how the seed will be obtained: the draw will refuse any other source</source>
        <translation>Registra ora come sarà ottenuto il seme: il sorteggio rifiuterà ogni altra origine</translation>
    </message>
    <message>
        <source>Source of the seed:</source>
        <translation>Origine del seme:</translation>
    </message>
    <message>
        <source>Witnesses:</source>
        <translation>Testimoni:</translation>
    </message>
    <message>
        <source>Compute chances and draw</source>
        <translation>Calcola le probabilità e sorteggia</translation>
    </message>
    <message>
        <source>Confirm the selected as members</source>
        <translation>Conferma i sorteggiati come membri</translation>
    </message>
    <message>
        <source>Verify the last draw</source>
        <translation>Verifica l&apos;ultimo sorteggio</translation>
    </message>
    <message>
        <source>Public report…</source>
        <translation>Rapporto pubblico…</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Sorteggio</translation>
    </message>
    <message>
        <source>Compare with a plenary</source>
        <translation>Confronta con una plenaria</translation>
    </message>
    <message>
        <source>Present at:</source>
        <translation>Presenti alla:</translation>
    </message>
    <message>
        <source>Composition</source>
        <translation>Composizione</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Pool: %1 respondents</source>
        <translation>Bacino: %1 persone disponibili</translation>
    </message>
    <message>
        <source>Municipio %1</source>
        <translation>Municipio %1</translation>
    </message>
    <message>
        <source>no plenary</source>
        <translation>nessuna plenaria</translation>
    </message>
    <message>
        <source>Plenary %1 of %2 (%3 present)</source>
        <translation>Plenaria %1 del %2 (%3 presenti)</translation>
    </message>
    <message>
        <source>No quotas yet: compute them from Milan&apos;s population.</source>
        <translation>Ancora nessuna quota: calcolale dalla popolazione di Milano.</translation>
    </message>
    <message>
        <source>Checking the quotas…</source>
        <translation>Verifica delle quote in corso…</translation>
    </message>
    <message>
        <source>✓ The quotas can be met with these %1 respondents.</source>
        <translation>✓ Le quote si possono rispettare con queste %1 persone.</translation>
    </message>
    <message>
        <source>✗ These quotas or this pool cannot be used as they are:</source>
        <translation>✗ Queste quote o questo bacino non si possono usare così:</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: lower the minimum from %2 to %3</source>
        <translation>%1: abbassa il minimo da %2 a %3</translation>
    </message>
    <message>
        <source>%1: raise the maximum from %2 to %3</source>
        <translation>%1: alza il massimo da %2 a %3</translation>
    </message>
    <message>
        <source>✗ No group from this pool meets all these quotas together. The smallest change that fixes it:</source>
        <translation>✗ Nessun gruppo formato da questo bacino rispetta tutte queste quote insieme. La modifica più piccola che lo rende possibile:</translation>
    </message>
    <message>
        <source>Announce the seed&apos;s source</source>
        <translation>annuncio dell&apos;origine del seme</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Annuncio</translation>
    </message>
    <message>
        <source>Not announced: the source typed above is recorded with the draw.</source>
        <translation>Non annunciata: l&apos;origine scritta sopra viene registrata con il sorteggio.</translation>
    </message>
    <message>
        <source>Announced on %1: the seed will be %2. The draw must use this source.</source>
        <translation>Annunciata il %1: il seme sarà %2. Il sorteggio deve usare questa origine.</translation>
    </message>
    <message>
        <source>No draw recorded yet.</source>
        <translation>Nessun sorteggio registrato.</translation>
    </message>
    <message>
        <source>Method used: %1</source>
        <translation>Metodo usato: %1</translation>
    </message>
    <message>
        <source>Seed: “%1” (source: %2; witnesses: %3), drawn on %4</source>
        <translation>Seme: “%1” (origine: %2; testimoni: %3), sorteggio del %4</translation>
    </message>
    <message>
        <source>%1 selected out of %2; %3 possible groups in the lottery</source>
        <translation>%1 sorteggiati su %2; %3 gruppi possibili nella lotteria</translation>
    </message>
    <message>
        <source>Chances: lowest %1%, median %2%, highest %3%; fair %4%; under half the fair chance: %5%</source>
        <translation>Probabilità: minima %1%, mediana %2%, massima %3%; equa %4%; sotto la metà dell&apos;equa: %5%</translation>
    </message>
    <message>
        <source>Inputs digest: %1</source>
        <translation>Impronta degli ingressi: %1</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Conferma</translation>
    </message>
    <message>
        <source>Nobody is waiting for confirmation.</source>
        <translation>Nessuno è in attesa di conferma.</translation>
    </message>
    <message>
        <source>Confirm selected</source>
        <translation>conferma dei sorteggiati</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verifica</translation>
    </message>
    <message>
        <source>Same panel</source>
        <translation>Stesso gruppo</translation>
    </message>
    <message>
        <source>Differences found</source>
        <translation>Differenze trovate</translation>
    </message>
    <message>
        <source>Public report</source>
        <translation>Rapporto pubblico</translation>
    </message>
    <message>
        <source>Milan</source>
        <translation>Milano</translation>
    </message>
    <message>
        <source>Respondents</source>
        <translation>Disponibili</translation>
    </message>
    <message>
        <source>In office</source>
        <translation>In carica</translation>
    </message>
    <message>
        <source>Present at plenary %1</source>
        <translation>Presenti alla plenaria %1</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>aggiunta di una categoria</translation>
    </message>
    <message>
        <source>Add a category</source>
        <translation>Aggiungi una categoria</translation>
    </message>
    <message>
        <source>A further characteristic for the quotas: a column of the pool file, with the share of Milan&apos;s population for each of its values.</source>
        <translation>Un&apos;altra caratteristica per le quote: una colonna del file del bacino, con la quota della popolazione di Milano per ciascuno dei suoi valori.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>One value per line with its share, e.g.
Affitto = 35%
Proprietà = 60%
Altro = 5%</source>
        <translation>Un valore per riga con la sua quota, per esempio
Affitto = 35%
Proprietà = 60%
Altro = 5%</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Category (pool column):</source>
        <translation>Categoria (colonna del bacino):</translation>
    </message>
    <message>
        <source>Shares of Milan&apos;s population:</source>
        <translation>Quote della popolazione di Milano:</translation>
    </message>
    <message>
        <source>Give the category&apos;s name and the share of each value.</source>
        <translation>Indica il nome della categoria e la quota di ogni valore.</translation>
    </message>
    <message>
        <source>No respondent has an answer in a column “%1”: check that the name is the column&apos;s header in the pool file, then import the pool again.</source>
        <translation>Nessuna persona del bacino ha una risposta in una colonna «%1»: controlla che il nome sia l&apos;intestazione della colonna nel file del bacino, poi importa di nuovo il bacino.</translation>
    </message>
    <message>
        <source>Some respondents have values with no share (%1): they cannot be drawn until you add them.</source>
        <translation>Alcune persone del bacino hanno valori senza quota (%1): non possono essere sorteggiate finché non li aggiungi.</translation>
    </message>
    <message>
        <source>Select a quota of a further category to remove it (the five characteristics stay).</source>
        <translation>Seleziona una quota di una categoria aggiuntiva per eliminarla (le cinque caratteristiche restano).</translation>
    </message>
    <message>
        <source>Computing the chances and drawing…</source>
        <translation>Calcolo delle probabilità e sorteggio in corso…</translation>
    </message>
    <message>
        <source>%1: the minimums add up to %2, more than the %3 seats</source>
        <translation>%1: i minimi sommano a %2, più dei %3 posti</translation>
    </message>
    <message>
        <source>%1: the maximums add up to %2, fewer than the %3 seats</source>
        <translation>%1: i massimi sommano a %2, meno dei %3 posti</translation>
    </message>
    <message>
        <source>%1 %2: the minimum %3 is more than the maximum %4</source>
        <translation>%1 %2: il minimo %3 è più alto del massimo %4</translation>
    </message>
    <message>
        <source>%1 %2: a quota cannot be negative</source>
        <translation>%1 %2: una quota non può essere negativa</translation>
    </message>
    <message>
        <source>The respondent %1 is in the pool more than once</source>
        <translation>La persona %1 compare più di una volta nel bacino</translation>
    </message>
    <message>
        <source>A respondent has %1 “%2”, a value the quotas do not know: add it to the quotas</source>
        <translation>Una persona ha %1 “%2”, un valore che le quote non prevedono: aggiungilo alle quote</translation>
    </message>
    <message>
        <source>A respondent has no %1</source>
        <translation>Una persona non ha il dato: %1</translation>
    </message>
    <message>
        <source>The pool has %1 respondents, fewer than the %2 to select</source>
        <translation>Il bacino ha %1 persone, meno delle %2 da sorteggiare</translation>
    </message>
    <message>
        <source>A respondent is already in office</source>
        <translation>Una persona del bacino è già in carica</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>Sorteggiati</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Confermati</translation>
    </message>
    <message>
        <source>Import invitation list…</source>
        <translation>Importa l&apos;elenco degli invitati…</translation>
    </message>
    <message>
        <source>One row per invited resident, or counts per group: only the counts are kept, never names</source>
        <translation>Una riga per ogni residente invitato, oppure i numeri per gruppo: si tengono solo i numeri, mai i nomi</translation>
    </message>
    <message>
        <source>Response rate</source>
        <translation>Tasso di risposta</translation>
    </message>
    <message>
        <source>No invitation list yet: import it to see the response rate of each group.</source>
        <translation>Manca ancora l&apos;elenco degli invitati: importalo per vedere il tasso di risposta di ogni gruppo.</translation>
    </message>
    <message>
        <source>%1 residents invited (%2, imported on %3); %4 replied: %5.</source>
        <translation>Residenti invitati: %1 (%2, importato il %3); hanno risposto in %4: %5.</translation>
    </message>
    <message>
        <source>Invitation list</source>
        <translation>Elenco degli invitati</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv *.txt)</source>
        <translation>Fogli di calcolo (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <source>No row of this file could be counted; nothing was imported.</source>
        <translation>Nessuna riga di questo file si può contare; non è stato importato nulla.</translation>
    </message>
    <message>
        <source>%1 residents invited: %2 rows counted, %3 rejected, %4 duplicates (counted once), %5 totals rows (not counted).</source>
        <translation>Residenti invitati: %1. Righe contate: %2; scartate: %3; doppie (contate una volta): %4; righe di totale (non contate): %5.</translation>
    </message>
    <message>
        <source>Characteristics: %1.</source>
        <translation>Caratteristiche: %1.</translation>
    </message>
    <message>
        <source>Columns with personal data, read past and not stored: %1.</source>
        <translation>Colonne con dati personali, saltate e non salvate: %1.</translation>
    </message>
    <message>
        <source>Columns not used: %1.</source>
        <translation>Colonne non usate: %1.</translation>
    </message>
    <message>
        <source>Sheets not read: %1.</source>
        <translation>Fogli non letti: %1.</translation>
    </message>
    <message>
        <source>… and %1 more rows.</source>
        <translation>… e altre %1 righe.</translation>
    </message>
    <message>
        <source>Replace the invitation counts with these?</source>
        <translation>Sostituire i numeri degli invitati con questi?</translation>
    </message>
    <message>
        <source>Import invitation list</source>
        <translation>importazione dell&apos;elenco degli invitati</translation>
    </message>
</context>
<context>
    <name>SendingForm</name>
    <message>
        <source>Record the sending</source>
        <translation>Registra l&apos;invio</translation>
    </message>
    <message>
        <source>e.g. Giunta comunale, Assessorato all&apos;Ambiente</source>
        <translation>per esempio Giunta comunale, Assessorato all&apos;Ambiente</translation>
    </message>
    <message>
        <source>e.g. PG 123456/2024</source>
        <translation>per esempio PG 123456/2024</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Inviata il</translation>
    </message>
    <message>
        <source>To whom</source>
        <translation>A chi</translation>
    </message>
    <message>
        <source>Protocol number</source>
        <translation>Numero di protocollo</translation>
    </message>
</context>
<context>
    <name>SessionCard</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1% present · %2 not arrived · %3 late · %4 left early · %5 justified · %6 staff and guests</source>
        <translation>%1% presenti · non arrivati: %2 · in ritardo: %3
usciti prima: %4 · giustificati: %5 · staff e ospiti: %6</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Genders</source>
        <translation>Generi</translation>
    </message>
    <message>
        <source>Education levels</source>
        <translation>Titoli di studio</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation>Cittadinanza</translation>
    </message>
    <message>
        <source>Member statuses</source>
        <translation>Stati dei partecipanti</translation>
    </message>
    <message>
        <source>Age bands</source>
        <translation>Fasce d&apos;età</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Codice</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etichetta</translation>
    </message>
    <message>
        <source>Also written as (comma-separated)</source>
        <translation>Scritto anche come (separati da virgola)</translation>
    </message>
    <message>
        <source>From age</source>
        <translation>Da anni</translation>
    </message>
    <message>
        <source>To age</source>
        <translation>Ad anni</translation>
    </message>
    <message>
        <source>Characteristic</source>
        <translation>Caratteristica</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Target %</source>
        <translation>Obiettivo %</translation>
    </message>
    <message>
        <source>Municipio %1</source>
        <translation>Municipio %1</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genere</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Fascia d&apos;età</translation>
    </message>
    <message>
        <source>Municipio</source>
        <translation>Municipio</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Titolo di studio</translation>
    </message>
    <message>
        <source>Assembly settings</source>
        <translation>Impostazioni dell&apos;assemblea</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Aggiungi</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
    <message>
        <source>Codes already used by members cannot be changed or removed. Labels are what people read; the other spellings are recognised when a roster is imported.</source>
        <translation>I codici già usati dai partecipanti non si possono cambiare né rimuovere. L&apos;etichetta è ciò che si legge; le altre grafie vengono riconosciute quando si importa un elenco.</translation>
    </message>
    <message>
        <source>Vocabularies</source>
        <translation>Vocabolari</translation>
    </message>
    <message>
        <source>Restore the official figures</source>
        <translation>Ripristina i dati ufficiali</translation>
    </message>
    <message>
        <source>Default figures: Milan&apos;s residents (Comune di Milano open data, ISTAT); sources and dates in resources/data/milano_population.csv.</source>
        <translation>Valori predefiniti: residenti di Milano (open data del Comune di Milano, ISTAT); fonti e date in resources/data/milano_population.csv.</translation>
    </message>
    <message>
        <source>Representativeness targets</source>
        <translation>Obiettivi di rappresentatività</translation>
    </message>
    <message>
        <source>This code is used by members: it cannot be removed.</source>
        <translation>Questo codice è usato da alcuni partecipanti: non si può rimuovere.</translation>
    </message>
    <message>
        <source>These add up to %1 instead of 100%: %2</source>
        <translation>La somma è %1 invece di 100%: %2</translation>
    </message>
    <message>
        <source>Every characteristic adds up to 100%.</source>
        <translation>Ogni caratteristica somma a 100%.</translation>
    </message>
    <message>
        <source>%1: every entry needs a code and a label.</source>
        <translation>%1: ogni voce deve avere un codice e un&apos;etichetta.</translation>
    </message>
    <message>
        <source>%1: two entries have the same code.</source>
        <translation>%1: due voci hanno lo stesso codice.</translation>
    </message>
    <message>
        <source>Age bands: every band needs a starting age.</source>
        <translation>Fasce d&apos;età: ogni fascia deve avere un&apos;età di inizio.</translation>
    </message>
    <message>
        <source>Targets: the shares of each characteristic must add up to 100%.</source>
        <translation>Obiettivi: le quote di ogni caratteristica devono sommare a 100%.</translation>
    </message>
    <message>
        <source>change the assembly settings</source>
        <translation>modifica delle impostazioni dell&apos;assemblea</translation>
    </message>
    <message>
        <source>Languages for messages to members</source>
        <translation>Lingue dei messaggi ai partecipanti</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Go to the search field</source>
        <translation>Vai al campo di ricerca</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>Nuovo partecipante</translation>
    </message>
    <message>
        <source>Check in the highlighted person</source>
        <translation>Registra la persona evidenziata</translation>
    </message>
    <message>
        <source>Move in the list without leaving the search field (also Down, Page Up, Page Down)</source>
        <translation>Muoviti nell&apos;elenco senza lasciare la ricerca (anche Giù, Pag su, Pag giù)</translation>
    </message>
    <message>
        <source>Clear the search field</source>
        <translation>Svuota il campo di ricerca</translation>
    </message>
    <message>
        <source>Walk-in: someone not on the list</source>
        <translation>Fuori elenco: qualcuno che non è in lista</translation>
    </message>
    <message>
        <source>Show who is still missing</source>
        <translation>Mostra chi manca ancora</translation>
    </message>
    <message>
        <source>The highlighted person is leaving</source>
        <translation>La persona evidenziata esce</translation>
    </message>
    <message>
        <source>Correct the arrival or leaving time</source>
        <translation>Correggi l&apos;orario di arrivo o di uscita</translation>
    </message>
    <message>
        <source>Justified absence</source>
        <translation>Assenza giustificata</translation>
    </message>
    <message>
        <source>Move the selected people to group %1</source>
        <translation>Sposta le persone selezionate nel gruppo %1</translation>
    </message>
    <message>
        <source>In the writing field: add the post-it</source>
        <translation>Nel campo di scrittura: aggiungi il post-it</translation>
    </message>
    <message>
        <source>In the writing field: choose category %1</source>
        <translation>Nel campo di scrittura: scegli la categoria %1</translation>
    </message>
    <message>
        <source>Go to the writing field</source>
        <translation>Vai al campo di scrittura</translation>
    </message>
    <message>
        <source>Search the post-its</source>
        <translation>Cerca nei post-it</translation>
    </message>
    <message>
        <source>Edit the selected post-it</source>
        <translation>Modifica il post-it selezionato</translation>
    </message>
    <message>
        <source>Delete the selection</source>
        <translation>Elimina la selezione</translation>
    </message>
    <message>
        <source>Add a dot vote to the selection</source>
        <translation>Aggiungi un punto alla selezione</translation>
    </message>
    <message>
        <source>Remove a dot vote</source>
        <translation>Togli un punto</translation>
    </message>
    <message>
        <source>Group the selection into a new cluster</source>
        <translation>Riunisci la selezione in un nuovo raggruppamento</translation>
    </message>
    <message>
        <source>Take the selection out of its cluster</source>
        <translation>Togli la selezione dal suo raggruppamento</translation>
    </message>
    <message>
        <source>Zoom in (also Ctrl + mouse wheel)</source>
        <translation>Ingrandisci (anche Ctrl + rotella del mouse)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Riduci</translation>
    </message>
    <message>
        <source>Fit the whole wall (also F)</source>
        <translation>Mostra tutta la parete (anche F)</translation>
    </message>
    <message>
        <source>Projector window: full screen on or off</source>
        <translation>Finestra del proiettore: schermo intero sì o no</translation>
    </message>
    <message>
        <source>Projector window: leave full screen</source>
        <translation>Finestra del proiettore: esci dallo schermo intero</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Ovunque</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Partecipanti</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Registrazione</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppi</translation>
    </message>
    <message>
        <source>Post-it wall</source>
        <translation>Post-it</translation>
    </message>
    <message>
        <source>Projector</source>
        <translation>Proiettore</translation>
    </message>
    <message>
        <source>Go to the page %1</source>
        <translation>Vai alla pagina %1</translation>
    </message>
</context>
<context>
    <name>StoreOpener</name>
    <message>
        <source>File already open</source>
        <translation>File già aperto</translation>
    </message>
    <message>
        <source>%1 is already open in another window of the app. Use that window, or close it first.</source>
        <translation>%1 è già aperto in un&apos;altra finestra dell&apos;app. Usa quella finestra, oppure chiudila prima.</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>Impossibile aprire il file</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>File non trovato</translation>
    </message>
    <message>
        <source>The assembly file %1 is no longer there: it may have been moved, renamed or deleted, or be on a USB stick that is not plugged in. Nothing was created; open it from where it is now.</source>
        <translation>Il file dell&apos;assemblea %1 non è più lì: forse è stato spostato, rinominato o eliminato, oppure è su una chiavetta USB non collegata. Non è stato creato nulla; aprilo da dove si trova ora.</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>Packages imported</source>
        <translation>Pacchetti importati</translation>
    </message>
    <message>
        <source>%1 package(s) imported: %2 new changes.</source>
        <translation>Pacchetti importati: %1 · modifiche nuove: %2.</translation>
    </message>
    <message>
        <source>This laptop now works on the assembly of the package.</source>
        <translation>Questo portatile ora lavora sull&apos;assemblea del pacchetto.</translation>
    </message>
    <message>
        <source>Nothing new</source>
        <translation>Niente di nuovo</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Da</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Pacchetto</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Cosa</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuovi</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aggiornati</translation>
    </message>
    <message>
        <source>%1: an earlier package from %2 seems not to have been imported. If something is missing, ask %2 for a full package.</source>
        <translation>%1: sembra che un pacchetto precedente di %2 non sia stato importato. Se manca qualcosa, chiedi a %2 un pacchetto completo.</translation>
    </message>
    <message>
        <source>%1 item(s) wait for changes not received yet; they will appear when the missing package is imported.</source>
        <translation>Elementi in attesa di modifiche non ancora ricevute: %1. Compariranno quando verrà importato il pacchetto mancante.</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Non importato: %1</translation>
    </message>
    <message>
        <source>%1 text(s) had been changed on two laptops at once: the most recent version is kept and the other one is saved among the conflicts.</source>
        <translation>Testi cambiati su due portatili contemporaneamente: %1. Si tiene la versione più recente; l&apos;altra è conservata tra i conflitti.</translation>
    </message>
    <message>
        <source>Show conflicts…</source>
        <translation>Mostra i conflitti…</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Sync folder not available (stick pulled out? share offline?): waiting for it</source>
        <translation>Cartella condivisa non disponibile (chiavetta staccata? rete assente?): in attesa</translation>
    </message>
    <message>
        <source>The sync folder could not be used: %1</source>
        <translation>Non è stato possibile usare la cartella condivisa: %1</translation>
    </message>
    <message>
        <source>Sync paused a moment: the file was busy</source>
        <translation>Sincronizzazione in pausa per un attimo: il file era occupato</translation>
    </message>
    <message>
        <source>Sync ran into a problem and will try again: %1</source>
        <translation>La sincronizzazione ha avuto un problema e riproverà: %1</translation>
    </message>
    <message>
        <source>Sync could not open the assembly file: %1</source>
        <translation>La sincronizzazione non ha potuto aprire il file dell&apos;assemblea: %1</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>danneggiato</translation>
    </message>
    <message>
        <source>not a package</source>
        <translation>non è un pacchetto</translation>
    </message>
    <message>
        <source>another assembly</source>
        <translation>un&apos;altra assemblea</translation>
    </message>
    <message>
        <source>newer app version</source>
        <translation>versione più recente dell&apos;app</translation>
    </message>
    <message>
        <source>%1 %2 (%3 waiting)</source>
        <translation>%1 %2 (%3 in attesa)</translation>
    </message>
    <message>
        <source>%1 %2 ✓</source>
        <translation>%1 %2 ✓</translation>
    </message>
    <message>
        <source>Sync: no other laptop yet</source>
        <translation>Sincronizzazione: ancora nessun altro portatile</translation>
    </message>
    <message>
        <source>Sync: %1</source>
        <translation>Sincronizzazione: %1</translation>
    </message>
    <message>
        <source>Sync: %1 laptops, last package %2</source>
        <translation>Sincronizzazione: %1 portatili, ultimo pacchetto %2</translation>
    </message>
    <message>
        <source>%1 · changes waiting: %2</source>
        <translation>%1 · modifiche in attesa: %2</translation>
    </message>
    <message>
        <source>Sync folder: %1</source>
        <translation>Cartella condivisa: %1</translation>
    </message>
    <message>
        <source>%1: last package %2; %3 of its changes on their way here, %4 of ours not yet there</source>
        <translation>%1: ultimo pacchetto %2; %3 sue modifiche in arrivo qui, %4 nostre non ancora arrivate là</translation>
    </message>
    <message>
        <source>Still arriving: %1</source>
        <translation>Ancora in arrivo: %1</translation>
    </message>
    <message>
        <source>%1 items wait for changes not received yet</source>
        <translation>%1 elementi aspettano modifiche non ancora ricevute</translation>
    </message>
    <message>
        <source>Set aside: %1</source>
        <translation>Messi da parte: %1</translation>
    </message>
    <message>
        <source>Checked at %1</source>
        <translation>Controllato alle %1</translation>
    </message>
    <message>
        <source>another passphrase (or not encrypted alike)</source>
        <translation>un&apos;altra frase segreta (o cifratura diversa)</translation>
    </message>
</context>
<context>
    <name>SyncFolderDialog</name>
    <message>
        <source>Sync folder</source>
        <translation>Cartella condivisa</translation>
    </message>
    <message>
        <source>Choose a folder that every laptop of the assembly can reach: a USB stick, a network share, or a folder kept in sync by Syncthing, Nextcloud or OneDrive. While the app runs, this laptop writes its changes there every few seconds and takes in those of the others. The choice is for this laptop only.</source>
        <translation>Scegli una cartella che tutti i portatili dell&apos;assemblea possono raggiungere: una chiavetta USB, una cartella di rete, o una cartella tenuta allineata da Syncthing, Nextcloud o OneDrive. Mentre l&apos;app è aperta, questo portatile vi scrive le sue modifiche a pochi secondi di distanza e riceve quelle degli altri. La scelta vale solo per questo portatile.</translation>
    </message>
    <message>
        <source>No folder: this laptop does not sync</source>
        <translation>Nessuna cartella: questo portatile non si sincronizza</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Scegli…</translation>
    </message>
    <message>
        <source>Stop syncing</source>
        <translation>Smetti di sincronizzare</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>Portatile</translation>
    </message>
    <message>
        <source>Last package</source>
        <translation>Ultimo pacchetto</translation>
    </message>
    <message>
        <source>Coming here</source>
        <translation>In arrivo qui</translation>
    </message>
    <message>
        <source>Not yet there</source>
        <translation>Non ancora là</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Perché</translation>
    </message>
    <message>
        <source>Now in</source>
        <translation>Ora in</translation>
    </message>
    <message>
        <source>left in the folder</source>
        <translation>lasciato nella cartella</translation>
    </message>
    <message>
        <source>Other laptops</source>
        <translation>Altri portatili</translation>
    </message>
    <message>
        <source>Files set aside</source>
        <translation>File messi da parte</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Avvio…</translation>
    </message>
    <message>
        <source>This laptop now syncs through %1.</source>
        <translation>Ora questo portatile si sincronizza attraverso %1.</translation>
    </message>
</context>
<context>
    <name>TimesDialog</name>
    <message>
        <source>Times of %1</source>
        <translation>Orari di %1</translation>
    </message>
    <message>
        <source>Left early at</source>
        <translation>Uscita anticipata alle</translation>
    </message>
    <message>
        <source>Arrived at</source>
        <translation>Arrivo alle</translation>
    </message>
</context>
<context>
    <name>UpdateForm</name>
    <message>
        <source>Add the update</source>
        <translation>Aggiungi l&apos;aggiornamento</translation>
    </message>
    <message>
        <source>What happened, in plain words</source>
        <translation>Che cosa è successo, con parole semplici</translation>
    </message>
    <message>
        <source>https:// (a page or document that shows it)</source>
        <translation>https:// (una pagina o un documento che lo mostra)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Che cosa è successo</translation>
    </message>
    <message>
        <source>Evidence (link)</source>
        <translation>Documentazione (link)</translation>
    </message>
    <message>
        <source>Plan actions it concerns</source>
        <translation>Azioni del Piano interessate</translation>
    </message>
    <message>
        <source>Attach a file…</source>
        <translation>Allega un file…</translation>
    </message>
    <message>
        <source>Attach the evidence</source>
        <translation>Allega il documento</translation>
    </message>
    <message>
        <source>Documents and pictures (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>Documenti e immagini (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>no file attached</source>
        <translation>nessun file allegato</translation>
    </message>
    <message>
        <source>Evidence (file)</source>
        <translation>Documento (file)</translation>
    </message>
</context>
<context>
    <name>WalkInPanel</name>
    <message>
        <source>First name and surname</source>
        <translation>Nome e cognome</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Ospite</translation>
    </message>
    <message>
        <source>Substitute</source>
        <translation>Sostituto/a</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>Osservatore/trice</translation>
    </message>
    <message>
        <source>Municipal expert</source>
        <translation>Esperto/a del Comune</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitatore</translation>
    </message>
    <message>
        <source>Organisation (optional)</source>
        <translation>Ente (facoltativo)</translation>
    </message>
    <message>
        <source>Register and check in</source>
        <translation>Registra la presenza</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annulla (Esc)</translation>
    </message>
    <message>
        <source>Walk-in: someone not on the list</source>
        <translation>Persona fuori elenco</translation>
    </message>
    <message>
        <source>Write the person&apos;s name.</source>
        <translation>Scrivi il nome della persona.</translation>
    </message>
</context>
<context>
    <name>WallScene</name>
    <message>
        <source>Untitled cluster</source>
        <translation>Raggruppamento senza titolo</translation>
    </message>
</context>
<context>
    <name>WallView</name>
    <message>
        <source>Cluster name</source>
        <translation>Nome del raggruppamento</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>The assembly you had open last time, %1, is no longer in %2. It may have been moved, renamed or be on a USB stick that is not plugged in. Nothing was created: open it from where it is now, or choose another way to start.</source>
        <translation>L&apos;assemblea che avevi aperto l&apos;ultima volta, %1, non è più in %2. Forse è stata spostata, rinominata, oppure è su una chiavetta USB non collegata. Non è stato creato nulla: aprila da dove si trova ora, oppure scegli un altro modo per iniziare.</translation>
    </message>
    <message>
        <source>The app remembered the last assembly only as %1, without its folder, so it cannot know which file that was. Nothing was created: open it from where it is.</source>
        <translation>L&apos;app ricordava l&apos;ultima assemblea solo come %1, senza la cartella, quindi non può sapere di quale file si trattasse. Non è stato creato nulla: aprila da dove si trova.</translation>
    </message>
</context>
<context>
    <name>WelcomeWindow</name>
    <message>
        <source>Citizens&apos; Assembly on Climate — Facilitator app</source>
        <translation>Assemblea dei Cittadini sul Clima — App dei facilitatori</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Benvenuto</translation>
    </message>
    <message>
        <source>This app keeps one assembly in one file on this laptop: members, plenaries, check-in, groups, post-its, recommendations and minutes. Everything is saved the moment you confirm it, and it works without the internet. How do you want to start?</source>
        <translation>Questa app tiene un&apos;assemblea in un solo file su questo portatile: partecipanti, plenarie, registrazione, gruppi, post-it, raccomandazioni e verbali. Tutto è salvato nel momento in cui confermi, e funziona senza internet. Come vuoi iniziare?</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Prova la demo</translation>
    </message>
    <message>
        <source>A made-up assembly with eight plenaries, groups, post-its and minutes, to explore without risk. Nothing you do there touches real data.</source>
        <translation>Un&apos;assemblea inventata con otto plenarie, gruppi, post-it e verbali, per esplorare senza rischi. Quello che fai lì non tocca dati veri.</translation>
    </message>
    <message>
        <source>Create a new assembly…</source>
        <translation>Crea una nuova assemblea…</translation>
    </message>
    <message>
        <source>An empty file for your cycle: choose where to save it, then import the roster.</source>
        <translation>Un file vuoto per il tuo ciclo: scegli dove salvarlo, poi importa l&apos;elenco dei partecipanti.</translation>
    </message>
    <message>
        <source>Open an assembly file…</source>
        <translation>Apri un file di assemblea…</translation>
    </message>
    <message>
        <source>A file you already have, for example one a colleague gave you or one on a USB stick.</source>
        <translation>Un file che hai già, per esempio quello di un collega o quello su una chiavetta USB.</translation>
    </message>
    <message>
        <source>Recent assemblies</source>
        <translation>Assemblee recenti</translation>
    </message>
    <message>
        <source>Guide (F1)</source>
        <translation>Guida (F1)</translation>
    </message>
    <message>
        <source>Version %1 · GPL-3.0-or-later</source>
        <translation>Versione %1 · GPL-3.0-or-later</translation>
    </message>
    <message>
        <source>%1 — in %2</source>
        <translation>%1 — in %2</translation>
    </message>
    <message>
        <source>%1 — not found in %2</source>
        <translation>%1 — non trovato in %2</translation>
    </message>
    <message>
        <source>This file is no longer where it was. Choosing it tells you more; nothing is created.</source>
        <translation>Questo file non è più dov&apos;era. Sceglilo per saperne di più; non viene creato nulla.</translation>
    </message>
    <message>
        <source>Open assembly</source>
        <translation>Apri assemblea</translation>
    </message>
    <message>
        <source>Assembly files (*.sqlite *.db);;All files (*)</source>
        <translation>File di assemblea (*.sqlite *.db);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>New assembly</source>
        <translation>Nuova assemblea</translation>
    </message>
    <message>
        <source>Assembly files (*.sqlite)</source>
        <translation>File di assemblea (*.sqlite)</translation>
    </message>
    <message>
        <source>Preparing the demo assembly… (a few seconds)</source>
        <translation>Preparo l&apos;assemblea demo… (qualche secondo)</translation>
    </message>
    <message>
        <source>The demo could not be prepared: %1</source>
        <translation>Non è stato possibile preparare la demo: %1</translation>
    </message>
</context>
<context>
    <name>WhereView</name>
    <message>
        <source>Groups are not assigned yet.</source>
        <translation>I gruppi non sono ancora stati assegnati.</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>pagina %1 di %2</translation>
    </message>
    <message>
        <source>Plenary %1 — where do you work today?</source>
        <translation>Plenaria %1 — dove si lavora oggi?</translation>
    </message>
</context>
</TS>
