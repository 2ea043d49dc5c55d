"""Two years' reports of one unit checked together (budgetkit.checks.years, ``check --previous``).

The putuo planning report (2024) states its changes against 2023 in words only: 收入总计 9859.38, 比上年增加
1062.85万元，增长12.08%; 财政拨款收、支总计 9746.50, 增加1193.20, 增长13.95%; 机关运行经费 142.80, 减少13.52,
下降8.65%; "三公" 0.39, 减少0.15, 公务接待费 下降27.78% … Alone, none of these can be checked. Its 2023 report is not
in the repository; the 2023 figures below are those its 2024 words imply, computed by hand:
9859.38 − 1062.85 = 8796.53 (1062.85 / 8796.53 = 12.0826% → 12.08); 9746.50 − 1193.20 = 8553.30
(1193.20 / 8553.30 = 13.9502% → 13.95); 142.80 + 13.52 = 156.32 (13.52 / 156.32 = 8.6489% → 8.65);
0.39 + 0.15 = 0.54 (0.15 / 0.54 = 27.78%); 因公出国 and 公务用车 0.00 both years (持平); 年末结转和结余 2023 =
年初结转和结余 2024 = 112.88.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

from budgetkit import datasets
from budgetkit import io as bio
from budgetkit.checks.audit import UnknownRuleError, check, coverage
from budgetkit.checks.batch import check_batch
from budgetkit.checks.finding import Part, Severity
from budgetkit.checks.years import with_previous
from budgetkit.cli import main
from budgetkit.errors import ModelError
from budgetkit.model.account import Figure, FinalAccount

#: The 2023 figures the 2024 planning report's words imply (see the module's docstring).
PLANNING_2023 = {
    "income.total": "8796.53",
    "expenditure.total": "8796.53",
    "fiscal.total": "8553.30",
    "general_budget.total": "8553.30",
    "three_public.total": "0.54",
    "three_public.outbound": "0.00",
    "three_public.vehicle": "0.00",
    "three_public.reception": "0.54",
    "operating_costs": "156.32",
    "expenditure.closing_balance": "112.88",
}


def _set(root: Any, path: str, figure: Figure) -> Any:
    head, _, rest = path.partition(".")
    return attrs.evolve(root, **{head: _set(getattr(root, head), rest, figure) if rest else figure})


def _last_year(figures: dict[str, str], **changes: Any) -> FinalAccount:
    """The planning unit's 2023 account: only the figures given (all else not printed)."""
    planning = datasets.load("putuo-planning-2024")
    account = FinalAccount(unit=planning.unit, unit_type=planning.unit_type, year=2023, **changes)
    for path, amount in figures.items():
        account = _set(account, path, Figure(amount))
    return account


def _rules(findings: Any) -> list[tuple[str, str]]:
    return sorted((f.rule, f.path) for f in findings if f.severity is not Severity.INFO)


def test_last_years_report_checks_every_change_the_report_states_in_words() -> None:
    """Every 比上年 change, rate and 持平 of the planning report is checked against 2023's figures, and holds."""
    planning = datasets.load("putuo-planning-2024")
    before = coverage(planning)
    joined = with_previous(planning, _last_year(PLANNING_2023))
    assert joined.findings == ()
    assert set(joined.filled) == set(PLANNING_2023)
    after = coverage(joined.account)
    assert not [line for line in after.skipped if "上年" in line.zh and "“" in line.zh]  # no 比上年 claim skipped
    assert after.checked["narrative"] == before.checked["narrative"] + 13  # the 13 directions skipped before
    assert "年初结转和结余 = 上年年末结转和结余：所比较的数字未公布" not in [line.zh for line in after.skipped]
    # checked, and every one holds: no warning or error that the report alone did not give
    assert _rules(check(joined.account)) == _rules(check(planning))


