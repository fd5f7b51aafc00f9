// js-ipfs 0.66 calls Promise.withResolvers, which Node.js 20 lacks. Loaded with
// NODE_OPTIONS=--require by scripts/ipfs.sh; a no-op where the runtime has it.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
