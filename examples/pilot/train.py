"""A small real training program for the pilot walkthrough: a one-hidden-layer network (tanh) trained
with mini-batch SGD and momentum on a generated two-class dataset (two interleaved moons with noise).

It knows nothing of NAS. It reads a JSON config file, trains with the given seed, appends one JSON
line per logged step to OUT/train.jsonl and writes OUT/summary.json with the losses:

    python3 train.py --config config.json --seed 123 --out DIR

Config keys (nested): optimizer.lr, optimizer.momentum, model.hidden, model.init_scale, model.l2,
train.steps, train.batch_size, train.log_every. For tests, "fail" makes the run go wrong on purpose:
"exit" (exit code 3), "nan" (NaN losses), "sleep" (never finishes), "oom" (MemoryError),
"no-summary" (writes none), "bad-json" (a malformed summary).
"""
import argparse
import json
import math
import os
import random
import sys
import time


def make_data(n, rng):
    """Two interleaved half-circles ("moons") in 2-D with Gaussian noise; labels 0 and 1."""
    xs, ys = [], []
    for i in range(n):
        t = math.pi * rng.random()
        if i % 2 == 0:
            x = (math.cos(t), math.sin(t))
            y = 0
        else:
            x = (1.0 - math.cos(t), 0.5 - math.sin(t))
            y = 1
        xs.append((x[0] + rng.gauss(0, 0.15), x[1] + rng.gauss(0, 0.15)))
        ys.append(y)
    return xs, ys


def get(config, path, default):
    node = config
    for key in path.split("."):
        if not isinstance(node, dict) or key not in node:
            return default
        node = node[key]
    return node


def train(config, seed, out):
    lr = float(get(config, "optimizer.lr", 0.05))
    momentum = float(get(config, "optimizer.momentum", 0.0))
    hidden = int(get(config, "model.hidden", 8))
    init_scale = float(get(config, "model.init_scale", 0.5))
    l2 = float(get(config, "model.l2", 0.0))
    steps = int(get(config, "train.steps", 60))
    batch = int(get(config, "train.batch_size", 16))
    log_every = int(get(config, "train.log_every", 5))
    fail = config.get("fail")

    if fail == "exit":
        print("invalid configuration: fail=exit", file=sys.stderr)
        sys.exit(3)
    if fail == "oom":
        raise MemoryError("cannot allocate the activations")
    if fail == "sleep":
        time.sleep(3600)

    xs, ys = make_data(256, random.Random(0))  # the dataset is fixed; the seed drives init and batches
    rng = random.Random(seed)
    w1 = [[rng.gauss(0, init_scale) for _ in range(2)] for _ in range(hidden)]
    b1 = [0.0] * hidden
    w2 = [rng.gauss(0, init_scale) for _ in range(hidden)]
    b2 = 0.0
    v_w1 = [[0.0, 0.0] for _ in range(hidden)]
    v_b1 = [0.0] * hidden
    v_w2 = [0.0] * hidden
    v_b2 = 0.0

    losses = []
    window = []
    log = open(os.path.join(out, "train.jsonl"), "a")
    for step in range(1, steps + 1):
        g_w1 = [[0.0, 0.0] for _ in range(hidden)]
        g_b1 = [0.0] * hidden
        g_w2 = [0.0] * hidden
        g_b2 = 0.0
        loss = 0.0
        for _ in range(batch):
            i = rng.randrange(len(xs))
            x, y = xs[i], ys[i]
            h = [math.tanh(w1[j][0] * x[0] + w1[j][1] * x[1] + b1[j]) for j in range(hidden)]
            z = sum(w2[j] * h[j] for j in range(hidden)) + b2
            p = 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0
            p = min(max(p, 1e-12), 1 - 1e-12)
            loss += -(y * math.log(p) + (1 - y) * math.log(1 - p))
            dz = p - y  # d(cross-entropy)/dz
            g_b2 += dz
            for j in range(hidden):
                g_w2[j] += dz * h[j]
                dh = dz * w2[j] * (1 - h[j] * h[j])
                g_w1[j][0] += dh * x[0]
                g_w1[j][1] += dh * x[1]
                g_b1[j] += dh
        loss /= batch
        if fail == "nan" and step > steps // 2:
            loss = float("nan")
        for j in range(hidden):
            v_w2[j] = momentum * v_w2[j] - lr * (g_w2[j] / batch + l2 * w2[j])
            w2[j] += v_w2[j]
            v_b1[j] = momentum * v_b1[j] - lr * g_b1[j] / batch
            b1[j] += v_b1[j]
            for k in range(2):
                v_w1[j][k] = momentum * v_w1[j][k] - lr * (g_w1[j][k] / batch + l2 * w1[j][k])
                w1[j][k] += v_w1[j][k]
        v_b2 = momentum * v_b2 - lr * g_b2 / batch
        b2 += v_b2
        window.append(loss)
        if step % log_every == 0:
            mean = sum(window) / len(window)
            window = []
            losses.append(mean)
            log.write(json.dumps({"step": step, "loss": mean}) + "\n")
            log.flush()
    log.close()

    if fail == "no-summary":
        return
    with open(os.path.join(out, "summary.json"), "w") as f:
        if fail == "bad-json":
            f.write('{"losses": [0.5, 0.4')
            return
        # json writes NaN as NaN, which strict readers refuse: a diverged run says so in "diverged"
        json.dump({"losses": losses, "final_loss": losses[-1] if losses else None, "steps": steps,
                   "seed": seed, "diverged": any(map(math.isnan, losses))}, f)


def main():
    parser = argparse.ArgumentParser(description="Train a tiny network on a generated dataset.")
    parser.add_argument("--config", required=True, help="JSON config file")
    parser.add_argument("--seed", type=int, default=0, help="seed of the initial weights and the batches")
    parser.add_argument("--out", default=".", help="directory for summary.json and train.jsonl")
    args = parser.parse_args()
    with open(args.config) as f:
        config = json.load(f)
    os.makedirs(args.out, exist_ok=True)
    train(config, args.seed, args.out)


if __name__ == "__main__":
    main()
