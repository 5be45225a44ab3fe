"""The minute of one item as flowables, in the layout of seed 004: the number in its own
column and the title in bold, then the clerk's labelled sections (Overview, Discussion – key
points, Recommendations, Decision), resolutions with how they were carried, actions, what
happened during the item, and the sub-items beneath. minutes_pdf.py adds the heading, the
attendance and the signature block."""

from __future__ import annotations

from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Table,
    TableStyle,
)

from desktop_app.dates import long_date
from desktop_app.documents import styles
from desktop_app.documents.facts import ActionFacts, ItemFacts, ResolutionFacts
from desktop_app.documents.fonts import BOLD, ITALIC, REGULAR
from desktop_app.documents.styles import text

DEEPEST_INDENT = 2  # sub-items deeper than this keep their parent's indent, not narrower
TITLED_KINDS = ("presentation", "paper")  # the seed prints "(presentation)" after the title
VOTE_WORDS = {"for": "For", "against": "Against", "abstain": "Abstained"}


@cache
def indented(style: ParagraphStyle, left: float) -> ParagraphStyle:
    """The style moved right by `left` points (a minute's text sits beside its number)."""
    return ParagraphStyle(
        f"{style.name}+{left:g}",
        parent=style,
        leftIndent=style.leftIndent + left,
        bulletIndent=style.bulletIndent + left,
        bulletFontName=REGULAR,  # reportlab's default bullet face is Helvetica, not embedded
    )


_label = ParagraphStyle(
    "minute_label", parent=styles.body, fontName=BOLD, spaceBefore=4, spaceAfter=2
)
# Room a heading needs below it, or it starts the next page. Not keepWithNext: that moves a
# long overview whole to the next page and leaves a half-empty one behind.
HEAD_ROOM = 5 * styles.LEADING
LABEL_ROOM = 3 * styles.LEADING
_number = ParagraphStyle("minute_number", parent=styles.cell_bold)
_event = ParagraphStyle("minute_event", parent=styles.body, fontName=ITALIC)
_vote = ParagraphStyle("minute_vote", parent=styles.small, spaceAfter=4)
_presenter = ParagraphStyle("minute_presenter", parent=styles.muted, fontSize=9.5, leading=12)
_exempt = ParagraphStyle("minute_exempt", parent=styles.cell, fontName=ITALIC)


def minute(
    item: ItemFacts, *, public: bool, columns: styles.NumberColumns, depth: int = 0
) -> list[Flowable]:
    """The item's minute and its sub-items', numbers in `columns`. In a public edition a
    Part II item shows only its number and the exemption, never its title or any word of
    its minute."""
    level = min(depth, DEEPEST_INDENT)
    left, width = columns.offset(level), columns.width(level)
    if public and item.confidential:
        return [_numbered(item.number, exempt_wording(item), left, width, _exempt)]
    title = f"<b>{text(item.title)}</b>"
    if item.kind in TITLED_KINDS:
        title += f" ({item.kind})"
    if _is_bare(item):
        # A paper noted without discussion: one line, as the seed lists information items.
        extra = f", {text(item.presenter)}" if item.presenter else ""
        return [_numbered(item.number, title + extra, left, width, styles.cell)]
    head = _numbered(item.number, title, left, width, styles.cell)
    inner = left + width
    sections = _sections(item, inner, public)
    # A heading with nothing of its own under it needs room for its first sub-item's too:
    # "Planning applications" never ends a page alone.
    room = HEAD_ROOM if sections or not item.sub_items else 2 * HEAD_ROOM
    story: list[Flowable] = [CondPageBreak(room), head]
    if item.presenter:
        story.append(Paragraph(text(item.presenter), indented(_presenter, inner)))
    if item.follows_up:
        story.append(
            Paragraph(f"Following up {text(item.follows_up)}", indented(_presenter, inner))
        )
    story += sections
    for sub in item.sub_items:
        story += minute(sub, public=public, columns=columns, depth=depth + 1)
    return story


def exempt_wording(item: ItemFacts) -> str:
    """What a public edition says in place of a Part II minute."""
    where = "Schedule 12A"
    if item.exempt_paragraph:
        where += f", paragraph {text(item.exempt_paragraph)}"
    return f"Exempt item — the minute of this item is confidential ({where})"


def resolution(res: ResolutionFacts, left: float) -> list[Flowable]:
    """“RESOLVED: That …”, then how it was carried, who moved it and any recorded vote."""
    wording = f"<b>{res.outcome.upper()}:</b> {text(res.text)}"
    if res.approves_sha256 and not res.approval:
        version = f"version {res.approves_version}, " if res.approves_version else ""
        wording += (
            f' <font color="{styles.MUTED.hexval()}">'
            f"({version}SHA-256 {res.approves_sha256[:16]}…)</font>"
        )
    story: list[Flowable] = [Paragraph(wording, indented(styles.body, left))]
    if res.approval:
        # The chained record: these minutes vouch for the exact version they approved.
        story.append(Paragraph(text(res.approval), indented(_vote, left)))
    line = carried(res)
    if line:
        story.append(Paragraph(text(line), indented(_vote, left)))
    if res.named_votes:
        story.append(Paragraph(text(named_votes(res)), indented(_vote, left)))
    # How a motion was carried belongs with its wording: a page break never parts them.
    return [KeepTogether(story)]


