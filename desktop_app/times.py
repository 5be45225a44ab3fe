"""Times of day as clerks write them in agendas and minutes: “7.40 pm”, “2.30 – 4.30 pm”.
They are stored as the "HH:MM" the clerk typed (24-hour)."""

from __future__ import annotations


def clock(hhmm: str) -> str:
    """“14:30” as the seed writes it: “2.30 pm”; noon and midnight by name."""
    if not hhmm:
        return ""
    hours, minutes = (int(part) for part in hhmm.split(":")[:2])
    if minutes == 0 and hours in (0, 12):
        return "12 midnight" if hours == 0 else "12 noon"
    number, half = _hour(hhmm)
    return f"{number} {half}"


def time_span(start: str, end: str) -> str:
    """“2.30 – 4.30 pm” from "14:30" and "16:30"; “10.00 am – 1.15 pm” across noon."""
    if not (start and end):
        return " ".join(_hour(start or end)) if start or end else ""
    (first, first_half), (last, last_half) = _hour(start), _hour(end)
    if first_half == last_half:
        return f"{first} – {last} {last_half}"
    return f"{first} {first_half} – {last} {last_half}"


def _hour(value: str) -> tuple[str, str]:
    """("2.30", "pm") from "14:30"."""
    hours, minutes = (int(part) for part in value.split(":")[:2])
    half = "am" if hours < 12 else "pm"
    return f"{(hours - 1) % 12 + 1}.{minutes:02d}", half
