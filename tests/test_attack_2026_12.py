"""Regression tests for the hostile-input report of 2026-12 (issue 12): F1, F5, F6, F8 and F10.

Each test is the report's reproducer, cut to its essence. F2–F4 and F9 (batch and Parquet)
and F7 (report speed) are covered beside the code that fixes them.
"""

from __future__ import annotations

import io as text_io
import json
import os
import sys
import tracemalloc
from pathlib import Path

import pytest

from budgetkit import datasets
from budgetkit.checks.audit import check
from budgetkit.cli import main, score_report
from budgetkit.errors import LoadError, LoadIssue
from budgetkit.io import MAX_KEY_WORK, load, loads, unstructure
from budgetkit.narrative.report import render
from budgetkit.outputs import html

HEAD = 'unit = "示例单位"\nyear = 2023\nunit_type = "行政单位"\n'
CHART = HEAD + (
    '[income]\ntotal = "10.00"\n[[charts]]\nnumber = 1\ntitle = "收入"\nkind = "柱状图"\ndata_title = "收入"\n'
    'labels = ["2023"]\nvalues = ["{value}"]\nsubjects = ["income.total.current"]\n'
)


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = text_io.StringIO(), text_io.StringIO()
    saved, sys.stderr = sys.stderr, err
    try:
        status = main(list(argv), out=out)
    finally:
        sys.stderr = saved
    return status, out.getvalue(), err.getvalue()


# -- F1: a chart value with a huge exponent ---------------------------------------------------------------------


@pytest.mark.parametrize("value", ["1e999999999", "1e-999999999", "-1E+999999"])
def test_f1_a_chart_value_with_a_huge_exponent_is_not_a_number(value: str) -> None:
    """A chart value such as "1e999999999" is reported as not a number at once, never expanded."""
    findings = check(loads(CHART.format(value=value)))
    assert [(f.rule, f.path) for f in findings] == [("chart.value", "charts[0].values[0]")]
    assert "不是数字" in findings[0].message


def test_f1_a_directory_with_such_a_chart_is_checked(tmp_path: Path) -> None:
    """The directory (batch) path refuses the same chart value as the single file, with exit 1."""
    (tmp_path / "chart.toml").write_text(CHART.format(value="1e999999999"), encoding="utf-8")
    status, out, _ = _cli("check", str(tmp_path))
    assert status == 1 and "chart.value" in out


def test_f1_float_noise_in_a_chart_is_still_read() -> None:
    """A spreadsheet's float noise (1054.9000000000001) still passes the door and is reported as information."""
    findings = check(loads(CHART.format(value="10.000000000000002")))
    assert [f.rule for f in findings] == ["chart.float_artifact"]


# -- F5: loaded but not checkable -------------------------------------------------------------------------------


def test_f5_a_reception_cost_finer_than_an_amount_is_refused_at_load() -> None:
    """cost_yuan with 9 decimals is refused at load, naming the field, since in 万元 it would need 13."""
    text = HEAD + (
        '[three_public]\n[[three_public.events]]\ndate = "2023-03-05"\nparty = "x"\npersons = 1\n'
        'cost_yuan = "0.000000001"\npurpose = "y"\n'
    )
    with pytest.raises(LoadError) as caught:
        loads(text)
    assert [issue.path for issue in caught.value.issues] == ["$.three_public.events[0].cost_yuan"]
    assert "more than 8 decimal places" in caught.value.issues[0].message


def test_f5_a_thirty_digit_amount_is_reported() -> None:
    """A 30-digit amount, accepted at load, is checked and reported (the claim holds 32 digits)."""
    account = loads(HEAD + '[fiscal]\ntotal = "99999999999999999999999999999.9"\n')
    assert "99,999,999,999,999,999,999,999,999,999.9万元" in render(account)  # the figure keeps its printed places
    grown = loads(HEAD + '[fiscal]\ntotal = { current = "99999999999999999999999999999.9", previous = "1.00" }\n')
    assert "增加99,999,999,999,999,999,999,999,999,998.90万元" in render(grown)  # a 31-digit change is exact
    status, _, err = _cli("report", "zigong-hr-2023")
    assert status == 0 and err == ""


