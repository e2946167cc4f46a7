#!/usr/bin/env python3
"""The reference column of the README's "CMA-ES restarts": IPOP and BIPOP restart loops around the
`cmaes` library (CyberAgentAILab, https://github.com/CyberAgentAILab/cmaes) on Rastrigin-10, set up as
`scripts/bench.sh Cma restarts` sets up NAS.

Problem: Rastrigin, n = 10, box [-5, 5]^10, the first run from a uniform point of the box with
sigma0 = 10/6, 100,000 evaluations in all; a seed succeeds when some evaluation is below 1e-8. Every
sample the library asks for is evaluated and counted; a restart starts from a new uniform point.

Each run is the library's `CMA` (its default weights and learning rates, its bounds handling:
resample up to 100 times, then clip) until its `should_stop()` (TolFun 1e-12 over 10 + ceil(30n/lambda)
generations, TolX 1e-12 sigma0, TolUpSigma 1e4, NoEffectAxis, NoEffectCoord, ConditionCov 1e14; the
library has no stagnation test). The restart rules are the published ones:
- ipop (Auger and Hansen, CEC 2005): every restart doubles lambda, with the first run's sigma0;
- bipop (Hansen, GECCO 2009 BBOB workshop, with the details of Hansen's own pycma `fmin`): after the
  first run (lambda_def, counted in the small regime's budget), the regime that has used fewer
  evaluations runs next; a large run doubles lambda as in IPOP (lambda_def 2^k after k large runs) with
  sigma0; a small run draws U, V uniform in [0, 1] and takes lambda = floor(lambda_def (lambda_l /
  lambda_def)^(U^2)) (lambda_l: the last large run's lambda, lambda_def before any), sigma = sigma0
  10^(-2V), and at most half of all large runs' evaluations so far.
--bipop-rules old-nas runs BIPOP with the rules NAS's `Restarts` had before it moved to Hansen's, to tell
the restart rules from the CMA-ES underneath: the first run counts in the large regime, the first restart
is a large one, a small run's lambda reaches only lambda_l / 2 (floor(lambda_def (lambda_l / (2
lambda_def))^(U^2))) and its evaluations are not capped.

Random numbers: numpy's default_rng(seed) draws the starting points, the restart choices and each
run's seed for the library, so a seed gives the same figures with the same numpy (the README's are
from Debian's python3-numpy 1.24.2 on Debian's reference BLAS and LAPACK; with OpenBLAS, or with numpy 2.4, the
runs drift apart after some generations, as floating-point results of the linear algebra differ in the last bits:
where libopenblas0 is installed, run the script with
LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas:/usr/lib/x86_64-linux-gnu/lapack to get the reference libraries).

Usage: cmaes_reference.py [--strategies ipop,bipop] [--seeds 10] [--first-seed 1] [--budget 100000]
                          [--cmaes PATH] [--csv FILE]
       cmaes_reference.py --single LAMBDA SIGMA0 [--seeds 100] [--first-seed 1] [--budget CAP] [--cmaes PATH]
       cmaes_reference.py --compare A B
Prints, per strategy, how many seeds reach 1e-8 and the medians (the (N/2 + 1)-th smallest, as
`scripts/bench.sh Cma restarts` prints them) of the first evaluation below 1 and below 1e-8, then one
line per seed; --csv FILE also writes strategy,seed,to_1,to_1e-8,restarts,best (empty: not reached).
--single LAMBDA SIGMA0 runs the library's CMA alone, without restarts, once per seed from a uniform
point of the box, until should_stop(), f < 1e-8, or when the next generation would exceed --budget
evaluations; it prints what `scripts/bench.sh Cma single LAMBDA SIGMA0 RUNS FIRST CAP` prints for NAS
(how many runs got below 1 and below 1e-8, median evaluations and best value, which criterion stopped
them: TOL_FUN, TOL_X, TOL_X_UP, NO_EFFECT_COORD, NO_EFFECT_AXIS, CONDITION_COV, target, cap).
--compare A B reads saved outputs of this script or of `scripts/bench.sh Cma restarts` (A and B each one
file or several joined by commas, e.g. the outputs for seeds 1..10 and 11..50) and compares them per
strategy (or the single runs): seeds reaching 1e-8 (Fisher's exact test, two-sided) and the
evaluations to f < 1 and to 1e-8 (for single runs: the evaluations and the best value) (Mann-Whitney U, two-sided, normal approximation with tie and continuity correction, as scipy's
mannwhitneyu does for samples with ties; a seed that never got there ranks last).

The library is not part of NAS: give its source directory with --cmaes PATH or CMAES_PATH (a clone of
the repository above; the figures in the README are from its commit d4d96d9, version 0.13.1), or
install it (`pip install cmaes`). It needs numpy.
"""
import argparse
import csv
import math
import os
import sys

