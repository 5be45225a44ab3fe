"""The other process of the reliability tests: it works on a data folder through the same
services as the window and prints what it has committed, flushed, only once committed, so
that whoever kills it knows what must have survived.

    python tests/reliability/editor.py DATA_DIR TAG [--mode MODE] [--seconds S | --rounds N]

Modes, one line printed per commit:
  edits   `created ID`: a new person "TAG n"; `updated ID POSITION`: the previous one renamed
  import  `imported NAME`: the example body imported again under the name "TAG n"
  pack    `attached ID`: a new paper on item 34 of the example meeting; `issued ID`: the pack
          issued again with it
  backup  `backed-up PATH`: a backup written beside the data folder

A refusal prints `refused KIND: SENTENCE` and the run goes on, so a test can count them.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from itertools import count
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop_app.storage.database import open_database  # noqa: E402

EXAMPLE_MEETING = "2012-12-17"
PAPER_ITEM = "34"


def edits(tag: str):
    from desktop_app.services.directory.people import create_person, update_person

    previous = None
    for number in count(1):
        person = create_person(name=f"{tag} {number}")
        yield f"created {person.id}"
        if previous is not None:
            update_person(person_id=previous, position=f"edit {number}")
            yield f"updated {previous} edit {number}"
        previous = person.id


def imports(tag: str):
    from desktop_app.exchange import import_file
    from desktop_app.paths import EXAMPLE_FILE

    data = json.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as work:
        for number in count(1):
            name = f"{tag} {number}"
            data["bodies"][0]["name"] = name
            path = Path(work) / "board.json"
            path.write_text(json.dumps(data), encoding="utf-8")
            import_file(path)
            yield f"imported {name}"


def packs(tag: str):
    from desktop_app.services.papers.documents import attach_document
    from desktop_app.services.papers.pack_issues import issue_pack
    from desktop_app.storage.models import AgendaItem, Meeting
    from tests.documents.conftest import make_report

    meeting = Meeting.get(Meeting.date == EXAMPLE_MEETING)
    item = AgendaItem.get((AgendaItem.meeting == meeting.id) & (AgendaItem.number == PAPER_ITEM))
    with tempfile.TemporaryDirectory() as work:
        for number in count(1):
            title = f"{tag} report {number}"
            report = make_report(Path(work) / f"{number}.pdf", title, 2)
            document = attach_document(item_id=item.id, path=report, title=title)
            yield f"attached {document.id}"
            yield f"issued {issue_pack(meeting_id=meeting.id).id}"


def backups(tag: str, data_dir: Path):
    from desktop_app.backup import backup

    for number in count(1):
        out = data_dir.parent / f"backup-{tag}-{number}.zip"
        yield f"backed-up {backup(out=out).path}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("tag")
    parser.add_argument("--mode", choices=("edits", "import", "pack", "backup"), default="edits")
    parser.add_argument("--seconds", type=float)
    parser.add_argument("--rounds", type=int)
    args = parser.parse_args()
    open_database(args.data_dir)
    modes = {"edits": edits, "import": imports, "pack": packs}
    make = modes.get(args.mode, lambda tag: backups(tag, args.data_dir))
    work = make(args.tag)
    print("ready", flush=True)
    end = time.monotonic() + args.seconds if args.seconds else None
    rounds = 0
    while (end is None or time.monotonic() < end) and (args.rounds is None or rounds < args.rounds):
        rounds += 1
        try:
            print(next(work), flush=True)
        except Exception as error:  # noqa: BLE001 — counted by the test, never hidden
            print(f"refused {type(error).__name__}: {error}", flush=True)
            work = make(f"{args.tag}.{rounds}")  # a fresh start, under names not yet used
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
