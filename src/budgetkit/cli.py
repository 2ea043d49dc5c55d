"""The ``budgetkit`` command line: check and score final accounts.

Exit status: 0 when no error-level finding, 1 when there is one, 2 when the
input cannot be read or a file to write cannot be opened (the message says what
and where). A load error is
written to stderr; with ``--format json`` it is also written to stdout as
``{"error": {"file": …, "path": …, "message": …, "problems": […]}}``.
Never a traceback: an unexpected failure is reported as an internal error
naming the input, with status 2.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
import traceback
import warnings
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO

import attrs

from budgetkit import __version__
from budgetkit.checks.audit import Coverage, summary
from budgetkit.checks.finding import Finding, Part, Severity
from budgetkit.errors import BudgetkitError, LoadError, LoadIssue, ModelError
from budgetkit.model.account import FinalAccount
from budgetkit.values.numbers import plain, round_half_up

if TYPE_CHECKING:
    from budgetkit.checks.years import Joined
    from budgetkit.io.pdf import ImportReport
    from budgetkit.io.text import NotAReport

__all__ = ["main", "score_report"]

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2

_EXIT_STATUSES = """exit status:
  0  no error-level finding
  1  at least one error-level finding
  2  the input cannot be read, or a file to write cannot be opened (the message
     names the file and the place in it); with --format json the error is also
     written to stdout as {"error": {...}}"""


def _load(source: str) -> FinalAccount:
    return _load_imported(source)[0]


#: The suffixes of published reports imported on the fly, and what each is.
_REPORT_SUFFIXES = {
    ".pdf": "PDF",
    ".xlsx": "Excel workbook",
    ".xls": "Excel workbook",
    ".txt": "text",
    ".html": "web page",
    ".htm": "web page",
    ".docx": "Word document",
    ".doc": "Word 97-2003 document",
}


def _is_report(source: str | Path) -> bool:
    return Path(source).suffix.lower() in _REPORT_SUFFIXES and str(source) not in _dataset_names()


#: A file of a directory that is not taken for a report, and why (a README.txt beside the reports).
_Skipped = tuple[Path, "NotAReport"]


def _reports_of(files: Sequence[Path]) -> tuple[list[Path], list[_Skipped]]:
    """The files of a directory that are reports, and the texts, web pages and Word documents that are not (with
    why): a text or web page is a report only when its first part says so (:func:`budgetkit.io.text.not_a_report`),
    a Word document when a line of it does (:func:`budgetkit.io.word.not_a_word_report`); a PDF or workbook is one
    by its format. A file named on the command line is always tried."""
    from budgetkit.io.text import not_a_report
    from budgetkit.io.word import not_a_word_report

    reports: list[Path] = []
    skipped: list[_Skipped] = []
    for file in files:
        suffix = file.suffix.lower()
        why = (
            not_a_report(file)
            if suffix in (".txt", ".html", ".htm")
            else not_a_word_report(file) if suffix == ".docx" else None
        )
        if why is None:
            reports.append(file)
        else:
            skipped.append((file, why))
    return reports, skipped


def _write_skipped(skipped: Sequence[_Skipped], out: TextIO, english: bool) -> None:
    """The files of a directory not taken for reports, each with why (never left out silently)."""
    if not skipped:
        return
    if english:
        out.write(f"Skipped {_plural(len(skipped), 'file')}, not {'a report' if len(skipped) == 1 else 'reports'}:\n")
    else:
        out.write(f"跳过 {len(skipped)} 个不是报告的文件：\n")
    for file, why in skipped:
        out.write(f"  - {file.name}: {why.reason if english else why.reason_zh}\n")


def _read_report(source: str | Path, table_set: str = "national-2024") -> Any:
    """Import a published report by its suffix: .pdf, .xlsx/.xls, .txt, .html/.htm, .docx (an :class:`Imported`)."""
    suffix = Path(source).suffix.lower()
    if suffix == ".pdf":
        import logging

        from budgetkit.io.pdf import read_pdf

        # pdfminer logs each oddity of a damaged PDF ("… None cannot be parsed as 4 floats"): the user gets our
        # message, or the import report, instead (set here, where a worker process reads its PDFs too)
        logging.getLogger("pdfminer").setLevel(logging.ERROR)
        return read_pdf(source, table_set=table_set)
    if suffix in (".xlsx", ".xls"):
        from budgetkit.io.excel import read_excel

        return read_excel(source, table_set=table_set)
    if suffix in (".html", ".htm"):
        from budgetkit.io.text import read_html

        return read_html(source, table_set=table_set)
    if suffix == ".txt":
        from budgetkit.io.text import read_text

        return read_text(source, table_set=table_set)
    if suffix in (".docx", ".doc"):  # a .doc is refused by what it holds, with how to read it
        from budgetkit.io.word import read_docx

        return read_docx(source, table_set=table_set)
    known = ", ".join(_REPORT_SUFFIXES)
    raise LoadError(str(source), [_issue(f"cannot import a {suffix or 'suffix-less'} file: a report is one of {known}")])


def _load_imported(source: str) -> tuple[FinalAccount, ImportReport | None]:
    """An account file, a built-in dataset, or a published report (PDF, workbook, text, web page) imported on
    the fly, with its import report."""
    if _is_report(source):
        imported = _read_report(source)
        return imported.account, imported.report
    return _load_account(source), None


def _load_account(source: str) -> FinalAccount:
    from budgetkit import datasets, io

    if source in datasets.names():
        return datasets.load(source)
    path = Path(source)
    _refuse_missing(path)
    if path.is_dir() or path.suffix.lower() == ".parquet":
        what = "a directory" if path.is_dir() else "a Parquet batch"
        raise LoadError(
            source,
            [_issue(f"{what} holds many accounts: budgetkit check reads it; this command reads one account file")],
        )
    return io.load(path)


def _refuse_missing(path: Path) -> None:
    """Refuse a path that names nothing: not a file, and not a built-in dataset; a symlink loop is called one."""
    import errno

    from budgetkit import datasets
    from budgetkit._files import problem

    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise LoadError(str(path), [_issue(f"cannot read the file: {problem(exc)}")]) from None
        if path.is_symlink():  # a dangling link is named as such by the reader
            return
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            known = ", ".join(datasets.names())
            raise LoadError(
                str(path), [_issue(f"no such file, and not a built-in dataset (built-in: {known})")]
            ) from None
        raise LoadError(str(path), [_issue(f"cannot read the file: {problem(exc)}")]) from None


def _refuse_irregular(path: Path) -> None:
    """Refuse a path that exists but is not a regular file (FIFO, device), before a reader blocks on it."""
    from budgetkit._files import kind_of, problem

    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise LoadError(str(path), [_issue(f"cannot read the file: {problem(exc)}")]) from None
    if not stat.S_ISREG(mode):
        raise LoadError(str(path), [_issue(f"cannot read the file: not a regular file: {kind_of(mode)}")])


def _dataset_names() -> tuple[str, ...]:
    from budgetkit import datasets

    return datasets.names()


def _issue(message: str) -> Any:
    from budgetkit.errors import LoadIssue

    return LoadIssue("$", message)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _where(finding: Finding, report: ImportReport | None) -> str:
    """A finding's model path, with where it is printed when the account was imported: "第12页 tables…" in a
    PDF, "表五!C12 tables…" in a workbook, "第40行 …" in a text."""
    box = None if report is None else report.box(finding.path)
    return finding.path if box is None else f"{box} {finding.path}"


def _issues_of(report: ImportReport, *kinds: str) -> list[Any]:
    """The import issues of these :class:`~budgetkit.io.table_import.IssueKind` (by name), in order."""
    from budgetkit.io.table_import import IssueKind

    wanted = {IssueKind[kind] for kind in kinds}
    return [issue for issue in report.issues if issue.kind in wanted]


def _refused_tables(report: ImportReport) -> list[Any]:
    """The import issues of self-evaluation tables that were refused (``自评表 row 6 (绩效指标)``)."""
    return _issues_of(report, "SELFEVAL_REFUSED")


def _other_evaluations(report: ImportReport) -> list[str]:
    """The titles of evaluation tables that are no project's (部门整体支出绩效自评表): not read, so not checked."""
    from budgetkit.io.selfeval import is_other_evaluation_title

    return [title for title in report.tables_unknown if is_other_evaluation_title(title)]


