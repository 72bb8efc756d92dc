use std::process::ExitCode;

// mimalloc returns memory freed by the claim linker's thread to the
// process, where glibc's per-thread arenas kept it: peak RSS of a 100k
// import 364 MB with glibc, 286 MB with mimalloc (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    newsarchive::cli::main()
}
