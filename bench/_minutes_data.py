"""A full plenary for the verbale benchmarks and tests, written straight through the store.

`build_cycle(store, plenaries=1)` makes an assembly of 90 members (Latin names
with every kind of accent, Greek and Cyrillic ones, the demo's print-test
names) and `plenaries` held plenaries, each with 90 members expected, about 84
present (late arrivals, people who leave early, justified and unjustified
absences), 8 groups with facilitators and seats, 600 post-its in clusters with
dot votes (including texts that look like spreadsheet formulas, markup, emoji,
CJK and a very long one), 30 recommendations with their vote, photos of the
walls, agenda, staff and experts. It does not use the demo steps, so it does
not depend on them. Returns what it made, for assertions.
"""

from __future__ import annotations

import io
import random
from datetime import date, timedelta
from typing import Any

from facilitator_app.core.attendance.checkin import attendance_id
from facilitator_app.core.groups.groups import seat_id
from facilitator_app.core.notes import notes as N
from facilitator_app.core.notes import tags as T
from facilitator_app.core.store.store import Store
from facilitator_app.demo.notes import CONTENT, LOOSE

FIRST_F = ("Giulia", "Francesca", "Chiara", "Elena", "Martina", "Sofia", "Aurora", "Beatrice", "Ginevra", "Noemi",
           "Fatima", "Amina", "Mei", "Ana", "Oksana", "Priya", "Lucía", "Zeynep", "Agnieszka", "Ioana")
FIRST_M = ("Marco", "Alessandro", "Lorenzo", "Matteo", "Andrea", "Gabriele", "Tommaso", "Riccardo", "Edoardo",
           "Pietro", "Youssef", "Omar", "Wei", "Juan", "Bogdan", "Arjun", "Karim", "Mehmet", "Tomasz", "Dragoș")
SURNAMES = ("Brambilla", "Colombo", "Galbiati", "Pozzoli", "Sangalli", "Viganò", "Crippa", "Bonfanti", "Mauri",
            "Rigamonti", "Zanzottera", "Castelnuovo", "Lattuada", "Fumagalli", "Cattaneo", "El Amrani", "Benali",
            "Zhang", "Huang", "Mendoza", "Quispe", "Hryhorenko", "Shevchuk", "Kowalczyk", "Popescu", "Gheorghiu",
            "Perera", "Fernando", "Öztürk", "Çelik", "Nuñez", "Ferreira", "Dąbrowski", "Škorić", "Ørsted",
            "Mastrangelo", "Pellegatta", "Tagliaferri", "Scaccabarozzi", "Bertagnolli")
# Names outside the Latin script and the demo's print-test names: every one must print.
SPECIAL = (("Γιώργος", "Παπαδόπουλος", "M", "foreign"), ("Ελένη", "Καραγιάννη", "F", "foreign"),
           ("Ольга", "Смирнова", "F", "foreign"), ("Дмитрий", "Кузнецов", "M", "foreign"),
           ("Niccolò", "D'Angelo", "M", "italian"), ("Thị Hương", "Nguyễn", "F", "foreign"),
           ("Elif", "Şahin", "F", "foreign"), ("Łukasz", "Wiśniewski", "M", "foreign"),
           ("Ingrid", "Ødegård", "F", "foreign"), ("Ștefan", "Mărgineanu", "M", "foreign"),
           ("María de los Ángeles", "Quispe Huamán", "F", "foreign"))
# Note texts a spreadsheet could mistake for formulas, markup, scripts the font lacks, a very long one.
ODD_NOTES = ("=SUM(A1:A3)", "=HYPERLINK(\"http://example.org\",\"clicca\")", "+39 02 1234 5678 numero verde",
             "-20% di auto in centro entro il 2030", "@Comune: rispondete alle proposte entro tre mesi",
             "<b>grassetto</b> & <i>corsivo</i> non sono markup", "Θέλουμε περισσότερα δέντρα στις αυλές",
             "Больше деревьев во дворах школ", "緑を増やす 🌳🌳 più verde", "Riga uno\nriga due dopo un a capo",
             "Una proposta lunga: " + " ".join(["piantare alberi lungo i viali, aprire i cortili delle scuole "
                                                "nel fine settimana e misurare l'effetto sul calore"] * 5))
FACILITATORS = ("Giuliana Ferrandino", "Matteo Orsolini", "Sara Benzoletti", "Paolo Verganti")
STAFF = (("Elisa Cremaschi", "Segreteria dell'Assemblea — Comune di Milano"),
         ("Marco Tagliavini", "Ufficio Partecipazione — Comune di Milano"))
