"""The examples run and print what they promise: the two scripts in examples/ and the documentation's >>> sessions.

The scripts run in this process through runpy with the decimal.FloatOperation trap on, so a float
reaching Decimal code in an example fails here; one test runs each as a program, as a reader would.
The documentation pages are run as doctests in a scratch directory holding the files they show
(a fenced block with ``title="name"`` is written to ``name`` first).
"""

from __future__ import annotations

import ast
import decimal
import doctest
import re
import runpy
import subprocess
import sys
from collections.abc import Callable
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path
from typing import Any

import pytest

from budgetkit import io
from budgetkit.datasets import synthetic

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ANALYST = EXAMPLES / "analyst_ratios.py"
GENERATOR = EXAMPLES / "downstream_generator.py"
DOCS = ROOT / "docs"
#: The pages with >>> sessions written for the site (rules.md and dataset-format.md have none).
DOC_PAGES = (DOCS / "index.md", DOCS / "tutorial.md", *sorted((DOCS / "howto").glob("*.md")))
#: A fenced block that shows a file: ```toml title="my-report.toml" … ```
TITLED_BLOCK = re.compile(r'^```\w*[ \t]+title="([^"/]+)"\n(.*?)^```$', re.MULTILINE | re.DOTALL)


@pytest.fixture(scope="module")
def analyst_output() -> str:
    """What analyst_ratios.py prints, run once for the module with the float trap on."""
    out = StringIO()
    with decimal.localcontext() as context, redirect_stdout(out):
        context.traps[decimal.FloatOperation] = True  # module scope runs before conftest's per-test trap
        runpy.run_path(str(ANALYST), run_name="__main__")
    return out.getvalue()


def _generator_main() -> Callable[[list[str]], int]:
    namespace: dict[str, Any] = runpy.run_path(str(GENERATOR))
    main: Callable[[list[str]], int] = namespace["main"]
    return main


def test_analyst_prints_structure_shares(analyst_output: str) -> None:
    """Shares of income and expenditure are exact ratios rounded half-up to two places."""
    assert "一般公共预算财政拨款收入: 1,025.98万元，占100.00%" in analyst_output
    assert "基本支出: 551.03万元，占52.75%" in analyst_output
    assert "人员经费（占基本支出）: 497.24万元，占90.24%" in analyst_output


def test_analyst_sets_rounded_balanced_and_printed_class_shares_side_by_side(analyst_output: str) -> None:
    """The 类 shares show the plain rounding, the largest-remainder split and the report's nudged 2.63%."""
    assert "住房保障支出: 27.05万元，四舍五入2.64%，凑整到100%为2.64%，报告写2.63%" in analyst_output
    assert "卫生健康支出: 18.93万元，四舍五入1.85%，凑整到100%为1.84%，报告写1.85%" in analyst_output
    assert "四舍五入合计100.01%" in analyst_output


def test_analyst_describes_changes_and_checks_their_explanations(analyst_output: str) -> None:
    """Year-over-year changes read as reports write them, and the stated reasons add up to them."""
    assert "收入总计: 988.88万元 → 1,054.90万元，增加66.02万元，增长6.68%" in analyst_output
    assert "收入总计变动原因4项合计66.02万元，所解释的变动66.02万元，差额0.00万元" in analyst_output


def test_analyst_reports_execution_with_undefined_adjustment_rate(analyst_output: str) -> None:
    """A budget adjusted up from 0 has no adjustment rate (不可比), never 0% or infinity."""
    assert "人社公共服务能力建设资金: 年初0.00万元 → 调整后35.19万元（增加35.19万元，增长率--（基数为0，不可比））" in (
        analyst_output
    )
    assert "（减少7.69万元，下降18.81%）→ 执行33.19万元，执行率100.00%" in analyst_output


def test_analyst_computes_unit_costs_in_yuan(analyst_output: str) -> None:
    """Unit costs divide exact amounts by counts: 8,000元 over 50 persons is 160.00元 each."""
    assert "公务接待 每人次160.00元，每批次1,000.00元" in analyst_output
    assert "20.71万元 ÷ 1059人 = 每人195.56元" in analyst_output
    assert "11.30万元 ÷ 1549份 = 每份72.95元" in analyst_output


