//! Every kept input (`regressions/TARGET/*`, crashes the fuzzer once found)
//! through its check, then a few thousand pseudo-random inputs per target, so
//! `cargo xtask test` catches a check that no longer holds without libFuzzer.

use std::path::Path;

#[test]
fn every_kept_input_passes_its_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("regressions");
    let mut replayed = 0;
    for (target, check) in portal_fuzz::TARGETS {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            let input = std::fs::read(&path).expect("a kept input reads");
            println!("{target}: {}", path.display());
            check(&input);
            replayed += 1;
        }
    }
    println!("{replayed} kept inputs replayed");
}

/// xorshift64*: the same inputs on every run.
struct Bytes(u64);

impl Bytes {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn input(&mut self) -> Vec<u8> {
        let len = (self.next() % 512) as usize;
        (0..len).map(|_| self.next() as u8).collect()
    }
}

#[test]
fn pseudo_random_inputs_pass_every_check() {
    for (n, (target, check)) in portal_fuzz::TARGETS.into_iter().enumerate() {
        let mut bytes = Bytes(0x9e37_79b9_7f4a_7c15 ^ n as u64);
        for _ in 0..2_000 {
            let input = bytes.input();
            let shown = input.clone();
            if std::panic::catch_unwind(|| check(&input)).is_err() {
                panic!("{target} failed on {shown:?}");
            }
        }
    }
}
