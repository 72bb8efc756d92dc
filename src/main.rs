use std::process::ExitCode;

// mimalloc returns memory freed by the claim linker's thread to the
// process, where glibc's per-thread arenas kept it: peak RSS of a 100k
// import 364 MB with glibc, 286 MB with mimalloc (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    keep_freed_heap();
    newsarchive::cli::main()
}

/// SQLite and zstd allocate through glibc's malloc, which gave the top of
/// its heap back to the system whenever 128 KiB lay free there — thousands
/// of times per import, each return and re-growth costing page faults and a
/// TLB flush on every core (a fifth of the storing time of a 20k-article
/// import). Up to 16 MiB now stays in the heap; peak memory is unchanged.
fn keep_freed_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tuning value of glibc's allocator; it is
    // called before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_TRIM_THRESHOLD, 16 << 20);
    }
}
