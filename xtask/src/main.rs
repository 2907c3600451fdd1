//! Project tasks. `cargo run --release -p xtask -- bench` (in progress).

fn main() {
    eprintln!("usage: cargo run --release -p xtask -- bench");
}
