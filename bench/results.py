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
    # The figure in numbers (seconds, or bytes for memory), compared across dataset sizes.
    value: float | None = None
    # The baseline's figure in the same unit and statistic as `value`: the ratio column.
    baseline_value: float | None = None

    @classmethod
    def unavailable(cls, budget: Budget, why: str) -> Result:
        return cls(
            budget.scenario, budget=budget.describe(), verdict="not available yet", notes=[why]
        )

    @classmethod
    def of_median(
        cls, budget: Budget, timings: list[float], notes: list[str], *, bare: list[float] = ()
    ) -> Result:
        """The median of `timings` (seconds) against the budget, beside the median of the
        `bare` baseline's timings when given."""
        mid = median(timings)
        baseline = {}
        if bare:
            baseline = dict(
                baseline=f"{budget.format(median(bare))} (median)", baseline_value=median(bare)
            )
        return cls(
            budget.scenario,
            measured=f"{budget.format(mid)} (median)",
            value=mid,
            runs=len(timings),
            budget=budget.describe(),
            met=budget.met(mid),
            notes=notes,
            **baseline,
        )

    @classmethod
    def failed(cls, scenario: str, error: str) -> Result:
        return cls(scenario, verdict="ERROR", notes=[error])

    def ratio(self) -> str:
        """How many times the baseline the figure is, or "—" without a baseline."""
        if self.value is None or not self.baseline_value:
            return "—"
        return f"×{self.value / self.baseline_value:.2f}"

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
    header = ("scenario", "measured", "runs", "budget", "baseline", "ratio", "result")
    rows = [header] + [
        (r.scenario, r.measured, str(r.runs or ""), r.budget, r.baseline, r.ratio(), r.outcome())
        for r in results
    ]
    lines = _aligned(rows)
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


# A cost that grows by less than this from the smallest dataset to the largest follows the
# meeting (DESIGN.md §6: "costs follow the meeting, not the council").
FOLLOWS = 2.0


def growth(by_scale: dict[float, list[Result]]) -> str:
    """How each scenario's figure grows with the size of the council, and which grow."""
    scales = sorted(by_scale)
    figures: dict[str, dict[float, Result]] = {}
    for scale in scales:
        for result in by_scale[scale]:
            if result.value is not None:
                figures.setdefault(result.scenario, {})[scale] = result
    header = ("scenario", *(f"×{scale:g} dataset" for scale in scales), "growth")
    rows, growing = [header], []
    for scenario, found in figures.items():
        if len(found) != len(scales) or not found[scales[0]].value:
            continue
        ratio = found[scales[-1]].value / found[scales[0]].value
        if ratio >= FOLLOWS:
            growing.append(scenario)
        mark = "" if ratio < FOLLOWS else "  GROWS WITH THE COUNCIL"
        rows.append((scenario, *(found[s].measured for s in scales), f"×{ratio:.2f}{mark}"))
    lines = [*_aligned(rows), ""]
    span = f"from ×{scales[0]:g} to ×{scales[-1]:g} the council"
    if growing:
        lines.append(f"COSTS THAT GROW WITH THE COUNCIL ({span}): {', '.join(growing)}")
    else:
        lines.append(f"Every cost follows the meeting ({span}: each grew under ×{FOLLOWS:g}).")
    return "\n".join(lines)


def _aligned(rows: list[tuple[str, ...]]) -> list[str]:
    """The rows in columns, the first (the header) underlined."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines
