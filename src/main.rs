fn main() {
    std::process::exit(subsidy::cli::main());
}
