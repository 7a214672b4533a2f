"""Decidim's rich text (HTML) as plain text, with the standard library's html.parser.

Decidim stores answers and bodies as HTML. The app never renders it: tags are dropped, block
elements become line breaks, list items bullets, entities are decoded, and what <script> or
<style> contain is thrown away.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Paragraph-like blocks are set apart by an empty line; lines within them by a line break.
_PARA = {"p", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "section", "article",
         "header", "footer", "pre", "hr"}
_LINE = {"div", "br", "tr"}
_DROP = {"script", "style", "template", "iframe", "object", "embed", "svg", "math", "noscript", "head", "title"}
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _DROP:
            self.skip += 1
        elif tag in _PARA:
            self.parts.append("\n\n")
        elif tag in _LINE:
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n• ")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in _PARA or tag in _LINE:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP:
            self.skip = max(0, self.skip - 1)
        elif tag in _PARA:
            self.parts.append("\n\n")
        elif tag in ("div", "tr"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def looks_like_html(text: str | None) -> bool:
    return bool(text) and bool(_TAG.search(text))


def html_to_text(text: str | None) -> str:
    """Plain text of an HTML fragment (text without tags comes back with its spaces tidied)."""
    if not text:
        return ""
    parser = _Text()
    parser.feed(text)
    parser.close()
    raw = "".join(parser.parts).replace("\xa0", " ")
    lines = [re.sub(r"[ \t\r\f\v]+", " ", ln).strip() for ln in raw.split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):  # at most one empty line in a row
            out.append(ln)
    return "\n".join(out).strip()
