"""`make bench SCALE="0.25 1 4"`: how each figure grows with the council, and which grow."""

from __future__ import annotations

from bench.results import Result, growth


def _at(seconds: dict[str, float]) -> list[Result]:
    return [Result(name, measured=f"{value:.3f} s", value=value) for name, value in seconds.items()]


def test_a_cost_that_grows_with_the_council_is_named():
    report = growth(
        {
            0.25: _at({"open a meeting": 0.020, "search p95": 0.010}),
            1.0: _at({"open a meeting": 0.021, "search p95": 0.040}),
            4.0: _at({"open a meeting": 0.024, "search p95": 0.160}),
        }
    )
    lines = report.splitlines()
    [meeting] = [line for line in lines if line.startswith("open a meeting")]
    [search] = [line for line in lines if line.startswith("search p95")]
    assert "0.020 s" in meeting and "0.024 s" in meeting and "×1.20" in meeting
    assert "GROWS" not in meeting
    assert "×16.00  GROWS WITH THE COUNCIL" in search
    span = "from ×0.25 to ×4 the council"
    assert lines[-1] == f"COSTS THAT GROW WITH THE COUNCIL ({span}): search p95"


def test_costs_that_follow_the_meeting_are_said_so():
    report = growth({0.25: _at({"sign": 0.15}), 4.0: _at({"sign": 0.16})})
    assert report.splitlines()[-1].startswith("Every cost follows the meeting")
