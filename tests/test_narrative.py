"""The narrative and text checks: direction words, reasons, adjustments, balances, years, units, wording, coverage."""

from __future__ import annotations

import io
import json
import pickle
from pathlib import Path

import attrs
import pytest

from budgetkit import datasets
from budgetkit import io as bio
from budgetkit.checks.audit import Coverage, check, coverage
from budgetkit.checks.batch import Batch, check_batch, write_parquet
from budgetkit.checks.finding import Finding, Severity
from budgetkit.checks.rules.text import doubled_punctuation, doubled_words, placeholders
from budgetkit.cli import main
from budgetkit.datasets.synthetic import generate
from budgetkit.io.grammar import Change, Reason, parse_text
from budgetkit.model.account import Figure, FinalAccount, Passage

SAMPLES = Path(__file__).parent / "data" / "samples"
FIXTURES = Path(__file__).parent / "fixtures" / "audit"
NEW_CODES = ("narrative.", "text.doubled_")


def _new(findings: list[Finding]) -> set[tuple[str, str]]:
    return {(f.rule, f.path) for f in findings if f.rule.startswith(NEW_CODES)}


def _with(text: str, section: str = "五（三）", account: FinalAccount | None = None) -> FinalAccount:
    base = account if account is not None else generate(87)
    return attrs.evolve(base, passages=(Passage(section=section, text=text),))


def _narrative(account: FinalAccount) -> list[Finding]:
    """The narrative findings of ``account`` on its passages (not its lines' uses: test_putuo_reports… has them)."""
    return [f for f in check(account) if f.rule.startswith("narrative.") and f.rule != "narrative.use_copied"]


# -- the real reports, verified by hand ------------------------------------------------------------------------------


def test_seed_reports_only_its_adjustment_sentence() -> None:
    """zigong-hr-2023: the one narrative defect is 公用经费 调减 7.83 where 48.03 − 39.32 = 8.71 (十（四）)."""
    findings = check(datasets.load("zigong-hr-2023"))
    assert _new(findings) == {("narrative.adjustment", "passages[37]")}
    (adjustment,) = [f for f in findings if f.rule == "narrative.adjustment"]
    assert (adjustment.stated_text, adjustment.expected_text) == ("7.83", "8.71")
    assert "调减公用经费预算7.83万元" in adjustment.message and "48.03" in adjustment.message


def test_seed_balance_changes_are_skipped_not_guessed() -> None:
    """The seed prints no 年末/年初结转和结余 of 2022: its 减少18.68 and 减少5.26 are named as skipped.

    By hand: 年末 2023 = 1054.90 − 1044.65 = 10.25; 10.25 + 18.68 = 28.93 against 年初 2023 =
    1054.90 − 1025.98 = 28.92, equal within the rounding of four printed figures: nothing to report.
    """
    skipped = coverage(datasets.load("zigong-hr-2023")).skipped
    assert "一 “年末结转结余减少18.68万元” comparison skipped: last year's 年末结转和结余 is not printed" in skipped
    assert any("年初结转结余减少5.26万元" in line for line in skipped)


#: The narrative findings of the Putuo samples, each a defect their transcribers list (the PDF imports print no
#: 第二部分 passage, so their passages are one index lower).
EXPECTED = {
    "putuo-planning-2024": {("narrative.percent_sign", "passages[7]"), ("narrative.unit_name", "passages[28]")},
    "putuo-social-work-2024": {
        ("narrative.sme_awarded", "passages[26]"),
        ("narrative.use_copied", "general_budget.categories[3].children[0].children[0].use"),
    },
}


@pytest.mark.parametrize("name", ["putuo-planning-2024", "putuo-social-work-2024"])
def test_putuo_reports_have_no_narrative_finding(name: str) -> None:
    """Every 决算数大于/小于/同…持平 sentence of the putuo reports agrees with its figures (checked by hand); their
    narrative findings are defects their transcribers list (:data:`EXPECTED`)."""
    account = datasets.load(name)
    assert _new(check(account)) == EXPECTED[name]
    assert coverage(account).checked["narrative"] > 10


