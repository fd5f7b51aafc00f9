# Prepares the CPU-vs-GPU tolerance check of all-MiniLM-L6-v2 (see docs/poi.md, "Measured"):
#  - .gpu/minilm-f16.safetensors: the weights stored as fp16 (45 MB, to fit what travels to a
#    GPU machine); /tmp/zkp-minilm-f16r/: the same rounded weights as f32, for the CPU run;
#  - .gpu/ids.json: token ids and masks of 64 sentences (the model's own tokenizer.json);
#  - /tmp/zkp-gpu-check/{cpu,altered}.json: zkp-agent's CPU embeddings of the sentences, and
#    of the sentences altered the way `--fault wrong-input` alters them.
# Needs numpy and tokenizers (pip). Then run minilm_gpu.py on the GPU and compare.py here.
import json, os, shutil, struct, subprocess, sys
import numpy as np
from tokenizers import Tokenizer

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
src = sys.argv[1] if len(sys.argv) > 1 else os.path.expanduser('~/.cache/zkp/models/all-MiniLM-L6-v2')
agent = os.path.join(os.environ.get('CARGO_TARGET_DIR', os.path.expanduser('~/.cache/zkp/target')), 'release', 'zkp-agent')
work, f16r, gpu = '/tmp/zkp-gpu-check', '/tmp/zkp-minilm-f16r', os.path.join(root, '.gpu')
for d in (work, f16r, gpu):
    os.makedirs(d, exist_ok=True)

data = open(os.path.join(src, 'model.safetensors'), 'rb').read()
n = struct.unpack('<Q', data[:8])[0]
header = json.loads(data[8:8 + n])
def save(tensors, path, dtype):
    meta, off, blobs = {}, 0, []
    for k in sorted(tensors):
        b = tensors[k].tobytes()
        meta[k] = {'dtype': dtype, 'shape': list(tensors[k].shape), 'data_offsets': [off, off + len(b)]}
        off += len(b)
        blobs.append(b)
    h = json.dumps(meta).encode()
    h += b' ' * ((8 - len(h) % 8) % 8)
    with open(path, 'wb') as out:
        out.write(struct.pack('<Q', len(h)) + h + b''.join(blobs))
half = {}
for k, m in header.items():
    if k == '__metadata__' or m['dtype'] != 'F32':
        continue
    a, b = m['data_offsets']
    half[k] = np.frombuffer(data[8 + n + a: 8 + n + b], dtype=np.float32).reshape(m['shape']).astype(np.float16)
save(half, os.path.join(gpu, 'minilm-f16.safetensors'), 'F16')
save({k: v.astype(np.float32) for k, v in half.items()}, os.path.join(f16r, 'model.safetensors'), 'F32')
for name in ('config.json', 'tokenizer.json'):
    shutil.copy(os.path.join(src, name), os.path.join(f16r, name))

subjects = ["The cat", "A validator", "My neighbour", "The storage provider", "An old sailor", "The GPU"]
verbs = ["watches", "signs", "carries", "computes", "remembers", "finalizes"]
objects = ["the morning blocks", "a heavy parcel", "seven proofs", "the quiet harbour", "every embedding", "a red kite"]
sentences = ['A man is eating food.', 'A man is eating a piece of bread.', 'The new movie is awesome.', 'A cheetah is running behind its prey.']
sentences += [f"{subjects[i % 6]} {verbs[(i // 6) % 6]} {objects[(i // 36) % 6]} ({i})." for i in range(60)]
enc = Tokenizer.from_file(os.path.join(src, 'tokenizer.json')).encode_batch(sentences)
json.dump({'ids': [e.ids for e in enc], 'mask': [e.attention_mask for e in enc]}, open(os.path.join(gpu, 'ids.json'), 'w'))
for name, text in (('cpu', sentences), ('altered', [s + ' indeed' for s in sentences])):
    path = os.path.join(work, f'{name}-input.json')
    json.dump(text, open(path, 'w'))
    out = subprocess.run([agent, 'infer', '--model', f16r, '--input', path], check=True, capture_output=True).stdout
    open(os.path.join(work, f'{name}.json'), 'wb').write(out)
print(f'prepared {len(sentences)} sentences; carry .gpu ({sum(os.path.getsize(os.path.join(gpu, f)) for f in os.listdir(gpu)) / 1e6:.1f} MB)')
