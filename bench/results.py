"""What a scenario reports, the statistics it uses, and the table `bench.run` prints."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field

from bench.budgets import Budget


@dataclass
class Result:
    scenario: str
    measured: str = "—"
    budget: str = "—"
    baseline: str = "—"
    runs: int | None = None  # how many measurements the figure summarises
    # True: within budget; False: missed; None: nothing to judge (a baseline, not available).
    met: bool | None = None
    verdict: str = ""  # shown instead of ok/MISS when set, e.g. "not available yet"
    notes: list[str] = field(default_factory=list)

    @classmethod
    def unavailable(cls, budget: Budget, why: str) -> Result:
        return cls(
            budget.scenario, budget=budget.describe(), verdict="not available yet", notes=[why]
        )

    @classmethod
    def failed(cls, scenario: str, error: str) -> Result:
        return cls(scenario, verdict="ERROR", notes=[error])

    def outcome(self) -> str:
        if self.verdict:
            return self.verdict
        if self.met is None:
            return ""
        return "ok" if self.met else "MISS"


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    """The 95th percentile by nearest rank: of 20 runs, the 19th fastest."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def table(results: list[Result]) -> str:
    header = ("scenario", "measured", "runs", "budget", "baseline", "result")
    rows = [header] + [
        (r.scenario, r.measured, str(r.runs or ""), r.budget, r.baseline, r.outcome())
        for r in results
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    notes = [(r.scenario, note) for r in results for note in r.notes]
    if notes:
        lines.append("")
        lines += [f"  {scenario}: {note}" for scenario, note in notes]
    misses = [r.scenario for r in results if r.met is False]
    broken = [r.scenario for r in results if r.verdict == "ERROR"]
    lines.append("")
    if misses:
        lines.append(f"MISSED BUDGETS: {', '.join(misses)}")
    if broken:
        lines.append(f"SCENARIOS THAT FAILED TO RUN: {', '.join(broken)}")
    if not misses and not broken:
        lines.append("Every measured budget was met.")
    return "\n".join(lines)