DIM = 10
LOW, HIGH = -5.0, 5.0
SIGMA0 = (HIGH - LOW) / 6
TARGET = 1e-8


def rastrigin(x):
    return 10.0 * len(x) + float(sum(v * v - 10.0 * math.cos(2.0 * math.pi * v) for v in x))


def fail(message):
    """Bad input: one line on stderr and exit code 2."""
    print(f"error: {message}", file=sys.stderr)
    sys.exit(2)


def load_cmaes(path):
    if path:
        if not os.path.isfile(os.path.join(path, "cmaes", "__init__.py")):
            fail(f"{path} has no cmaes/__init__.py; give the root of a clone of "
                 "https://github.com/CyberAgentAILab/cmaes")
        sys.path.insert(0, path)
    try:
        import cmaes
    except ImportError:
        fail("the cmaes library is not importable; clone https://github.com/CyberAgentAILab/cmaes "
             "and pass --cmaes DIR (or set CMAES_PATH), or pip install cmaes")
    return cmaes


class Budget:
    """Counts evaluations and remembers when f first fell below 1 and below the target."""

    def __init__(self, limit):
        self.limit = limit
        self.used = 0
        self.below_one = None
        self.reached = None
        self.best = math.inf

    def evaluate(self, x):
        f = rastrigin(x)
        self.used += 1
        self.best = min(self.best, f)
        if f < 1.0 and self.below_one is None:
            self.below_one = self.used
        if f < TARGET and self.reached is None:
            self.reached = self.used
        return f

    def done(self):
        return self.reached is not None or self.used >= self.limit


def run_once(cmaes, np, budget, mean, sigma, popsize, seed, max_evals=None):
    """One CMA-ES run until should_stop(), the target, the budget or max_evals; its evaluations."""
    bounds = np.array([[LOW, HIGH]] * DIM)
    opt = cmaes.CMA(mean=mean, sigma=sigma, bounds=bounds, seed=seed, population_size=popsize)
    start = budget.used
    while True:
        solutions = []
        for _ in range(opt.population_size):
            x = opt.ask()
            solutions.append((x, budget.evaluate(x)))
            if budget.done():
                return budget.used - start
        opt.tell(solutions)
        if opt.should_stop() or max_evals is not None and budget.used - start + opt.population_size > max_evals:
            return budget.used - start


def restart_loop(cmaes, np, strategy, seed, limit, nas_rules=False):
    rng = np.random.default_rng(seed)
    budget = Budget(limit)
    lambda_def = 4 + math.floor(3 * math.log(DIM))
    large_runs = 0
    small_evals = large_evals = 0
    runs = 0
    while not budget.done():
        mean = rng.uniform(LOW, HIGH, DIM)
        run_seed = int(rng.integers(2**31))
        if runs == 0:
            first = run_once(cmaes, np, budget, mean, SIGMA0, lambda_def, run_seed)
            if nas_rules:
                large_evals += first
            else:
                small_evals += first
        elif strategy == "bipop" and small_evals < large_evals and (large_runs > 0 or not nas_rules):
            lambda_last_large = lambda_def * 2 ** large_runs
            u, v = rng.uniform(), rng.uniform()
            reach = lambda_last_large / (2 * lambda_def if nas_rules else lambda_def)
            popsize = max(2, math.floor(lambda_def * reach ** (u * u)))
            sigma = SIGMA0 * 10 ** (-2 * v)
            small_evals += run_once(cmaes, np, budget, mean, sigma, popsize, run_seed,
                                    max_evals=None if nas_rules else large_evals / 2)
        else:
            large_runs += 1
            large_evals += run_once(cmaes, np, budget, mean, SIGMA0, lambda_def * 2 ** large_runs, run_seed)
        runs += 1
    return budget, runs


