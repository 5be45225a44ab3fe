"""The sections of a committee report, in the order seed 003 prints them, and the other
implications it weighs; the report's content, as approval fingerprints it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

# (field, heading): the numbered sections whose text the officer writes. Other
# Implications and Appendices are printed among them, in the places `ORDER` gives.
TEXT_SECTIONS = (
    ("introduction", "Introduction"),
    ("recommendations", "Recommendation"),
    ("reasons", "Reasons for Recommendation"),
    ("alternatives", "Alternative Action and why not Recommended"),
    ("impact", "Impact on Corporate Objectives"),
    ("risk", "Risk Management"),
    ("background", "Background Documents"),
)
IMPLICATIONS_SECTION = "implications"
APPENDICES_SECTION = "appendices"
ORDER = (
    "introduction",
    "recommendations",
    "reasons",
    "alternatives",
    "impact",
    "risk",
    IMPLICATIONS_SECTION,
    "background",
    APPENDICES_SECTION,
)
HEADINGS = {
    **dict(TEXT_SECTIONS),
    IMPLICATIONS_SECTION: "Other Implications",
    APPENDICES_SECTION: "Appendices",
}
# The sections a template may leave out; the appendices are the item's other papers.
CHOOSABLE = tuple(key for key in ORDER if key != APPENDICES_SECTION)

# (field, label): each is marked relevant (`<field>_relevant`) or not, with its text.
IMPLICATIONS = (
    ("financial", "Financial"),
    ("staffing", "Staffing"),
    ("legal", "Legal"),
    ("equality", "Equality Impact Needs Assessment"),
    ("environmental", "Environmental/Sustainable Development"),
    ("community_safety", "Community Safety"),
    ("human_rights", "Human Rights Act"),
    ("procurement", "Procurement"),
    ("asset_management", "Asset Management"),
)
TEXTS = ("title", "report_of_role", *(k for k, _ in TEXT_SECTIONS), *(k for k, _ in IMPLICATIONS))
FLAGS = tuple(f"{key}_relevant" for key, _ in IMPLICATIONS)
EDITABLE = (*TEXTS, "report_of_id", *FLAGS)


def appendix_letter(index: int) -> str:
    """A, B, … Z, then AA, AB …: more than 26 appendices is rare, never impossible."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if index < len(letters):
        return letters[index]
    return appendix_letter(index // len(letters) - 1) + letters[index % len(letters)]


def relevant_flag(implication: str) -> str:
    return f"{implication}_relevant"


def content_sha256(values: Mapping[str, Any], report_of_key: str) -> str:
    """The fingerprint of what a report says, as approval records it: its texts and flags,
    and the officer it is of by their key (not their row's id), so the same report
    imported into another data folder keeps the approval it was given."""
    content = {name: values[name] for name in (*TEXTS, *FLAGS)}
    content["report_of"] = report_of_key
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
