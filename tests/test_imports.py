import subprocess
import sys


def test_import_dyads_loads_no_heavy_dependency() -> None:
    code = (
        "import sys, dyads, dyads.cli; "
        "heavy = [m for m in ('spacy', 'duckdb', 'dask', 'fastapi', 'distributed') "
        "if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""
