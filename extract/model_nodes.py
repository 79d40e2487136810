"""The thinc layers of a pipeline's trained components, each once.

The array-decoded entity recogniser and parser (extract/greedy_ner.py, greedy_parser.py)
keep spaCy's component, and so its model, as `.ner` and `.parser`; a layer shared by two
components (a tok2vec and its listeners) is given once.
"""

from __future__ import annotations

from typing import Iterator, Optional

from thinc.api import Model


def model_of(component) -> Optional[Model]:
    """A component's thinc model: its own, or the one of the spaCy component it wraps."""
    for holder in (component, getattr(component, "ner", None), getattr(component, "parser", None)):
        model = getattr(holder, "model", None)
        if model is not None and hasattr(model, "walk"):
            return model
    return None


def pipeline_nodes(nlp) -> Iterator[Model]:
    """Every layer of every component's model, each once, in pipeline order."""
    seen = set()
    for _, component in nlp.pipeline:
        model = model_of(component)
        if model is None:
            continue
        for node in model.walk():
            if node.id not in seen:
                seen.add(node.id)
                yield node
