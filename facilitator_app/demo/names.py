"""Name lists and fixed texts for the demo assembly (`demo.py`).

All people here are invented. Country names are Italian, as the secretariat
writes them in the `country` field. The first-name lists are by gender key
("F", "M") of the vocabulary.
"""

from __future__ import annotations

# English name in the population CSV -> Italian name stored in `country`.
COUNTRY_IT = {
    "Egypt": "Egitto", "China": "Cina", "Philippines": "Filippine", "Peru": "Perù",
    "Sri Lanka": "Sri Lanka", "Romania": "Romania", "Bangladesh": "Bangladesh",
}

# Other citizenships present in Milan but without a figure in the CSV: the demo
# picks among them evenly (illustrative, not official weights).
OTHER_COUNTRIES = ("Ucraina", "Albania", "Marocco", "Ecuador", "El Salvador", "Moldavia", "Senegal",
                   "Brasile", "Vietnam", "Turchia", "Polonia")

# (first names F, first names M, surnames)
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "Italia": (
        ("Giulia", "Francesca", "Chiara", "Sara", "Martina", "Valentina", "Elena", "Alessandra", "Laura",
         "Silvia", "Federica", "Paola", "Roberta", "Anna", "Maria", "Giovanna", "Lucia", "Rosa", "Carla",
         "Marta", "Beatrice", "Aurora", "Sofia", "Noemi", "Ilaria", "Daniela", "Antonella", "Cristina",
         "Emanuela", "Gabriella", "Maria Grazia", "Franca", "Luisa", "Nicoletta", "Camilla", "Ludovica"),
        ("Marco", "Luca", "Andrea", "Matteo", "Alessandro", "Davide", "Giuseppe", "Francesco", "Stefano",
         "Paolo", "Roberto", "Giovanni", "Simone", "Federico", "Riccardo", "Lorenzo", "Fabio", "Massimo",
         "Claudio", "Sergio", "Giorgio", "Mario", "Luigi", "Enrico", "Tommaso", "Edoardo", "Gabriele",
         "Pietro", "Emanuele", "Nicolò", "Ettore", "Gianluca", "Pierluigi", "Carlo", "Franco", "Filippo"),
        ("Rossi", "Colombo", "Ferrari", "Russo", "Bianchi", "Romano", "Gallo", "Costa", "Fontana", "Conti",
         "Esposito", "Ricci", "Bruno", "Rizzo", "Moretti", "De Luca", "Marino", "Greco", "Barbieri", "Lombardi",
         "Galli", "Mariani", "Villa", "Longhi", "Brambilla", "Sala", "Cattaneo", "Pozzi", "Riva", "Monti",
         "Fumagalli", "Mauri", "Ferrario", "Bassi", "Caprotti", "Magni", "Corbetta", "Cazzaniga", "Valsecchi",
         "D'Amico", "D'Alessandro", "Dell'Orto", "Sant'Ambrogio", "Lo Russo", "La Rosa", "Di Stefano",
         "Parisi", "Santoro", "Morelli", "Nicolò", "Palù", "Cantù", "Carrà", "Zoppè"),
    ),
    "Egitto": (
        ("Fatma", "Mona", "Yasmine", "Nour", "Heba", "Amira", "Salma", "Mariam", "Rania", "Doaa"),
        ("Mohamed", "Ahmed", "Mahmoud", "Mostafa", "Karim", "Omar", "Youssef", "Hany", "Tarek", "Amr"),
        ("Abdelrahman", "El Sayed", "Hassan", "Ibrahim", "Abdel Aziz", "Farouk", "Soliman", "Gaber",
         "Fawzy", "Ramadan", "Shehata", "El Masry"),
    ),
    "Cina": (
        ("Li Na", "Xiaoyan", "Jing", "Mei", "Yan", "Hui", "Ying", "Lili", "Xiaomei"),
        ("Wei", "Jun", "Hao", "Lei", "Ming", "Jian", "Tao", "Qiang", "Yong"),
        ("Hu", "Zhou", "Chen", "Wang", "Zhang", "Lin", "Ye", "Xu", "Jin", "Wu", "Pan"),
    ),
    "Filippine": (
        ("Maricel", "Rowena", "Jocelyn", "Maria Cristina", "Lorna", "Analyn", "Jennifer", "Rosalie"),
        ("Jose", "Mark Anthony", "Rodel", "Jonathan", "Ramon", "Jericho", "Emmanuel", "Reynaldo"),
        ("Santos", "Reyes", "Dela Cruz", "Garcia", "Mendoza", "Bautista", "Villanueva", "Ramos", "Aquino",
         "Castillo", "De Guzman"),
    ),
    "Perù": (
        ("Rosa", "María Elena", "Carmen", "Milagros", "Giovanna", "Lucía", "Yolanda", "Rocío"),
        ("Luis", "Carlos", "José Luis", "Jorge", "Miguel Ángel", "Juan Carlos", "Víctor", "Julio César"),
        ("Quispe", "Huamán", "Flores", "Mamani", "Rojas", "Chávez", "Gutiérrez", "Vásquez", "Ramírez",
         "Torres", "Flores Quispe", "Rojas Huamán"),
    ),
    "Sri Lanka": (
        ("Dilani", "Nadeeka", "Chathurika", "Sanduni", "Kumari", "Ishara", "Madhavi"),
        ("Nuwan", "Chaminda", "Kasun", "Pradeep", "Suresh", "Ruwan", "Lasantha"),
        ("Perera", "Fernando", "Silva", "Jayasinghe", "Wickramasinghe", "Gunawardena", "Dissanayake",
         "Bandara", "Herath", "Kumara"),
    ),
    "Romania": (
        ("Ioana", "Elena", "Andreea", "Mihaela", "Alexandra", "Roxana", "Cătălina"),
        ("Andrei", "Ionuț", "Mihai", "Florin", "Bogdan", "Cristian", "Ștefan"),
        ("Popescu", "Ionescu", "Popa", "Dumitru", "Stan", "Stoica", "Gheorghe", "Rusu", "Munteanu",
         "Constantinescu", "Mărgineanu"),
    ),
    "Bangladesh": (
        ("Fatema", "Nasrin", "Sumaiya", "Taslima", "Ruma", "Shirin", "Nusrat"),
        ("Mohammad", "Rahim", "Karim", "Hasan", "Abdul", "Sajib", "Rakib", "Jahid"),
        ("Hossain", "Rahman", "Islam", "Uddin", "Ahmed", "Miah", "Chowdhury", "Alam", "Khan"),
    ),
    "Ucraina": (
        ("Olena", "Iryna", "Oksana", "Nataliia", "Tetiana"),
        ("Oleksandr", "Andrii", "Serhii", "Dmytro", "Volodymyr"),
        ("Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchenko"),
    ),
    "Albania": (
        ("Elira", "Anila", "Blerina", "Jonida", "Ardita"),
        ("Arben", "Ermal", "Besnik", "Gentian", "Klodian"),
        ("Hoxha", "Shehu", "Dervishi", "Kola", "Leka", "Çela", "Gjoka"),
    ),
    "Marocco": (
        ("Fatima Zahra", "Khadija", "Samira", "Nadia", "Houda"),
        ("Youssef", "Hamza", "Rachid", "Abdelkader", "Mehdi"),
        ("El Amrani", "Benali", "Bouzid", "El Idrissi", "Alaoui", "Tazi", "Chakir"),
    ),
    "Ecuador": (
        ("Gladys", "Mayra", "Jessica", "Narcisa", "Blanca"),
        ("Byron", "Wilson", "Édison", "Segundo", "Patricio"),
        ("Zambrano", "Vera", "Mero", "Macías", "Cedeño", "Loor", "Moreira"),
    ),
    "El Salvador": (
        ("Marta Alicia", "Rosa Elena", "Xiomara", "Karla"),
        ("José Alfredo", "Mario", "Nelson", "Óscar"),
        ("Hernández", "Martínez", "López", "Rivera", "Aguilar"),
    ),
    "Moldavia": (
        ("Natalia", "Svetlana", "Ludmila", "Tatiana"),
        ("Vasile", "Ion", "Sergiu", "Vitalie"),
        ("Ciobanu", "Rotaru", "Cebotari", "Lungu", "Țurcanu"),
    ),
    "Senegal": (
        ("Awa", "Fatou", "Aminata", "Mariama"),
        ("Mamadou", "Cheikh", "Ousmane", "Ibrahima"),
        ("Diop", "Ndiaye", "Fall", "Sow", "Gueye", "Mbaye"),
    ),
    "Brasile": (
        ("Ana Luíza", "Fernanda", "Thaís", "Letícia"),
        ("João Pedro", "Thiago", "Rodrigo", "Caio"),
        ("Souza", "Oliveira", "Conceição", "Araújo", "Gonçalves"),
    ),
    "Vietnam": (
        ("Thị Lan", "Thị Hương", "Ngọc Anh"),
        ("Văn Minh", "Đức Anh", "Quang Huy"),
        ("Nguyễn", "Trần", "Lê", "Phạm"),
    ),
    "Turchia": (
        ("Ayşe", "Zeynep", "Elif"),
        ("Mehmet", "Emre", "Burak"),
        ("Yılmaz", "Öztürk", "Çelik", "Şahin"),
    ),
    "Polonia": (
        ("Agnieszka", "Małgorzata", "Joanna"),
        ("Paweł", "Michał", "Łukasz"),
        ("Nowak", "Wójcik", "Kowalczyk", "Woźniak"),
    ),
}

