"""Every readable SIF/ILACS PDF of the shared scale corpus parses clean (issue 10, point 8)."""

import pytest

from evals.parse_check import check_folder
from tests.conftest import SHARED

SCALE = SHARED / "corpus" / "scale"
CORRUPT = "rotherham-2012-08-10.pdf"


@pytest.mark.slow
def test_every_readable_scale_report_parses_clean():
    if not SCALE.is_dir():
        pytest.skip(f"no scale corpus at {SCALE} (set OFSTED_QA_SHARED to the shared folder)")
    checks = {c.file: c for c in check_folder(SCALE)}
    readable = [c for c in checks.values() if not c.error and c.framework in ("SIF", "ILACS")]
    unclean = [f"{c.file}: {'; '.join(c.problems)}" for c in readable if not c.clean]
    assert not unclean, unclean
    assert len(readable) >= 98
    if CORRUPT in checks:
        assert checks[CORRUPT].error.startswith(f"{CORRUPT}: corrupt PDF")
