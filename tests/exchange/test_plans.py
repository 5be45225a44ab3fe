"""Strategy plans in the exchange format: seed 001's first priority with its progress and
readings, and a meeting's action linked to a plan action, leave and come back as the same
record; a file is refused, with the place of the fault, for what the window refuses."""

from __future__ import annotations

import copy

from desktop_app.exchange import export_data, import_data
from desktop_app.services.plans import links, outline
from desktop_app.storage.models import Action, PlanAction, PlanReading
from tests.exchange.databases import every_row, opened, refused_import
from tests.exchange.shapes import assert_in_format_order
from tests.plans.seed import seed_plan


def linked_seed():
    seed = seed_plan(monitored=True)
    action = Action.select().order_by(Action.text).first()
    plan_action = outline.plan_outline(seed.plan_id).actions[1]
    links.link_action(action_id=action.id, plan_action_id=plan_action.id)
    return seed


def test_a_plan_and_a_linked_action_come_back_as_the_same_record(tmp_path):
    with opened(tmp_path / "first"):
        linked_seed()
        first = export_data()
    (plan,) = first["bodies"][0]["plans"]
    (priority,) = plan["priorities"]
    assert [o["letter"] for o in priority["outcomes"]] == ["a", "b"]
    action = priority["outcomes"][0]["actions"][0]
    assert action["partners"][0] == "Voluntary Action Maidstone"
    assert action["progress"][1] == {
        "quarter": "2013-01-01",
        "status": "on track",
        "text": "Now on track.",
    }
    assert priority["measures"][0]["readings"][0] == {"date": "2012-09-30", "value": 26.1}
    linked = [
        a["plan_action"]
        for m in first["bodies"][0]["meetings"]
        for i in m.get("items", [])
        for a in i.get("actions", [])
        if "plan_action" in a
    ]
    assert linked == [{"plan": "Community Development Strategy", "action": "1a.2"}]
    assert_in_format_order(first)
    with opened(tmp_path / "second"):
        import_data(copy.deepcopy(first), base_dir=tmp_path)
        assert export_data() == first
        assert PlanReading.select().count() == 6
        assert Action.select().where(Action.plan_action.is_null(False)).count() == 1


def test_importing_the_same_plan_twice_changes_nothing(tmp_path):
    with opened(tmp_path / "first"):
        linked_seed()
        data = export_data()
    with opened(tmp_path / "second"):
        import_data(copy.deepcopy(data), base_dir=tmp_path)
        before = every_row()
        summary = import_data(copy.deepcopy(data), base_dir=tmp_path)
        assert not summary.changed
        assert every_row() == before


def plan_of(data: dict) -> dict:
    return data["bodies"][0]["plans"][0]


def test_a_file_with_a_target_date_before_the_plan_starts_is_refused(tmp_path):
    with opened(tmp_path / "first"):
        seed_plan()
        data = export_data()
    plan_of(data)["priorities"][0]["outcomes"][0]["actions"][0]["target"] = "2011-06-30"
    with opened(tmp_path / "second"):
        message = refused_import(data, tmp_path)
    assert message.startswith("bodies[0].plans[0].priorities[0].outcomes[0].actions[0]: ")
    assert "before the plan starts on 1 January 2012" in message


def test_a_file_with_a_measure_without_a_unit_is_refused(tmp_path):
    with opened(tmp_path / "first"):
        seed_plan()
        data = export_data()
    del plan_of(data)["priorities"][0]["measures"][1]["unit"]
    with opened(tmp_path / "second"):
        message = refused_import(data, tmp_path)
    assert message.startswith("bodies[0].plans[0].priorities[0].measures[1]: ")
    assert "needs a unit" in message


def test_a_file_naming_a_plan_action_that_is_not_there_is_refused(tmp_path):
    with opened(tmp_path / "first"):
        linked_seed()
        data = export_data()
    for meeting in data["bodies"][0]["meetings"]:
        for item in meeting.get("items", []):
            for action in item.get("actions", []):
                if "plan_action" in action:
                    action["plan_action"]["action"] = "1a.9"
    with opened(tmp_path / "second"):
        message = refused_import(data, tmp_path)
    assert "there is no action 1a.9" in message
    assert PlanAction.select().count() == 0


def test_a_file_with_a_figure_of_the_wrong_type_is_refused(tmp_path):
    with opened(tmp_path / "first"):
        seed_plan()
        data = export_data()
    plan_of(data)["priorities"][0]["measures"][0]["baseline"] = ["26.5"]
    with opened(tmp_path / "second"):
        message = refused_import(data, tmp_path)
    assert message == (
        "bodies[0].plans[0].priorities[0].measures[0].baseline: expected text or a number"
    )
