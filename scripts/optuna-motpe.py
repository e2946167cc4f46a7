#!/usr/bin/env python3
"""Optuna's multi-objective TPE on the problems of nas.examples.bench.MotpeBenchmark, for the MOTPE table.

Writes CSV rows "problem,sampler,seed,trials,hypervolume,hypervolume_wide" (the benchmark's columns without the
CPU time) to stdout: the hypervolume of all trials' Pareto front after each budget, reference 1.1 on every
objective and, for ZDT1 and ZDT2, the wide reference 11 (0 for DTLZ2). Samplers: tpe (TPESampler's defaults)
and tpe-mv (multivariate=True, constant_liar=True). Needs Optuna (Debian: apt-get install python3-optuna, 3.1).
Usage: scripts/optuna-motpe.py [problems] [samplers] [seeds] [trials] [first-seed]
  e.g. scripts/optuna-motpe.py zdt2 tpe-mv 10 200,1000 1
"""
import math
import sys
import warnings

import optuna


def zdt(x, concave):
    g = 1 + 9 * sum(x[1:]) / (len(x) - 1)
    r = x[0] / g
    return [x[0], g * (1 - r * r) if concave else g * (1 - math.sqrt(r))]


def dtlz2(x, m=3):
    g = sum((v - 0.5) ** 2 for v in x[m - 1:])
    f = []
    for k in range(m):
        v = 1 + g
        for j in range(m - 1 - k):
            v *= math.cos(x[j] * math.pi / 2)
        if k > 0:
            v *= math.sin(x[m - 1 - k] * math.pi / 2)
        f.append(v)
    return f


# name -> (variables, objectives, function, wide reference or 0)
PROBLEMS = {
    "zdt1": (30, 2, lambda x: zdt(x, False), 11.0),
    "zdt2": (30, 2, lambda x: zdt(x, True), 11.0),
    "dtlz2": (12, 3, dtlz2, 0.0),
}


def hypervolume(points, reference):
    """Exact volume dominated by points (minimized) inside the box below reference, by slicing the last objective."""
    inside = [p for p in points if all(v < r for v, r in zip(p, reference))]
    if not inside:
        return 0.0
    # only the points no other one dominates count (this keeps the slicing quadratic in the front's size)
    inside = [p for p in inside if not any(q != p and all(a <= b for a, b in zip(q, p)) for q in inside)]
    if len(reference) == 1:
        return reference[0] - min(p[0] for p in inside)
    inside.sort(key=lambda p: p[-1])
    volume = 0.0
    for i, p in enumerate(inside):
        top = inside[i + 1][-1] if i + 1 < len(inside) else reference[-1]
        if top > p[-1]:
            volume += (top - p[-1]) * hypervolume([q[:-1] for q in inside[: i + 1]], reference[:-1])
    return volume


def main():
    args = sys.argv[1:]
    problems = (args[0] if len(args) > 0 else "zdt1,zdt2,dtlz2").split(",")
    samplers = (args[1] if len(args) > 1 else "tpe,tpe-mv").split(",")
    seeds = int(args[2]) if len(args) > 2 else 5
    budgets = [int(t) for t in (args[3] if len(args) > 3 else "200,1000").split(",")]
    first = int(args[4]) if len(args) > 4 else 1
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.simplefilter("ignore")
    print("problem,sampler,seed,trials,hypervolume,hypervolume_wide", flush=True)
    for name in problems:
        variables, objectives, f, wide = PROBLEMS[name]
        for sampler_name in samplers:
            multivariate = sampler_name == "tpe-mv"
            for seed in range(first, first + seeds):
                sampler = optuna.samplers.TPESampler(seed=seed, multivariate=multivariate, constant_liar=multivariate)
                study = optuna.create_study(directions=["minimize"] * objectives, sampler=sampler)
                done = 0
                for budget in budgets:
                    study.optimize(lambda t: f([t.suggest_float("x%d" % i, 0, 1) for i in range(variables)]),
                                   n_trials=budget - done)
                    done = budget
                    points = [t.values for t in study.trials]
                    near = hypervolume(points, [1.1] * objectives)
                    far = hypervolume(points, [wide] * objectives) if wide > 0 else 0.0
                    print("%s,%s,%d,%d,%.6f,%.6f" % (name, sampler_name, seed, budget, near, far), flush=True)


if __name__ == "__main__":
    main()
