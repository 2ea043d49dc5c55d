"""The seed's text imported (budgetkit.io.text.read_text) beside its hand transcription, zigong-hr-2023.

Every difference between the two is listed here, figure by figure and claim by claim, and each is
explained by one entry of ``GAPS`` — a known, justified gap — or the test fails: a new difference fails
it, and so does a gap that no longer occurs (fixed: remove its entry). The projects (the self-evaluation
tables from line 159 on, with the kind and use 十（四） states) are compared project by project
(``PROJECT_GAPS``); the charts (tests/test_text_charts.py) and the change explanations the reasons list
(tests/test_listed_reasons.py) are compared on their own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from budgetkit import datasets
from budgetkit.io.pdf import Imported
from budgetkit.io.text import read_text
from budgetkit.model.account import Figure, FinalAccount
from budgetkit.values.money import Money

#: The seed report as published (the source of the built-in dataset zigong-hr-2023), byte for byte.
SEED = Path(__file__).parent / "data" / "seeds" / "000_ad8dd908a3134475.txt"

#: The parts of the account compared figure by figure (projects, charts and explanations are not).
PARTS = ("unit", "year", "unit_type", "duties", "organisation", "income", "expenditure", "fiscal",
         "general_budget", "three_public", "operating_costs", "procurement", "assets")


@pytest.fixture(scope="module")
def pair() -> tuple[Imported, FinalAccount]:
    return read_text(SEED), datasets.load("zigong-hr-2023")


def _walk(node: object, path: str) -> Iterator[tuple[str, object]]:
    """Every value of a part of the account, by path; figures as .current/.previous/.budget."""
    if isinstance(node, Money):
        yield path, node.amount
    elif isinstance(node, Figure):
        for field in ("current", "previous", "budget"):
            value = getattr(node, field)
            yield f"{path}.{field}", None if value is None else value.amount
    elif attrs.has(type(node)):
        for field in attrs.fields(type(node)):
            yield from _walk(getattr(node, field.name), f"{path}.{field.name}")
    elif isinstance(node, tuple) and (not node or attrs.has(type(node[0]))):  # nothing for an empty list
        for i, item in enumerate(node):
            yield from _walk(item, f"{path}[{i}]")
    else:
        yield path, node


def figure_differences(made: FinalAccount, typed: FinalAccount) -> dict[str, tuple[object, object]]:
    """path → (imported, transcribed) for every value of ``PARTS`` that differs."""
    out: dict[str, tuple[object, object]] = {}
    for part in PARTS:
        a = dict(_walk(getattr(made, part), part))
        b = dict(_walk(getattr(typed, part), part))
        for path in sorted(set(a) | set(b)):
            if a.get(path) != b.get(path):
                out[path] = (a.get(path), b.get(path))
    return out


ClaimKey = tuple[str, str, Decimal, str | None, str]


def claim_differences(made: FinalAccount, typed: FinalAccount) -> tuple[list[ClaimKey], list[ClaimKey]]:
    """The claims only the import makes, and those only the transcription holds (kind, subject, stated, base, section)."""

    def key(claim: object) -> ClaimKey:
        return (claim.kind.value, claim.subject, claim.stated, claim.base, claim.section)  # type: ignore[attr-defined]

    a, b = Counter(map(key, made.claims)), Counter(map(key, typed.claims))
    return sorted((a - b).elements(), key=str), sorted((b - a).elements(), key=str)


@attrs.frozen
class Gap:
    """A known difference: which differences it explains, and why it is there."""

    name: str
    explains: Callable[[str, object, object], bool]
    reason: str


def _prefix(*prefixes: str) -> Callable[[str, object, object], bool]:
    return lambda path, made, typed: path.startswith(prefixes)


#: Every figure difference, explained. The import follows the conventions of the PDF importer; the
#: transcription was made by hand before it, with conventions of its own.
FIGURE_GAPS = (
    Gap("previous year", lambda p, m, t: p.endswith(".previous") and m is None,
        "last year's figures: the transcription derives them (current − the printed change, exact to the cent); "
        "the importer never infers a figure, and keeps the change as a claim instead"),
    Gap("budget = actual", lambda p, m, t: p.endswith(".budget") and m is None and t is not None,
        "budgets: the seed prints no 预算数, only 完成预算100% and 决算数与预算数持平; the transcription takes the "
        "budget equal to the actual, the importer keeps the completion rate as a claim and infers no budget"),
    Gap("items with 等", lambda p, m, t: p.endswith("_items") and isinstance(m, tuple) and m[:-1] == t[:-1]
        and m[-1] == f"{t[-1]}等",
        "人员经费/公用经费 主要包括 lists: the importer keeps the last item as printed (…补助支出等); the "
        "transcription drops the 等"),
)

#: Claims only the import makes.
IMPORT_ONLY_CLAIMS = (
    Gap("fiscal.total", lambda kind, subject, section: subject == "fiscal.total" and section == "五（一）",
        "五（一） prints 财政拨款收、支总计 where it means 一般公共预算财政拨款支出; the importer reads what is "
        "printed (fiscal.total), the transcription what is meant (general_budget.total)"),
    Gap("shares in 七（二）", lambda kind, subject, section: section == "七（二）" and kind == "share",
        "七（二）'s shares: the importer labels them 七（二）, the transcription 七"),
    Gap("sections", lambda kind, subject, section: section.startswith(("七（", "五（三）", "十（四）")),
        "sections: the importer labels a claim by its section and numbered point (七（二）3, 五（三）1); the "
        "transcription by the top section only (七, 五（三）)"),
)

#: Claims only the transcription holds.
DATASET_ONLY_CLAIMS = (
    Gap("projects", lambda kind, subject, section: subject.startswith(("projects", "3", "7")) or section.startswith("项目"),
        "claims about projects the import does not make: 十（四）'s sentences on the 人员类项目 and 公用经费项目 "
        "(no table prints them, see PROJECT_GAPS), its sum (共计474.95万元), counts (等6个项目), overall score, and "
        "the tables' own sentences (自评100分, 完成率…); the figures 十（四） prints on each tabled project are claims "
        "of both"),
    Gap("amount claims", lambda kind, subject, section: kind == "amount",
        "a figure printed twice: the transcription keeps the second printing as an amount claim; the importer "
        "keeps the first printing as the figure (and the second in its passage)"),
    Gap("events in 十（四）", lambda kind, subject, section: subject.startswith("three_public.events") and section == "十（四）",
        "十（四）'s 全年共计接待8批次50人: a figure of 预算绩效管理情况, which the importer reads but does not hold "
        "(七's are claims of both)"),
    Gap("general_budget.total", lambda kind, subject, section: subject == "general_budget.total",
        "五（一）/十（四）: the transcription's general_budget.total is printed as 财政拨款收、支总计 in 五（一）, which "
        "the grammar reads as fiscal.total (see the import's side), and 十（四）'s 一般公共预算支出预算执行率100% is a "
        "figure of 预算绩效管理情况, which the importer reads but does not hold (it describes projects)"),
    Gap("sections", lambda kind, subject, section: section in ("七", "五（三）"),
        "the same claims under the top section (七, 五（三）): 七's 三公 claims and the reception events' number and "
        "persons (全年共计接待8批次50人), and the 项 lines' completions of 五（三）"),
)


def _explain(gaps: tuple[Gap, ...], items: list[tuple[object, ...]]) -> dict[str, list[tuple[object, ...]]]:
    """Each item under the first gap that explains it; unexplained items under ""."""
    out: dict[str, list[tuple[object, ...]]] = {}
    for item in items:
        gap = next((g for g in gaps if g.explains(*item)), None)
        out.setdefault("" if gap is None else gap.name, []).append(item)
    return out


def test_every_figure_difference_is_a_known_gap(pair: tuple[Imported, FinalAccount]) -> None:
    imported, typed = pair
    differences = figure_differences(imported.account, typed)
    explained = _explain(FIGURE_GAPS, [(path, made, kept) for path, (made, kept) in differences.items()])
    assert explained.get("", []) == [], "differences no gap explains"
    assert {g.name for g in FIGURE_GAPS} == set(explained), "gaps that no longer occur: remove them"


def test_every_claim_difference_is_a_known_gap(pair: tuple[Imported, FinalAccount]) -> None:
    imported, typed = pair
    only_import, only_dataset = claim_differences(imported.account, typed)
    mine = _explain(IMPORT_ONLY_CLAIMS, [(k, s, sec) for k, s, _, _, sec in only_import])
    theirs = _explain(DATASET_ONLY_CLAIMS, [(k, s, sec) for k, s, _, _, sec in only_dataset])
    assert mine.get("", []) == [] and theirs.get("", []) == [], "claim differences no gap explains"
    assert {g.name for g in IMPORT_ONLY_CLAIMS} == set(mine) and {g.name for g in DATASET_ONLY_CLAIMS} == set(theirs)


def test_what_is_equal(pair: tuple[Imported, FinalAccount]) -> None:
    """The front matter and the main figures are equal, figure for figure."""
    imported, typed = pair
    made = imported.account
    assert (made.unit, made.year, made.unit_type) == (typed.unit, typed.year, typed.unit_type)
    assert (made.duties, made.organisation) == (typed.duties, typed.organisation)
    for path in ("income.general_budget", "income.year_total", "income.total", "expenditure.basic",
                 "expenditure.project", "expenditure.year_total", "general_budget.basic", "general_budget.personnel",
                 "general_budget.public_use", "three_public.total", "three_public.vehicle_operation",
                 "three_public.reception_domestic", "operating_costs"):
        node_made: object = made
        node_typed: object = typed
        for part in path.split("."):
            node_made, node_typed = getattr(node_made, part), getattr(node_typed, part)
        assert node_made.current == node_typed.current, path  # type: ignore[attr-defined]
    def key(claim: object) -> ClaimKey:
        return (claim.kind.value, claim.subject, claim.stated, claim.base, claim.section)  # type: ignore[attr-defined]

    shared = Counter(map(key, made.claims)) & Counter(map(key, typed.claims))
    assert sum(shared.values()) >= 17  # the claims both make: kind, subject, stated figure, base and section


def test_passages_hold_the_same_text(pair: tuple[Imported, FinalAccount]) -> None:
    """The passages split differently — the import keeps a section's heading and body as one passage (as the
    PDF importer and the Shanghai datasets do), the transcription each printed paragraph without headings —
    but every paragraph of the transcription is printed, verbatim, inside the import's passage of its section."""
    imported, typed = pair
    texts = [p.text.replace("\n", "") for p in imported.account.passages]
    missing = [p.text[:30] for p in typed.passages if not any(p.text.replace("\n", "") in t for t in texts)]
    assert missing == []


