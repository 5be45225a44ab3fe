"""A delivery group's quarter, as seed 000 reports it, for the updates' tests: the
Economic Development and Regeneration group of the Maidstone Locality Board, its meeting of
12 September 2011 (Quarter 2 2011/12) with a resolution, a decision and an action, its plan
with two actions (one at risk that quarter, one off track) and a measure read in September,
and the board's next meeting, on 25 October 2011, to take the update."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.services.decisions import actions as meeting_actions
from desktop_app.services.decisions import minutes, resolutions
from desktop_app.services.directory import bodies, people
from desktop_app.services.meeting_cycle import agenda, meetings
from desktop_app.services.plans import actions, measures, plans

TODAY = dt.date(2011, 10, 10)
QUARTER = dt.date(2011, 7, 1)  # Quarter 2 2011/12: July to September 2011


@dataclass(frozen=True)
class Seed:
    board_id: str
    group_id: str
    officer_id: str
    board_meeting_id: str
    group_meeting_id: str


def seed_quarter(*, group_name: str = "Economic Development and Regeneration") -> Seed:
    """The group's quarter in the open database."""
    board = bodies.create_body(name="Maidstone Locality Board", kind="board")
    group = bodies.create_body(name=group_name, kind="delivery group", parent_id=board.id)
    officer = people.create_person(name="Sarah Robson", position="Community Partnerships")
    held = meetings.create_meeting(body_id=group.id, date="2011-09-12", start_time="10:00")
    housing = agenda.add_item(meeting_id=held.id, title="Draft Housing Strategy consultation")
    resolutions.add_resolution(
        item_id=housing.id,
        text="That the group's joint written response be sent to the Cabinet.",
        outcome="agreed",
    )
    worklessness = agenda.add_item(meeting_id=held.id, title="Worklessness among young people")
    minutes.update_minute(
        item_id=worklessness.id,
        decision="A Locality Board event on worklessness will be held in February 2012.",
    )
    meeting_actions.add_action(
        item_id=worklessness.id,
        text="Organise the worklessness stakeholder event",
        owner_person_id=officer.id,
        due="2012-02-29",
    )
    plan = plans.create_plan(
        body_id=group.id, title="Regeneration Plan", starts="2011-04-01", ends="2014-03-31"
    )
    priority = plans.add_priority(plan_id=plan.id, title="Worklessness")
    outcome = plans.add_outcome(
        priority_id=priority.id, text="Fewer young people not in employment or training"
    )
    job_share = actions.add_plan_action(
        outcome_id=outcome.id, text="Develop an apprenticeship job share programme"
    )
    actions.record_progress(
        action_id=job_share.id, quarter=QUARTER, text="Talks with SEAC have begun.",
        status="at risk", today=TODAY,
    )  # fmt: skip
    actions.add_plan_action(
        outcome_id=outcome.id, text="Hold a worklessness forum", status="off track"
    )
    neet = measures.add_measure(
        priority_id=priority.id, name="16-18 year olds NEET", unit="%", baseline=7.1,
        baseline_date="2011-03-31", target=5.0, target_date="2014-03-31",
    )  # fmt: skip
    measures.record_reading(measure_id=neet.id, date="2011-09-30", value=6.2, today=TODAY)
    board_meeting = meetings.create_meeting(body_id=board.id, date="2011-10-25", start_time="14:30")
    return Seed(board.id, group.id, officer.id, board_meeting.id, held.id)


# Seed 000's sections, as the officer would type them over the draft (one paragraph a line,
# a bullet a "- " line).
WRITTEN = dict(
    title="Quarter 2 update: Regeneration",
    rag="red",
    overview=(
        "In July 2011 the LSP Board took part in a formal consultation on creating a locality "
        "board in Maidstone.\n"
        "The LSP Board formally voted to dissolve the Maidstone Local Strategic Partnership on "
        "28 September 2011 to make way for the Maidstone Locality Board."
    ),
    delivery=(
        "A presentation of the draft MBC Housing Strategy was given to the June 2011 delivery "
        "group by the Head of Housing.\n"
        "The group organised a series of stakeholder presentations on Worklessness, with a "
        "focus on 16-24 year old NEETs:\n"
        "- Connexions: 244 unemployed 16-28 year olds in the borough\n"
        "- South East Apprenticeship Company: an apprenticeship job share programme\n"
        "- Think 3E: a reprocessing centre in Park Wood\n"
        "- Job Centre Plus: Get Britain Working and the Work Programme"
    ),
    priorities="Worklessness",
    focus=(
        "Young people not in employment, education or training. Develop apprenticeship, "
        "mentoring and training opportunities."
    ),
    activity=(
        "A worklessness forum has been set up for 9 November by Golding Homes and Think 3e\n"
        "- The South East Apprenticeship Company has been widely promoted\n"
        "- Several members joined the 19 September visit to Mid Kent College"
    ),
)
