"""Benchmark: what hostile files within (and beyond) the input limits cost, as new processes.

Each case is a whole ``clearway check`` run in a new process; the table gives its exit
status, wall time and peak RSS (the child's ``ru_maxrss``). The target of issue-level
work: every case under 500 MB, and an answer of 0, 1 or 2.

    python bench/hostile.py            # writes the files to a temporary folder
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
sys.path.insert(0, str(REPO))
from tests.fuzz.xlsx import Workbook, sheet_xml, text_row  # noqa: E402

MANIFEST = (EXAMPLES / "manifest-clean.csv").read_text(encoding="utf-8").replace("\r\n", "\n")
LINES = MANIFEST.splitlines()
HEADER = LINES[0].split(",")


def xlsx_bomb(folder: Path) -> Path:
    """About 1 MB that inflates to 1 GB: the sample's rows, then a gigabyte of spaces in the sheet."""
    path = folder / "bomb.xlsx"
    book = Workbook.with_rows([text_row(HEADER, 1)])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in {**book.structure(), **book.parts}.items():
            if name != "xl/worksheets/sheet1.xml":
                archive.writestr(name, data)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            xml = sheet_xml([text_row(HEADER, 1)]).encode()
            head, tail = xml.split(b"</sheetData>")
            sheet.write(head)
            block = b" " * (1 << 20)
            for _ in range(1024):
                sheet.write(block)
            sheet.write(b"</sheetData>" + tail)
    return path


def xlsx_full(folder: Path) -> Path:
    """10,000 rows of 60 columns of inline strings: about as many cells as 64 MB of sheet XML holds."""
    header = HEADER + [f"extra_{n}" for n in range(60 - len(HEADER))]
    data = LINES[1].split(",")
    rows = [text_row(header, 1)]
    for number in range(2, 10_002):
        cells = list(data)
        cells[0] = str(number - 1)
        rows.append(text_row(cells + ["x" * 20] * (60 - len(cells)), number))
    path = folder / "full.xlsx"
    path.write_bytes(Workbook.with_rows(rows).to_bytes())
    return path


def xlsx_shared_strings(folder: Path) -> Path:
    """The sample's rows, with 2.5 million distinct shared strings filling the expansion limit."""
    path = folder / "strings.xlsx"
    book = Workbook.with_rows(
        [text_row(HEADER, 1), *(text_row(line.split(","), n) for n, line in enumerate(LINES[1:], 2))]
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in {**book.structure(), **book.parts}.items():
            if name != "xl/sharedStrings.xml":
                archive.writestr(name, data)
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as strings:
            strings.write(
                b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            )
            for start in range(0, 2_500_000, 10_000):
                strings.write(b"".join(b"<si><t>s%07d</t></si>" % n for n in range(start, start + 10_000)))
            strings.write(b"</sst>")
    return path


def csv_large(folder: Path) -> Path:
    """A CSV just under the 20 MB limit: 10,000 rows with long notes."""
    body = [LINES[0]]
    for number in range(1, 10_001):
        cells = LINES[1].split(",")
        cells[0] = str(number)
        cells[-1] = "n" * 1900
        body.append(",".join(cells))
    path = folder / "large.csv"
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    return path


def csv_long_cell(folder: Path) -> Path:
    lines = list(LINES)
    cells = lines[5].split(",")
    cells[-1] = "x" * 131_073
    lines[5] = ",".join(cells)
    path = folder / "long-cell.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def hold_list_one_line(folder: Path) -> Path:
    path = folder / "holds-one-line.csv"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("hold_ref,surname,second_surname,given_names,date_of_birth,nationality,hold_type,until\n")
        block = "x" * (1 << 20)
        for _ in range(100):
            handle.write(block)
        handle.write("\nH1,GARCIA,,JOSE,1980-01-01,MEX,court_order,\n")
    return path


CASES: list[tuple[str, Callable[[Path], Path], str]] = [
    ("XLSX of ~1 MB that inflates to 1 GB", xlsx_bomb, "manifest"),
    ("XLSX of 10,000 rows × 60 columns", xlsx_full, "manifest"),
    ("XLSX with 2.5 million shared strings (56 MB of XML)", xlsx_shared_strings, "manifest"),
    ("CSV of 10,000 rows, 19 MB", csv_large, "manifest"),
    ("CSV with one cell of 131,073 characters", csv_long_cell, "manifest"),
    ("hold list of one 100 MB line", hold_list_one_line, "holds"),
]


def run(manifest: Path, holds: Path | None, cache: Path) -> tuple[int, float, float]:
    """(exit status, wall seconds, peak RSS in MB) of one ``clearway check`` in a new process."""
    command = str(Path(sys.executable).with_name("clearway"))
    args = [command, "check", "--request", str(EXAMPLES / "request-clean.toml"),
            "--manifest", str(manifest), "--agreement", str(EXAMPLES / "agreement-usa-mex.toml"),
            "--at", "2025-01-15T18:15:00Z", "--format", "json"]  # fmt: skip
    if holds is not None:
        args += ["--holds", str(holds)]
    start = time.perf_counter()
    child = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={"CLEARWAY_CACHE_DIR": str(cache)}
    )
    _, status, usage = os.wait4(child.pid, 0)  # this child's own peak, not the largest so far
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, wall, usage.ru_maxrss / 1024


def main() -> None:
    if sys.argv[1:2] == ["--build"]:
        # In a process of its own: a child forked from a process that built a large file
        # would report that process's memory as its own peak.
        builder = dict((build.__name__, build) for _, build, _ in CASES)[sys.argv[2]]
        print(builder(Path(sys.argv[3])))
        return
    print(f"{platform.node()}, {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; `python bench/hostile.py`\n")
    print("| file | file size | exit | wall | peak RSS |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for title, build, role in CASES:
            built = subprocess.run([sys.executable, __file__, "--build", build.__name__, str(folder)],
                                   capture_output=True, text=True, check=True)  # fmt: skip
            path = Path(built.stdout.strip())
            manifest = path if role == "manifest" else EXAMPLES / "manifest-clean.csv"
            holds = path if role == "holds" else None
            status, wall, peak = run(manifest, holds, folder / "cache")
            size = path.stat().st_size / (1024 * 1024)
            print(f"| {title} | {size:.1f} MB | {status} | {wall:.2f} s | {peak:.0f} MB |")
            path.unlink()


if __name__ == "__main__":
    main()