@pytest.mark.parametrize(
    ("wrong", "found"),
    [
        (
            {"income.total": "8696.53", "expenditure.total": "8696.53"},
            {("claim.change", "claims[0]"), ("claim.growth", "claims[1]")},
        ),
        ({"operating_costs": "156.42"}, {("claim.change", "claims[43]"), ("claim.growth", "claims[44]")}),
        ({"expenditure.closing_balance": "102.88"}, {("identity.cross_year", "income.opening_balance")}),
    ],
)
def test_a_last_year_figure_the_words_contradict_is_found(wrong: dict[str, str], found: set[tuple[str, str]]) -> None:
    """A 2023 figure made wrong by 0.01 to 100: exactly the claims that state a change of it are found."""
    planning = datasets.load("putuo-planning-2024")
    joined = with_previous(planning, _last_year({**PLANNING_2023, **wrong}))
    new = set(_rules(joined.own(check(joined.account)))) - set(_rules(check(planning)))
    assert new == found


@pytest.mark.parametrize(
    "wrong",
    [
        {"expenditure.total": "8800.00"},  # 2023's 收入总计 8796.53 against its 支出总计 8800.00
        {"three_public.total": "0.64"},  # 2023's "三公" 0.64 against its parts 0.00 + 0.00 + 0.54
    ],
)
def test_last_year_s_own_inconsistencies_are_not_this_report_s(wrong: dict[str, str]) -> None:
    """An identity among last year's figures that this report does not print (上年收入总计 = 支出总计, "三公"经费（上年）
    = its parts) is last year's report's to answer for: not reported on this one (it was, as an error), while a change
    this report states against such a figure is still checked (0.64 → 0.39 is not 减少0.15)."""
    planning = datasets.load("putuo-planning-2024")
    joined = with_previous(planning, _last_year({**PLANNING_2023, **wrong}))
    everything = check(joined.account)
    last_years = {
        ("identity.balance", "expenditure.total.previous"),
        ("identity.three_public_total", "three_public.total.previous"),
    }
    assert set(_rules(everything)) & last_years  # check() itself reports them, on the joined account
    new = set(_rules(joined.own(everything))) - set(_rules(check(planning)))
    assert not new & last_years
    if "three_public.total" in wrong:  # 七（一）'s 减少0.15万元 and its rate, against 0.64
        assert new == {("claim.change", "claims[36]"), ("claim.growth", "claims[37]")}
    else:  # 收入总计's change is against 8796.53, as before
        assert new == set()


def test_a_last_year_figure_printed_otherwise_than_last_years_report_is_a_warning() -> None:
    """The seed (2023) prints 2022's figures; a 2022 report that printed one otherwise gives years.previous."""
    seed = datasets.load("zigong-hr-2023")
    printed = {path: str(getattr(getattr(seed, path.split(".")[0]), path.split(".")[1]).previous.amount)
               for path in ("income.total", "three_public.total")}
    assert printed == {"income.total": "988.88", "three_public.total": "2.22"}
    same = with_previous(seed, _last_year_of(seed, printed))
    assert same.findings == () and same.filled == ()
    joined = with_previous(seed, _last_year_of(seed, {**printed, "three_public.total": "2.32"}))
    [finding] = joined.findings
    assert (finding.rule, finding.path, finding.part, finding.severity) == (
        "years.previous", "three_public.total.previous", Part.THREE_PUBLIC, Severity.WARNING
    )
    assert finding.message == "“三公”经费财政拨款支出上年数2.22万元与2022年度决算报告所列决算数2.32万元不一致（如有调整需说明）"
    assert (finding.stated_text, finding.expected_text) == ("2.22", "2.32")
    # printed at fewer places but possibly the same figure: 988.9 may be 988.88
    assert with_previous(seed, _last_year_of(seed, {"income.total": "988.9"})).findings == ()


def _last_year_of(seed: FinalAccount, figures: dict[str, str]) -> FinalAccount:
    account = FinalAccount(unit=seed.unit, unit_type=seed.unit_type, year=seed.year - 1)
    for path, amount in figures.items():
        account = _set(account, path, Figure(amount))
    return account