def stop_reason(opt, np):
    """Which of the library's should_stop() criteria holds, tested in its order (it reads the CMA's private
    fields of version 0.13.1, only to name the criterion; should_stop() itself decides)."""
    B, D = opt._eigen_decomposition()
    dC = np.diag(opt._C)
    if opt.generation > opt._funhist_term and np.max(opt._funhist_values) - np.min(opt._funhist_values) < opt._tolfun:
        return "TOL_FUN"
    if np.all(opt._sigma * dC < opt._tolx) and np.all(opt._sigma * opt._pc < opt._tolx):
        return "TOL_X"
    if opt._sigma * np.max(D) > opt._tolxup:
        return "TOL_X_UP"
    if np.any(opt._mean == opt._mean + (0.2 * opt._sigma * np.sqrt(dC))):
        return "NO_EFFECT_COORD"
    i = opt.generation % opt.dim
    if np.all(opt._mean == opt._mean + (0.1 * opt._sigma * D[i] * B[:, i])):
        return "NO_EFFECT_AXIS"
    return "CONDITION_COV"


def single_runs(cmaes, np, popsize, sigma, seeds, first, cap):
    """One CMA run per seed (no restart): [(to 1, to 1e-8, evaluations, stop, best)]."""
    bounds = np.array([[LOW, HIGH]] * DIM)
    rows = []
    for seed in range(first, first + seeds):
        rng = np.random.default_rng(seed)
        opt = cmaes.CMA(mean=rng.uniform(LOW, HIGH, DIM), sigma=sigma, bounds=bounds,
                        seed=int(rng.integers(2**31)), population_size=popsize)
        budget = Budget(cap)
        stop = "cap"
        while budget.used + popsize <= cap:
            solutions = [(x, budget.evaluate(x)) for x in (opt.ask() for _ in range(popsize))]
            if budget.reached is not None:
                stop = "target"
                break
            opt.tell(solutions)
            if opt.should_stop():
                stop = stop_reason(opt, np)
                break
        rows.append((budget.below_one, budget.reached, budget.used, stop, budget.best))
    return rows


def upper_median(values):
    """The (N/2 + 1)-th smallest, None (not reached) counted as largest."""
    ordered = sorted(values, key=lambda v: math.inf if v is None else v)
    return ordered[len(ordered) // 2]


def fmt(v):
    return "not reached" if v is None else f"{v:,}"


def read_runs(files):
    """{strategy: [(to 1, to 1e-8)]} from saved outputs; None = not reached."""
    runs = {}
    for name in files.split(","):
        strategy = None
        with open(name) as f:
            for line in f:
                words = line.split()
                if len(words) > 1 and words[0] in ("IPOP", "BIPOP") and words[1] == "reached":
                    strategy = words[0]
                elif "per run (" in line:
                    for cell in line.split(":", 1)[1].split():
                        to_one, to_target, evals, stop, best = cell.split("/")
                        runs.setdefault("single", []).append(
                            (None if to_one == "-" else int(to_one), None if to_target == "-" else int(to_target),
                             int(evals), stop, float(best)))
                elif "per seed" in line and strategy:
                    for cell in line.split(":", 1)[1].replace("not reached", "-").split():
                        to_one, to_target = (None if v == "-" else int(v.replace(",", "")) for v in cell.split("/")[:2])
                        runs.setdefault(strategy, []).append((to_one, to_target))
    return runs


def fisher_exact(a, n, b, m):
    """Two-sided p of Fisher's exact test for a successes of n against b of m."""
    total, k = n + m, a + b

    def p(x):
        return math.comb(n, x) * math.comb(m, k - x) / math.comb(total, k)

    observed = p(a)
    return min(1.0, sum(p(x) for x in range(max(0, k - m), min(k, n) + 1) if p(x) <= observed * (1 + 1e-7)))


def mann_whitney(xs, ys):
    """Two-sided p of the Mann-Whitney U test (normal approximation, tie and continuity corrected)."""
    big = math.inf
    pooled = sorted([(big if v is None else v, 0) for v in xs] + [(big if v is None else v, 1) for v in ys])
    ranks = [0.0] * len(pooled)
    ties = 0.0
    i = 0
    while i < len(pooled):
        j = i
        while j + 1 < len(pooled) and pooled[j + 1][0] == pooled[i][0]:
            j += 1
        for r in range(i, j + 1):
            ranks[r] = (i + j) / 2 + 1
        t = j - i + 1
        ties += t ** 3 - t
        i = j + 1
    n1, n2 = len(xs), len(ys)
    u = sum(r for r, (_, g) in zip(ranks, pooled) if g == 0) - n1 * (n1 + 1) / 2
    n = n1 + n2
    sd = math.sqrt(n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1))))
    if sd == 0:
        return 1.0
    z = (abs(u - n1 * n2 / 2) - 0.5) / sd
    return min(1.0, math.erfc(max(z, 0) / math.sqrt(2)))


