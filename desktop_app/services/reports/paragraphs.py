"""A section's text as the report prints it: numbered paragraphs (1.1, 1.2 …), each with
the bullets that follow it, as seed 003 lays them out.

The officer types one paragraph a line; a line that starts with a bullet mark ("- ", "• ",
"· ", "* ") is a bullet of the paragraph above it. Blank lines only space the text out. A
paragraph number typed at the start of a line ("3.2 The Partnership …") is dropped, since
the printed numbers are given in order and a typed one would soon be wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BULLET = re.compile(r"^\s*[-•·*▪]\s+")
TYPED_NUMBER = re.compile(r"^\d+\.\d+\.?\s+")
# What a bullet list's entries end with in running prose ("…Locality Board; and").
LIST_END = re.compile(r"[\s;,.]*(\band)?[\s;,.]*$")


@dataclass(frozen=True)
class Paragraph:
    text: str  # "" for bullets that come before any paragraph
    bullets: tuple[str, ...] = ()


def paragraphs(text: str) -> list[Paragraph]:
    """The section's paragraphs in order, each with its bullets."""
    found: list[tuple[str, list[str]]] = []
    for raw in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            continue
        if BULLET.match(raw):
            if not found:
                found.append(("", []))
            found[-1][1].append(BULLET.sub("", raw).strip())
        else:
            found.append((TYPED_NUMBER.sub("", line), []))
    return [Paragraph(words, tuple(bullets)) for words, bullets in found]


def numbered(section: int, text: str) -> list[tuple[str, Paragraph]]:
    """(number, paragraph): "2.1", "2.2" …; bullets before any paragraph take no number."""
    result, count = [], 0
    for paragraph in paragraphs(text):
        if paragraph.text:
            count += 1
        result.append((f"{section}.{count}" if paragraph.text else "", paragraph))
    return result


def as_entries(text: str) -> list[str]:
    """The section as a list, one entry a paragraph, its bullets run on after it: the
    recommendations as the minute's "recommendations put" hold them, one line each."""
    entries = []
    for paragraph in paragraphs(text):
        bullets = [LIST_END.sub("", bullet) for bullet in paragraph.bullets]
        bullets = [bullet for bullet in bullets if bullet]
        if not bullets:
            entries.append(paragraph.text)
            continue
        listed = "; ".join(bullets) + "."
        entries.append(f"{paragraph.text} {listed}".strip())
    return entries