EXPERTS = (("Laura Castellotti", "Comune di Milano — Area Transizione Ambientale"),
           ("Federico Rhodigino", "ARPA Lombardia"))
GUEST = ("Gianfranco Zappalorto", "guest", "Consulta dei giovani")  # not staff: never named in public
N_GROUPS, NOTES_PER_PLENARY, RECS_PER_PLENARY = 8, 600, 30


def _members(rng: random.Random, n: int) -> list[dict[str, Any]]:
    rows, taken = [], set()
    for first, surname, gender, cit in SPECIAL:
        taken.add((first, surname))
        rows.append({"first_name": first, "surname": surname, "gender": gender, "citizenship": cit})
    while len(rows) < n:
        gender = rng.choice("FM")
        pair = (rng.choice(FIRST_F if gender == "F" else FIRST_M), rng.choice(SURNAMES))
        if pair in taken:
            continue
        taken.add(pair)
        rows.append({"first_name": pair[0], "surname": pair[1], "gender": gender,
                     "citizenship": "foreign" if rng.random() < 0.15 else "italian"})
    for i, r in enumerate(rows):
        born = date(1945, 1, 1) + timedelta(days=rng.randint(0, 365 * 60))
        r.update(birth_date=born.isoformat(), municipio=rng.randint(1, 9),
                 education=rng.choice(("base", "diploma", "diploma", "laurea")), status="active",
                 term_start="2024-01-01", term_end="2024-12-31", badge_code=None,
                 email=f"persona{i}@example.org", external_id=f"B-{i:03d}")
    return rows


