"""The unit's own words for its 预算绩效管理情况: the texts a report needs and no figure carries.

Section 十（四） of a Sichuan 单位决算说明 analyses the projects by kind
(人员类, 运转类, 特定目标类), the unit's overall performance (部门整体履职), how the
results were used (结果应用), the quality of the self-evaluation (自评质量) and
ends with the unit's conclusions, problems and suggestions. Every figure in
it comes from the projects, their indicators and scores; the prose around the
figures is the unit's and is kept here, typed and optional (all empty by
default), so that :mod:`budgetkit.narrative.report` writes the section from
these texts plus the numbers. :attr:`budgetkit.model.account.FinalAccount.performance`
holds one :class:`PerformanceReview`.

>>> review = PerformanceReview(
...     kinds=(KindReview(kind="人员类", before="为保障人员支出，制定了人员类项目预算绩效目标。"),),
...     problems=("绩效指标不够细化。",))
>>> review.kind("人员类").before
'为保障人员支出，制定了人员类项目预算绩效目标。'
>>> review.kind("特定目标类") is None, bool(PerformanceReview()), bool(review)
(True, False, True)
"""

from __future__ import annotations

from typing import Any

import attrs

from budgetkit.model.project import ProjectKind
from budgetkit.values import validators as v

__all__ = ["KindReview", "PerformanceReview", "Topic"]


def _kind(value: Any) -> ProjectKind:
    return v.member(ProjectKind, value)


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(v.tuple_of(value))


@attrs.frozen(kw_only=True)
class KindReview:
    """What the unit says about one kind of project, around the figures the report computes.

    ``before`` comes before the kind's budget, adjustment, actual and execution
    rate (the goals and what the money is for); ``after`` follows them (how the
    money was managed, the verdict).

    >>> KindReview(kind="公用经费", after="无截留、挪用等现象。").kind
    <ProjectKind.PUBLIC_USE: '公用经费'>
    """

    kind: ProjectKind = attrs.field(converter=_kind)
    before: str = ""
    after: str = ""


@attrs.frozen(kw_only=True)
class Topic:
    """A titled point of 结果应用情况 (<1>保障运转。…): its title and its paragraphs.

    >>> Topic(title="厉行节约", paragraphs=("严格执行三公经费预算。",)).paragraphs
    ('严格执行三公经费预算。',)
    """

    title: str
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_texts)


@attrs.frozen(kw_only=True)
class PerformanceReview:
    """The texts of 预算绩效管理情况 that the unit writes, each optional (empty: not written).

    - ``purpose``: why and how the projects were evaluated (opens the section);
    - ``kinds``: per kind of project, the words around its figures;
    - ``execution``: how the budget was executed overall (after the kinds);
    - ``overall``: 部门整体履职绩效分析, paragraph by paragraph;
    - ``unit_results`` and ``project_results``: 结果应用情况 — (1) 单位支出绩效 and
      (2) 专项预算项目支出绩效, as titled points;
    - ``quality``: 自评质量; ``conclusion``: the unit's 评价结论 (the score is computed);
    - ``problems`` and ``suggestions``: 存在问题 and 改进建议, point by point;
    - ``closing``: the last line (where the self-evaluation tables are).
    """

    purpose: str = ""
    kinds: tuple[KindReview, ...] = attrs.field(default=(), converter=v.tuple_of)
    execution: str = ""
    overall: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    unit_results: tuple[Topic, ...] = attrs.field(default=(), converter=v.tuple_of)
    project_results: tuple[Topic, ...] = attrs.field(default=(), converter=v.tuple_of)
    quality: str = ""
    conclusion: str = ""
    problems: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    suggestions: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    closing: str = ""

    def __bool__(self) -> bool:
        return self != PerformanceReview()

    def kind(self, kind: str | ProjectKind) -> KindReview | None:
        """The texts about ``kind`` (人员类, 公用经费, 其他运转类, 特定目标类), or None."""
        wanted = _kind(kind)
        return next((k for k in self.kinds if k.kind is wanted), None)
