"""Seed 001's first priority printed: the plan in the seed's shape and its progress report,
read back with pypdf, with every section and figure of the seed present."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from desktop_app.documents.plan_pdf import render_plan, render_progress
from desktop_app.errors import Cancelled
from tests.documents.test_report_pdf import flat
from tests.plans.seed import seed_plan

SEED_PLAN = [
    "Maidstone Locality Board Community Development Strategy 2012–2016",
    "Priority 1: Tackling disadvantage",
    "Outcomes – What we plan to achieve?",
    "1a. Improve early years development to enable people to develop to their full capability"
    " and have control over their lives",
    "1b. Reduce the gaps in health inequalities to enhance the health and quality of life of all"
    " Maidstone citizens.",
    "Why is this important?",
    "50% of offenders leaving prison are unable to read and write",
    "Life expectancy for men in the most deprived wards is five years below the borough average"
    " and for women is 2.4 years lower",
    "at 26.5 per cent (24.2% nationally)",
    "is 11.3% below the national average",
    "Kent has seen an overall reduction in teenage pregnancy of 18%, compared to a national"
    " reduction of 19%; however Maidstone figures have increased by 11%.",
    "Actions – What we will do in order to achieve the stated outcomes",
    "Outcome What we plan to do Lead Key partners Target date",
    "Increase targeted support for families with children aged 0-3, particularly the most"
    " vulnerable and deprived",
    "By December 2015",
    "31 March 2012",
    "31 March 2016",
    "By 30 April 2012",
    "Performance measures",
    "Reduce percentage of obese adults, currently 26.5% to the national average of 24.2% by 2016.",
    "Increase physically active children, currently 46.2% to the national average of 55.1%.",
    "Reduce hospital stays for self-harm, currently 226.2 per 100,000 population to the national"
    " average of 198 per 100,000 population by 2016.",
]
PARTNERS = [
    "Voluntary Action Maidstone", "Children’s Centres", "Children’s Groups", "Parenting Groups",
    "Local Children’s Trust", "Maidstone schools/colleges", "Voluntary and community sector",
    "Clinical Commissioning Consortia", "NHS Trusts", "Health and Wellbeing Board", "Education",
    "Ward councillors", "Health Trainers", "Maidstone Leisure Centre", "Zeroth Gym",
]  # fmt: skip


@pytest.fixture
def seed(database):
    return seed_plan(monitored=True)


def test_the_plan_prints_every_section_and_figure_of_seed_001s_first_priority(seed):
    text = flat(render_plan(seed.plan_id))
    for words in SEED_PLAN:
        assert words in text
    for name in PARTNERS:
        assert name in text, name
    assert text.count("Maidstone Borough Council") == 4  # the lead of each action


def test_the_progress_report_gives_each_actions_rag_and_each_measures_latest_reading(seed):
    data = render_progress(seed.plan_id, quarter=dt.date(2013, 2, 14))
    text = flat(data)
    assert "Progress report: Quarter 4 2012/13 (January–March 2013)" in text
    for words in (
        "Green – on track", "Amber – at risk", "Red – off track", "Blue – complete",
        "Now at risk.", "Progress, Quarter 4 2012/13",
        "Reduce percentage of obese adults Baseline: 26.5% National average: 24.2% "
        "Target: 24.2% (31 December 2016) Latest reading: 25.4% (31 March 2013) "
        "Against target: Not yet at target",
        "Latest reading: 50.3% (31 March 2013)",
        "Latest reading: 210.5 per 100,000 population (31 March 2013)",
        "Performance measures: 3, of which 0 reach their target by 31 March 2013",
    ):  # fmt: skip
        assert words in text, words


def test_an_earlier_quarters_report_shows_the_rag_and_readings_then(seed):
    text = flat(render_progress(seed.plan_id, quarter=dt.date(2012, 10, 1)))
    assert "4 Green – on track" in text
    assert "Latest reading: 26.1% (30 September 2012)" in text
    assert "Latest reading: 25.4%" not in text


def test_each_measure_has_its_chart_drawn_on_the_page(seed):
    data = render_progress(seed.plan_id, quarter=dt.date(2013, 1, 1))
    pages = PdfReader(io.BytesIO(data)).pages
    drawn = "".join(page.extract_text() for page in pages)
    # Each chart labels its years and its target line.
    assert drawn.count("target") >= 3 and drawn.count("2014") >= 3


def test_a_cancelled_progress_report_stops(seed):
    class Stop:
        cancelled = True

        def report(self, done, total):  # pragma: no cover - never reached
            raise AssertionError

    with pytest.raises(Cancelled):
        render_progress(seed.plan_id, progress=Stop())
