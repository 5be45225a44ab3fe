"""A strategy plan through its services: priorities, outcomes, actions with partners and
progress, measures with readings; each refusal one sentence that writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.services.decisions import actions as meeting_actions
from desktop_app.services.directory import bodies, organisations
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.services.plans import actions, links, measures, outline, plans, quarter_progress
from desktop_app.services.plans.quarters import quarter_label, quarter_months, quarter_of
from desktop_app.storage.models import JournalEntry, PlanReading

TODAY = dt.date(2013, 6, 1)


@pytest.fixture
def plan(database):
    body = bodies.create_body(name="Maidstone Locality Board")
    return plans.create_plan(
        body_id=body.id,
        title="Community Development Strategy",
        starts="1 April 2012",
        ends="31/03/2016",
    )


@pytest.fixture
def priority(plan):
    return plans.add_priority(plan_id=plan.id, title="Tackling disadvantage", why="- Point one")


@pytest.fixture
def outcome(priority):
    return plans.add_outcome(priority_id=priority.id, text="Improve early years development")


@pytest.fixture
def action(outcome):
    return actions.add_plan_action(
        outcome_id=outcome.id,
        text="Increase targeted support for families with children aged 0-3",
        target="31 December 2015",
        target_wording="By December 2015",
    )


@pytest.fixture
def measure(priority):
    return measures.add_measure(
        priority_id=priority.id,
        name="Percentage of obese adults",
        unit="%",
        baseline="26.5",
        baseline_date="1 January 2012",
        comparator=24.2,
        comparator_label="national average",
        target="24.2%",
        target_date="31 March 2016",
    )


def test_priorities_are_numbered_and_outcomes_lettered_in_turn(priority):
    second = plans.add_priority(plan_id=priority.plan_id, title="Reduce worklessness")
    first_outcome = plans.add_outcome(priority_id=priority.id, text="Early years")
    second_outcome = plans.add_outcome(priority_id=priority.id, text="Health inequalities")
    assert (priority.number, second.number) == (1, 2)
    assert (first_outcome.letter, second_outcome.letter) == ("a", "b")


def test_the_outline_holds_the_plan_as_the_seed_shapes_it(action, measure):
    organisation = organisations.create_organisation(name="Voluntary Action Maidstone")
    actions.add_partner(action_id=action.id, organisation_id=organisation.id)
    got = outline.plan_outline(action.plan_id)
    assert got.period == "2012–2016"
    (priority,) = got.priorities
    assert priority.why_points == ["Point one"]
    (view,) = priority.actions
    assert view.code == "1a"
    assert view.target_text == "By December 2015"
    assert [p.name for p in view.partners] == ["Voluntary Action Maidstone"]
    (measured,) = priority.measures
    assert (measured.baseline, measured.target, measured.lower_is_better) == (26.5, 24.2, True)
    assert measured.figure(measured.baseline) == "26.5%"


def test_every_plan_record_is_journalled(action, measure):
    tables = {entry.table_name for entry in JournalEntry.select()}
    assert {"plan", "plan_priority", "plan_outcome", "plan_action", "plan_measure"} <= tables


def test_a_plan_ending_before_it_starts_is_refused(refused, database):
    body = bodies.create_body(name="Board")
    with refused("not after it starts"):
        plans.create_plan(body_id=body.id, title="Plan", starts="2016-01-01", ends="2012-01-01")


def test_an_impossible_date_is_refused(refused, database):
    body = bodies.create_body(name="Board")
    with refused("February"):
        plans.create_plan(body_id=body.id, title="Plan", starts="30/02/2012", ends="2016-01-01")


def test_an_empty_title_is_refused(refused, database):
    body = bodies.create_body(name="Board")
    with refused("title cannot be empty"):
        plans.create_plan(body_id=body.id, title="  ", starts="2012-04-01", ends="2016-03-31")


def test_a_target_date_before_the_plan_starts_is_refused(refused, outcome):
    with refused("before the plan starts on 1 April 2012"):
        actions.add_plan_action(outcome_id=outcome.id, text="Event", target="31 March 2011")


def test_a_target_date_after_the_plan_ends_is_refused(refused, outcome):
    with refused("after the plan ends on 31 March 2016"):
        actions.add_plan_action(outcome_id=outcome.id, text="Event", target="1 April 2017")


def test_shortening_the_plan_past_an_actions_target_is_refused(refused, action):
    with refused("after the plan ends"):
        plans.update_plan(plan_id=action.plan_id, ends="2014-03-31")


def test_a_measure_without_a_unit_is_refused(refused, priority):
    with refused("needs a unit"):
        measures.add_measure(priority_id=priority.id, name="Obese adults", unit=" ")


def test_a_measure_with_a_figure_that_is_not_a_number_is_refused(refused, priority):
    with refused("baseline must be a number"):
        measures.add_measure(
            priority_id=priority.id, name="Obese adults", unit="%", baseline="lots"
        )


def test_a_measure_target_before_the_plan_starts_is_refused(refused, priority):
    with refused("before the plan starts"):
        measures.add_measure(
            priority_id=priority.id, name="Obese adults", unit="%", target_date="2011-01-01"
        )


def test_a_reading_is_recorded_once_a_date_and_read_oldest_first(measure):
    measures.record_reading(measure_id=measure.id, date="31/03/2013", value="25.9", today=TODAY)
    measures.record_reading(measure_id=measure.id, date="30/09/2012", value=26.1, today=TODAY)
    again = measures.record_reading(
        measure_id=measure.id, date="31/03/2013", value=25.7, today=TODAY
    )
    readings = outline.measure_readings(measure.id)
    assert [(r.date, r.value) for r in readings] == [
        (dt.date(2012, 9, 30), 26.1),
        (dt.date(2013, 3, 31), 25.7),
    ]
    assert PlanReading.select().count() == 2 and again.value == 25.7


def test_a_reading_dated_after_today_is_refused(refused, measure):
    with refused("after today"):
        measures.record_reading(measure_id=measure.id, date="2013-07-01", value=1, today=TODAY)


def test_progress_is_kept_by_quarter_with_its_rag_then(action):
    actions.record_progress(
        action_id=action.id, quarter="2012-11-15", text="Sessions begun", status="on track",
        today=TODAY,
    )  # fmt: skip
    actions.record_progress(
        action_id=action.id, quarter="2013-02-01", text="Funding late", status="at risk",
        today=TODAY,
    )  # fmt: skip
    actions.update_plan_action(action_id=action.id, status="at risk")
    (q3,) = [
        a for a in quarter_progress.actions_in_quarter(plan_body(action), dt.date(2012, 10, 1))
    ]
    assert (q3.status, q3.rag, q3.progress.text) == ("on track", "green", "Sessions begun")
    (q4,) = quarter_progress.actions_in_quarter(plan_body(action), dt.date(2013, 1, 1))
    assert (q4.rag, q4.progress.text) == ("amber", "Funding late")
    assert quarter_label(quarter_of(dt.date(2012, 11, 15))) == "Quarter 3 2012/13"
    assert quarter_months(dt.date(2013, 1, 1)) == "January–March 2013"


def plan_body(action) -> str:
    return plans.get_plan(action.plan_id).body_id


def test_progress_for_a_quarter_that_has_not_begun_is_refused(refused, action):
    with refused("has not begun"):
        actions.record_progress(action_id=action.id, quarter="2013-07-01", text="x", today=TODAY)


def test_progress_for_a_quarter_outside_the_plan_is_refused(refused, action):
    with refused("outside the plan"):
        actions.record_progress(action_id=action.id, quarter="2011-07-01", text="x", today=TODAY)


def test_the_measures_latest_reading_by_a_quarter_is_judged_against_its_target(measure):
    measures.record_reading(measure_id=measure.id, date="2012-12-31", value=25.0, today=TODAY)
    measures.record_reading(measure_id=measure.id, date="2013-03-31", value=24.0, today=TODAY)
    body_id = plans.get_plan(measure.plan_id).body_id
    (q3,) = quarter_progress.measures_in_quarter(body_id, dt.date(2012, 10, 1))
    (q4,) = quarter_progress.measures_in_quarter(body_id, dt.date(2013, 1, 1))
    assert (q3.latest.value, q3.met) == (25.0, False)
    assert (q4.latest.value, q4.met) == (24.0, True)


def test_a_partner_named_twice_is_refused(refused, action):
    organisation = organisations.create_organisation(name="Children’s Centres")
    actions.add_partner(action_id=action.id, organisation_id=organisation.id)
    with refused("already a partner"):
        actions.add_partner(action_id=action.id, organisation_id=organisation.id)


def test_a_meetings_action_links_to_a_plan_action_and_both_show_it(action):
    body_id = plans.get_plan(action.plan_id).body_id
    meeting = meetings.create_meeting(body_id=body_id, date="2012-12-17")
    item = agenda.add_item(meeting_id=meeting.id, title="Early years")
    minuted = meeting_actions.add_action(item_id=item.id, text="Report on 0–3 support")
    links.link_action(action_id=minuted.id, plan_action_id=action.id)
    assert links.plan_action_of(minuted.id).label.endswith(
        "1a: Increase targeted support for families with children aged 0-3"
    )
    assert [a.text for a in links.meeting_actions_of(action.id)] == ["Report on 0–3 support"]
    assert outline.plan_outline(action.plan_id).actions[0].meeting_actions == 1


def test_a_deleted_priority_comes_back_with_what_was_under_it(action):
    priority_id = outline.plan_outline(action.plan_id).priorities[0].id
    plans.delete_priority(priority_id=priority_id)
    assert outline.plan_outline(action.plan_id).priorities == ()
    plans.restore_priority(priority_id=priority_id)
    assert outline.plan_outline(action.plan_id).actions[0].id == action.id
