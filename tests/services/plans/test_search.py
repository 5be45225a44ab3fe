"""A plan's words are found by search, in its body, and lost with what they are under."""

from __future__ import annotations

from desktop_app.services import search
from desktop_app.services.plans import actions, plans
from tests.plans.seed import TODAY, seed_plan


def test_a_plans_action_is_found_with_its_place_in_the_plan(database):
    seed = seed_plan()
    (hit,) = search.search("stakeholder event celebrating")
    assert (hit.kind, hit.plan_id, hit.minute_number) == ("plan", seed.plan_id, "1a")
    assert hit.title == "Community Development Strategy"
    assert hit.body_name == "Maidstone Locality Board"
    assert "«stakeholder»" in hit.snippet
    assert search.search("stakeholder event celebrating", body_id=seed.body_id)


def test_why_it_matters_measures_and_progress_are_found(database):
    seed = seed_plan()
    priority = plans.priorities_of(seed.plan_id)[0]
    (action, *_) = [a for o in plans.outcomes_of(priority.id) for a in actions.actions_of(o.id)]
    actions.record_progress(
        action_id=action.id, quarter="2013-01-01", text="Funding from Sure Start", today=TODAY
    )
    assert [h.minute_number for h in search.search("Marmot")] == ["Priority 1"]
    assert [h.minute_number for h in search.search("self-harm hospital")] == ["Priority 1"]
    assert [h.minute_number for h in search.search("Sure Start")] == ["1a"]


def test_words_under_a_deleted_priority_are_not_found_until_it_comes_back(database):
    seed = seed_plan()
    priority = plans.priorities_of(seed.plan_id)[0]
    plans.delete_priority(priority_id=priority.id)
    assert search.search("stakeholder event celebrating") == []
    plans.restore_priority(priority_id=priority.id)
    assert len(search.search("stakeholder event celebrating")) == 1


def test_a_deleted_plans_words_are_not_found(database):
    seed = seed_plan()
    plans.delete_plan(plan_id=seed.plan_id)
    assert search.search("Marmot") == []
