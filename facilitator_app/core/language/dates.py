"""Dates written the way each of the assembly's languages writes them (Gregorian calendar,
Western digits: the same figures as on the Comune's documents and the venue's signs)."""
from __future__ import annotations

from datetime import date

MONTHS = {
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "en": "January February March April May June July August September October November December",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "ro": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
    "tl": "Enero Pebrero Marso Abril Mayo Hunyo Hulyo Agosto Setyembre Oktubre Nobyembre Disyembre",
    "ar": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    "bn": "জানুয়ারি ফেব্রুয়ারি মার্চ এপ্রিল মে জুন জুলাই আগস্ট সেপ্টেম্বর অক্টোবর নভেম্বর ডিসেম্বর",
    "si": "ජනවාරි පෙබරවාරි මාර්තු අප්\u200dරේල් මැයි ජූනි ජූලි අගෝස්තු සැප්තැම්බර් ඔක්තෝබර් නොවැම්බර් දෙසැම්බර්",
}
# Monday first, as date.weekday() counts.
WEEKDAYS = {
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
    "ro": "luni marți miercuri joi vineri sâmbătă duminică",
    "tl": "Lunes Martes Miyerkoles Huwebes Biyernes Sabado Linggo",
    "ar": "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد",
    "bn": "সোমবার মঙ্গলবার বুধবার বৃহস্পতিবার শুক্রবার শনিবার রবিবার",
    "si": "සඳුදා අඟහරුවාදා බදාදා බ්\u200dරහස්පතින්දා සිකුරාදා සෙනසුරාදා ඉරිදා",
    "zh": "星期一 星期二 星期三 星期四 星期五 星期六 星期日",
}


# How each language orders a date, with and without the day of the week ({wd} weekday, {d} day,
# {m} month name, {y} year); a language not listed writes it the Italian way.
_LONG = {
    "it": ("{wd} {d} {m} {y}", "{d} {m} {y}"),
    "en": ("{wd} {d} {m} {y}", "{d} {m} {y}"),
    "es": ("{wd} {d} de {m} de {y}", "{d} de {m} de {y}"),
    "ro": ("{wd}, {d} {m} {y}", "{d} {m} {y}"),
    "tl": ("{wd}, {m} {d}, {y}", "{m} {d}, {y}"),
    "bn": ("{wd}, {d} {m} {y}", "{d} {m} {y}"),
    "si": ("{y} {m} {d}, {wd}", "{y} {m} {d}"),
    "ar": ("{wd} {d} {m} {y}", "{d} {m} {y}"),
}


def long_date(d: date | str | None, lang: str, weekday: bool = True) -> str:
    """'sabato 20 gennaio 2024', 'Saturday 20 January 2024', '2024年1月20日（星期六）', ...
    (without the day of the week: '20 gennaio 2024', for the date of a letter)."""
    if d is None or d == "":
        return ""
    if isinstance(d, str):
        d = date.fromisoformat(d[:10])
    if lang == "zh":
        wd = WEEKDAYS["zh"].split()[d.weekday()]
        return f"{d.year}年{d.month}月{d.day}日" + (f"（{wd}）" if weekday else "")
    month = MONTHS.get(lang, MONTHS["it"]).split()[d.month - 1]
    wd = WEEKDAYS.get(lang, WEEKDAYS["it"]).split()[d.weekday()]
    with_day, without = _LONG.get(lang, _LONG["it"])
    return (with_day if weekday else without).format(wd=wd, d=d.day, m=month, y=d.year)


def short_date(d: date | str | None) -> str:
    """dd/mm/yyyy: for text messages, in every language."""
    if d is None or d == "":
        return ""
    if isinstance(d, str):
        d = date.fromisoformat(d[:10])
    return d.strftime("%d/%m/%Y")