def test_planning_unchosen_alternative_is_template_wording() -> None:
    """putuo-planning-2024 七（一） "下降（增长）27.78%" (defect 7 of its notes) is unfilled template wording."""
    findings = [f for f in check(datasets.load("putuo-planning-2024")) if f.rule == "text.template"]
    assert [(f.path, f.stated) for f in findings] == [("passages[25]", "下降（增长）")]


@pytest.mark.parametrize("name", ["putuo-planning-2024", "putuo-social-work-2024"])
def test_sample_pdfs_have_no_narrative_finding(name: str) -> None:
    """The imported PDFs give what the transcribed datasets give (planning's missing % sign only), the narrative covered."""
    pytest.importorskip("pdfplumber")
    account = bio.read_pdf(SAMPLES / f"{name}.pdf").account
    assert _new(check(account)) == {
        (code, f"passages[{int(path[9:-1]) - 1}]" if path.startswith("passages[") else path) for code, path in EXPECTED[name]
    }
    assert coverage(account).checked["narrative"] > 10


# -- direction words -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("年初预算为 100.00 万元，支出决算为 95.00 万元。决算数小于预算数的主要原因：节约。", None),
        ("年初预算为 100.00 万元，支出决算为 95.00 万元。决算数大于预算数的主要原因：追加。", "小于"),
        ("年初预算为 54.53 万元，支出决算为 54.53 万元。决算数同预算数持平。", None),
        ("年初预算为 54.53 万元，支出决算为 54.52 万元。决算数同预算数持平。", "小于"),
        ("年初预算为 54.53 万元，支出决算为 54.53 万元。决算数大于预算数的主要原因：追加。", "持平"),
        # printed at different precisions whose intervals overlap: nothing can be told
        ("年初预算为 12 万元，支出决算为 11.80 万元。决算数同预算数持平。", None),
        # 预算数 not said which: either budget printed may be meant (putuo-social-work-2024 五（三）)
        ("年初预算为 0 万元，全年预算为 321.02 万元，支出决算为 307.82 万元。决算数小于预算数的主要原因：人员。", None),
        ("全年预算为 52.00 万元，支出决算为 51.32 万元。决算数大于全年预算数的主要原因：追加。", "小于"),
    ],
)
def test_budget_direction_words(text: str, expected: str | None) -> None:
    """决算数大于/小于/持平 is compared on the intervals of the printed 决算 and budget of its paragraph."""
    found = _narrative(_with("一般公共预算财政拨款支出" + text))
    assert [f.expected for f in found if f.rule == "narrative.direction"] == ([expected] if expected else [])


def test_template_choice_is_not_judged() -> None:
    """大于（小于） left from the template is template wording, not a direction to check."""
    text = "一般公共预算财政拨款支出年初预算为 100.00 万元，支出决算为 95.00 万元。决算数大于（小于）预算数的主要原因：节约。"
    findings = check(_with(text))
    assert [f.rule for f in findings if f.rule.startswith(("narrative", "text"))] == ["text.template"]


def test_change_words_against_last_year() -> None:
    """增加/减少 against this year's and last year's figures: 2646.86 is less than 2692.71."""
    account = generate(87)  # 支出总计 2646.86, last year 2692.71: a fall
    assert account.expenditure.total == Figure("2646.86", previous="2692.71")
    totals = attrs.evolve(account, income=attrs.evolve(account.income, total=account.expenditure.total))
    wrong = _narrative(_with("与 2022 年度相比，收入支出总计增加 45.85 万元，增长 1.70%。", "一", totals))
    assert [(f.rule, f.expected) for f in wrong] == [("narrative.direction", "小于")] * 2
    assert _narrative(_with("与 2022 年度相比，收入支出总计减少 45.85 万元，下降 1.70%。", "一", totals)) == []


def test_negative_change_contradicts_its_word() -> None:
    """增加 −5.00 万元 says a fall with the word for a rise."""
    findings = _narrative(_with("机关运行经费支出 10.00 万元，比 2022 年度增加 -5.00 万元。", "十一（一）"))
    assert [(f.rule, f.stated) for f in findings] == [("narrative.direction", "增加-5.00万元")]