def test_only_the_year_before_joins_and_another_unit_is_named() -> None:
    planning = datasets.load("putuo-planning-2024")
    with pytest.raises(ModelError, match=r"must be of 2023, the year before .*the report given is of 2022"):
        with_previous(planning, attrs.evolve(_last_year(PLANNING_2023), year=2022))
    other = attrs.evolve(_last_year(PLANNING_2023), unit="上海市普陀区规划和自然资源管理局")
    [finding] = with_previous(planning, other).findings
    assert finding.rule == "years.unit" and "上海市普陀区规划和自然资源管理局" in finding.message


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_check_previous_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    last = tmp_path / "planning-2023.toml"
    bio.dump(_last_year({**PLANNING_2023, "income.total": "8696.53"}), last)
    status, text = _run("check", "putuo-planning-2024", "--previous", str(last))
    assert status == 1
    assert "claim.growth" in text and f"上年数取自 {last}：10 项（收入总计；" in text
    assert "一“增加1062.85万元”" not in text  # checked now, not listed as skipped
    _, english = _run("check", "putuo-planning-2024", "--previous", str(last), "--lang", "en")
    assert f"Last year's figures taken from {last}: 10 (income.total, " in english
    _, out = _run("check", "putuo-planning-2024", "--previous", str(last), "--format", "json")
    doc = json.loads(out)
    assert doc["previous"]["source"] == str(last) and "operating_costs" in doc["previous"]["filled"]
    assert {f["rule"] for f in doc["findings"]} >= {"claim.change", "claim.growth"}
    # a year that is not the one before: exit 2, the reason on stderr
    bio.dump(attrs.evolve(_last_year(PLANNING_2023), year=2021), tmp_path / "planning-2021.toml")
    status, _ = _run("check", "putuo-planning-2024", "--previous", str(tmp_path / "planning-2021.toml"))
    assert status == 2 and "must be of 2023" in capsys.readouterr().err


def test_the_figures_taken_from_last_year_are_each_named_once_and_apart(tmp_path: Path) -> None:
    """Two figures of one label (一般公共预算财政拨款支出 in 表四 and as 表五's total) taken from last year are named by
    their tables, and the count is the names listed (the label was listed twice, alike)."""
    last = tmp_path / "planning-2023.toml"
    both = {"fiscal.general_budget.expenditure": "8553.30", "fiscal.general_budget.income": "8500.00"}
    bio.dump(_last_year({**PLANNING_2023, **both, "income.general_budget": "8500.00"}), last)
    _, text = _run("check", "putuo-planning-2024", "--previous", str(last))
    [line] = [line for line in text.splitlines() if line.startswith("上年数取自")]
    count, names = line.removeprefix(f"上年数取自 {last}：").removesuffix("）").split(" 项（")
    listed = names.split("；")
    assert len(listed) == int(count) == 13 and len(set(listed)) == len(listed)
    assert {"一般公共预算财政拨款支出（财政拨款收入支出决算总表）", "一般公共预算财政拨款支出（一般公共预算财政拨款支出决算表）",
            "财政拨款收、支总计", "一般公共预算财政拨款收入（收入支出决算总表）"} <= set(listed)


def test_the_join_s_codes_are_disabled_as_any_rule_s(tmp_path: Path) -> None:
    seed = datasets.load("zigong-hr-2023")
    last = tmp_path / "zigong-2022.toml"
    bio.dump(_last_year_of(seed, {"three_public.total": "2.32"}), last)
    _, shown = _run("check", "zigong-hr-2023", "--previous", str(last))
    _, hidden = _run("check", "zigong-hr-2023", "--previous", str(last), "--disable", "years")
    assert "years.previous" in shown and "years.previous" not in hidden
    assert check(seed, disable=("years",)) == check(seed)  # a known code to check() and to the batch alike
    assert check_batch([seed], disable=("years.unit",))[0] == check(seed)
    with pytest.raises(UnknownRuleError, match=r"known prefixes: .*years"):
        check(seed, disable=("yaers",))