def test_f5_a_refusal_after_loading_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A budgetkit error raised after loading is reported with the file named, exit 2, and as JSON when asked."""
    from budgetkit.checks import audit
    from budgetkit.errors import InvalidNumberError

    def broken(*args: object, **kwargs: object) -> list[object]:
        raise InvalidNumberError("x", "a test refusal")

    monkeypatch.setattr(audit, "check", broken)
    path = tmp_path / "a.toml"
    path.write_text(HEAD, encoding="utf-8")
    status, out, err = _cli("check", str(path), "--format", "json")
    assert status == 2 and str(path) in err
    assert json.loads(out)["error"]["file"] == str(path)


# -- F6: the TOML bomb ------------------------------------------------------------------------------------------


def test_f6_many_deep_dotted_keys_are_refused_before_parsing() -> None:
    """146,000 dotted keys of 31 parts (10 MB) are refused before parsing, in little memory, with a short message."""
    text = "\n".join(".".join([f"k{i}"] + ["a"] * 30) + " = 1" for i in range(145_987))
    tracemalloc.start()
    try:
        with pytest.raises(LoadError) as caught:
            loads(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024
    assert str(MAX_KEY_WORK) in str(caught.value) and len(str(caught.value)) < 300


def test_f6_dotted_keys_in_one_inline_table_count_too() -> None:
    """The same keys inside one inline table are refused the same way."""
    text = "x = {" + ", ".join(".".join([f"k{i}"] + ["a"] * 30) + " = 1" for i in range(5_000)) + "}\n"
    with pytest.raises(LoadError, match="more work than the limit"):
        loads(text)


def test_f6_a_message_listing_many_unknown_keys_is_bounded() -> None:
    """100,000 unknown keys give one issue of bounded length that says how many more there are."""
    text = HEAD + "".join(f"key{i} = 1\n" for i in range(100_000))
    with pytest.raises(LoadError) as caught:
        loads(text)
    (issue,) = caught.value.issues
    assert len(issue.message) <= LoadIssue.MAX_MESSAGE and "99980 more" in issue.message


def test_f6_every_issue_is_bounded() -> None:
    """An issue's path and message are cut to their limits, saying how long they were."""
    issue = LoadIssue("$." + "k" * 10_000, "m" * 10_000)
    assert len(issue.path) <= LoadIssue.MAX_PATH and len(issue.message) <= LoadIssue.MAX_MESSAGE
    assert "10000 characters in all" in issue.message


# -- F8: files that are not regular files -----------------------------------------------------------------------

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo")


@needs_fifo
def test_f8_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    """load() of a FIFO raises a LoadError saying what it is, instead of waiting for a writer."""
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match=r"not a regular file: a named pipe \(FIFO\)"):
        load(fifo)


