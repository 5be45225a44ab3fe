"""Strategy action plans (seed 001, issue 15): a body's plan for a period, its numbered
priorities with "why this is important", each priority's outcomes (1a, 1b), the actions
for each outcome (what we plan to do, key partners, lead, target date, RAG status and
progress by quarter) and its performance measures (unit, baseline, comparator, target,
readings over time). A meeting's action may be linked to a plan's action.

- quarters.py: the financial quarters progress is reported in (Quarter 1 is April–June);
- rules.py: every check on a plan's values, shared by the window, import and sync;
- plans.py: making, editing and deleting a plan, its priorities and outcomes;
- actions.py: a plan's actions, their partners and their progress;
- measures.py: performance measures and their readings;
- links.py: a meeting's action linked to a plan's action, both ways;
- outline.py: a plan read whole, and a measure's readings: `outline.plan_outline`,
  `outline.measure_readings`;
- quarter_progress.py: what a quarter's report draws on: `actions_in_quarter`,
  `measures_in_quarter`.
"""
