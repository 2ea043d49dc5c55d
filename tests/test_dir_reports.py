"""In a directory, only reports: a text or web page is taken for a report when its first part says so
(budgetkit.io.text.not_a_report); the others are listed as skipped with why, never silently; a file
named on the command line is always tried."""

from __future__ import annotations

import io as text_io
import json
import shutil
from pathlib import Path

import pytest

from budgetkit.cli import main
from budgetkit.io.text import SNIFF_BYTES, not_a_report

SEED = Path(__file__).parent / "data" / "seeds" / "000_ad8dd908a3134475.txt"
README = "这个目录放的是各单位的公开文件，用 budgetkit check 检查。\n数据来源：各单位网站。\n"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("seed.txt", SEED.read_text(encoding="utf-8")),
        ("title.txt", "示例中心\n2023年度单位决算编制的说明\n"),
        ("heading.txt", "一、收入支出决算总体情况说明\n本年收入合计 9.50 万元。\n"),
        ("table.txt", "\t部门预算项目支出绩效自评表（2023年度）\n"),
        ("page.html", "<html><head><title>示例局2024年度部门决算</title></head><body><p>正文</p></body></html>"),
        ("split.html", "<html><body><h1>示例局<br>2024年度<span>部门决算</span></h1></body></html>"),
    ],
)
def test_a_report_says_so_in_its_first_part(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert not_a_report(path) is None


def test_a_report_in_gb18030_or_utf_16_is_one(tmp_path: Path) -> None:
    text = "示例中心\n2023年度单位决算编制的说明\n" + "正文。" * 20000  # longer than the part read: cut mid-character
    for encoding in ("gb18030", "utf-16"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        assert path.stat().st_size > SNIFF_BYTES
        assert not_a_report(path) is None, encoding


def test_what_is_not_a_report_says_why(tmp_path: Path) -> None:
    readme = tmp_path / "README.txt"
    readme.write_text(README, encoding="utf-8")
    why = not_a_report(readme)
    assert why is not None
    assert (why.reason, why.reason_zh) == (
        "no 决算 title, section heading or table title in its first 32 KiB",
        "前32KiB中没有决算标题、章节标题或表名",
    )
    binary = tmp_path / "data.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    assert str(not_a_report(binary)) == "not text in UTF-8, UTF-16 or GB18030 (a binary file?)"
    # 决算 in running text (a line longer than a title) is not a title
    notes = tmp_path / "notes.txt"
    notes.write_text("本目录收集了各区县2024年度的部门决算和单位决算公开文件，按单位名称排序，缺少的文件在下方列出。\n", encoding="utf-8")
    assert not_a_report(notes) is not None
    # a title past the part read does not count; nor does 决算 inside a page's script
    late = tmp_path / "late.txt"
    late.write_text("说明。\n" * (SNIFF_BYTES // 4) + "2023年度单位决算\n", encoding="utf-8")
    assert not_a_report(late) is not None
    script = tmp_path / "script.html"
    script.write_text("<html><script>var t = '2024年度部门决算';</script><p>首页</p></html>", encoding="utf-8")
    assert not_a_report(script) is not None


def test_a_file_that_cannot_be_read_is_left_to_its_import(tmp_path: Path) -> None:
    assert not_a_report(tmp_path / "missing.txt") is None
    assert not_a_report(tmp_path) is None  # a directory: its import names the problem


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "reports"
    path.mkdir()
    shutil.copy(SEED, path / "seed.txt")
    (path / "README.txt").write_text(README, encoding="utf-8")
    (path / "index.html").write_text("<html><body><p>目录</p></body></html>", encoding="utf-8")
    return path


def test_check_dir_lists_what_is_not_a_report(folder: Path) -> None:
    out = text_io.StringIO()
    assert main(["check", str(folder), "--jobs", "1", "--lang", "en"], out=out) == 1  # the seed's errors
    printed = out.getvalue()
    assert [line[3:] for line in printed.splitlines() if line.startswith("== ")] == ["seed.txt"]
    assert "1 account checked, 0 unreadable" in printed
    assert printed.endswith(
        "Skipped 2 files, not reports:\n"
        "  - README.txt: no 决算 title, section heading or table title in its first 32 KiB\n"
        "  - index.html: no 决算 title, section heading or table title in its first 32 KiB\n"
    )
    out = text_io.StringIO()
    main(["check", str(folder), "--jobs", "1"], out=out)
    assert "跳过 2 个不是报告的文件：\n  - README.txt: 前32KiB中没有决算标题、章节标题或表名\n" in out.getvalue()


def test_check_dir_json_lists_what_is_not_a_report(folder: Path) -> None:
    out = text_io.StringIO()
    main(["check", str(folder), "--jobs", "1", "--format", "json"], out=out)
    doc = json.loads(out.getvalue())
    assert [a["source"] for a in doc["accounts"]] == ["seed.txt"]
    assert [(Path(s["source"]).name, s["reason_zh"]) for s in doc["skipped"]] == [
        ("README.txt", "前32KiB中没有决算标题、章节标题或表名"),
        ("index.html", "前32KiB中没有决算标题、章节标题或表名"),
    ]


def test_import_dir_imports_the_reports_only(folder: Path, tmp_path: Path) -> None:
    out = text_io.StringIO()
    assert main(["import", str(folder), "-o", str(tmp_path / "out"), "--jobs", "1"], out=out) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["seed.toml"]
    assert out.getvalue().startswith("1 of 1 report files imported into")
    assert "Skipped 2 files, not reports:\n  - README.txt: " in out.getvalue()


def test_a_directory_without_reports_is_refused_naming_the_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "README.txt").write_text(README, encoding="utf-8")
    assert main(["check", str(tmp_path)], out=text_io.StringIO()) == 2
    assert "no reports in this directory: README.txt (no 决算 title" in capsys.readouterr().err
    assert main(["import", str(tmp_path), "-o", str(tmp_path / "out")], out=text_io.StringIO()) == 2
    assert "no reports in this directory: README.txt" in capsys.readouterr().err


def test_a_file_named_is_always_tried(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = tmp_path / "README.txt"
    readme.write_text(README, encoding="utf-8")
    assert main(["check", str(readme)], out=text_io.StringIO()) == 2
    err = capsys.readouterr().err
    assert "README.txt" in err and "no unit and year" in err and "not a report" not in err
