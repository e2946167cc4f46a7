#!/usr/bin/env python3
"""The DEAP columns of scripts/bench.sh Nsga2: DEAP's NSGA-II on the problems NAS runs.

Both variants use simulated binary crossover (cxSimulatedBinaryBounded, eta 20) and bounded
polynomial mutation (mutPolynomialBounded, eta 20, 1/n per variable) with selNSGA2 survival, until
the trial budget is spent:
- mu-plus-lambda: algorithms.eaMuPlusLambda (mu = lambda = population), each offspring made by
  crossover of two random parents (probability 0.9) or by mutation (0.1);
- example: the loop of DEAP's examples/ga/nsga2.py (tournament selTournamentDCD, crossover with
  probability 0.9 then mutation of every child; population rounded down to a multiple of 4).
The hypervolume is the one NAS reports: of the non-dominated points among all evaluated ones,
reference 1.1 on every objective.

Usage: deap_nsga2.py [--problems zdt1,zdt2,zdt3,dtlz2] [--seeds 5] [--first-seed 0]
                     [--trials 5000] [--population 50] [--variants mu-plus-lambda,example]
Prints CSV: problem,variant,seed,hypervolume,evaluations. Needs Debian's python3-deap
(scripts/bench.sh Nsga2 --deap installs it).
"""
import argparse
import random
import warnings

from mo_problems import PROBLEMS  # the problems as NAS defines them

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # DEAP warns that its compiled hypervolume is missing; not used here
    from deap import algorithms, base, creator, tools


INDIVIDUAL = {}  # objectives -> DEAP individual class


def hypervolume_2d(points, ref):
    """Area dominated by points (minimized) below ref: a sweep in the first objective."""
    area, best = 0.0, ref[1]
    for x, y in sorted(points):
        if y < best:
            area += (ref[0] - x) * (best - y)
            best = y
    return area


def hypervolume(points, objectives):
    """Hypervolume of points (minimized) below the reference 1.1 on every objective: for three
    objectives, the 2-D area of the points at or below each level of the third, summed over slices."""
    ref = [1.1] * objectives
    inside = sorted({p for p in points if all(p[i] < ref[i] for i in range(objectives))}, key=lambda p: p[-1])
    if objectives == 2:
        return hypervolume_2d(inside, ref)
    volume = 0.0
    for k, p in enumerate(inside):
        top = inside[k + 1][2] if k + 1 < len(inside) else ref[2]
        if top > p[2]:
            volume += (top - p[2]) * hypervolume_2d([q[:2] for q in inside[:k + 1]], ref)
    return volume


def run(name, variant, seed, trials, population):
    function, n, m = PROBLEMS[name]
    random.seed(seed)
    toolbox = base.Toolbox()
    toolbox.register("attr", random.random)
    toolbox.register("individual", tools.initRepeat, INDIVIDUAL[m], toolbox.attr, n)
    toolbox.register("population", tools.initRepeat, list, toolbox.individual)
    evaluated = []

    def evaluate(ind):
        f = function(ind)
        evaluated.append(tuple(f))
        return f

    toolbox.register("evaluate", evaluate)
    toolbox.register("mate", tools.cxSimulatedBinaryBounded, low=0.0, up=1.0, eta=20.0)
    toolbox.register("mutate", tools.mutPolynomialBounded, low=0.0, up=1.0, eta=20.0, indpb=1.0 / n)
    toolbox.register("select", tools.selNSGA2)
    if variant == "mu-plus-lambda":
        pop = toolbox.population(n=population)
        # cxpb + mutpb = 1: every offspring changes and is evaluated, lambda a generation
        algorithms.eaMuPlusLambda(pop, toolbox, mu=population, lambda_=population, cxpb=0.9, mutpb=0.1,
                                  ngen=(trials - population) // population, verbose=False)
    else:
        example_loop(toolbox, population - population % 4, trials)
    return hypervolume(evaluated, m), len(evaluated)


def example_loop(toolbox, mu, trials):
    """The loop of DEAP's examples/ga/nsga2.py: parents by selTournamentDCD (which needs a multiple
    of 4), SBX on each pair with probability 0.9, then mutation of every child, selNSGA2 survival."""
    pop = toolbox.population(n=mu)
    for ind in pop:
        ind.fitness.values = toolbox.evaluate(ind)
    pop = toolbox.select(pop, len(pop))  # assigns the crowding distances
    for _ in range((trials - mu) // mu):
        offspring = [toolbox.clone(ind) for ind in tools.selTournamentDCD(pop, len(pop))]
        for ind1, ind2 in zip(offspring[::2], offspring[1::2]):
            if random.random() <= 0.9:
                toolbox.mate(ind1, ind2)
            toolbox.mutate(ind1)
            toolbox.mutate(ind2)
            del ind1.fitness.values, ind2.fitness.values
        for ind in offspring:
            ind.fitness.values = toolbox.evaluate(ind)
        pop = toolbox.select(pop + offspring, mu)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--problems", default="zdt1,zdt2,zdt3,dtlz2")
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--trials", type=int, default=5000)
    parser.add_argument("--population", type=int, default=50)
    parser.add_argument("--variants", default="mu-plus-lambda,example")
    args = parser.parse_args()
    for m in (2, 3):
        fitness = "FitnessMin%d" % m
        creator.create(fitness, base.Fitness, weights=(-1.0,) * m)
        creator.create("Individual%d" % m, list, fitness=getattr(creator, fitness))
        INDIVIDUAL[m] = getattr(creator, "Individual%d" % m)
    print("problem,variant,seed,hypervolume,evaluations")
    for name in args.problems.split(","):
        for variant in args.variants.split(","):
            for seed in range(args.first_seed, args.first_seed + args.seeds):
                hv, evaluations = run(name, variant, seed, args.trials, args.population)
                print("%s,%s,%d,%.6f,%d" % (name, variant, seed, hv, evaluations), flush=True)


if __name__ == "__main__":
    main()
