pragma circom 2.0.0;

// Knowledge of factors: public `c = a * b` and `d = c + salt`, private a and b, public salt.
// Three public signals (c, d, salt), in snarkjs' order: outputs first, then public inputs.
template Product() {
    signal input a;
    signal input b;
    signal input salt;
    signal output c;
    signal output d;
    c <== a * b;
    d <== c + salt;
}

component main {public [salt]} = Product();