def _unruled_tables(report: ImportReport) -> list[Any]:
    """The import issues of tables whose title is printed but whose cells were not read (no ruling lines)."""
    return _issues_of(report, "TABLE_UNRULED")


def _tables_not_read(report: ImportReport) -> list[Any]:
    """The import issues of tables of the set that were printed but not read: laid out otherwise than their template
    (``… not imported: …``), or a second printing of a table already read (``… is printed twice; the first is kept``)."""
    return _issues_of(report, "TABLE_NOT_IMPORTED", "TABLE_REPEATED")


def _import_json(report: ImportReport | None) -> dict[str, Any]:
    """What a report imported on the fly read (``"import"``), so that a program knows what was not checked."""
    if report is None:
        return {}
    return {
        "import": {
            "numbers_seen": report.numbers_seen,
            "numbers_imported": report.numbers_imported,
            "numbers_in_text": report.numbers_in_text,
            "numbers_not_held": report.numbers_not_held,
            "numbers_not_understood": len(report.not_understood),
            "tables_found": list(report.tables_found),
            "tables_expected": list(report.tables_expected),
            "tables_unknown": list(report.tables_unknown),  # printed, of no table of the set: not read, not checked
            "tables_not_read": [
                {"place": None if i.box is None else str(i.box), "title": i.text, **_problem(i)}
                for i in _tables_not_read(report)
            ],
            "narrative_found": report.narrative_found,
            "selfeval_refused": [
                {
                    "place": None if i.box is None else str(i.box),
                    "row": i.text.split(" ", 1)[1],
                    "row_zh": i.text_zh.split(" ", 1)[1],
                    **_problem(i),
                }
                for i in _refused_tables(report)
            ],
            "evaluations_not_read": _other_evaluations(report),
            "tables_unruled": [
                {"place": None if i.box is None else str(i.box), "title": i.text, **_problem(i)}
                for i in _unruled_tables(report)
            ],
        }
    }


def _problem(issue: Any) -> dict[str, str]:
    """An import issue's reason for JSON: ``problem`` in English (as before), ``problem_zh`` in Chinese (the English
    where the reason is worded in English only)."""
    return {"problem": str(issue.reason), "problem_zh": issue.reason_zh}


def _source(finding: Finding, report: ImportReport | None) -> dict[str, Any]:
    """A finding as plain data, with ``source`` (file, page, box) when the account was imported from a PDF."""
    data = finding.as_dict()
    if report is not None:
        box = report.box(finding.path)
        data["source"] = {
            "file": report.source,
            "page": None if box is None else box.page,
            "box": None if box is None else [box.x0, box.top, box.x1, box.bottom],
            "place": None if box is None else str(box),
        }
    return data


