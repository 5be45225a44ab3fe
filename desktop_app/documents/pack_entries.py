"""Which items and papers an agenda pack holds, and, for a public edition, the record of what
it shows, by which an issue is judged stale once anything it shows has become confidential.

An issued pack is kept byte for byte, so it cannot follow a later change: an item put into
Part II, a paper marked confidential or a Part II item given words the issue printed. Such
an issue must never be written out again. It is judged against a record made when it was
issued, not by reading its PDF back and searching it for confidential words, because that
search is unsound both ways: text extraction splits words at line ends and hyphens and finds
nothing in a scanned paper, so leaks pass; and a short Part II title ("Staffing") found
inside public wording would mark every later issue stale too, with no way to clear it. The
record holds the ids of the items and papers the issue printed, so each is caught whatever
its wording becomes; the SHA-256 of each paper's file, so the same file attached again as
confidential is caught; and a fingerprint of each text it printed, so words moved from a
public item into a Part II one are caught. Only what the public edition does not show now
counts, so an issue made now is never stale and a new issue always clears it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from desktop_app.documents.facts import ItemFacts, MeetingFacts, PaperFacts
from desktop_app.documents.page_labels import Part

# As the public agenda prints a Part II item: its number and this, never its title.
EXEMPT_TITLE = "Exempt item — not for publication"


@dataclass(frozen=True)
class Entry:
    """An item as the pack lists it, with the papers the pack holds for it."""

    item: ItemFacts
    depth: int
    exempt: bool  # a Part II item in the public edition: number and exemption only
    papers: list[PaperFacts] = field(default_factory=list)

    @property
    def title(self) -> str:
        return EXEMPT_TITLE if self.exempt else self.item.title


def pack_entries(facts: MeetingFacts, *, public: bool) -> list[Entry]:
    """Items in the agenda's order (Part I, then Part II; sub-items after their item). The
    public edition holds no confidential paper and shows no Part II item's sub-items."""
    entries: list[Entry] = []

    def walk(item: ItemFacts, depth: int) -> None:
        exempt = public and item.confidential
        papers = [] if exempt else [p for p in item.papers if not (public and p.confidential)]
        entries.append(Entry(item, depth, exempt, papers))
        if not exempt:
            for sub in item.sub_items:
                walk(sub, depth + 1)

    for item in [*facts.public_items(), *facts.confidential_items()]:
        walk(item, 0)
    return entries


@dataclass(frozen=True)
class Shown:
    """What a public edition shows: the items it prints, its papers, their files' SHA-256
    and a fingerprint of each item's and paper's title (the only free text it prints of
    them: purpose is one of three words, the presenter a name)."""

    items: frozenset[str] = frozenset()
    papers: frozenset[str] = frozenset()
    files: frozenset[str] = frozenset()
    texts: frozenset[str] = frozenset()

    def to_json(self) -> dict[str, list[str]]:
        return {name: sorted(getattr(self, name)) for name in ("items", "papers", "files", "texts")}

    @classmethod
    def from_json(cls, data: dict[str, list[str]]) -> Shown:
        return cls(**{name: frozenset(values) for name, values in data.items()})


def shown_in(entries: Sequence[Entry]) -> Shown:
    """What a public edition of `entries` shows."""
    printed = [entry for entry in entries if not entry.exempt]
    papers = [paper for entry in entries for paper in entry.papers]
    return Shown(
        items=frozenset(entry.item.id for entry in printed),
        papers=frozenset(paper.id for paper in papers),
        files=frozenset(paper.sha256 for paper in papers),
        texts=frozenset(
            _fingerprints(
                [entry.item.title for entry in printed] + [paper.title for paper in papers]
            )
        ),
    )


def now_confidential(shown: Shown, facts: MeetingFacts) -> str:
    """What of an issue that showed `shown` is confidential now, said as a clause naming
    the item (“item 34 has become confidential since it was issued”); "" if nothing is."""
    public_now = shown_in(pack_entries(facts, public=True))
    moved_files = shown.files - public_now.files
    moved_texts = shown.texts - public_now.texts
    for item in facts.all_items():
        if item.confidential and item.id in shown.items:
            return f"item {item.number} has become confidential since it was issued"
        secret = [p for p in item.papers if p.confidential or item.confidential]
        if any(paper.id in shown.papers for paper in secret):
            return f"a paper on item {item.number} has become confidential since it was issued"
        if any(paper.sha256 in moved_files for paper in secret):
            return f"a paper it holds is now a confidential paper on item {item.number}"
        texts = [paper.title for paper in secret]
        if item.confidential:
            texts += _item_texts(item)
        if moved_texts & set(_fingerprints(texts)):
            return f"words it prints are now in confidential item {item.number}"
    return ""


def now_confidential_papers(facts: MeetingFacts, previous: Sequence[Part]) -> set[str]:
    """The papers of earlier issues now confidential, or on an item now in Part II: a public
    reissue's changes page names them only as “a paper”, since it is published too."""
    secret = {
        paper.id
        for item in facts.all_items()
        for paper in item.papers
        if paper.confidential or item.confidential
    }
    part_two = {item.number for item in facts.all_items() if item.confidential}
    return secret | {part.key for part in previous if part.paper and part.item in part_two}


def _item_texts(item: ItemFacts) -> Iterator[str]:
    """Every text of an item that a public edition could have printed before it was Part II."""
    yield from (item.title, item.brief_note, item.overview, item.decision)
    yield from (item.notes, *item.key_points, *item.recommendations)
    yield from (resolution.text for resolution in item.resolutions)
    yield from (action.text for action in item.actions)
    yield from (declaration.description for declaration in item.declarations)


def _fingerprints(texts: Iterable[str]) -> Iterator[str]:
    # Compared whole, as printed: spacing and case do not make words new.
    for text in texts:
        words = " ".join(text.split()).casefold()
        if words:
            yield hashlib.sha256(words.encode()).hexdigest()
