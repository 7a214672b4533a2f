"""Writes the user guide's HTML pages (resources/help/<lang>/<topic>.html) from the texts below.

    python packaging/make_help.py

The guide is written for a facilitator: for each page what it is for, the three things one
does there, its keys, and the real screenshot from docs/. Edit the texts here and run again.
"""

from __future__ import annotations

import html
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# topic: (title, purpose, [three things], [keys], screenshot or None)
IT = {
    "start": ("Come iniziare",
              "Questa app tiene un'assemblea in un solo file su questo portatile: partecipanti, plenarie, "
              "registrazione, gruppi, post-it, raccomandazioni e verbali. Funziona senza internet e salva "
              "tutto nel momento in cui confermi.",
              ["<b>Prova la demo</b>: un'assemblea inventata con otto plenarie, per esplorare senza rischi.",
               "<b>Crea una nuova assemblea</b>: scegli dove salvare il file (finisce in <i>.sqlite</i>), "
               "poi importa l'elenco dei partecipanti.",
               "<b>Apri un file</b> che hai già, per esempio quello che ti ha dato la segreteria. "
               "L'ultimo file aperto si riapre da solo la volta dopo; gli altri sono in <i>File › Assemblee recenti</i>."],
              ["F1 apre questa guida alla pagina in cui sei", "Ctrl+1 … Ctrl+9 passano da una pagina all'altra",
               "Ctrl+Z annulla l'ultima azione, Ctrl+Maiusc+Z la rifà"],
              "screenshot-welcome.png"),
    "members": ("Partecipanti",
                "L'elenco delle persone dell'assemblea, con coorte, municipio e stato.",
                ["<b>Importa l'elenco</b> (Excel o CSV dell'ufficio statistica): un'anteprima mostra righe nuove, "
                 "aggiornate e scartate prima di scrivere qualcosa.",
                 "<b>Cerca</b> scrivendo cognome, nome o codice badge; filtra per stato, coorte e municipio.",
                 "<b>Aggiungi o modifica</b> una persona: i campi vengono controllati, e ogni modifica si annulla con Ctrl+Z."],
                ["Ctrl+F porta al campo di ricerca", "Ctrl+N nuovo partecipante", "Ctrl+I importa l'elenco"],
                "screenshot-members.png"),
    "plenaries": ("Plenarie",
                  "Le giornate dell'assemblea: data, luogo e sale, sessioni, ordine del giorno e persone presenti.",
                  ["<b>Crea la plenaria</b> con la sua data e il luogo; aggiungi le sessioni (mattina, pomeriggio).",
                   "<b>Completa</b> ordine del giorno, staff, facilitatori, esperti e ospiti.",
                   "<b>Stampa</b> badge con codice QR, fogli firme e la lista di registrazione di riserva."],
                  [], "screenshot-plenaries.png"),
    "checkin": ("Registrazione all'ingresso",
                "Il tavolo d'ingresso: chi arriva viene registrato in un attimo, anche con un lettore di badge.",
                ["<b>Scrivi</b> le prime lettere del cognome (o passa il badge) e premi Invio: la persona è registrata "
                 "e vedi il suo tavolo.",
                 "<b>Fuori elenco</b> (F2) per chi non è in lista; <b>Uscita</b> (F6) per chi se ne va prima.",
                 "<b>Chi manca</b> (F4) mostra chi è atteso e non è ancora arrivato; <b>Giustifica</b> (F9) un'assenza."],
                ["Invio registra la persona evidenziata", "Su/Giù si muovono nell'elenco senza lasciare la ricerca",
                 "F2 fuori elenco, F4 chi manca, F6 uscita, F7 orari, F9 assenza giustificata", "Ctrl+Z annulla"],
                "screenshot-checkin.png"),
    "attendance": ("Presenze",
                   "Il quadro in tempo reale: presenti e attesi per sessione, e quanto i presenti rispecchiano l'assemblea.",
                   ["<b>Scegli</b> la plenaria e la sessione.",
                    "<b>Guarda</b> presenti su attesi e la composizione per genere, età, municipio, cittadinanza e studio.",
                    "<b>Nota</b> gli scarti più grandi, evidenziati, per capire chi sta mancando."],
                   [], "screenshot-attendance.png"),
    "attendance_history": ("Storico presenze",
                           "Tutte le plenarie del ciclo per ogni partecipante, con il tasso di presenza.",
                           ["<b>Leggi</b> la griglia partecipante × plenaria.",
                            "<b>Chiama</b> chi è nell'elenco «Da richiamare» (la soglia si cambia in alto).",
                            "<b>Esporta in Excel</b> per la segreteria."],
                           [], "screenshot-attendance_history.png"),
    "groups": ("Gruppi",
               "I tavoli di lavoro di una plenaria, bilanciati e con persone che si incontrano per la prima volta.",
               ["<b>Assegna in automatico</b>: l'app propone tavoli equilibrati (ripetibili dallo stesso seme).",
                "<b>Sposta</b> le persone trascinandole, o con Alt+1…9 verso il gruppo 1…9.",
                "<b>Stampa</b> gli elenchi per i facilitatori e il cartello d'ingresso; <b>proietta</b> i tavoli."],
               ["Alt+1 … Alt+9 spostano le persone selezionate nel gruppo 1 … 9"],
               "screenshot-groups.png"),
    "wall": ("Post-it",
             "La parete di un gruppo: le idee dette al tavolo, raggruppate e votate.",
             ["<b>Scrivi</b> l'idea e premi Invio: il post-it è salvato. #5.1.4 o #mobilità aggiungono un tag.",
              "<b>Raggruppa</b> i post-it simili (Ctrl+G) e dai i punti (V).",
              "<b>Fotografa</b> le pareti di carta e <b>proietta</b> la parete."],
             ["Invio aggiunge il post-it; Alt+0…9 sceglie la categoria", "Ctrl+L torna al campo di scrittura, Ctrl+F cerca",
              "F2 modifica, Canc elimina, V e Maiusc+V punti, Ctrl+G raggruppa", "+ e − zoom, 0 mostra tutta la parete"],
             "screenshot-wall.png"),
    "recommendations": ("Raccomandazioni",
                        "Le proposte che l'assemblea approva e manda al Comune.",
                        ["<b>Promuovi</b> un post-it o un raggruppamento dalla parete.",
                         "<b>Scrivi</b> titolo e testo e collega le azioni del Piano Aria e Clima.",
                         "<b>Registra</b> il voto in plenaria e lo stato (bozza, approvata, inviata al Comune)."],
                        [], "screenshot-recommendations.png"),
    "minutes": ("Verbali",
                "Il verbale di ogni plenaria e il rapporto del ciclo.",
                ["<b>Scrivi</b> le sezioni della segreteria: si salvano mentre scrivi.",
                 "<b>Esporta</b> il verbale in PDF ed Excel, interno o pubblico.",
                 "La versione <b>pubblica</b> non contiene dati personali dei cittadini: è quella da pubblicare su Milano Partecipa."],
                [], "screenshot-minutes.png"),
    "followup": ("Risposte e monitoraggio",
                 "Cosa fa il Comune con ogni raccomandazione approvata: invio, risposta, atti e avanzamento.",
                 ["<b>Registra l'invio</b> (data, destinatario, protocollo) e poi la <b>risposta</b> del Comune con il suo atto.",
                  "<b>Segui l'avanzamento</b>: aggiornamenti legati alle azioni del Piano; le risposte in ritardo sono in cima, in rosso.",
                  "<b>Filtra</b> per ciclo, tema, azione, risposta e avanzamento; il grafico riassume risposte e avanzamento."],
                 [], "followup-page.png"),
    "laptops": ("Più portatili",
                "Più portatili lavorano senza rete e poi si scambiano le modifiche con dei pacchetti.",
                ["<b>Prepara i portatili</b> prima della plenaria (File › Prepara i portatili…).",
                 "<b>Esporta un pacchetto</b> a fine giornata e portalo alla segreteria su una chiavetta.",
                 "<b>Importa</b> o <b>raccogli</b> i pacchetti: nessuno viene contato due volte; i testi in conflitto "
                 "restano in File › Conflitti."],
                ["Una copia di sicurezza: File › Esporta pacchetto…, spunta «Tutto», salvala su una chiavetta"],
                None),
    "privacy": ("Privacy",
                "I dati personali dei partecipanti: se il file è cifrato, quanto si conservano i dati di chi ha "
                "finito il mandato, chi ha esportato cosa.",
                ["<b>Cifra questo file</b> se non è cifrato: scegli una passphrase (due volte); la copia cifrata "
                 "viene controllata e aperta al posto del file, che poi viene sovrascritto e cancellato.",
                 "<b>Conservazione</b>: scegli per quanti mesi dopo il mandato tenere i dati degli ex membri; "
                 "l'elenco mostra chi ha superato il periodo e un pulsante ne cancella i dati, con un resoconto.",
                 "<b>Cancellare una persona</b> (diritto all'oblio): nella pagina Partecipanti, «Cancella dati "
                 "personali…». Non si può annullare; resta scritto nel registro delle esportazioni."],
                [], None),
}

