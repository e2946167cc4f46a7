#!/usr/bin/env python3
"""Optuna's TPE on the functions of nas.examples.bench.SamplersBenchmark, for the comparison table.

Writes CSV rows "function,sampler,seed,trials,best,cpu_seconds" (the same columns as the NAS benchmark)
to stdout. Needs Optuna (Debian: apt-get install python3-optuna, version 3.1).
Usage: scripts/optuna-samplers.py [functions] [samplers] [seeds] [trials] [first-seed]
  e.g. scripts/optuna-samplers.py rosenbrock5,mixed tpe,tpe-mv 10 100,200,500 1
"""
import math
import sys
import time
import warnings

import optuna


def box(f):
    def objective(trial):
        return f([trial.suggest_float("x%d" % i, -5, 5) for i in range(5)])
    return objective


def rosenbrock(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(len(x) - 1))


def rastrigin(x):
    return 10 * len(x) + sum(v * v - 10 * math.cos(2 * math.pi * v) for v in x)


def ellipsoid(x):
    n = len(x)
    return sum(1e6 ** (i / (n - 1)) * v * v for i, v in enumerate(x))


PENALTY = {"tanh": 0, "relu": 0.5, "sigmoid": 1, "linear": 2}


def mixed_variant(variant):
    """mixed as it is ("as-is"), or with one kind of parameter changed: "no-categorical" leaves the categorical
    out (its best choice, penalty 0), "float-ints" makes the two ints floats on [0, 30], "plain-lr" makes log10(lr)
    a plain float on [-5, 0] instead of lr a log float."""
    def objective(trial):
        s = sum((trial.suggest_float("x%d" % i, -5, 5) - 1) ** 2 for i in range(4))
        if variant == "plain-lr":
            a = trial.suggest_float("log10lr", -5, 0) + 3
        else:
            a = math.log10(trial.suggest_float("lr", 1e-5, 1, log=True)) + 3
        suggest_n = trial.suggest_float if variant == "float-ints" else trial.suggest_int
        n = (suggest_n("n", 0, 30) - 7) / 4
        m = (suggest_n("m", 0, 30) - 20) / 6
        pen = 0 if variant == "no-categorical" else PENALTY[trial.suggest_categorical(
            "act", ["relu", "tanh", "sigmoid", "linear"])]
        return s + a * a + n * n + m * m + pen
    return objective


def shifted_sphere4(trial):
    """The four floats of mixed alone: sum of (x_i - 1)^2 over x_i in [-5, 5], minimum 0 at (1, 1, 1, 1)."""
    return sum((trial.suggest_float("x%d" % i, -5, 5) - 1) ** 2 for i in range(4))


FUNCTIONS = {"rosenbrock5": box(rosenbrock), "rastrigin5": box(rastrigin), "ellipsoid5": box(ellipsoid),
             "mixed": mixed_variant("as-is"), "mixed-no-categorical": mixed_variant("no-categorical"),
             "mixed-float-ints": mixed_variant("float-ints"), "mixed-plain-lr": mixed_variant("plain-lr"),
             "shifted-sphere4": shifted_sphere4}
SAMPLERS = {"tpe": lambda seed: optuna.samplers.TPESampler(seed=seed),
            "tpe-mv": lambda seed: optuna.samplers.TPESampler(seed=seed, multivariate=True)}


def main():
    fs = (sys.argv[1] if len(sys.argv) > 1 else ",".join(FUNCTIONS)).split(",")
    ss = (sys.argv[2] if len(sys.argv) > 2 else "tpe").split(",")
    seeds = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    at = [int(v) for v in (sys.argv[4] if len(sys.argv) > 4 else "100,200,500").split(",")]
    first = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.simplefilter("ignore")
    if first == 1:
        print("function,sampler,seed,trials,best,cpu_seconds", flush=True)
    for f in fs:
        for s in ss:
            for seed in range(first, first + seeds):
                t0 = time.process_time()
                study = optuna.create_study(sampler=SAMPLERS[s](seed))
                study.optimize(FUNCTIONS[f], n_trials=at[-1])
                secs = time.process_time() - t0
                values = [t.value for t in study.trials]
                for n in at:
                    print("%s,%s,%d,%d,%.10g,%.3f" % (f, s, seed, n, min(values[:n]), secs), flush=True)


if __name__ == "__main__":
    main()
