"""How long a text message is for an SMS gateway: GSM-7 (160 characters a message, 153 in
each part of a longer one) when every character is in the GSM 03.38 alphabet, else UCS-2
(70, 67 a part: Arabic, Chinese, Bengali, Sinhala, emoji, and Romanian's ș and ț)."""
from __future__ import annotations

from dataclasses import dataclass

# GSM 03.38 basic set; the extension set costs two characters each (escape + char).
_BASIC = set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
             "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
_EXTENDED = set("^{}\\[~]|€\f")


# Typography that costs a text message its GSM-7 alphabet (halving its length) for nothing:
# a venue "Palazzo Marino — Sala Alessi" or a ’ would turn an Italian SMS into UCS-2.
_PLAIN = str.maketrans({"—": "-", "–": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"',
                        "…": "...", "\u00a0": " ", "\u202f": " "})


def plain_sms(text: str) -> str:
    """text with typographic dashes, quotes and spaces as their GSM-7 equivalents."""
    return text.translate(_PLAIN)


@dataclass(frozen=True)
class SmsLength:
    encoding: str   # "GSM-7" or "UCS-2"
    units: int      # characters as the network counts them (septets or UTF-16 units)
    segments: int   # messages the gateway sends (and bills)


def sms_length(text: str) -> SmsLength:
    if all(ch in _BASIC or ch in _EXTENDED for ch in text):
        units = sum(2 if ch in _EXTENDED else 1 for ch in text)
        return SmsLength("GSM-7", units, 1 if units <= 160 else -(-units // 153))
    units = len(text.encode("utf-16-le")) // 2  # an emoji is two units
    return SmsLength("UCS-2", units, 1 if units <= 70 else -(-units // 67))
