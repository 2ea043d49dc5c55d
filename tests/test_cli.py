"""The command line: exit codes, text and JSON output, options."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from budgetkit import __version__
from budgetkit import io as bio
from budgetkit.cli import main
from budgetkit.datasets.synthetic import generate


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    """`budgetkit --version` prints the version and exits 0."""
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    """`budgetkit --help` names the check and score commands."""
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert "check" in text and "score" in text


def test_check_on_the_seed_exits_1_and_groups_findings_by_part() -> None:
    """The seed has error-level findings: exit 1, a summary line, and parts as headings."""
    status, text = run("check", "zigong-hr-2023")
    assert status == 1
    assert text.startswith("自贡市人力资源服务中心 2023年度决算 检查结果")
    assert '【"三公"经费】' in text and "identity.three_public_vehicle" in text
    assert "公布值：2.00　应为：1.99" in text


def test_check_json_has_findings_and_summary() -> None:
    """--format json gives findings with rule, severity, path, message, stated, expected and a summary."""
    status, text = run("check", "zigong-hr-2023", "--format", "json")
    doc = json.loads(text)
    assert status == 1
    assert {"rule", "severity", "path", "message", "stated", "expected"} <= set(doc["findings"][0])
    assert doc["summary"]["error"] == sum(1 for f in doc["findings"] if f["severity"] == "error")
    assert doc["summary"]["total"] == len(doc["findings"])


def test_min_severity_and_disable_filter_the_findings() -> None:
    """--min-severity error keeps only errors; --disable drops a rule family."""
    _, text = run("check", "zigong-hr-2023", "--format", "json", "--min-severity", "error", "--disable", "claim")
    findings = json.loads(text)["findings"]
    assert findings and all(f["severity"] == "error" for f in findings)
    assert not any(f["rule"].startswith("claim.") for f in findings)


def test_consistent_file_exits_0(tmp_path: Path) -> None:
    """A consistent account file (synthetic) exits 0: information findings do not fail the check."""
    path = tmp_path / "account.toml"
    bio.dump(generate(3), path)
    status, text = run("check", str(path), "--lang", "en")
    assert status == 0
    assert "0 errors" in text


def test_unreadable_input_exits_2_with_the_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file with a float amount exits 2 and the message names the file and the field path."""
    path = tmp_path / "bad.toml"
    path.write_text('unit = "x"\nyear = 2023\nunit_type = "行政单位"\n[income]\ntotal = 1.5\n', encoding="utf-8")
    status, _ = run("check", str(path))
    assert status == 2
    err = capsys.readouterr().err
    assert str(path) in err and "$.income.total" in err


