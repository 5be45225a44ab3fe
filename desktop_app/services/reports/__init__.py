"""Committee reports written in the app (seed 003, issue 15): an officer's report on an
agenda item in the seed's numbered sections, drafted from its body's template, submitted,
and approved for publication by a named officer; once approved it is the item's paper in
the agenda pack, and its recommendations are offered as those put in the item's minute.

- sections.py: the sections and other implications, and what a report's content is;
- paragraphs.py: a section's text as numbered paragraphs (1.1, 1.2) and bullets;
- templates.py: a body's template (its heading, its sections, their default wording);
- writing.py: making, editing and deleting a report;
- workflow.py: submitting and approving it, and which reports are the items' papers.
"""