def _write_findings_text(
    account: FinalAccount | _Heading,
    findings: Sequence[Finding],
    out: TextIO,
    english: bool,
    report: ImportReport | None = None,
) -> None:
    from budgetkit.checks.audit import summary

    counts = summary(findings)
    if english:
        out.write(f"{account.unit} — final account {account.year}: check\n")

        out.write(
            f"{_plural(counts['error'], 'error')} · {_plural(counts['warning'], 'warning')} · "
            f"{_plural(counts['info'], 'note')}\n"
        )
    else:
        out.write(f"{account.unit} {account.year}年度决算 检查结果\n")
        out.write(f"错误 {counts['error']} 项 · 警告 {counts['warning']} 项 · 提示 {counts['info']} 项\n")
    if report is not None:  # a report imported on the fly: what was read, so what could be checked
        out.write(f"{'Import: ' + report.summary() if english else report.summary_zh()}\n")
        if not report.narrative_found:
            out.write(
                "No 情况说明 found (no 第三部分, no 一、收入支出决算总体情况说明): none of its figures was checked.\n"
                if english
                else "未找到情况说明（无第三部分，亦无“一、收入支出决算总体情况说明”）：其中的数字均未核对。\n"
            )
        for issue in _refused_tables(report):
            where = f"{issue.box} " if issue.box is not None else ""
            row = (issue.text if english else issue.text_zh).split(" ", 1)[1]
            out.write(
                f"Self-evaluation table not read (its project not checked): {where}{row}: {issue.reason}\n"
                if english
                else f"自评表未能读入（其项目未核对）：{where}{row}：{issue.reason_zh}\n"
            )
        if others := _other_evaluations(report):
            out.write(
                f"Evaluations of a department's whole spending not read (budgetkit reads projects' tables; their "
                f"figures not checked): {', '.join(others)}\n"
                if english
                else f"部门整体支出绩效自评表未读入（budgetkit 只读项目支出绩效自评表，其数字未核对）：{'、'.join(others)}\n"
            )
        unruled = _unruled_tables(report)
        if unruled:
            if english:
                listed = ", ".join(i.text if i.box is None else f"{i.text} ({i.box})" for i in unruled)
                out.write(
                    f"Tables not read cell by cell (their figures not checked): {listed}: printed without ruling "
                    "lines and with their words not lined up in columns beyond doubt, or as a picture\n"
                )
            else:
                listed = "、".join(i.text if i.box is None else f"{i.text}（{i.box}）" for i in unruled)
                out.write(f"表格未能按单元格读入（其数字未核对）：{listed}：没有框线且文字未能确切对齐成列，或印作图片\n")
        for issue in _tables_not_read(report):
            where = f"{issue.box} " if issue.box is not None else ""
            out.write(
                f"Table not read (its figures not checked): {where}{issue.text}: {issue.reason}\n"
                if english
                else f"表格未能读入（其数字未核对）：{where}{issue.text}：{issue.reason_zh}\n"
            )
        if report.tables_unknown:  # printed, but of no table of the set (国有资产使用情况表): not read
            listed = ", ".join(report.tables_unknown) if english else "、".join(report.tables_unknown)
            out.write(
                f"Tables the table set has not (not read, their figures not checked): {listed}\n"
                if english
                else f"表套中没有的表（未读入，其数字未核对）：{listed}\n"
            )
    if not findings:
        # a table not read is not a clean result: say that only what was read was found consistent
        if report is not None and (
            _refused_tables(report)
            or _unruled_tables(report)
            or _other_evaluations(report)
            or report.tables_unknown
            or _tables_not_read(report)
        ):
            out.write(
                "No inconsistencies found in what was read; the tables named above were not read, so not checked.\n"
                if english
                else "已读入的内容未发现不一致之处；上列未能读入的表格未核对，不能视为无误。\n"
            )
        else:
            out.write("No inconsistencies found.\n" if english else "未发现不一致之处。\n")
        return
    for part in Part:
        group = [f for f in findings if f.part is part]
        if not group:
            continue
        group.sort(key=lambda f: -f.severity.rank)
        out.write(f"\n【{part.value}】\n")
        for f in group:
            label = f.severity.value if english else f.severity.label
            out.write(f"  {label}  {f.rule}  @ {_where(f, report)}\n")
            out.write(f"        {f.message_en if english else f.message}\n")
            if f.expected is not None:
                if english:
                    out.write(f"        stated: {f.stated_text or '—'}   expected: {f.expected_text or '—'}\n")
                else:
                    out.write(f"        公布值：{f.stated_text or '—'}　应为：{f.expected_text or '—'}\n")


@attrs.frozen
class _Heading:
    """What the text output names an account by."""

    unit: str
    year: int


def _many(
    source: str, jobs: int | None = None
) -> tuple[list[str], Any, list[_Heading], list[LoadError], list[ImportReport | None], list[_Skipped]] | None:
    """Many accounts: a directory of account files (.toml/.json) and reports (.pdf, .xlsx/.xls, .txt,
    .html/.htm, .docx), or Parquet batch files; None for a single account.

    Returns the names, what to check (a list of accounts, or a Batch read from Parquet), a heading for
    each, the files that could not be read, for each account its import report (``None`` unless it was
    imported from a report), and the texts and web pages that are not reports (:func:`_reports_of`). The
    reports of a directory are imported in ``jobs`` worker processes.
    """
    from budgetkit import io

    path = Path(source)
    if path.suffix.lower() == ".parquet" or (path.is_dir() and any(path.glob("*.parquet"))):
        from budgetkit.checks.batch import read_parquet

        for part in [path] if not path.is_dir() else sorted(path.glob("*.parquet")):
            _refuse_irregular(part)  # a FIFO would block the Parquet reader

        batch = read_parquet(path)  # each row validated against its json, then checked as a batch
        headings = [_Heading(u, y) for u, y in zip(batch.units, batch.years, strict=True)]
        return [f"{path.name}#{i}" for i in range(len(batch))], batch, headings, [], [None] * len(batch), []
    if not path.is_dir():
        return None
    files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".toml", ".json", *_REPORT_SUFFIXES))
    if not files:
        known = ", ".join((".toml", ".json", *_REPORT_SUFFIXES, ".parquet"))
        raise LoadError(source, [_issue(f"no account or report files ({known}) in this directory")])
    files, skipped = _reports_of(files)
    if not files:
        raise LoadError(source, [_issue(f"no reports in this directory: {_skipped_text(skipped)}")])
    imported = _read_reports([f for f in files if f.suffix.lower() in _REPORT_SUFFIXES], jobs)
    account_files = [f for f in files if f.suffix.lower() not in _REPORT_SUFFIXES]
    loaded = dict(zip(account_files, io.load_all(account_files), strict=True))
    names: list[str] = []
    accounts: list[FinalAccount] = []
    reports: list[ImportReport | None] = []
    errors: list[LoadError] = []
    for file in files:  # in the directory's sorted order, whichever worker finished first
        try:
            if file.suffix.lower() in _REPORT_SUFFIXES:
                result = imported[str(file)]
                if isinstance(result, LoadError):
                    raise result
                account, report = result
            else:
                one = loaded[file]
                if isinstance(one, LoadError):
                    raise one
                account, report = one, None
        except LoadError as exc:
            errors.append(exc)
            continue
        names.append(file.name)
        accounts.append(account)
        reports.append(report)
    return names, accounts, [_Heading(a.unit, a.year) for a in accounts], errors, reports, skipped


def _skipped_text(skipped: Sequence[_Skipped]) -> str:
    return "; ".join(f"{file.name} ({why})" for file, why in skipped)


def _read_one(path: str, table_set: str) -> tuple[str, FinalAccount | None, dict[str, Any] | None, LoadError | None]:
    """Import one report (a worker of ``budgetkit check DIR``): the account and its report's fields, or the error.

    The report travels as its fields (its read-only mapping of places cannot be pickled) and is rebuilt.
    """
    try:
        imported = _read_report(path, table_set)
    except LoadError as exc:
        return path, None, None, exc
    except BudgetkitError as exc:  # anything else the import refuses is still this file's problem, not the batch's
        return path, None, None, LoadError(path, [_issue(str(exc))])
    fields = attrs.asdict(imported.report, recurse=False)
    fields["places"] = dict(imported.report.places)
    return path, imported.account, fields, None


