"""Real reports with the sloppy variations units publish (benchmarks/fuzz.py ``perturb``): each imports and checks,
or is refused with a LoadError that says why; no figure is misread."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetkit.errors import LoadError
from budgetkit.io.text import read_text

DATA = Path(__file__).parent / "data"
BEIJING = (DATA / "regions" / "beijing.txt").read_text(encoding="utf-8")
SAMPLES = DATA / "samples"


def _titled(tmp_path: Path, title: str) -> Path:
    """Beijing's report with its title line replaced by ``title``."""
    path = tmp_path / "report.txt"
    path.write_text(title + "\n" + BEIJING.split("\n", 1)[1], encoding="utf-8")
    return path


def test_a_year_in_chinese_numerals_in_the_title_is_read(tmp_path: Path) -> None:
    """A cover that writes its year in Chinese numerals (二〇二三年度) is read as the year in digits."""
    account = read_text(_titled(tmp_path, "北京市示例服务中心二〇二三年度部门决算")).account
    assert (account.unit, account.year) == ("北京市示例服务中心", 2023)


def test_a_misprinted_year_in_the_title_is_refused_with_a_load_error(tmp_path: Path) -> None:
    """A title whose year is a slip (2923年度) is refused naming the title's year, not a ModelError from the account;
    no other line is taken for the title instead."""
    with pytest.raises(LoadError, match="title: the title's year 2923 is not a year of 1990–2100"):
        read_text(_titled(tmp_path, "北京市示例服务中心2923年度部门决算"))


def test_a_year_run_into_other_digits_is_no_year(tmp_path: Path) -> None:
    """A year printed twice over (202023年度) is no year: the 2023 inside it is not taken, nor is 度 of a heading's
    "2023年度部门决算说明" taken for the unit."""
    with pytest.raises(LoadError, match="no unit and year"):
        read_text(_titled(tmp_path, "北京市示例服务中心202023年度部门决算"))