def test_flat_against_last_year() -> None:
    """与上一年度持平 with both years printed: flat when printed alike, a finding when not."""
    account = generate(87)
    three = attrs.evolve(account.three_public, outbound=Figure("0.50", previous="0.50"))
    flat = attrs.evolve(account, three_public=three)
    assert _narrative(_with("因公出国（境）费支出与上一年度持平。", "七（一）", flat)) == []
    three = attrs.evolve(account.three_public, outbound=Figure("0.50", previous="0.80"))
    fell = attrs.evolve(account, three_public=three)
    assert [f.expected for f in _narrative(_with("因公出国（境）费支出与上一年度持平。", "七（一）", fell))] == ["小于"]


# -- reasons, adjustments, balances ------------------------------------------------------------------------------------


def test_reason_required_only_where_the_template_asks() -> None:
    """A difference without 主要原因 is reported in 五（三） and 七, not elsewhere, and not when equal."""
    text = "一般公共预算财政拨款支出年初预算为 100.00 万元，支出决算为 95.00 万元。"
    assert [f.rule for f in _narrative(_with(text))] == ["narrative.reason"]
    assert _narrative(_with(text, "十（四）")) == []
    equal = "一般公共预算财政拨款支出年初预算为 95.00 万元，支出决算为 95.00 万元。"
    assert _narrative(_with(equal)) == []


def test_reason_required_in_the_three_public_section_whoever_numbers_it() -> None:
    """The 三公 section asks a reason for each difference: 七 in Shanghai's numbering, 六 in Guangxi's (its heading
    names 三公), and not a 七 headed 其他重要事项."""
    base = generate(87)
    text = "公务接待费支出预算为 2.00 万元，支出决算为 1.70 万元，完成预算的 85.00%。"

    def passages(*sections: tuple[str, str]) -> FinalAccount:
        return attrs.evolve(base, passages=tuple(Passage(section=s, text=t) for s, t in sections))

    shanghai = passages(("七", "七、财政拨款“三公”经费支出决算情况说明"), ("七（一）", text))
    assert [f.rule for f in _narrative(shanghai)] == ["narrative.reason"]
    guangxi = passages(("六", "六、财政拨款安排的“三公”经费支出决算情况说明"), ("六（一）", text), ("七", "七、其他重要事项情况说明"))
    assert [f.rule for f in _narrative(guangxi)] == ["narrative.reason"]
    other = passages(("六", "六、“三公”经费支出情况"), ("七", "七、其他重要事项情况说明"), ("七（一）", text))
    assert _narrative(other) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "公用经费年初预算为48.03万元，调整预算数为39.32万元（因调减公用经费预算8.71万元），决算数为39.32万元。",
            False,
        ),
        ("公用经费年初预算为48.03万元，调整预算数为39.32万元（因调减公用经费预算7.83万元），决算数为39.32万元。", True),
        ("年初预算为93万元，调整预算数为105.45万元（因调增预算12.45万元），决算数为105.45万元。", False),
        ("年初预算为93万元，调整预算数为105.45万元（因调减预算12.45万元），决算数为105.45万元。", True),
        # the seed's next project: a later 调整预算 is not an adjustment amount
        (
            "年初预算为269万元，调整预算数为268.36万元，执行率100%；二是年初预算为93万元，调整预算数为105.45万元。",
            False,
        ),
    ],
)
def test_adjustments(text: str, found: bool) -> None:
    """调减/调增 C is held to 年初预算 − 调整预算 of its own clause."""
    assert bool(_narrative(_with(text, "十（四）"))) is found


def test_balance_change_against_the_account() -> None:
    """年末结转和结余减少 C against this year's and last year's 年末结转和结余."""
    account = generate(87)  # 年末结转和结余 86.53
    closing = attrs.evolve(account.expenditure.closing_balance, previous="106.53")
    held = attrs.evolve(account, expenditure=attrs.evolve(account.expenditure, closing_balance=closing))
    assert _narrative(_with("主要原因是：年末结转和结余减少20.00万元。", "一", held)) == []
    wrong = _narrative(_with("主要原因是：年末结转和结余减少18.00万元。", "一", held))
    assert [(f.rule, f.stated_text, f.expected_text) for f in wrong] == [("narrative.balance", "-18.00", "-20.00")]


