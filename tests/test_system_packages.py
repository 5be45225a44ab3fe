"""scripts/system-packages: what Qt and the tests need from Debian, found with dpkg-query, and
installed or asked for. The machine's own packages are never touched: dpkg-query, id, sudo and
apt-get are stand-ins on PATH that read and record what the script does."""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

SCRIPT = Path(__file__).parents[1] / "scripts" / "system-packages"
QT = Path(PySide6.__file__).parent / "Qt"
# Every system has these (Python itself links them); no one installs them for Qt.
EVERYWHERE = {"libc6", "libgcc-s1", "libstdc++6", "zlib1g", "libzstd1"}


class Machine:
    """A Debian machine as the script sees it: what dpkg-query says is installed, whether
    we are root, whether sudo works without a password; apt-get only writes down its calls."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.bin = folder / "bin"
        self.bin.mkdir()
        self.status = folder / "status"
        self.calls = folder / "calls"
        self.calls.touch()
        self.uid = 1000
        self.sudo = False
        self.installed(())
        self._tool("dpkg-query", f'cat "{self.status}"')
        self._tool("id", 'echo "$FAKE_UID"')
        # As the real sudo does, the stand-in says through $SUDO_USER who asked.
        self._tool("apt-get", f'echo "${{SUDO_USER:+sudo }}apt-get $*" >> "{self.calls}"')
        self._tool("sudo", '[ "$FAKE_SUDO" = yes ] || exit 1; shift; SUDO_USER=clerk exec "$@"')

    def _tool(self, name: str, body: str) -> None:
        path = self.bin / name
        path.write_text(f"#!/bin/sh\n{body}\n")
        path.chmod(0o755)

    def installed(self, packages, *, provides: dict[str, str] | None = None) -> None:
        """dpkg-query -W's lines: `ii ` and the package, and what it provides."""
        provides = provides or {}
        lines = [f"ii  {p} {provides.get(p, '')}".rstrip() for p in packages]
        self.status.write_text("".join(f"{line}\n" for line in lines))

    def run(self, purpose: str = "run", python: str = sys.executable):
        env = {
            **os.environ,
            "PATH": f"{self.bin}:{os.environ['PATH']}",
            "FAKE_UID": str(self.uid),
            "FAKE_SUDO": "yes" if self.sudo else "no",
            "PYTHON": python,
        }
        return subprocess.run(
            [str(SCRIPT), purpose],
            cwd=self.folder,  # no .venv here: the script also sees to the venv module
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    def apt_calls(self) -> list[str]:
        return self.calls.read_text().splitlines()


@pytest.fixture
def machine(tmp_path) -> Machine:
    return Machine(tmp_path)


def asked_for(machine: Machine, purpose: str) -> list[str]:
    """The packages the script names when nothing is installed and it may not install."""
    machine.installed(())
    result = machine.run(purpose)
    assert result.returncode == 1, result.stderr
    command = result.stderr.strip().splitlines()[-1].split()
    assert command[:3] == ["sudo", "apt-get", "install"]
    return command[3:]


def test_nothing_missing_says_nothing_and_installs_nothing(machine):
    machine.installed(asked_for(machine, "test"))
    result = machine.run("test")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert machine.apt_calls() == []


def test_without_root_it_prints_the_one_command_for_what_is_missing(machine):
    everything = asked_for(machine, "run")
    machine.installed([p for p in everything if p not in ("libxcb-icccm4", "libxcb-keysyms1")])

    result = machine.run("run")

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "Minute Book needs Debian packages that are not installed; install them, then run "
        "make again:",
        "    sudo apt-get install libxcb-icccm4 libxcb-keysyms1",
    ]
    assert machine.apt_calls() == []


def test_as_root_it_installs_what_is_missing(machine):
    machine.installed([p for p in asked_for(machine, "test") if p != "poppler-utils"])
    machine.uid = 0

    result = machine.run("test")

    assert result.returncode == 0, result.stderr
    assert machine.apt_calls() == [
        "apt-get update -qq",
        "apt-get install -y -qq --no-install-recommends poppler-utils",
    ]


def test_with_sudo_without_a_password_it_installs_through_sudo(machine):
    machine.installed([p for p in asked_for(machine, "run") if p != "libxcb-cursor0"])
    machine.sudo = True

    assert machine.run("run").returncode == 0
    assert machine.apt_calls() == [
        "sudo apt-get update -qq",
        "sudo apt-get install -y -qq --no-install-recommends libxcb-cursor0",
    ]