def test_glossary(pair: tuple[Imported, FinalAccount]) -> None:
    """名词解释: every entry is imported with its term and definition, as transcribed: the seven 类/款/项 paths
    (8–15, longer than a term is, two of them followed by ，rather than ：) are terms, and 16..基本支出 (a double
    point, as printed) is 基本支出."""
    imported, typed = pair
    assert imported.account.glossary == typed.glossary
    assert len([g for g in typed.glossary if len(g.term) > 30]) == 7


def test_the_import_report_places_every_figure_on_its_line(pair: tuple[Imported, FinalAccount]) -> None:
    imported, _ = pair
    report = imported.report
    assert str(report.box("income.total")) == "第15行"
    assert report.numbers_seen == report.numbers_imported + report.numbers_in_text + report.numbers_not_held + len(
        report.not_understood
    )


#: Every project difference, by name: (imported, transcribed) are the project or None.
PROJECT_GAPS = (
    Gap("projects without a table", lambda name, made, typed: made is None and typed is not None and not typed.evaluated,
        "人员类项目 and 公用经费项目: the transcription makes two projects of 十（四）'s paragraphs on 人员类 and "
        "公用经费 (no self-evaluation table prints them); the import makes projects of the tables only and reports "
        "those paragraphs' figures as read but not held"),
)