def test_analyst_puts_rule_totals_beside_stated_ones(analyst_output: str) -> None:
    """Each evaluated project shows its stated total beside the scoring rules' total (-- when unscorable)."""
    assert "51030023T000008349584: 自评98分，按评分规则98.33分" in analyst_output
    assert "市人力资源服务中心档案专项: 自评91分，按评分规则--分" in analyst_output


def test_generator_writes_three_public_table_with_shares(tmp_path: Path) -> None:
    """The brief of the built-in report tabulates "三公"经费 with shares and the reception cost per person."""
    out = tmp_path / "brief.md"
    assert _generator_main()(["-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# 自贡市人力资源服务中心 2023年度“三公”经费与项目绩效摘要\n")
    assert "| 公务用车购置及运行维护费 | 2.00万元 | 71.43% | 增加0.07万元，增长3.63% |" in text
    assert "| 合计 | 2.80万元 | 100.00% | 增加0.58万元，增长26.13% |" in text
    assert "公务接待8批次、50人次，共8,000.00元，人均160.00元。" in text


def test_generator_lists_scores_disagreements_and_errors(tmp_path: Path) -> None:
    """The brief sets rule totals beside stated ones, explains disagreements and lists error findings."""
    out = tmp_path / "brief.md"
    _generator_main()(["zigong-hr-2023", "--output", str(out)])
    text = out.read_text(encoding="utf-8")
    assert "| 市人力资源服务中心技能人才培养 | 105.45万元 | 100.00% | 98 | 98.33 | 优 |" in text
    assert "赛前培训完成率自评14分；正向指标：完成值80 < 指标值90，得分 = 80/90×15 = 13.33" in text
    assert "- `identity.three_public_vehicle`（three_public.vehicle.current）" in text


def test_generator_reads_any_account_file(tmp_path: Path) -> None:
    """The brief works on an account file: a consistent synthetic account has changes and no errors."""
    source = tmp_path / "synthetic.toml"
    io.dump(synthetic.generate(3), source)
    out = tmp_path / "brief.md"
    _generator_main()([str(source), "-o", str(out)])
    text = out.read_text(encoding="utf-8")
    assert "| 合计 | 1.15万元 | 100.00% | 减少13.83万元，下降92.32% |" in text
    assert text.endswith("## 三、检查发现的错误\n\n未发现错误。\n")


def test_generator_uses_only_public_names() -> None:
    """The generator imports only from budgetkit's public modules and touches no _private name."""
    tree = ast.parse(GENERATOR.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("budgetkit"):
            assert not any(part.startswith("_") for part in node.module.split(".")), node.module
            assert not any(alias.name.startswith("_") for alias in node.names), ast.dump(node)
        if isinstance(node, ast.Attribute):
            private = node.attr.startswith("_") and not node.attr.startswith("__")
            assert not private, f"line {node.lineno}: .{node.attr}"


@pytest.mark.parametrize(
    ("script", "first_line"),
    [
        (ANALYST, "自贡市人力资源服务中心 2023年度决算（公益一类事业单位）"),
        (GENERATOR, "# 自贡市人力资源服务中心 2023年度“三公”经费与项目绩效摘要"),
    ],
    ids=["analyst_ratios", "downstream_generator"],
)
def test_examples_run_as_programs(script: Path, first_line: str) -> None:
    """Each example runs as a program with this Python and exits 0, printing its title first."""
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, encoding="utf-8", check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == first_line


@pytest.mark.parametrize("page", DOC_PAGES, ids=lambda page: str(page.relative_to(DOCS)))
def test_documentation_sessions_print_what_they_show(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every >>> example on a documentation page gives the output printed beside it."""
    text = page.read_text(encoding="utf-8")
    for name, body in TITLED_BLOCK.findall(text):
        (tmp_path / name).write_text(body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    test = doctest.DocTestParser().get_doctest(text, {}, page.name, str(page), 0)
    assert test.examples, f"{page.name} has no >>> example"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    report: list[str] = []
    runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)