def _read_reports(
    files: Sequence[Path], jobs: int | None, table_set: str = "national-2024"
) -> dict[str, tuple[FinalAccount, ImportReport] | LoadError]:
    """Import reports (PDF, workbook, text, web page) in parallel worker processes (one per core unless
    ``jobs``), with a progress bar on a terminal."""
    from concurrent.futures import ProcessPoolExecutor, as_completed

    results: dict[str, tuple[FinalAccount, ImportReport] | LoadError] = {}
    if not files:
        return results
    progress = _Progress("导入")

    from budgetkit.io.pdf import ImportReport

    def keep(path: str, account: FinalAccount | None, report: dict[str, Any] | None, error: LoadError | None) -> None:
        if error is not None:
            results[path] = error
        else:
            assert account is not None and report is not None
            results[path] = (account, ImportReport(**report))

    if jobs == 1 or len(files) == 1:
        for done, file in enumerate(files, 1):
            keep(*_read_one(str(file), table_set))
            progress(done, len(files))
        return results
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(_read_one, str(f), table_set) for f in files]
        for done, future in enumerate(as_completed(futures), 1):
            keep(*future.result())
            progress(done, len(files))
    return results


class _Progress:
    """A one-line progress bar on a terminal (stderr); silent when stderr is not a terminal."""

    def __init__(self, word: str = "检查") -> None:
        self.shown = sys.stderr.isatty()
        self.word = word

    def __call__(self, done: int, total: int) -> None:
        if self.shown and total:
            width = 30
            filled = width * done // total
            sys.stderr.write(f"\r{self.word} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            if done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()


def _check_many(
    args: argparse.Namespace,
    out: TextIO,
    many: tuple[list[str], Any, list[_Heading], list[LoadError], list[ImportReport | None], list[_Skipped]],
) -> int:
    from budgetkit.checks.audit import coverage
    from budgetkit.checks.batch import Batch, check_batch

    names, accounts, headings, errors, reports, skipped = many
    for error in errors:
        sys.stderr.write(f"budgetkit: {error}\n")
    disable, least = tuple(args.disable or ()), Severity(args.min_severity)
    pairs = _joins(names, accounts) if isinstance(accounts, list) else None
    joins = {} if pairs is None else pairs.joined
    for k, (_, joined) in joins.items():
        accounts[k] = joined.account
    results = check_batch(
        accounts, disable=disable, min_severity=least, scoring=_scoring(args.scoring), progress=_Progress()
    )
    for k, (_, joined) in joins.items():
        results[k] = _kept(joined.findings, disable, least) + joined.own(results[k])
    everything = [f for findings in results for f in findings]
    each = accounts.account if isinstance(accounts, Batch) else accounts.__getitem__
    covered = [coverage(each(k), disable=disable) for k in range(len(names))]
    in_all = Coverage.combine(zip(names, covered, strict=True))
    if args.format == "json":
        doc = {
            "accounts": [
                {
                    "source": name,
                    "unit": a.unit,
                    "year": a.year,
                    "findings": [_source(f, report) for f in findings],
                    "summary": {**summary(findings), **one.as_dict()},
                    **_import_json(report),
                    **_previous_json(joins.get(k)),
                }
                for k, (name, a, findings, report, one) in enumerate(
                    zip(names, headings, results, reports, covered, strict=True)
                )
            ],
            "unreadable": [{"source": e.source, "problems": [str(i) for i in e.issues]} for e in errors],
            "skipped": [{"source": str(f), "reason": w.reason, "reason_zh": w.reason_zh} for f, w in skipped],
            "summary": {
                **summary(everything),
                **in_all.as_dict(),
                **({} if pairs is None else {"previous": pairs.as_dict(names)}),
                "by_code": [
                    {"code": code, "severity": severity.value, "findings": n, "accounts": accounts}
                    for code, severity, n, accounts in _by_code(results)
                ],
            },
        }
        json.dump(doc, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        english = args.lang == "en"
        for k, (name, heading, findings, report, one) in enumerate(
            zip(names, headings, results, reports, covered, strict=True)
        ):
            out.write(f"== {name}\n")
            _write_findings_text(heading, findings, out, english, report)
            if k in joins:
                _write_filled(joins[k][0], joins[k][1].filled, out, english)
            _write_coverage(one, out, english)
            out.write("\n")
        _write_table(names, headings, results, reports, out, english)
        counts = summary(everything)
        if english:
            out.write(
                f"{_plural(len(names), 'account')} checked, {len(errors)} unreadable: "
                f"{_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')}, "
                f"{_plural(counts['info'], 'note')}\n"
            )
        else:
            out.write(
                f"共检查 {len(names)} 份，无法读取 {len(errors)} 份：错误 {counts['error']} 项 · 警告 {counts['warning']} 项 · "
                f"提示 {counts['info']} 项\n"
            )
        by_rule = ", ".join(f"{rule} {n}" for rule, n in in_all.checked.items())
        if english:
            out.write(f"In all: checked {in_all.total} ({by_rule}); skipped {len(in_all.skipped)}\n")
        else:
            out.write(f"合计：已核对 {in_all.total} 个（{by_rule}），未能核对 {len(in_all.skipped)} 个\n")
        if pairs is not None:
            _write_pairs(pairs, names, out, english)
        _write_by_code(results, out, english)
        _write_skipped(skipped, out, english)
    if errors:
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if any(f.severity is Severity.ERROR for f in everything) else EXIT_OK


def _by_code(results: Sequence[Sequence[Finding]]) -> list[tuple[str, Severity, int, int]]:
    """Each finding code of many accounts: its severity, how many findings and in how many accounts, the most
    severe first, then the most frequent."""
    found: dict[str, tuple[Severity, int, set[int]]] = {}
    for k, findings in enumerate(results):
        for f in findings:
            severity, n, accounts = found.get(f.rule, (f.severity, 0, set()))
            accounts.add(k)
            found[f.rule] = (max(severity, f.severity), n + 1, accounts)
    rows = [(code, severity, n, len(accounts)) for code, (severity, n, accounts) in found.items()]
    return sorted(rows, key=lambda row: (-row[1].rank, -row[3], -row[2], row[0]))


#: The most finding codes the text output of many accounts lists (JSON lists them all)
_BY_CODE_SHOWN: Final = 10


def _write_by_code(results: Sequence[Sequence[Finding]], out: TextIO, english: bool) -> None:
    """The finding codes met most often across the accounts: which defects a province's reports share."""
    rows = _by_code(results)
    if not rows:
        return
    more = len(rows) - _BY_CODE_SHOWN
    out.write("Finding codes, the most severe and widespread first:\n" if english else "各类问题（按严重程度和涉及份数排列）：\n")
    for code, severity, n, accounts in rows[:_BY_CODE_SHOWN]:
        if english:
            out.write(f"  {severity.value:<7} {code:<36} {_plural(n, 'finding')} in {_plural(accounts, 'account')}\n")
        else:
            out.write(f"  {severity.label}  {code:<36} {n} 项 · {accounts} 份\n")
    if more > 0:
        out.write(f"  … {more} more (all in --format json)\n" if english else f"  …另有 {more} 类（--format json 列出全部）\n")


def _write_table(
    names: Sequence[str],
    headings: Sequence[_Heading],
    results: Sequence[Sequence[Finding]],
    reports: Sequence[ImportReport | None],
    out: TextIO,
    english: bool,
) -> None:
    """One line per account, the most errors (then warnings) first: what to read first among many reports."""
    if len(names) < 2:
        return
    rows = []
    for name, heading, findings, report in zip(names, headings, results, reports, strict=True):
        counts = summary(findings)
        imported = tables = "—"
        if report is not None:
            imported = f"{report.numbers_imported}/{report.numbers_seen}"
            tables = f"{len(report.tables_found)}/{len(report.tables_expected)}"
        cells = (str(counts["error"]), str(counts["warning"]), str(counts["info"]), imported, tables)
        rows.append((-counts["error"], -counts["warning"], name, cells, f"{name} · {heading.unit}"))
    rows.sort(key=lambda row: row[:3])
    labels = ("errors", "warnings", "notes", "imported", "tables", "file · unit")
    if not english:
        labels = ("错误", "警告", "提示", "读入", "表", "文件 · 单位")
    widths = (6, 8, 6, max(8, *(len(row[3][3]) for row in rows)), 6)
    out.write("Each file, the most errors first:\n" if english else "逐份汇总（错误多的在前）：\n")
    for cells, last in [(labels[:-1], labels[-1]), *((row[3], row[4]) for row in rows)]:
        out.write("  " + " ".join(_right(cell, w) for cell, w in zip(cells, widths, strict=True)) + f"  {last}\n")
    out.write("\n")


def _right(text: str, width: int) -> str:
    """``text`` right-aligned in ``width`` columns of a terminal, where a Chinese character takes two."""
    import unicodedata

    shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return " " * max(0, width - shown) + text


@attrs.frozen
class _Pairs:
    """The reports of a directory joined with their unit's report of the year before, and those that were not.

    ``joined``: by place, the file each was joined with and the join. ``ambiguous``: by place, the files of the
    unit's year before when there are two or more (which is last year's is not guessed). ``alone``: the places of
    reports of a year whose year before the directory holds, but of other units (a unit renamed, a report missing);
    a report of the directory's earliest year is in none of the three.
    """

    joined: dict[int, tuple[str, Joined]] = attrs.field(factory=dict)
    ambiguous: dict[int, tuple[str, ...]] = attrs.field(factory=dict)
    alone: tuple[int, ...] = ()

    def as_dict(self, names: Sequence[str]) -> dict[str, Any]:
        """For JSON ``summary.previous``: how many were joined, and the files not joined with why."""
        return {
            "joined": len(self.joined),
            "ambiguous": [
                {"source": names[k], "candidates": list(candidates)} for k, candidates in self.ambiguous.items()
            ],
            "without": [names[k] for k in self.alone],
        }


def _joins(names: Sequence[str], accounts: Sequence[FinalAccount]) -> _Pairs:
    """Each report of a directory that has its unit's report of the year before beside it (one, not two), joined
    with it (:func:`budgetkit.checks.years.with_previous`), by its place, with the file it was joined with; and
    those not joined (:class:`_Pairs`)."""
    from budgetkit.checks.years import same_unit, with_previous

    by_year: dict[tuple[str, int], list[int]] = {}
    for k, account in enumerate(accounts):
        by_year.setdefault((same_unit(account.unit), account.year), []).append(k)
    years = {account.year for account in accounts}
    joined: dict[int, tuple[str, Joined]] = {}
    ambiguous: dict[int, tuple[str, ...]] = {}
    alone: list[int] = []
    for k, account in enumerate(accounts):
        before = by_year.get((same_unit(account.unit), account.year - 1), [])
        if len(before) == 1:
            joined[k] = (names[before[0]], with_previous(account, accounts[before[0]]))
        elif before:
            ambiguous[k] = tuple(names[j] for j in before)
        elif account.year - 1 in years:
            alone.append(k)
    return _Pairs(joined, ambiguous, tuple(alone))


#: The most file names a line of the text output lists (JSON lists them all).
_NAMES_SHOWN: Final = 10


def _names(files: Sequence[str], english: bool) -> str:
    """File names for a line of text: the first :data:`_NAMES_SHOWN`, and how many more."""
    shown = (", " if english else "、").join(files[:_NAMES_SHOWN])
    more = len(files) - _NAMES_SHOWN
    if more <= 0:
        return shown
    return f"{shown} and {more} more" if english else f"{shown}等 {len(files)} 份"


def _write_pairs(pairs: _Pairs, names: Sequence[str], out: TextIO, english: bool) -> None:
    """How many reports of a directory were joined with last year's, and which were not and why; nothing when the
    directory holds one year only (no report could be joined)."""
    if not (pairs.joined or pairs.ambiguous or pairs.alone):
        return
    if english:
        out.write(f"Joined with their unit's report of the year before: {_plural(len(pairs.joined), 'report')}\n")
    else:
        out.write(f"与本单位上年报告合并核对：{len(pairs.joined)} 份\n")
    if pairs.ambiguous:
        listed = [
            f"{names[k]} ({', '.join(c)})" if english else f"{names[k]}（{'、'.join(c)}）"
            for k, c in pairs.ambiguous.items()
        ]
        out.write(
            f"  not joined, more than one report of the unit's year before (which is last year's is not guessed): "
            f"{_names(listed, english)}\n"
            if english
            else f"  未合并，本单位上年报告不止一份（不猜测哪一份是上年的）：{_names(listed, english)}\n"
        )
    if pairs.alone:
        listed = [names[k] for k in pairs.alone]
        out.write(
            f"  not joined, no report of the unit's year before in the directory (a unit named otherwise that year?): "
            f"{_names(listed, english)}\n"
            if english
            else f"  未合并，目录中没有本单位上一年度的报告（或上年单位名称不同）：{_names(listed, english)}\n"
        )


def _with_previous(account: FinalAccount, previous: FinalAccount, source: str) -> Joined:
    """``account`` joined with last year's report read from ``source``; a report of another year is that file's
    problem, named as such (it was named as the report's own)."""
    from budgetkit.checks.years import with_previous

    try:
        return with_previous(account, previous)
    except ModelError as exc:
        raise LoadError(source, [_issue(str(exc))]) from exc


def _previous_json(join: tuple[str, Joined] | None) -> dict[str, Any]:
    """Which report a report was joined with and the figures taken from it, for JSON (nothing when not joined)."""
    if join is None:
        return {}
    source, joined = join
    return {"previous": {"source": source, "filled": list(joined.filled)}}


def _kept(findings: Sequence[Finding], disable: Sequence[str], least: Severity) -> list[Finding]:
    """``findings`` without those ``disable`` leaves out or below ``least``, as ``check`` drops its own."""
    from budgetkit.checks.audit import disabled

    return [f for f in findings if not disabled(f.rule, disable) and f.severity >= least]


def _write_filled(previous: str, filled: Sequence[str], out: TextIO, english: bool) -> None:
    """Which last-year figures were taken from last year's report (they are checked like the printed ones)."""
    from budgetkit.reference.vocabulary import figure_names

    if english:
        out.write(f"\nLast year's figures taken from {previous}: {len(filled)} ({', '.join(filled) or 'none'})\n")
    else:
        # one name a figure, told apart where two share a label, and separated by "；": a name may hold a 、
        # (财政拨款收、支总计), so that the count is what a reader counts
        names = "；".join(figure_names(filled)) or "无"
        out.write(f"\n上年数取自 {previous}：{len(filled)} 项（{names}）\n")


def _write_coverage(covered: Coverage, out: TextIO, english: bool) -> None:
    by_rule = ", ".join(f"{rule} {n}" for rule, n in covered.checked.items())
    if english:
        out.write(f"\nChecked {covered.total} identities and comparisons ({by_rule}); skipped {len(covered.skipped)}:\n")
    else:
        out.write(f"\n已核对恒等式和比较 {covered.total} 个（{by_rule}），未能核对 {len(covered.skipped)} 个：\n")
    for line in covered.skipped:
        out.write(f"  - {line.text(english)}\n")


def _check(args: argparse.Namespace, out: TextIO) -> int:
    from budgetkit.checks.audit import check, coverage, summary

    many = None if args.source in _dataset_names() else _many(args.source, args.jobs)
    if many is not None:
        if args.previous:
            raise LoadError(args.source, [_issue("--previous joins one report with last year's; a directory pairs its reports itself")])
        return _check_many(args, out, many)
    account, report = _load_imported(args.source)
    joined = None
    if args.previous:
        joined = _with_previous(account, _load_imported(args.previous)[0], args.previous)
        account = joined.account
    disable, least = tuple(args.disable or ()), Severity(args.min_severity)
    findings = check(account, disable=disable, min_severity=least, scoring=_scoring(args.scoring))
    if joined is not None:
        findings = _kept(joined.findings, disable, least) + joined.own(findings)
    covered = coverage(account, disable=disable)
    if args.format == "json":
        doc = {
            "findings": [_source(f, report) for f in findings],
            "summary": {**summary(findings), **covered.as_dict()},
            **_import_json(report),
            **_previous_json(None if joined is None else (args.previous, joined)),
        }
        json.dump(doc, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        english = args.lang == "en"
        _write_findings_text(account, findings, out, english, report)
        if joined is not None:
            _write_filled(args.previous, joined.filled, out, english)
        _write_coverage(covered, out, english)
    if args.html:
        if report is None or Path(args.source).suffix.lower() != ".pdf":
            raise LoadError(args.source, [LoadIssue("$", "--html needs a PDF: the review page draws the findings on its pages")])
        from budgetkit.outputs.review import write_review

        write_review(args.source, findings, report.places, args.html, lang=args.lang)
    return EXIT_FINDINGS if any(f.severity is Severity.ERROR for f in findings) else EXIT_OK


def _text(value: object) -> str | None:
    """A value for the JSON score report: numbers as plain digits (never ``1E-12``), unknown as None."""
    if value is None:
        return None
    return plain(value) if isinstance(value, Decimal | int) else str(value)


def _scoring(name: str) -> Any:
    from budgetkit.checks.scoring import ScoringRules

    return ScoringRules.preset(name)


def score_report(account: FinalAccount, rules: Any = None) -> dict[str, Any]:
    """Every evaluated project scored by ``rules`` (the default variant when None), as plain data.

    Decimals are strings and unknown values None; ``execution_rate`` is in percent; rule
    scores are rounded half-up to two decimals.

    >>> from budgetkit import datasets
    >>> report = score_report(datasets.load("zigong-hr-2023"))
    >>> report["projects"][0]["stated_total"], report["projects"][0]["rule_total"]
    ('98', '100.00')
    """
    from budgetkit.checks.scoring import DEFAULT_RULES, score_project

    projects = []
    for project in account.evaluated_projects:
        ps = score_project(project, rules if rules is not None else DEFAULT_RULES)
        rule_total = ps.rule_total_rounded(2)
        projects.append(
            {
                "code": project.code,
                "name": project.name,
                "execution_rate": _text(ps.execution_rate.percent(2)),
                "execution_score": _text(ps.execution_score),  # None when the variant does not fit the table
                "variant_fits": ps.variant_fits,
                "execution_scored": ps.execution_scored,
                "indicator_total": _text(None if ps.indicator_total is None else round_half_up(ps.indicator_total, 2)),
                "rule_total": _text(rule_total),
                "stated_total": _text(project.stated_total),
                "grade": ps.rule_grade,
                "stated_grade": ps.stated_grade,
                "printed_grade": project.printed_grade or None,
                "indicators": [
                    {
                        "name": s.indicator.name,
                        "operator": s.indicator.operator.value,
                        "target": s.indicator.target,
                        "unit": s.indicator.unit,
                        "actual": s.indicator.actual,
                        "weight": _text(s.indicator.weight),
                        "stated_score": _text(s.indicator.stated_score),
                        "rule_score": _text(s.rule_rounded(2)),
                        "agrees": s.matches,
                        "formula": s.formula,
                        "explanation": s.explanation,
                    }
                    for s in ps.indicators
                ],
            }
        )
    return {"projects": projects}


def _score(args: argparse.Namespace, out: TextIO) -> int:
    account = _load(args.source)
    report = score_report(account, _scoring(args.scoring))
    if args.format == "json":
        json.dump(report, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    for project in report["projects"]:
        out.write(f"\n{project['code'] or ''} {project['name']}\n")
        out.write(
            f"  预算执行率 {project['execution_rate'] or '--'}%  执行得分 {project['execution_score'] or '--'}  "
            f"指标得分 {project['indicator_total'] or '--'}  规则总分 {project['rule_total'] or '--'}  "
            f"自评总分 {project['stated_total'] or '--'}  等级 {project['grade'] or '--'}\n"
        )
        if not project["execution_scored"]:
            out.write("  执行情况不计分：其分值未列，各指标权重合计已为100\n")
        if not project["variant_fits"]:
            out.write("  执行情况的分值与评分口径不符，执行得分与规则总分未计算（selfeval.variant_fit）\n")
        for ind in project["indicators"]:
            mark = (
                "" if ind["rule_score"] is None or ind["stated_score"] is None else ("  ≠" if not ind["agrees"] else "")
            )
            out.write(
                f"    {ind['name']}  {ind['operator']}{ind['target']}{ind['unit']}  完成{ind['actual'] or '（空）'}  "
                f"权重{ind['weight']}  自评{ind['stated_score'] or '--'}  规则{ind['rule_score'] or '--'}{mark}\n"
                f"      {ind['explanation']}\n"
            )
    return EXIT_OK


def _report(args: argparse.Namespace, out: TextIO) -> int:
    from budgetkit.narrative.report import render

    account = _load(args.source)
    if args.previous:
        joined = _with_previous(account, _load(args.previous), args.previous)
        account = joined.account
        for finding in joined.findings:  # a last-year figure printed otherwise: the report's own is written
            sys.stderr.write(f"budgetkit: {finding.rule}: {finding.message}\n")
    out.write(render(account, args.format))
    if args.charts:
        from budgetkit.outputs.plot import save_charts

        for path in save_charts(account, Path(args.charts)):
            sys.stderr.write(f"budgetkit: wrote {path}\n")
    return EXIT_OK


def _datasets(args: argparse.Namespace, out: TextIO) -> int:
    from budgetkit import datasets

    described = datasets.describe()
    if args.format == "json":
        json.dump([d._asdict() for d in described], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    for d in described:
        out.write(f"{d.name}\t{d.unit}\t{d.year}年度\t{d.unit_type}\t金额单位：{d.money_unit}\n")
        if d.description:
            out.write(f"    {d.description}\n")
    return EXIT_OK


def _write_import_report(report: ImportReport, out: TextIO) -> None:
    """Coverage of an import: numbers seen / imported / not understood, tables found / expected, and the lists."""
    suffix = Path(report.source).suffix.lower()
    if suffix in (".xlsx", ".xls"):
        out.write(f"{report.source}: {_plural(report.pages, 'sheet')}\n")
    elif suffix == ".pdf":
        out.write(f"{report.source}: {report.pages} pages\n")
    else:
        out.write(f"{report.source}: {_REPORT_SUFFIXES.get(suffix, 'text')}\n")
    out.write(f"  numbers: {report.numbers_seen} seen, {report.numbers_imported} imported, ")
    out.write(f"{report.numbers_in_text} kept in text, {report.numbers_not_held} read but not held, ")
    out.write(f"{len(report.not_understood)} not understood\n")
    out.write(f"  tables: {len(report.tables_found)} found of {len(report.tables_expected)} expected")
    missing = [key for key in report.tables_expected if key not in report.tables_found]
    if missing:
        out.write(f" (missing: {', '.join(missing)})")
    if report.tables_unknown:
        out.write(f"; unknown: {', '.join(report.tables_unknown)}")
    out.write("\n")
    if report.not_understood:
        out.write("  not understood:\n")
        for number in report.not_understood:
            out.write(f"    {number}\n")
    if report.issues:
        out.write("  issues:\n")
        for issue in report.issues:
            out.write(f"    {issue}\n")


def _import_one(path: str, target: str | None, table_set: str) -> tuple[str, str | None, str]:
    """Import one report and write its account (a worker of ``budgetkit import DIR``): (file, problem, summary)."""
    from budgetkit import io

    try:
        imported = _read_report(path, table_set)
        if target is not None:
            io.dump(imported.account, target)
    except BudgetkitError as exc:
        return path, str(exc), ""
    return path, None, imported.report.summary()


def _import(args: argparse.Namespace, out: TextIO) -> int:
    from budgetkit import io

    source = Path(args.source)
    if source.is_dir():
        return _import_many(args, source, out)
    imported = _read_report(source, args.table_set)
    if args.output and Path(args.output).suffix.lower() == ".docx":  # the report as a Word document to edit on
        from budgetkit.outputs.word import write_docx

        write_docx(imported.account, args.output)
    elif args.output:
        io.dump(imported.account, args.output)
    else:
        out.write(io.dumps(imported.account))
    if args.report:
        _write_import_report(imported.report, out if args.output else sys.stderr)
    return EXIT_OK


def _account_name(file: Path, files: Sequence[Path]) -> str:
    """The account file a report of a directory is imported into: ``a.toml`` for ``a.pdf``, or ``a.pdf.toml``
    when another report has the same name (``a.xlsx``), so that neither overwrites the other."""
    twins = sum(1 for f in files if f.stem == file.stem)
    return f"{file.stem}.toml" if twins == 1 else f"{file.name}.toml"


def _import_many(args: argparse.Namespace, source: Path, out: TextIO) -> int:
    """Every report of a directory (PDF, workbook, text, web page), imported in parallel processes; a bad file is
    reported, the others go on."""
    from concurrent.futures import ProcessPoolExecutor, as_completed

    if not args.output:
        raise LoadError(str(source), [_issue("importing a directory needs -o OUTDIR for the account files")])
    files = sorted(p for p in source.iterdir() if p.suffix.lower() in _REPORT_SUFFIXES and p.is_file())
    if not files:
        raise LoadError(str(source), [_issue(f"no report files ({', '.join(_REPORT_SUFFIXES)}) in this directory")])
    files, skipped = _reports_of(files)
    if not files:
        raise LoadError(str(source), [_issue(f"no reports in this directory: {_skipped_text(skipped)}")])
    outdir = Path(args.output)
    outdir.mkdir(parents=True, exist_ok=True)
    progress = _Progress("导入")
    failed = 0
    results: dict[str, tuple[str | None, str]] = {}
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = [
            pool.submit(_import_one, str(f), str(outdir / _account_name(f, files)), args.table_set) for f in files
        ]
        for done, future in enumerate(as_completed(futures), 1):
            path, problem, summary = future.result()
            results[path] = (problem, summary)
            progress(done, len(files))
    for f in files:
        problem, summary = results[str(f)]
        if problem is not None:
            failed += 1
            sys.stderr.write(f"budgetkit: {problem}\n")
        elif args.report:
            out.write(f"{f.name}: {summary}\n")
    kind = "PDF" if all(f.suffix.lower() == ".pdf" for f in files) else "report"
    out.write(f"{len(files) - failed} of {len(files)} {kind} files imported into {outdir}\n")
    _write_skipped(skipped, out, english=True)
    return EXIT_UNREADABLE if failed else EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="budgetkit",
        description="Exact, checkable Chinese public-sector final accounts (决算) and performance self-evaluations.",
        epilog=_EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"budgetkit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    from budgetkit.checks.scoring import VARIANTS

    variants = tuple(VARIANTS)

    check = sub.add_parser(
        "check",
        help="find every figure that does not follow from the others",
        epilog=_EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument(
        "source",
        help="a .toml/.json account file, a directory of them (account files and reports, mixed), "
        "a .parquet batch (or a directory of parts), a published report imported on the fly "
        "(.pdf, .xlsx/.xls, .txt, .html/.htm, .docx), or a built-in dataset name (zigong-hr-2023)",
    )
    check.add_argument(
        "--jobs", type=int, default=None, help="processes importing the reports of a directory (default: one per core)"
    )
    check.add_argument(
        "--format", choices=("text", "json"), default="text", help="text for people (default), json for programs"
    )
    check.add_argument(
        "--min-severity",
        choices=("info", "warning", "error"),
        default="info",
        help="leave out findings below this severity (default: info, i.e. show all)",
    )
    check.add_argument(
        "--disable", nargs="*", metavar="CODE", help="rule codes or prefixes to leave out (text, rate …)"
    )
    check.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the text output")
    check.add_argument(
        "--html",
        metavar="FILE",
        help="for a PDF: also write a review page (findings beside the rendered pages, the cells involved highlighted)",
    )
    check.add_argument(
        "--previous",
        metavar="LAST_YEAR",
        help="the unit's report of the year before (any form SOURCE takes): the last-year figures SOURCE does not "
        "print are taken from it, so every change and rate against last year is checked, and those it prints are "
        "compared with it",
    )
    check.add_argument("--scoring", default="default", choices=variants, help="scoring variant of the tables")
    check.set_defaults(func=_check)

    score = sub.add_parser(
        "score",
        help="score every self-evaluation table by the rules, beside the stated scores",
        epilog=_EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    score.add_argument(
        "source", help="a .toml/.json account file, a report (.pdf, .xlsx/.xls, .txt, .html, .docx), or a built-in dataset name"
    )
    score.add_argument(
        "--format", choices=("text", "json"), default="text", help="text for people (default), json for programs"
    )
    score.add_argument("--scoring", default="default", choices=variants, help="scoring variant (see budgetkit.checks.scoring)")
    score.set_defaults(func=_score)

    report = sub.add_parser(
        "report",
        help="write Part Two of the 决算说明 from the figures, and its charts",
        epilog=_EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.add_argument(
        "source", help="a .toml/.json account file, a report (.pdf, .xlsx/.xls, .txt, .html, .docx), or a built-in dataset name"
    )
    report.add_argument(
        "--format", choices=("md", "text"), default="md", help="Markdown with headings (default) or plain text"
    )
    report.add_argument("--charts", metavar="DIR", help="also write the seven charts as PNG and SVG into DIR")
    report.add_argument(
        "--previous",
        metavar="LAST_YEAR",
        help="the unit's report of the year before: its figures are last year's, so the text says what changed",
    )
    report.set_defaults(func=_report)

    imports = sub.add_parser(
        "import", help="import a published 部门决算 (PDF, Excel, text or web page; or a directory of them) into account files"
    )
    imports.add_argument("source", help="a .pdf, .xlsx/.xls, .txt, .html/.htm or .docx report, or a directory of them")
    imports.add_argument(
        "-o",
        "--output",
        help="the account file to write (.toml/.json), or a Word document (.docx) of the report to edit on; "
        "for a directory, the folder",
    )
    imports.add_argument("--report", action="store_true", help="print the import's coverage and what was not understood")
    imports.add_argument("--table-set", default="national-2024", help="the table set the report follows")
    imports.add_argument("--jobs", type=int, default=None, help="processes for a directory (default: one per core)")
    imports.set_defaults(func=_import)

    data = sub.add_parser("datasets", help="list the built-in datasets: name, unit, year, money unit and what each is")
    data.add_argument(
        "--format", choices=("text", "json"), default="text", help="text for people (default), json for programs"
    )
    data.set_defaults(func=_datasets)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; return the exit status (0 consistent, 1 an error finding, 2 unreadable input).

    >>> import io
    >>> out = io.StringIO()
    >>> main(["check", "zigong-hr-2023", "--min-severity", "error", "--lang", "en"], out=out)
    1
    >>> out.getvalue().splitlines()[1]
    '11 errors · 0 warnings · 0 notes'
    """
    stream = out if out is not None else sys.stdout
    args = _parser().parse_args(argv)
    source = getattr(args, "source", None)
    try:
        with warnings.catch_warnings():  # a warning is a line for the user, not a source file and line number
            warnings.showwarning = _show_warning
            status: int = args.func(args, stream)
    except LoadError as exc:
        return _unreadable(args, stream, exc)
    except BudgetkitError as exc:  # read, but refused while working on it: still name the file
        return _unreadable(args, stream, LoadError(source or "<input>", [LoadIssue("$", str(exc))]))
    except BrokenPipeError:  # output piped into `head`: the reader has seen enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:  # a file to write (-o, --charts, --html) or read that the system refuses: name it
        from budgetkit._files import problem

        where = str(exc.filename) if exc.filename is not None else source or "<input>"
        return _unreadable(args, stream, LoadError(where, [LoadIssue("$", f"cannot open the file: {problem(exc)}")]))
    except Exception as exc:  # a bug: say so, name the input, never a bare traceback
        where = traceback.extract_tb(exc.__traceback__)[-1]
        message = (
            f"internal error of budgetkit on this input (please report it): {type(exc).__name__}: "
            f"{str(exc)[:300]} at {Path(where.filename).name}:{where.lineno}"
        )
        return _unreadable(args, stream, LoadError(source or "<input>", [LoadIssue("$", message)]))
    return status


def _show_warning(message: Warning | str, category: type[Warning], *_: Any, **__: Any) -> None:
    sys.stderr.write(f"budgetkit: warning: {message}\n")


def _unreadable(args: argparse.Namespace, out: TextIO, error: LoadError) -> int:
    """Report a load error on stderr, and as JSON on ``out`` when JSON was asked for; return status 2."""
    sys.stderr.write(f"budgetkit: {error}\n")
    if getattr(args, "format", None) == "json":
        problems = [{"path": issue.path, "message": issue.message} for issue in error.issues]
        first = problems[0] if problems else {"path": "$", "message": str(error)}
        doc = {"error": {"file": error.source, **first, "problems": problems}}
        json.dump(doc, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return EXIT_UNREADABLE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
