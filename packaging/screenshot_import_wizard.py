"""Screenshot of the roster import wizard: a column not recognised, then mapped by the user.

    QT_QPA_PLATFORM=offscreen python packaging/screenshot_import_wizard.py [OUT_DIR]

Writes screenshot-import-wizard.png (default OUT_DIR: docs/): the preview of a statistics office's
CSV whose column 'LIVELLO_SCOL' is not recognised; the person maps it to "education" and leaves
'Colore preferito' out; the accounting line, the columns and the row problems are visible.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ROSTER = """Comune di Milano - Ufficio Statistica;;;;;;;
Estrazione per l'Assemblea permanente sul clima;;;;;;;
COGNOME;NOME;DT_NASC;SESSO;MUNIC;LIVELLO_SCOL;Colore preferito;E_MAIL
Rossi;Mario;03/05/1980;M;3;Laurea;blu;mario.rossi@example.org
Ferrari;Giulia;12/11/75;F;Municipio 1;Diploma;verde;giulia@example.org
Esposito;Luca;01/02/1990;X;12;Licenza media;rosso;luca@
;;;;;;;
Şahin;Emre;29344;M;9;Laurea;giallo;emre@example.org
ROSSI;mario;03/05/1980;M;3;Laurea;blu;
Totale;5;;;;;;
"""


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"
    tmp = Path(tempfile.mkdtemp())
    os.environ.setdefault("FACILITATOR_APP_HOME", str(tmp / "home"))
    from PySide6.QtCore import QSettings

    from facilitator_app.core.store.device import Device
    from facilitator_app.core.store.store import Store
    from facilitator_app.gui.app import make_app
    from facilitator_app.gui.context import AppContext
    from facilitator_app.gui.members.import_wizard import ImportWizard

    app = make_app(lang="it")
    store = Store(tmp / "assemblea.sqlite", Device("screenshot", "Laptop segreteria"))
    store.ensure_assembly("Assemblea permanente dei cittadini sul clima")
    roster = tmp / "estrazione_ufficio_statistica.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    ctx = AppContext(store, QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    wizard = ImportWizard(ctx, path=str(roster))
    wizard.resize(1100, 860)
    wizard.show()
    wizard.next()
    page = wizard.preview_page
    box = page.columns_box.boxes["F"]
    box.setCurrentIndex(box.findData("education"))       # LIVELLO_SCOL -> education
    page.columns_box.boxes["G"].setCurrentIndex(1)       # Colore preferito: left out
    app.processEvents()
    path = out / "screenshot-import-wizard.png"
    wizard.grab().save(str(path))
    print(path)
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