@needs_fifo
def test_f8_a_directory_holding_a_fifo_is_checked(tmp_path: Path) -> None:
    """A directory holding a FIFO checks its other files and names the FIFO as unreadable (exit 2)."""
    (tmp_path / "good.toml").write_text(HEAD, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.toml")
    status, out, err = _cli("check", str(tmp_path))
    assert status == 2 and "== good.toml" in out and "pipe.toml" in err and "FIFO" in err


@needs_fifo
def test_f8_a_fifo_named_parquet_is_refused(tmp_path: Path) -> None:
    """A FIFO named like a Parquet batch is refused before the Parquet reader opens it."""
    os.mkfifo(tmp_path / "pipe.parquet")
    status, _, err = _cli("check", str(tmp_path / "pipe.parquet"))
    assert status == 2 and "named pipe" in err


def test_f8_a_symlink_loop_is_reported_as_such(tmp_path: Path) -> None:
    """A symbolic link loop is reported as a loop, not as a missing file; a dangling link names its target."""
    (tmp_path / "loop.toml").symlink_to("loop.toml")
    (tmp_path / "dangling.toml").symlink_to("nowhere.toml")
    status, _, err = _cli("check", str(tmp_path / "loop.toml"))
    assert status == 2 and "symlink loop" in err and "a loop of symbolic links" in err
    status, _, err = _cli("check", str(tmp_path / "dangling.toml"))
    assert status == 2 and "a symbolic link to nowhere.toml, which does not exist" in err


@pytest.mark.parametrize("command", ["check", "score", "report"])
@pytest.mark.parametrize("name", ["loop.toml", "loop.pdf", "loop.parquet", "loopdir", "loopdir/a.toml"])
def test_f10_every_command_calls_a_symlink_loop_a_symlink_loop(tmp_path: Path, command: str, name: str) -> None:
    """A loop of links, as the file or as a folder on the way to it, is a "symlink loop" (exit 2), never "no such file"."""
    for link in ("loop.toml", "loop.pdf", "loop.parquet", "loopdir"):
        (tmp_path / link).symlink_to(link)
    status, _, err = _cli(command, str(tmp_path / name))
    assert status == 2 and "symlink loop" in err and "no such file" not in err, err
    status, out, _ = _cli(command, str(tmp_path / name), *(["--format", "json"] if command != "report" else []))
    if command != "report":
        assert "symlink loop" in json.loads(out)["error"]["message"]


def test_f10_load_and_read_pdf_call_a_symlink_loop_a_symlink_loop(tmp_path: Path) -> None:
    """io.load and io.read_pdf say "symlink loop" too."""
    from budgetkit.io import read_pdf

    (tmp_path / "loop.toml").symlink_to("loop.toml")
    (tmp_path / "loop.pdf").symlink_to("loop.pdf")
    with pytest.raises(LoadError, match="symlink loop"):
        load(tmp_path / "loop.toml")
    with pytest.raises(LoadError, match="symlink loop"):
        read_pdf(tmp_path / "loop.pdf")


@needs_fifo
def test_f8_a_fifo_named_pdf_is_refused_without_blocking(tmp_path: Path) -> None:
    """A FIFO named like a PDF is refused before anything opens it for reading (which would wait for a writer)."""
    os.mkfifo(tmp_path / "pipe.pdf")
    status, _, err = _cli("check", str(tmp_path / "pipe.pdf"))
    assert status == 2 and "named pipe" in err


@pytest.mark.parametrize("command", ["score", "report"])
def test_one_account_commands_say_what_to_use_for_a_directory_or_parquet(tmp_path: Path, command: str) -> None:
    """score and report read one account: a directory or a Parquet batch is refused with a pointer to check."""
    from budgetkit.checks.batch import Batch, write_parquet

    (tmp_path / "a.toml").write_text(HEAD, encoding="utf-8")
    (part,) = write_parquet(Batch.from_accounts([loads(HEAD)]), tmp_path / "pq")
    for source, what in ((tmp_path, "a directory"), (part, "a Parquet batch")):
        status, _, err = _cli(command, str(source))
        assert status == 2 and f"{what} holds many accounts: budgetkit check reads it" in err, err


def test_f8_a_directory_given_as_a_file_is_refused(tmp_path: Path) -> None:
    """load() of a directory says it is a directory."""
    with pytest.raises(LoadError, match="not a regular file: a directory"):
        load(tmp_path)


# -- F10: messages ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('{"unit": null, "year": 2023, "unit_type": "行政单位"}', "$.unit: expected text, got null"),
        (
            '{"unit": "x", "year": [[{"k": 1.5}]], "unit_type": "行政单位"}',
            "$.year: expected a whole number, got a list",
        ),
        ('{"unit": "x", "year": null, "unit_type": "行政单位"}', "$.year: expected a whole number, got null"),
        (  # found by the fuzzer after the merges: a pair given as null, or as one number
            '{"unit": "x", "year": 2023, "unit_type": "行政单位", "three_public": {"vehicles_owned_by_type": [null]}}',
            "$.three_public.vehicles_owned_by_type[0]: expected a [name, count] pair, got null",
        ),
        (
            '{"unit": "x", "year": 2023, "unit_type": "行政单位", "assets": {"vehicles_by_use": [["1.5"]]}}',
            "$.assets.vehicles_by_use[0]: expected a [name, count] pair, got a list of 1",
        ),
    ],
)
def test_f10_load_errors_name_values_as_the_file_writes_them(text: str, fragment: str) -> None:
    """JSON null and containers are named as null, a list, a table: no NoneType, no Python object repr."""
    with pytest.raises(LoadError) as caught:
        loads(text, "json")
    message = str(caught.value)
    assert fragment in message and "NoneType" not in message and "object at 0x" not in message


def test_f10_a_negative_tiny_amount_is_shown_in_plain_digits() -> None:
    """A refused negative amount is shown as -0.000000000001, not -1E-12."""
    text = HEAD + '[[general_budget.categories]]\nlevel = "类"\nname = "a"\nactual = "-0.000000000001"\n'
    with pytest.raises(LoadError) as caught:
        loads(text)
    assert "-0.000000000001" in str(caught.value) and "E-12" not in str(caught.value)


