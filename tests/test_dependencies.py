"""The analyses stand on the model alone: reviewing a network read from anywhere (a
store, a notebook) does not load the CSV and workbook reader."""
from __future__ import annotations

import pickle
import subprocess
import sys

from graphmodel.analysis.review import review

# run in a fresh interpreter, so that no module imported by the tests counts
_REVIEW_IN_A_FRESH_PROCESS = """
import pickle, sys
from graphmodel.analysis.review import review
network = pickle.load(sys.stdin.buffer)
findings = review(network, as_of="2014-07-24")
print(len(findings))
print("graphmodel.io.tables" in sys.modules)
"""


def test_reviewing_leeds_does_not_load_the_csv_reader(leeds):
    done = subprocess.run([sys.executable, "-c", _REVIEW_IN_A_FRESH_PROCESS],
                          input=pickle.dumps(leeds), capture_output=True, check=True)
    count, loaded = done.stdout.decode().split()
    assert int(count) == len(review(leeds, as_of="2014-07-24")) > 0
    assert loaded == "False"
