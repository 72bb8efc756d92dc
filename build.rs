//! Embeds the files of `seed/` so `newsarchive seed` needs no checkout.

use std::fmt::Write;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=seed");
    // `embed_migrations!` reads migrations/ when the crate compiles; a new
    // migration file must rebuild it.
    println!("cargo:rerun-if-changed=migrations");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seed");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("seed/ exists")
        .map(|e| e.expect("seed/ is readable").file_name().into_string().expect("seed file names are UTF-8"))
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    let mut out = String::from("/// The seed files: name and bytes.\npub static FILES: &[(&str, &[u8])] = &[\n");
    for name in names {
        let path = dir.join(&name);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(out, "    ({name:?}, include_bytes!({:?})),", path.display().to_string()).unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("seed_files.rs");
    std::fs::write(dest, out).unwrap();
}
