"""Count rules still written in code: regex literals holding English words, and tuples
(lists, sets) of string literals. Issue 15: "Rules half in data, half in code".

    .venv/bin/python scripts/rules_in_code.py [FILE_OR_DIR ...] [--list]

A regex literal is a string constant (or an f-string's constant parts) that is an argument
of a `re.` call or holds regex syntax (\\b, \\s, (?:, |, ...); its English words are runs of
three or more letters left once escapes, group flags and character classes are removed.
A word tuple is a tuple, list or set display of two or more string constants.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

_REGEX_SYNTAX = re.compile(r"\\[bBsSdDwWAZ]|\(\?|\)[?*+]|\[\^?|\|")
_ESCAPES = re.compile(r"\(\?P<\w+>|\\[a-zA-Z]|\(\?[a-zA-Z]*[:!=<]?|\[[^\]]*\]|\{[^}]*\}|\?P<\w+>")
_WORD = re.compile(r"[A-Za-z]{3,}")


def _string_parts(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return None


def _not_a_pattern(node: ast.AST, parents: dict) -> bool:
    """A docstring, a key (`d["titles"]`) or the argument of a call other than `re.`'s (a file
    name, a rule name): not a pattern."""
    parent = parents.get(node)
    if isinstance(parent, (ast.Expr, ast.Subscript)):
        return True
    return isinstance(parent, ast.Call) and not (isinstance(parent.func, ast.Attribute)
                                                 and isinstance(parent.func.value, ast.Name)
                                                 and parent.func.value.id == "re")


def _re_call_args(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re":
            for arg in node.args[:1]:
                for sub in ast.walk(arg):
                    ids.add(id(sub))
    return ids


def regex_words(text: str) -> list[str]:
    return _WORD.findall(_ESCAPES.sub(" ", text))


def count_file(path: Path) -> tuple[list[tuple[int, list[str]]], list[tuple[int, int]]]:
    tree = ast.parse(path.read_text("utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    in_re_call = _re_call_args(tree)
    regexes, tuples = [], []
    for node in ast.walk(tree):
        if isinstance(parents.get(node), ast.JoinedStr):
            continue  # counted with its f-string
        text = _string_parts(node)
        if text is not None and not _not_a_pattern(node, parents):
            if id(node) in in_re_call or _REGEX_SYNTAX.search(text):
                words = regex_words(text)
                if words:
                    regexes.append((node.lineno, words))
        if isinstance(parents.get(node), ast.Assign) and any(
                getattr(t, "id", "") == "__all__" for t in parents[node].targets):
            continue  # the names a module exports
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and len(node.elts) >= 2 and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            tuples.append((node.lineno, len(node.elts)))
    return regexes, tuples


def main(argv: list[str]) -> None:
    show = "--list" in argv
    targets = [Path(a) for a in argv if a != "--list"] or [Path("extract")]
    files = sorted(f for t in targets for f in ([t] if t.is_file() else t.rglob("*.py")))
    total_re = total_words = total_tuples = 0
    for f in files:
        regexes, tuples = count_file(f)
        words = sum(len(w) for _, w in regexes)
        total_re, total_words, total_tuples = total_re + len(regexes), total_words + words, total_tuples + len(tuples)
        if regexes or tuples:
            print(f"{f}: {len(regexes)} regex literals ({words} words), {len(tuples)} word tuples")
        if show:
            for line, w in regexes:
                print(f"  {f}:{line}: {' '.join(w)}")
            for line, n in tuples:
                print(f"  {f}:{line}: tuple of {n}")
    print(f"TOTAL: {total_re} regex literals with English words ({total_words} words), {total_tuples} word tuples")


if __name__ == "__main__":
    main(sys.argv[1:])
