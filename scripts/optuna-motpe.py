#!/usr/bin/env python3
"""Optuna's multi-objective TPE on the problems of nas.examples.bench.MotpeBenchmark, for the MOTPE table.

Writes CSV rows "problem,sampler,seed,trials,hypervolume,hypervolume_wide" (the benchmark's columns without the
CPU time) to stdout: the hypervolume of all trials' Pareto front after each budget, reference 1.1 on every
objective and, for ZDT1 and ZDT2, the wide reference 11 (0 for DTLZ2). Samplers: tpe (TPESampler's defaults)
and tpe-mv (multivariate=True, constant_liar=True). Needs Optuna (Debian: apt-get install python3-optuna, 3.1).
Usage: scripts/optuna-motpe.py [problems] [samplers] [seeds] [trials] [first-seed]
  e.g. scripts/optuna-motpe.py zdt2 tpe-mv 10 200,1000 1
"""
import sys
import warnings

import optuna

from mo_problems import PROBLEMS  # the problems as NAS defines them


# the wide reference point per problem (0: none)
WIDE = {"zdt1": 11.0, "zdt2": 11.0, "dtlz2": 0.0}


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
        f, variables, objectives = PROBLEMS[name]
        wide = WIDE[name]
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
