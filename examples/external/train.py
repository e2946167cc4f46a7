"""A stand-in for a training script, tuned by `nas search --objective external`.

NAS passes the trial's parameters as JSON in $NAS_PARAMS; the script reports one loss per epoch
("nas:report EPOCH LOSS", so a pruner can stop it early) and prints its result ("nas:result LOSS").
Files it writes belong in $NAS_TRIAL_DIR, the trial's own directory.
"""
import json
import math
import os

params = json.loads(os.environ["NAS_PARAMS"])
lr, layers, act = params["lr"], params["layers"], params["act"]

# a loss surface with its minimum near lr = 0.01, 3 layers, tanh
floor = (math.log10(lr) + 2) ** 2 + 0.3 * (layers - 3) ** 2 + (0.0 if act == "tanh" else 0.2)
loss = floor + 1.0
for epoch in range(10):
    loss = floor + 1.0 / (epoch + 1)
    print(f"nas:report {epoch} {loss}", flush=True)

with open(os.path.join(os.environ["NAS_TRIAL_DIR"], "model.txt"), "w") as f:
    f.write(f"lr={lr} layers={layers} act={act}\n")
print(f"nas:result {loss}")
