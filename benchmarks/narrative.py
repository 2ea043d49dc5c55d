"""How much of a published Part Two the generated one reproduces, word for word.

Run from the project root::

    .venv/bin/python benchmarks/narrative.py                      # against the seed's own passages
    .venv/bin/python benchmarks/narrative.py --seed /work/shared/seeds/000_ad8dd908a3134475.txt

The published text is cut into sentences at 。, ；, ：, ! and line ends; a sentence counts as
reproduced when the text ``budgetkit.narrative.report.render`` writes from the dataset's figures
contains it verbatim (after removing Word's ``[bookmark: …]`` marks and spaces). The
script prints, per section and in total, the share of sentences and the share of their
characters that are reproduced. By default the published text is the dataset's
``passages`` (the seed's sections 一 to 十（四）, kept paragraph by paragraph); ``--seed``
reads the seed file itself and takes its Part Two (from 第二部分 to 第3部分). With
``--loose`` the number style is ignored (1,025.98 = 1025.98, 0.80 = 0.8, 万 = 万元, half- and
full-width brackets alike), which measures the words rather than the typography; with
``--clauses`` the unit is the clause (cut also at ， and 、), which credits a long sentence
whose parts are reproduced in another order or with other connecting words; with
``--missing`` it also lists the sentences that are not reproduced.

``--dataset putuo-planning-2024`` (or ``putuo-social-work-2024``) measures the 情况说明
(Part Three) of a 部门决算 in the national layout, which ``render`` writes for an
account that holds its published tables.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from budgetkit import datasets
from budgetkit.narrative.report import render

_BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
_CUT = re.compile(r"[。；：!\n]")
_CUT_CLAUSES = re.compile(r"[。；：!\n，、]")
_MIN = 4  # shorter pieces ("其中", "1.") say nothing about the text


_LOOSE = str.maketrans({"(": "（", ")": "）", ",": "，", ":": "：", ";": "；", ".": "．"})


def _clean(text: str, loose: bool = False) -> str:
    text = re.sub(r"\s+", "", _BOOKMARK.sub("", text))
    if loose:  # the same words whatever the number style: 1,025.98 = 1025.98, 0.80 = 0.8, 万 = 万元
        text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
        text = re.sub(r"(\d+\.\d*?)0+(?=\D|$)", r"\1", text).replace(".万", "万").replace(".%", "%")
        text = text.replace("万元", "万").translate(_LOOSE)
    return text


def sentences(text: str, loose: bool = False, clauses: bool = False) -> list[str]:
    """The sentences (or, with ``clauses``, the clauses between commas) of ``text`` worth comparing, cleaned."""
    cut = _CUT_CLAUSES if clauses else _CUT
    return [s for s in (_clean(piece, loose) for piece in cut.split(text)) if len(s) >= _MIN]


def _seed_part_two(path: Path) -> list[tuple[str, str]]:
    text = path.read_text(encoding="utf-8")
    start, end = text.index("第二部分"), text.index("名词解释")
    section = "?"
    out = []
    for line in text[start:end].splitlines()[1:]:
        match = re.match(
            r"\s*(?:\[bookmark: [^\]]*\])*\s*([一二三四五六七八九十]+)、|\s*(\d)、", _BOOKMARK.sub("", line)
        )
        if match:
            section = match.group(1) or "一二三四五六七八九十"[int(match.group(2)) - 1]
        out.append((section, line))
    return out


def measure(
    published: Iterable[tuple[str, str]], generated: str, loose: bool = False, clauses: bool = False
) -> dict[str, tuple[int, int, int, int]]:
    """Per section: (sentences reproduced, sentences, characters reproduced, characters)."""
    target = _clean(generated, loose)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for section, text in published:
        key = section[:1] if not section.startswith("十") else section
        for sentence in sentences(text, loose, clauses):
            row = totals[key]
            found = sentence in target
            row[0] += found
            row[1] += 1
            row[2] += len(sentence) if found else 0
            row[3] += len(sentence)
    return {k: (a, b, c, d) for k, (a, b, c, d) in totals.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="zigong-hr-2023")
    parser.add_argument("--seed", type=Path, help="the published report as text (default: the dataset's passages)")
    parser.add_argument(
        "--loose",
        action="store_true",
        help="ignore the number style (1,025.98 = 1025.98, 0.80 = 0.8, 万 = 万元, ( = （)",
    )
    parser.add_argument("--clauses", action="store_true", help="compare clauses (cut also at ， and 、), not sentences")
    parser.add_argument("--missing", action="store_true", help="list the sentences not reproduced")
    args = parser.parse_args(argv)
    account = datasets.load(args.dataset)
    # a 部门决算's passages also keep the title of its Part Two (the tables), which is not narrative
    published = (
        _seed_part_two(args.seed)
        if args.seed
        else [(p.section, p.text) for p in account.passages if p.section != "第二部分"]
    )
    generated = render(account, "text")
    rows = measure(published, generated, args.loose, args.clauses)
    print(f"{'section':<10} {'sentences':>12} {'share':>7} {'characters':>14} {'share':>7}")
    total = [0, 0, 0, 0]
    for key, (a, b, c, d) in rows.items():
        total = [x + y for x, y in zip(total, (a, b, c, d), strict=True)]
        print(f"{key:<10} {a:>5} / {b:<5} {a / b:>6.1%} {c:>6} / {d:<6} {c / d:>6.1%}")
    a, b, c, d = total
    print(f"{'total':<10} {a:>5} / {b:<5} {a / b:>6.1%} {c:>6} / {d:<6} {c / d:>6.1%}")
    if args.missing:
        target = _clean(generated, args.loose)
        for section, text in published:
            for sentence in sentences(text, args.loose, args.clauses):
                if sentence not in target:
                    print(f"  {section}: {sentence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
