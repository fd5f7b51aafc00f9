// zombienet js-script: `NODE: js-script ./finality.cjs with "mark"` records NODE's best block
// height; `NODE: js-script ./finality.cjs with "resumed"` then waits until every node's
// finalized height passes that mark by 2 blocks, i.e. GRANDPA finalized the blocks produced
// while a validator was down. Heights come from each node's Prometheus endpoint. The mark also
// has its time (`t`, ms), for load.cjs "down".
const fs = require('node:fs');
const path = require('node:path');

async function metric(prometheusUri, status) {
  const text = await (await fetch(prometheusUri)).text();
  const re = new RegExp(`^substrate_block_height\\{status="${status}"[^}]*\\} (\\d+)`, 'm');
  const m = text.match(re);
  if (!m) throw new Error(`no ${status} height at ${prometheusUri}`);
  return Number(m[1]);
}

async function run(nodeName, networkInfo, args) {
  const markFile = path.join(networkInfo.tmpDir, 'finality-mark.json');
  const me = networkInfo.nodesByName[nodeName];
  if (args[0] === 'mark') {
    const best = await metric(me.prometheusUri, 'best');
    const finalized = await metric(me.prometheusUri, 'finalized');
    fs.writeFileSync(markFile, JSON.stringify({ best, finalized, t: Date.now() }));
    console.log(`mark: ${nodeName} best=${best} finalized=${finalized}`);
    return best;
  }
  if (args[0] === 'resumed') {
    const { best } = JSON.parse(fs.readFileSync(markFile, 'utf8'));
    const target = best + 2;
    for (;;) {
      const heights = {};
      for (const [name, node] of Object.entries(networkInfo.nodesByName)) {
        heights[name] = await metric(node.prometheusUri, 'finalized').catch(() => -1);
      }
      if (Object.values(heights).every((h) => h >= target)) {
        console.log(`finality resumed past ${target}: ${JSON.stringify(heights)}`);
        return Math.min(...Object.values(heights));
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  throw new Error(`unknown mode ${args[0]}`);
}

module.exports = { run };