# Always in the demo, whatever the seed: names that catch printing and sorting
# bugs (diacritics, apostrophes, non-Latin-1 letters, long compound names).
# (first name, surname, gender, country; None = Italian citizen)
PRINT_TEST_MEMBERS = (
    ("Niccolò", "D'Angelo", "M", None),
    ("Thị Hương", "Nguyễn", "F", "Vietnam"),
    ("Elif", "Şahin", "F", "Turchia"),
    ("Łukasz", "Wiśniewski", "M", "Polonia"),
    ("Ingrid", "Ødegård", "F", "Norvegia"),
    ("Ștefan", "Mărgineanu", "M", "Romania"),
    ("María de los Ángeles", "Quispe Huamán", "F", "Perù"),
)

EMAIL_DOMAINS = ("example.org", "example.com", "example.net")  # reserved: never a real inbox

ACCESSIBILITY_NOTES = (
    "Usa la sedia a rotelle: serve un percorso senza gradini e un tavolo accessibile",
    "Ipoacusia: preferisce sedere vicino a chi parla; utile il microfono",
    "Ipovedente: materiali stampati in caratteri grandi",
    "Difficoltà a stare in piedi a lungo: serve una sedia durante le attività",
    "Viene con il cane guida",
)
DIETARY_NOTES = ("Vegetariana/o", "Vegana/o", "Senza glutine (celiachia)", "Senza lattosio",
                 "Allergia alla frutta a guscio", "Niente carne di maiale")
