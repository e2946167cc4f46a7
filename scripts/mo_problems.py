"""The multi-objective test problems of NAS's benchmarks (ZDT1-3, DTLZ2), for the comparison scripts.

Defined as `nas search --objective NAME` has them: every variable in [0, 1], objectives minimized.
PROBLEMS maps a name to (function, variables, objectives).
"""
import math


def zdt_g(x):
    return 1.0 + 9.0 * sum(x[1:]) / (len(x) - 1)


def zdt1(x):
    g = zdt_g(x)
    return x[0], g * (1.0 - math.sqrt(x[0] / g))


def zdt2(x):
    g = zdt_g(x)
    return x[0], g * (1.0 - (x[0] / g) ** 2)


def zdt3(x):
    g = zdt_g(x)
    r = x[0] / g
    return x[0], g * (1.0 - math.sqrt(r) - r * math.sin(10.0 * math.pi * x[0]))


def dtlz2(x, m=3):
    g = sum((xi - 0.5) ** 2 for xi in x[m - 1:])
    f = []
    for k in range(m):
        v = 1.0 + g
        for j in range(m - 1 - k):
            v *= math.cos(x[j] * math.pi / 2)
        if k > 0:
            v *= math.sin(x[m - 1 - k] * math.pi / 2)
        f.append(v)
    return tuple(f)


PROBLEMS = {"zdt1": (zdt1, 30, 2), "zdt2": (zdt2, 30, 2), "zdt3": (zdt3, 30, 2), "dtlz2": (dtlz2, 12, 3)}
