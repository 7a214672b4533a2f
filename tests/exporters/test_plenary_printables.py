"""Badges, sign-in sheets and the paper check-in list: text extracted with pdftotext, pages rendered."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from facilitator_app.core.members.members import create_member
from facilitator_app.core.plenaries import plenaries as P
from facilitator_app.core.store.ids import derived_id
from facilitator_app.exporters.badges import DEFAULT_SHEET, Badge, badge_entries, draw_badges, write_badges
from facilitator_app.exporters.plenary_text import long_date, plenary_line
from facilitator_app.exporters.signin import write_checklist, write_signin

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")

NAMES = [("Nguyễn", "Thị Hương"), ("Şahin", "Elif"), ("Wiśniewski", "Łukasz"), ("D'Angelo", "Niccolò"),
         ("Quispe Huamán", "María de los Ángeles"), ("Rossi", "Giulia")]


def text(path, page=None, layout=True):
    args = ["pdftotext"] + (["-layout"] if layout else []) + (["-f", str(page), "-l", str(page)] if page else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def fonts(path):
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def kit(store):
    pid = P.create_plenary(store, 4, "2024-05-11", "Parco Nord — Cascina Centro Parco", rooms=["Salone", "Aula 1"])
    morning, afternoon = (s["id"] for s in P.sessions_of(store, pid))
    ids = {s: create_member(store, {"surname": s, "first_name": f}) for s, f in NAMES}
    with store.transaction():
        g = store.insert("groups", {"plenary_id": pid, "session_id": morning, "name": "Gruppo 3", "room": "Sala Verde"})
        store.put("group_members", derived_id("seat", pid, morning, ids["Rossi"]),
                  {"plenary_id": pid, "session_id": morning, "member_id": ids["Rossi"], "group_id": g})
    P.add_person(store, pid, "Laura Castoldi", "expert", "Comune di Milano — Area Transizione Ambientale")
    return {"plenary": pid, "morning": morning, "afternoon": afternoon, "members": ids}


def test_badges_text_and_layout(store, kit, tmp_path):
    out = tmp_path / "badges.pdf"
    pages = write_badges(store, kit["plenary"], out, blanks=1)
    assert pages == 1  # 6 members + 1 expert + 1 blank = one sheet of 8
    t = text(out, layout=False)
    for surname, first in NAMES:
        assert surname in t and first in t, surname
    codes = [m["badge_code"] for m in store.select("members")]
    assert all(c in t.replace(" ", "") for c in codes)  # the code printed beside its QR
    assert "Gruppo 3 — Sala Verde" in t and "Esperto/a" in t and "Comune di Milano" in t
    assert "Assemblea di prova" in t and "Plenaria 4 · 11/05/2024" in t
    assert "DejaVuSans" in fonts(out) and "yes" in fonts(out).split("\n")[2]  # embedded


def test_badge_entries_order_and_options(store, kit):
    entries = badge_entries(store, kit["plenary"], include_people=False, blanks=2)
    assert [b.surname for b in entries[:6]] == ["D'Angelo", "Nguyễn", "Quispe Huamán", "Rossi", "Şahin", "Wiśniewski"]
    assert entries[3].group == "Gruppo 3 — Sala Verde" and entries[0].group is None
    assert entries[-1] == Badge("", "", None) and len(entries) == 8


def test_badges_fill_label_sheets(tmp_path):
    badges = [Badge(f"Nome{i}", f"Cognome{i}", "ACDEF") for i in range(17)]
    assert draw_badges(badges, tmp_path / "b.pdf", assembly="Assemblea") == 3
    assert DEFAULT_SHEET.per_page == 8
    x, y = DEFAULT_SHEET.origin(7)  # bottom right label stays on the page
    assert x + DEFAULT_SHEET.width <= 595.3 and y >= 0


def test_long_names_stay_inside_the_label(tmp_path):
    long = Badge("Maria Antonietta Esmeralda", "Della Valle Quispe Huamán de la Torre", "ACDEF", "Gruppo 10 — Sala "
                 "Commissioni B del secondo piano")
    out = tmp_path / "long.pdf"
    draw_badges([long], out, assembly="Assemblea Permanente dei Cittadini sul Clima — Milano")
    words = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True).stdout
    import re
    xmax = max(float(m) for m in re.findall(r'xMax="([\d.]+)"', words))
    assert xmax <= 105 * 72 / 25.4 + 0.5  # within the first label column


def test_signin_sheet_per_session(store, kit, tmp_path):
    out = tmp_path / "firme.pdf"
    pages = write_signin(store, kit["plenary"], out, kit["morning"])
    t = text(out)
    assert pages == 1 and "Foglio firme — Plenaria 4" in t and long_date("2024-05-11").capitalize() in t
    assert "Mattina (09:30–13:00)" in t and "Pomeriggio" not in t and "6 partecipanti attesi" in t
    assert "Firma" in t and "pagina 1 di 1" in t and "Laura Castoldi" in t
    order = [t.index(s) for s in ("D'Angelo", "Nguyễn", "Quispe Huamán", "Rossi", "Şahin", "Wiśniewski")]
    assert order == sorted(order)
    rossi = next(line for line in t.splitlines() if "Rossi" in line)
    assert "Gruppo 3" in rossi
    for s in ("Nguyễn", "Şahin", "Łukasz", "D'Angelo"):
        assert s in t


def test_signin_all_sessions_start_on_new_pages(store, kit, tmp_path):
    out = tmp_path / "firme.pdf"
    assert write_signin(store, kit["plenary"], out) == 2
    assert "Mattina" in text(out, 1) and "Pomeriggio" in text(out, 2)
    assert "Gruppo 3" not in text(out, 2)  # the seat is for the morning only
    with pytest.raises(ValueError):
        write_signin(store, kit["plenary"], out, "nope")


def test_checklist_has_codes_and_boxes(store, kit, tmp_path):
    create_member(store, {"surname": "Larghi", "first_name": "Walter", "badge_code": "WWWWW"})  # widest code
    out = tmp_path / "lista.pdf"
    write_checklist(store, kit["plenary"], out)
    t = text(out)
    assert "Lista di registrazione" in t and "Mattina" in t and "Pomeriggio" in t
    for m in store.select("members"):
        line = next(ln for ln in t.splitlines() if m["surname"] in ln)
        assert m["badge_code"] in line and line.count("☐") == 2


def test_pages_render(store, kit, tmp_path):
    write_badges(store, kit["plenary"], tmp_path / "b.pdf")
    write_signin(store, kit["plenary"], tmp_path / "s.pdf")
    for name in ("b", "s"):
        subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(tmp_path / f"{name}.pdf"),
                        str(tmp_path / name)], check=True)
        png = next(tmp_path.glob(f"{name}-*1.png"))
        assert png.stat().st_size > 5_000


def test_plenary_line():
    assert plenary_line({"number": 4, "date": "2024-05-11", "venue": "Parco Nord"}) == \
        "Plenaria 4 · 11/05/2024 · Parco Nord"
    assert long_date("2024-01-20") == "sabato 20 gennaio 2024"


def test_demo_kit(demo_store, tmp_path):  # its speed: bench/, not a test
    plenary = P.get_plenary(demo_store, 6)
    write_badges(demo_store, plenary["id"], tmp_path / "b.pdf")
    write_signin(demo_store, plenary["id"], tmp_path / "s.pdf")
    t = text(tmp_path / "b.pdf", layout=False)
    assert "Ødegård" in t and "Ștefan" in t