# Countries where the demo gives "Halal" as a likely dietary note.
HALAL_COUNTRIES = ("Egitto", "Bangladesh", "Marocco", "Senegal", "Albania")

THEMES = (
    ("Mobilità e qualità dell'aria",
     "Auto private, sosta, trasporto pubblico e qualità dell'aria che respiriamo", "#0072B2"),
    ("Eventi estremi e comunicazione del rischio",
     "Ondate di calore, allagamenti e come avvisare chi è più esposto", "#D55E00"),
    ("Stili di vita e comportamenti sostenibili",
     "Consumi, cibo, rifiuti e abitudini quotidiane", "#009E73"),
    ("Tempi e orari della città",
     "Orari di scuole, uffici e servizi per ridurre spostamenti e picchi", "#CC79A7"),
    ("Equità nell'accesso all'energia",
     "Povertà energetica, bollette, comunità energetiche e case efficienti", "#E69F00"),
)

# Plausible actions of the Air and Climate Plan: codes follow the Plan's
# ambito.line.action pattern; titles are illustrative except 5.1.4.
PLAN_ACTIONS = (
    ("1.1.1", "Ampliamento delle zone a basse emissioni (Area B e Area C)", "Milano Sana e Inclusiva"),
    ("1.2.2", "Riduzione dell'esposizione agli inquinanti vicino a scuole e ospedali", "Milano Sana e Inclusiva"),
    ("2.1.1", "Potenziamento del trasporto pubblico e della mobilità condivisa", "Milano Connessa e Accessibile"),
    ("2.2.3", "Rete ciclabile continua e strade scolastiche", "Milano Connessa e Accessibile"),
    ("3.1.2", "Riqualificazione energetica degli edifici pubblici e popolari", "Milano ad Energia Positiva"),
    ("3.3.1", "Comunità energetiche e contrasto alla povertà energetica", "Milano ad Energia Positiva"),
    ("4.1.1", "Forestazione urbana e nuove superfici permeabili", "Milano più Fresca"),
    ("4.2.2", "Piano per le ondate di calore e rifugi climatici", "Milano più Fresca"),
    ("5.1.1", "Campagne di informazione sui comportamenti sostenibili", "Milano Consapevole"),
    ("5.1.4", "Assemblea Permanente dei Cittadini sul Clima", "Milano Consapevole"),
)

