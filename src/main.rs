use std::process::ExitCode;

fn main() -> ExitCode {
    newsarchive::cli::main()
}
