"""Quarterly updates (seeds 000 and 002, issue 15): a delivery group's report to its parent
board for a quarter. Drafted from the record (the group's meetings in the quarter and their
decisions, its plans' actions and measures as they stood then, its open actions), edited by
the officer who prepares it, given an overall RAG, and attached to the board's next meeting
as the paper of an information item. A board can print its groups' updates as one.

- rules.py: every check on an update's values, shared by the window, import and sync;
- record.py: what the record holds for a group's quarter, and the draft made from it;
- writing.py: drafting, editing and deleting an update, and reading it back;
- attaching.py: an update put on the board's next meeting as an information item's paper;
- combined.py: a board's quarter, every group's update in one (seed 002).
"""