def test_missing_input_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A name that is neither a file nor a dataset exits 2 and lists the built-in datasets."""
    status, _ = run("check", "no-such-report")
    assert status == 2
    assert "zigong-hr-2023" in capsys.readouterr().err


def test_score_json_has_the_documented_shape() -> None:
    """`budgetkit score --format json` gives projects with their scores and indicators, decimals as strings."""
    status, text = run("score", "zigong-hr-2023", "--format", "json")
    assert status == 0
    projects = json.loads(text)["projects"]
    assert len(projects) == 7
    first = projects[0]
    assert {
        "code",
        "name",
        "execution_rate",
        "execution_score",
        "indicator_total",
        "rule_total",
        "stated_total",
        "grade",
        "indicators",
    } <= set(first)
    assert first["stated_total"] == "98" and first["rule_total"] == "100.00"
    indicator = first["indicators"][1]
    assert indicator["name"] == "修建电梯基础设施" and indicator["stated_score"] == "14"
    assert indicator["rule_score"] == "15.00" and indicator["agrees"] is False
    archive = next(p for p in projects if p["code"] is None)
    assert archive["indicators"][4]["actual"] is None and archive["indicators"][4]["rule_score"] is None


def test_score_text_marks_disagreements() -> None:
    """The text score table marks stated scores that differ from the rule with ≠."""
    _, text = run("score", "zigong-hr-2023")
    assert "赛前培训完成率" in text and "≠" in text


def test_datasets_lists_each_dataset_with_unit_year_money_unit_and_what_it_is() -> None:
    """`budgetkit datasets` gives zigong-hr-2023 with its unit, year, money unit and a description."""
    status, text = run("datasets")
    first, description = text.splitlines()[:2]
    assert status == 0
    assert first.split("\t") == [
        "zigong-hr-2023",
        "自贡市人力资源服务中心",
        "2023年度",
        "公益一类事业单位",
        "金额单位：万元",
    ]
    assert "单位决算说明" in description


def test_datasets_json_is_one_object_per_dataset() -> None:
    """`budgetkit datasets --format json` lists name, unit, year, unit type, money unit and description."""
    status, text = run("datasets", "--format", "json")
    assert status == 0
    entries = json.loads(text)
    assert [(e["name"], e["year"], e["money_unit"]) for e in entries] == [
        ("zigong-hr-2023", 2023, "万元"),
        ("putuo-planning-2024", 2024, "万元"),
        ("putuo-social-work-2024", 2024, "万元"),
    ]
    assert all(set(e) == {"name", "unit", "year", "unit_type", "money_unit", "description"} for e in entries)


def test_every_option_of_every_command_has_help_text() -> None:
    """Each argument of budgetkit and its subcommands says what it does in --help."""
    from budgetkit.cli import _parser

    parser = _parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    missing = [
        f"{name} {'/'.join(action.option_strings) or action.dest}"
        for name, sub in commands.choices.items()
        for action in sub._actions
        if not action.help
    ]
    assert missing == []
    assert all(choice.help for choice in commands._choices_actions)


def test_report_writes_the_narrative_and_charts(tmp_path: Path) -> None:
    """`budgetkit report --charts DIR` prints Part Two and writes the seven charts as PNG and SVG."""
    status, text = run("report", "zigong-hr-2023", "--format", "text", "--charts", str(tmp_path))
    assert status == 0
    assert "一、收入支出决算总体情况说明" in text and "增加66.02万元，增长6.68%" in text
    assert len(list(tmp_path.glob("*.png"))) == 7 and len(list(tmp_path.glob("*.svg"))) == 7


def test_scoring_variant_changes_the_rule_scores() -> None:
    """--scoring hubei expects a 20-point execution row: the seed's 10-point tables are not scored under it."""
    _, text = run("score", "zigong-hr-2023", "--format", "json", "--scoring", "hubei")
    hubei = json.loads(text)["projects"][0]
    assert hubei["execution_score"] is None and hubei["variant_fits"] is False and hubei["rule_total"] is None
    _, default = run("score", "zigong-hr-2023", "--format", "json")
    assert json.loads(default)["projects"][0]["execution_score"] == "10.00"


def test_check_a_directory_reports_every_account_and_the_unreadable_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A directory of account files is checked file by file; an unreadable file makes the exit status 2."""
    from budgetkit.datasets.synthetic import generate as make

    bio.dump(make(1), tmp_path / "a.toml")
    bio.dump(make(2, defects=("wrong_total",)), tmp_path / "b.json")
    (tmp_path / "c.json").write_text('{"unit": 1}', encoding="utf-8")
    status, text = run("check", str(tmp_path), "--format", "json")
    doc = json.loads(text)
    assert status == 2
    assert [a["source"] for a in doc["accounts"]] == ["a.toml", "b.json"]
    assert doc["accounts"][1]["summary"]["error"] >= 1 and doc["accounts"][0]["summary"]["error"] == 0
    assert doc["unreadable"][0]["source"].endswith("c.json")
    assert "c.json" in capsys.readouterr().err


def test_check_a_parquet_batch_gives_the_same_findings_as_one_by_one(tmp_path: Path) -> None:
    """A Parquet batch is checked with the batch path and finds what checking each account finds."""
    from budgetkit.checks.audit import check
    from budgetkit.checks.batch import Batch, write_parquet
    from budgetkit.datasets.synthetic import generate as make

    accounts = [make(s, defects=("wrong_growth",) if s == 3 else ()) for s in range(6)]
    write_parquet(Batch.from_accounts(accounts), tmp_path, partition_size=4)
    status, text = run("check", str(tmp_path), "--format", "json")
    doc = json.loads(text)
    assert [a["findings"] for a in doc["accounts"]] == [[f.as_dict() for f in check(a)] for a in accounts]
    assert status == 1


def test_check_an_empty_directory_exits_2(tmp_path: Path) -> None:
    """A directory without account files cannot be checked: exit 2."""
    assert run("check", str(tmp_path))[0] == 2


def test_python_dash_m_runs_the_command_line() -> None:
    """``python -m budgetkit`` is the ``budgetkit`` script: same output, same exit status."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "budgetkit", "--version"], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, f"budgetkit {__version__}")
    missing = subprocess.run([sys.executable, "-m", "budgetkit", "check", "no-such-report.pdf"], capture_output=True, text=True, check=False)
    assert missing.returncode == 2 and "no-such-report.pdf" in missing.stderr
