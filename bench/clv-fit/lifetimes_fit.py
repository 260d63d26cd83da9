"""Fits lifetimes' BetaGeoFitter (default settings) on a frequency,recency,T CSV and prints JSON.

Usage: PYTHONPATH=<lifetimes source tree> python3 lifetimes_fit.py FILE RUNS

Called by bench/clv-fit/run.ts. Times `BetaGeoFitter().fit(frequency, recency, T)` only (the CSV
is read before the clock starts), RUNS times, and reports the log-likelihood at its optimum: the
fitter stores the mean negative log-likelihood per customer, so LL = -that x customers.
"""
import json
import sys
import time

import numpy as np

import lifetimes
from lifetimes import BetaGeoFitter

path, runs = sys.argv[1], int(sys.argv[2])
data = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
frequency, recency, T = data[:, 0], data[:, 1], data[:, 2]
seconds = []
for _ in range(runs):
    t0 = time.perf_counter()
    fitter = BetaGeoFitter().fit(frequency, recency, T)
    seconds.append(time.perf_counter() - t0)

import autograd
import pandas
import scipy

print(
    json.dumps(
        {
            "seconds": seconds,
            "log_likelihood": -fitter._negative_log_likelihood_ * len(frequency),
            "params": {k: float(v) for k, v in fitter.params_.items()},
            "versions": {
                "python": sys.version.split()[0],
                "lifetimes": lifetimes.__version__,
                "numpy": np.__version__,
                "scipy": scipy.__version__,
                "pandas": pandas.__version__,
                "autograd": getattr(autograd, "__version__", "?"),
            },
        }
    )
)
