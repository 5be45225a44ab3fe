"""The printed page numbers of an agenda pack across its issues (DESIGN.md §4, supplements).

The first issue numbers its pages 1, 2, 3 … . Once a pack is published its numbers never
move: in a reissue each part keeps the labels it had, a part added since takes labels after
the part it follows ("23a"–"23d" after page 23), and a withdrawn part's labels stay unused.
A viewer shows the same labels, from the PDF's /PageLabels.

A label is a whole number with an optional suffix of small letters; labels sort by the
number, then by the suffix as a word ("23" < "23a" < "23ab" < "23b" < "24"), which always
leaves room between two suffixes except right after a whole number ("23" and "23a").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pypdf loads only when a pack is made: it slows the window's start
    from pypdf import PdfWriter

LABEL = re.compile(r"([0-9]+)([a-z]*)")
FRONT = ("agenda", "changes", "index")  # the parts before the papers, in pack order


@dataclass(frozen=True)
class Part:
    """One part of a pack as issued: the agenda, the index, the changes page, or a paper."""

    key: str  # a paper's document id, or "agenda", "changes", "index"
    title: str
    item: str  # the item's number as printed ("" for the front matter)
    labels: tuple[str, ...]
    withdrawn: bool = False  # left out of this issue; its labels stay unused
    fingerprint: str = ""  # of what the agenda prints, to tell when it was revised

    @property
    def paper(self) -> bool:
        return self.key not in FRONT

    @property
    def pages(self) -> str:
        """“page 7” or “pages 23a–23d”."""
        if len(self.labels) == 1:
            return f"page {self.labels[0]}"
        return f"pages {self.labels[0]}–{self.labels[-1]}"


def sort_key(label: str) -> tuple[int, str]:
    """Where a label sorts: "23a" → (23, "a")."""
    match = LABEL.fullmatch(label)
    if match is None:
        raise ValueError(f"not a page label: {label!r}")
    return int(match.group(1)), match.group(2)


def assign_labels(
    previous: Mapping[str, Sequence[str]], parts: Sequence[tuple[str, int]]
) -> dict[str, tuple[str, ...]]:
    """Labels for `parts` ((key, page count) in pack order) given the labels every part of
    earlier issues had, withdrawn ones included. A part keeps its labels (the first `count`
    of them); its further pages, and the pages of a new part, come after its predecessor."""
    occupied = sorted({sort_key(label) for labels in previous.values() for label in labels})
    result: dict[str, tuple[str, ...]] = {}
    anchor: tuple[int, str] | None = None  # the last label placed so far, in pack order
    for key, count in parts:
        kept = tuple(previous.get(key, ()))[:count]
        if kept:
            anchor = sort_key(kept[-1])
        added = _labels_after(anchor, count - len(kept), occupied)
        occupied = sorted({*occupied, *added})
        labels = kept + tuple(_text(label) for label in added)
        result[key] = labels
        if labels:
            anchor = sort_key(labels[-1])
    return result


def _labels_after(
    anchor: tuple[int, str] | None, count: int, occupied: list[tuple[int, str]]
) -> list[tuple[int, str]]:
    if count <= 0:
        return []
    start = anchor or (0, "")
    following = next((label for label in occupied if label > start), None)
    if following is None:
        # Nothing is printed after it: plain numbers carry on.
        return [(start[0] + n, "") for n in range(1, count + 1)]
    bound = following[1] if following[0] == start[0] else None
    suffixes = _suffixes_between(start[1], bound, count)
    if suffixes is None:
        # No word sorts between "23" and "23a": go after the page's last supplement instead.
        last = max(label for label in occupied if label[0] == start[0])
        return _labels_after(last, count, occupied)
    return [(start[0], suffix) for suffix in suffixes]


def _suffixes_between(low: str, high: str | None, count: int) -> list[str] | None:
    """`count` suffixes after `low` and before `high` (None: no bound), in order."""
    found = []
    current = low
    for _ in range(count):
        current = _next_suffix(current, high)
        if current is None:
            return None
        found.append(current)
    return found


def _next_suffix(current: str, high: str | None) -> str | None:
    candidates = []
    if current and current[-1] < "z":
        candidates.append(current[:-1] + chr(ord(current[-1]) + 1))  # "a" → "b"
    candidates.append(current + "a")  # "z" → "za"; "d" → "da" to fit before "e"
    for candidate in candidates:
        if high is None or candidate < high:
            return candidate
    return None


def _text(label: tuple[int, str]) -> str:
    return f"{label[0]}{label[1]}"


def write_page_labels(writer: PdfWriter, labels: Sequence[str]) -> None:
    """The /PageLabels tree: runs of whole numbers as one decimal range, any other label
    (23a) as its own page's prefix."""
    start = 0
    while start < len(labels):
        number, suffix = sort_key(labels[start])
        end = start
        if not suffix:
            while end + 1 < len(labels) and labels[end + 1] == str(number + end + 1 - start):
                end += 1
            writer.set_page_label(start, end, style="/D", start=number)
        else:
            writer.set_page_label(start, start, prefix=labels[start])
        start = end + 1


def describe_changes(
    previous: Sequence[Part], current: Sequence[Part], *, untitled: Collection[str] = ()
) -> list[str]:
    """What a reissue says changed since the issue before: papers added, replaced, restored
    and withdrawn with their pages, and a revised agenda. Empty when nothing changed. A paper
    in `untitled` (by key) is named only as “a paper”."""

    def named(part: Part) -> str:
        return "a paper" if part.key in untitled else f"“{part.title}”"

    before = {part.key: part for part in previous}
    now = {part.key: part for part in current}
    live_before = {key for key, part in before.items() if not part.withdrawn}
    lines = []
    agenda_then, agenda_now = before.get("agenda"), now.get("agenda")
    if agenda_then and agenda_now and agenda_then.fingerprint != agenda_now.fingerprint:
        lines.append(f"Revised: the agenda (its items, time or venue), {agenda_now.pages}.")
    papers_now = [p for p in current if p.paper and p.key not in live_before]
    gone = [p for p in previous if p.paper and not p.withdrawn and p.key not in now]
    replaced = {}
    for part in gone:
        partner = next((p for p in papers_now if p.item == part.item and p not in replaced), None)
        if partner is not None:
            replaced[partner] = part
    for part in papers_now:
        if part in replaced:
            old = replaced[part]
            lines.append(
                f"Replaced on item {part.item}: {named(old)} ({old.pages}, now not used) "
                f"by “{part.title}”, {part.pages}."
            )
        elif part.key in before:
            lines.append(f"Restored on item {part.item}: “{part.title}”, {part.pages}.")
        else:
            lines.append(f"Added to item {part.item}: “{part.title}”, {part.pages}.")
    for part in gone:
        if part not in replaced.values():
            lines.append(
                f"Withdrawn from item {part.item}: {named(part)}; {part.pages} are not used."
                if len(part.labels) > 1
                else f"Withdrawn from item {part.item}: {named(part)}; {part.pages} is not used."
            )
    return lines
