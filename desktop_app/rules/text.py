"""Which characters text may hold (issue 12), for every place text enters.

A lone surrogate (half of a UTF-16 pair, "\\ud800": valid JSON, and what Python makes of a
command-line argument that is not UTF-8) cannot be written as UTF-8, so SQLite and every
PDF would fail on it; NUL ends a string in C. Both are refused, naming the field.

The other control characters (C0, U+0001–U+001F, and DEL) are invisible, print as
nothing or as boxes, and never come from the keyboard; they are refused too rather than
silently dropped, so the text stored is always the text the clerk gave, and an import
stays idempotent. Free text keeps line breaks and tabs (\\n, \\r, \\t); a name or title is
one line, so it keeps none of them.
"""

from __future__ import annotations

import re

# Lone surrogates, NUL, and the C0 controls but tab, line feed and carriage return, and DEL.
_FREE_TEXT_FAULT = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAK = re.compile("[\n\r]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def character_fault(text: str, *, single_line: bool) -> str | None:
    """Why `text` cannot be stored, as the end of a sentence naming the field
    ("contains a lone surrogate (U+D800), which is not a character"); None if it can."""
    found = _FREE_TEXT_FAULT.search(text)
    if found is not None:
        char = found.group()
        code = f"U+{ord(char):04X}"
        if _SURROGATE.match(char):
            return (
                f"contains half of a character ({code}, a lone surrogate), which cannot be stored"
            )
        if char == "\x00":
            return "contains a character that cannot be stored (NUL)"
        return f"contains an invisible control character ({code}); remove it"
    if single_line and _LINE_BREAK.search(text):
        return "must be a single line of text"
    if single_line and "\t" in text:
        return "must be a single line of text, without tabs"
    return None


def printable(message: str) -> str:
    """`message` with any lone surrogate shown as U+FFFD, so it can always be printed."""
    return _SURROGATE.sub("\ufffd", message)