def test_every_project_difference_is_a_known_gap(pair: tuple[Imported, FinalAccount]) -> None:
    imported, typed = pair
    made = {p.name: p for p in imported.account.projects}
    kept = {p.name: p for p in typed.projects}
    differences = [(name, made.get(name), kept.get(name)) for name in sorted(set(made) | set(kept))
                   if made.get(name) != kept.get(name)]
    explained = _explain(PROJECT_GAPS, differences)
    assert explained.get("", []) == [], "project differences no gap explains"
    assert {g.name for g in PROJECT_GAPS} == set(explained)


def test_the_tables_are_the_evaluated_projects_in_order(pair: tuple[Imported, FinalAccount]) -> None:
    """The seven tables equal the transcription's evaluated projects field for field, in the printed order:
    the 档案专项's kind (其他运转类) and every project's use (主要用于…) from 十（四）'s clause that gives the
    project's 调整预算 and 决算."""
    imported, typed = pair
    assert list(imported.account.projects) == [p for p in typed.projects if p.evaluated]
    archive = imported.account.projects[3]
    assert (archive.name, archive.kind.value, archive.use) == (
        "市人力资源服务中心档案专项", "其他运转类", "主要用于流动人员档案接收、保管等管理运行相关费用的支付")


def test_each_project_is_placed_on_its_title_line(pair: tuple[Imported, FinalAccount]) -> None:
    imported, _ = pair
    report = imported.report
    lines = SEED.read_text(encoding="utf-8").splitlines()
    places = [str(report.box(f"projects[{i}]")) for i in range(7)]
    assert places == ["第159行", "第359行", "第556行", "第741行", "第926行", "第1111行", "第1345行"]
    assert all("绩效自评表" in lines[int(p[1:-1]) - 1] for p in places)
    assert str(report.box("projects[3].indicators[2].actual")) == "第741行"  # a finding's path: its table


