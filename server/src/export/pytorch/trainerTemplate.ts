/**
 * The fixed part of an exported `train.py`: NN Studio's random numbers, data split and batch order, loss heads,
 * optimizers and the training loop (one process or DistributedDataParallel), all as the engine computes them.
 * It reads only the constants `trainerScript` writes above it; no text from a `.nn` file reaches this part.
 */
export const TRAINER_BODY = String.raw`
HERE = os.path.dirname(os.path.abspath(__file__))


# NN Studio's random numbers (xoshiro128** seeded by splitmix32), bit for bit: the split and the batch order.
MASK = 0xFFFFFFFF
STREAM_SHUFFLE = 2
STREAM_SPLIT = 5


def _imul(a, b):
    return (a * b) & MASK


def _rotl(x, k):
    return ((x << k) | (x >> (32 - k))) & MASK


class Rng:
    """The engine's seeded generator: the same seed and stream give the same numbers as in NN Studio."""

    def __init__(self, seed, stream=0):
        state = (int(seed) ^ _imul(stream + 1, 0x632BE5AB)) & MASK
        words = []
        for _ in range(4):
            state = (state + 0x9E3779B9) & MASK
            z = _imul(state ^ (state >> 16), 0x85EBCA6B)
            z = _imul(z ^ (z >> 13), 0xC2B2AE35)
            words.append(z ^ (z >> 16))
        if not any(words):
            words[0] = 1
        self.s = words

    def next_uint32(self):
        s0, s1, s2, s3 = self.s
        result = _imul(_rotl(_imul(s1, 5), 7), 9)
        t = (s1 << 9) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = _rotl(s3, 11)
        self.s = [s0, s1, s2, s3]
        return result

    def next(self):
        return self.next_uint32() / 4294967296.0

    def shuffle(self, values):
        """Fisher-Yates in place, drawing exactly as the engine does."""
        for i in range(len(values) - 1, 0, -1):
            j = math.floor(self.next() * (i + 1))
            values[i], values[j] = values[j], values[i]


# The data: raw input columns, then the target (a class name, or numbers).
def load_data():
    with open(os.path.join(HERE, DATA_FILE), newline="", encoding="utf-8") as file:
        rows = list(csv.reader(file))[1:]
    x = torch.tensor([[float(v) for v in row[:INPUT_COLUMNS]] for row in rows], dtype=torch.float64)
    if CLASSES is None:
        t = torch.tensor([[float(v) for v in row[INPUT_COLUMNS:]] for row in rows], dtype=torch.float64)
        return x, t.reshape(len(rows), OUTPUT_WIDTH)
    index = {name: i for i, name in enumerate(CLASSES)}
    labels = torch.tensor([index[row[INPUT_COLUMNS]] for row in rows], dtype=torch.long)
    if OUTPUT_WIDTH == 1:
        return x, labels.to(torch.float64).reshape(-1, 1)
    return x, torch.nn.functional.one_hot(labels, OUTPUT_WIDTH).to(torch.float64)


def split_rows(n):
    """The engine's split: a seeded shuffle of the rows, the first share held out for validation."""
    order = list(range(n))
    Rng(SEED, STREAM_SPLIT).shuffle(order)
    n_val = math.floor(n * min(max(VALIDATION, 0.0), 0.95) + 0.5)
    if VALIDATION > 0 and n_val == 0 and n > 1:
        n_val = 1
    if n_val >= n:
        n_val = n - 1
    return order[n_val:], order[:n_val]


def network_inputs(x):
    """What the first layer sees of raw rows (the features of the .nn file, when it has a features line)."""
    return exported.features(x) if HAS_FEATURES else x


def standardization(x):
    """Mean and standard deviation per input over the training rows (std 1 for a constant input)."""
    seen = network_inputs(x)
    mean = seen.mean(dim=0)
    std = ((seen - mean) ** 2).mean(dim=0).sqrt()
    return mean, torch.where(std > 1e-12, std, torch.ones_like(std))


# Loss heads: each returns the summed per-row loss, as the engine defines it (losses.md of NN Studio).
EPS = 1e-7


def _unless_zero(mask, values):
    return torch.where(mask, values, torch.zeros_like(values))


def loss_sum(values, outputs, t):
    width = values.shape[1]
    if LOSS_HEAD == "sigmoid-bce":
        return torch.nn.functional.binary_cross_entropy_with_logits(values, t, reduction="sum") / width
    if LOSS_HEAD == "softmax-cce":
        return -_unless_zero(t != 0, t * torch.log_softmax(values, dim=1)).sum()
    if LOSS_HEAD == "sigmoid-cce":
        return _unless_zero(t != 0, t * torch.nn.functional.softplus(-values)).sum()
    if LOSS_HEAD == "softmax-bce" and width > 1:
        lse = torch.logsumexp(values, dim=1, keepdim=True)
        eye = torch.eye(width, dtype=torch.bool, device=values.device)
        others = values.unsqueeze(1).expand(-1, width, width).masked_fill(eye, float("-inf"))
        log_p = values - lse
        log_1mp = torch.logsumexp(others, dim=2) - lse
        return -(_unless_zero(t != 0, t * log_p) + _unless_zero(t != 1, (1 - t) * log_1mp)).sum() / width
    if LOSS_HEAD in ("clamped-bce", "softmax-bce"):
        p = torch.clamp(outputs, EPS, 1 - EPS)
        return -(t * torch.log(p) + (1 - t) * torch.log(1 - p)).sum() / width
    if LOSS_HEAD == "clamped-cce":
        return -_unless_zero(t != 0, t * torch.log(torch.clamp(outputs, min=EPS))).sum()
    d = outputs - t
    if LOSS_HEAD == "mse":
        return (d * d).sum() / width
    if LOSS_HEAD == "mae":
        return d.abs().sum() / width
    if LOSS_HEAD == "huber":
        quadratic = 0.5 * d * d
        linear = HUBER_DELTA * (d.abs() - 0.5 * HUBER_DELTA)
        return torch.where(d.abs() <= HUBER_DELTA, quadratic, linear).sum() / width
    raise ValueError(f"unknown loss head {LOSS_HEAD}")


class Head(torch.nn.Module):
    """The values the loss reads: the logits before a final sigmoid/softmax, or the outputs themselves."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x):
        return self.model.logits(x) if USE_LOGITS else self.model(x)


def outputs_of(values):
    if not USE_LOGITS:
        return values
    return torch.sigmoid(values) if OUTPUT_ACTIVATION == "sigmoid" else torch.softmax(values, dim=1)


# Optimizers, updating in place exactly as the engine's do; regularization joins the weights' gradients.
class Optimizer:
    def __init__(self, model):
        decayed = {id(m.weight) for m in model.modules() if isinstance(m, torch.nn.Linear)}
        self.params = [(p, id(p) in decayed) for p in model.parameters()]
        self.state = [(torch.zeros_like(p), torch.zeros_like(p)) for p, _ in self.params]
        self.t = 0

    def gradients_finite(self):
        return all(bool(torch.isfinite(p.grad).all()) for p, _ in self.params if p.grad is not None)

    @torch.no_grad()
    def step(self):
        self.t += 1
        for (p, decay), (a, b) in zip(self.params, self.state):
            if p.grad is None:
                continue
            g = p.grad
            if decay and REGULARIZE == "l2":
                g = g + 2 * REGULARIZE_AMOUNT * p
            elif decay and REGULARIZE == "l1":
                g = g + REGULARIZE_AMOUNT * torch.sign(p)
            if OPTIMIZER == "sgd":
                if MOMENTUM > 0:
                    a.mul_(MOMENTUM).sub_(LR * g)
                    p.add_(a)
                else:
                    p.sub_(LR * g)
            elif OPTIMIZER == "adam":
                step = LR * math.sqrt(1 - BETA2 ** self.t) / (1 - BETA1 ** self.t)
                eps = EPSILON * math.sqrt(1 - BETA2 ** self.t)
                a.mul_(BETA1).add_((1 - BETA1) * g)
                b.mul_(BETA2).add_((1 - BETA2) * g * g)
                p.sub_(step * a / (b.sqrt() + eps))
            else:
                a.mul_(RHO).add_((1 - RHO) * g * g)
                p.sub_(LR * g / (a.sqrt() + EPSILON))


@torch.no_grad()
def evaluate(head, x, t, confusion=None):
    """Loss (in float64, like the engine's sums) and accuracy or MAE over a whole split, without dropout."""
    if x.shape[0] == 0:
        return float("nan"), float("nan")
    values = head(x)
    outputs = outputs_of(values)
    loss = float(loss_sum(values.double(), outputs.double(), t.double())) / x.shape[0]
    if METRIC == "mae":
        metric = (outputs.double() - t.double()).abs().mean(dim=1)
    elif METRIC == "multilabel":
        metric = ((outputs >= THRESHOLD) == (t >= 0.5)).double().mean(dim=1)
    else:
        truth = (t[:, 0] >= 0.5).long() if METRIC == "binary" else t.argmax(dim=1)
        guess = (outputs[:, 0] >= THRESHOLD).long() if METRIC == "binary" else first_argmax(outputs)
        metric = (truth == guess).double()
        if confusion is not None:
            for i, j in zip(truth.tolist(), guess.tolist()):
                confusion[i][j] += 1
    return loss, float(metric.mean())


def first_argmax(values):
    """The first largest output of each row, as the engine picks it."""
    best = values.max(dim=1, keepdim=True).values
    positions = torch.arange(values.shape[1], device=values.device).expand_as(values)
    return torch.where(values == best, positions, values.shape[1]).min(dim=1).values


def finite_or_none(value):
    return value if math.isfinite(value) else None


def trained_weights(model, document, normalization):
    """The model's weights in NN Studio's JSON format (the initial weights' layout, trained values)."""
    weights = json.loads(json.dumps(document["weights"]))
    linears = [m for m in model.modules() if isinstance(m, torch.nn.Linear)]
    prelus = [m for m in model.modules() if isinstance(m, torch.nn.PReLU)]
    if len(linears) != len(weights["dense"]) or len(prelus) != len(SLOPE_OWNERS):
        raise RuntimeError("model.py does not match the weights file it was exported with")
    values = lambda tensor: tensor.detach().double().cpu().flatten().tolist()
    for entry, linear in zip(weights["dense"], linears):
        entry["W"] = values(linear.weight)
        entry["b"] = values(linear.bias)
    for (kind, index), prelu in zip(SLOPE_OWNERS, prelus):
        owner = weights["dense"][index] if kind == "dense" else weights["activationSlopes"][index]
        owner["slopes"] = values(prelu.weight)
    weights.pop("normalization", None)
    if normalization is not None:
        weights["normalization"] = {"mean": values(normalization[0]), "std": values(normalization[1])}
    return weights


def distributed_setup(device_name):
    """Joins the process group a launcher describes (WORLD_SIZE, RANK, LOCAL_RANK, MASTER_ADDR, MASTER_PORT)."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world <= 1:
        return 1, 0, torch.device("cuda" if device_name == "cuda" else "cpu")
    import torch.distributed as dist
    rank = int(os.environ["RANK"])
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    if device_name == "cuda":
        torch.cuda.set_device(local_rank)
        device = torch.device("cuda", local_rank)
    else:
        device = torch.device("cpu")
    dist.init_process_group("nccl" if device_name == "cuda" else "gloo")
    return world, rank, device


def local_rows(rows, world, rank):
    """This rank's share of a global batch: contiguous, as even as possible."""
    base, extra = divmod(len(rows), world)
    start = rank * base + min(rank, extra)
    return rows[start:start + base + (1 if rank < extra else 0)]


def main():
    parser = argparse.ArgumentParser(description="Trains the exported NN Studio model as NN Studio's engine does.")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--json", action="store_true", help="print one JSON line per epoch and one at the end")
    parser.add_argument("--device", choices=["cpu", "cuda"], default="cpu")
    parser.add_argument("--save", help="write the trained weights here (NN Studio JSON)")
    args = parser.parse_args()
    if args.epochs < 1:
        parser.error("--epochs needs a whole number of at least 1")
    world, rank, device = distributed_setup(args.device)
    say = rank == 0

    with open(os.path.join(HERE, INITIAL_WEIGHTS), encoding="utf-8") as file:
        document = json.load(file)
    model = getattr(exported, MODEL_CLASS)()
    model.load_weights(os.path.join(HERE, INITIAL_WEIGHTS))
    x, t = load_data()
    train_rows, val_rows = split_rows(x.shape[0])
    normalization = standardization(x[train_rows]) if NORMALIZE else None
    if normalization is not None:
        with torch.no_grad():
            model.mean.copy_(normalization[0])
            model.std.copy_(normalization[1])
    model.to(device)
    x_train, t_train = x[train_rows].float().to(device), t[train_rows].float().to(device)
    x_val, t_val = x[val_rows].float().to(device), t[val_rows].float().to(device)
    head = Head(model)
    trained = head
    if world > 1:
        from torch.nn.parallel import DistributedDataParallel
        trained = DistributedDataParallel(head, device_ids=[device.index] if device.type == "cuda" else None)
    optimizer = Optimizer(model)
    order = list(range(len(train_rows)))
    shuffler = Rng(SEED, STREAM_SHUFFLE)
    started = time.time()
    samples = 0
    reason = "completed"
    epoch = 0
    detail = None
    while epoch < args.epochs and reason == "completed":
        shuffler.shuffle(order)
        trained.train()
        for start in range(0, len(order), BATCH):
            rows = order[start:start + BATCH]
            mine = torch.tensor(local_rows(rows, world, rank), dtype=torch.long, device=device)
            for p in model.parameters():
                p.grad = None
            values = trained(x_train[mine])
            # DistributedDataParallel averages gradients over ranks: scaled so their sum is the global batch's mean.
            objective = loss_sum(values, outputs_of(values), t_train[mine]) * (world / len(rows))
            objective.backward()
            if not optimizer.gradients_finite():
                reason = "diverged"
                detail = f"the loss became NaN or infinite at epoch {epoch + 1} — lower the learning rate or standardize the data"
                break
            optimizer.step()
            samples += len(rows)
        if reason != "completed":
            break
        epoch += 1
        head.eval()
        train_loss, train_metric = evaluate(head, x_train, t_train)
        val_loss, val_metric = evaluate(head, x_val, t_val)
        if not math.isfinite(train_loss):
            reason = "diverged"
            detail = f"the loss became NaN or infinite at epoch {epoch} — lower the learning rate or standardize the data"
        elapsed = time.time() - started
        line = {
            "type": "epoch", "epoch": epoch, "epochs": args.epochs,
            "trainLoss": finite_or_none(train_loss), "valLoss": finite_or_none(val_loss),
            "trainMetric": finite_or_none(train_metric), "valMetric": finite_or_none(val_metric), "metricName": METRIC_NAME,
            "elapsedMs": round(elapsed * 1000), "samplesPerSecond": round(samples / elapsed) if elapsed > 0 else 0,
            "layers": [], "findings": [],
        }
        if say and args.json:
            print(json.dumps(line), flush=True)
        elif say:
            print(f"epoch {epoch}/{args.epochs}  loss {train_loss:.4g}  val loss {val_loss:.4g}  {METRIC_NAME} {val_metric:.4g}", flush=True)

    head.eval()
    k = len(CLASSES or [])
    confusion = [[0] * k for _ in range(k)] if 0 < k <= 50 and METRIC in ("binary", "argmax") else None
    train_loss, train_metric = evaluate(head, x_train, t_train)
    val_loss, val_metric = evaluate(head, x_val, t_val)
    if confusion is not None:
        evaluate(head, x_val if len(val_rows) > 0 else x_train, t_val if len(val_rows) > 0 else t_train, confusion)
    finished = {
        "type": "finished", "reason": reason, "epochs": epoch,
        "final": {"trainLoss": finite_or_none(train_loss), "valLoss": finite_or_none(val_loss), "trainMetric": finite_or_none(train_metric),
                  "valMetric": finite_or_none(val_metric), "metricName": METRIC_NAME},
        "findings": [], "classes": CLASSES or [],
    }
    if confusion is not None:
        finished["confusion"] = confusion
    if detail:
        finished["detail"] = detail
    if say and args.save and reason == "completed":
        document["weights"] = trained_weights(model, document, normalization)
        document.setdefault("train", {})["epochs"] = epoch
        with open(args.save, "w", encoding="utf-8") as file:
            json.dump(document, file, indent=2)
            file.write("\n")
        finished["savedWeights"] = args.save
    rank_file = os.environ.get("NN_TRAIN_RANK_WEIGHTS")
    if rank_file:
        # A check for data-parallel runs: every rank writes the weights it ended with (all ranks must agree).
        with open(rank_file, "w", encoding="utf-8") as file:
            json.dump(trained_weights(model, document, normalization), file)
    if say and args.json:
        print(json.dumps(finished), flush=True)
    elif say:
        print(f"{reason} after {epoch} epochs: loss {train_loss:.4g}, val loss {val_loss:.4g}, {METRIC_NAME} {val_metric:.4g}")
        if finished.get("savedWeights"):
            print(f"weights saved to {args.save}")
    if world > 1:
        torch.distributed.destroy_process_group()
    return 0 if reason == "completed" else 1


if __name__ == "__main__":
    sys.exit(main())
`;
