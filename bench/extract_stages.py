"""Where the CPU time of one `claims extract DIR` process goes, stage by stage.

Runs the command in this process with each stage's functions wrapped by a CPU timer
(time.process_time). Time is charged to the innermost stage running, so the rows add
up to the whole process: a spaCy component's row is its own work, not the components
upstream of it that its batch pulled through, and the rule pass that feeds the pipeline
is charged to the rule pass. The claims printed are discarded; the table goes to stdout.

Usage:  python bench/extract_stages.py DIR [--json FILE]

bench/throughput.py runs it on the benchmark texts (its `stages` section); the README's
speed section quotes its table.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import json
import sys
import time
from pathlib import Path
from typing import Callable, Iterator, Optional

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from extract.blas import single_threaded_blas  # noqa: E402 -- the repository's own, found above


class StageClock:
    """CPU seconds per stage; a stage entered inside another pauses the outer one."""

    def __init__(self, root: str):
        self.seconds: dict[str, float] = {}
        self.stack = [root]
        self.mark = time.process_time()

    def _charge(self) -> None:
        now = time.process_time()
        self.seconds[self.stack[-1]] = self.seconds.get(self.stack[-1], 0.0) + now - self.mark
        self.mark = now

    @contextlib.contextmanager
    def stage(self, label: str) -> Iterator[None]:
        self._charge()
        self.stack.append(label)
        try:
            yield
        finally:
            self._charge()
            self.stack.pop()

    def function(self, fn: Callable, label: str) -> Callable:
        def timed(*args, **kwargs):
            with self.stage(label):
                return fn(*args, **kwargs)
        return timed

    def generator(self, fn: Callable, label: str) -> Callable:
        """A generator function whose every step is charged to `label`."""
        def timed(*args, **kwargs):
            return self.steps(fn(*args, **kwargs), label)
        return timed

    def steps(self, items: Iterator, label: str) -> Iterator:
        while True:
            with self.stage(label):
                try:
                    item = next(items)
                except StopIteration:
                    return
            yield item


class TimedComponent:
    """A pipeline component whose `pipe` and calls are charged to its own row."""

    def __init__(self, clock: StageClock, proc, label: str):
        self._clock, self._proc, self._label = clock, proc, label

    def __getattr__(self, name: str):
        return getattr(self._proc, name)

    def __call__(self, doc):
        with self._clock.stage(self._label):
            return self._proc(doc)

    def pipe(self, docs, **kwargs):
        proc = self._proc
        out = proc.pipe(docs, **kwargs) if hasattr(proc, "pipe") else map(proc, docs)
        return self._clock.steps(out, self._label)


def instrument(clock: StageClock) -> None:
    """Wrap the stages of extract.pipeline (and claims.extraction's model load), once
    `run` has imported them."""
    extraction, frame, pipeline = (sys.modules[m] for m in ("claims.extraction", "extract.frame", "extract.pipeline"))
    load = pipeline.load_nlp

    def timed_load(model: Optional[str] = None):
        with clock.stage("model load (spacy.load + claims components)"):
            nlp = load(model)
        if not getattr(nlp, "_stage_timed", False):
            nlp._components = [(name, TimedComponent(clock, proc, f"spaCy: {name}")) for name, proc in nlp._components]
            nlp.make_doc = clock.function(nlp.make_doc, "rule pass: tokenizer (make_doc)")
            nlp._stage_timed = True
        return nlp

    pipeline.load_nlp = extraction.load_nlp = timed_load
    wrapped = {
        "_candidate_docs": "rule pass: regions, compose, carry",
        "find_quantities": "rule pass: find_quantities",
        "select": "rule pass: prefilter select",
        "table_cells": "rule pass: table_cells",
        "read_article_time": "rule pass: read_article_time",
        "frame_doc": "framing: frame_doc: the rest",
        "article_topic": "framing: article_topic",
        "link_restatements": "framing: link_restatements",
        "is_claim": "framing: claim filter (is_claim, counted noun, age)",
        "with_counted_noun": "framing: claim filter (is_claim, counted noun, age)",
        "as_appositive_age": "framing: claim filter (is_claim, counted noun, age)",
        "read_change": "framing: read_change",
    }
    for name, label in wrapped.items():
        setattr(pipeline, name, clock.function(getattr(pipeline, name), label))
    pipeline._claims_from = clock.generator(pipeline._claims_from, "framing: other (records, tables, lend_topic)")
    # frame_doc's roles, as extract/frame/__init__.py calls them (its own row is the rest)
    for name in ("find_time_refs", "sentence_source", "figure_subject", "figure_metric", "figure_period",
                 "figure_kind", "credit_back", "_remember"):
        setattr(frame, name, clock.function(getattr(frame, name), f"framing: frame_doc: {name}"))
    extraction.load_cli_inputs = clock.generator(extraction.load_cli_inputs, "reading and cleaning the inputs")


def run(folder: str) -> tuple[dict[str, float], float]:
    """Stage -> CPU seconds of `claims extract folder`, and the whole process's CPU seconds."""
    clock = StageClock("interpreter, CLI, JSON output")
    single_threaded_blas()  # as the command does before its module brings numpy (extract/blas.py)
    with clock.stage("imports of the extract command (spaCy, rules, framing)"):
        # imported here, not at the top: their import is the stage being timed
        importlib.import_module("claims.commands.extract")
        main = importlib.import_module("claims.cli").main
    instrument(clock)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
        main(["extract", folder, "--format", "jsonl"], standalone_mode=False)  # it exits with its status
    clock._charge()
    total = time.process_time()
    seconds = dict(clock.seconds)
    seconds["interpreter, CLI, JSON output"] = total - sum(
        v for k, v in seconds.items() if k != "interpreter, CLI, JSON output")
    return seconds, total


def table(seconds: dict[str, float], total: float) -> str:
    rows = ["| stage | CPU s | share |", "| --- | --- | --- |"]
    for label, secs in sorted(seconds.items(), key=lambda kv: -kv[1]):
        rows.append(f"| {label} | {secs:.2f} | {secs / total:.0%} |")
    rows.append(f"| whole process | {total:.2f} | 100% |")
    return "\n".join(rows)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    seconds, total = run(args.folder)
    print(table(seconds, total))
    if args.json:
        args.json.write_text(json.dumps({"stages": seconds, "total": total}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