def test_a_renamed_package_that_provides_the_old_name_counts(machine):
    # Ubuntu 24.04 renamed libglib2.0-0 for its 64-bit time_t; the new package provides it.
    everything = asked_for(machine, "run")
    renamed = [p if p != "libglib2.0-0" else "libglib2.0-0t64" for p in everything]
    machine.installed(renamed, provides={"libglib2.0-0t64": "libglib2.0-0 (= 2.80.0-6ubuntu1)"})
    assert machine.run("run").returncode == 0


def test_a_half_installed_package_is_missing(machine):
    machine.installed(asked_for(machine, "run"))
    machine.status.write_text(machine.status.read_text().replace("ii  libegl1", "iU  libegl1"))
    assert machine.run("run").stderr.splitlines()[-1] == "    sudo apt-get install libegl1"


def test_a_python_without_venv_asks_for_debians_venv_package(machine, tmp_path):
    # Debian's python3 keeps ensurepip, which `python3 -m venv` needs, in python3.X-venv.
    hidden = tmp_path / "no-ensurepip"
    hidden.mkdir()
    (hidden / "ensurepip.py").write_text("raise ImportError('not installed')\n")
    python = tmp_path / "python3"
    python.write_text(f'#!/bin/sh\nPYTHONPATH="{hidden}" exec "{sys.executable}" "$@"\n')
    python.chmod(0o755)
    machine.installed(asked_for(machine, "run"))

    result = machine.run("run", python=str(python))

    version = f"python{sys.version_info[0]}.{sys.version_info[1]}-venv"
    assert result.stderr.splitlines()[-1] == f"    sudo apt-get install {version}"


def test_an_unknown_purpose_is_refused(machine):
    result = machine.run("dance")
    assert result.returncode == 2
    assert "run|test|screenshots" in result.stderr


def test_this_machine_has_what_it_needs():
    result = subprocess.run(
        [str(SCRIPT), "test"], capture_output=True, text=True, timeout=60, check=False
    )
    assert (result.returncode, result.stderr) == (0, "")


def needed(library: Path) -> list[str]:
    """The libraries an ELF file names as NEEDED (what `objdump -p` lists), read from its
    dynamic section: 64-bit little-endian, as PySide6's Linux wheels are."""
    data = library.read_bytes()
    (table,) = struct.unpack_from("<Q", data, 0x28)
    size, count = struct.unpack_from("<HH", data, 0x3A)
    # Each section header: name, type, flags, address, offset, size, link, info, align, entry.
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, table + i * size) for i in range(count)]
    dynamic = next(s for s in sections if s[1] == 6)  # SHT_DYNAMIC
    strings = sections[dynamic[6]][4]
    names = []
    for entry in range(dynamic[4], dynamic[4] + dynamic[5], 16):
        tag, value = struct.unpack_from("<qQ", data, entry)
        if tag == 1:  # DT_NEEDED
            start = strings + value
            names.append(data[start : data.index(b"\0", start)].decode())
    return names


def package_of(soname: str, library: Path) -> str:
    """The Debian package holding the file `soname` resolves to from `library`."""
    listing = subprocess.run(["ldd", str(library)], capture_output=True, text=True, check=True)
    found = re.search(rf"^\s*{re.escape(soname)} => (\S+)", listing.stdout, re.M)
    assert found, f"{library.name} needs {soname}, which this machine does not have"
    path = Path(found.group(1)).resolve()
    for candidate in (str(path), str(path).removeprefix("/usr")):  # merged /usr or not
        owner = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True, text=True)
        if owner.returncode == 0:
            return owner.stdout.split(":")[0]
    raise AssertionError(f"no package holds {path}")


def test_the_list_covers_every_library_qts_window_links(machine):
    """Read with the real Qt: each system library that the xcb plugin and the Qt libraries
    name is in a package the script asks for."""
    asked = set(asked_for(machine, "run"))
    libraries = [QT / "plugins" / "platforms" / "libqxcb.so"] + [
        QT / "lib" / f"libQt6{name}.so.6"
        for name in ("Core", "Gui", "Widgets", "Pdf", "PdfWidgets", "DBus", "XcbQpa")
    ]
    packages = {
        package_of(soname, library)
        for library in libraries
        for soname in needed(library)
        if not soname.startswith(("libQt6", "libicu", "ld-linux"))  # in PySide6; libc6
    }
    assert packages - EVERYWHERE <= asked, packages - EVERYWHERE - asked
    assert "libxcb-icccm4" in packages  # the one Qt first complains of on a fresh desktop