# -- years and units ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("与 2022 年度相比，收入支出总计增加 45.85 万元。", False),
        ("与 2021 年度相比，收入支出总计增加 45.85 万元。", True),
        ("机关运行经费支出 10.00 万元，比 2021 年增加 1.00 万元。", True),
        ("截至 2023 年 12 月 31 日，本单位共有车辆 0 辆。", False),
        ("截至2023年12月底，单位共有公务用车1辆。", False),
        ("截至 2022 年 12 月 31 日，本单位共有车辆 0 辆。", True),
        ("上海市某局 2022 年度部门决算情况说明", True),
        ("上海市某局 2023 年度部门决算情况说明", False),
        ("本报告于 2024 年 8 月 20 日公开。", False),
        ("计划于 2026 年 6 月完成二期工程。", False),
        ("单位于 2019 年 3 月成立。", False),
        ("与 2019 年相比，五年来累计服务 3 万人次。", False),
        ("截至 2022 年 12 月 31 日，项目已完成验收。", False),
        ("机关运行经费支出 10.00 万元，与 2021 年度持平。", True),
    ],
)
def test_years(text: str, found: bool) -> None:
    """A 2023 account: changes compared with 2022, the 国有资产 截至 date and titles of 2023; other years are free."""
    findings = [f for f in _narrative(_with(text, "一")) if f.rule == "narrative.year"]
    assert bool(findings) is found, findings


def test_unit_slip_against_the_tables() -> None:
    """公用经费 10.23 printed in 元 where 表六 holds 10.23 万元 is a slip; 102300 元 is the same figure."""
    social = datasets.load("putuo-social-work-2024")
    slip = _narrative(_with("公用经费 10.23 元，主要包括：办公费。", "六", social))
    assert [(f.rule, f.expected) for f in slip] == [("narrative.unit", "10.23万元")]
    assert _narrative(_with("公用经费 102300 元，主要包括：办公费。", "六", social)) == []
    assert _narrative(_with("公用经费 102300 万元，主要包括：办公费。", "六", social))[0].rule == "narrative.unit"


# -- wording ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("主要原因：待填写。", ["待填写"]),
        ("请填写具体用途", ["请填写"]),
        ("开支内容（待）", ["（待）"]),
        ("开支内容(略)", ["(略)"]),
        ("上海市XX局", ["XX"]),
        ("接待××单位", ["××"]),
        ("下降（增长）27.78%", ["下降（增长）"]),
        ("决算数大于（小于）预算数", ["大于（小于）"]),
        ("开支内容（含差旅费）", []),
    ],
)
def test_template_marks(text: str, found: list[str]) -> None:
    """Fill-in marks, full-width and half-width, and unchosen （alternatives） are template wording."""
    assert [m for m, _, _ in placeholders(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("支出增加。。", ["。。"]),
        ("其中，，人员经费", ["，，"]),
        ("支出增加，。", ["，。"]),
        ("主要原因是……。", []),
        ("增长6.68%.主要", []),
    ],
)
def test_doubled_punctuation(text: str, found: list[str]) -> None:
    """Two marks in a row are reported; an ellipsis is not."""
    assert doubled_punctuation(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("的的确确", []),
        ("工作的的要求", ["的的"]),
        ("实现目的的措施", []),
        ("事情不了了之", []),
        ("进行了了解", []),
        ("完成了了任务", ["了了"]),
        ("项目支出项目支出主要用于", ["项目支出项目支出"]),
        ("常常看看，人人参与", []),
        ("研究研究再定", []),
        ("一个一个落实", []),
        ("高高兴兴", []),
    ],
)
def test_doubled_words(text: str, found: list[str]) -> None:
    """Real doubles only: 的的 and 了了 outside words, a repeated word; reduplication Chinese uses is not."""
    assert doubled_words(text) == found


def test_real_reports_have_no_doubled_wording() -> None:
    """No doubled punctuation or word in the three datasets (their texts were read by hand)."""
    for name in datasets.names():
        assert not any(f.rule.startswith("text.doubled") for f in check(datasets.load(name))), name


# -- grammar ---------------------------------------------------------------------------------------------------------