def test_f10_findings_html_and_score_json_use_plain_digits() -> None:
    """A tiny amount appears as 0.000000000001 in findings, HTML and the score report, never in E notation."""
    data = unstructure(datasets.load("zigong-hr-2023"))
    data["income"]["other"] = "0.000000000001"
    data["projects"][0]["indicators"][0]["stated_score"] = "0.000000000001"
    account = loads(json.dumps(data, ensure_ascii=False), "json")
    findings = check(account)
    assert all("E-" not in (f.stated_text or "") + (f.expected_text or "") for f in findings)
    outputs = {  # indicator messages interpolate scores directly: left to the finding catalogue (issue 12)
        "findings": json.dumps([f.as_dict() for f in findings if f.part.name != "PROJECTS"], ensure_ascii=False),
        "html": html.render(account),
        "score": json.dumps(score_report(account), ensure_ascii=False),
    }
    for name, output in outputs.items():
        assert "0.000000000001" in output or name == "html", name  # the HTML shows the key figures only
        assert "E-" not in output and "E+" not in output, name
    project = html.render(account.projects[0])
    assert "0.000000000001" in project and "E-" not in project


def test_f10_a_level_one_name_without_a_principle_weight_says_none() -> None:
    """A 一级指标 name that has no principle weight is written as having none, never as 'principle None'."""
    data = unstructure(datasets.load("zigong-hr-2023"))
    data["projects"][0]["indicators"][0]["level1"] = "产出�"
    findings = check(loads(json.dumps(data, ensure_ascii=False), "json"))
    messages = [f.message + f.message_en for f in findings if f.rule == "project.principle_weights"]
    assert messages and all("None" not in m for m in messages)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            '{"format_version": "0.2", "unit": "x", "year": 2023, "unit_type": "行政单位", "tables": {"tables": '
            '[{"key": "summary", "columns": ["amount"], "number": "一", "title": "t", '
            '"rows": [{"key": "total", "name": "合计", "cells": [null]}]}]}}',
            '$.tables.tables[0].rows[0].cells[0]: expected a printed cell as a string such as "12.34" '
            '(or "" for a blank), got null',
        ),
        (
            '{"unit": "x", "year": 2023, "unit_type": "行政单位", "income": {"total": {"x": "1", "current": "1"}}}',
            "unknown keys x; a figure has current, previous, budget",
        ),
    ],
)
def test_f10_cells_and_figures_name_values_without_a_repr(text: str, fragment: str) -> None:
    """A printed cell given null and a figure with unknown keys are named without a Python repr."""
    with pytest.raises(LoadError) as caught:
        loads(text, "json")
    message = str(caught.value)
    assert fragment in message and "None" not in message and "['" not in message, message


# -- reload: every account the model holds dumps and loads back -------------------------------------------------


@pytest.mark.parametrize("digits", [31, 47, 58])
def test_a_claim_of_more_than_thirty_digits_loads_back(digits: int) -> None:
    """A claim whose stated figure has 31–60 digits (a report's percentage of two large amounts) loads back equal."""
    import attrs

    from budgetkit.io import dumps
    from budgetkit.model.claim import Claim

    account = datasets.load("zigong-hr-2023")
    claim = Claim(kind="share", subject="income.total", stated="9" * (digits - 2) + ".12", base="income.total")
    account = attrs.evolve(account, claims=(*account.claims, claim))
    for fmt in ("toml", "json"):
        assert loads(dumps(account, fmt), fmt) == account  # type: ignore[arg-type]


def test_a_claim_of_more_than_sixty_digits_is_refused_at_its_place() -> None:
    """The claim limit is the model's (60 digits): one more is refused at load, at the claim's path."""
    text = HEAD + '[[claims]]\nkind = "share"\nsubject = "income.total"\nstated = "' + "9" * 61 + '"\n'
    with pytest.raises(LoadError, match=r"\$\.claims\[0\]\.stated: .* more than 60 significant digits"):
        loads(text)


def test_the_report_of_a_thirty_digit_account_loads_back() -> None:
    """The account the report writes for 30-digit amounts (its claims have more digits) dumps and loads back."""
    from budgetkit.io import dumps
    from budgetkit.narrative.report import report_account

    text = HEAD + '[income]\ntotal = { current = "999999999999999999999999999999", previous = "0.000000000001" }\n'
    written = report_account(loads(text))
    for fmt in ("toml", "json"):
        assert loads(dumps(written, fmt), fmt) == written  # type: ignore[arg-type]


