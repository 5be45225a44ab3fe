"""A strategy plan shared between two laptops: made on one, with its progress and readings,
it is the same plan on the other; readings recorded on both merge; two laptops recording the
same quarter's progress keep both texts for the clerk to choose; sync refuses nothing the
window would take, and its rows are found by search on the other laptop."""

from __future__ import annotations

from desktop_app.services import search
from desktop_app.services.plans import actions, measures, outline, plans
from desktop_app.sync.conflicts import open_conflicts
from tests.plans.seed import TODAY, seed_plan
from tests.sync.replicas import laptops


def test_a_plan_made_on_one_laptop_is_the_same_plan_on_the_other(tmp_path):
    first, second = laptops(tmp_path, 2)
    with first.opened():
        seed = seed_plan(monitored=True)
        made = outline.plan_outline(seed.plan_id)
    first.sync()
    second.sync()
    assert first.export() == second.export()
    with second.opened():
        assert outline.plan_outline(seed.plan_id) == made
        (hit,) = search.search("stakeholder event celebrating")
        assert hit.plan_id == seed.plan_id


def test_readings_recorded_on_both_laptops_merge(tmp_path):
    first, second = laptops(tmp_path, 2)
    with first.opened():
        seed = seed_plan()
        measure_id = outline.plan_outline(seed.plan_id).measures[0].id
    first.sync()
    second.sync()
    with first.opened():
        measures.record_reading(measure_id=measure_id, date="2012-09-30", value=26.0, today=TODAY)
    with second.opened():
        measures.record_reading(measure_id=measure_id, date="2013-03-31", value=25.1, today=TODAY)
    first.sync()
    second.sync()
    first.sync()
    assert first.export() == second.export()
    with first.opened():
        values = [r.value for r in outline.measure_readings(measure_id)]
    assert values == [26.0, 25.1]


def test_the_same_quarters_progress_from_two_laptops_keeps_both_texts(tmp_path):
    first, second = laptops(tmp_path, 2)
    with first.opened():
        seed = seed_plan()
        action_id = outline.plan_outline(seed.plan_id).actions[0].id
    first.sync()
    second.sync()
    with first.opened():
        actions.record_progress(
            action_id=action_id, quarter="2013-01-01", text="Two centres open.", today=TODAY
        )
    with second.opened():
        actions.record_progress(
            action_id=action_id, quarter="2013-01-01", text="Funding agreed.", today=TODAY
        )
    first.sync()
    second.sync()
    first.sync()
    assert first.export() == second.export()
    with first.opened():
        [conflict] = open_conflicts()
        assert (conflict.table, conflict.field) == ("plan_progress", "text")
        assert {conflict.mine.value, conflict.theirs.value} == {
            "Two centres open.",
            "Funding agreed.",
        }


def test_a_target_set_by_the_old_period_while_the_period_moved_is_shown_as_a_clash(tmp_path):
    first, second = laptops(tmp_path, 2)
    with first.opened():
        seed = seed_plan()
        view = outline.plan_outline(seed.plan_id)
        outcome_id = view.priorities[0].outcomes[0].id
        starts = min(a.target for a in view.actions if a.target)
    first.sync()
    second.sync()
    with first.opened():  # the plan now starts with its first target's quarter
        plans.update_plan(plan_id=seed.plan_id, starts=starts.replace(day=1))
    with second.opened():  # a target by the period as it was: the window took it
        actions.add_plan_action(
            outcome_id=outcome_id, text="Early help hub", target=view.starts.isoformat()
        )
    first.sync()
    report = second.sync()

    [clash] = report.clashes
    assert clash.kind == "plan target"
    assert "target date of “Early help hub”" in clash.message
    assert "is before the plan starts" in clash.message
    with second.opened():  # both sides kept: the action and the plan's new period
        assert any(a.text == "Early help hub" for a in outline.plan_outline(seed.plan_id).actions)
        assert outline.plan_outline(seed.plan_id).starts == starts.replace(day=1)