def test_changed_reason_is_a_reason() -> None:
    """The seed's "主要变动原因是：…" is a reason: its figures are kept, not read as the subject's changes."""
    statements = parse_text(
        "收入支出总计增加 66.02 万元。主要变动原因是：人员支出增加50.47万元；公用经费减少2.74万元。"
    )
    reasons = [s for s in statements if isinstance(s, Reason)]
    assert len(reasons) == 1 and reasons[0].text.startswith("人员支出增加50.47万元")
    assert not any(isinstance(s, Change) and s.figure.text == "2.74" for s in statements)


# -- batches and coverage --------------------------------------------------------------------------------------------


def _accounts() -> list[FinalAccount]:
    named = [datasets.load(name) for name in datasets.names()]
    fixtures = [bio.load(FIXTURES / f"{code}.toml") for code in _FIXTURE_CODES]
    return named + fixtures


_FIXTURE_CODES = (
    "text.template",
    "text.doubled_punctuation",
    "text.doubled_word",
    "narrative.direction",
    "narrative.reason",
    "narrative.adjustment",
    "narrative.balance",
    "narrative.year",
    "narrative.unit",
    "narrative.budget_change",
)


def test_a_passage_finding_belongs_to_its_sections_part_of_the_report() -> None:
    """Narrative and text findings on a passage take the part of the report its section sits in (as claims do)."""
    from budgetkit.checks.section import SectionParts

    seen = set()
    for account in _accounts():
        part_of = SectionParts.of(account.passages)
        for f in check(account):
            if f.rule.startswith(("narrative.", "text.")) and f.path.startswith("passages["):
                index = int(f.path.removeprefix("passages[").split("]")[0])
                assert f.part is part_of(account.passages[index].section), f
                seen.add(f.rule)
    assert len(seen) >= 8  # every narrative code and the text codes on passages were met


def test_batch_equals_check_on_narratives() -> None:
    """check_batch finds exactly what check finds on accounts with a narrative, with options too."""
    accounts = _accounts()
    assert check_batch(accounts) == [check(a) for a in accounts]
    options = {"disable": ("narrative.year", "text.doubled_word"), "min_severity": Severity.WARNING}
    assert check_batch(accounts, **options) == [check(a, **options) for a in accounts]  # type: ignore[arg-type]
    assert check_batch(accounts, disable=("narrative",)) == [check(a, disable=("narrative",)) for a in accounts]


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_check_directory_reports_coverage_per_account_and_in_all(tmp_path: Path) -> None:
    """`budgetkit check DIR`: each account's checked/skipped and the total, in JSON and in text."""
    names = ("putuo-planning-2024", "putuo-social-work-2024")
    for name in names:
        bio.dump(datasets.load(name), tmp_path / f"{name}.toml")
    _, text = _run("check", str(tmp_path), "--format", "json")
    doc = json.loads(text)
    each = [coverage(datasets.load(name)) for name in names]
    for entry, one in zip(doc["accounts"], each, strict=True):
        assert entry["summary"]["checked"] == {**one.checked, "total": one.total}
        assert entry["summary"]["skipped"] == list(one.skipped)
    in_all = Coverage.combine(zip([f"{n}.toml" for n in names], each, strict=True))
    assert doc["summary"]["checked"]["total"] == sum(one.total for one in each) == in_all.total
    assert len(doc["summary"]["skipped"]) == sum(len(one.skipped) for one in each)
    assert doc["summary"]["skipped"][0].startswith("putuo-planning-2024.toml: ")
    assert doc["summary"]["skipped_zh"] == [line.zh for line in in_all.skipped]
    _, text = _run("check", str(tmp_path))
    assert text.count("已核对恒等式和比较") == 2
    assert f"合计：已核对 {in_all.total} 个" in text