# -- exit statuses: 0, 1, 2 and never a traceback -----------------------------------------------------------------


def test_an_output_file_that_cannot_be_written_is_named_with_exit_2(tmp_path: Path) -> None:
    """An output path the system refuses (a missing folder) is named, exit 2, not an internal error."""
    target = tmp_path / "missing" / "charts"
    (tmp_path / "missing").write_text("a file, not a folder", encoding="utf-8")
    status, _, err = _cli("report", "zigong-hr-2023", "--charts", str(target))
    assert status == 2 and str(target) in err and "internal error" not in err, err


def test_warnings_reach_the_user_as_lines_not_source_locations(tmp_path: Path) -> None:
    """A warning while a command runs (a chart that cannot be drawn) is a 'budgetkit: warning:' line."""
    (tmp_path / "a.toml").write_text(HEAD, encoding="utf-8")
    status, _, err = _cli("report", str(tmp_path / "a.toml"), "--charts", str(tmp_path / "charts"))
    assert status == 0 and "budgetkit: warning: chart" in err and ".py:" not in err, err


@pytest.mark.parametrize(
    ("version", "shown"), [("null", "null"), ("1.5", "1.5"), ("[1]", "a list"), ('"9.9"', '"9.9"'), ("true", "true")]
)
def test_f10_an_unknown_format_version_is_named_as_the_file_writes_it(version: str, shown: str) -> None:
    """A format_version that is null, a float, a list or unknown is named as written: no None, no object repr."""
    text = f'{{"format_version": {version}, "unit": "x", "year": 2023, "unit_type": "行政单位"}}'
    with pytest.raises(LoadError) as caught:
        loads(text, "json")
    message = str(caught.value)
    assert f"$.format_version: format version {shown} is not one" in message, message
    assert "None" not in message and "object at 0x" not in message and "True" not in message


@pytest.mark.parametrize(
    ("data", "issue"),
    [
        ({"projects": [[1]]}, "$.projects[0]: expected a table, got a list"),
        ({"claims": [None]}, "$.claims[0]: expected a table, got null"),
        ({"income": "x"}, '$.income: expected a table, got "x"'),
        ({"three_public": None}, "$.three_public: expected a table, got null"),
        ({"passages": [1]}, "$.passages[0]: expected a table, got 1"),
        (
            {"explanations": [{"subject": "a", "change": "1", "contributions": [[1]]}]},
            "$.explanations[0].contributions[0]: expected a table, got a list",
        ),
    ],
)
def test_f10_a_value_where_a_table_is_due_is_named_without_python_internals(
    data: dict[str, object], issue: str
) -> None:
    """A list, null, text or number where a table is due says so at its path: no 'NoneType', no "'list' object"."""
    with pytest.raises(LoadError) as caught:
        loads(json.dumps({"unit": "x", "year": 2023, "unit_type": "行政单位", **data}), "json")
    message = str(caught.value)
    assert issue in message and "NoneType" not in message and "' object" not in message, message


@pytest.mark.parametrize(
    ("data", "issue"),
    [
        ({"explanations": 4}, "$.explanations: expected a list, got 4"),
        ({"passages": None}, "$.passages: expected a list, got null"),
        (
            {"general_budget": {"categories": [{"level": "类", "name": "a", "children": 1.5}]}},
            "$.general_budget.categories[0].children: expected a list, got 1.5",
        ),
    ],
)
def test_f10_a_number_or_null_where_a_list_is_due_is_named(data: dict[str, object], issue: str) -> None:
    """A number or null where a list is due says so at its path: no "'int' object is not iterable"."""
    with pytest.raises(LoadError) as caught:
        loads(json.dumps({"unit": "x", "year": 2023, "unit_type": "行政单位", **data}), "json")
    message = str(caught.value)
    assert issue in message and "' object" not in message and "_Float" not in message, message


def test_a_top_level_item_line_is_written_by_report() -> None:
    """A 项 printed with no 类 or 款 above it (found by the fuzzer) is written, not an internal error."""
    account = datasets.load("zigong-hr-2023")
    data = unstructure(account)
    data["general_budget"]["categories"][2] = {"level": "项", "name": "科学技术支出", "actual": "0"}
    text = render(loads(json.dumps(data, ensure_ascii=False), "json"))
    assert "科学技术支出（项）" in text