def hits_line(what, a, b):
    """How many of a and of b reached the target (not None), with Fisher's exact p."""
    hits_a = sum(1 for t in a if t is not None)
    hits_b = sum(1 for t in b if t is not None)
    return (f"{what}: {hits_a} of {len(a)} vs {hits_b} of {len(b)}"
            f" (Fisher p = {fisher_exact(hits_a, len(a), hits_b, len(b)):.3f})")


def compare_single(a, b):
    """Single runs: below 1 and 1e-8 (Fisher), evaluations and best value (Mann-Whitney), stops."""
    for label, k in (("f < 1", 0), ("1e-8", 1)):
        print(hits_line(f"  single runs reached {label}", [r[k] for r in a], [r[k] for r in b]))
    for label, k in (("evaluations", 2), ("best value", 4)):
        xs, ys = [r[k] for r in a], [r[k] for r in b]
        print(f"        median {label}: {upper_median(xs):,} vs {upper_median(ys):,}"
              f" (Mann-Whitney p = {mann_whitney(xs, ys):.3f})")
    for name, runs in (("A", a), ("B", b)):
        counts = {}
        for r in runs:
            counts[r[3]] = counts.get(r[3], 0) + 1
        print(f"        stops {name}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


def compare(a_files, b_files):
    a_runs, b_runs = read_runs(a_files), read_runs(b_files)
    for files, runs in ((a_files, a_runs), (b_files, b_runs)):
        if not runs:
            fail(f"{files}: no per-seed lines of IPOP or BIPOP runs or per-run lines of single runs (save the "
                 "output of this script or of scripts/bench.sh Cma restarts|single)")
    print(f"A: {a_files}\nB: {b_files}")
    if "single" in a_runs and "single" in b_runs:
        compare_single(a_runs["single"], b_runs["single"])
    for strategy in ("IPOP", "BIPOP"):
        a, b = a_runs.get(strategy), b_runs.get(strategy)
        if not a or not b:
            continue
        print(hits_line(f"  {strategy:5s} reached 1e-8", [t for _, t in a], [t for _, t in b]))
        for label, k in (("f < 1", 0), ("1e-8", 1)):
            xs, ys = [r[k] for r in a], [r[k] for r in b]
            print(f"        median evaluations to {label}: {fmt(upper_median(xs))} vs {fmt(upper_median(ys))}"
                  f" (Mann-Whitney p = {mann_whitney(xs, ys):.3f})")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--strategies", default="ipop,bipop")
    p.add_argument("--seeds", type=int, default=10)
    p.add_argument("--first-seed", type=int, default=1)
    p.add_argument("--budget", type=int, default=100_000)
    p.add_argument("--cmaes", default=os.environ.get("CMAES_PATH"), help="source directory of the cmaes library")
    p.add_argument("--csv", help="also write one row per strategy and seed to this file")
    p.add_argument("--bipop-rules", choices=("hansen", "old-nas"), default="hansen",
                   help="old-nas: BIPOP with NAS's rules before it moved to Hansen's (see the module docstring)")
    p.add_argument("--compare", nargs=2, metavar=("A", "B"), help="compare two saved outputs instead of running")
    p.add_argument("--single", nargs=2, metavar=("LAMBDA", "SIGMA0"),
                   help="single runs (no restart) with this population size and initial step size")
    a = p.parse_args()
    if a.compare:
        try:
            compare(*a.compare)
        except (OSError, ValueError) as e:
            fail(f"cannot read the outputs to compare: {e}")
        return
    if a.single:
        try:
            popsize, sigma = int(a.single[0]), float(a.single[1])
        except ValueError:
            p.error("--single takes an integer LAMBDA and a number SIGMA0")
        if popsize < 2 or not sigma > 0 or a.seeds < 1 or a.budget < 1:
            p.error("--single needs LAMBDA >= 2 and SIGMA0 > 0, --seeds and --budget positive")
        cmaes = load_cmaes(a.cmaes)
        import numpy as np
        last = a.first_seed + a.seeds - 1
        rows = single_runs(cmaes, np, popsize, sigma, a.seeds, a.first_seed, a.budget)
        stops = {}
        for r in rows:
            stops[r[3]] = stops.get(r[3], 0) + 1
        print(f"cmaes {cmaes.__version__} (numpy {np.__version__}): single runs on Rastrigin-{DIM}, box [{LOW:g}, "
              f"{HIGH:g}], lambda {popsize}, sigma0 {sigma:g}, x0 uniform, at most {a.budget:,} evaluations a run, "
              f"seeds {a.first_seed}..{last}")
        print(f"  reached f < 1 in {sum(1 for r in rows if r[0] is not None)} of {len(rows)}, 1e-8 in "
              f"{sum(1 for r in rows if r[1] is not None)}; median evaluations {upper_median([r[2] for r in rows]):,}, "
              f"median best {upper_median([r[4] for r in rows]):.4g}; stops: "
              + ", ".join(f"{k} {v}" for k, v in sorted(stops.items())))
        print("        per run (to 1 / to 1e-8 / evaluations / stop / best):"
              + "".join(f" {r[0] or '-'}/{r[1] or '-'}/{r[2]}/{r[3]}/{r[4]:.4g}" for r in rows))
        return
    strategies = a.strategies.split(",")
    for s in strategies:
        if s not in ("ipop", "bipop"):
            p.error(f"unknown strategy '{s}': ipop or bipop")
    if a.seeds < 1 or a.budget < 1:
        p.error("--seeds and --budget must be positive")
    cmaes = load_cmaes(a.cmaes)
    import numpy as np

    last = a.first_seed + a.seeds - 1
    print(f"cmaes {cmaes.__version__} (numpy {np.__version__}): Rastrigin-{DIM}, box [{LOW:g}, {HIGH:g}], "
          f"sigma0 = 10/6, x0 uniform, budget {a.budget:,} evaluations, seeds {a.first_seed}..{last}"
          + (", BIPOP with NAS's old rules" if a.bipop_rules == "old-nas" else ""))
    rows = []
    for strategy in strategies:
        results = []
        for seed in range(a.first_seed, last + 1):
            budget, runs = restart_loop(cmaes, np, strategy, seed, a.budget, a.bipop_rules == "old-nas")
            results.append((seed, budget, runs))
            rows.append([strategy, seed, budget.below_one or "", budget.reached or "", runs - 1, f"{budget.best:.6g}"])
        reached = sum(1 for _, b, _ in results if b.reached is not None)
        print(f"  {strategy.upper():5s} reached 1e-8 in {reached} of {len(results)}; median evaluations to f < 1: "
              f"{fmt(upper_median([b.below_one for _, b, _ in results]))}, to 1e-8: "
              f"{fmt(upper_median([b.reached for _, b, _ in results]))}")
        print("        per seed (to 1 / to 1e-8 / restarts):"
              + "".join(f" {fmt(b.below_one)}/{fmt(b.reached)}/{r - 1}" for _, b, r in results))
        sys.stdout.flush()
    if a.csv:
        with open(a.csv, "w", newline="") as out:
            w = csv.writer(out)
            w.writerow(["strategy", "seed", "to_1", "to_1e-8", "restarts", "best"])
            w.writerows(rows)


if __name__ == "__main__":
    main()