NOTE_CATEGORIES = (("Proposta", "#2E7D32"), ("Criticità", "#C62828"), ("Domanda", "#1565C0"),
                   ("Idea", "#F9A825"))

# (name, main room, breakout rooms)
VENUES = {
    "marino": ("Palazzo Marino — Sala Alessi", "Sala Alessi",
               ("Sala Gialla", "Sala dell'Orologio", "Sala Consiglio", "Sala Commissioni A",
                "Sala Commissioni B")),
    "vapore": ("Fabbrica del Vapore", "Sala plenaria",
               ("Spazio 1", "Spazio 2", "Spazio 3", "Spazio 4", "Spazio 5")),
    "base": ("BASE Milano", "Sala grande", ("Sala A", "Sala B", "Sala C", "Sala D", "Sala E")),
    "parconord": ("Parco Nord — Cascina Centro Parco", "Salone della Cascina",
                  ("Aula 1", "Aula 2", "Aula 3", "Aula 4", "Portico")),
}

# (number, date, venue key, title, theme index or None, milestone agenda item or None)
PLENARIES = (
    (1, "2024-01-20", "marino", "Apertura del ciclo 2024: il Piano Aria e Clima e i cinque temi", None,
     "Benvenuto alla coorte A e patto di lavoro"),
    (2, "2024-02-24", "vapore", "Mobilità e qualità dell'aria", 0, None),
    (3, "2024-04-06", "base", "Eventi estremi e comunicazione del rischio", 1, None),
    (4, "2024-05-11", "parconord", "Stili di vita e comportamenti sostenibili", 2,
     "Benvenuto alla coorte B e passaggio di consegne"),
    (5, "2024-06-15", "vapore", "Tempi e orari della città", 3, None),
    (6, "2024-07-13", "base", "Equità nell'accesso all'energia", 4, "Saluto alla coorte A"),
    (7, "2024-09-14", "parconord", "Dalle idee alle raccomandazioni", None,
     "Prime bozze delle raccomandazioni per tema"),
    (8, "2024-10-12", "marino", "Voto delle raccomandazioni e consegna al Comune", None,
     "Voto delle raccomandazioni"),
)

FACILITATORS = ("Giulia Ferrandi", "Matteo Orsenigo", "Sara Benzoni", "Paolo Vergani", "Chiara Lissoni",
                "Davide Airoldi")
FACILITATION_ORG = "Gruppo di facilitazione dell'Assemblea"
STAFF = (("Elisa Cremonesi", "Segreteria dell'Assemblea — Comune di Milano"),
         ("Marco Tagliabue", "Segreteria dell'Assemblea — Comune di Milano"),
         ("Anna Radaelli", "Ufficio Partecipazione — Comune di Milano"))

# Experts by theme index; None = the general pool used for cross-theme plenaries.
EXPERTS: dict[int | None, tuple[tuple[str, str], ...]] = {
    None: (("Laura Castoldi", "Comune di Milano — Area Transizione Ambientale"),
           ("Federico Rho", "Comune di Milano — Area Transizione Ambientale"),
           ("Silvia Maggioni", "Comune di Milano — Ufficio Partecipazione")),
    0: (("Andrea Sormani", "AMAT — Agenzia Mobilità Ambiente Territorio"),
        ("Valeria Gerosa", "Comune di Milano — Direzione Mobilità")),
    1: (("Stefano Beretta", "Comune di Milano — Protezione Civile"),
        ("Marta Galimberti", "ARPA Lombardia")),
    2: (("Elena Besana", "Comune di Milano — Food Policy"),
        ("Roberto Crippa", "AMSA — Servizi ambientali")),
    3: (("Francesca Porro", "Comune di Milano — Ufficio Tempi e Orari della Città"),
        ("Luca Mapelli", "Politecnico di Milano — Dipartimento di Architettura e Studi Urbani")),
    4: (("Giorgio Sironi", "Comune di Milano — Area Energia e Clima"),
        ("Alessia Motta", "Politecnico di Milano — Dipartimento di Energia")),
}
OBSERVERS = (("Daniela Pirovano", "Università degli Studi di Milano — ricerca sulla partecipazione"),
             ("Tommaso Re", "Consiglio comunale — Commissione Ambiente"))
