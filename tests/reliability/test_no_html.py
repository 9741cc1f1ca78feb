"""Static check: no data value is ever rendered as HTML or raw Markdown.

- No `unsafe_allow_html=True`, no `st.html(...)`, no `components.html(...)` anywhere in
  app_pages/ or dashboard.py. A components-v2 registration (app_pages/page_language.py)
  only with literal HTML, CSS and JavaScript.
- Every f-string (or string concatenation) given to a Markdown-rendering call
  (st.markdown, st.caption, st.error, ..., also on columns and containers, and `help=`)
  passes each interpolated value through md_escape (or md_link, which escapes its label).
  Values that cannot carry data are allowed: literals, constants of the code (UPPER_CASE
  names and attributes, e.g. TABLES[name].file), loop variables over literal tuples or
  over a constant, names only ever assigned such values, numbers from len() or with a
  numeric format (:.2f), and the Markdown builders in MARKDOWN_BUILDERS, which escape
  every data value they use (checked below with hostile data).
  A translation `_(x)` is as safe as x (the catalogue's text is the code's own, reviewed like
  a literal), and `template.format(...)` is safe when the template and every value are.
- The one st.html allowed is a committed stylesheet passed as a Path (dashboard.py's
  accessibility CSS): static text, no data, and (checked below) nothing in it that loads
  from anywhere.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.reliability.helpers import ROOT

FILES = sorted([*(ROOT / "app_pages").glob("*.py"), ROOT / "dashboard.py"])
MARKDOWN_CALLS = {
    "markdown",
    "caption",
    "error",
    "warning",
    "info",
    "success",
    "exception",
    "toast",
    "write",
    "title",
    "header",
    "subheader",
    "expander",
    "tabs",
    "popover",
    "badge",
    "metric",
    "text",
}
ESCAPERS = {"md_escape", "md_link"}
# Functions that build Markdown from data and escape every data value inside.
MARKDOWN_BUILDERS = {"source_links", "weak_badge", "involvement_markdown"}
SAFE_CALLS = {"len", "int", "round"}
# The UI translator (app_pages.common.translator): its result is the catalogue's text for x.
TRANSLATORS = {"_"}
STRING_METHODS = {"upper", "lower", "title", "capitalize", "strip"}
NUMERIC_FORMAT = ("d", "f", "e", "g", "%", "n")


def _name(func: ast.AST) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


class Checker(ast.NodeVisitor):
    def __init__(self, path: Path, tree: ast.Module):
        self.path = path
        self.problems: list[str] = []
        # name -> [(line, how it is bound)]: a name used on line n is as safe as its latest
        # binding before n (pages are straight-line scripts; a loop rebinding a name to data
        # later on does not taint an earlier, safe use, and vice versa).
        self.bindings: dict[str, list[tuple[int, ast.AST, str]]] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        self._bind(target.id, node.lineno, node.value, "value")
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and isinstance(node.target, ast.Name) and node.value:
                self._bind(node.target.id, node.lineno, node.value, "value")
            elif isinstance(node, (ast.For, ast.comprehension)):
                line = getattr(node, "lineno", getattr(node.iter, "lineno", 0))
                if isinstance(node.target, ast.Name):
                    self._bind(node.target.id, line, node.iter, "items")
                elif isinstance(node.target, ast.Tuple):
                    for i, t in enumerate(node.target.elts):
                        if isinstance(t, ast.Name):
                            self._bind(t.id, line, node.iter, f"position {i}")
            elif isinstance(node, (ast.FunctionDef, ast.Lambda)):
                for arg in node.args.args + node.args.kwonlyargs:
                    self._bind(arg.arg, node.lineno, None, "parameter")
        self._checking: set[tuple[str, int]] = set()

    def _bind(self, name: str, line: int, value: ast.AST | None, how: str) -> None:
        self.bindings.setdefault(name, []).append((line, value, how))

    def _safe_name(self, node: ast.Name) -> bool:
        if node.id.isupper():
            return True
        earlier = [b for b in self.bindings.get(node.id, []) if b[0] <= node.lineno]
        if not earlier:
            return False
        line, value, how = max(earlier, key=lambda b: b[0])
        if (node.id, line) in self._checking:  # x = x + ...: judged by its other parts
            return True
        self._checking.add((node.id, line))
        try:
            if how == "value":
                return self.safe(value)
            if how == "items":
                return self._safe_iterable(value)
            if how.startswith("position"):
                i = int(how.split()[1])
                return (
                    isinstance(value, (ast.Tuple, ast.List))
                    and bool(value.elts)
                    and all(isinstance(e, ast.Tuple) and len(e.elts) > i and self.safe(e.elts[i]) for e in value.elts)
                )
            return False  # a function parameter: could be anything
        finally:
            self._checking.discard((node.id, line))

    def _safe_iterable(self, node: ast.AST) -> bool:
        """Literals, a constant, or [x for x in CONSTANT if ...]: every item is safe."""
        if isinstance(node, (ast.Tuple, ast.List)):
            return all(self.safe(e) for e in node.elts)
        if isinstance(node, (ast.ListComp, ast.GeneratorExp)) and len(node.generators) == 1:
            gen = node.generators[0]
            return (
                isinstance(node.elt, ast.Name)
                and isinstance(gen.target, ast.Name)
                and node.elt.id == gen.target.id
                and self._safe_iterable(gen.iter)
            )
        if isinstance(node, ast.Call) and _name(node.func) in ("list", "tuple", "sorted") and len(node.args) == 1:
            return self._safe_iterable(node.args[0])
        return self.safe(node)

    def where(self, node: ast.AST) -> str:
        return f"{self.path.relative_to(ROOT)}:{node.lineno}"

    def safe(self, node: ast.AST) -> bool:
        """True if the value of node cannot carry unescaped data into Markdown."""
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.Call) and _name(node.func) in ESCAPERS | MARKDOWN_BUILDERS | SAFE_CALLS:
            return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in STRING_METHODS:
            return self.safe(node.func.value)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in TRANSLATORS:
            return len(node.args) == 1 and not node.keywords and self.safe(node.args[0])
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            return (
                self.safe(node.func.value)
                and all(self.safe(a) for a in node.args)
                and all(k.arg is not None and self.safe(k.value) for k in node.keywords)
            )
        if isinstance(node, ast.Name):
            return self._safe_name(node)
        if isinstance(node, ast.Attribute):  # aid.NAMES, TABLES[name].file: constants of the code
            return node.attr.isupper() or self.safe(node.value) and node.attr in ("file", "name", "title")
        if isinstance(node, ast.Subscript):  # LEAD_BADGES[row.usual_lead], NAMES[p][1:]: items of a constant
            return self.safe(node.value)
        if isinstance(node, ast.IfExp):
            return self.safe(node.body) and self.safe(node.orelse)
        if isinstance(node, ast.JoinedStr):
            return all(self._safe_formatted(v) for v in node.values if isinstance(v, ast.FormattedValue))
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self.safe(node.left) and self.safe(node.right)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "join":
            # "\n".join(f"- {md_escape(p)}" for p in ...): the joiner and every element
            return self.safe(node.func.value) and len(node.args) == 1 and self.safe(node.args[0])
        if isinstance(node, (ast.GeneratorExp, ast.ListComp)):  # a list of strings: each one safe
            return self.safe(node.elt)
        if isinstance(node, (ast.List, ast.Tuple)):
            return all(self.safe(e) for e in node.elts)
        return False

    def _safe_formatted(self, value: ast.FormattedValue) -> bool:
        """{x:.2f} or {n:,d} can only print a number; otherwise the value itself must be safe."""
        spec = value.format_spec
        if isinstance(spec, ast.JoinedStr) and len(spec.values) == 1 and isinstance(spec.values[0], ast.Constant):
            if str(spec.values[0].value).endswith(NUMERIC_FORMAT):
                return True
        return self.safe(value.value)

    def visit_Call(self, node: ast.Call) -> None:
        name = _name(node.func)
        for keyword in node.keywords:
            if keyword.arg == "unsafe_allow_html" and not (
                isinstance(keyword.value, ast.Constant) and keyword.value.value is False
            ):
                self.problems.append(f"{self.where(node)}: unsafe_allow_html")
            if keyword.arg == "unsafe_allow_javascript":
                self.problems.append(f"{self.where(node)}: unsafe_allow_javascript")
            if keyword.arg == "help" and not self.safe(keyword.value):
                self.problems.append(f"{self.where(node)}: help= text with a value not passed through md_escape")
        if name == "html" and not self._static_stylesheet(node):
            self.problems.append(f"{self.where(node)}: {ast.unparse(node.func)}(...) renders HTML")
        if isinstance(node.func, ast.Attribute) and _name(node.func.value) in ("components", "v1"):
            self.problems.append(f"{self.where(node)}: {ast.unparse(node.func)}(...) renders HTML")
        if isinstance(node.func, ast.Attribute) and _name(node.func.value) == "v2":
            # A components-v2 registration: its HTML, CSS and JavaScript must be literals
            # (code reviewed like any other); what it is given at run time goes in `data=`.
            code = [k.value for k in node.keywords if k.arg in ("html", "css", "js")]
            if not code or not all(isinstance(v, ast.Constant) and isinstance(v.value, str) for v in code):
                self.problems.append(f"{self.where(node)}: {ast.unparse(node.func)}(...) with non-literal code")
        if name in MARKDOWN_CALLS and isinstance(node.func, ast.Attribute):
            body = (
                node.args[0]
                if node.args
                else next((k.value for k in node.keywords if k.arg in ("body", "label")), None)
            )
            if body is not None and not self.safe(body):
                self.problems.append(
                    f"{self.where(node)}: {ast.unparse(node.func)}() shows {ast.unparse(body)[:80]!r} without md_escape"
                )
        self.generic_visit(node)

    def _static_stylesheet(self, node: ast.Call) -> bool:
        """st.html(Path(__file__).parent / "..." / "x.css"): a committed stylesheet, no data."""
        if len(node.args) != 1 or node.keywords:
            return False
        parts = []
        arg = node.args[0]
        while isinstance(arg, ast.BinOp) and isinstance(arg.op, ast.Div):
            if not isinstance(arg.right, ast.Constant):
                return False
            parts.insert(0, arg.right.value)
            arg = arg.left
        root = ast.unparse(arg)
        if root not in ("Path(__file__).parent", "Path(__file__).resolve().parent") or not parts:
            return False
        css = self.path.parent.joinpath(*parts)
        STYLESHEETS.append(css)
        return css.suffix == ".css" and css.is_file()


STYLESHEETS: list[Path] = []


def problems_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    checker = Checker(path, tree)
    checker.visit(tree)
    # Imports of raw-HTML helpers count too, even unused.
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("streamlit.components"):
            checker.problems.append(f"{checker.where(node)}: imports {node.module}")
    return checker.problems


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_data_value_rendered_as_html_or_raw_markdown(path):
    assert problems_in(path) == []


def test_the_checker_catches_what_it_must():
    """The rule itself, on small snippets: each bad line is caught, each good one passes."""
    bad = [
        'st.markdown(f"**{row.name}**")',
        "st.markdown(text, unsafe_allow_html=True)",
        'st.html("<b>x</b>")',
        'col.caption(f"Sources: {row.source_ids}")',
        'st.error("Problem: " + error)',
        'st.markdown("\\n".join(f"- {p}" for p in points))',
        'st.radio("x", [1], help=f"{value}")',
        "st.write(value)",
        'components.html("<script></script>")',
        'note = "x"\nfor note in notes:\n    st.caption(f"{note}")',
        "def f(label):\n    st.expander(label)",
        'st.html(f"<p>{value}</p>")',
        'lines = [f"- {r.x}" for r in rows]\nst.markdown("\\n".join(lines))',
        "st.caption(_(row.topic))",
        'st.caption(_("As of {date}.").format(date=row.as_of))',
        'st.caption(_("{a}").format(md_escape(x), b=value))',
        "st.caption(template.format(date=md_escape(x)))",
        'st.components.v2.component("x", js=f"document.title = {value!r}")',
        'st.components.v2.component("x", html=page_html)',
    ]
    good = [
        'st.markdown(f"**{md_escape(row.name)}**")',
        "st.caption(NOT_ADVICE)",
        'st.markdown(f"{LEAD_BADGES[row.usual_lead]} {md_escape(x)}")',
        'st.error("Problem: " + md_escape(error))',
        'st.markdown("\\n".join(f"- {md_escape(p)}" for p in points))',
        'st.markdown(f"{len(rows)} rows")',
        "st.markdown(f\"{'a' if x else 'b'}\")",
        'for note in notes:\n    pass\nnote = f" {md_escape(n)}" if n else ""\nst.caption(f"As of.{note}")',
        "for d in [d for d in DIMENSIONS if d in chosen]:\n    st.subheader(d)",
        'st.markdown(f"importance {row.importance:.2f}")',
        'lines = [f"- {md_escape(r.x)}" for r in rows]\nst.markdown("\\n".join(lines))',
        'for c, p, badge in ((a, "OT", ":blue-badge[OT]"), (b, "PT", ":orange-badge[PT]")):\n'
        '    st.markdown(f"{badge} x")',
        'st.title(_("Which therapy could help?"))',
        'st.caption(_("As of {date}.").format(date=md_escape(row.as_of)))',
        'word = _("Sources:")\nst.caption(f"{word} {source_links(x, s)}")',
        "for d in DIMENSIONS:\n    st.subheader(_(d))",
        'st.components.v2.component("x", js="export default function ({ data }) {}")',
    ]
    for snippet in bad:
        tree = ast.parse(snippet)
        checker = Checker(ROOT / "x.py", tree)
        checker.visit(tree)
        assert checker.problems, f"not caught: {snippet}"
    for snippet in good:
        tree = ast.parse(snippet)
        checker = Checker(ROOT / "x.py", tree)
        checker.visit(tree)
        assert not checker.problems, f"wrongly flagged: {snippet}: {checker.problems}"


def test_the_stylesheet_loads_nothing_and_runs_nothing():
    """The CSS that st.html injects: static, and nothing in it reaches another host or
    runs code (no url(), @import, expression() or HTML)."""
    for path in FILES:
        problems_in(path)
    for css in STYLESHEETS:
        text = css.read_text(encoding="utf-8").lower()
        for banned in ("url(", "@import", "expression(", "<", "javascript:", "@font-face"):
            assert banned not in text, f"{css.relative_to(ROOT)} contains {banned!r}"


def test_markdown_builders_escape_every_data_value():
    """source_links (allowed unescaped above) escapes publisher, tier and date, and
    drops a link whose address is not http(s)."""
    import pandas as pd

    from components.sources import source_links
    from components.text import md_escape

    hostile = "<img src=x onerror=alert(1)> **b** [x](javascript:alert(1))"
    sources = pd.DataFrame(
        {
            "source_id": ["CL001", "CL002"],
            "tier": [hostile, "A"],
            "publisher": [hostile, hostile],
            "url": ["https://example.org/a", "javascript:alert(1)"],
            "as_of": [hostile, "2024"],
            "title": ["t", "t"],
            "note": ["", ""],
        }
    )
    shown = source_links("CL001;CL002", sources)
    assert shown.count(md_escape(hostile)) == 4
    assert "](javascript:" not in shown
    without = shown.replace(md_escape(hostile), "")
    assert "<img" not in without and "**b**" not in without


def test_weak_badge_shows_only_its_own_constant_text():
    """weak_badge (allowed unescaped above) never passes its argument through: whatever
    the data says, it shows the fixed badge or nothing."""
    from app_pages.common import WEAK_BADGE, weak_badge

    hostile = "<img src=x onerror=alert(1)> **b** [x](javascript:alert(1))"
    assert weak_badge(hostile) == f" {WEAK_BADGE}"
    assert weak_badge("") == ""
    assert "img" not in WEAK_BADGE and "](" not in WEAK_BADGE


def test_involvement_markdown_escapes_every_data_value():
    """involvement_markdown (allowed unescaped above) escapes the population names and the
    level words, whatever a translation says, and keeps one table row per population."""
    import pandas as pd

    from components.populations import involvement_markdown
    from components.text import md_escape

    hostile = "<img src=x onerror=alert(1)> **b** | [x](javascript:alert(1))"
    involvement = pd.DataFrame(
        {"population": [hostile, "Stroke"], "OT": ["Leads", "Supports"], "PT": ["Supports", "Shares the lead"]}
    )
    shown = involvement_markdown(involvement, lambda text: hostile if text == "Supports" else text)
    rows = shown.splitlines()[2:]
    assert len(rows) == 2 and all(row.count(" | ") == 2 for row in rows)
    assert shown.count(md_escape(hostile)) == 3
    without = shown.replace(md_escape(hostile), "")
    assert "<img" not in without and "**b**" not in without and "](javascript:" not in without
