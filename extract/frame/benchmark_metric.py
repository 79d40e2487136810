"""What an expected figure measures: what the actual figure it is set against measures.

"Excluding items, Target earned $2.03 a share, below the $2.05 analysts had forecast":
the $2.05 is earnings per share, as the $2.03 is, though no "a share" stands by it and
the verb ("earned") alone would make it net income. In a sentence that reports an actual
figure and the expectation it is measured against, the expectation (an estimate) with no
metric of its own, or only the one a bare verb gives money, takes the metric of the
actual figure of the same unit before it; of several, the one of its size (within a
factor of two: "net income was $942 million, or $2.03 per share, compared with the $1.95
analysts had expected"). Otherwise it is left as it is.
"""

from __future__ import annotations

from extract.records import Kind
from extract.frame.context import Frame
from extract.frame.figures import verb_guesses


def lend_actual_metric(sentence_frames: list[Frame]) -> None:
    """Each expected figure of the sentence with no metric of its own takes its actual's."""
    for n, f in enumerate(sentence_frames):
        if f.kind != Kind.estimate or not (f.metric is None or f.metric in verb_guesses()):
            continue
        actuals = [a for a in sentence_frames[:n] if a.kind == Kind.fact and a.metric
                   and a.quantity.unit == f.quantity.unit]
        if len(actuals) > 1:
            actuals = [a for a in actuals if _same_size(a.quantity.value, f.quantity.value)]
        if len(actuals) == 1:
            f.metric = actuals[0].metric


def _same_size(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and a > 0 and b > 0 and 0.5 <= a / b <= 2