def test_check_directory_counts_each_finding_code_across_the_accounts(tmp_path: Path) -> None:
    """`budgetkit check DIR` ends with the finding codes its reports share: most severe, then most widespread first;
    JSON lists every code, the text the first ten."""
    names = ("putuo-planning-2024", "putuo-social-work-2024", "zigong-hr-2023")
    for name in names:
        bio.dump(datasets.load(name), tmp_path / f"{name}.toml")
    _, text = _run("check", str(tmp_path), "--format", "json")
    rows = json.loads(text)["summary"]["by_code"]
    each = [check(datasets.load(name)) for name in names]
    expected = {}
    for findings in each:
        for f in findings:
            expected.setdefault(f.rule, []).append(f)
    assert {row["code"]: row["findings"] for row in rows} == {code: len(fs) for code, fs in expected.items()}
    accounts = {row["code"]: row["accounts"] for row in rows}
    assert accounts["rounding.residue"] == sum(1 for findings in each if any(f.rule == "rounding.residue" for f in findings))
    ranks = [(Severity(row["severity"]).rank, row["accounts"], row["findings"]) for row in rows]
    assert ranks == sorted(ranks, key=lambda r: (-r[0], -r[1], -r[2]))
    _, text = _run("check", str(tmp_path))
    shown = text[text.index("各类问题") :].splitlines()
    assert len(shown) == 1 + 10 + 1 and shown[-1] == f"  …另有 {len(rows) - 10} 类（--format json 列出全部）"
    assert shown[1].split() == ["错误", rows[0]["code"], str(rows[0]["findings"]), "项", "·", str(rows[0]["accounts"]), "份"]


@pytest.mark.parametrize("name", ["zigong-hr-2023", "putuo-planning-2024", "putuo-social-work-2024"])
def test_what_was_not_checked_is_said_in_the_language_of_the_output(name: str) -> None:
    """`budgetkit check` in Chinese (the default) lists what it could not check in Chinese, and in English with
    ``--lang en``: no line of one language in the other's output (the English lines were printed in both before)."""
    skipped = coverage(datasets.load(name)).skipped
    assert skipped
    _, zh = _run("check", name)
    _, en = _run("check", name, "--lang", "en")
    zh_lines, en_lines = zh[zh.index("未能核对") :].splitlines()[1:], en[en.index("; skipped") :].splitlines()[1:]
    assert zh_lines == [f"  - {line.zh}" for line in skipped]
    assert en_lines == [f"  - {line}" for line in skipped]
    for line in zh_lines:
        assert not any(word in line for word in ("skipped", "absent", "not printed", "compares")), line
    assert all(" skipped" in line for line in en_lines)
    assert pickle.loads(pickle.dumps(skipped)) == skipped  # the Chinese lines travel with them between processes
    assert [line.zh for line in pickle.loads(pickle.dumps(skipped))] == [line.zh for line in skipped]


def test_each_comparison_is_named_in_both_languages() -> None:
    """Every kind and variant of identity comparison has words of its own (listed when it is skipped)."""
    from budgetkit.checks.rules import identity
    from budgetkit.model.account import UnitType

    variants = {
        "balance": ["本年", "上年"],
        "three_public_counts": list(identity._COUNTED),
        "reception_subset": list(identity._RECEPTION_SUBSETS),
        "count_persons": list(identity._PERSONS),
        "procurement_subset": list(identity._SUBSETS),
        "operating_costs_unit_type": [t.value for t in UnitType],
    }
    named = {}
    for kind in identity.COMPARISONS:
        for variant in variants.get(kind, [""]):
            words = identity.Comparison(kind, variant, None, None).words
            assert words.zh and words.en and words.zh != words.en, (kind, variant)
            named[words.zh] = (kind, variant)
    assert len(named) == sum(len(variants.get(kind, [""])) for kind in identity.COMPARISONS)  # none named alike
    assert identity.Comparison("count_persons", "guests", 1, 2).words.zh == "接待外宾批次数 ≤ 接待外宾人次数"


def test_check_parquet_batch_reports_coverage(tmp_path: Path) -> None:
    """A Parquet batch reports coverage per account and in all, as a directory of files does."""
    pytest.importorskip("pyarrow")
    # an account without tables: one with tables does not round-trip through Parquet yet
    accounts = [datasets.load("zigong-hr-2023"), generate(3)]
    write_parquet(Batch.from_accounts(accounts), tmp_path)
    _, text = _run("check", str(tmp_path), "--format", "json")
    doc = json.loads(text)
    totals = [coverage(a).total for a in accounts]
    assert [entry["summary"]["checked"]["total"] for entry in doc["accounts"]] == totals
    assert doc["summary"]["checked"]["total"] == sum(totals)
    _, text = _run("check", str(tmp_path), "--lang", "en")
    assert f"In all: checked {sum(totals)}" in text
