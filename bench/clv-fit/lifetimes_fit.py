"""Fits lifetimes' BetaGeoFitter (default settings) on a frequency,recency,T CSV and prints JSON.

Usage: PYTHONPATH=<lifetimes source tree> python3 lifetimes_fit.py FILE RUNS

Called by bench/clv-fit/run.ts. Times `BetaGeoFitter().fit(frequency, recency, T)` only (the CSV
is read before the clock starts), RUNS times, and reports the log-likelihood at its optimum. The
fitter stores the mean negative log-likelihood per customer, computed on times it rescaled by a
factor s (`_scale`, so that max T = 10); rescaling time by s changes each customer's BG/NBD
log-likelihood by -x ln s, so in the data's own time unit LL = -(that mean) x customers + sum(x) ln s.
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

from importlib.metadata import version

import pandas
import scipy

print(
    json.dumps(
        {
            "seconds": seconds,
            "log_likelihood": -fitter._negative_log_likelihood_ * len(frequency) + frequency.sum() * np.log(fitter._scale),
            "params": {k: float(v) for k, v in fitter.params_.items()},
            "versions": {
                "python": sys.version.split()[0],
                "lifetimes": lifetimes.__version__,
                "numpy": np.__version__,
                "scipy": scipy.__version__,
                "pandas": pandas.__version__,
                "autograd": version("autograd"),
            },
        }
    )
)
