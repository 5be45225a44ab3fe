"""The pack's page numbers across issues: published labels never move, labels are unique,
and added pages follow the page they come after (23a–23d)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.documents.page_labels import Part, assign_labels, describe_changes, sort_key


def test_first_issue_numbers_pages_from_one():
    labels = assign_labels({}, [("agenda", 2), ("index", 1), ("a", 3)])
    assert labels == {"agenda": ("1", "2"), "index": ("3",), "a": ("4", "5", "6")}


def test_paper_added_after_page_23_takes_23a_to_23d():
    previous = {"x": [str(n) for n in range(4, 24)], "z": ["24", "25"]}
    labels = assign_labels(previous, [("x", 20), ("new", 4), ("z", 2)])
    assert labels["new"] == ("23a", "23b", "23c", "23d")
    assert labels["z"] == ("24", "25")


def test_paper_added_at_the_end_carries_on_with_whole_numbers():
    labels = assign_labels({"x": ["1", "2"]}, [("x", 2), ("new", 2)])
    assert labels["new"] == ("3", "4")


def test_withdrawn_numbers_are_not_used_again():
    previous = {"x": ["1", "2"], "gone": ["3", "4"]}
    labels = assign_labels(previous, [("x", 2), ("new", 2)])
    assert labels["new"] == ("2a", "2b")


def test_a_paper_between_two_supplements_takes_a_longer_suffix():
    previous = {"x": ["23"], "y": ["23a", "23b", "23c", "23d"], "z": ["23e"]}
    labels = assign_labels(previous, [("x", 1), ("y", 4), ("new", 2), ("z", 1)])
    assert labels["new"] == ("23da", "23db")


def test_no_room_before_23a_goes_after_that_page_s_supplements():
    previous = {"x": ["23"], "y": ["23a", "23b"], "z": ["24"]}
    labels = assign_labels(previous, [("x", 1), ("new", 1), ("y", 2), ("z", 1)])
    assert labels["new"] == ("23c",)


def test_a_longer_front_matter_takes_letters_and_a_shorter_leaves_gaps():
    previous = {"agenda": ["1", "2"], "index": ["3"], "p": ["4"]}
    longer = assign_labels(previous, [("agenda", 3), ("changes", 1), ("index", 1), ("p", 1)])
    assert longer == {"agenda": ("1", "2", "2a"), "changes": ("2b",), "index": ("3",), "p": ("4",)}
    shorter = assign_labels(previous, [("agenda", 1), ("index", 1), ("p", 1)])
    assert shorter["agenda"] == ("1",)


def test_labels_sort_by_number_then_suffix():
    ordered = ["2", "9", "23", "23a", "23ab", "23b", "23z", "23za", "24", "100"]
    assert sorted(reversed(ordered), key=sort_key) == ordered


def test_changes_name_added_replaced_and_withdrawn_papers_with_their_pages():
    before = [
        Part("agenda", "Agenda", "", ("1", "2"), fingerprint="a"),
        Part("old", "Budget report", "34", ("3", "4")),
        Part("keep", "Performance", "35", ("5",)),
        Part("drop", "Depot valuation", "40", ("6", "7")),
    ]
    after = [
        Part("agenda", "Agenda", "", ("1", "2"), fingerprint="b"),
        Part("new", "Budget report (revised)", "34", ("2a", "2b")),
        Part("keep", "Performance", "35", ("5",)),
        Part("extra", "Annex", "35", ("5a",)),
    ]
    assert describe_changes(before, after) == [
        "Revised: the agenda (its items, time or venue), pages 1–2.",
        "Replaced on item 34: “Budget report” (pages 3–4, now not used) by "
        "“Budget report (revised)”, pages 2a–2b.",
        "Added to item 35: “Annex”, page 5a.",
        "Withdrawn from item 40: “Depot valuation”; pages 6–7 are not used.",
    ]
    assert describe_changes(after, after) == []


# A history of issues: each reissue inserts new parts anywhere and withdraws some.
step = st.tuples(
    st.lists(st.tuples(st.integers(0, 50), st.integers(1, 5)), max_size=4),  # (where, pages)
    st.lists(st.integers(0, 50), max_size=2),  # which parts to withdraw
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(1, 6), min_size=1, max_size=6), st.lists(step, max_size=5))
def test_published_labels_never_move_and_stay_unique_and_in_order(first, history):
    order = [(f"p{n}", pages) for n, pages in enumerate(first)]
    labels = assign_labels({}, order)
    total = sum(first)
    assert [label for key, _ in order for label in labels[key]] == [
        str(n) for n in range(1, total + 1)
    ]
    ever: dict[str, tuple[str, ...]] = dict(labels)
    made = len(order)
    for additions, withdrawals in history:
        order = list(order)
        for where in withdrawals:
            if len(order) > 1:
                order.pop(where % len(order))
        new = set()
        for where, pages in additions:
            key = f"p{made}"
            made += 1
            new.add(key)
            order.insert(where % (len(order) + 1), (key, pages))
        labels = assign_labels(ever, order)
        for key, pages in order:
            assert len(labels[key]) == pages
            if key in ever:
                assert labels[key] == ever[key]  # published labels never move
        everything = [label for key in ever if key not in labels for label in ever[key]]
        everything += [label for key, _ in order for label in labels[key]]
        assert len(everything) == len(set(everything))  # withdrawn numbers stay unused
        _assert_in_order(order, labels, new, ever)
        ever.update(labels)


def _assert_in_order(order, labels, new, ever) -> None:
    """Each new part comes after the part it follows, and before the part after it unless
    no label fits right after the page it follows (23, when 23a is taken): then it follows
    that page's supplements."""
    pages = [(key, [sort_key(label) for label in labels[key]]) for key, _ in order]
    taken = sorted(sort_key(label) for published in ever.values() for label in published)
    for _, keys in pages:
        assert keys == sorted(keys)
    for n, (key, keys) in enumerate(pages):
        if key not in new:
            continue
        before = pages[n - 1][1][-1] if n else (0, "")
        assert keys[0] > before
        if n + 1 == len(pages) or keys[-1] < pages[n + 1][1][0]:
            continue
        k = n
        while k >= 0 and pages[k][0] in new:
            k -= 1
        whole, suffix = pages[k][1][-1] if k >= 0 else (0, "")
        if (whole, suffix) >= pages[n + 1][1][0]:
            continue  # those two were already out of order: no room to keep
        assert next(label for label in taken if label > (whole, suffix)) == (whole, suffix + "a")