def test_the_tables_figures_are_counted_as_imported(pair: tuple[Imported, FinalAccount], tmp_path: Path) -> None:
    """Against the same text without its tables: the numbers of the tables' figure cells move from "kept in
    text" to "imported" (305), and so do 5 of the 26 figures 十（四） prints about the seven projects (claims now,
    not understood before; the other 21 are its clauses' 调整预算, 决算 and 执行率, a completion claim of the two
    figures with or without the tables) and the 14 values of the charts' data at the end (the text without it names
    the charts without data)."""
    imported, _ = pair
    alone = tmp_path / "without-tables.txt"
    alone.write_text("\n".join(SEED.read_text(encoding="utf-8").splitlines()[:157]) + "\n", encoding="utf-8")
    narrative = read_text(alone).report
    report = imported.report
    tables_seen = report.numbers_seen - narrative.numbers_seen
    assert report.numbers_imported - narrative.numbers_imported == 305 + 5 + 14
    assert report.numbers_in_text - narrative.numbers_in_text == tables_seen - 305 - 14
    assert len(narrative.not_understood) - len(report.not_understood) == 5
    assert report.numbers_not_held == narrative.numbers_not_held


def test_a_project_the_narrative_does_not_describe_keeps_the_default_kind(tmp_path: Path) -> None:
    """Without 十（四）'s clause on the 档案专项 (调整预算为11.30万元，决算为11.30万元) its kind is the documented
    default, 特定目标类, and its use is empty; the other projects keep theirs."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    assert lines[98].startswith("2023年其他运转类项目：流动人员人事档案管理项目")
    copy = tmp_path / "seed.txt"
    copy.write_text("\n".join(lines[:98] + lines[99:]) + "\n", encoding="utf-8")
    projects = read_text(copy).account.projects
    assert (projects[3].kind.value, projects[3].use) == ("特定目标类", "")
    assert [p.kind.value for p in projects[:3]] == ["特定目标类"] * 3 and all(p.use for p in projects[:3])


def test_the_performance_section_raises_no_completion_alarm(pair: tuple[Imported, FinalAccount]) -> None:
    """十（四）'s 公用经费年初预算为48.03万元 is the 公用经费项目's budget: it is read but not held (not taken for the
    account's 公用经费 budget), so `check` makes no claim.completion of it; its 调整预算数为39.32万元，决算数为39.32万元，
    执行率为100% is a completion claim of those two printed figures only, which holds."""
    from budgetkit.checks.audit import check

    imported, _ = pair
    made = imported.account
    assert made.general_budget.public_use.budget is None
    assert all(c.subject.startswith("projects[") or c.subject[:1].isdigit() for c in made.claims if c.section.startswith("十（四）"))
    assert not [f for f in check(made) if f.rule == "claim.completion"]
    held = [i for i in imported.report.issues if "预算绩效管理情况" in i.reason]
    assert [i.text for i in held if str(i.box) == "第98行"][:1] == ["48.03万元"]


def test_the_performance_section_s_figures_on_each_project_are_its_claims(pair: tuple[Imported, FinalAccount]) -> None:
    """十（四）'s clause on each tabled project (年初预算为…, 调整预算数为…, 决算数为…, 执行率为100%) gives the claims
    the transcription holds, each on its line; 年初预算为73.30万元 against the table's 40.88 is the one the
    transcription's check finds too (claim.amount)."""
    from budgetkit.checks.audit import check

    imported, typed = pair

    def key(claim: object) -> ClaimKey:
        return (claim.kind.value, claim.subject, claim.stated, claim.base, claim.section)  # type: ignore[attr-defined]

    tabled = {f"projects[{p.code or p.name}]" for p in typed.projects if p.evaluated}
    mine = [c for c in imported.account.claims if c.subject.split(".")[0] in tabled and c.section == "十（四）"]
    theirs = [c for c in typed.claims if c.subject.split(".")[0] in tabled and c.section == "十（四）"]
    assert len(mine) == 26 and Counter(map(key, mine)) == Counter(map(key, theirs))
    places = {str(imported.report.box(f"claims[{imported.account.claims.index(c)}]")) for c in mine}
    assert places == {"第99行", "第101行"}
    slips = [f for f in check(imported.account) if f.rule == "claim.amount"]
    assert [(f.stated_text, f.expected_text) for f in slips] == [
        (f.stated_text, f.expected_text) for f in check(typed) if f.rule == "claim.amount"
    ]


def test_the_lines_of_five_are_placed_on_their_lines(pair: tuple[Imported, FinalAccount]) -> None:
    """五（二）'s 类 and 五（三）'s 项 (the seed prints no 表五): each figure on the line that prints it."""
    imported, _ = pair
    report = imported.report
    assert str(report.box("general_budget.categories[4].actual")) == "第46行"  # 社会保障和就业支出980万元
    assert str(report.box("general_budget.categories[4].children[0].children[0].actual")) == "第52行"  # 事业运行
    assert str(report.box("general_budget.categories[5].children[0].children[0]")) == "第58行"  # 医疗卫生和计划生育…
    assert str(report.box("three_public.events[7]")) == "第78行"


def test_the_import_report_counts(pair: tuple[Imported, FinalAccount]) -> None:
    """Before issue 11: 1,076 seen / 484 imported / 408 kept in text / 54 not held / 130 not understood.

    Since the field wordings (fieldtext): 4 fewer imported and 4 fewer not held, 8 more not understood — last
    year's figures (与2022年988.88万元相比, twice; 与2022年954.70万元相比, twice) are no longer read as this year's,
    and 十（四）'s figures after a noun the grammar has no subject for (工会经费科目…决算数为39.32万元，执行率为100%;
    三是培训费预算支出0.58万元…2批次) are no longer taken for the subject named before it. The account is the same.

    Since the regions (fieldmore): 8 more kept in text, 8 fewer not understood — the points numbered (1)、(2)、(3)
    of 十（四） are enumerators, as 1、 is. The account is the same.

    Since last year's amounts are read (与2022年988.88万元相比: Role.LAST_YEAR): 4 more imported, 4 fewer not
    understood — 988.88 is last year's 收入总计 and 支出总计, 954.70 last year's 财政拨款收、支总计, as the built-in
    dataset holds them.

    Since reasons that list signed amounts are read as change explanations: 71 more imported, 71 fewer kept in
    text — the amounts of the four lists of 一 (twice), 四 and 五（一）, each item and each bracketed part.

    Since the charts' data is read (the seven blocks at the end of the text): 14 more imported, 14 fewer kept in
    text — their values (their labels' years, 2023年 and 2022年, stay text); and 7 more imported, 7 fewer not
    understood — the numbers of the captions (图1…图7), each a chart's number.

    Since a clause of 十（四） on no project read is a completion claim of its printed 调整预算 and 决算 (…执行率为
    100%): 6 more imported, 1 fewer not held, 5 fewer not understood — the 人员类 and 公用经费 clauses' three
    figures each (39.32/39.32 and 511.71/511.71, 100%: both hold)."""
    report = pair[0].report
    assert (report.numbers_seen, report.numbers_imported, report.numbers_in_text, report.numbers_not_held,
            len(report.not_understood)) == (1076, 660, 331, 14, 71)


def test_check_finds_nothing_the_transcription_s_check_does_not(pair: tuple[Imported, FinalAccount]) -> None:
    """Every finding on the import is one the transcription's check makes too (rule for rule, as many or fewer):
    the import adds no false alarm."""
    from budgetkit.checks.audit import check

    imported, typed = pair
    made, kept = Counter(f.rule for f in check(imported.account)), Counter(f.rule for f in check(typed))
    assert made - kept == Counter()


def test_a_completion_of_counts_in_a_project_s_text_is_checked(pair: tuple[Imported, FinalAccount]) -> None:
    """十（四）'s 劳动能力鉴定 project prints 组织…鉴定300人，全年完成302人，完成率1.01% in its results: a ratio of the
    two counts (302/300 is 100.67%), which the built-in dataset records as a claim and the import now reads too
    (it was prose only); check gives the dataset's finding, word for word, and none for 757/700 = 108.14%."""
    imported, dataset = pair
    read = [(c.subject, c.base, str(c.stated), c.section) for c in imported.account.claims if c.kind.value == "ratio"]
    assert read[-2:] == [
        ("757", "700", "108.14", "项目:51030023T000008352755"),
        ("302", "300", "1.01", "项目:51030023T000008352755"),
    ]
    from budgetkit.checks.audit import check

    def ratio_messages(account: FinalAccount) -> list[str]:
        return [f.message for f in check(account) if f.code == "claim.ratio" and "完成率" in f.message]

    assert ratio_messages(imported.account) == ratio_messages(dataset) != []
    assert str(imported.report.box(f"claims[{len(imported.account.claims) - 1}]")) == "第1345行"


def test_a_score_in_a_project_s_conclusion_is_checked(pair: tuple[Imported, FinalAccount]) -> None:
    """The 技能竞赛 project's 评价结论 says 较好完成年度目标及预算指标，自评100分 while its table's items add up to 98: a
    claim ``score`` on the project, read on import as the built-in dataset records it; the same finding, word for
    word."""
    imported, dataset = pair
    read = [(c.subject, str(c.stated), c.text) for c in imported.account.claims if c.kind.value == "score"]
    assert ("projects[51030023T000008349584]", "100", "较好完成年度目标及预算指标，自评100分") in read
    from budgetkit.checks.audit import check

    def score_messages(account: FinalAccount) -> list[str]:
        return [f.message for f in check(account) if f.code == "claim.score"]

    assert score_messages(imported.account) == score_messages(dataset) != []
