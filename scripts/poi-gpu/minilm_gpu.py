# An independent all-MiniLM-L6-v2 forward pass in PyTorch on the GPU (BERT, mean pooling,
# L2 normalisation), from the same (fp16-stored) weights, for the CPU-vs-GPU tolerance check:
#   python3 scripts/poi-gpu/prepare.py                      # here: weights, ids, CPU runs into .gpu/
#   python3 scripts/poi-gpu/minilm_gpu.py                   # on a GPU machine with PyTorch, from
#                                                           # the repo root, .gpu/ alongside;
#                                                           # writes $OUT/gpu_embeddings.json
#   python3 scripts/poi-gpu/compare.py gpu_embeddings.json  # here
# Runs twice: plain fp32, and with TF32 matmuls (the reduced precision some stacks default to).
import json, math, os, struct, sys, time
import torch
out_dir = os.environ.get('OUT', '.')
raw = open('.gpu/minilm-f16.safetensors', 'rb').read()
n = struct.unpack('<Q', raw[:8])[0]
header = json.loads(raw[8:8 + n])
dev = torch.device('cuda')
W = {}
for k, m in header.items():
    a, b = m['data_offsets']
    t = torch.frombuffer(bytearray(raw[8 + n + a: 8 + n + b]), dtype=torch.float16).reshape(m['shape'])
    W[k] = t.to(torch.float32).to(dev)
ids = json.load(open('.gpu/ids.json'))
input_ids = torch.tensor(ids['ids'], device=dev)
mask = torch.tensor(ids['mask'], device=dev, dtype=torch.float32)
B, L = input_ids.shape
H, heads = 384, 12
d = H // heads

def ln(x, p):
    return torch.nn.functional.layer_norm(x, (H,), W[p + '.weight'], W[p + '.bias'], eps=1e-12)

def lin(x, p):
    return x @ W[p + '.weight'].T + W[p + '.bias']

def forward():
    x = W['embeddings.word_embeddings.weight'][input_ids] + W['embeddings.position_embeddings.weight'][:L][None] + W['embeddings.token_type_embeddings.weight'][0][None, None]
    x = ln(x, 'embeddings.LayerNorm')
    ext = (1.0 - mask)[:, None, None, :] * torch.finfo(torch.float32).min
    for i in range(6):
        p = f'encoder.layer.{i}.'
        q = lin(x, p + 'attention.self.query').view(B, L, heads, d).transpose(1, 2)
        k = lin(x, p + 'attention.self.key').view(B, L, heads, d).transpose(1, 2)
        v = lin(x, p + 'attention.self.value').view(B, L, heads, d).transpose(1, 2)
        s = q @ k.transpose(-1, -2) / math.sqrt(d) + ext
        ctx = (torch.softmax(s, -1) @ v).transpose(1, 2).reshape(B, L, H)
        x = ln(lin(ctx, p + 'attention.output.dense') + x, p + 'attention.output.LayerNorm')
        inter = torch.nn.functional.gelu(lin(x, p + 'intermediate.dense'))
        x = ln(lin(inter, p + 'output.dense') + x, p + 'output.LayerNorm')
    m = mask[:, :, None]
    mean = (x * m).sum(1) / m.sum(1).clamp(min=1e-9)
    return mean / mean.norm(dim=1, keepdim=True).clamp(min=1e-12)

results = {'device': torch.cuda.get_device_name(0), 'torch': torch.__version__}
for name, tf32 in [('fp32', False), ('tf32', True)]:
    torch.backends.cuda.matmul.allow_tf32 = tf32
    torch.backends.cudnn.allow_tf32 = tf32
    with torch.no_grad():
        forward(); torch.cuda.synchronize()
        t = time.time(); e = forward(); torch.cuda.synchronize(); ms = (time.time() - t) * 1e3
    results[name] = {'ms': ms, 'embeddings': e.cpu().tolist()}
    print(name, f'{ms:.2f} ms', e[0, :4].tolist(), flush=True)
json.dump(results, open(os.path.join(out_dir, 'gpu_embeddings.json'), 'w'))
