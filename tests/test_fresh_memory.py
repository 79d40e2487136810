"""Where the pipeline's arrays come from (extract/fresh_memory.py): after the pipeline's
setting numpy no longer asks for huge pages and glibc reuses freed arrays, unless the user
chose otherwise in the environment. Each case runs in its own process, since both are
settings of the process."""

import os
import subprocess
import sys

import pytest

_PROBE = (
    "import numpy\n"
    "from extract.fresh_memory import reuse_freed_memory\n"
    "reuse_freed_memory()\n"
    "print(numpy._core.multiarray._set_madvise_hugepage(True))\n"
)


@pytest.mark.parametrize("env, huge_pages", [
    pytest.param({}, False, id="default-off"),
    pytest.param({"NUMPY_MADVISE_HUGEPAGE": "1"}, True, id="user-choice-kept"),
])
def test_huge_page_advice(env, huge_pages):
    base = {k: v for k, v in os.environ.items() if k != "NUMPY_MADVISE_HUGEPAGE"}
    done = subprocess.run([sys.executable, "-c", _PROBE], env={**base, **env}, capture_output=True, text=True,
                          cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(huge_pages)


def test_output_is_the_same_with_the_settings_or_without(tmp_path):
    """The same claims either way: the settings move memory, never a value."""
    article = tmp_path / "a.txt"
    article.write_text("Revenue at Alphabet rose 12% to $88.3 billion in the first quarter, the company said.\n\n"
                       "The death toll from Hurricane Ian rose to 101, Florida officials said on Sunday.\n",
                       encoding="utf-8")
    runs = []
    for env in ({}, {"NUMPY_MADVISE_HUGEPAGE": "1", "MALLOC_MMAP_THRESHOLD_": "131072",
                     "MALLOC_TRIM_THRESHOLD_": "131072"}):
        done = subprocess.run([sys.executable, "-m", "claims", "extract", str(article), "--format", "jsonl"],
                              env={**os.environ, **env}, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        runs.append(done.stdout)
    assert runs[0] == runs[1] and runs[0].count("\n") >= 2
