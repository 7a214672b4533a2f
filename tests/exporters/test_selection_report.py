"""The public selection report on the demo: response rates, presence at each plenary, Italian numbers, no names."""

from __future__ import annotations

import re
import subprocess

from facilitator_app.core.selection.presence import presence_by_plenary
from facilitator_app.exporters.selection_report import report_data, write_pdf, write_xlsx


def test_rates_and_presence_in_the_report(demo_store, tmp_path):
    data = report_data(demo_store)
    invited, replied, rate = data["overall_rate"]
    assert invited == 5000 and replied == len(demo_store.select("respondents")) and rate == replied / invited
    gender = {r[1]: r for r in data["rates"] if r[0] == "Genere"}
    assert gender["Donna"][2] > 0 and gender["Donna"][4] == gender["Donna"][3] / gender["Donna"][2]
    # presence: one column per plenary held, shares of the present summing to 1 per characteristic
    held = presence_by_plenary(demo_store, ["gender"])
    assert data["plenaries"] and len(data["plenaries"]) == min(8, len(held))
    women = next(r for r in data["presence"] if r[0] == "Genere" and r[1] == "Donna")
    men = next(r for r in data["presence"] if r[0] == "Genere" and r[1] == "Uomo")
    assert all(abs(w + m - 1) < 1e-9 for w, m in zip(women[3:], men[3:]))
    p = held[0]
    assert p.present == sum(p.counts["gender"].values()) and 0 < p.present <= p.expected

    pdf = tmp_path / "r.pdf"
    write_pdf(data, pdf)
    write_xlsx(data, tmp_path / "r.xlsx")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Chi ha risposto alla lettera" in text and "Tasso di risposta" in text
    assert "Presenti a ogni plenaria" in text and "Lettere inviate: 5.000" in text
    assert re.search(r"\d,\d%", text) and not re.search(r"\d\.\d%", text)        # Italian decimal comma
    # no names: no respondent's or member's surname, first name or e-mail
    people = demo_store.select("respondents") + demo_store.select("members")
    words = set(re.findall(r"\w+", text))
    for p in people:
        assert p["surname"] not in words, p["surname"]
        if p.get("email"):
            assert p["email"] not in text