EN = {
    "start": ("Getting started",
              "This app keeps one assembly in one file on this laptop: members, plenaries, check-in, groups, "
              "post-its, recommendations and minutes. It works without the internet and saves everything the "
              "moment you confirm it.",
              ["<b>Try the demo</b>: a made-up assembly with eight plenaries, to explore without risk.",
               "<b>Create a new assembly</b>: choose where to save the file (it ends in <i>.sqlite</i>), then "
               "import the roster.",
               "<b>Open a file</b> you already have, for example the one the secretariat gave you. The last file "
               "opens by itself next time; the others are in <i>File › Recent assemblies</i>."],
              ["F1 opens this guide at the page you are on", "Ctrl+1 … Ctrl+9 switch between the pages",
               "Ctrl+Z undoes the last action, Ctrl+Shift+Z redoes it"],
              "screenshot-welcome.png"),
    "members": ("Members", "The people of the assembly, with cohort, municipio and status.",
                ["<b>Import the roster</b> (the statistics office's Excel or CSV): a preview shows new, updated and "
                 "rejected rows before anything is written.",
                 "<b>Search</b> by typing surname, name or badge code; filter by status, cohort and municipio.",
                 "<b>Add or edit</b> a person: fields are checked, and every change can be undone with Ctrl+Z."],
                ["Ctrl+F goes to the search field", "Ctrl+N new member", "Ctrl+I import the roster"],
                "screenshot-members.png"),
    "plenaries": ("Plenaries", "The assembly's full days: date, venue and rooms, sessions, agenda and people.",
                  ["<b>Create the plenary</b> with its date and venue; add its sessions (morning, afternoon).",
                   "<b>Complete</b> the agenda, staff, facilitators, experts and guests.",
                   "<b>Print</b> badges with QR codes, sign-in sheets and the paper check-in list."],
                  [], "screenshot-plenaries.png"),
    "checkin": ("Check-in at the entrance", "The entrance table: people are checked in at once, also with a badge scanner.",
                ["<b>Type</b> the first letters of the surname (or scan the badge) and press Enter: the person is "
                 "checked in and you see their table.",
                 "<b>Walk-in</b> (F2) for someone not on the list; <b>Leaving</b> (F6) for someone who leaves early.",
                 "<b>Who is missing</b> (F4) lists who is expected and not here yet; <b>Justified</b> (F9) an absence."],
                ["Enter checks in the highlighted person", "Up/Down move in the list without leaving the search",
                 "F2 walk-in, F4 who is missing, F6 leaving, F7 times, F9 justified absence", "Ctrl+Z undo"],
                "screenshot-checkin.png"),
    "attendance": ("Attendance", "The live picture: present and expected per session, and how well those present "
                                 "mirror the assembly.",
                   ["<b>Choose</b> the plenary and the session.",
                    "<b>Read</b> present over expected and the make-up by gender, age, municipio, citizenship and education.",
                    "<b>Notice</b> the biggest gaps, highlighted, to see who is missing."],
                   [], "screenshot-attendance.png"),
    "attendance_history": ("Attendance history", "Every plenary of the cycle for each member, with the attendance rate.",
                           ["<b>Read</b> the member × plenary grid.",
                            "<b>Call</b> those in the «To call» list (the threshold is set at the top).",
                            "<b>Export to Excel</b> for the secretariat."],
                           [], "screenshot-attendance_history.png"),
    "groups": ("Groups", "A plenary's working tables, balanced, with people meeting for the first time.",
               ["<b>Assign automatically</b>: the app proposes balanced tables (reproducible from the same seed).",
                "<b>Move</b> people by dragging them, or with Alt+1…9 to group 1…9.",
                "<b>Print</b> the facilitators' lists and the entrance poster; <b>project</b> the tables."],
               ["Alt+1 … Alt+9 move the selected people to group 1 … 9"], "screenshot-groups.png"),
    "wall": ("Post-it wall", "A group's wall: the ideas said at the table, clustered and voted.",
             ["<b>Type</b> the idea and press Enter: the post-it is saved. #5.1.4 or #mobility add a tag.",
              "<b>Cluster</b> similar post-its (Ctrl+G) and give dots (V).",
              "<b>Photograph</b> paper walls and <b>project</b> the wall."],
             ["Enter adds the post-it; Alt+0…9 chooses the category", "Ctrl+L back to the writing field, Ctrl+F search",
              "F2 edit, Del delete, V and Shift+V dots, Ctrl+G cluster", "+ and − zoom, 0 shows the whole wall"],
             "screenshot-wall.png"),
    "recommendations": ("Recommendations", "The proposals the assembly adopts and sends to the Comune.",
                        ["<b>Promote</b> a post-it or a cluster from the wall.",
                         "<b>Write</b> title and text and link the actions of the Air and Climate Plan.",
                         "<b>Record</b> the plenary vote and the status (draft, approved, sent to the Comune)."],
                        [], "screenshot-recommendations.png"),
    "minutes": ("Minutes", "The minutes (verbale) of each plenary and the cycle report.",
                ["<b>Write</b> the secretariat's sections: they are saved as you type.",
                 "<b>Export</b> the minutes as PDF and Excel, internal or public.",
                 "The <b>public</b> version holds no citizen's personal data: it is the one to publish on Milano Partecipa."],
                [], "screenshot-minutes.png"),
    "followup": ("Answers and monitoring",
                 "What the Comune does with each approved recommendation: sending, answer, acts and progress.",
                 ["<b>Record the sending</b> (date, to whom, protocol) and then the Comune's <b>answer</b> with its act.",
                  "<b>Follow the progress</b>: updates tied to the Plan's actions; overdue answers come first, in red.",
                  "<b>Filter</b> by cycle, theme, action, answer and progress; the chart sums up answers and progress."],
                 [], "followup-page.png"),
    "laptops": ("Several laptops", "Several laptops work without a network, then exchange their changes in packages.",
                ["<b>Prepare the laptops</b> before the plenary (File › Prepare the laptops…).",
                 "<b>Export a package</b> at the end of the day and take it to the secretariat on a USB stick.",
                 "<b>Import</b> or <b>collect</b> the packages: nobody is counted twice; texts in conflict are kept "
                 "in File › Conflicts."],
                ["A backup: File › Export package…, tick «Everything», save it on a USB stick"], None),
    "privacy": ("Privacy",
                "The members' personal data: whether the file is encrypted, how long former members' data is "
                "kept, who exported what.",
                ["<b>Encrypt this file</b> when it is not: choose a passphrase (twice); the encrypted copy is "
                 "checked and opened in its place, and the unencrypted file is then overwritten and deleted.",
                 "<b>Retention</b>: choose how many months after the term former members' data is kept; the "
                 "list shows who is past it and one button erases their data, with a report.",
                 "<b>Erasing one person</b> (right to erasure): on the Members page, «Erase personal data…». "
                 "It cannot be undone; the audit log records it."],
                [], None),
}