def wall_photo(rng: random.Random, width: int = 1600, height: int = 1200) -> bytes:
    """A JPEG that looks like a paper wall with post-its (as the GUI stores it: shrunk, quality 80)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (width, height), (236, 232, 222))
    draw = ImageDraw.Draw(img)
    colours = ((255, 238, 128), (255, 190, 200), (170, 220, 255), (190, 240, 170))
    for _ in range(60):
        x, y = rng.randint(0, width - 160), rng.randint(0, height - 120)
        draw.rectangle((x, y, x + 150, y + 110), fill=rng.choice(colours), outline=(120, 120, 120))
        for k in range(4):
            draw.line((x + 12, y + 22 + k * 20, x + rng.randint(60, 138), y + 22 + k * 20), fill=(40, 40, 60), width=3)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80)
    return buf.getvalue()


def build_cycle(store: Store, plenaries: int = 1, *, seed: int = 1, members: int = 90,
                photos_per_plenary: int = N_GROUPS, notes: int = NOTES_PER_PLENARY,
                recommendations: int = RECS_PER_PLENARY) -> dict[str, Any]:
    rng = random.Random(seed)
    store.ensure_assembly("Assemblea Permanente dei Cittadini sul Clima — Milano")
    out: dict[str, Any] = {"plenaries": []}
    with store.transaction():
        rows = _members(rng, members)
        mids = store.insert_many("members", rows)
        out["members"] = [{**r, "id": i} for r, i in zip(rows, mids)]
        themes = store.insert_many("themes", [{"name": n, "sort_order": i} for i, n in enumerate(
            ("Mobilità e qualità dell'aria", "Eventi estremi e comunicazione del rischio", "Stili di vita",
             "Tempi e orari della città", "Equità nell'accesso all'energia"))])
        cats = store.insert_many("note_categories", [{"name": c, "sort_order": i} for i, c in
                                                     enumerate(("Proposta", "Criticità", "Domanda", "Idea"))])
        cat_of = dict(zip(("Proposta", "Criticità", "Domanda", "Idea"), cats))
        store.insert_many("plan_actions", [{"code": c} for c in ("1.1.1", "1.2.2", "2.1.1", "2.2.3", "4.1.1",
                                                                 "4.2.2", "5.1.1", "5.1.4")])
        photo_pool = [wall_photo(rng) for _ in range(min(photos_per_plenary, 3))]
        for k in range(plenaries):
            out["plenaries"].append(_plenary(store, rng, k + 1, mids, themes, cat_of, photo_pool,
                                             photos_per_plenary, notes, recommendations))
    return out


def _plenary(store: Store, rng: random.Random, number: int, mids: list[str], themes: list[str],
             cat_of: dict[str, str], photo_pool: list[bytes], n_photos: int, n_notes: int,
             n_recs: int) -> dict[str, Any]:
    day = (date(2024, 1, 20) + timedelta(days=35 * (number - 1))).isoformat()
    pid = store.insert("plenaries", {"number": number, "date": day, "venue": "BASE Milano — via Bergognone 34",
                                     "title": f"Plenaria di lavoro {number}: dalle idee alle proposte",
                                     "rooms": '["Sala grande", "Sala A", "Sala B"]', "status": "held"})
    sessions = store.insert_many("sessions", [
        {"plenary_id": pid, "name": "Mattina", "starts_at": "09:30", "ends_at": "13:00", "sort_order": 0},
        {"plenary_id": pid, "name": "Pomeriggio", "starts_at": "14:00", "ends_at": "17:30", "sort_order": 1}])
    store.insert_many("agenda_items", [
        {"plenary_id": pid, "session_id": sessions[0 if i < 4 else 1], "starts_at": s, "ends_at": e, "title": t,
         "presenter": p, "sort_order": i}
        for i, (s, e, t, p) in enumerate((
            ("09:30", "10:00", "Accoglienza e registrazione", "Segreteria dell'Assemblea"),
            ("10:00", "10:30", "Apertura e obiettivi della giornata", FACILITATORS[0]),
            ("10:30", "11:15", "Il Piano Aria e Clima: dati e scelte del Comune", EXPERTS[0][0]),
            ("11:15", "13:00", "Lavoro nei gruppi tematici", "Facilitatori"),
            ("14:00", "15:30", "Dalle idee alle proposte", "Facilitatori"),
            ("15:30", "16:45", "Restituzione in plenaria e voto delle raccomandazioni", "Facilitatori"),
            ("16:45", "17:30", "Sintesi, prossimi passi e saluti", FACILITATORS[0])))])
    people = [{"plenary_id": pid, "name": n, "role": "facilitator", "organisation": "Gruppo di facilitazione"}
              for n in FACILITATORS]
    people += [{"plenary_id": pid, "name": n, "role": "staff", "organisation": o} for n, o in STAFF]
    people += [{"plenary_id": pid, "name": n, "role": "expert", "organisation": o} for n, o in EXPERTS]
    people.append({"plenary_id": pid, "name": GUEST[0], "role": GUEST[1], "organisation": GUEST[2]})
    person_ids = store.insert_many("plenary_people", people)

    # Attendance: most come to both sessions; some late, some leave early, a few justified or absent.
    att, att_ids, present = [], [], []
    order = list(mids)
    rng.shuffle(order)
    special = set(mids[:len(SPECIAL)])  # the names every printable must show: always present
    for i, mid in enumerate(order):
        r = 0.0 if mid in special else rng.random()
        if r > 0.965:
            continue  # absent, no word
        if r > 0.93:
            for s in sessions:
                att_ids.append(attendance_id(s, mid))
                att.append({"plenary_id": pid, "session_id": s, "member_id": mid, "status": "absent_justified",
                            "reason": rng.choice(("Motivi di salute", "Impegni di lavoro", "Motivi familiari")),
                            "late": 0})
            continue
        present.append(mid)
        late = rng.random() < 0.08
        t_in = f"{day}T09:{rng.randint(41, 59) if late else rng.randint(5, 38):02d}:00+01:00"
        only_morning = rng.random() < 0.06
        att_ids.append(attendance_id(sessions[0], mid))
        att.append({"plenary_id": pid, "session_id": sessions[0], "member_id": mid, "status": "present",
                    "checked_in_at": t_in, "late": int(late),
                    "checked_out_at": f"{day}T12:45:00+01:00" if only_morning else None})
        if not only_morning:
            att_ids.append(attendance_id(sessions[1], mid))
            att.append({"plenary_id": pid, "session_id": sessions[1], "member_id": mid, "status": "present",
                        "checked_in_at": f"{day}T13:{rng.randint(40, 59):02d}:00+01:00", "late": 0})
    for person in person_ids:
        att_ids.append(attendance_id(sessions[0], person_id=person))
        att.append({"plenary_id": pid, "session_id": sessions[0], "person_id": person, "status": "present",
                    "checked_in_at": f"{day}T08:50:00+01:00", "late": 0})
    store.insert_many("attendance", att, ids=att_ids)

    # Groups: seats for everyone present, round robin.
    groups = store.insert_many("groups", [
        {"plenary_id": pid, "name": f"Tavolo {g + 1}", "room": f"Sala {'ABCDEFGH'[g]}",
         "facilitator": FACILITATORS[g % len(FACILITATORS)], "theme_id": themes[g % len(themes)],
         "sort_order": g} for g in range(N_GROUPS)])
    seated: dict[str, list[str]] = {g: [] for g in groups}
    for i, mid in enumerate(present):
        seated[groups[i % N_GROUPS]].append(mid)
    store.insert_many("group_members", [{"plenary_id": pid, "session_id": None, "member_id": m, "group_id": g}
                                        for g, ms in seated.items() for m in ms],
                      ids=[seat_id(pid, None, m) for ms in seated.values() for m in ms])

    # Notes in clusters, with dot votes; the odd texts go to the first group.
    pool = [(title, item) for theme in CONTENT.values() for title, items in theme for item in items]
    titles = [t for theme in CONTENT.values() for t, _ in theme]
    per_group = n_notes // N_GROUPS
    note_rows, vote_rows, note_ids_by_group = [], [], {}
    for gi, gid in enumerate(groups):
        texts = [(rng.choice(tuple(cat_of)), t, ()) for t in ODD_NOTES] if gi == 0 else []
        while len(texts) < per_group:
            _, item = rng.choice(pool)
            texts.append(item)
        loose = max(2, per_group // 10)
        clustered = texts[:-loose]
        n_clusters = max(1, len(clustered) // 10)
        cl_rows = [{"group_id": gid, "title": titles[(gi * 3 + c) % len(titles)], "x": c * 1200.0, "y": 0.0}
                   for c in range(n_clusters)]
        cids = store.insert_many("clusters", cl_rows)
        for c in cids:
            vote_rows += [{"target_type": "cluster", "target_id": c, "delta": 1} for _ in range(rng.randint(0, 4))]
        start = len(note_rows)
        for j, (cat, text, tg) in enumerate(texts):
            cid = cids[j % n_clusters] if j < len(clustered) else None
            slot = N.cluster_slots(0, 0, 12)[(j // n_clusters) % 12]
            note_rows.append({"plenary_id": pid, "group_id": gid, "session_id": sessions[j % 2], "text": text,
                              "category_id": cat_of.get(cat), "cluster_id": cid, "tags": T.encode(tg),
                              "author_member_id": rng.choice(seated[gid]) if seated[gid] and rng.random() < 0.7
                              else None, "x": slot[0], "y": slot[1] + (0 if cid else 5000)})
        note_ids_by_group[gid] = (start, len(note_rows))
    nids = store.insert_many("notes", note_rows)
    for nid in nids:
        vote_rows += [{"target_type": "note", "target_id": nid, "delta": 1} for _ in range(rng.choice((0, 0, 1, 2, 3, 5)))]
    store.insert_many("votes", vote_rows)

    recs, links = [], []
    for r in range(n_recs):
        gid = groups[r % N_GROUPS]
        a, b = note_ids_by_group[gid]
        src = rng.sample(range(a, b), 3)
        base = note_rows[src[0]]["text"].split("\n")[0]
        voted = r % 5 != 4
        f = rng.randint(50, 80)
        recs.append({"plenary_id": pid, "group_id": gid, "theme_id": themes[r % len(themes)],
                     "title": base[:70].rstrip(" ,.:;"),
                     "text": f"L'Assemblea raccomanda al Comune di Milano: {base.lower()}. Proposta {number}.{r + 1}.",
                     "plan_actions": T.encode(rng.sample(("1.1.1", "2.1.1", "4.2.2", "5.1.4"), 2)),
                     "status": ("approved", "sent", "draft")[r % 3] if voted else "draft",
                     "votes_for": f if voted else None, "votes_against": rng.randint(0, 8) if voted else None,
                     "votes_abstained": rng.randint(0, 5) if voted else None, "sort_order": r})
    rec_ids = store.insert_many("recommendations", recs)
    for rid, rec in zip(rec_ids, recs):
        a, b = note_ids_by_group[rec["group_id"]]
        links += [{"recommendation_id": rid, "note_id": nids[k]} for k in rng.sample(range(a, b), 3)]
    store.insert_many("recommendation_notes", links)

    photo_rows = [{"plenary_id": pid, "group_id": groups[i % N_GROUPS], "caption": f"Parete del Tavolo {i % N_GROUPS + 1}, "
                   f"foto di {FACILITATORS[i % len(FACILITATORS)]}", "mime": "image/jpeg", "width": 1600,
                   "height": 1200, "data": photo_pool[i % len(photo_pool)]} for i in range(n_photos)]
    store.insert_many("photos", photo_rows)
    return {"id": pid, "number": number, "date": day, "sessions": sessions, "groups": groups,
            "present": present, "notes": [r["text"] for r in note_rows],
            "recommendations": [(r["title"], r["text"]) for r in recs], "people": person_ids}
