"""Interface language: Italian by default, English available.

Source strings are English; Italian comes from resources/translations
(facilitator_app_it.qm, built from the .ts by packaging/update_translations.py)
plus Qt's own translations for standard buttons and dialogs.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from facilitator_app.resources import resource_path

LANGUAGES = {"it": "Italiano", "en": "English"}
DEFAULT_LANGUAGE = "it"

_installed: list[QTranslator] = []


def chosen_language(explicit: str | None = None) -> str:
    lang = explicit or QSettings().value("ui/language", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def install(app: QCoreApplication, lang: str) -> None:
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Italian if lang == "it" else QLocale.Language.English,
                               QLocale.Country.Italy if lang == "it" else QLocale.Country.UnitedKingdom))
    if lang == "en":
        return
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    ours = QTranslator(app)
    if ours.load(f"facilitator_app_{lang}", str(resource_path("translations"))):
        app.installTranslator(ours)
        _installed.append(ours)


def number(x: float, decimals: int = 1) -> str:
    """A decimal as the interface language writes it: 0,72 in Italian, 0.72 in English."""
    return QLocale().toString(float(x), "f", decimals)


def day(iso: str | None) -> str:
    """A date (ISO text) as the interface language writes it, with the year in full (11/05/2024)."""
    from PySide6.QtCore import QDate, Qt

    if not iso:
        return ""
    d = QDate.fromString(iso[:10], Qt.DateFormat.ISODate)
    if not d.isValid():
        return iso
    form = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in form:
        form = form.replace("yy", "yyyy")
    return QLocale().toString(d, form)


def fmt(text: str, *args: object) -> str:
    """Fill Qt-style %1, %2 … placeholders (PySide's tr() returns a plain str)."""
    for i in range(len(args), 0, -1):  # %10 before %1
        text = text.replace(f"%{i}", str(args[i - 1]))
    return text
