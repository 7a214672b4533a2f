"""Milano Partecipa round trip: the files the app writes, a Decidim export read back, hostile exports refused."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import Workbook, load_workbook

from facilitator_app.core.followup import load_board, record_answer, record_sending, set_details
from facilitator_app.core.followup.decidim import (SPACE_SETTING, STATE_MAP_SETTING, answer_rows, apply_import,
                                                   plan_import, proposal_rows, state_map)
from facilitator_app.core.followup.decidim_io import nest, read_records
from facilitator_app.core.followup.plaintext import html_to_text
from facilitator_app.core.snapshots import Edit, undo
from facilitator_app.exporters.decidim import write_rows

from followup_fixtures import TODAY, make_assembly

# What a Decidim proposals export has (decidim-proposals ProposalSerializer, flattened with "/").
DECIDIM_COLUMNS = ["id", "author/id", "author/name", "author/url", "taxonomies/id", "taxonomies/name",
                   "participatory_space/id", "participatory_space/url", "component/id", "title/it", "title/en",
                   "body/it", "body/en", "address", "latitude", "longitude", "state", "state_published_at",
                   "reference", "answer/it", "answer/en", "answered_at", "votes", "likes/total_count", "comments",
                   "attachments", "follows_count", "published_at", "url", "meeting_urls", "related_proposals",
                   "is_amend", "original_proposal/title", "original_proposal/url", "withdrawn", "withdrawn_at",
                   "created_at", "updated_at"]


@pytest.fixture
def a(store):
    return make_assembly(store)


def board(store):
    return {r.id: r for r in load_board(store, TODAY)}


def parse_decidim_import(path, fmt):
    """A strict reader of a Decidim proposals/answers import: (header, rows), checking the encoding rules."""
    if fmt == "csv":
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM"
        text = raw[3:].decode("utf-8")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]
    if fmt == "json":
        data = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(data, list)
        flat = [{f"{k}/{lk}": lv for k, v in d.items() for lk, lv in v.items()} if all(isinstance(v, dict) for v in
                d.values()) else d for d in data]
        return list(flat[0]), flat
    ws = load_workbook(path).worksheets[0]
    values = list(ws.iter_rows(values_only=True))
    return list(values[0]), [dict(zip(values[0], r)) for r in values[1:]]


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_proposals_import_file_has_exactly_decidims_columns(store, a, tmp_path, fmt):
    with store.transaction():
        store.update("recommendations", a["b"], {"title": "=HYPERLINK(\"http://x\")", "text": "-1+2 più ombra"})
    header, rows = proposal_rows(list(board(store).values()))
    path = tmp_path / f"proposte.{fmt}"
    write_rows(header, rows, path, fmt)
    got_header, got = parse_decidim_import(path, fmt)
    assert got_header == ["title/it", "body/it"]
    assert len(got) == 3
    titles = {r["title/it"] for r in got}
    assert "Strade scolastiche in ogni municipio" in titles
    if fmt == "csv":
        assert "'=HYPERLINK(\"http://x\")" in titles       # a spreadsheet opening it sees text
    else:
        assert "=HYPERLINK(\"http://x\")" in titles        # exactly the text
    if fmt == "xlsx":
        ws = load_workbook(path).worksheets[0]
        assert all(c.data_type == "s" for row in ws.iter_rows(min_row=2) for c in row if c.value is not None)
    body = next(r["body/it"] for r in got if r["title/it"].startswith("Strade"))
    assert body.startswith("Testo di Strade scolastiche") and "approvata nella plenaria del 03/12/2022" in body


def test_english_columns_only_when_an_english_text_exists(store, a, tmp_path):
    set_details(store, a["a"], {"title_en": "School streets", "text_en": "In every district"})
    header, rows = proposal_rows(list(board(store).values()))
    assert header == ["title/it", "body/it", "title/en", "body/en"]
    assert next(r for r in rows if r["title/en"])["body/en"].startswith("In every district")


def test_no_personal_data_in_the_proposals_file(store, a, tmp_path):
    with store.transaction():
        store.insert("members", {"surname": "Bianchi", "first_name": "Giovanna", "email": "g.bianchi@example.org"})
    set_details(store, a["a"], {"followed_by": "Elisa Cremonesi"})
    header, rows = proposal_rows(list(board(store).values()))
    path = tmp_path / "p.json"
    write_rows(header, rows, path, "json")
    text = path.read_text(encoding="utf-8")
    for word in ("Bianchi", "Giovanna", "example.org", "Cremonesi"):
        assert word not in text


def test_answers_import_file(store, a, tmp_path):
    record_sending(store, a["a"], "2023-01-15", "Giunta", today=TODAY)
    record_answer(store, a["a"], "partly", "Si aprono 20 strade scolastiche.", answer_on="2023-05-01",
                  act="DG 456/2023", act_link="https://www.comune.milano.it/dg456", today=TODAY)
    record_answer(store, a["b"], "rejected", "Non sostenibile.", answer_on="2023-09-01", today=TODAY)
    set_details(store, a["a"], {"decidim_id": "101"})
    header, rows = answer_rows(list(board(store).values()), state_map(store))
    assert header == ["id", "state", "answer/it"]
    assert len(rows) == 1                                  # only proposals linked to Decidim
    assert rows[0]["id"] == "101" and rows[0]["state"] == "accepted"
    assert rows[0]["answer/it"].startswith("Accolta in parte.") and "DG 456/2023 del 01/05/2023" in rows[0]["answer/it"]
    with store.transaction():
        store.put("settings", STATE_MAP_SETTING, {"value": json.dumps({"partly": "partially_accepted"})})
    assert answer_rows(list(board(store).values()), state_map(store))[1][0]["state"] == "partially_accepted"
    path = tmp_path / "risposte.csv"
    write_rows(header, rows, path, "csv")
    assert parse_decidim_import(path, "csv")[0] == ["id", "state", "answer/it"]


# -- a Decidim export read back ---------------------------------------------------------------------
def decidim_record(pid, title, *, state="accepted", answer="<p>Accolta con <strong>delibera</strong></p>",
                   space="7", **extra):
    rec = {c: "" for c in DECIDIM_COLUMNS}
    rec.update({"id": str(pid), "participatory_space/id": space,
                "participatory_space/url": f"https://partecipa.comune.milano.it/assemblies/clima-{space}",
                "component/id": "42", "title/it": title, "title/en": "", "body/it": "Testo", "state": state,
                "state_published_at": "2023-06-01 10:00:00 UTC" if state else "", "answer/it": answer,
                "answered_at": "2023-05-30 09:00:00 UTC", "reference": f"MI-PROP-2023-05-{pid}",
                "published_at": "2023-02-01 10:00:00 UTC", "author/name": "Comune di Milano"})
    rec.update(extra)
    return rec


def write_decidim_export(records, path, fmt, columns=DECIDIM_COLUMNS):
    if fmt == "csv":
        buf = io.StringIO(newline="")
        w = csv.writer(buf, delimiter=";")
        w.writerow(columns)
        for r in records:
            w.writerow([r.get(c, "") for c in columns])
        path.write_bytes(("\ufeff" + buf.getvalue()).encode("utf-8"))
    elif fmt == "json":
        path.write_text(json.dumps([nest({c: r.get(c) for c in columns}) for r in records], ensure_ascii=False),
                        encoding="utf-8")
    else:
        wb = Workbook()
        ws = wb.active
        ws.append(columns)
        for r in records:
            ws.append([r.get(c) for c in columns])
        wb.save(path)
    return path


def plan_of(store, path):
    header, records = read_records(path)
    return plan_import(store, header, records, today=TODAY)


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_decidim_export_imported(store, a, tmp_path, fmt):
    record_sending(store, a["a"], "2023-01-15", "Giunta", today=TODAY)
    path = write_decidim_export([
        decidim_record(101, "Strade scolastiche in ogni municipio"),
        decidim_record(102, "  rifugi climatici APERTI la sera ", state="evaluating",
                       answer="<p>In valutazione&nbsp;con la Direzione Verde</p><script>alert(1)</script>"),
        decidim_record(103, "Più alberi nei cortili delle scuole", state="not_answered", answer=""),
    ], tmp_path / f"export.{fmt}", fmt)
    plan = plan_of(store, path)
    assert plan.ok, plan.problems
    assert [c.decidim_id for c in plan.changes] == ["101", "102", "103"]
    assert any("HTML" in n for n in plan.changes[0].notes)
    edit = Edit()
    assert apply_import(store, plan, record=edit) == 3
    got = board(store)
    assert (got[a["a"]].decidim_id, got[a["a"]].decidim_state, got[a["a"]].answer_kind) == ("101", "accepted",
                                                                                           "accepted")
    assert got[a["a"]].answer_text == "Accolta con delibera" and got[a["a"]].answer_on == "2023-05-30"
    assert got[a["b"]].decidim_answer == "In valutazione con la Direzione Verde"   # no script, no tags
    assert got[a["c"]].decidim_id == "103" and got[a["c"]].answer_kind is None
    assert store.setting(SPACE_SETTING) == "7"
    # a second import of the same file finds the proposals by their id, and changes nothing
    again = plan_of(store, path)
    assert again.ok and not any(c.changed for c in again.changes)
    undo(store, edit)
    assert board(store)[a["a"]].decidim_id is None and store.setting(SPACE_SETTING) is None


def test_the_apps_answer_is_kept_when_decidim_differs(store, a, tmp_path):
    record_answer(store, a["a"], "rejected", "Non accolta", answer_on="2023-05-01", today=TODAY)
    plan = plan_of(store, write_decidim_export([decidim_record(101, "Strade scolastiche in ogni municipio")],
                                               tmp_path / "e.csv", "csv"))
    assert plan.ok and any("differs" in n for n in plan.changes[0].notes)
    apply_import(store, plan)
    row = board(store)[a["a"]]
    assert (row.answer_kind, row.decidim_state) == ("rejected", "accepted")


def test_unpublished_state_is_not_taken(store, a, tmp_path):
    rec = decidim_record(101, "Strade scolastiche in ogni municipio")
    rec["state_published_at"] = ""
    plan = plan_of(store, write_decidim_export([rec], tmp_path / "e.csv", "csv"))
    apply_import(store, plan)
    row = board(store)[a["a"]]
    assert row.decidim_id == "101" and row.answer_kind is None and row.decidim_state is None


def test_round_trip_through_the_apps_own_file(store, a, tmp_path):
    """The file the app exports, loaded into 'Decidim' (ids given), exported back: every recommendation linked."""
    header, rows = proposal_rows(sorted(board(store).values(), key=lambda r: r.code))
    out = tmp_path / "proposte.csv"
    write_rows(header, rows, out, "csv")
    _, imported = parse_decidim_import(out, "csv")
    export = [decidim_record(500 + i, r["title/it"], body=r["body/it"], state="", answer="")
              for i, r in enumerate(imported)]
    plan = plan_of(store, write_decidim_export(export, tmp_path / "back.csv", "csv"))
    assert plan.ok, plan.problems
    apply_import(store, plan)
    assert sorted(r.decidim_id for r in board(store).values()) == ["500", "501", "502"]


# -- hostile Decidim exports: refused with the row named, nothing written --------------------------------
def _hostile(tmp_path):
    ok = decidim_record(101, "Strade scolastiche in ogni municipio")
    other = [c for c in DECIDIM_COLUMNS if not c.endswith("/it")] + ["title/es", "body/es"]
    return {
        "other_space": ([ok, decidim_record(102, "Rifugi climatici aperti la sera", space="9")], DECIDIM_COLUMNS,
                        "decidim_mixed_spaces", None),
        "unknown_id": ([ok, decidim_record(999, "Una proposta di un altro processo")], DECIDIM_COLUMNS,
                       "decidim_unknown_id", 3),
        "missing_columns": ([ok], [c for c in DECIDIM_COLUMNS if c not in ("state", "id")], "decidim_missing_columns",
                            None),
        "other_locales_only": ([{**ok, "title/es": "Calles escolares", "body/es": "x"}], other,
                               "decidim_other_locales", None),
        "unknown_state": ([ok, decidim_record(102, "Rifugi climatici aperti la sera", state="custom_approved")],
                          DECIDIM_COLUMNS, "decidim_unknown_state", 3),
        "duplicate_id": ([ok, decidim_record(101, "Rifugi climatici aperti la sera")], DECIDIM_COLUMNS,
                         "decidim_duplicate_id", 3),
        "bad_id": ([decidim_record("12a", "Rifugi climatici aperti la sera")], DECIDIM_COLUMNS, "decidim_bad_id", 2),
        "same_recommendation": ([ok, decidim_record(102, "strade scolastiche in ogni MUNICIPIO")], DECIDIM_COLUMNS,
                                "decidim_same_recommendation", 3),
        "empty": ([], DECIDIM_COLUMNS, "decidim_empty", None),
        "huge_answer": ([ok, decidim_record(102, "Rifugi climatici aperti la sera", answer="<p>" + "parola " * 4000
                                            + "</p>")], DECIDIM_COLUMNS, "followup_text_too_long", 3),
    }


@pytest.mark.parametrize("case", ["other_space", "unknown_id", "missing_columns", "other_locales_only",
                                  "unknown_state", "duplicate_id", "bad_id", "same_recommendation", "empty",
                                  "huge_answer"])
@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_hostile_exports_refused_by_row(store, a, tmp_path, case, fmt):
    records, columns, code, row = _hostile(tmp_path)[case]
    if fmt == "json" and case == "missing_columns":
        columns = [c for c in columns if c != "title/it"] + ["title/it"]
    path = write_decidim_export(records, tmp_path / f"{case}.{fmt}", fmt, columns)
    before = store.scalar("SELECT count(*) FROM changes")
    plan = plan_of(store, path)
    assert not plan.ok
    codes = {(p.code, p.row) for p in plan.problems}
    assert any(c == code and (row is None or r == (row - 1 if fmt == "json" else row)) for c, r in codes), codes
    with pytest.raises(ValueError):
        apply_import(store, plan)
    assert store.scalar("SELECT count(*) FROM changes") == before


def test_another_space_than_the_assemblys(store, a, tmp_path):
    with store.transaction():
        store.put("settings", SPACE_SETTING, {"value": json.dumps("7")})
    plan = plan_of(store, write_decidim_export([decidim_record(101, "Strade scolastiche in ogni municipio",
                                                               space="12")], tmp_path / "e.csv", "csv"))
    assert [p.code for p in plan.problems] == ["decidim_other_space"]


@pytest.mark.parametrize("name, data, code", [
    ("latin1.csv", "title/it;id\nPerché;1\n".encode("latin-1"), "decidim_not_utf8"),
    ("broken.xlsx", b"PK\x03\x04 not really a zip", "decidim_unreadable"),
    ("broken.json", b"[{\"id\": 1,", "decidim_unreadable"),
    ("object.json", b"{\"id\": 1, \"title\": 3}", "decidim_missing_columns"),
    ("scalar.json", b"42", "decidim_not_a_list"),
    ("notes.txt", b"hello", "decidim_bad_format"),
])
def test_unreadable_files(store, a, tmp_path, name, data, code):
    from facilitator_app.core.followup import FollowupError

    path = tmp_path / name
    path.write_bytes(data)
    try:
        plan = plan_of(store, path)
    except FollowupError as exc:
        assert exc.code == code
    else:
        assert code in {p.code for p in plan.problems}


@pytest.mark.parametrize("html, text", [
    ("<p>Uno</p><p>Due</p>", "Uno\n\nDue"),
    ("<p>Uno<br>a capo</p>\n\n\n<p>Due</p>", "Uno\na capo\n\nDue"),
    ("<ul><li>a</li><li>b &amp; c</li></ul>", "• a\n• b & c"),
    ("Riga<br>riga<br/>riga", "Riga\nriga\nriga"),
    ("<script>document.cookie</script><style>p{}</style>Testo", "Testo"),
    ("<img src=x onerror=alert(1)>Ciao <a href='javascript:x'>qui</a>", "Ciao qui"),
    ("&lt;b&gt; non è un tag", "<b> non è un tag"),
    ("Senza tag,   spazi   multipli", "Senza tag, spazi multipli"),
    ("<p>Non chiuso <b>grassetto", "Non chiuso grassetto"),
])
def test_html_to_plain_text(html, text):
    assert html_to_text(html) == text