def test_a_directory_joins_each_report_with_its_unit_s_report_of_the_year_before(tmp_path: Path) -> None:
    """Two years of the planning unit and a report of another unit: the 2024 one is joined with the 2023 one."""
    bio.dump(datasets.load("putuo-planning-2024"), tmp_path / "planning-2024.toml")
    bio.dump(_last_year({**PLANNING_2023, "operating_costs": "156.42"}), tmp_path / "planning-2023.toml")
    bio.dump(datasets.load("putuo-social-work-2024"), tmp_path / "social-work-2024.toml")
    _, out = _run("check", str(tmp_path), "--format", "json")
    doc = json.loads(out)
    entries = {entry["source"]: entry for entry in doc["accounts"]}
    assert entries["planning-2024.toml"]["previous"]["source"] == "planning-2023.toml"
    assert "previous" not in entries["planning-2023.toml"] and "previous" not in entries["social-work-2024.toml"]
    found = {(f["rule"], f["path"]) for f in entries["planning-2024.toml"]["findings"]}
    assert {("claim.change", "claims[43]"), ("claim.growth", "claims[44]")} <= found
    _, text = _run("check", str(tmp_path))
    assert "上年数取自 planning-2023.toml：10 项" in text
    assert "与本单位上年报告合并核对：1 份\n" in text and "不止一份" not in text
    # two reports of the same unit and year: which is last year's is not guessed
    bio.dump(_last_year(PLANNING_2023), tmp_path / "planning-2023-again.toml")
    _, out = _run("check", str(tmp_path), "--format", "json")
    assert not any("previous" in entry for entry in json.loads(out)["accounts"])
    status, _ = _run("check", str(tmp_path), "--previous", str(tmp_path / "planning-2023.toml"))
    assert status == 2


def test_a_directory_names_the_reports_it_did_not_join_and_why(tmp_path: Path) -> None:
    """A report whose unit has two reports of the year before, and one whose unit has none though the directory holds
    that year, are named as not joined, in Chinese, English and JSON (it was silent); one year alone says nothing."""
    bio.dump(datasets.load("putuo-planning-2024"), tmp_path / "planning-2024.toml")
    bio.dump(datasets.load("putuo-social-work-2024"), tmp_path / "social-work-2024.toml")
    _, text = _run("check", str(tmp_path))
    assert "上年报告" not in text  # one year: nothing could be joined, nothing to say
    bio.dump(_last_year(PLANNING_2023), tmp_path / "planning-2023.toml")
    bio.dump(_last_year(PLANNING_2023), tmp_path / "planning-2023-again.toml")
    _, text = _run("check", str(tmp_path))
    assert "与本单位上年报告合并核对：0 份\n" in text
    assert "未合并，本单位上年报告不止一份（不猜测哪一份是上年的）：planning-2024.toml（planning-2023-again.toml、planning-2023.toml）" in text
    assert "未合并，目录中没有本单位上一年度的报告（或上年单位名称不同）：social-work-2024.toml\n" in text
    assert "planning-2023.toml\n" not in text.split("与本单位上年报告")[1]  # the earliest year is not named
    _, english = _run("check", str(tmp_path), "--lang", "en")
    assert "not joined, more than one report of the unit's year before" in english
    assert "planning-2024.toml (planning-2023-again.toml, planning-2023.toml)" in english
    _, out = _run("check", str(tmp_path), "--format", "json")
    assert json.loads(out)["summary"]["previous"] == {
        "joined": 0,
        "ambiguous": [{"source": "planning-2024.toml", "candidates": ["planning-2023-again.toml", "planning-2023.toml"]}],
        "without": ["social-work-2024.toml"],
    }


def test_report_writes_last_year_s_changes_from_last_year_s_report(tmp_path: Path) -> None:
    """``budgetkit report --previous``: Part Two says what changed since last year, in the words the report printed."""
    last = tmp_path / "planning-2023.toml"
    bio.dump(_last_year(PLANNING_2023), last)
    _, alone = _run("report", "putuo-planning-2024", "--format", "text")
    status, joined = _run("report", "putuo-planning-2024", "--format", "text", "--previous", str(last))
    assert status == 0
    said = ("与2023年度相比，收入支出总计增加1062.85万元，增长12.08%。", "机关运行经费支出142.80万元，比2023年度减少13.52万元，下降8.65%。")
    assert all(sentence in joined and sentence not in alone for sentence in said)


def test_a_previous_report_of_another_year_is_named_as_the_file_at_fault(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--previous`` given a report of the wrong year names that file, not the report checked (it said "cannot load
    putuo-planning-2024", whose file is sound), in check and report alike."""
    last = tmp_path / "planning-2022.toml"
    bio.dump(attrs.evolve(_last_year(PLANNING_2023), year=2022), last)
    for command in ("check", "report"):
        status, _ = _run(command, "putuo-planning-2024", "--previous", str(last))
        err = capsys.readouterr().err
        assert status == 2 and f"cannot load {last}:" in err and "must be of 2023" in err