LABELS = {"it": ("Cosa si fa qui", "Tasti", "Tutti i tasti"), "en": ("What you do here", "Keys", "All the keys")}


def page(lang: str, topic: str, entry: tuple) -> str:
    title, purpose, things, keys, shot = entry
    what, keys_label, all_keys = LABELS[lang]
    out = [f"<h1>{html.escape(title)}</h1>", f"<p>{html.escape(purpose)}</p>", f"<h3>{what}</h3>", "<ol>"]
    out += [f"<li>{t}</li>" for t in things]  # the texts above carry their own <b>/<i>
    out.append("</ol>")
    if keys:
        out.append(f"<h3>{keys_label}</h3><ul>" + "".join(f"<li>{html.escape(k)}</li>" for k in keys) + "</ul>")
    out.append(f"<p><a href='topic:shortcuts'>{all_keys}</a></p>")
    if shot:
        out.append(f"<p><img src='{shot}' width='640'></p>")
    return "\n".join(out) + "\n"


def main() -> int:
    for lang, texts in (("it", IT), ("en", EN)):
        folder = ROOT / "resources" / "help" / lang
        folder.mkdir(parents=True, exist_ok=True)
        for topic, entry in texts.items():
            (folder / f"{topic}.html").write_text(page(lang, topic, entry), encoding="utf-8")
            print(folder / f"{topic}.html")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