def carried(res: ResolutionFacts) -> str:
    """“Proposed by Cllr Cooke, seconded by Cllr Ring; carried (For 8, Against 2,
    Abstentions 1).”; "" when the clerk recorded none of it."""
    parts = []
    if res.proposer:
        moved = f"Proposed by {res.proposer}"
        if res.seconder:
            moved += f", seconded by {res.seconder}"
        parts.append(moved)
    elif res.seconder:
        parts.append(f"Seconded by {res.seconder}")
    counts = ", ".join(
        f"{word} {count}"
        for word, count in (
            ("For", res.votes_for),
            ("Against", res.votes_against),
            ("Abstentions", res.votes_abstain),
        )
        if count is not None
    )
    verb = "lost" if res.outcome == "rejected" else "carried"
    if res.outcome == "withdrawn":
        outcome = ""
    elif res.casting_vote:
        outcome = f"{verb} on the Chair's casting vote"
    elif verb == "carried" and _unanimous(res):
        # No one against and no one abstaining: clerks say so rather than count noughts.
        return _sentence([*parts, f"carried unanimously (all {res.votes_for} in favour)"])
    elif res.unopposed:
        outcome = f"{verb} unopposed"
    elif counts:
        outcome = verb
    else:
        outcome = ""
    if counts and outcome:
        outcome += f" ({counts})"
    elif counts:
        outcome = f"({counts})"
    if outcome:
        parts.append(outcome)
    return _sentence(parts)


def _unanimous(res: ResolutionFacts) -> bool:
    return bool(res.votes_for) and not res.votes_against and not res.votes_abstain


def _sentence(parts: list[str]) -> str:
    if not parts:
        return ""
    line = "; ".join(parts)
    return line[:1].upper() + line[1:] + "."


def named_votes(res: ResolutionFacts) -> str:
    """“Recorded vote — For: A, B. Against: C.”, names in the order facts gives them."""
    groups = []
    for vote, word in VOTE_WORDS.items():
        names = [name for name, cast in res.named_votes if cast == vote]
        if names:
            groups.append(f"{word}: {', '.join(names)}.")
    return "Recorded vote — " + " ".join(groups)


def action_line(action: ActionFacts) -> str:
    """“Action: text — owner, by 17 March 2013” as paragraph markup."""
    who = [text(action.owner)] if action.owner else []
    if action.due:
        who.append(f"by {long_date(action.due)}")
    tail = f" — <i>{', '.join(who)}</i>" if who else ""
    return f"<b>Action:</b> {text(action.text)}{tail}"


# -- inside one minute -------------------------------------------------------------------------


def _sections(item: ItemFacts, left: float, public: bool) -> list[Flowable]:
    structured = item.overview or item.key_points or item.recommendations or item.decision
    # What the record says for the item (apologies received, the next meeting's date) comes
    # first, whatever the clerk wrote besides.
    story: list[Flowable] = [
        Paragraph(text(line), indented(styles.body, left)) for line in item.recorded
    ]
    notes = styles.paragraphs(item.notes, indented(styles.body, left)) if item.notes else []
    if not structured:
        # A short minute ("All matters and actions arising agreed") is the minute itself.
        story += notes
    if item.overview:
        # A lone overview is the minute itself; the label marks it off from other sections.
        if item.key_points or item.recommendations or item.decision:
            story += _label_of("Overview:", left)
        story += styles.paragraphs(item.overview, indented(styles.body, left))
    if item.key_points:
        story += _label_of("Discussion – key points:", left)
        story += _bullets(item.key_points, left)
    if item.recommendations:
        word = "Recommendations:" if len(item.recommendations) > 1 else "Recommendation:"
        story += _label_of(word, left)
        story += _bullets(item.recommendations, left)
    if item.decision:
        story += _label_of("Decision:", left)
        story += styles.paragraphs(item.decision, indented(styles.body, left))
    if structured:
        story += notes
    for res in item.resolutions:
        story += resolution(res, left)
    for action in item.actions:
        story.append(Paragraph(action_line(action), indented(styles.body, left)))
    for event in item.events:
        story.append(Paragraph(text(event), indented(_event, left)))
    papers = [p.title for p in item.papers if not (public and p.confidential)]
    if papers:
        noun = "Papers" if len(papers) > 1 else "Paper"
        line = f"{noun}: {'; '.join(text(title) for title in papers)}"
        story.append(Paragraph(line, indented(_presenter, left)))
    return story


def _label_of(word: str, left: float) -> list[Flowable]:
    return [CondPageBreak(LABEL_ROOM), Paragraph(word, indented(_label, left))]


def _bullets(entries: list[str], left: float) -> list[Flowable]:
    style = indented(styles.bullet, left)
    story = []
    for entry in entries:
        pieces = styles.paragraphs(entry, style)
        if pieces:
            # Only the first piece of a long point carries the bullet.
            pieces[0] = Paragraph(pieces[0].text, style, bulletText="•")
        story += pieces
    return story


def _is_bare(item: ItemFacts) -> bool:
    """Nothing was minuted on the item: it is listed, not set out."""
    return not (
        item.recorded
        or item.overview
        or item.key_points
        or item.recommendations
        or item.decision
        or item.notes
        or item.resolutions
        or item.actions
        or item.events
        or item.sub_items
    )


def _numbered(number: str, markup: str, left: float, width: float, style) -> Table:
    """One row: the number in its column, the text beside it (wrapping under itself)."""
    number_style = indented(_number, left)
    table = Table(
        [[Paragraph(text(number), number_style), Paragraph(markup, style)]],
        colWidths=[left + width, styles.TEXT_WIDTH - left - width],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR),  # the cells' own font, never Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    table.spaceBefore = 6
    return table
