# Compares the GPU embeddings (minilm_gpu.py's gpu_embeddings.json, path as argument) with
# zkp-agent's CPU ones, value by value and through the chain's sketch rule (32 entries,
# 2^-16 quanta, tolerance 64, 20 seeds), and shows how far a wrong input lands.
import hashlib, json, struct, sys
import numpy as np

def blake2_256(b):
    return hashlib.blake2b(b, digest_size=32).digest()

def sketch(v, seed, entries=32, bits=16):
    """zkp_primitives::poi::sketch, in Python."""
    n, out = len(v), []
    for j in range(4):
        total = 0.0
        for block in range(0, n, 256):
            bits_ = blake2_256(seed + b'proj' + struct.pack('<I', j) + struct.pack('<Q', block // 256))
            chunk = v[block:block + 256].astype(np.float64)
            signs = np.array([1.0 if (bits_[i // 8] >> (i % 8)) & 1 else -1.0 for i in range(len(chunk))])
            total += float((signs * chunk).sum())
        out.append(round(total / np.sqrt(n) * 2 ** bits))
    for k in range(4, entries):
        index = int.from_bytes(blake2_256(seed + b'pick' + struct.pack('<I', k))[:8], 'little') % n
        out.append(round(float(v[index]) * 2 ** bits))
    return np.array(out)

def worst(a, b, seeds=20):
    return [int(np.abs(sketch(a, bytes([s]) * 32) - sketch(b, bytes([s]) * 32)).max()) for s in range(seeds)]

load = lambda p: np.array(json.load(open(p))['data'], dtype=np.float32)
gpu = json.load(open(sys.argv[1]))
cpu = load('/tmp/zkp-gpu-check/cpu.json')
altered = load('/tmp/zkp-gpu-check/altered.json')
print(f"GPU: {gpu['device']}, torch {gpu['torch']}")
for mode in ('fp32', 'tf32'):
    e = np.array(gpu[mode]['embeddings'], dtype=np.float32)
    d = np.abs(e - cpu)
    print(f"{mode}: |GPU - CPU| max {d.max():.2e}, mean {d.mean():.2e}; worst sketch entry {max(worst(e.ravel(), cpu.ravel()))} quanta (tolerance 64); {gpu[mode]['ms']:.2f} ms for {len(e)} sentences")
w = worst(cpu.ravel(), altered.ravel())
print(f"wrong input (one word added): worst sketch entry per seed min {min(w)}, median {sorted(w)[len(w) // 2]} quanta; median |value diff| {np.median(np.abs(cpu - altered)):.2e}")
