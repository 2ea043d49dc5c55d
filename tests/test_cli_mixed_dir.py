"""`budgetkit check DIR` and `budgetkit import DIR` over workbooks, texts and web pages (and account files):
the same worker path as PDFs, with each finding's place (sheet!cell, line)."""

from __future__ import annotations

import html
import io as text_io
import json
import shutil
from pathlib import Path

import pytest

from budgetkit import datasets, io
from budgetkit.cli import main

pytest.importorskip("openpyxl")
pytest.importorskip("xlrd")

DATA = Path(__file__).parent / "data"
SEED = DATA / "seeds" / "000_ad8dd908a3134475.txt"


def _slipped_seed() -> str:
    """The seed with one slip: 收入总计's growth printed 6.78% where 66.02 / 988.88 is 6.68%."""
    text = SEED.read_text(encoding="utf-8")
    printed = "增加66.02万元，增长6.68%。主要变动原因是"
    assert text.count(printed) == 1
    return text.replace(printed, "增加66.02万元，增长6.78%。主要变动原因是")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workbook of each format, a text, a web page and an account file, in one directory."""
    from budgetkit.outputs.workbook import write_xlsx

    path = tmp_path_factory.mktemp("mixed")
    shutil.copy(DATA / "workbooks" / "putuo-planning-2024.xls", path / "a-planning.xls")
    write_xlsx(datasets.load("putuo-social-work-2024"), path / "b-social-work.xlsx")
    (path / "c-seed.txt").write_text(_slipped_seed(), encoding="utf-8")
    lines = SEED.read_text(encoding="utf-8").splitlines()[:138]  # the 说明, without the self-evaluation tables
    page = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip())
    (path / "d-seed.html").write_text(f"<html><body>\n{page}\n</body></html>\n", encoding="utf-8")
    io.dump(datasets.load("zigong-hr-2023"), path / "e-account.toml")
    (path / "notes.md").write_text("not a report", encoding="utf-8")
    return path


NAMES = ["a-planning.xls", "b-social-work.xlsx", "c-seed.txt", "d-seed.html", "e-account.toml"]


def test_a_mixed_directory_is_checked_file_by_file(folder: Path) -> None:
    out = text_io.StringIO()
    status = main(["check", str(folder), "--jobs", "2"], out=out)
    printed = out.getvalue()
    assert [line[3:] for line in printed.splitlines() if line.startswith("== ")] == NAMES
    assert "共检查 5 份，无法读取 0 份" in printed
    assert status in (0, 1)
    # one line per file at the end, the most errors first, each with its counts and what its import read
    table = printed.split("逐份汇总（错误多的在前）：\n")[1].split("\n\n")[0].splitlines()[1:]
    files = [line.split("  ")[-1].split(" · ")[0] for line in table]
    assert sorted(files) == NAMES
    errors = [int(line.split()[0]) for line in table]
    assert errors == sorted(errors, reverse=True)
    assert all(line.split()[3] == "—" for line in table if "e-account.toml" in line)  # an account file: no import


def test_findings_of_imported_reports_carry_their_places(folder: Path) -> None:
    out = text_io.StringIO()
    main(["check", str(folder), "--format", "json", "--jobs", "1"], out=out)
    doc = json.loads(out.getvalue())
    accounts = {a["source"]: a for a in doc["accounts"]}
    assert list(accounts) == NAMES and doc["unreadable"] == []
    slip = [f for f in accounts["c-seed.txt"]["findings"] if f["rule"] == "claim.growth"]
    assert [(f["path"], f["source"]["file"], f["source"]["place"]) for f in slip] == [
        ("claims[1]", str(folder / "c-seed.txt"), "第15行")
    ]
    for name in NAMES[:4]:
        assert all(f["source"]["file"] == str(folder / name) for f in accounts[name]["findings"])
    assert all("source" not in f for f in accounts["e-account.toml"]["findings"])


def test_the_directory_gives_what_each_file_gives_alone(folder: Path) -> None:
    """Each report checked in the directory has the findings `check FILE` gives it."""
    out = text_io.StringIO()
    main(["check", str(folder), "--format", "json", "--jobs", "2"], out=out)
    together = {a["source"]: a["findings"] for a in json.loads(out.getvalue())["accounts"]}
    for name in NAMES:
        alone = text_io.StringIO()
        main(["check", str(folder / name), "--format", "json"], out=alone)
        assert json.loads(alone.getvalue())["findings"] == together[name], name


def test_import_dir_writes_an_account_for_each_report(folder: Path, tmp_path: Path) -> None:
    out = text_io.StringIO()
    assert main(["import", str(folder), "-o", str(tmp_path), "--jobs", "2"], out=out) == 0
    assert "4 of 4 report files imported" in out.getvalue()
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["a-planning.toml", "b-social-work.toml", "c-seed.toml", "d-seed.toml"]
    assert io.load(tmp_path / "a-planning.toml").unit == datasets.load("putuo-planning-2024").unit


def test_reports_of_one_name_do_not_overwrite_each_other(folder: Path, tmp_path: Path) -> None:
    both = tmp_path / "in"
    both.mkdir()
    shutil.copy(folder / "c-seed.txt", both / "seed.txt")
    shutil.copy(folder / "d-seed.html", both / "seed.html")
    out = text_io.StringIO()
    assert main(["import", str(both), "-o", str(tmp_path / "out")], out=out) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["seed.html.toml", "seed.txt.toml"]
