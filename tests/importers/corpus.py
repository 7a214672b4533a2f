"""A hostile corpus of rosters: files a statistics office, a colleague's laptop or a script produce.

Each entry writes one file and says what must become of every person in it:
`Case(path, people, refused)`, people being `Person(surname, first_name, fate, row)` with fate
"imported" (a member with that name afterwards), "merged" (reported as the same person as an
earlier row) or "rejected" (reported with a reason at that row). A refused file (`refused`
names the error code) must leave the assembly file byte for byte as it was.

Workbooks are written as raw XML where openpyxl can't produce the case (cached formula values,
hidden first sheets, lying dimensions, merged cells, inline strings).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Callable
from xml.sax.saxutils import escape

import openpyxl


@dataclass
class Person:
    surname: str
    first_name: str
    fate: str = "imported"   # "imported" | "merged" | "rejected"
    row: int | None = None   # the row a merged or rejected person is reported at


@dataclass
class Case:
    path: Path
    people: list[Person] = field(default_factory=list)
    refused: str | None = None          # the error code when the whole file is refused
    sheet: str | None = None
    mapping: dict | None = None
    warnings: set[str] = field(default_factory=set)  # issue codes that must be reported


CASES: dict[str, Callable[[Path], Case]] = {}


def case(fn: Callable[[Path], Case]) -> Callable[[Path], Case]:
    CASES[fn.__name__] = fn
    return fn


# -- raw xlsx --------------------------------------------------------------------------------
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _col(j: int) -> str:
    s, n = "", j + 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def _cell(ref: str, v) -> str:
    if v is None:
        return ""
    if isinstance(v, tuple):  # ("f", formula, cached value or None)
        _, formula, cached = v
        cached_xml = "" if cached is None else (f"<v>{escape(str(cached))}</v>")
        kind = ' t="str"' if isinstance(cached, str) else ""
        return f'<c r="{ref}"{kind}><f>{escape(formula)}</f>{cached_xml}</c>'
    if isinstance(v, bool):
        return f'<c r="{ref}" t="b"><v>{int(v)}</v></c>'
    if isinstance(v, (int, float)):
        return f'<c r="{ref}"><v>{v}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(v))}</t></is></c>'


def raw_xlsx(path: Path, sheets: list[tuple[str, list[list], str]], merged: dict[str, list[str]] | None = None,
             dimension: str | None = None) -> Path:
    """sheets: (name, rows, state "visible"/"hidden"); row lists may hold ("f", formula, cached) cells."""
    merged = merged or {}
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
        '+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-'
                  f'officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, len(sheets) + 1)) + "</Types>",
        "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
        f'</Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook {NS} xmlns:r="{REL}"><sheets>'
        + "".join(f'<sheet name="{escape(name)}" sheetId="{i}" state="{state}" r:id="rId{i}"/>'
                  for i, (name, _, state) in enumerate(sheets, 1)) + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.'
        f'org/package/2006/relationships">'
        + "".join(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                  for i in range(1, len(sheets) + 1)) + "</Relationships>",
    }
    for i, (name, rows, _) in enumerate(sheets, 1):
        body = "".join(f'<row r="{r}">' + "".join(_cell(f"{_col(j)}{r}", v) for j, v in enumerate(cells)) + "</row>"
                       for r, cells in enumerate(rows, 1) if any(v is not None for v in cells))
        merge = "".join(f'<mergeCell ref="{m}"/>' for m in merged.get(name, []))
        merge = f'<mergeCells count="{len(merged.get(name, []))}">{merge}</mergeCells>' if merge else ""
        dim = f'<dimension ref="{dimension}"/>' if dimension else ""
        parts[f"xl/worksheets/sheet{i}.xml"] = (f'<?xml version="1.0"?><worksheet {NS}>{dim}<sheetData>{body}'
                                                f'</sheetData>{merge}</worksheet>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return path


def _csv(path: Path, text: str, encoding: str = "utf-8", newline: str = "\n") -> Path:
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


HEAD = ["Cognome", "Nome", "Data di nascita", "Municipio"]
PEOPLE = [("Rossi", "Mario", "03/05/1980", "3"), ("Ferrari", "Giulia", "12/11/1975", "1"),
          ("Esposito", "Luca", "01/02/1990", "9"), ("Niccolò", "Anna Maria", "30/06/1962", "5")]


def _people(rows=PEOPLE) -> list[Person]:
    return [Person(s, f) for s, f, *_ in rows]


def _lines(sep: str = ";", rows=PEOPLE, head=HEAD) -> str:
    return "\n".join(sep.join(r) for r in [head, *rows]) + "\n"


# -- encodings and line endings -------------------------------------------------------------------
@case
def utf8_bom_comma(d: Path) -> Case:
    return Case(_csv(d / "bom.csv", "\ufeff" + _lines(",")), _people())


@case
def utf16_excel_unicode_text(d: Path) -> Case:  # Excel's "Unicode text": UTF-16 LE with BOM, tabs
    return Case(_csv(d / "u16.txt", "\ufeff" + _lines("\t"), "utf-16-le", "\r\n"), _people())


@case
def utf16_without_bom(d: Path) -> Case:
    return Case(_csv(d / "u16nobom.csv", _lines(";"), "utf-16-le"), _people())


@case
def utf16_big_endian(d: Path) -> Case:
    return Case(_csv(d / "u16be.csv", "\ufeff" + _lines(";"), "utf-16-be"), _people())


@case
def cp1252_semicolon(d: Path) -> Case:
    rows = PEOPLE + [("Università", "Zoë", "01/01/1970", "2"), ("D’Amico", "Nicolò", "02/02/1972", "4")]
    return Case(_csv(d / "cp.csv", _lines(";", rows), "cp1252", "\r\n"), _people(rows), warnings=set())


@case
def mixed_line_endings(d: Path) -> Case:
    text = "Cognome;Nome\r\nRossi;Mario\nFerrari;Giulia\rEsposito;Luca\r\n\nVerdi;Anna"
    return Case(_csv(d / "mixed.csv", text), [Person("Rossi", "Mario"), Person("Ferrari", "Giulia"),
                                              Person("Esposito", "Luca"), Person("Verdi", "Anna")])


@case
def excel_sep_line(d: Path) -> Case:
    return Case(_csv(d / "sep.csv", "sep=,\n" + _lines(",")), _people())


# -- quoting and field counts ----------------------------------------------------------------------
@case
def unclosed_quote_swallows_lines(d: Path) -> Case:
    text = ('Cognome;Nome;Note\nRossi;Mario;ok\n"Bianchi;Luca;scrive "ciao\nFerrari;Giulia;\nEsposito;Luca;\n'
            'Verdi;Anna;fine\n')
    return Case(_csv(d / "quote.csv", text),
                [Person("Rossi", "Mario"), Person("Bianchi", "Luca"), Person("Ferrari", "Giulia"),
                 Person("Esposito", "Luca"), Person("Verdi", "Anna")], warnings={"csv_misplaced_quote"})


@case
def quote_opened_mid_file_to_the_end(d: Path) -> Case:
    text = "Cognome,Nome,Indirizzo\nRossi,Mario,via Roma\nBianchi,Luca,\"via Po\nFerrari,Giulia,x\nVerdi,Anna,y\n"
    return Case(_csv(d / "q2.csv", text), [Person("Rossi", "Mario"), Person("Bianchi", "Luca"),
                                           Person("Ferrari", "Giulia"), Person("Verdi", "Anna")],
                warnings={"csv_unclosed_quote"})


@case
def legit_multiline_notes(d: Path) -> Case:
    text = 'Cognome,Nome,Note\nRossi,Mario,"prima riga\nseconda riga"\nVerdi,Anna,"a ""b"" c"\n'
    return Case(_csv(d / "ml.csv", text), [Person("Rossi", "Mario"), Person("Verdi", "Anna")])


@case
def unquoted_separator_in_a_value(d: Path) -> Case:
    text = "Cognome,Nome,Indirizzo,Municipio\nRossi,Mario,via Roma 1,3\nBianchi,Luca,via Po, 12,4\nVerdi,Anna,x,5\n"
    return Case(_csv(d / "extra.csv", text), [Person("Rossi", "Mario"), Person("Bianchi", "Luca", "rejected", 3),
                                              Person("Verdi", "Anna")])


@case
def short_rows(d: Path) -> Case:
    text = "Cognome;Nome;Sesso;Municipio\nRossi;Mario\nVerdi;Anna;F;5\n"
    return Case(_csv(d / "short.csv", text), [Person("Rossi", "Mario"), Person("Verdi", "Anna")],
                warnings={"csv_too_few_fields"})


# -- layout: titles, totals, blanks, sheets ---------------------------------------------------------
@case
def title_block_totals_and_footnotes(d: Path) -> Case:
    rows = [["Comune di Milano - Ufficio Statistica"], ["Estrazione del 01/10/2026"], [], HEAD,
            *[list(p) for p in PEOPLE], [], ["Totale", 4], ["Fonte: anagrafe"]]
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(d / "title.xlsx")
    # "Fonte: anagrafe" has no first name: reported, not lost
    return Case(d / "title.xlsx", _people() + [Person("Totale", "4", "rejected", 10),
                                              Person("Fonte: anagrafe", "", "rejected", 11)])


@case
def thousands_of_blank_rows(d: Path) -> Case:
    rows = [HEAD, list(PEOPLE[0])] + [[None] * 4] * 5000 + [list(PEOPLE[1])] + [[None] * 4] * 3000
    return Case(raw_xlsx(d / "blank.xlsx", [("Foglio1", rows, "visible")], dimension="A1:D1"), _people(PEOPLE[:2]))


@case
def thousands_of_blank_csv_lines(d: Path) -> Case:
    text = "Cognome;Nome\nRossi;Mario\n" + ";\n" * 4000 + "Verdi;Anna\n" + "\n" * 4000
    return Case(_csv(d / "blank.csv", text), [Person("Rossi", "Mario"), Person("Verdi", "Anna")])


@case
def empty_first_sheet(d: Path) -> Case:
    return Case(raw_xlsx(d / "empty1.xlsx", [("Vuoto", [], "visible"), ("Elenco", [HEAD, *PEOPLE], "visible")]),
                _people())


@case
def hidden_first_sheet_with_people(d: Path) -> Case:
    hidden = [HEAD, ["Segreto", "Nascosto", "01/01/1980", "1"]]
    case_ = Case(raw_xlsx(d / "hidden.xlsx", [("Vecchio", hidden, "hidden"), ("Nuovo", [HEAD, *PEOPLE], "visible")]),
                 _people())
    return case_


@case
def only_hidden_sheet_has_people(d: Path) -> Case:
    return Case(raw_xlsx(d / "onlyhidden.xlsx", [("Info", [["Leggimi"]], "visible"),
                                                 ("Dati", [HEAD, *PEOPLE], "hidden")]),
                refused="roster_only_hidden_sheets")


@case
def two_visible_sheets_with_people(d: Path) -> Case:
    return Case(raw_xlsx(d / "two.xlsx", [("Coorte A", [HEAD, *PEOPLE[:2]], "visible"),
                                          ("Coorte B", [HEAD, *PEOPLE[2:]], "visible")]),
                refused="roster_several_sheets")


@case
def two_sheets_one_named(d: Path) -> Case:
    return Case(raw_xlsx(d / "two_named.xlsx", [("Coorte A", [HEAD, *PEOPLE[:2]], "visible"),
                                                ("Coorte B", [HEAD, *PEOPLE[2:]], "visible")]),
                _people(PEOPLE[2:]), sheet="Coorte B")


@case
def merged_municipio_cells(d: Path) -> Case:
    rows = [HEAD, ["Rossi", "Mario", "03/05/1980", 3], ["Verdi", "Anna", "01/01/1970", None],
            ["Bianchi", "Luca", "01/01/1971", None]]
    return Case(raw_xlsx(d / "merged.xlsx", [("Foglio1", rows, "visible")], {"Foglio1": ["D2:D4"]}),
                [Person("Rossi", "Mario"), Person("Verdi", "Anna"), Person("Bianchi", "Luca")],
                warnings={"merged_cell"})


@case
def concatenated_exports(d: Path) -> Case:
    text = _lines(";", PEOPLE[:2]) + _lines(";", PEOPLE[2:])
    return Case(_csv(d / "concat.csv", text), _people() + [Person("Cognome", "Nome", "rejected", 4)])


# -- values ------------------------------------------------------------------------------------------
@case
def excel_serials_and_text_dates(d: Path) -> Case:
    rows = [HEAD, ["Rossi", "Mario", 29344, 3], ["Verdi", "Anna", "1980-05-03", 3], ["Bianchi", "Luca", "3.5.1980", 3],
            ["Neri", "Sara", "03/05/80", 3], ["Gallo", "Ugo", 45000, 3],   # serial 45000 = 2023: a 3-year-old
            ["Conti", "Eva", "1980/05/03 00:00:00", 3], ["Costa", "Ida", "maggio 1980", 3]]
    return Case(raw_xlsx(d / "dates.xlsx", [("Foglio1", rows, "visible")]),
                [Person(r[0], r[1]) for r in rows[1:]],
                warnings={"date_from_number", "two_digit_year", "implausible_birth_date", "invalid_date"})


@case
def leading_apostrophes_and_numbers_as_text(d: Path) -> Case:
    text = "Cognome;Nome;Telefono;Municipio;Codice\nRossi;Mario;'0212345678;'3;'00123\nVerdi;Anna;3.0;3.0;123.0\n"
    return Case(_csv(d / "apos.csv", text), [Person("Rossi", "Mario"), Person("Verdi", "Anna")])


@case
def formulas_with_and_without_cached_values(d: Path) -> Case:
    rows = [["Cognome", "Nome", "Municipio", "Note"],
            ["Rossi", "Mario", ("f", "1+2", 3), ("f", 'CONCAT("a","b")', "ab")],
            [("f", 'UPPER("verdi")', None), "Anna", 3, None],   # never calculated
            ["Bianchi", "Luca", ("f", "A1*0", None), None]]
    return Case(raw_xlsx(d / "formulas.xlsx", [("Foglio1", rows, "visible")]),
                [Person("Rossi", "Mario"), Person("", "Anna", "rejected", 3), Person("Bianchi", "Luca")],
                warnings={"formula_cell", "formula_without_value"})


@case
def control_characters_in_names(d: Path) -> Case:
    text = ("Cognome,Nome,Note\nRos\x00si,Mario,a\x1b[31mrosso\x1b[0m\nVerdi\u202e,Anna,x\n"
            "\x1b]0;titolo\x07Bianchi,Luca\u200b,\n")
    return Case(_csv(d / "ctrl.csv", text), [Person("Rossi", "Mario"), Person("Verdi", "Anna"),
                                             Person("Bianchi", "Luca")], warnings={"control_characters"})


@case
def overlong_texts(d: Path) -> Case:
    long = "A" * 10_000
    text = f"Cognome;Nome;Note\nRossi;Mario;{'n' * 20_000}\n{long};Anna;x\nVerdi;Luca;ok\n"
    return Case(_csv(d / "long.csv", text), [Person("Rossi", "Mario"), Person(long, "Anna", "rejected", 3),
                                             Person("Verdi", "Luca")], warnings={"too_long"})


@case
def out_of_vocabulary_codes(d: Path) -> Case:
    text = "Cognome;Nome;Sesso;Titolo di studio;Cittadinanza\nRossi;Mario;1;5;IT\nVerdi;Anna;2;Laurea;??\n"
    return Case(_csv(d / "codes.csv", text), [Person("Rossi", "Mario"), Person("Verdi", "Anna")],
                warnings={"unknown_gender", "unknown_education"})


@case
def snake_case_abbreviated_headers(d: Path) -> Case:
    text = ("COD_STAT;COGN;NOME;DT_NASC;SESSO;CITTAD;MUNIC;TIT_STUDIO;E_MAIL;NUM_TEL;COD_FISC\n"
            "A1;Rossi;Mario;03/05/1980;M;Italiana;3;Laurea;m@x.it;02 1234567;RSSMRA\n")
    return Case(_csv(d / "snake.csv", text), [Person("Rossi", "Mario")])


@case
def duplicate_headers(d: Path) -> Case:
    text = "Cognome;Nome;Telefono;Telefono\nRossi;Mario;02 1234567;333 1234567\n"
    return Case(_csv(d / "dup.csv", text), refused="roster_duplicate_headers")


@case
def duplicate_headers_mapped(d: Path) -> Case:
    text = "Cognome;Nome;Telefono;Telefono\nRossi;Mario;02 1234567;333 1234567\n"
    return Case(_csv(d / "dupmap.csv", text), [Person("Rossi", "Mario")], mapping={"C": "phone", "D": None})


@case
def same_person_twice(d: Path) -> Case:
    text = "Cognome;Nome;Data di nascita\nRossi;Mario;03/05/1980\nROSSI;mario;03/05/1980\nVerdi;Anna;\n"
    # the later row's values win: the member is named as in row 3
    return Case(_csv(d / "twice.csv", text), [Person("ROSSI", "mario"), Person("ROSSI", "mario", "merged", 3),
                                              Person("Verdi", "Anna")])


@case
def xlsx_that_is_really_csv(d: Path) -> Case:
    return Case(_csv(d / "fake.xlsx", _lines(";")), _people())


@case
def far_away_cell(d: Path) -> Case:
    rows = [["Cognome", "Nome"], ["Rossi", "Mario"]]
    path = raw_xlsx(d / "far.xlsx", [("Foglio1", rows, "visible")])
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = sheet.replace("</row></sheetData>", '<c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as z:
        for n, b in parts.items():
            z.writestr(n, b)
    return Case(path, [Person("Rossi", "Mario")])


# -- files refused whole --------------------------------------------------------------------------------
@case
def a_million_columns(d: Path) -> Case:
    return Case(_csv(d / "wide.csv", "Cognome,Nome" + "," * 1_000_000 + "\nRossi,Mario\n"), refused="roster_too_wide")


@case
def zip_bomb_xlsx(d: Path) -> Case:
    path = d / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(600):  # 600 MiB of zeros, ~600 KB compressed
                fh.write(chunk)
    return Case(path, refused="roster_zip_bomb")


@case
def password_protected(d: Path) -> Case:
    path = d / "secret.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))
    return Case(path, refused="roster_protected_or_xls")


@case
def truncated_workbook(d: Path) -> Case:
    path = raw_xlsx(d / "cut.xlsx", [("Foglio1", [HEAD, *PEOPLE], "visible")])
    path.write_bytes(path.read_bytes()[:300])
    return Case(path, refused="roster_damaged_xlsx")


@case
def binary_junk(d: Path) -> Case:
    path = d / "junk.csv"
    path.write_bytes(bytes(range(256)) * 16)
    return Case(path, refused="roster_not_a_table")


@case
def header_only(d: Path) -> Case:
    return Case(_csv(d / "head.csv", "Cognome;Nome\n"), [])


def birthdays(n: int) -> list[str]:
    start = date(1950, 1, 1)
    return [(start + timedelta(days=i * 37)).strftime("%d/%m/%Y") for i in range(n)]
